import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../scripts/lib/csv.ts';
import { detectWardColumn, normaliseWardName, wardMatcher } from './ward-matching.ts';

const wards = parseCsv(readFileSync('data/wards.csv', 'utf8'), 'wards.csv').map((w) => ({ code: w.code, name: w.name }));
const matcher = wardMatcher(wards);
const codeOf = (name: string) => wards.find((w) => w.name === name)!.code;

describe('ward name matching', () => {
	it('matches all 69 official names and codes exactly', () => {
		expect(wards).toHaveLength(69);
		for (const ward of wards) {
			expect(matcher.match(ward.name)).toEqual({ matched: true, code: ward.code, how: 'name' });
			expect(matcher.match(ward.code)).toEqual({ matched: true, code: ward.code, how: 'code' });
			expect(matcher.match(ward.code.toLowerCase())).toMatchObject({ matched: true, code: ward.code });
		}
	});

	it('gives every ward a distinct normalised name, so forgiving matching cannot confuse two wards', () => {
		expect(new Set(wards.map((w) => normaliseWardName(w.name))).size).toBe(69);
	});

	it('forgives case, spacing, punctuation, "&"/"and", word order, compass abbreviations and the Sutton prefix', () => {
		const cases: [string, string][] = [
			['bordesley and highgate', 'Bordesley & Highgate'],
			['  BORDESLEY   &HIGHGATE ', 'Bordesley & Highgate'],
			['Kings Norton North', "King's Norton North"],
			['King’s Norton South', "King's Norton South"],
			['Highters Heath', "Highter's Heath"],
			['Stechford & Yardley West', 'Yardley West & Stechford'],
			['Edgbaston North', 'North Edgbaston'],
			['Hall Green N', 'Hall Green North'],
			['Sparkbrook & Balsall Heath E', 'Sparkbrook & Balsall Heath East'],
			['Four Oaks', 'Sutton Four Oaks'],
			['Walmley and Minworth', 'Sutton Walmley & Minworth'],
			['Tyseley and Haymills', 'Tyseley & Hay Mills'],
			["Druid's Heath and Monyhull", 'Druids Heath & Monyhull'],
			['Soho and Jewellery Qtr', 'Soho & Jewellery Quarter'],
			['Birchfields', 'Birchfield'],
			['Ladywood Ward', 'Ladywood'],
			['Ward End', 'Ward End'],
			['Aston (E05011121)', 'Aston'],
			['Acocks Green (Birmingham)', 'Acocks Green']
		];
		for (const [written, official] of cases) expect(matcher.match(written), written).toMatchObject({ matched: true, code: codeOf(official) });
	});

	it('leaves other places unmatched with a reason, and suggests close spellings without applying them', () => {
		const typo = matcher.match('Sparkhil');
		expect(typo).toMatchObject({ matched: false, suggestion: 'Sparkhill' });
		expect(matcher.match('Selly Oak')).toMatchObject({ matched: false });
		expect(matcher.match('Birmingham')).toMatchObject({ matched: false });
		const oldCode = matcher.match('E05001200');
		expect(oldCode.matched).toBe(false);
		if (!oldCode.matched) expect(oldCode.reason).toMatch(/before May 2018/);
		const elsewhere = matcher.match('E05009999');
		if (!elsewhere.matched) expect(elsewhere.reason).toMatch(/not one of Birmingham's 69/);
		expect(matcher.match('  ')).toMatchObject({ matched: false, reason: 'The ward cell is empty.' });
	});
});

describe('ward column detection', () => {
	const rows = wards.slice(0, 10).map((w, i) => [String(i), w.name, w.code, String(i * 3)]);

	it('prefers the code column over a name column, and finds names when there are no codes', () => {
		expect(detectWardColumn(['id', 'Ward name', 'Ward code', 'value'], rows, matcher)).toEqual({ index: 2, matches: 10, kind: 'code' });
		const namesOnly = rows.map((r) => [r[0], r[1], r[3]]);
		expect(detectWardColumn(['id', 'Area', 'value'], namesOnly, matcher)).toEqual({ index: 1, matches: 10, kind: 'name' });
	});

	it('returns null when nothing names a ward', () => {
		expect(detectWardColumn(['LSOA', 'value'], [['E01008881', '1']], matcher)).toBeNull();
	});
});
