/**
 * The side-by-side comparison of 2 to 6 wards: every indicator with each ward's value, rank and comparison
 * with Birmingham, significance where confidence intervals exist, and the CSV of exactly that table.
 */
import Papa from 'papaparse';
import { compareWith, describeRank, formatValue, judgement, labelWithPeriod } from '$lib/format.ts';
import { FAMILY_LABELS, FAMILY_ORDER, type Benchmark, type Family, type IndicatorSummary, type WardValue } from '$lib/data/types.ts';
import type { UserIndicator } from '$lib/data/user-data.svelte.ts';
import { WARD_LETTERS, type WardRef } from './ward-choice.ts';

/** An official indicator or one the reader uploaded ("your data", only in their browser, with no benchmark). */
export type ComparedIndicator = IndicatorSummary | UserIndicator;
export const isYourData = (indicator: ComparedIndicator): indicator is UserIndicator => 'user_data' in indicator && indicator.user_data === true;
export const YOUR_DATA_LABEL = 'Your data';

export interface ComparisonCell {
	code: string;
	letter: string;
	value: number | null;
	lower: number | null;
	upper: number | null;
	valueText: string;
	rankText: string;
	intervalText: string;
	/** "significantly higher than Birmingham (worse)", or a plain comparison when there is no interval. */
	versusCity: string;
	/** ▲/▼ when the interval lies wholly above/below Birmingham's; '' otherwise. */
	mark: '' | '▲' | '▼';
}

export interface ComparisonRow {
	indicator: ComparedIndicator;
	cells: ComparisonCell[];
	birmingham: number | null;
	england: number | null;
	/** Pairs of chosen wards whose intervals do not overlap, in words. */
	differences: string[];
	hasIntervals: boolean;
}

export interface ComparisonFamily {
	family: Family | 'user';
	label: string;
	primary: ComparisonRow[];
	more: ComparisonRow[];
}

/** The segregation family has ~50 measures; the few most readers need come first, the rest fold away. */
export const isPrimary = (i: Pick<IndicatorSummary, 'id' | 'family'>) =>
	i.family !== 'segregation' || /^seg21_pct_|^seg11_pct_nonwhite$|_white_nonwhite$/.test(i.id);

function versusCity(row: WardValue | undefined, bench: Benchmark | undefined, indicator: ComparedIndicator): { text: string; mark: ComparisonCell['mark'] } {
	if (!row || row.value === null || !bench || bench.birmingham === null) return { text: '', mark: '' };
	const hasInterval = row.lower !== null && row.upper !== null;
	const result = compareWith(row.value, bench.birmingham, hasInterval ? { lower: row.lower, upper: row.upper } : undefined, {
		lower: bench.birmingham_lower,
		upper: bench.birmingham_upper
	});
	const verdict = judgement(result.comparison, indicator);
	const suffix = verdict ? ` (${verdict})` : '';
	if (hasInterval) {
		if (result.significant === false) return { text: 'not significantly different from Birmingham', mark: '' };
		return { text: `significantly ${result.comparison} than Birmingham${suffix}`, mark: result.comparison === 'higher' ? '▲' : '▼' };
	}
	if (result.comparison === 'similar') return { text: 'same as Birmingham', mark: '' };
	return { text: `${result.comparison} than Birmingham${suffix}`, mark: '' };
}

export function comparisonView(indicators: IndicatorSummary[], values: WardValue[], benchmarks: Benchmark[], wards: WardRef[]): ComparisonFamily[] {
	const rowOf = comparisonRows(values, benchmarks, wards);
	return FAMILY_ORDER.map((family) => {
		const items = indicators.filter((i) => i.family === family);
		return {
			family,
			label: FAMILY_LABELS[family],
			primary: items.filter(isPrimary).map(rowOf),
			more: items.filter((i) => !isPrimary(i)).map(rowOf)
		};
	}).filter((f) => f.primary.length + f.more.length > 0);
}

/** The reader's own indicators as one more family, after the official ones; no Birmingham or England figure. */
export function yourDataFamily(indicators: UserIndicator[], values: WardValue[], wards: WardRef[]): ComparisonFamily | null {
	if (!indicators.length) return null;
	return { family: 'user', label: YOUR_DATA_LABEL, primary: indicators.map(comparisonRows(values, [], wards)), more: [] };
}

