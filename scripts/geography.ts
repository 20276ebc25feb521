import { createRequire } from 'node:module';
import { geoArea, geoCentroid } from 'd3';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { toCsv } from './lib/csv.ts';
import { DataError } from './lib/errors.ts';
import { OGL, type FamilyOutput, type SourceMeta } from './lib/family.ts';
import { FILES, WEST_MIDLANDS_DISTRICTS, lsoa11ToWard, wardPolygons, type RawDir } from './lib/raw.ts';
import { BIRMINGHAM_CODE, BIRMINGHAM_NAME, assertExactlyBirminghamWards, slugify } from './lib/wards.ts';

// mapshaper ships no type declarations; this is the slice of its Node API we use.
interface MapshaperApi {
	applyCommands(commands: string, input: Record<string, string>): Promise<Record<string, Buffer | string>>;
}
const mapshaper = createRequire(import.meta.url)('mapshaper') as MapshaperApi;

export type PolygonalGeometry = Polygon | MultiPolygon;
export type Lonlat = [number, number];

/** Simplification tolerances in metres. The raw wards are already generalised to about 20 m (BGC). */
export const WARD_SIMPLIFY_METRES = 20;
export const LSOA_SIMPLIFY_METRES = 25;
export const COORDINATE_DECIMALS = 5;

/** Decimals the runner should use when it writes wardBaseRows. */
export const WARD_BASE_DECIMALS = { area_km2: 2, centroid_lon: 5, centroid_lat: 5, label_lon: 5, label_lat: 5 } as const;

const ONS_OS_ATTRIBUTION = (year: number) =>
	`Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right ${year}`;
const GEOPORTAL = 'https://geoportal.statistics.gov.uk/';

/** Shared with the postcodes module, which reads all seven districts' ward files. */
export const WARD_BOUNDARIES_SOURCE: SourceMeta = {
	id: 'ons_wards_may2025_boundaries',
	title: 'Wards (May 2025) Boundaries UK',
	publisher: 'Office for National Statistics (ONS Open Geography Portal)',
	...OGL,
	attribution: ONS_OS_ATTRIBUTION(2025),
	url: GEOPORTAL,
	raw_files: WEST_MIDLANDS_DISTRICTS.map((code) => FILES.wardBoundaries(code)),
	caveats:
		'Generalised boundaries (they match the ONS 20 m "BGC" generalisation, although the copy used does not say so). ' +
		'Birmingham\'s 69 wards have had the codes E05011118–E05011186 since May 2018. The published map is further simplified ' +
		`(about ${WARD_SIMPLIFY_METRES} m, coordinates to 5 decimals) with shared borders kept identical. The map uses Birmingham's file; ` +
		'all seven West Midlands districts\' files are used to place postcodes.'
};

const OUTLINE_SOURCE: SourceMeta = {
	id: 'ons_lad_may2021_bgc',
	title: 'Local Authority Districts (May 2021) UK BGC',
	publisher: 'Office for National Statistics (ONS Open Geography Portal)',
	...OGL,
	attribution: ONS_OS_ATTRIBUTION(2021),
	url: GEOPORTAL,
	raw_files: [FILES.birminghamOutline],
	caveats:
		'City outline for the map frame only. It comes from a different generalisation than the ward boundaries, so the two ' +
		'differ by up to about 30 m along the city edge.'
};

const LSOA11_BOUNDARIES_SOURCE: SourceMeta = {
	id: 'ons_lsoa_dec2011_boundaries',
	title: 'Lower Layer Super Output Areas (December 2011) Boundaries EW',
	publisher: 'Office for National Statistics (ONS Open Geography Portal)',
	...OGL,
	attribution: ONS_OS_ATTRIBUTION(2011),
	url: GEOPORTAL,
	raw_files: [FILES.lsoa11Boundaries],
	caveats: `Generalisation level not stated by the copy used. Simplified for the site (about ${LSOA_SIMPLIFY_METRES} m, coordinates to 5 decimals).`
};

export const LSOA11_WARD_LOOKUP_SOURCE: SourceMeta = {
	id: 'ons_lsoa11_wd19_lookup',
	title: 'Lower Layer Super Output Area (2011) to Ward (2019) Lookup in England and Wales',
	publisher: 'Office for National Statistics (ONS Open Geography Portal)',
	...OGL,
	attribution: ONS_OS_ATTRIBUTION(2019),
	url: GEOPORTAL,
	raw_files: [FILES.lsoa11ToWard],
	caveats:
		'Best-fit lookup: each LSOA is given to the one ward that holds most of its population, so a few LSOAs straddle a ward border. ' +
		'Birmingham\'s 2019 ward codes are the same as its 2025 ones.'
};

