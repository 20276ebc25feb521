/**
 * The words and numbers that travel with a chart: alt text generated from the data, source lines, and the
 * CSV of exactly what is drawn. Pure, so it is tested against the published data.
 */
import { describeRank, formatValue, labelWithPeriod } from '$lib/format.ts';
import type { Benchmark, IndicatorSummary, Ward, WardValue } from '$lib/data/types.ts';
import type { ViewIndicator } from '$lib/views/indicator-view.ts';
import type { CsvTable } from './csv.ts';
import { NO_DATA_COLOUR, type ColourScale } from '$lib/map/colour-scale.ts';
import type { LegendSpec } from './types.ts';

export interface SourceLine {
	id: string;
	title: string;
	publisher: string;
	attribution: string;
	licence: string;
}

export const SITE_NAME = 'Birmingham Ward Inequality Explorer';
const BIRMINGHAM = { code: 'E08000025', name: 'Birmingham' };
const ENGLAND = { code: 'E92000001', name: 'England' };

/** Highest first; wards without a value last, by name. */
export function rankedRows(rows: WardValue[], wards: Ward[]): { ward: Ward; row: WardValue | undefined }[] {
	const byCode = new Map(rows.map((r) => [r.ward_code, r]));
	return wards
		.map((ward) => ({ ward, row: byCode.get(ward.code) }))
		.sort((a, b) => {
			const av = a.row?.value ?? null;
			const bv = b.row?.value ?? null;
			if (av === null || bv === null) return av === bv ? a.ward.name.localeCompare(b.ward.name) : av === null ? 1 : -1;
			return bv - av || a.ward.name.localeCompare(b.ward.name);
		});
}

function extremes(indicator: ViewIndicator, rows: WardValue[], wards: Ward[]): string {
	const ranked = rankedRows(rows, wards).filter((r) => r.row?.value != null);
	if (!ranked.length) return 'no ward has a figure';
	const top = ranked[0];
	const bottom = ranked[ranked.length - 1];
	return `highest ${top.ward.name} (${formatValue(top.row!.value, indicator)}), lowest ${bottom.ward.name} (${formatValue(bottom.row!.value, indicator)})`;
}

function benchmarkText(indicator: ViewIndicator, benchmark: Benchmark | undefined): string {
	const parts = [];
	if (benchmark?.birmingham != null) parts.push(`Birmingham ${formatValue(benchmark.birmingham, indicator)}`);
	if (benchmark?.england != null) parts.push(`England ${formatValue(benchmark.england, indicator)}`);
	return parts.length ? ` ${parts.join(', ')}.` : '';
}

const counted = (rows: WardValue[]) => rows.filter((r) => r.value !== null).length;

export function rankingAltText(indicator: ViewIndicator, rows: WardValue[], wards: Ward[], benchmark: Benchmark | undefined): string {
	const n = counted(rows);
	const missing = wards.length - n;
	return (
		`Bar chart ranking ${n} Birmingham wards by ${labelWithPeriod(indicator)}; ${extremes(indicator, rows, wards)}.` +
		benchmarkText(indicator, benchmark) +
		(missing > 0 ? ` ${missing} ward${missing === 1 ? ' has' : 's have'} no figure.` : '')
	);
}

export function mapAltText(indicator: ViewIndicator, rows: WardValue[], wards: Ward[], benchmark: Benchmark | undefined, darkerMeans: string): string {
	const n = counted(rows);
	const missing = wards.length - n;
	return (
		`Map of Birmingham's ${wards.length} wards shaded by ${labelWithPeriod(indicator)} in five groups of about equal size. ${darkerMeans} ` +
		`Of the ${n} wards with a figure, ${extremes(indicator, rows, wards)}.` +
		benchmarkText(indicator, benchmark) +
		(missing > 0 ? ` ${missing} ward${missing === 1 ? ' has' : 's have'} no figure and ${missing === 1 ? 'is' : 'are'} grey.` : '')
	);
}

export function wardCardAltText(ward: Ward, indicators: IndicatorSummary[], values: Map<string, WardValue>): string {
	const facts = indicators.map((indicator) => {
		const row = values.get(indicator.id);
		if (!row || row.value === null) return `${indicator.short_label}: no figure`;
		return `${indicator.short_label} ${formatValue(row.value, indicator)} (${describeRank(row.rank_high, row.ranked)})`;
	});
	return `Key figures for ${ward.name} ward, Birmingham, each shown as a dot among all wards: ${facts.join('; ')}.`;
}

/** "Source: …", the attribution and the licence, once per source. */
export function sourceLines(sources: SourceLine[], pageUrl: string): string[] {
	const unique = [...new Map(sources.map((s) => [s.id, s])).values()];
	const lines = unique.map((s) => `Source: ${s.title}, ${s.publisher}. ${s.attribution}`);
	const licences = [...new Set(unique.map((s) => s.licence))];
	lines.push(`Licence: ${licences.join('; ')}. ${SITE_NAME}: ${pageUrl}`);
	return lines;
}

export function citationComments(sources: SourceLine[], pageUrl: string): string[] {
	const unique = [...new Map(sources.map((s) => [s.id, s])).values()];
	return [
		...unique.flatMap((s) => [`Source: ${s.title}, ${s.publisher}`, `Attribution: ${s.attribution}`, `Licence: ${s.licence}`]),
		`Downloaded from the ${SITE_NAME}: ${pageUrl}`
	];
}