function comparisonRows(values: WardValue[], benchmarks: Benchmark[], wards: WardRef[]): (indicator: ComparedIndicator) => ComparisonRow {
	const valueOf = new Map(values.map((v) => [`${v.indicator_id} ${v.ward_code}`, v]));
	const benchOf = new Map(benchmarks.map((b) => [b.indicator_id, b]));
	return (indicator: ComparedIndicator): ComparisonRow => {
		const bench = benchOf.get(indicator.id);
		const cells = wards.map((ward, i) => {
			const row = valueOf.get(`${indicator.id} ${ward.code}`);
			const versus = versusCity(row, bench, indicator);
			const hasInterval = row?.lower != null && row?.upper != null;
			return {
				code: ward.code,
				letter: WARD_LETTERS[i],
				value: row?.value ?? null,
				lower: row?.lower ?? null,
				upper: row?.upper ?? null,
				valueText: formatValue(row?.value ?? null, indicator),
				rankText: row && row.value !== null ? describeRank(row.rank_high, row.ranked) : '',
				intervalText: hasInterval ? `95% CI ${formatValue(row!.lower, indicator, false)}–${formatValue(row!.upper, indicator, false)}` : '',
				versusCity: versus.text,
				mark: versus.mark
			};
		});
		const differences: string[] = [];
		cells.forEach((a, i) =>
			cells.slice(i + 1).forEach((b, j) => {
				if (a.lower === null || a.upper === null || b.lower === null || b.upper === null) return;
				const nameA = wards[i].name;
				const nameB = wards[i + 1 + j].name;
				if (a.lower > b.upper) differences.push(`${nameA} (${a.letter}) is significantly higher than ${nameB} (${b.letter})`);
				else if (b.lower > a.upper) differences.push(`${nameB} (${b.letter}) is significantly higher than ${nameA} (${a.letter})`);
			})
		);
		return {
			indicator,
			cells,
			birmingham: bench?.birmingham ?? null,
			england: bench?.england ?? null,
			differences,
			hasIntervals: cells.some((c) => c.lower !== null)
		};
	};
}

/** What goes in the download: the table as shown, one row per indicator, with the source and attribution of each. */
export function comparisonCsv(
	families: ComparisonFamily[],
	wards: WardRef[],
	sources: { id: string; title: string; publisher: string; attribution: string }[]
): string {
	const sourceOf = new Map(sources.map((s) => [s.id, s]));
	const plain = (value: number | null, decimals: number) => (value === null ? '' : value.toFixed(decimals));
	const header = [
		'family',
		'indicator_id',
		'indicator',
		'period',
		'unit',
		...wards.flatMap((w) => [`${w.name} value`, `${w.name} rank (1 = highest)`, `${w.name} 95% lower`, `${w.name} 95% upper`, `${w.name} compared with Birmingham`]),
		'Birmingham',
		'England',
		'significant differences between these wards',
		'estimate by this site',
		'source',
		'attribution'
	];
	const rows = families.flatMap((family) =>
		[...family.primary, ...family.more].map((row) => {
			const d = row.indicator.decimals;
			const own = isYourData(row.indicator) ? row.indicator : null;
			const source = own
				? { title: `Your data: column “${own.column_name}” of ${own.file_name}`, publisher: 'only in your browser', attribution: own.source_note ? `Source as you gave it: ${own.source_note}. Not checked by this site.` : 'Not checked by this site.' }
				: sourceOf.get(row.indicator.source_id);
			return [
				family.label,
				row.indicator.id,
				labelWithPeriod(row.indicator),
				row.indicator.period,
				row.indicator.unit,
				...row.cells.flatMap((c) => [plain(c.value, d), c.rankText, plain(c.lower, d), plain(c.upper, d), c.versusCity]),
				plain(row.birmingham, d),
				plain(row.england, d),
				row.differences.join('; '),
				row.indicator.derived ? 'yes' : 'no',
				source ? `${source.title}, ${source.publisher}` : '',
				source?.attribution ?? ''
			];
		})
	);
	// Text from readers' own files may look like a formula; plain negative numbers such as "-0.25" stay numbers.
	return Papa.unparse([header, ...rows], { newline: '\n', escapeFormulae: /^(?:[=+@\t\r]|-(?!\d*\.?\d+$))/ }) + '\n';
}