// ---------------------------------------------------------------------------------------------------------------
// Pure geometry helpers

export function polygonsOf(geometry: PolygonalGeometry): Position[][][] {
	return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function ringSteradians(ring: Position[]): number {
	const area = geoArea({ type: 'Polygon', coordinates: [ring] });
	// d3 takes a ring's winding as meaningful; a ring wound "the other way" encloses the rest of the sphere.
	return Math.min(area, 4 * Math.PI - area);
}

/** Rewinds rings to d3-geo's convention (exterior clockwise, holes anticlockwise), whatever the input winding. */
export function rewindForD3(geometry: PolygonalGeometry): MultiPolygon {
	const coordinates = polygonsOf(geometry).map((rings) =>
		rings.map((ring, i) => {
			const area = geoArea({ type: 'Polygon', coordinates: [ring] });
			const enclosesSmallSide = area <= 2 * Math.PI;
			const isExterior = i === 0;
			return enclosesSmallSide === isExterior ? ring : [...ring].reverse();
		})
	);
	return { type: 'MultiPolygon', coordinates };
}

const WGS84_A_KM = 6378.137;
const WGS84_F = 1 / 298.257223563;
const WGS84_E2 = WGS84_F * (2 - WGS84_F);
const WGS84_E = Math.sqrt(WGS84_E2);
const authalicQ = (sinPhi: number) =>
	(1 - WGS84_E2) * (sinPhi / (1 - WGS84_E2 * sinPhi * sinPhi) - (1 / (2 * WGS84_E)) * Math.log((1 - WGS84_E * sinPhi) / (1 + WGS84_E * sinPhi)));
const AUTHALIC_QP = authalicQ(1);
/** Radius of the sphere with the same surface area as the WGS84 ellipsoid (6371.0072 km). */
export const AUTHALIC_RADIUS_KM = WGS84_A_KM * Math.sqrt(AUTHALIC_QP / 2);

/** Geodetic latitude → authalic latitude: the map from ellipsoid to sphere that preserves area. */
export function authalicLatitude(latitudeDegrees: number): number {
	const q = authalicQ(Math.sin((latitudeDegrees * Math.PI) / 180));
	return (Math.asin(Math.max(-1, Math.min(1, q / AUTHALIC_QP))) * 180) / Math.PI;
}

/**
 * Area on the WGS84 ellipsoid, in km². Latitudes are mapped to the equal-area (authalic) sphere, where d3-geo's
 * spherical area is exact; a plain sphere would understate Birmingham by about 0.3%.
 */
export function ellipsoidalAreaKm2(geometry: PolygonalGeometry): number {
	let steradians = 0;
	for (const rings of polygonsOf(geometry)) {
		rings.forEach((ring, i) => {
			const area = ringSteradians(ring.map(([lon, lat]) => [lon, authalicLatitude(lat)]));
			steradians += i === 0 ? area : -area;
		});
	}
	return steradians * AUTHALIC_RADIUS_KM ** 2;
}

/** Spherical centroid of the area (may fall outside a concave polygon: use labelPoint for labels). */
export function areaCentroid(geometry: PolygonalGeometry): Lonlat {
	const [lon, lat] = geoCentroid(rewindForD3(geometry));
	return [lon, lat];
}

type Segment = { ax: number; ay: number; bx: number; by: number; ring: number; index: number; ringLength: number };

function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
	const value = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
	return value > 0 ? 1 : value < 0 ? -1 : 0;
}

function onSegment(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
	return Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);
}

const samePoint = (ax: number, ay: number, bx: number, by: number) => ax === bx && ay === by;

/** Whether point c lies on segment ab other than at its ends. */
function inSegmentInterior(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
	return orientation(ax, ay, bx, by, cx, cy) === 0 && onSegment(ax, ay, bx, by, cx, cy) && !samePoint(ax, ay, cx, cy) && !samePoint(bx, by, cx, cy);
}

