import { quantile, schemePurples, schemeYlGnBu } from 'd3';
import type { Indicator } from '../data/types.ts';

export const NO_DATA_COLOUR = '#e8e8e8';
const CLASSES = 5;

export interface ColourScale {
	/** Upper bound of each class but the last (length CLASSES − 1), ascending. */
	breaks: number[];
	/** One colour per class, lowest values first. */
	colours: string[];
	min: number;
	max: number;
	colourOf(value: number | null): string;
	classOf(value: number | null): number | null;
	/** Plain words for the legend: what a darker ward means. */
	darkerMeans: string;
}

/**
 * Five quantile classes (about 14 wards each), so every class is populated and the breaks can be stated.
 * Colours are single-hue or ordered-lightness ColorBrewer schemes, readable with colour-blindness. Darker
 * always means worse for indicators with a polarity; for neutral ones (e.g. ethnic mix) darker means higher.
 */
export function colourScale(values: (number | null)[], indicator: Pick<Indicator, 'polarity' | 'label' | 'short_label'>): ColourScale {
	const present = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
	const breaks = present.length
		? Array.from({ length: CLASSES - 1 }, (_, i) => quantile(present, (i + 1) / CLASSES) as number)
		: [];
	const neutral = indicator.polarity === 'neutral';
	const ramp = [...(neutral ? schemeYlGnBu : schemePurples)[CLASSES]];
	// For "higher is better", low values are the worse ones, so they get the dark end.
	const colours = indicator.polarity === 'higher_is_better' ? ramp.reverse() : ramp;
	const classOf = (value: number | null) => {
		if (value === null || !Number.isFinite(value) || !present.length) return null;
		const index = breaks.findIndex((b) => value <= b);
		return index === -1 ? CLASSES - 1 : index;
	};
	const darkerMeans = neutral
		? `Darker means a higher ${indicator.short_label}.`
		: indicator.polarity === 'higher_is_worse'
			? `Darker means a higher ${indicator.short_label}: worse.`
			: `Darker means a lower ${indicator.short_label}: worse.`;
	return {
		breaks,
		colours,
		min: present[0] ?? NaN,
		max: present[present.length - 1] ?? NaN,
		classOf,
		colourOf: (value) => {
			const c = classOf(value);
			return c === null ? NO_DATA_COLOUR : colours[c];
		},
		darkerMeans
	};
}
