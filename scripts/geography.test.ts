import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import {
	AUTHALIC_RADIUS_KM,
	adjacencyCsv,
	adjacencyPairs,
	areaCentroid,
	assertFaithfulSimplification,
	assertUniqueSlugs,
	buildGeography,
	computeWardBaseRows,
	ellipsoidalAreaKm2,
	featureCollectionText,
	geometryProblems,
	innerPoints,
	joinLsoasToWards,
	readWards,
	simplifyLayer,
	tessellationSummary,
	wardBaseRows,
	type CodedGeometry
} from './geography.ts';
import { FILES, RawDir } from './lib/raw.ts';
import { BIRMINGHAM_WARD_CODES } from './lib/wards.ts';
import { StubRaw, birminghamGrid, gridSquare } from './fixtures/geography/stub-raw.ts';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(path.resolve('scripts/fixtures/geography', name), 'utf8')) as T;
const layer = (name: string): CodedGeometry[] =>
	fixture<FeatureCollection<Polygon, { code: string }>>(name).features.map((f) => ({ code: f.properties.code, geometry: f.geometry }));
const [A, B, C, D] = ['E05011118', 'E05011119', 'E05011120', 'E05011121'];
const WARD_FILE = FILES.wardBoundaries('E08000025');

describe('areas and centroids', () => {
	// A 0.01° × 0.01° square centred on 52.505°N. Hand-computed as M·Δφ · N·cos φ·Δλ on WGS84
	// (M, N the meridian and prime-vertical radii of curvature at 52.505°): 0.755598 km².
	const square = layer('grid-2x2.geojson')[0].geometry as Polygon;

	it('measures area on the ellipsoid, whatever the ring winding', () => {
		expect(Math.abs(ellipsoidalAreaKm2(square) - 0.755598)).toBeLessThan(5e-5);
		const reversed: Polygon = { type: 'Polygon', coordinates: [[...square.coordinates[0]].reverse()] };
		expect(Math.abs(ellipsoidalAreaKm2(reversed) - 0.755598)).toBeLessThan(5e-5);
		expect(AUTHALIC_RADIUS_KM).toBeCloseTo(6371.0072, 4);
	});

	it('subtracts holes', () => {
		const withHole = fixture<Feature<Polygon>>('square-with-hole.geojson').geometry;
		// The hole is 0.004° × 0.004° at the same latitude: 16% of the square.
		expect(ellipsoidalAreaKm2(withHole) / ellipsoidalAreaKm2(square)).toBeCloseTo(0.84, 3);
	});

	it('puts the centroid of a square at its centre', () => {
		const [lon, lat] = areaCentroid(square);
		expect(lon).toBeCloseTo(-1.895, 5);
		expect(lat).toBeCloseTo(52.505, 4);
	});
});

describe('geometry validation', () => {
	it('accepts a simple square and a square with a hole', () => {
		expect(geometryProblems(layer('grid-2x2.geojson')[0].geometry)).toEqual([]);
		expect(geometryProblems(fixture<Feature<Polygon>>('square-with-hole.geojson').geometry)).toEqual([]);
	});

	it('names each kind of broken ring', () => {
		const shapes = fixture<FeatureCollection<Polygon, { problem: string }>>('invalid-shapes.geojson').features;
		const problems = Object.fromEntries(shapes.map((f) => [f.properties.problem, geometryProblems(f.geometry).join('; ')]));
		expect(problems['bowtie']).toMatch(/edges cross or overlap/);
		expect(problems['not closed']).toMatch(/not closed/);
		expect(problems['fewer than 4']).toMatch(/fewer than 4 positions/);
		expect(problems['repeats vertex']).toMatch(/repeats vertex 2/);
		expect(problems['spike']).toMatch(/doubles back|cross or overlap/);
		expect(problems['empty ring']).toMatch(/empty/);
		expect(geometryProblems(null)).toEqual(['geometry is missing, not a polygon']);
	});
});

