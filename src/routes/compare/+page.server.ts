import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { readGeometry } from '$lib/data/geometry.server.ts';
import { getBenchmarks, getIndicatorWardValues } from '$lib/data/queries.ts';
import { getWardsValues } from '$lib/data/explore-sql.ts';
import { projectWards } from '$lib/map/svg-paths.ts';
import { isPrimary } from '$lib/views/comparison.ts';

/** The prerendered comparison: Birmingham's most deprived, middle and least deprived wards on IMD 2019. */
export async function load() {
	const db = buildTimeDatabase();
	const imd = (await getIndicatorWardValues(db, 'imd19_score')).filter((r) => r.rank_high !== null).sort((a, b) => a.rank_high! - b.rank_high!);
	const defaultWards = [imd[0], imd[Math.floor(imd.length / 2)], imd[imd.length - 1]].map((r) => r.ward_code);
	// Method and caveat texts of the indicators in the printed brief, each distinct text once per family.
	const notes = Object.fromEntries(
		[...new Set(db.catalogue.indicators.map((i) => i.family))].map((family) => [
			family,
			[...new Set(db.catalogue.indicators.filter((i) => i.family === family && isPrimary(i)).flatMap((i) => [i.method, i.caveat]).filter(Boolean))]
		])
	);
	return {
		defaultWards,
		values: await getWardsValues(db, defaultWards),
		benchmarks: await getBenchmarks(db),
		notes,
		projected: projectWards(readGeometry('wards.geojson'), readGeometry('birmingham.geojson'))
	};
}
