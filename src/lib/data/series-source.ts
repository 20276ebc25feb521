/**
 * One series for every area, in the browser: from DuckDB once it is running, otherwise from the prerendered
 * file. Both come from the same SQL (series-sql.ts), so they agree.
 */
import { base } from '$app/paths';
import { duckdbStatus, startBrowserDatabase } from './browser-db.svelte.ts';
import { getSeriesAllAreas, type SeriesRow } from './series-queries.ts';

const cache = new Map<string, Promise<SeriesRow[]>>();

export function seriesRows(seriesId: string): Promise<SeriesRow[]> {
	if (duckdbStatus.phase === 'ready') return startBrowserDatabase().then((db) => getSeriesAllAreas(db, seriesId));
	if (!cache.has(seriesId)) {
		const request = fetch(`${base}/api/series/${encodeURIComponent(seriesId)}.json`).then(async (response) => {
			if (!response.ok) throw new Error(`Could not load the figures for ${seriesId} (server answered ${response.status}).`);
			const rows = (await response.json()) as SeriesRow[];
			if (!Array.isArray(rows)) throw new Error(`The figures file for ${seriesId} is damaged.`);
			return rows;
		});
		request.catch(() => cache.delete(seriesId));
		cache.set(seriesId, request);
	}
	return cache.get(seriesId)!;
}
