/** Turns query results for one indicator into what the map, ranking and table show. Pure, so it is tested. */
import { colourScale, type ColourScale } from '$lib/map/colour-scale.ts';
import { compareWith, describeRank, formatValue, judgement, labelWithPeriod } from '$lib/format.ts';
import type { Benchmark, IndicatorSummary, Ward, WardValue } from '$lib/data/types.ts';

/** What a view needs of an indicator: official ones and readers' own ("your data") both fit. */
export type ViewIndicator = Pick<IndicatorSummary, 'id' | 'label' | 'short_label' | 'polarity' | 'period' | 'decimals' | 'derived'> & { unit: string };

export interface IndicatorView {
	indicator: ViewIndicator;
	scale: ColourScale;
	fills: Record<string, string>;
	byCode: Map<string, WardValue>;
	benchmark: Benchmark | undefined;
	describe: (code: string) => string;
	comparisonText: (value: number | null) => string;
	summary: string;
}

export function indicatorView(indicator: ViewIndicator, rows: WardValue[], benchmark: Benchmark | undefined, wards: Ward[]): IndicatorView {
	const byCode = new Map(rows.map((r) => [r.ward_code, r]));
	const nameOf = new Map(wards.map((w) => [w.code, w.name]));
	const scale = colourScale(rows.map((r) => r.value), indicator);
	const fills = Object.fromEntries(wards.map((w) => [w.code, scale.colourOf(byCode.get(w.code)?.value ?? null)]));

	const comparisonText = (value: number | null) => {
		const { comparison } = compareWith(value, benchmark?.birmingham ?? null);
		if (comparison === 'unknown') return '';
		if (comparison === 'similar') return 'same as Birmingham';
		const verdict = judgement(comparison, indicator);
		return `${comparison} than Birmingham${verdict ? ` (${verdict})` : ''}`;
	};

	const describe = (code: string) => {
		const row = byCode.get(code);
		const name = nameOf.get(code) ?? code;
		if (!row || row.value === null) return `${name}: no data`;
		const parts = [`${name}: ${formatValue(row.value, indicator)}`, describeRank(row.rank_high, row.ranked)];
		const versus = comparisonText(row.value);
		if (versus) parts.push(versus);
		return parts.join(', ');
	};

	const ranked = rows.filter((r) => r.value !== null).sort((a, b) => (b.value as number) - (a.value as number));
	const top = ranked[0];
	const bottom = ranked[ranked.length - 1];
	const summary = top
		? `${labelWithPeriod(indicator)} across ${ranked.length} Birmingham wards: highest ${nameOf.get(top.ward_code)} (${formatValue(top.value, indicator)}), lowest ${nameOf.get(bottom.ward_code)} (${formatValue(bottom.value, indicator)}).` +
			(benchmark?.birmingham != null ? ` Birmingham ${formatValue(benchmark.birmingham, indicator)}.` : '') +
			(benchmark?.england != null ? ` England ${formatValue(benchmark.england, indicator)}.` : '')
		: `${indicator.label}: no ward figures.`;

	return { indicator, scale, fills, byCode, benchmark, describe, comparisonText, summary };
}
