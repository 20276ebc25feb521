import { describe, expect, it } from 'vitest';
import { compareWith, describeRank, formatValue, judgement, labelWithPeriod, ordinal } from './format.ts';

describe('formatting', () => {
	it('formats values with their unit, and says when there is none', () => {
		expect(formatValue(41.234, { unit: '%', decimals: 1 })).toBe('41.2%');
		expect(formatValue(12345, { unit: 'count', decimals: 0 })).toBe('12,345');
		expect(formatValue(78.44, { unit: 'years', decimals: 1 })).toBe('78.4 years');
		expect(formatValue(null, { unit: '%', decimals: 1 })).toBe('no data');
	});
	it('ranks in words from whichever end is nearer', () => {
		expect(ordinal(1)).toBe('1st');
		expect(ordinal(12)).toBe('12th');
		expect(ordinal(23)).toBe('23rd');
		expect(describeRank(1, 69)).toBe('highest of 69');
		expect(describeRank(3, 69)).toBe('3rd highest of 69');
		expect(describeRank(67, 69)).toBe('3rd lowest of 69');
		expect(describeRank(69, 69)).toBe('lowest of 69');
		expect(describeRank(null, 48)).toBe('not ranked');
	});
	it('claims a significant difference only when confidence intervals do not overlap', () => {
		expect(compareWith(80, 78)).toEqual({ comparison: 'higher', significant: null });
		expect(compareWith(80, 78, { lower: 79, upper: 81 }, { lower: 77.5, upper: 78.5 })).toEqual({ comparison: 'higher', significant: true });
		expect(compareWith(80, 78, { lower: 77, upper: 83 }, { lower: 77.5, upper: 78.5 })).toEqual({ comparison: 'similar', significant: false });
		expect(compareWith(null, 78)).toEqual({ comparison: 'unknown', significant: null });
	});
	it('turns higher or lower into better or worse by polarity', () => {
		expect(judgement('higher', { polarity: 'higher_is_worse' })).toBe('worse');
		expect(judgement('higher', { polarity: 'higher_is_better' })).toBe('better');
		expect(judgement('lower', { polarity: 'neutral' })).toBe('');
	});
	it('adds the period to a label only when it is not already there', () => {
		expect(labelWithPeriod({ label: 'IMD score (2019)', period: '2019' })).toBe('IMD score (2019)');
		expect(labelWithPeriod({ label: 'Child poverty', period: 'FYE 2025' })).toBe('Child poverty (FYE 2025)');
	});
});