function segmentsConflict(s: Segment, t: Segment): boolean {
	const o1 = orientation(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
	const o2 = orientation(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
	const o3 = orientation(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
	const o4 = orientation(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
	if (o1 * o2 < 0 && o3 * o4 < 0) return true;
	const identical =
		(samePoint(s.ax, s.ay, t.ax, t.ay) && samePoint(s.bx, s.by, t.bx, t.by)) || (samePoint(s.ax, s.ay, t.bx, t.by) && samePoint(s.bx, s.by, t.ax, t.ay));
	if (identical) return true;
	const touches =
		inSegmentInterior(s.ax, s.ay, s.bx, s.by, t.ax, t.ay) ||
		inSegmentInterior(s.ax, s.ay, s.bx, s.by, t.bx, t.by) ||
		inSegmentInterior(t.ax, t.ay, t.bx, t.by, s.ax, s.ay) ||
		inSegmentInterior(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
	if (!touches) return false;
	// Collinear overlap is always invalid; a vertex resting on another edge is invalid within one ring.
	return (o1 === 0 && o2 === 0) || s.ring === t.ring;
}

function ringsAreNeighbours(s: Segment, t: Segment): boolean {
	if (s.ring !== t.ring) return false;
	const gap = Math.abs(s.index - t.index);
	return gap === 1 || gap === s.ringLength - 1;
}

/** Why a polygon (or multipolygon) is not valid, as readable phrases; empty when it is valid. */
export function geometryProblems(geometry: Geometry | null | undefined): string[] {
	if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) return [`geometry is ${geometry?.type ?? 'missing'}, not a polygon`];
	const problems: string[] = [];
	const polygons = polygonsOf(geometry);
	if (polygons.length === 0) problems.push('geometry has no polygons');
	const segments: Segment[] = [];
	let ringId = 0;
	polygons.forEach((rings, p) => {
		if (rings.length === 0) problems.push(`polygon ${p + 1} has no rings`);
		rings.forEach((ring, r) => {
			const where = `polygon ${p + 1} ring ${r + 1}`;
			if (ring.length < 4) return problems.push(`${where} is empty or has fewer than 4 positions`);
			if (ring.some((pos) => pos.length < 2 || !Number.isFinite(pos[0]) || !Number.isFinite(pos[1]))) return problems.push(`${where} has a non-numeric coordinate`);
			const [first, last] = [ring[0], ring[ring.length - 1]];
			if (first[0] !== last[0] || first[1] !== last[1]) problems.push(`${where} is not closed`);
			for (let i = 0; i < ring.length - 1; i++) {
				if (ring[i][0] === ring[i + 1][0] && ring[i][1] === ring[i + 1][1]) problems.push(`${where} repeats vertex ${i + 1}`);
				const next = ring[i + 2 < ring.length ? i + 2 : 1];
				const [ux, uy, vx, vy] = [ring[i + 1][0] - ring[i][0], ring[i + 1][1] - ring[i][1], next[0] - ring[i + 1][0], next[1] - ring[i + 1][1]];
				if (ux * vy - uy * vx === 0 && ux * vx + uy * vy < 0) problems.push(`${where} doubles back on itself at vertex ${i + 2}`);
				segments.push({ ax: ring[i][0], ay: ring[i][1], bx: ring[i + 1][0], by: ring[i + 1][1], ring: ringId, index: i, ringLength: ring.length - 1 });
			}
			if (ringSteradians(ring) === 0) problems.push(`${where} has zero area`);
			ringId++;
		});
	});
	if (problems.length) return problems;
	// Sweep along x so only segments whose x-ranges overlap are compared.
	segments.sort((s, t) => Math.min(s.ax, s.bx) - Math.min(t.ax, t.bx));
	for (let i = 0; i < segments.length; i++) {
		const s = segments[i];
		const maxX = Math.max(s.ax, s.bx);
		for (let j = i + 1; j < segments.length && Math.min(segments[j].ax, segments[j].bx) <= maxX; j++) {
			const t = segments[j];
			if (ringsAreNeighbours(s, t)) continue;
			if (segmentsConflict(s, t)) {
				problems.push(`edges cross or overlap near ${s.ax},${s.ay}`);
				return problems;
			}
		}
	}
	return problems;
}

const pointKey = (p: Position) => `${p[0]},${p[1]}`;
const edgeKey = (a: Position, b: Position) => {
	const [ka, kb] = [pointKey(a), pointKey(b)];
	return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
};

export interface CodedGeometry {
	code: string;
	geometry: PolygonalGeometry;
}

function edgeOwners(areas: CodedGeometry[]): Map<string, string[]> {
	const owners = new Map<string, string[]>();
	for (const { code, geometry } of areas) {
		for (const rings of polygonsOf(geometry)) {
			for (const ring of rings) {
				for (let i = 0; i < ring.length - 1; i++) {
					const key = edgeKey(ring[i], ring[i + 1]);
					const list = owners.get(key) ?? [];
					list.push(code);
					owners.set(key, list);
				}
			}
		}
	}
	return owners;
}

/**
 * Pairs of areas that share at least one boundary edge, in both directions, sorted. Areas that touch only at a
 * corner are not neighbours. Relies on shared borders having identical vertices, as ONS boundary sets do.
 */
export function adjacencyPairs(areas: CodedGeometry[]): [string, string][] {
	const pairs = new Set<string>();
	for (const codes of edgeOwners(areas).values()) {
		const distinct = [...new Set(codes)].sort();
		for (const a of distinct) for (const b of distinct) if (a !== b) pairs.add(`${a}|${b}`);
	}
	return [...pairs].sort().map((pair) => pair.split('|') as [string, string]);
}

export interface TessellationSummary {
	/** Closed loops made by the edges used by only one area: the outer boundary (plus any holes or gaps). */
	boundaryLoops: number;
	/** Edges drawn by more than two areas or twice by one area: overlaps. */
	overusedEdges: number;
}

/** Summarises how a set of areas fits together: a gap or sliver between neighbours adds boundary loops. */
export function tessellationSummary(areas: CodedGeometry[]): TessellationSummary {
	const owners = edgeOwners(areas);
	let overusedEdges = 0;
	const parent = new Map<string, string>();
	const find = (k: string): string => {
		let root = k;
		while (parent.get(root) !== root) root = parent.get(root)!;
		parent.set(k, root);
		return root;
	};
	for (const [key, codes] of owners) {
		if (codes.length > 2 || (codes.length === 2 && codes[0] === codes[1])) overusedEdges++;
		if (codes.length !== 1) continue;
		const [a, b] = key.split('|');
		for (const k of [a, b]) if (!parent.has(k)) parent.set(k, k);
		parent.set(find(a), find(b));
	}
	const roots = new Set([...parent.keys()].map(find));
	return { boundaryLoops: roots.size, overusedEdges };
}

const round = (value: number, decimals: number) => {
	const factor = 10 ** decimals;
	const rounded = Math.round(value * factor) / factor;
	return rounded === 0 ? 0 : rounded;
};

function roundGeometry(geometry: PolygonalGeometry, decimals: number): PolygonalGeometry {
	const ring = (r: Position[]) => r.map(([x, y]) => [round(x, decimals), round(y, decimals)]);
	return geometry.type === 'Polygon'
		? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
		: { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map(ring)) };
}

/**
 * Compact GeoJSON with a fixed key order (type, properties, geometry) and coordinates rounded, so the text is
 * byte-identical between runs. Properties keep the order of the objects given.
 */
export function featureCollectionText(features: { properties: Record<string, string>; geometry: PolygonalGeometry }[], decimals = COORDINATE_DECIMALS): string {
	const body = features.map((f) => {
		const geometry = roundGeometry(f.geometry, decimals);
		return JSON.stringify({ type: 'Feature', properties: f.properties, geometry: { type: geometry.type, coordinates: geometry.coordinates } });
	});
	return `{"type":"FeatureCollection","features":[\n${body.join(',\n')}\n]}\n`;
}

export function adjacencyCsv(pairs: [string, string][]): string {
	return toCsv(
		['ward_code', 'neighbour_code'],
		pairs.map(([ward_code, neighbour_code]) => ({ ward_code, neighbour_code }))
	);
}

// ---------------------------------------------------------------------------------------------------------------
// mapshaper steps

/**
 * Simplifies a layer as one topology, so a border shared by two areas is simplified once and stays shared
 * (no slivers or gaps). keep-shapes stops small areas from vanishing; coordinates are rounded by mapshaper,
 * which rounds each shared arc once.
 */
export async function simplifyLayer(areas: CodedGeometry[], metres: number): Promise<CodedGeometry[]> {
	const input = { type: 'FeatureCollection', features: areas.map((a) => ({ type: 'Feature', properties: { code: a.code }, geometry: a.geometry })) };
	const output = await mapshaper.applyCommands(
		`-i layer.json -simplify interval=${metres} keep-shapes -o out.json format=geojson precision=${10 ** -COORDINATE_DECIMALS}`,
		{ 'layer.json': JSON.stringify(input) }
	);
	const result = JSON.parse(String(output['out.json'])) as FeatureCollection<PolygonalGeometry | null, { code: string }>;
	return result.features.map((f, i) => {
		if (!f.geometry) throw new DataError('mapshaper output', `simplification removed the geometry of ${f.properties.code}`, i + 1);
		return { code: f.properties.code, geometry: f.geometry };
	});
}

/** A point inside each area, well away from its edges, for map labels (mapshaper -points inner). */
export async function innerPoints(areas: CodedGeometry[]): Promise<Map<string, Lonlat>> {
	const input = { type: 'FeatureCollection', features: areas.map((a) => ({ type: 'Feature', properties: { code: a.code }, geometry: a.geometry })) };
	const output = await mapshaper.applyCommands('-i layer.json -points inner -o out.json format=geojson', { 'layer.json': JSON.stringify(input) });
	const result = JSON.parse(String(output['out.json'])) as FeatureCollection<{ type: 'Point'; coordinates: Lonlat } | null, { code: string }>;
	return new Map(
		result.features.map((f, i) => {
			if (!f.geometry) throw new DataError('mapshaper output', `no inner point for ${f.properties.code}`, i + 1);
			return [f.properties.code, f.geometry.coordinates];
		})
	);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading and validating the raw layers

function assertValidGeometries(areas: CodedGeometry[], file: string): void {
	areas.forEach(({ code, geometry }, i) => {
		const problems = geometryProblems(geometry);
		if (problems.length) throw new DataError(file, `invalid geometry for ${code}: ${problems.join('; ')}`, i + 1);
	});
}

interface RawWard extends CodedGeometry {
	name: string;
	slug: string;
	district: string;
}

/** Birmingham's 69 raw ward polygons, sorted by code and checked. */
export function readWards(raw: RawDir): RawWard[] {
	const file = FILES.wardBoundaries(BIRMINGHAM_CODE);
	const features = wardPolygons(raw, BIRMINGHAM_CODE).features;
	features.forEach((f, i) => {
		if (f.properties.LAD25CD !== BIRMINGHAM_CODE) throw new DataError(file, `ward ${f.properties.WD25CD} is in ${f.properties.LAD25CD}, not ${BIRMINGHAM_CODE}`, i + 1);
		if (!f.properties.WD25NM?.trim()) throw new DataError(file, `ward ${f.properties.WD25CD} has no name`, i + 1);
	});
	assertExactlyBirminghamWards(features.map((f) => f.properties.WD25CD), file);
	const wards = features
		.map((f) => ({ code: f.properties.WD25CD, name: f.properties.WD25NM.trim(), slug: slugify(f.properties.WD25NM), district: f.properties.LAD25NM, geometry: f.geometry }))
		.sort((a, b) => (a.code < b.code ? -1 : 1));
	assertValidGeometries(wards, file);
	assertUniqueSlugs(wards, file);
	return wards;
}

export function assertUniqueSlugs(wards: { code: string; slug: string }[], file: string): void {
	const seen = new Map<string, string>();
	wards.forEach(({ code, slug }, i) => {
		if (!slug) throw new DataError(file, `ward ${code} has an empty slug`, i + 1);
		const other = seen.get(slug);
		if (other) throw new DataError(file, `slug "${slug}" is used by both ${other} and ${code}`, i + 1);
		seen.set(slug, code);
	});
}

export interface WardBaseRow {
	code: string;
	name: string;
	slug: string;
	district: string;
	area_km2: number;
	centroid_lon: number;
	centroid_lat: number;
	label_lon: number;
	label_lat: number;
}

/** Pure part of wardBaseRows: areas and centroids from the raw polygons, labels from given inner points. */
export function computeWardBaseRows(wards: RawWard[], labels: Map<string, Lonlat>, file: string): WardBaseRow[] {
	return wards.map((ward, i) => {
		const label = labels.get(ward.code);
		if (!label) throw new DataError(file, `no label point for ${ward.code}`, i + 1);
		if (!booleanPointInPolygon(label, ward.geometry, { ignoreBoundary: true })) {
			throw new DataError(file, `label point for ${ward.code} is not inside the ward`, i + 1);
		}
		const [centroid_lon, centroid_lat] = areaCentroid(ward.geometry);
		const area_km2 = ellipsoidalAreaKm2(ward.geometry);
		if (!(area_km2 > 0.1 && area_km2 < 50)) throw new DataError(file, `area of ${ward.code} = ${area_km2} km² is outside the plausible range 0.1–50`, i + 1);
		return { code: ward.code, name: ward.name, slug: ward.slug, district: ward.district, area_km2, centroid_lon, centroid_lat, label_lon: label[0], label_lat: label[1] };
	});
}

/** The 69 wards sorted by code, with area (km², ellipsoidal), area centroid and a label point inside each ward. */
export async function wardBaseRows(raw: RawDir): Promise<WardBaseRow[]> {
	const wards = readWards(raw);
	return computeWardBaseRows(wards, await innerPoints(wards), FILES.wardBoundaries(BIRMINGHAM_CODE));
}

/**
 * Checks a simplified layer against its raw layer: same areas, each valid, the same neighbours, no new gaps or
 * overlaps, and each area's size within tolerance.
 */
export function assertFaithfulSimplification(rawAreas: CodedGeometry[], simplified: CodedGeometry[], file: string, areaTolerance: number): void {
	const rawCodes = rawAreas.map((a) => a.code).join();
	if (simplified.map((a) => a.code).join() !== rawCodes) throw new DataError(file, 'simplified layer does not hold the same areas in the same order as the raw layer');
	assertValidGeometries(simplified, `${file} (simplified)`);
	const [before, after] = [tessellationSummary(rawAreas), tessellationSummary(simplified)];
	if (after.overusedEdges > before.overusedEdges) throw new DataError(file, `simplification made ${after.overusedEdges} overlapping edges`);
	// Fewer loops is fine: simplification may close a tiny gap already in the raw layer.
	if (after.boundaryLoops > before.boundaryLoops) {
		throw new DataError(file, `simplification raised the number of boundary loops from ${before.boundaryLoops} to ${after.boundaryLoops} (a new gap or sliver)`);
	}
	if (adjacencyPairs(simplified).join(';') !== adjacencyPairs(rawAreas).join(';')) throw new DataError(file, 'simplification changed which areas are neighbours');
	simplified.forEach((area, i) => {
		const [rawArea, newArea] = [ellipsoidalAreaKm2(rawAreas[i].geometry), ellipsoidalAreaKm2(area.geometry)];
		if (Math.abs(newArea - rawArea) > areaTolerance * rawArea) {
			throw new DataError(file, `simplified ${area.code} has area ${newArea.toFixed(4)} km², more than ${areaTolerance * 100}% from ${rawArea.toFixed(4)}`, i + 1);
		}
	});
}

function readOutline(raw: RawDir): CodedGeometry & { name: string } {
	const file = FILES.birminghamOutline;
	const lines = raw.text(file).split('\n').filter((line) => line.trim() !== '');
	if (lines.length !== 1) throw new DataError(file, `expected one feature line, found ${lines.length}`);
	let feature: Feature<PolygonalGeometry, { LAD21CD: string; LAD21NM: string }>;
	try {
		feature = JSON.parse(lines[0]);
	} catch (e) {
		throw new DataError(file, `not valid JSON: ${(e as Error).message}`, 1);
	}
	if (feature.properties?.LAD21CD !== BIRMINGHAM_CODE) throw new DataError(file, `expected ${BIRMINGHAM_CODE}, found ${feature.properties?.LAD21CD}`, 1);
	const problems = geometryProblems(feature.geometry);
	if (problems.length) throw new DataError(file, `invalid geometry: ${problems.join('; ')}`, 1);
	return { code: BIRMINGHAM_CODE, name: feature.properties.LAD21NM, geometry: feature.geometry };
}

interface RawLsoa extends CodedGeometry {
	name: string;
	ward: string;
}

export function joinLsoasToWards(
	features: { code: string; name: string; geometry: PolygonalGeometry }[],
	lookup: Map<string, string>,
	file: string
): RawLsoa[] {
	const seen = new Set<string>();
	const lsoas = features.map((f, i) => {
		if (seen.has(f.code)) throw new DataError(file, `duplicate LSOA ${f.code}`, i + 1);
		seen.add(f.code);
		const ward = lookup.get(f.code);
		if (!ward) throw new DataError(file, `LSOA ${f.code} is not in the LSOA 2011 → ward lookup for Birmingham`, i + 1);
		return { code: f.code, name: f.name, ward, geometry: f.geometry };
	});
	const missing = [...lookup.keys()].filter((code) => !seen.has(code)).sort();
	if (missing.length) throw new DataError(file, `LSOA(s) in the lookup but not in the boundary file: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`);
	return lsoas.sort((a, b) => (a.code < b.code ? -1 : 1));
}

function readLsoas(raw: RawDir): RawLsoa[] {
	const file = FILES.lsoa11Boundaries;
	const collection = raw.json<FeatureCollection<PolygonalGeometry, { LSOA11CD: string; LSOA11NM: string }>>(file);
	if (collection.features.length !== 639) throw new DataError(file, `expected Birmingham's 639 LSOAs (2011), found ${collection.features.length}`);
	const lsoas = joinLsoasToWards(
		collection.features.map((f) => ({ code: f.properties.LSOA11CD, name: f.properties.LSOA11NM, geometry: f.geometry })),
		lsoa11ToWard(raw),
		file
	);
	assertValidGeometries(lsoas, file);
	return lsoas;
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Map layers for the site: ward polygons, the city outline, LSOA 2011 polygons and ward adjacency. Async because
 * mapshaper's Node API is.
 */
export async function buildGeography(raw: RawDir): Promise<FamilyOutput> {
	const wardFile = FILES.wardBoundaries(BIRMINGHAM_CODE);
	const wards = readWards(raw);
	const simplifiedWards = await simplifyLayer(wards, WARD_SIMPLIFY_METRES);
	assertFaithfulSimplification(wards, simplifiedWards, wardFile, 0.02);
	const adjacency = adjacencyPairs(wards);
	const wardsWithNeighbours = new Set(adjacency.map(([a]) => a));
	wards.forEach((w, i) => {
		if (!wardsWithNeighbours.has(w.code)) throw new DataError(wardFile, `ward ${w.code} shares no border with any other ward`, i + 1);
	});

	const outline = readOutline(raw);
	const [simplifiedOutline] = await simplifyLayer([outline], WARD_SIMPLIFY_METRES);
	assertFaithfulSimplification([outline], [simplifiedOutline], FILES.birminghamOutline, 0.01);
	const wardTotal = wards.reduce((sum, w) => sum + ellipsoidalAreaKm2(w.geometry), 0);
	const outlineArea = ellipsoidalAreaKm2(outline.geometry);
	if (Math.abs(outlineArea - wardTotal) > 0.005 * wardTotal) {
		throw new DataError(FILES.birminghamOutline, `outline area ${outlineArea.toFixed(2)} km² differs from the wards' total ${wardTotal.toFixed(2)} km² by more than 0.5%`);
	}

	const lsoas = readLsoas(raw);
	const simplifiedLsoas = await simplifyLayer(lsoas, LSOA_SIMPLIFY_METRES);
	assertFaithfulSimplification(lsoas, simplifiedLsoas, FILES.lsoa11Boundaries, 0.1);

	const wardByCode = new Map(wards.map((w) => [w.code, w]));
	const lsoaByCode = new Map(lsoas.map((l) => [l.code, l]));
	return {
		files: {
			'wards.geojson': featureCollectionText(
				simplifiedWards.map(({ code, geometry }) => {
					const ward = wardByCode.get(code)!;
					return { properties: { code, name: ward.name, slug: ward.slug }, geometry };
				})
			),
			'birmingham.geojson': featureCollectionText([{ properties: { code: BIRMINGHAM_CODE, name: BIRMINGHAM_NAME }, geometry: simplifiedOutline.geometry }]),
			'lsoa11.geojson': featureCollectionText(
				simplifiedLsoas.map(({ code, geometry }) => {
					const lsoa = lsoaByCode.get(code)!;
					return { properties: { lsoa11_code: code, lsoa11_name: lsoa.name, ward_code: lsoa.ward }, geometry };
				})
			),
			'ward_adjacency.csv': adjacencyCsv(adjacency)
		},
		indicators: [],
		sources: [WARD_BOUNDARIES_SOURCE, OUTLINE_SOURCE, LSOA11_BOUNDARIES_SOURCE, LSOA11_WARD_LOOKUP_SOURCE]
	};
}
