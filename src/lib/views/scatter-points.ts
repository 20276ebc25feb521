/** The points of the scatter plot, shared by /explore and /embed/scatter. Pure. */
import type { ScatterPoint } from '$lib/charts/ScatterPlot.svelte';
import type { ColourScale } from '$lib/map/colour-scale.ts';
import { formatValue } from '$lib/format.ts';
import { WARD_COLOURS, WARD_LETTERS } from './ward-choice.ts';

type Named = { short_label: string; unit: string; decimals: number };

export const UNCOLOURED = '#8c7bb8';

export function scatterPoints(args: {
	wards: { code: string; name: string }[];
	x: Named;
	y: Named;
	colour: Named | null;
	xs: Map<string, number | null>;
	ys: Map<string, number | null>;
	cs: Map<string, number | null>;
	scale: ColourScale | null;
	chosen: string[];
}): ScatterPoint[] {
	const { wards, x, y, colour, xs, ys, cs, scale, chosen } = args;
	return wards
		.filter((w) => xs.get(w.code) != null && ys.get(w.code) != null)
		.map((w) => {
			const i = chosen.indexOf(w.code);
			const c = cs.get(w.code) ?? null;
			return {
				code: w.code,
				name: w.name,
				x: xs.get(w.code)!,
				y: ys.get(w.code)!,
				colour: scale ? scale.colourOf(c) : UNCOLOURED,
				letter: i >= 0 ? WARD_LETTERS[i] : '',
				ring: i >= 0 ? WARD_COLOURS[i] : '',
				label: `${w.name}: ${x.short_label} ${formatValue(xs.get(w.code), x)}, ${y.short_label} ${formatValue(ys.get(w.code), y)}${colour ? `, ${colour.short_label} ${formatValue(c, colour)}` : ''}`
			};
		});
}

export const valueMapOf = (rows: { ward_code: string; value: number | null }[] | undefined) => new Map((rows ?? []).map((r) => [r.ward_code, r.value]));
