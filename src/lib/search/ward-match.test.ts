import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../scripts/lib/csv.ts';
import { clearWinner, editDistance, fold, matchWards } from './ward-match.ts';

const wards = parseCsv(readFileSync('data/wards.csv', 'utf8'), 'wards.csv').map((w) => ({ code: w.code, name: w.name, slug: w.slug }));
const top = (query: string) => matchWards(query, wards)[0]?.ward.name;
const names = (query: string) => matchWards(query, wards).map((m) => m.ward.name);

describe('ward name folding', () => {
	it('ignores case, accents, apostrophes and "&" versus "and"', () => {
		expect(fold("Brandwood & King's Heath")).toBe('brandwood kings heath');
		expect(fold('brandwood and kings heath')).toBe('brandwood kings heath');
		expect(fold('HÄNDSWORTH  Wood')).toBe('handsworth wood');
		expect(fold('King’s Norton')).toBe('kings norton');
	});

	it('counts a swap of two letters as one typo', () => {
		expect(editDistance('edgbsaton', 'edgbaston')).toBe(1);
		expect(editDistance('nechels', 'nechells')).toBe(1);
		expect(editDistance('abc', 'abc')).toBe(0);
	});
});

describe('ward name search over the 69 real wards', () => {
	it('finds every ward by its own name, first', () => {
		expect(wards).toHaveLength(69);
		for (const ward of wards) expect(top(ward.name)).toBe(ward.name);
	});

	it('forgives "and" for "&", missing apostrophes and accents', () => {
		expect(top('Bordesley and Highgate')).toBe('Bordesley & Highgate');
		expect(top('sparkbrook and balsall heath east')).toBe('Sparkbrook & Balsall Heath East');
		expect(names('kings norton')).toEqual(["King's Norton North", "King's Norton South"]);
		expect(top('Hällgreen nörth')).toBe('Hall Green North');
		expect(top('soho and jewellery quarter')).toBe('Soho & Jewellery Quarter');
	});

	it('forgives typos', () => {
		expect(top('Edgbastn')).toBe('Edgbaston');
		expect(top('edgbsaton')).toBe('Edgbaston');
		expect(top('Erdingtn')).toBe('Erdington');
		expect(top('sparkbrok')).toBe('Sparkbrook & Balsall Heath East');
		expect(top('Nechels')).toBe('Nechells');
		expect(top('kingstandin')).toBe('Kingstanding');
		expect(top('Lozels')).toBe('Lozells');
	});

	it('matches part of a name while it is being typed, and words inside a name', () => {
		expect(names('sutton').length).toBe(8);
		expect(names('sutton').every((n) => n.startsWith('Sutton'))).toBe(true);
		expect(top('selly oak')).toBe('Weoley & Selly Oak');
		expect(top('kings heath')).toBe("Brandwood & King's Heath");
		expect(names('hall gr').slice(0, 2)).toEqual(['Hall Green North', 'Hall Green South']);
	});

	it('puts names that start with the text before names that only contain it', () => {
		const results = names('handsworth');
		expect(results.slice(0, 2)).toEqual(['Handsworth', 'Handsworth Wood']);
	});

	it('finds nothing for text unlike any ward, and does not match every ward on one or two letters', () => {
		expect(names('xyzzy')).toEqual([]);
		expect(names('zq')).toEqual([]);
		expect(names('   ')).toEqual([]);
		expect(matchWards('a', wards, 100).every((m) => /(^| )a/i.test(m.ward.name))).toBe(true);
	});

	it('goes straight to a ward on Enter only when one match is clearly best', () => {
		const winner = (query: string) => clearWinner(matchWards(query, wards))?.name ?? null;
		expect(winner('edgbastn')).toBe('Edgbaston');
		expect(winner('north edgbastn')).toBe('North Edgbaston');
		expect(winner('handsworth')).toBe('Handsworth');
		expect(winner('sparkb')).toBe('Sparkbrook & Balsall Heath East');
		expect(winner('sutton')).toBeNull();
		expect(winner('hall green')).toBeNull();
		expect(winner('kings norton')).toBeNull();
		expect(winner('xyzzy')).toBeNull();
	});
});
