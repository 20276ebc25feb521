import { describe, expect, it } from 'vitest';
import { GLOSSARY, findTerms } from './glossary.ts';
import { fleschKincaidGrade } from '$lib/testing/readability.ts';

describe('glossary', () => {
	it('has unique anchors and covers the words the ward pages use', () => {
		const ids = GLOSSARY.map((e) => e.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ['imd', 'lsoa', 'after-housing-costs', 'attainment-8', 'index-of-dissimilarity']) expect(ids).toContain(id);
	});

	it('links the first mention of each term only, across several texts', () => {
		const [first, second] = findTerms(['Neighbourhoods (LSOAs) by IMD decile.', 'The IMD again, then Attainment 8.']);
		expect(first).toEqual([
			{ text: 'Neighbourhoods', term: 'lsoa' },
			{ text: ' (LSOAs) by ' },
			{ text: 'IMD', term: 'imd' },
			{ text: ' ' },
			{ text: 'decile', term: 'decile' },
			{ text: '.' }
		]);
		expect(second).toEqual([{ text: 'The IMD again, then ' }, { text: 'Attainment 8', term: 'attainment-8' }, { text: '.' }]);
	});

	it('keeps the text exactly as given', () => {
		const text = 'Children in relative low income after housing costs, Index of Dissimilarity (95% CI) and best-fit MSOAs.';
		expect(findTerms([text])[0].map((p) => p.text).join('')).toBe(text);
		expect(findTerms([text])[0].filter((p) => p.term).map((p) => p.term)).toEqual([
			'relative-low-income',
			'after-housing-costs',
			'index-of-dissimilarity',
			'confidence-interval',
			'best-fit',
			'msoa'
		]);
	});

	it('explains each word at a reading age of about 12', () => {
		for (const entry of GLOSSARY) expect(fleschKincaidGrade(entry.meaning.join(' ')), entry.id).toBeLessThanOrEqual(9);
		const all = GLOSSARY.flatMap((e) => e.meaning).join(' ');
		expect(fleschKincaidGrade(all)).toBeLessThanOrEqual(7.5);
	});
});
