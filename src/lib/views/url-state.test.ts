import { describe, expect, it } from 'vitest';
import { DEFAULT_INDICATOR, readViewState, writeViewState } from './url-state.ts';

const indicators = new Set([DEFAULT_INDICATOR, 'cp_ahc_pct_2025']);
const wards = new Set(['E05011118', 'E05011151']);
const read = (query: string) => readViewState(new URLSearchParams(query), indicators, wards);

describe('view state in the URL', () => {
	it('reads a valid indicator and ward, case-insensitively for the code', () => {
		expect(read('indicator=cp_ahc_pct_2025&ward=e05011151')).toEqual({ indicator: 'cp_ahc_pct_2025', ward: 'E05011151', problems: [] });
	});
	it('falls back to the default with a message for unknown values', () => {
		const state = read('indicator=nope&ward=E0000');
		expect(state.indicator).toBe(DEFAULT_INDICATOR);
		expect(state.ward).toBeNull();
		expect(state.problems).toHaveLength(2);
		expect(state.problems[0]).toContain('“nope”');
	});
	it('writes only what differs from the default, so a shared link stays short', () => {
		expect(writeViewState({ indicator: DEFAULT_INDICATOR, ward: null })).toBe('?');
		expect(writeViewState({ indicator: 'cp_ahc_pct_2025', ward: 'E05011151' })).toBe('?indicator=cp_ahc_pct_2025&ward=E05011151');
	});
});
