import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from './csv.ts';

describe('CSV downloads', () => {
	it('neutralises text cells a spreadsheet would run as formulas (OWASP CSV injection)', () => {
		for (const attack of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) {
			expect(neutraliseCell(attack)).toBe(`'${attack}`);
		}
		expect(neutraliseCell('Heartlands')).toBe('Heartlands');
	});

	it('writes numbers as numbers, so negative figures such as Progress 8 stay numeric', () => {
		expect(neutraliseCell(-0.25)).toBe('-0.25');
		expect(neutraliseCell(null)).toBe('');
		expect(neutraliseCell(Number.NaN)).toBe('');
	});

	it('puts comment lines first, quotes cells with commas or quotes, and neutralises quoted cells too', () => {
		const text = toCsv({
			comments: ['Source: DWP, Children in low income families', 'two\nlines'],
			columns: ['name', 'value'],
			rows: [
				{ name: 'Bordesley & Highgate', value: 12.5 },
				{ name: 'Say "hi", =1', value: null },
				{ name: '=cmd|"/c calc"!A1', value: -3 }
			]
		});
		expect(text.split('\r\n')).toEqual([
			'# Source: DWP, Children in low income families',
			'# two lines',
			'name,value',
			'Bordesley & Highgate,12.5',
			'"Say ""hi"", =1",',
			`"'=cmd|""/c calc""!A1",-3`,
			''
		]);
	});
});
