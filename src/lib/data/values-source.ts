/**
 * Ward values for an indicator in the browser: from DuckDB once it is running, otherwise from the
 * prerendered values file. Both come from the same SQL (sql.ts), so they agree.
 */
import { indicatorRows } from './matrix.ts';
import { getIndicatorWardValues } from './queries.ts';
import { duckdbStatus, startBrowserDatabase } from './browser-db.svelte.ts';
import { loadAllValues } from './published.ts';
import type { WardValue } from './types.ts';

export async function indicatorValues(indicatorId: string): Promise<WardValue[]> {
	if (duckdbStatus.phase === 'ready') {
		return getIndicatorWardValues(await startBrowserDatabase(), indicatorId);
	}
	return indicatorRows((await loadAllValues()).matrix, indicatorId);
}
