/** Build-time data for the map and ranking embeds: the default indicator's figures, prerendered. */
import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { getBenchmarks, getIndicatorWardValues } from '$lib/data/queries.ts';
import { DEFAULT_INDICATOR } from '$lib/views/url-state.ts';

export async function loadIndicatorEmbed() {
	const db = buildTimeDatabase();
	return {
		values: await getIndicatorWardValues(db, DEFAULT_INDICATOR),
		benchmarks: await getBenchmarks(db)
	};
}
