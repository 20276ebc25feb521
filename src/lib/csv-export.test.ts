import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { looksLikeFormula, neutraliseCell, toSafeCsv } from './csv-export.ts';

describe('CSV export', () => {
	it('neutralises every formula-looking text cell and leaves numbers alone', () => {
		for (const cell of ['=SUM(A1:A9)', '+cmd|" /C calc"!A0', '-2+3', '@SUM(1)', '\t=1', '=HYPERLINK("http://x","y")']) {
			expect(looksLikeFormula(cell)).toBe(true);
			expect(neutraliseCell(cell)).toBe(`'${cell}`);
		}
		for (const cell of ['-5', '+5', '-0.25', 'Ladywood', '12%', "King's Norton"]) {
			expect(neutraliseCell(cell)).toBe(cell);
		}
		expect(neutraliseCell(-12.5)).toBe('-12.5');
		expect(neutraliseCell(null)).toBe('');
		expect(neutraliseCell(Number.NaN)).toBe('');
	});

	it('writes notes as comment lines and quotes cells so a CSV reader gets the same cells back', () => {
		const csv = toSafeCsv(['ward', 'note'], [['Bordesley & Highgate', 'said "hello", left'], ['Aston', '=1+1'], ['Nechells', 'two\nlines']], ['Source: test']);
		expect(csv.startsWith('# Source: test\r\n')).toBe(true);
		const parsed = Papa.parse<string[]>(csv, { comments: '#', skipEmptyLines: true }).data;
		expect(parsed).toEqual([
			['ward', 'note'],
			['Bordesley & Highgate', 'said "hello", left'],
			['Aston', "'=1+1"],
			['Nechells', 'two\nlines']
		]);
	});
});
