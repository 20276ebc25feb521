import { error, json } from '@sveltejs/kit';
import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { getCorrelations } from '$lib/data/explore-sql.ts';

export const prerender = true;

const indicatorIds = () => buildTimeDatabase().catalogue.indicators.map((i) => i.id);

export function entries() {
	return indicatorIds().map((id) => ({ id }));
}

/**
 * One indicator's correlation with every other, computed by DuckDB at build time with the same SQL the browser
 * runs, so the scatter embed can show any pair's r and fitted line without starting DuckDB (about 10 KB).
 */
export async function GET({ params }) {
	const ids = indicatorIds();
	if (!ids.includes(params.id)) error(404, `No indicator called ${params.id}`);
	return json(await getCorrelations(buildTimeDatabase(), [params.id], ids));
}
