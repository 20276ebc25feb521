import { describe, expect, it } from 'vitest';
import { normalisePostcode, readPostcode } from './normalise.ts';

describe('reading a typed postcode', () => {
	const wholePostcodes: [string, string][] = [
		['B15 2TT', 'B15 2TT'],
		['b15 2tt', 'B15 2TT'],
		['B152TT', 'B15 2TT'],
		['  b15   2tt  ', 'B15 2TT'],
		['B15\t2TT', 'B15 2TT'],
		['B15\u00a02TT', 'B15 2TT'],
		['b15-2tt', 'B15 2TT'],
		['B1 1AA', 'B1 1AA'],
		['b11aa', 'B1 1AA'],
		['B4 7DA', 'B4 7DA'],
		['B90 1AA', 'B90 1AA'],
		['b 9 0 1 a a', 'B90 1AA'],
		['SW1A 1AA', 'SW1A 1AA'],
		['sw1a1aa', 'SW1A 1AA'],
		['M1 1AE', 'M1 1AE'],
		['CV1 5FB', 'CV1 5FB'],
		['Ｂ１５ ２ＴＴ', 'B15 2TT']
	];
	for (const [typed, expected] of wholePostcodes) {
		it(`reads ${JSON.stringify(typed)} as ${expected}`, () => expect(normalisePostcode(typed)).toBe(expected));
	}

	it('reads a postcode district (outward code) on its own', () => {
		expect(readPostcode('B15')).toEqual({ kind: 'outward', outward: 'B15', area: 'B' });
		expect(readPostcode(' b1 ')).toEqual({ kind: 'outward', outward: 'B1', area: 'B' });
		expect(readPostcode('cv1')).toEqual({ kind: 'outward', outward: 'CV1', area: 'CV' });
		// "B12" is the district B12, not the sector B1 2…
		expect(readPostcode('B12')).toMatchObject({ kind: 'outward', outward: 'B12' });
	});

	it('reads a postcode sector', () => {
		// …unless a space says otherwise.
		expect(readPostcode('B1 2')).toEqual({ kind: 'sector', sector: 'B1 2', outward: 'B1', area: 'B' });
		expect(readPostcode('b15 2')).toEqual({ kind: 'sector', sector: 'B15 2', outward: 'B15', area: 'B' });
		expect(readPostcode('B152')).toEqual({ kind: 'sector', sector: 'B15 2', outward: 'B15', area: 'B' });
	});

	const malformed: [string, RegExp][] = [
		['B15 2T', /last part of a postcode is a number then two letters/],
		['B15 22T', /last part/],
		['15 2TT', /starts with one or two letters/],
		['2TT', /starts with one or two letters/],
		['B15 2TTT', /not a postcode/],
		['B15 2TT XY', /too long/],
		['BBB1 2TT', /not a postcode/],
		['B15; DROP TABLE', /characters a postcode never has/],
		['<script>', /characters a postcode never has/],
		['B15 2TT!', /characters a postcode never has/],
		['£15', /characters a postcode never has/]
	];
	for (const [typed, message] of malformed) {
		it(`explains why ${JSON.stringify(typed)} is not a postcode`, () => {
			const result = readPostcode(typed);
			expect(result.kind).toBe('invalid');
			expect(result.kind === 'invalid' && result.message).toMatch(message);
			expect(normalisePostcode(typed)).toBeNull();
		});
	}

	it('shows long input shortened, as typed', () => {
		const result = readPostcode('B15 2TT and some more words that go on');
		expect(result.kind === 'invalid' && result.message).toContain('“B15 2TT and some mor…”');
	});

	it('treats blank input as empty', () => {
		expect(readPostcode('   ')).toEqual({ kind: 'empty' });
	});
});
