import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { getIndicatorWardValues } from '$lib/data/queries.ts';
import { getCorrelations, getPairCorrelation, getSimilarWards, getStandardised } from '$lib/data/explore-sql.ts';
import { DEFAULT_X, DEFAULT_Y } from '$lib/views/explore-view.ts';

/** The default scatter, the headline correlation matrix and every ward's nearest wards, all from DuckDB at build time. */
export async function load() {
	const db = buildTimeDatabase();
	const headline = db.catalogue.indicators.filter((i) => i.headline).map((i) => i.id);
	return {
		headline,
		xValues: await getIndicatorWardValues(db, DEFAULT_X),
		yValues: await getIndicatorWardValues(db, DEFAULT_Y),
		pairStats: await getPairCorrelation(db, DEFAULT_X, DEFAULT_Y),
		matrix: await getCorrelations(db, headline, headline),
		similar: await getSimilarWards(db, headline, null, 5),
		standardised: await getStandardised(db, headline)
	};
}
