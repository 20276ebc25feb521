/**
 * State for the map and ranking embeds: which indicator and ward the URL asks for, and that indicator's
 * ward values. The prerendered page holds the default indicator; another one is fetched from the published
 * values file (DuckDB is never started in an embed). Until it arrives the figure is hidden, so a reader never
 * sees one indicator's figures under another's title.
 */
import { indicatorValues } from '$lib/data/values-source.ts';
import type { WardValue } from '$lib/data/types.ts';
import { DEFAULT_INDICATOR, readViewState } from '$lib/views/url-state.ts';

export class IndicatorEmbedState {
	indicatorId = $state(DEFAULT_INDICATOR);
	ward = $state<string | null>(null);
	rows = $state<WardValue[]>([]);
	problems = $state<string[]>([]);
	loading = $state(false);

	constructor(prerendered: WardValue[]) {
		this.rows = prerendered;
	}

	async readUrl(url: URL, indicatorIds: Set<string>, wardCodes: Set<string>): Promise<void> {
		const state = readViewState(url.searchParams, indicatorIds, wardCodes);
		this.problems = state.problems.map((p) => p.replace('the map shows', 'this shows'));
		this.ward = state.ward;
		if (state.indicator === this.indicatorId) return;
		this.loading = true;
		try {
			this.rows = await indicatorValues(state.indicator);
			this.indicatorId = state.indicator;
		} catch (error) {
			this.problems = [...this.problems, `Could not load the figures you asked for (${(error as Error).message}); this shows the default.`];
		} finally {
			this.loading = false;
		}
	}
}
