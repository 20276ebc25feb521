import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { getWards } from '$lib/data/queries.ts';

export async function load() {
	const db = buildTimeDatabase();
	return { wards: await getWards(db), catalogue: db.catalogue };
}
