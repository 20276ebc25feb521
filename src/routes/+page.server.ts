import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { readGeometry } from '$lib/data/geometry.server.ts';
import { getBenchmarks, getIndicatorWardValues } from '$lib/data/queries.ts';
import { projectWards } from '$lib/map/svg-paths.ts';
import { DEFAULT_INDICATOR } from '$lib/views/url-state.ts';
import { textsOf } from '$lib/data/types.ts';

export async function load() {
	const db = buildTimeDatabase();
	return {
		values: await getIndicatorWardValues(db, DEFAULT_INDICATOR),
		texts: textsOf(db.catalogue.indicators.find((i) => i.id === DEFAULT_INDICATOR)!),
		benchmarks: await getBenchmarks(db),
		series: (db.catalogue.series ?? []).filter((s) => s.change !== null),
		projected: projectWards(readGeometry('wards.geojson'), readGeometry('birmingham.geojson'))
	};
}