describe('adjacency and tessellation', () => {
	it('pairs wards that share an edge, both ways, but not wards that meet at a corner', () => {
		expect(adjacencyPairs(layer('grid-2x2.geojson'))).toEqual([
			[A, B],
			[A, C],
			[B, A],
			[B, D],
			[C, A],
			[C, D],
			[D, B],
			[D, C]
		]);
	});

	it('writes the adjacency CSV', () => {
		expect(adjacencyCsv([[A, B], [B, A]])).toBe(`ward_code,neighbour_code\n${A},${B}\n${B},${A}\n`);
	});

	it('counts one boundary loop for a clean grid and more when a gap opens', () => {
		expect(tessellationSummary(layer('grid-2x2.geojson'))).toEqual({ boundaryLoops: 1, overusedEdges: 0 });
		expect(tessellationSummary(layer('grid-2x2-gap.geojson')).boundaryLoops).toBe(2);
		const grid = layer('grid-2x2.geojson');
		expect(tessellationSummary([...grid, { ...grid[0], code: 'E05011122' }]).overusedEdges).toBe(2);
	});

	it('rejects a "simplified" layer with a gap, a changed area or different areas', () => {
		const grid = layer('grid-2x2.geojson');
		expect(() => assertFaithfulSimplification(grid, grid, 'f', 0.01)).not.toThrow();
		expect(() => assertFaithfulSimplification(grid, layer('grid-2x2-gap.geojson'), 'f', 0.5)).toThrow(/f: simplification raised the number of boundary loops from 1 to 2/);
		expect(() => assertFaithfulSimplification(grid, layer('grid-2x2-gap.geojson'), 'f', 0.001)).toThrow(/boundary loops|more than/);
		expect(() => assertFaithfulSimplification(grid, [...grid].reverse(), 'f', 0.01)).toThrow(/same areas in the same order/);
	});
});

describe('mapshaper steps', () => {
	it('simplifies a layer as one topology, keeping every square and every neighbour', async () => {
		const grid = layer('grid-2x2.geojson');
		const simplified = await simplifyLayer(grid, 20);
		expect(simplified.map((a) => a.code)).toEqual([A, B, C, D]);
		expect(adjacencyPairs(simplified)).toEqual(adjacencyPairs(grid));
		expect(() => assertFaithfulSimplification(grid, simplified, 'f', 0.001)).not.toThrow();
	});

	it('finds a label point inside each area', async () => {
		const points = await innerPoints(layer('grid-2x2.geojson'));
		const [lon, lat] = points.get(D)!;
		expect(lon).toBeGreaterThan(-1.89);
		expect(lon).toBeLessThan(-1.88);
		expect(lat).toBeGreaterThan(52.51);
		expect(lat).toBeLessThan(52.52);
	});
});

describe('output text', () => {
	it('writes compact GeoJSON with a fixed key order and coordinates rounded to 5 decimals', () => {
		const text = featureCollectionText([
			{
				properties: { code: A, name: 'Acocks Green', slug: 'acocks-green' },
				geometry: { type: 'Polygon', coordinates: [[[-1.8999999, 52.500004], [-1.9, 52.51], [-1.89, 52.51], [-1.8999999, 52.500004]]] }
			}
		]);
		expect(text).toBe(
			'{"type":"FeatureCollection","features":[\n' +
				`{"type":"Feature","properties":{"code":"${A}","name":"Acocks Green","slug":"acocks-green"},"geometry":{"type":"Polygon","coordinates":[[[-1.9,52.5],[-1.9,52.51],[-1.89,52.51],[-1.9,52.5]]]}}` +
				'\n]}\n'
		);
	});
});

