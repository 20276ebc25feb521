/**
 * From the rows of an uploaded file to what the upload page shows: headings, the ward column, which columns
 * hold numbers, which rows match a ward, which are duplicates, and every cell that could not be read. Pure, so
 * every malformed-file fixture is tested through it.
 */
import { detectWardColumn, type WardColumnGuess, type WardMatch, type WardMatcher } from './ward-matching.ts';
import { isNumericColumn, parseCell, profileColumn, usesDecimalComma, type ColumnProfile } from './value-parsing.ts';

/** What the parsing worker hands back: every record of the file, as text. */
export interface RawTable {
	fileName: string;
	bytes: number;
	delimiter: string;
	encoding: string;
	/** Records in file order; blank records are already counted in blankRows and left out. */
	records: { row: number; cells: string[] }[];
	blankRows: number;
	notices: string[];
}

export interface ColumnInfo {
	index: number;
	header: string;
	profile: ColumnProfile;
	numeric: boolean;
}

export interface TableAnalysis {
	/** A reason the file cannot be used at all, in plain words; null when it can. */
	fatal: string | null;
	notices: string[];
	headers: string[];
	dataRows: { row: number; cells: string[] }[];
	/** Rows with a different number of cells from the heading row: kept, and listed. */
	ragged: { row: number; cells: number; expected: number }[];
	wardColumn: WardColumnGuess | null;
	columns: ColumnInfo[];
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'commas', '\t': 'tabs', ';': 'semicolons', '|': 'pipes' };
export const describeDelimiter = (delimiter: string) => DELIMITER_NAMES[delimiter] ?? `“${delimiter}”`;

const filled = (cells: string[]) => cells.filter((c) => c.trim() !== '').length;

function uniqueHeaders(cells: string[], width: number): string[] {
	const seen = new Map<string, number>();
	return Array.from({ length: width }, (_, i) => {
		const base = (cells[i] ?? '').replace(/^\uFEFF/, '').trim() || `Column ${i + 1}`;
		const count = (seen.get(base) ?? 0) + 1;
		seen.set(base, count);
		return count === 1 ? base : `${base} (${count})`;
	});
}

function failure(fatal: string, notices: string[] = []): TableAnalysis {
	return { fatal, notices, headers: [], dataRows: [], ragged: [], wardColumn: null, columns: [] };
}

export function analyseTable(table: RawTable, matcher: WardMatcher): TableAnalysis {
	const notices = [...table.notices];
	let records = table.records;
	if (!records.length) return failure(table.blankRows ? 'The file has no content: every line is blank.' : 'The file is empty.', notices);

	const width = Math.max(...records.map((r) => r.cells.length));
	if (width < 2) {
		const sample = records[0].cells[0]?.slice(0, 60) ?? '';
		const hint = /[:|^~]/.test(sample) || / {2,}/.test(sample) ? ` The first line reads “${sample}”: the columns may be separated by a character this page does not read.` : '';
		return failure(
			`Only one column was found, so there is nothing to put next to each ward. Use a file whose columns are separated by commas, tabs or semicolons, with one column for the ward and one or more columns of numbers.${hint}`,
			notices
		);
	}

	// Title lines above the headings ("Food bank referrals, 2024") have a single filled cell.
	let skipped = 0;
	while (records.length > 1 && skipped < 10 && filled(records[0].cells) <= 1 && records.slice(1, 11).some((r) => filled(r.cells) > 1)) {
		records = records.slice(1);
		skipped++;
	}
	const tableWidth = Math.max(...records.map((r) => r.cells.length));
	if (skipped) notices.push(`Skipped ${skipped} title line${skipped > 1 ? 's' : ''} above the column headings.`);

	// A first row that already names a ward is data: the file has no headings.
	const firstRowIsData = records[0].cells.some((cell) => matcher.match(cell).matched);
	const headers = firstRowIsData ? Array.from({ length: tableWidth }, (_, i) => `Column ${i + 1}`) : uniqueHeaders(records[0].cells, tableWidth);
	const dataRows = firstRowIsData ? records : records.slice(1);
	if (firstRowIsData) notices.push('The first line holds a ward rather than headings, so the columns are named Column 1, Column 2, …');
	if (!dataRows.length) {
		return failure(`The file has a heading line (${headers.slice(0, 6).join(', ')}) but no rows of data under it.`, notices);
	}
	if (table.blankRows) notices.push(`Ignored ${table.blankRows} blank line${table.blankRows > 1 ? 's' : ''}.`);

	const expected = firstRowIsData ? tableWidth : records[0].cells.length;
	const ragged = dataRows.filter((r) => r.cells.length !== expected).map((r) => ({ row: r.row, cells: r.cells.length, expected }));

	const cellRows = dataRows.map((r) => r.cells);
	const wardColumn = detectWardColumn(headers, cellRows, matcher);
	// Decimal commas are a property of the file (continental Excel), so one column's "12,5" settles "1.500" in another.
	const otherCells = cellRows.flatMap((cells) => cells.filter((_, i) => i !== wardColumn?.index));
	const decimalComma = usesDecimalComma(otherCells, table.delimiter);
	if (decimalComma) notices.push('Numbers in this file use a decimal comma (12,5 means twelve and a half), so they were read that way.');
	const columns = headers.map((header, index) => {
		const profile = profileColumn(
			cellRows.map((cells) => cells[index] ?? ''),
			decimalComma
		);
		return { index, header, profile, numeric: index !== wardColumn?.index && isNumericColumn(profile) };
	});
	if (!wardColumn) {
		const firstCells = cellRows.slice(0, 3).map((cells) => `“${(cells[0] ?? '').slice(0, 30)}”`).join(', ');
		return {
			...failure(
				`No column holds Birmingham ward codes or names. The first column starts ${firstCells}. Ward codes look like E05011118; names like “Acocks Green” or “Bordesley & Highgate”.`,
				notices
			),
			headers,
			columns
		};
	}
	if (!columns.some((c) => c.numeric)) {
		const nearest = columns.filter((c) => c.index !== wardColumn.index && c.profile.numbers > 0).sort((a, b) => b.profile.numbers - a.profile.numbers)[0];
		const detail = nearest
			? ` The closest is “${nearest.header}”, with ${nearest.profile.numbers} numbers and ${nearest.profile.invalid} cells that are not numbers; a column needs at least as many numbers as other text.`
			: '';
		return {
			...failure(`Ward names or codes were found, but no column holds numbers, so there is nothing to map.${detail}`, notices),
			headers,
			columns,
			wardColumn
		};
	}
	return { fatal: null, notices, headers, dataRows, ragged, wardColumn, columns };
}

