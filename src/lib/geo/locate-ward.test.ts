import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, Polygon } from 'geojson';
import { readGeometry } from '$lib/data/geometry.server.ts';
import { parseCsv } from '../../../scripts/lib/csv.ts';
import { placePoint } from './locate-ward.ts';

const wards = readGeometry('wards.geojson');
const outline = readGeometry('birmingham.geojson');
const wardRows = parseCsv(readFileSync('data/wards.csv', 'utf8'), 'wards.csv');

describe('placing a location in a ward', () => {
	it('places every ward’s own label point in that ward', () => {
		expect(wardRows).toHaveLength(69);
		for (const ward of wardRows) {
			const placed = placePoint({ longitude: Number(ward.label_lon), latitude: Number(ward.label_lat) }, wards, outline);
			expect(placed, ward.name).toEqual({ kind: 'ward', code: ward.code, nearest: false });
		}
	});

	it('says a point in Solihull, Coventry or London is outside Birmingham', () => {
		for (const [longitude, latitude] of [
			[-1.7781, 52.4128],
			[-1.5197, 52.4068],
			[-0.1276, 51.5072]
		]) {
			expect(placePoint({ longitude, latitude }, wards, outline)).toEqual({ kind: 'outside' });
		}
	});

	it('refuses coordinates that are not a place', () => {
		expect(placePoint({ longitude: Number.NaN, latitude: 52.4 }, wards, outline)).toEqual({ kind: 'invalid' });
		expect(placePoint({ longitude: -1.9, latitude: 95 }, wards, outline)).toEqual({ kind: 'invalid' });
	});

	it('gives the nearest ward to a point inside the city outline that the simplified wards miss', () => {
		const ring = (outline.features[0] as Feature<Polygon>).geometry.coordinates[0];
		const [cx, cy] = [-1.89, 52.48];
		const slivers = ring
			.map(([lon, lat]) => {
				const step = 40 / 111_320 / Math.hypot(cx - lon, cy - lat);
				return [lon + (cx - lon) * step, lat + (cy - lat) * step];
			})
			.filter((p) => booleanPointInPolygon(p, outline.features[0] as Feature<Polygon>))
			.filter((p) => !wards.features.some((w) => booleanPointInPolygon(p, w as Feature<Polygon>)));
		expect(slivers.length).toBeGreaterThan(0);
		for (const [longitude, latitude] of slivers) {
			const placed = placePoint({ longitude, latitude }, wards, outline);
			expect(placed.kind).toBe('ward');
			expect(placed.kind === 'ward' && placed.nearest).toBe(true);
		}
	});
});
