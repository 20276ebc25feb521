import { describe, expect, it } from 'vitest';
import { readChangeState, writeChangeState } from './change-state.ts';

const series = [{ id: 'cc_rate_series' }, { id: 'pop_total_series' }];

describe('change view URL state', () => {
	it('restores a shared link', () => {
		const state = readChangeState(new URLSearchParams('view=change&series=pop_total_series&from=2021&to=2024'), series);
		expect(state).toEqual({ mode: 'change', series: 'pop_total_series', from: '2021', to: '2024', problems: [] });
	});

	it('explains unknown values, shown as text, and falls back to defaults', () => {
		const state = readChangeState(new URLSearchParams('view=change&series=<img src=x>'), series);
		expect(state.series).toBe('cc_rate_series');
		expect(state.problems[0]).toMatch(/no time series called “<img src=x>”/);
		expect(readChangeState(new URLSearchParams('view=sideways'), series)).toMatchObject({ mode: 'latest', problems: [expect.stringMatching(/no view called “sideways”/)] });
	});

	it('writes its own parameters and keeps the others', () => {
		const query = writeChangeState(new URLSearchParams('indicator=fp_pct_2022&from=old'), { mode: 'change', series: 'cc_rate_series', from: '2021-05', to: '2026-04' });
		expect(query).toBe('?indicator=fp_pct_2022&view=change&series=cc_rate_series&from=2021-05&to=2026-04');
		expect(writeChangeState(new URLSearchParams(query), { mode: 'latest', series: 'x', from: null, to: null })).toBe('?indicator=fp_pct_2022');
	});
});
