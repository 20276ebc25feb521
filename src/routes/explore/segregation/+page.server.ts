import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { readGeometry } from '$lib/data/geometry.server.ts';
import { getEthnicGroups, getPublishedCitywide, getSegregation } from '$lib/data/segregation-sql.ts';
import { projectWards } from '$lib/map/svg-paths.ts';
import { DEFAULT_SEGREGATION, otherYear } from '$lib/views/segregation-view.ts';

/** The default pair computed by the same SQL the browser runs, so the figures are in the HTML. */
export async function load() {
	const db = buildTimeDatabase();
	const groups = await getEthnicGroups(db);
	const choice = DEFAULT_SEGREGATION;
	const other = otherYear(choice, groups);
	return {
		groups,
		published: await getPublishedCitywide(db),
		rows: await getSegregation(db, groups, choice),
		otherRows: other.possible ? await getSegregation(db, groups, { ...choice, year: other.year }) : [],
		projected: projectWards(readGeometry('wards.geojson'), readGeometry('birmingham.geojson'))
	};
}
