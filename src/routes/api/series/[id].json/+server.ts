import { error, json } from '@sveltejs/kit';
import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { getSeriesAllAreas } from '$lib/data/series-queries.ts';

export const prerender = true;

/** Series that can be mapped as a change between two periods. */
const changeable = () => (buildTimeDatabase().catalogue.series ?? []).filter((s) => s.change !== null);

export function entries() {
	return changeable().map((s) => ({ id: s.id }));
}

/** Every area's values of one series, prerendered so the change map works before (or without) DuckDB. */
export async function GET({ params }) {
	if (!changeable().some((s) => s.id === params.id)) error(404, `No series called ${params.id}`);
	return json(await getSeriesAllAreas(buildTimeDatabase(), params.id));
}
