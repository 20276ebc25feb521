/**
 * URL state of the home page's change view: ?view=change&series=…&from=…&to=… . Validated against the series
 * catalogue and the series' periods; anything unknown gives a message and a sensible default, never a crash.
 */
import type { Series } from '$lib/data/types.ts';

export const CHANGE_PARAMS = ['view', 'series', 'from', 'to'] as const;
export const DEFAULT_CHANGE_SERIES = 'cc_rate_series';

export interface ChangeState {
	mode: 'latest' | 'change';
	series: string;
	from: string | null;
	to: string | null;
	problems: string[];
}

export function readChangeState(params: URLSearchParams, series: Pick<Series, 'id'>[]): ChangeState {
	const problems: string[] = [];
	const view = params.get('view');
	let mode: ChangeState['mode'] = 'latest';
	if (view === 'change') mode = 'change';
	else if (view !== null && view !== 'latest') problems.push(`There is no view called “${view.slice(0, 30)}”, so the map shows the latest figures.`);
	const ids = new Set(series.map((s) => s.id));
	const fallback = ids.has(DEFAULT_CHANGE_SERIES) ? DEFAULT_CHANGE_SERIES : (series[0]?.id ?? '');
	let chosen = fallback;
	const asked = params.get('series');
	if (asked !== null && mode === 'change') {
		if (ids.has(asked)) chosen = asked;
		else problems.push(`There is no time series called “${asked.slice(0, 60)}” that can be mapped as a change, so the map shows ${fallback}.`);
	}
	const period = (name: 'from' | 'to') => {
		const value = params.get(name);
		return value === null || value === '' ? null : value.slice(0, 30);
	};
	return { mode, series: chosen, from: mode === 'change' ? period('from') : null, to: mode === 'change' ? period('to') : null, problems };
}

/** The current query string with the change view's parameters set (or removed), other parameters kept. */
export function writeChangeState(current: URLSearchParams, state: Pick<ChangeState, 'mode' | 'series' | 'from' | 'to'>): string {
	const params = new URLSearchParams(current);
	for (const key of CHANGE_PARAMS) params.delete(key);
	if (state.mode === 'change') {
		params.set('view', 'change');
		params.set('series', state.series);
		if (state.from) params.set('from', state.from);
		if (state.to) params.set('to', state.to);
	}
	const query = params.toString();
	return query ? `?${query}` : '?';
}
