import { error } from '@sveltejs/kit';
import type { FeatureCollection } from 'geojson';
import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { readGeometry } from '$lib/data/geometry.server.ts';
import { getBenchmarks, getNeighbourhoods, getWardNeighbours, getWardSchools, getUkValues, getWardValues, getWards } from '$lib/data/queries.ts';
import { projectWards } from '$lib/map/svg-paths.ts';
import { getWardSeries } from '$lib/data/series-queries.ts';

export async function entries() {
	return (await getWards(buildTimeDatabase())).map((w) => ({ slug: w.slug }));
}

export async function load({ params }) {
	const db = buildTimeDatabase();
	const ward = (await getWards(db)).find((w) => w.slug === params.slug);
	if (!ward) error(404, `There is no Birmingham ward called “${params.slug}”.`);
	const neighbours = await getWardNeighbours(db, ward.code);
	const wards = readGeometry('wards.geojson');
	const local: FeatureCollection = { ...wards, features: wards.features.filter((f) => f.properties?.code === ward.code || neighbours.includes(f.properties?.code)) };
	const lsoas = readGeometry('lsoa11.geojson');
	const wardLsoas: FeatureCollection = { ...lsoas, features: lsoas.features.filter((f) => f.properties?.ward_code === ward.code) };
	// Method and caveat texts repeat across years of one measure: send each distinct text once.
	const notes = Object.fromEntries(
		[...new Set(db.catalogue.indicators.map((i) => i.family))].map((family) => [
			family,
			[...new Set(db.catalogue.indicators.filter((i) => i.family === family).flatMap((i) => [i.method, i.caveat]).filter(Boolean))]
		])
	);
	return {
		notes,
		ward,
		values: await getWardValues(db, ward.code),
		benchmarks: await getBenchmarks(db),
		uk: await getUkValues(db),
		neighbours,
		neighbourhoods: await getNeighbourhoods(db, ward.code),
		schools: await getWardSchools(db, ward.code),
		series: db.catalogue.series ?? [],
		seriesRows: await getWardSeries(db, ward.code),
		localMap: projectWards(local, null, 360),
		lsoaMap: {
			...projectWards(wardLsoas, null, 360),
			codes: wardLsoas.features.map((f) => f.properties?.lsoa11_code as string)
		}
	};
}
