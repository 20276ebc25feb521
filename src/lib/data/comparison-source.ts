/**
 * Every indicator for the chosen wards, in the browser: from DuckDB once it is running, otherwise from the
 * prerendered values file (built at build time by the same query layer), so a shared link shows at once.
 */
import { getWardsValues } from './explore-sql.ts';
import { indicatorRows } from './matrix.ts';
import { duckdbStatus, startBrowserDatabase } from './browser-db.svelte.ts';
import { loadAllValues } from './published.ts';
import type { WardValue } from './types.ts';

export async function wardsValues(codes: string[]): Promise<WardValue[]> {
	if (!codes.length) return [];
	if (duckdbStatus.phase === 'ready') return getWardsValues(await startBrowserDatabase(), codes);
	const { matrix } = await loadAllValues();
	const chosen = new Set(codes);
	return Object.keys(matrix.indicators).flatMap((id) => indicatorRows(matrix, id).filter((r) => chosen.has(r.ward_code)));
}