describe('reading the raw wards', () => {
	const stub = (wards: object) => new StubRaw({ [WARD_FILE]: wards });

	it('reads 69 wards sorted by code, with names and slugs', () => {
		const grid = birminghamGrid();
		grid.features.reverse();
		const wards = readWards(stub(grid));
		expect(wards.map((w) => w.code)).toEqual(BIRMINGHAM_WARD_CODES);
		expect(wards[0]).toMatchObject({ code: 'E05011118', name: 'Ward 1', slug: 'ward-1', district: 'Birmingham' });
	});

	it('refuses a missing ward, a duplicate ward, a ward of another district, bad geometry and clashing slugs', () => {
		expect(() => readWards(stub(birminghamGrid(BIRMINGHAM_WARD_CODES.slice(0, 68))))).toThrow(/missing E05011186/);
		expect(() => readWards(stub(birminghamGrid([...BIRMINGHAM_WARD_CODES.slice(0, 68), 'E05011118'])))).toThrow(/row 69\): duplicate ward E05011118/);

		const otherDistrict = birminghamGrid();
		otherDistrict.features[3].properties.LAD25CD = 'E08000029';
		expect(() => readWards(stub(otherDistrict))).toThrow(/\(row 4\): ward E05011121 is in E08000029/);

		const broken = birminghamGrid();
		broken.features[5].geometry = fixture<FeatureCollection<Polygon>>('invalid-shapes.geojson').features[0].geometry;
		expect(() => readWards(stub(broken))).toThrow(/\(row 6\): invalid geometry for E05011123: .*cross/);

		const clash = birminghamGrid();
		clash.features[1].properties.WD25NM = "King's Heath";
		clash.features[2].properties.WD25NM = 'Kings Heath';
		expect(() => readWards(stub(clash))).toThrow(/slug "kings-heath" is used by both E05011119 and E05011120/);
	});

	it('rejects duplicate slugs directly', () => {
		expect(() => assertUniqueSlugs([{ code: A, slug: 'x' }, { code: B, slug: 'x' }], 'f')).toThrow(/f \(row 2\)/);
	});

	it('computes base rows and refuses a label point outside its ward', async () => {
		const raw = stub(birminghamGrid());
		const rows = await wardBaseRows(raw);
		expect(rows).toHaveLength(69);
		// Ward 1 is the square at (-1.95, 52.45): 0.01° squares at this latitude are about 0.7568 km².
		expect(rows[0].area_km2).toBeGreaterThan(0.755);
		expect(rows[0].area_km2).toBeLessThan(0.759);
		expect(rows[0].centroid_lon).toBeCloseTo(-1.945, 5);
		expect(rows[12]).toMatchObject({ code: 'E05011130', slug: 'ward-13' });
		expect(rows[12].label_lon).toBeGreaterThan(-1.93);
		expect(rows[12].label_lon).toBeLessThan(-1.92);

		const wards = readWards(raw);
		const labels = new Map(rows.map((r) => [r.code, [r.label_lon, r.label_lat] as [number, number]]));
		labels.set('E05011120', [0, 0]);
		expect(() => computeWardBaseRows(wards, labels, 'f')).toThrow(/f \(row 3\): label point for E05011120 is not inside the ward/);
	});
});

describe('joining LSOAs to wards', () => {
	const square = gridSquare(0, 0);
	const lookup = new Map([
		['E01000001', A],
		['E01000002', B]
	]);

	it('attaches each LSOA\'s best-fit ward, sorted by LSOA code', () => {
		const joined = joinLsoasToWards(
			[
				{ code: 'E01000002', name: 'Birmingham 001B', geometry: square },
				{ code: 'E01000001', name: 'Birmingham 001A', geometry: square }
			],
			lookup,
			'l'
		);
		expect(joined.map((l) => [l.code, l.ward])).toEqual([
			['E01000001', A],
			['E01000002', B]
		]);
	});

	it('refuses an LSOA missing from the lookup, a lookup LSOA with no boundary, and a duplicate', () => {
		const one = { code: 'E01000001', name: 'x', geometry: square };
		expect(() => joinLsoasToWards([one, { ...one, code: 'E01000009' }], lookup, 'l')).toThrow(/l \(row 2\): LSOA E01000009 is not in the LSOA 2011/);
		expect(() => joinLsoasToWards([one], lookup, 'l')).toThrow(/in the lookup but not in the boundary file: E01000002/);
		expect(() => joinLsoasToWards([one, one], lookup, 'l')).toThrow(/l \(row 2\): duplicate LSOA E01000001/);
	});
});

