import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { getIndicatorWardValues } from '$lib/data/queries.ts';
import { getPairCorrelation } from '$lib/data/explore-sql.ts';
import { DEFAULT_X, DEFAULT_Y } from '$lib/views/explore-view.ts';

/** The default scatter and its correlation, from DuckDB at build time, so the embed needs no database. */
export async function load() {
	const db = buildTimeDatabase();
	return {
		xValues: await getIndicatorWardValues(db, DEFAULT_X),
		yValues: await getIndicatorWardValues(db, DEFAULT_Y),
		pairStats: await getPairCorrelation(db, DEFAULT_X, DEFAULT_Y)
	};
}
