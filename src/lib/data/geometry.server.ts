/** Reads the published geometry at build time. Geometry is not tabular, so it does not go through SQL. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';

export function readGeometry(file: 'wards.geojson' | 'birmingham.geojson' | 'lsoa11.geojson', dataDir = resolve('data')): FeatureCollection {
	return JSON.parse(readFileSync(resolve(dataDir, file), 'utf8')) as FeatureCollection;
}
