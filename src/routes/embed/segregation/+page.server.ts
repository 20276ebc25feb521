import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { readGeometry } from '$lib/data/geometry.server.ts';
import { getEthnicGroups, getSegregation } from '$lib/data/segregation-sql.ts';
import { projectWards } from '$lib/map/svg-paths.ts';
import { DEFAULT_SEGREGATION } from '$lib/views/segregation-view.ts';

/** The default pair, computed by the same SQL the browser runs, so the embed shows it without a database. */
export async function load() {
	const db = buildTimeDatabase();
	const groups = await getEthnicGroups(db);
	return {
		groups,
		rows: await getSegregation(db, groups, DEFAULT_SEGREGATION),
		projected: projectWards(readGeometry('wards.geojson'), readGeometry('birmingham.geojson'))
	};
}