const rawDir = process.env.RAW_DIR ?? path.resolve('../shared/data/raw');

describe('real data', () => {
	it.skipIf(!existsSync(rawDir))('builds the map layers and ward base rows from the raw files', async () => {
		const raw = new RawDir(rawDir);
		const output = await buildGeography(raw);
		expect(Object.keys(output.files).sort()).toEqual(['birmingham.geojson', 'lsoa11.geojson', 'ward_adjacency.csv', 'wards.geojson']);

		const wardsText = output.files['wards.geojson'];
		expect(wardsText.length).toBeGreaterThan(60_000);
		expect(wardsText.length).toBeLessThan(120_000);
		const wards = JSON.parse(wardsText) as FeatureCollection<Polygon, Record<string, string>>;
		expect(wards.features.map((f) => f.properties.code)).toEqual(BIRMINGHAM_WARD_CODES);
		expect(wards.features.every((f) => Object.keys(f.properties).join() === 'code,name,slug')).toBe(true);
		expect(wards.features.find((f) => f.properties.code === 'E05011151')?.properties).toEqual({ code: 'E05011151', name: 'Ladywood', slug: 'ladywood' });
		expect(wards.features.every((f) => geometryProblems(f.geometry).length === 0)).toBe(true);
		expect(/\d\.\d{6}/.test(wardsText)).toBe(false);

		const lsoas = JSON.parse(output.files['lsoa11.geojson']) as FeatureCollection<Polygon, Record<string, string>>;
		expect(lsoas.features).toHaveLength(639);
		expect(new Set(lsoas.features.map((f) => f.properties.ward_code)).size).toBe(69);
		expect(lsoas.features[0].properties).toEqual({ lsoa11_code: 'E01008881', lsoa11_name: 'Birmingham 067A', ward_code: 'E05011186' });

		const outline = JSON.parse(output.files['birmingham.geojson']) as FeatureCollection<Polygon, Record<string, string>>;
		expect(outline.features.map((f) => f.properties)).toEqual([{ code: 'E08000025', name: 'Birmingham' }]);

		const pairs = output.files['ward_adjacency.csv'].trim().split('\n').slice(1).map((line) => line.split(','));
		// Acocks Green borders Hall Green North, South Yardley and Tyseley & Hay Mills inside the city (Solihull on its east).
		expect(pairs.filter(([ward]) => ward === 'E05011118').map(([, n]) => n)).toEqual(['E05011140', 'E05011169', 'E05011182']);
		const pairSet = new Set(pairs.map((p) => p.join()));
		expect(pairs.every(([a, b]) => pairSet.has(`${b},${a}`))).toBe(true);
		expect(new Set(pairs.map(([a]) => a)).size).toBe(69);

		const rows = await wardBaseRows(raw);
		const total = rows.reduce((sum, r) => sum + r.area_km2, 0);
		// PROVENANCE: the union of the wards is 267.78 km² (a planar figure); ellipsoidal area is about 0.1% more.
		expect(Math.abs(total - 267.78)).toBeLessThan(0.4);
		expect(rows.find((r) => r.code === 'E05011151')).toMatchObject({ name: 'Ladywood', slug: 'ladywood', district: 'Birmingham' });
		// Labels are placed on the raw polygons; they must also fall inside the simplified ones the site draws.
		rows.forEach((row, i) => expect(booleanPointInPolygon([row.label_lon, row.label_lat], wards.features[i].geometry), row.code).toBe(true));

		const again = await buildGeography(new RawDir(rawDir));
		expect(again.files).toEqual(output.files);
	});
});
