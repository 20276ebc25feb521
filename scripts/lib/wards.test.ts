import { describe, expect, it } from 'vitest';
import { BIRMINGHAM_WARD_CODES, assertExactlyBirminghamWards, slugify } from './wards.ts';
import { fixed, toCsv } from './csv.ts';
import { parseNumber, weightedMean } from './numbers.ts';

describe('ward codes', () => {
	it('are the 69 codes E05011118–E05011186', () => {
		expect(BIRMINGHAM_WARD_CODES).toHaveLength(69);
		expect(BIRMINGHAM_WARD_CODES[0]).toBe('E05011118');
		expect(BIRMINGHAM_WARD_CODES[68]).toBe('E05011186');
	});
	it('rejects a duplicate, a foreign code and a missing ward, naming the rule', () => {
		const codes = [...BIRMINGHAM_WARD_CODES];
		expect(() => assertExactlyBirminghamWards([...codes, 'E05011118'], 'x.csv')).toThrow(/x.csv \(row 70\): duplicate ward E05011118/);
		expect(() => assertExactlyBirminghamWards([...codes.slice(1), 'E05000001'], 'x.csv')).toThrow(/not a Birmingham ward code/);
		expect(() => assertExactlyBirminghamWards(codes.slice(1), 'x.csv')).toThrow(/missing E05011118/);
		expect(() => assertExactlyBirminghamWards(codes, 'x.csv')).not.toThrow();
	});
	it('slugifies names with ampersands and apostrophes', () => {
		expect(slugify('Bordesley & Highgate')).toBe('bordesley-and-highgate');
		expect(slugify("King's Norton North")).toBe('kings-norton-north');
		expect(slugify('Sutton Trinity')).toBe('sutton-trinity');
	});
});

describe('numbers and CSV', () => {
	it('never turns a suppression code into a number', () => {
		expect(parseNumber('SUPP', 'f', 2, 'ATT8SCR')).toBeNull();
		expect(parseNumber('NE', 'f', 2, 'ATT8SCR')).toBeNull();
		expect(parseNumber('1,234', 'f', 2, 'n')).toBe(1234);
		expect(parseNumber('45.5%', 'f', 2, 'n')).toBe(45.5);
		expect(() => parseNumber('abc', 'f', 7, 'n')).toThrow(/f \(row 7\): column n: "abc"/);
	});
	it('formats fixed decimals without negative zero and leaves missing values empty', () => {
		expect(fixed(1.23456, 3)).toBe('1.235');
		expect(fixed(-0.0001, 2)).toBe('0.00');
		expect(fixed(null, 2)).toBe('');
		expect(toCsv(['a', 'b'], [{ a: 'x,y', b: '' }])).toBe('a,b\n"x,y",\n');
	});
	it('weights means and ignores missing values', () => {
		expect(weightedMean([{ value: 10, weight: 1 }, { value: 20, weight: 3 }, { value: null, weight: 100 }])).toBe(17.5);
		expect(weightedMean([{ value: null, weight: 1 }])).toBeNull();
	});
});
