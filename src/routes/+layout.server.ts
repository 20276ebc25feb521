import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { getWards } from '$lib/data/queries.ts';
import { summarise } from '$lib/data/types.ts';

export async function load() {
	const db = buildTimeDatabase();
	return {
		wards: await getWards(db),
		indicators: db.catalogue.indicators.map(summarise),
		sources: db.catalogue.sources.map(({ id, title, publisher, attribution, licence }) => ({ id, title, publisher, attribution, licence }))
	};
}