export interface RowMatch {
	row: number;
	wardCell: string;
	result: WardMatch;
}

export function matchRows(analysis: TableAnalysis, wardColumnIndex: number, matcher: WardMatcher): RowMatch[] {
	return analysis.dataRows.map((r) => {
		const wardCell = r.cells[wardColumnIndex] ?? '';
		return { row: r.row, wardCell, result: matcher.match(wardCell) };
	});
}

/**
 * Which row feeds each ward, after the user's fixes. `fixes` maps a row to the ward the user picked (or null to
 * leave it out); `duplicateChoice` maps a ward to the row the user keeps (or null to leave the ward out).
 * Without a choice the first row of a duplicated ward is used, and the page says so.
 */
export interface Resolution {
	rowOfWard: Map<string, number>;
	unmatched: RowMatch[];
	duplicates: { code: string; rows: number[]; chosen: number | null }[];
}

export function resolveRows(matches: RowMatch[], fixes: Map<number, string | null>, duplicateChoice: Map<string, number | null>): Resolution {
	const rowsOfWard = new Map<string, number[]>();
	const unmatched: RowMatch[] = [];
	for (const m of matches) {
		const code = fixes.has(m.row) ? fixes.get(m.row)! : m.result.matched ? m.result.code : null;
		if (!m.result.matched) unmatched.push(m);
		if (code) rowsOfWard.set(code, [...(rowsOfWard.get(code) ?? []), m.row]);
	}
	const rowOfWard = new Map<string, number>();
	const duplicates: Resolution['duplicates'] = [];
	for (const [code, rows] of rowsOfWard) {
		if (rows.length === 1) {
			rowOfWard.set(code, rows[0]);
			continue;
		}
		const chosen = duplicateChoice.has(code) ? duplicateChoice.get(code)! : rows[0];
		duplicates.push({ code, rows, chosen });
		if (chosen !== null) rowOfWard.set(code, chosen);
	}
	return { rowOfWard, unmatched, duplicates };
}

export interface CellProblem {
	row: number;
	column: string;
	text: string;
	message: string;
}

const PROBLEM_TEXT = {
	formula: 'looks like a spreadsheet formula, not a number',
	text: 'is not a number'
} as const;

/** One column's values for the wards that have a row, and every cell that could not be read as a number. */
export function columnValues(analysis: TableAnalysis, column: ColumnInfo, rowOfWard: Map<string, number>) {
	const cellsByRow = new Map(analysis.dataRows.map((r) => [r.row, r.cells]));
	const values: { ward_code: string; value: number | null }[] = [];
	const problems: CellProblem[] = [];
	for (const [ward_code, row] of rowOfWard) {
		const text = cellsByRow.get(row)?.[column.index] ?? '';
		const parsed = parseCell(text, column.profile.decimalComma);
		values.push({ ward_code, value: parsed.value });
		if (parsed.kind === 'invalid') {
			problems.push({ row, column: column.header, text: text.slice(0, 80), message: `${PROBLEM_TEXT[parsed.note === 'formula' ? 'formula' : 'text']}; shown as no data` });
		}
	}
	values.sort((a, b) => a.ward_code.localeCompare(b.ward_code));
	problems.sort((a, b) => a.row - b.row);
	return { values, problems };
}