export function indicatorCsv(
	indicator: ViewIndicator,
	rows: WardValue[],
	wards: Ward[],
	benchmark: Benchmark | undefined,
	source: SourceLine | undefined,
	pageUrl: string,
	method = ''
): CsvTable {
	const hasInterval = rows.some((r) => r.lower !== null || r.upper !== null);
	const n = counted(rows);
	const columns = ['area_code', 'area_name', 'area_type', 'value', ...(hasInterval ? ['lower_95', 'upper_95'] : []), 'rank_high'];
	const table: CsvTable['rows'] = rankedRows(rows, wards).map(({ ward, row }) => ({
		area_code: ward.code,
		area_name: ward.name,
		area_type: 'ward',
		value: row?.value,
		lower_95: row?.lower,
		upper_95: row?.upper,
		rank_high: row?.rank_high
	}));
	if (benchmark?.birmingham != null)
		table.push({ area_code: BIRMINGHAM.code, area_name: BIRMINGHAM.name, area_type: 'local authority', value: benchmark.birmingham, lower_95: benchmark.birmingham_lower, upper_95: benchmark.birmingham_upper });
	if (benchmark?.england != null)
		table.push({ area_code: ENGLAND.code, area_name: ENGLAND.name, area_type: 'country', value: benchmark.england, lower_95: benchmark.england_lower, upper_95: benchmark.england_upper });
	return {
		comments: [
			`${indicator.label}. Period: ${indicator.period}. Unit: ${indicator.unit}.`,
			`rank_high 1 = the highest value among the ${n} wards with a figure. An empty value means no figure was published or it was suppressed.`,
			...(indicator.derived ? [`Derived figure${method ? `: ${method}` : ''}`] : []),
			...citationComments(source ? [source] : [], pageUrl)
		],
		columns,
		rows: table
	};
}

export function wardCardCsv(
	ward: Ward,
	indicators: IndicatorSummary[],
	values: Map<string, WardValue>,
	benchmarks: Map<string, Benchmark>,
	sources: Map<string, SourceLine>,
	pageUrl: string
): CsvTable {
	return {
		comments: [
			`Key figures for ${ward.name} ward (${ward.code}), Birmingham.`,
			'rank_high 1 = the highest value among the wards_ranked wards with a figure.',
			...citationComments(indicators.map((i) => sources.get(i.source_id)).filter((s): s is SourceLine => Boolean(s)), pageUrl)
		],
		columns: ['indicator_id', 'indicator', 'period', 'unit', 'ward_value', 'rank_high', 'wards_ranked', 'birmingham', 'england', 'estimate_by_this_site', 'source_id'],
		rows: indicators.map((indicator) => {
			const row = values.get(indicator.id);
			const bench = benchmarks.get(indicator.id);
			return {
				indicator_id: indicator.id,
				indicator: indicator.label,
				period: indicator.period,
				unit: indicator.unit,
				ward_value: row?.value,
				rank_high: row?.rank_high,
				wards_ranked: row?.ranked,
				birmingham: bench?.birmingham,
				england: bench?.england,
				estimate_by_this_site: indicator.derived ? 'yes' : 'no',
				source_id: indicator.source_id
			};
		})
	};
}

/** The map's legend as the export draws it: the same classes and words as the page's Legend. */
export function legendSpec(scale: ColourScale, format: (v: number) => string, title: string): LegendSpec {
	return {
		title,
		note: `${scale.darkerMeans} Five groups of about equal size; each range includes its upper value.`,
		items: [
			...scale.colours.map((colour, i) => ({
				colour,
				label: `${format(i === 0 ? scale.min : scale.breaks[i - 1])} to ${format(i === scale.colours.length - 1 ? scale.max : scale.breaks[i])}`
			})),
			{ colour: NO_DATA_COLOUR, label: 'No data' }
		]
	};
}

export const fileStem = (...parts: string[]) => ['birmingham-wards', ...parts].join('-').replace(/[^A-Za-z0-9_-]+/g, '-');

/** "Overall life expectancy, 2016–2020"; labels that already name their year are left alone. */
export const shortPeriod = (indicator: Pick<IndicatorSummary, 'period'>) => indicator.period.replace(/\s*\(.*\)\s*$/, '');

export function cardLabel(indicator: Pick<IndicatorSummary, 'short_label' | 'period'>): string {
	const period = shortPeriod(indicator);
	const years = period.match(/\d{4}/g) ?? [];
	return years.some((y) => indicator.short_label.includes(y)) ? indicator.short_label : `${indicator.short_label}, ${period}`;
}

export interface WardCardRow {
	indicator: IndicatorSummary;
	label: string;
	value: number | null;
	rankHigh: number | null;
	ranked: number;
	all: (number | null)[];
	birmingham: number | null;
}

export function wardCardRows(
	indicators: IndicatorSummary[],
	values: Map<string, WardValue>,
	benchmarks: Map<string, Benchmark>,
	allValues: (id: string) => (number | null)[]
): WardCardRow[] {
	return indicators.map((indicator) => {
		const row = values.get(indicator.id);
		return {
			indicator,
			label: cardLabel(indicator),
			value: row?.value ?? null,
			rankHigh: row?.rank_high ?? null,
			ranked: row?.ranked ?? 0,
			all: allValues(indicator.id),
			birmingham: benchmarks.get(indicator.id)?.birmingham ?? null
		};
	});
}
