import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { DataError } from './errors.ts';

export type CsvRow = Record<string, string>;

/** Reads a CSV with a header row. Strips a UTF-8 byte-order mark (three lookup files start with one). */
export function parseCsv(text: string, file: string): CsvRow[] {
	const parsed = Papa.parse<CsvRow>(text.replace(/^\uFEFF/, ''), {
		header: true,
		skipEmptyLines: 'greedy',
		transformHeader: (h) => h.trim()
	});
	const fatal = parsed.errors.find((e) => e.type !== 'FieldMismatch' || e.code === 'TooManyFields');
	if (fatal) throw new DataError(file, `CSV parse error: ${fatal.message}`, (fatal.row ?? 0) + 2);
	return parsed.data;
}

export function readCsv(path: string): CsvRow[] {
	return parseCsv(readFileSync(path, 'utf8'), path);
}

/** Reads a CSV as arrays of cells, for files with title rows or multi-line headers. */
export function readCsvCells(path: string): string[][] {
	const parsed = Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), {
		header: false,
		skipEmptyLines: 'greedy'
	});
	return parsed.data;
}

/** Fails with the file and rule when any expected column is missing: an unexpected header. */
export function requireColumns(rows: CsvRow[], columns: string[], file: string): void {
	const present = new Set(Object.keys(rows[0] ?? {}));
	const missing = columns.filter((c) => !present.has(c));
	if (missing.length) throw new DataError(file, `unexpected header: missing column(s) ${missing.join(', ')}`, 1);
}

export type Cell = string | number | null | undefined;

/**
 * Formats a number with a fixed number of decimals so output is byte-identical between runs.
 * null/undefined/NaN become an empty cell: a missing value is never written as zero.
 */
export function fixed(value: number | null | undefined, decimals: number): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '';
	const text = value.toFixed(decimals);
	return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

function quote(cell: Cell): string {
	if (cell === null || cell === undefined) return '';
	const text = String(cell);
	return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes rows in the given column order, LF line endings, trailing newline. Numbers must be pre-formatted. */
export function toCsv(columns: string[], rows: Record<string, Cell>[]): string {
	const lines = [columns.join(',')];
	for (const row of rows) lines.push(columns.map((c) => quote(row[c])).join(','));
	return lines.join('\n') + '\n';
}
