import { schemePuOr } from 'd3';
import { describe, expect, it } from 'vitest';
import { changeScale } from './change-scale.ts';
import { NO_DATA_COLOUR } from './colour-scale.ts';

describe('changeScale', () => {
	it('is symmetric about zero with no change in the pale middle class', () => {
		const scale = changeScale([-5, -1, 0, 2, 10], 'higher_is_worse', 'claimant rate');
		expect(scale.breaks).toEqual([-6, -2, 2, 6]);
		expect(scale.classOf(0)).toBe(2);
		expect(scale.colourOf(0)).toBe(schemePuOr[5][2]);
		expect(scale.colourOf(null)).toBe(NO_DATA_COLOUR);
	});

	it('paints a change for the worse purple, whichever way "worse" points', () => {
		const purple = schemePuOr[5][0];
		expect(changeScale([-10, 10], 'higher_is_worse', 'x').colourOf(10)).toBe(purple);
		expect(changeScale([-10, 10], 'higher_is_better', 'x').colourOf(-10)).toBe(purple);
		expect(changeScale([-10, 10], 'higher_is_worse', 'claimant rate').darkerMeans).toMatch(/Purple means the claimant rate rose \(worse\)/);
	});
});
