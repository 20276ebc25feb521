/** Every fixture goes through the same reading and analysis the upload page runs in its worker. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../scripts/lib/csv.ts';
import { MAX_BYTES, MAX_RECORDS, readUpload } from './file-reading.ts';
import { analyseTable, columnValues, matchRows, resolveRows, type TableAnalysis } from './table-analysis.ts';
import { wardMatcher } from './ward-matching.ts';

const FIXTURES = 'src/lib/data/user-data/fixtures';
const wards = parseCsv(readFileSync('data/wards.csv', 'utf8'), 'wards.csv').map((w) => ({ code: w.code, name: w.name }));
const matcher = wardMatcher(wards);
const codeOf = (name: string) => wards.find((w) => w.name === name)!.code;

function load(name: string) {
	const bytes = new Uint8Array(readFileSync(join(FIXTURES, name)));
	const table = readUpload(bytes, name);
	return { table, analysis: analyseTable(table, matcher) };
}
function refused(name: string): string {
	try {
		readUpload(new Uint8Array(readFileSync(join(FIXTURES, name))), name);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error(`${name} was not refused`);
}
const column = (analysis: TableAnalysis, header: string) => analysis.columns.find((c) => c.header === header)!;
function valuesOf(analysis: TableAnalysis, header: string) {
	const matches = matchRows(analysis, analysis.wardColumn!.index, matcher);
	const { rowOfWard } = resolveRows(matches, new Map(), new Map());
	return columnValues(analysis, column(analysis, header), rowOfWard);
}

describe('malformed upload fixtures', () => {
	it('keeps at least 20 malformed files as fixtures', () => {
		expect(readdirSync(FIXTURES).filter((f) => !f.startsWith('real-shaped')).length).toBeGreaterThanOrEqual(20);
	});

	it('says an empty file is empty, and a file of blank lines has no content', () => {
		expect(load('empty.csv').analysis.fatal).toBe('The file is empty.');
		expect(load('blank-lines-only.csv').analysis.fatal).toMatch(/no content: every line is blank/);
	});

	it('explains a header-only file by naming its headings', () => {
		expect(load('header-only.csv').analysis.fatal).toBe('The file has a heading line (Ward, Referrals) but no rows of data under it.');
	});

	it('refuses binary files, naming Excel workbooks and PDFs', () => {
		expect(refused('binary-zero-bytes.csv')).toMatch(/binary file/);
		expect(refused('control-characters.csv')).toMatch(/binary file/);
		expect(refused('excel-workbook-renamed.csv')).toMatch(/Excel workbook.*CSV UTF-8/);
		expect(refused('pdf-renamed.csv')).toMatch(/PDF/);
	});

	it('reads Windows-1252 and UTF-16 text, and says which encoding it used', () => {
		const legacy = load('windows-1252.csv');
		expect(legacy.table.encoding).toBe('windows-1252');
		expect(legacy.analysis.notices.join(' ')).toMatch(/not UTF-8.*Windows-1252/);
		expect(legacy.analysis.columns[1].header).toBe('Arrears £');
		const matches = matchRows(legacy.analysis, 0, matcher);
		expect(matches.filter((m) => m.result.matched).map((m) => m.result.matched && m.result.code)).toEqual([
			codeOf("King's Norton North"),
			codeOf("Highter's Heath"),
			codeOf('Aston')
		]);
		const unicode = load('utf16-unicode-text.tsv');
		expect(unicode.table.encoding).toBe('utf-16le');
		expect(unicode.table.delimiter).toBe('\t');
		expect(unicode.analysis.fatal).toBeNull();
		expect(valuesOf(unicode.analysis, 'Referrals').values.find((v) => v.ward_code === codeOf('Nechells'))?.value).toBe(30);
	});

	it('explains a file whose delimiter it cannot split on, and a one-column file', () => {
		expect(load('wrong-delimiter-colon.csv').analysis.fatal).toMatch(/Only one column.*“Ward:Referrals”/);
		expect(load('single-column.csv').analysis.fatal).toMatch(/Only one column/);
	});

	it('keeps ragged rows, listing each with its cell count', () => {
		const { analysis } = load('ragged-rows.csv');
		expect(analysis.fatal).toBeNull();
		expect(analysis.ragged).toEqual([
			{ row: 3, cells: 2, expected: 3 },
			{ row: 4, cells: 5, expected: 3 },
			{ row: 5, cells: 1, expected: 3 }
		]);
		const rate = valuesOf(analysis, 'Rate').values;
		expect(rate.find((v) => v.ward_code === codeOf('Nechells'))?.value).toBeNull();
		expect(rate.find((v) => v.ward_code === codeOf('Ladywood'))?.value).toBe(2.5);
	});

	it('reads thousands separators, currency and percent signs', () => {
		const arrears = valuesOf(load('thousands-separators.csv').analysis, 'Arrears (£)').values;
		expect(Object.fromEntries(arrears.map((v) => [v.ward_code, v.value]))).toEqual({
			[codeOf('Aston')]: 1234,
			[codeOf('Nechells')]: 12500.5,
			[codeOf('Ladywood')]: 1200,
			[codeOf('Sparkhill')]: 2345,
			[codeOf('Small Heath')]: 987
		});
		const percent = load('percent-signs.csv').analysis;
		expect(column(percent, 'Satisfied').profile.percent).toBe(4);
		expect(valuesOf(percent, 'Satisfied').values.map((v) => v.value)).toContain(51.5);
	});

	it('keeps negative values and counts them', () => {
		const { analysis } = load('negative-values.csv');
		expect(column(analysis, 'Change since 2019').profile.negatives).toBe(3);
		expect(valuesOf(analysis, 'Change since 2019').values.find((v) => v.ward_code === codeOf('Ladywood'))?.value).toBe(-4);
	});

	it('lists non-numeric cells by row and leaves them as no data; missing markers are no data without complaint', () => {
		const { analysis } = load('non-numeric-values.csv');
		const { problems, values } = valuesOf(analysis, 'Referrals');
		expect(problems.map((p) => [p.row, p.text])).toEqual([
			[5, 'lots'],
			[6, 'tbc']
		]);
		expect(values.find((v) => v.ward_code === codeOf('Nechells'))?.value).toBeNull();
		const unmatched = matchRows(analysis, 0, matcher).filter((m) => !m.result.matched);
		expect(unmatched.map((m) => m.wardCell)).toEqual(['Aston Villa']);
	});

	it('never reads formula-looking cells as numbers', () => {
		const { analysis } = load('formula-cells.csv');
		const { problems, values } = valuesOf(analysis, 'Referrals');
		expect(problems.map((p) => p.text)).toEqual(['=SUM(A1:A9)', "+cmd|' /C calc'!A0", '@SUM(1)', '-2+3']);
		expect(problems.every((p) => /formula|not a number/.test(p.message))).toBe(true);
		expect(values.filter((v) => v.value === null).map((v) => v.ward_code).sort()).toEqual(['Aston', 'Nechells', 'Ladywood', 'Sparkhill'].map(codeOf).sort());
		expect(values.find((v) => v.ward_code === codeOf('Small Heath'))?.value).toBe(14);
	});

	it('reports duplicate wards, whether written as names or codes, and uses the row the user picks', () => {
		const { analysis } = load('duplicate-wards.csv');
		const matches = matchRows(analysis, 0, matcher);
		const aston = codeOf('Aston');
		const byDefault = resolveRows(matches, new Map(), new Map());
		expect(byDefault.duplicates).toEqual([{ code: aston, rows: [2, 4, 5], chosen: 2 }]);
		expect(byDefault.rowOfWard.get(aston)).toBe(2);
		const picked = resolveRows(matches, new Map(), new Map([[aston, 5]]));
		expect(columnValues(analysis, column(analysis, 'Referrals'), picked.rowOfWard).values.find((v) => v.ward_code === aston)?.value).toBe(16);
		const leftOut = resolveRows(matches, new Map(), new Map([[aston, null]]));
		expect(leftOut.rowOfWard.has(aston)).toBe(false);
	});

	it('lists unmatched rows with reasons, and lets the user assign one to a ward', () => {
		const { analysis } = load('unmatched-names.csv');
		const matches = matchRows(analysis, 0, matcher);
		const unmatched = matches.filter((m) => !m.result.matched);
		expect(unmatched.map((m) => m.wardCell)).toEqual(['Sparkhil', 'Selly Oak', 'Sutton New Hall', 'E05001200', 'E05009999', 'Birmingham', 'Moseley and Kings Heath', 'Total']);
		expect(unmatched[0].result).toMatchObject({ suggestion: 'Sparkhill' });
		expect(analysis.notices).toContain('Ignored 1 blank line.');
		const fixed = resolveRows(matches, new Map([[unmatched[0].row, codeOf('Sparkhill')]]), new Map());
		expect(fixed.rowOfWard.get(codeOf('Sparkhill'))).toBe(unmatched[0].row);
		expect(fixed.unmatched).toHaveLength(8);
	});

	it('reads semicolon files with decimal commas', () => {
		const { table, analysis } = load('semicolon-decimal-comma.csv');
		expect(table.delimiter).toBe(';');
		expect(column(analysis, 'Waarde').profile.decimalComma).toBe(true);
		expect(analysis.notices.join(' ')).toMatch(/decimal comma/);
		expect(valuesOf(analysis, 'Waarde').values.find((v) => v.ward_code === codeOf('Nechells'))?.value).toBe(3.25);
		expect(valuesOf(analysis, 'Aantal').values.find((v) => v.ward_code === codeOf('Sparkhill'))?.value).toBe(1500);
	});

	it('skips title lines above the headings, and handles a file without headings', () => {
		const titled = load('title-rows.csv').analysis;
		expect(titled.headers).toEqual(['Ward', 'Referrals']);
		expect(titled.notices.join(' ')).toMatch(/Skipped 2 title lines/);
		const headless = load('no-header-row.csv').analysis;
		expect(headless.headers).toEqual(['Column 1', 'Column 2']);
		expect(headless.dataRows).toHaveLength(3);
	});

	it('warns about an unclosed quotation mark', () => {
		expect(load('unclosed-quote.csv').analysis.notices.join(' ')).toMatch(/quotation mark is not closed near row 3/);
	});

	it('explains a file with no ward column or no numbers', () => {
		expect(load('no-ward-column.csv').analysis.fatal).toMatch(/No column holds Birmingham ward codes or names.*“E01008881”/);
		expect(load('no-numeric-column.csv').analysis.fatal).toMatch(/no column holds numbers/);
		const old = load('old-ward-codes.csv');
		expect(old.analysis.fatal).toMatch(/No column holds Birmingham ward/);
		expect(matcher.match('E05001179')).toMatchObject({ matched: false });
	});

	it('strips a byte-order mark, ignores trailing blank lines and renames repeated headings', () => {
		const bom = load('utf8-bom-crlf.csv').analysis;
		expect(bom.headers).toEqual(['Ward', 'Referrals']);
		expect(bom.dataRows).toHaveLength(2);
		expect(load('duplicate-headers.csv').analysis.headers).toEqual(['Ward', 'Value', 'Value (2)', 'Column 4']);
	});

	it('refuses oversized files before reading, and stops at the row limit with a message', () => {
		expect(() => readUpload(new Uint8Array(MAX_BYTES + 1), 'huge.csv')).toThrow(/more than the 100.0 MB/);
		const lines = ['Ward,Value', ...Array.from({ length: MAX_RECORDS + 5 }, (_, i) => `Aston,${i}`)].join('\n');
		expect(() => readUpload(new TextEncoder().encode(lines), 'long.csv')).toThrow(/more than 20,000 rows/);
	});

	it('matches every ward of a real-shaped partner file, written with everyday spellings', () => {
		const { analysis } = load('real-shaped-food-bank.csv');
		expect(analysis.fatal).toBeNull();
		expect(analysis.columns.filter((c) => c.numeric).map((c) => c.header)).toEqual(['Food bank referrals', 'Referrals per 1000 households']);
		const matches = matchRows(analysis, analysis.wardColumn!.index, matcher);
		const { rowOfWard, unmatched, duplicates } = resolveRows(matches, new Map(), new Map());
		expect(unmatched).toEqual([]);
		expect(duplicates).toEqual([]);
		expect([...rowOfWard.keys()].sort()).toEqual(wards.map((w) => w.code).sort());
		const referrals = valuesOf(analysis, 'Food bank referrals');
		expect(referrals.problems).toEqual([]);
		expect(referrals.values.every((v) => typeof v.value === 'number')).toBe(true);
	});
});
