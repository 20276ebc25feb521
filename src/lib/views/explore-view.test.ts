import { describe, expect, it } from 'vitest';
import { chanceThreshold, correlationCaption, explainSimilar, readExploreState, strength, writeExploreState } from './explore-view.ts';
import type { IndicatorSummary } from '$lib/data/types.ts';

const wards = [
	{ code: 'E05011118', name: 'Acocks Green', slug: 'acocks-green' },
	{ code: 'E05011119', name: 'Allens Cross', slug: 'allens-cross' }
];
const ids = new Set(['imd19_score', 'le_persons', 'cp_ahc_pct_2025']);
const indicator = (id: string, short_label: string): IndicatorSummary => ({
	id,
	family: 'deprivation',
	label: short_label,
	short_label,
	unit: 'score',
	decimals: 1,
	polarity: 'higher_is_worse',
	period: '2019',
	headline: true,
	source_id: 's',
	derived: false
});

describe('explore URL state', () => {
	it('round-trips every choice', () => {
		const state = { x: 'cp_ahc_pct_2025', y: 'imd19_score', colour: 'le_persons', wards: ['E05011119'], similar: 'E05011118' };
		const read = readExploreState(new URLSearchParams(writeExploreState(state)), ids, wards);
		expect(read).toEqual({ ...state, problems: [] });
	});

	it('falls back to defaults with a message for unknown values', () => {
		const read = readExploreState(new URLSearchParams('x=nope&colour=<script>&similar=atlantis'), ids, wards);
		expect(read.x).toBe('imd19_score');
		expect(read.colour).toBeNull();
		expect(read.similar).toBeNull();
		expect(read.problems).toHaveLength(3);
		expect(read.problems[1]).toContain('“<script>”');
	});
});

describe('words for a correlation', () => {
	it('names the strength and direction', () => {
		expect(strength(-0.85)).toBe('very strong negative');
		expect(strength(0.45)).toBe('moderate positive');
		expect(strength(0.1)).toBe('very weak or no');
		expect(chanceThreshold(69)).toBeCloseTo(0.2408, 3);
	});

	it('says correlation is not cause, and warns when it could be chance', () => {
		const caption = correlationCaption(
			{ x_id: 'a', y_id: 'b', n: 69, pearson: 0.1, spearman: 0.12, slope: 0.5, intercept: 2, r2: 0.01 },
			indicator('a', 'A'),
			indicator('b', 'B')
		);
		expect(caption.join(' ')).toMatch(/r = 0\.10.*ρ = 0\.12/);
		expect(caption.join(' ')).toMatch(/could easily arise by chance/);
		expect(caption.at(-1)).toMatch(/Correlation is not cause/);
	});
});

describe('similar wards explained', () => {
	it('lists the indicators that make most of the distance', () => {
		const explained = explainSimilar(
			'W1',
			[{ ward_code: 'W1', other_code: 'W2', n_shared: 2, distance: 1.0, place: 1 }],
			[
				{ indicator_id: 'a', ward_code: 'W1', value: 10, z: 0 },
				{ indicator_id: 'a', ward_code: 'W2', value: 20, z: 1.4 },
				{ indicator_id: 'b', ward_code: 'W1', value: 5, z: 0.1 },
				{ indicator_id: 'b', ward_code: 'W2', value: 5, z: 0.1 }
			],
			[indicator('a', 'A'), indicator('b', 'B')],
			(code) => `Ward ${code}`
		);
		expect(explained[0].biggest).toEqual(['A 1.4 SD higher (20.0)']);
		expect(explained[0].closest).toBe('B');
		expect(explained[0].name).toBe('Ward W2');
	});
});
