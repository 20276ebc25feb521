import { describe, expect, it } from 'vitest';
import { colourScale, NO_DATA_COLOUR } from './colour-scale.ts';

const values = Array.from({ length: 69 }, (_, i) => i + 1);

describe('colour scale', () => {
	it('makes five quantile classes with stated breaks, each holding about 14 wards', () => {
		const scale = colourScale(values, { polarity: 'higher_is_worse', label: 'x', short_label: 'x' });
		expect(scale.breaks).toHaveLength(4);
		const counts = [0, 0, 0, 0, 0];
		for (const v of values) counts[scale.classOf(v)!]++;
		for (const c of counts) expect(c).toBeGreaterThanOrEqual(13);
		expect(scale.min).toBe(1);
		expect(scale.max).toBe(69);
	});
	it('gives the darkest colour to the worst wards, whichever way round worse is', () => {
		const worseHigh = colourScale(values, { polarity: 'higher_is_worse', label: 'x', short_label: 'x' });
		const betterHigh = colourScale(values, { polarity: 'higher_is_better', label: 'x', short_label: 'x' });
		expect(worseHigh.colourOf(69)).toBe(betterHigh.colourOf(1));
		expect(worseHigh.darkerMeans).toMatch(/higher .*worse/);
		expect(betterHigh.darkerMeans).toMatch(/lower .*worse/);
	});
	it('colours missing values as no data', () => {
		const scale = colourScale([...values, null], { polarity: 'neutral', label: 'x', short_label: 'x' });
		expect(scale.colourOf(null)).toBe(NO_DATA_COLOUR);
		expect(scale.classOf(null)).toBeNull();
	});
});
