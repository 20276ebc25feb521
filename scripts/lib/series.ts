import { parseCsv, type CsvRow } from './csv.ts';
import { DataError } from './errors.ts';
import { SERIES_COLUMNS, type IndicatorMeta, type SeriesMeta, type SourceMeta } from './family.ts';
import { assertExactlyBirminghamWards } from './wards.ts';

const ID_PATTERN = /^[a-z][a-z0-9_]*$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The basis a period rests on: the label of the last break at or before it, or `initial` before any break. */
export function basisOf(period: string, periods: readonly string[], breaks: SeriesMeta['breaks'], initial: string): string {
	const index = periods.indexOf(period);
	let basis = initial;
	for (const b of breaks) if (periods.indexOf(b.before) <= index) basis = b.label;
	return basis;
}

/**
 * Checks every series against its file: known source, the columns exist, exactly the 69 wards, the same
 * ascending periods for every area, a value in range, and a basis that changes exactly at the declared breaks
 * (so a break in the data cannot go unmarked on a chart, and a marked break is real).
 */
export function checkSeries(series: SeriesMeta[], sources: SourceMeta[], indicators: IndicatorMeta[], files: Map<string, string>): void {
	const where = 'indicators.json';
	const ids = new Set<string>();
	const sourceIds = new Set(sources.map((s) => s.id));
	const indicatorIds = new Set(indicators.map((i) => i.id));
	const parsed = new Map<string, CsvRow[]>();
	for (const s of series) {
		if (!ID_PATTERN.test(s.id)) throw new DataError(where, `series id "${s.id}" is not snake_case`, s.id);
		if (ids.has(s.id) || indicatorIds.has(s.id)) throw new DataError(where, 'duplicate series id', s.id);
		ids.add(s.id);
		if (!sourceIds.has(s.source_id)) throw new DataError(where, `unknown source_id "${s.source_id}"`, s.id);
		if (s.derived && !s.method.trim()) throw new DataError(where, 'derived series has no method note', s.id);
		if (s.latest_indicator && !indicatorIds.has(s.latest_indicator)) throw new DataError(where, `unknown latest_indicator "${s.latest_indicator}"`, s.id);
		const text = files.get(s.file);
		if (text === undefined) throw new DataError(where, `file ${s.file} is not produced by the pipeline`, s.id);
		if (!parsed.has(s.file)) parsed.set(s.file, parseCsv(text, s.file));
		const allRows = parsed.get(s.file)!;
		for (const column of [...SERIES_COLUMNS, s.value_column, ...(s.where ? [s.where.column] : [])]) {
			if (!(column in (allRows[0] ?? {}))) throw new DataError(s.file, `series ${s.id}: no column ${column}`, 1);
		}
		const rows = s.where ? allRows.filter((r) => r[s.where!.column] === s.where!.value) : allRows;
		checkSeriesRows(s, rows);
	}
}

/** The row-level rules of checkSeries, for one series' rows. */
export function checkSeriesRows(s: SeriesMeta, rows: CsvRow[]): void {
	const byArea = new Map<string, CsvRow[]>();
	for (const row of rows) {
		if (!byArea.has(row.area_code)) byArea.set(row.area_code, []);
		byArea.get(row.area_code)!.push(row);
	}
	const wardCodes = [...byArea.keys()].filter((code) => byArea.get(code)![0].area_type === 'ward');
	assertExactlyBirminghamWards(wardCodes, s.file);
	const periods = byArea.get(wardCodes[0])!.map((r) => r.period);
	for (const b of s.breaks) {
		if (!periods.includes(b.before)) throw new DataError(s.file, `series ${s.id}: break before "${b.before}", a period the series does not have`);
	}
	for (const [code, areaRows] of byArea) {
		const areaPeriods = areaRows.map((r) => r.period);
		if (areaRows[0].area_type === 'ward' && areaPeriods.join('|') !== periods.join('|')) {
			throw new DataError(s.file, `series ${s.id}: ward ${code} has periods [${areaPeriods.join(', ')}], not the other wards' [${periods.join(', ')}]`);
		}
		areaRows.forEach((row, i) => {
			const place = `${s.id} ${code} ${row.period}`;
			if (!DATE_PATTERN.test(row.date)) throw new DataError(s.file, `date "${row.date}" is not YYYY-MM-DD`, place);
			if (i > 0 && row.date <= areaRows[i - 1].date) throw new DataError(s.file, 'periods are not in ascending date order', place);
			const cell = row[s.value_column];
			if (cell !== '' && !Number.isFinite(Number(cell))) throw new DataError(s.file, `${s.value_column} = "${cell}" is not a number`, place);
			if (i > 0) {
				const breakHere = s.breaks.some((b) => b.before === row.period);
				const basisChanged = row.basis !== areaRows[i - 1].basis;
				if (breakHere && !basisChanged) throw new DataError(s.file, `series ${s.id}: a break is declared before ${row.period} but the basis does not change`, place);
				if (!breakHere && basisChanged) throw new DataError(s.file, `series ${s.id}: the basis changes at ${row.period} with no break declared`, place);
			}
		});
	}
}
