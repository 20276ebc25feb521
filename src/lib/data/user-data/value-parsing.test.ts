import { describe, expect, it } from 'vitest';
import { isNumericColumn, parseCell, profileColumn, usesDecimalComma } from './value-parsing.ts';

describe('value parsing', () => {
	it('reads numbers as spreadsheets write them', () => {
		const cases: [string, number, string | undefined][] = [
			['12', 12, undefined],
			[' 12.5 ', 12.5, undefined],
			['1,234', 1234, 'thousands'],
			['12,500.50', 12500.5, 'thousands'],
			['1 200', 1200, 'thousands'],
			['2\u00a0345', 2345, 'thousands'],
			['45%', 45, 'percent'],
			['51.5 %', 51.5, 'percent'],
			['£1,200', 1200, 'currency'],
			['£12', 12, 'currency'],
			['-12', -12, undefined],
			['\u22123.5', -3.5, undefined],
			['(4)', -4, 'brackets'],
			['+5', 5, undefined],
			['1.5e3', 1500, undefined],
			['.5', 0.5, undefined]
		];
		for (const [text, value, note] of cases) expect(parseCell(text), text).toEqual({ kind: 'number', value, ...(note ? { note } : {}) });
	});

	it('treats statistical missing markers as no data, and refuses text and formulas', () => {
		for (const text of ['', '  ']) expect(parseCell(text).kind).toBe('blank');
		for (const text of ['n/a', 'N/A', '*', 'c', '..', '-', '[x]', 'suppressed']) expect(parseCell(text).kind, text).toBe('missing');
		for (const text of ['lots', 'tbc', '12 people', '1,2,3', '12-14']) expect(parseCell(text), text).toEqual({ kind: 'invalid', value: null, note: 'text' });
		for (const text of ['=SUM(A1:A9)', '@SUM(1)', '+cmd|x', '-2+3a', '=1']) expect(parseCell(text), text).toEqual({ kind: 'invalid', value: null, note: 'formula' });
	});

	it('reads decimal commas only in files not separated by commas, and only when no cell uses a point', () => {
		expect(usesDecimalComma(['12,5', '3,25', '10'], ';')).toBe(true);
		expect(usesDecimalComma(['12,5', '3,25'], ',')).toBe(false);
		expect(usesDecimalComma(['1,234', '12'], ';')).toBe(false);
		expect(usesDecimalComma(['12,5', '3.25'], ';')).toBe(false);
		expect(parseCell('12,5', true).value).toBe(12.5);
		expect(parseCell('1.234,5', true).value).toBe(1234.5);
		expect(parseCell('1.234', true).value).toBe(1234);
	});

	it('calls a column numeric when at least half of its filled cells are numbers', () => {
		expect(isNumericColumn(profileColumn(['1', '2', 'x', 'y', '']))).toBe(true);
		expect(isNumericColumn(profileColumn(['1', 'foo', 'bar']))).toBe(false);
		expect(isNumericColumn(profileColumn(['n/a', '', '*']))).toBe(false);
		expect(profileColumn(['-1', '(2)', '3%'])).toMatchObject({ numbers: 3, negatives: 2, percent: 1 });
		expect(profileColumn(['1.500', '12'], true)).toMatchObject({ numbers: 2, decimalComma: true });
	});
});
