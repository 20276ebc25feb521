import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { CsvRow } from './lib/csv.ts';
import { DataError } from './lib/errors.ts';
import { OGL, type FamilyOutput, type SourceMeta } from './lib/family.ts';
import { FILES, WEST_MIDLANDS_DISTRICTS, wardPolygons, type RawDir, type WardFeatures } from './lib/raw.ts';
import { assertRange, requireNumber } from './lib/numbers.ts';
import { BIRMINGHAM_CODE, BIRMINGHAM_WARD_CODES } from './lib/wards.ts';
import { WARD_BOUNDARIES_SOURCE, type PolygonalGeometry } from './geography.ts';

export const POSTCODE_METHOD =
	'A postcode is placed in a ward by its coordinates (ONS NSPL, May 2025) within the generalised ward boundaries; ' +
	'a few postcodes near a boundary may be placed in the neighbouring ward.';

export const NSPL_SOURCE: SourceMeta = {
	id: 'ons_nspl_may2025',
	title: 'National Statistics Postcode Lookup – 2021 Census (May 2025) for the UK',
	publisher: 'Office for National Statistics (ONS Open Geography Portal)',
	...OGL,
	attribution:
		'Source: Office for National Statistics licensed under the Open Government Licence v.3.0. ' +
		'Contains OS data © Crown copyright and database right 2025. ' +
		'Contains Royal Mail data © Royal Mail copyright and database right 2025.',
	url: 'https://geoportal.statistics.gov.uk/',
	raw_files: [FILES.postcodes],
	caveats:
		`${POSTCODE_METHOD} The copy used keeps only each postcode's latitude and longitude (no ward column) and includes ` +
		'terminated and large-user postcodes with no way to tell them apart; postcodes with no coordinates are listed as having no location.'
};

// "GIR 0AA" is the one postcode outside the usual letter-digit pattern.
const POSTCODE_SHAPE = /^(?:[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}|GIR0AA)$/;

/**
 * "b152tt", " B15  2TT " → "B15 2TT". Returns null when the input cannot be a UK postcode. Used for the shard
 * keys here and for what a reader types on the site, so both sides agree.
 */
export function normalisePostcode(input: string): string | null {
	const compact = input.toUpperCase().replace(/\s+/g, '');
	if (!POSTCODE_SHAPE.test(compact)) return null;
	return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

export function outwardCode(postcode: string): string {
	return postcode.slice(0, postcode.indexOf(' '));
}

export interface PostcodePoint {
	postcode: string;
	/** null when the source gives no coordinates. */
	lonlat: [number, number] | null;
}

// NSPL marks a postcode with no grid reference by a blank latitude (as here) or by latitude 99.999999.
const NO_LOCATION_LATITUDES = new Set(['', '99.999999']);
/** Every B-area postcode lies well inside this box; a point outside it means swapped or corrupt coordinates. */
export const PLAUSIBLE_LAT = [51.8, 53.0] as const;
export const PLAUSIBLE_LON = [-2.7, -1.2] as const;

/** Checks and parses the postcode file's rows (Postcode, lat, long). */
export function parsePostcodeRows(rows: CsvRow[], file: string): PostcodePoint[] {
	const seen = new Set<string>();
	return rows.map((row, i) => {
		const line = i + 2;
		const postcode = normalisePostcode(row.Postcode ?? '');
		if (postcode === null) throw new DataError(file, `"${row.Postcode}" is not a valid postcode`, line);
		if (postcode !== row.Postcode) throw new DataError(file, `postcode "${row.Postcode}" is not in the standard form "${postcode}"`, line);
		if (seen.has(postcode)) throw new DataError(file, `duplicate postcode ${postcode}`, line);
		seen.add(postcode);
		const latText = (row.lat ?? '').trim();
		if (NO_LOCATION_LATITUDES.has(latText)) return { postcode, lonlat: null };
		const lat = requireNumber(row.lat, file, line, 'lat');
		const lon = requireNumber(row.long, file, line, 'long');
		assertRange(lat, PLAUSIBLE_LAT[0], PLAUSIBLE_LAT[1], file, line, 'lat');
		assertRange(lon, PLAUSIBLE_LON[0], PLAUSIBLE_LON[1], file, line, 'long');
		return { postcode, lonlat: [lon, lat] };
	});
}

interface IndexedArea {
	id: string;
	geometry: PolygonalGeometry;
	minX: number;
	minY: number;
	maxX: number;
	maxY: number;
}

/** Point-in-polygon over a list of areas, with a bounding-box test first. The first area (in list order) wins. */
export class AreaFinder {
	private readonly areas: IndexedArea[];
	constructor(areas: { id: string; geometry: PolygonalGeometry }[]) {
		this.areas = areas.map(({ id, geometry }) => {
			const positions = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).flat(2);
			const xs = positions.map((p) => p[0]);
			const ys = positions.map((p) => p[1]);
			return { id, geometry, minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
		});
	}
	find([lon, lat]: [number, number]): string | null {
		for (const area of this.areas) {
			if (lon < area.minX || lon > area.maxX || lat < area.minY || lat > area.maxY) continue;
			if (booleanPointInPolygon([lon, lat], area.geometry)) return area.id;
		}
		return null;
	}
}

/** Where a postcode is: a Birmingham ward code, a neighbouring district's name, "" (outside the seven districts) or no location. */
export type Placement = { ward: string } | { district: string } | { noLocation: true };

export function placePostcodes(points: PostcodePoint[], birminghamWards: AreaFinder, otherDistricts: AreaFinder): Map<string, Placement> {
	const placed = new Map<string, Placement>();
	for (const { postcode, lonlat } of points) {
		if (!lonlat) {
			placed.set(postcode, { noLocation: true });
			continue;
		}
		const ward = birminghamWards.find(lonlat);
		placed.set(postcode, ward ? { ward } : { district: otherDistricts.find(lonlat) ?? '' });
	}
	return placed;
}

/** "B1" < "B2" < "B10": letters, then the number, then anything after it. */
export function compareOutward(a: string, b: string): number {
	const parse = (code: string) => {
		const m = /^([A-Z]+)(\d+)(.*)$/.exec(code);
		return m ? ([m[1], Number(m[2]), m[3]] as const) : ([code, 0, ''] as const);
	};
	const [pa, pb] = [parse(a), parse(b)];
	if (pa[0] !== pb[0]) return pa[0] < pb[0] ? -1 : 1;
	if (pa[1] !== pb[1]) return pa[1] - pb[1];
	return pa[2] < pb[2] ? -1 : pa[2] > pb[2] ? 1 : 0;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortedObject<T>(entries: [string, T][]): Record<string, T> {
	return Object.fromEntries([...entries].sort(([a], [b]) => byText(a, b)));
}

export interface OutwardSummary {
	total: number;
	no_location: number;
	wards: Record<string, number>;
	outside: Record<string, number>;
}

/** One JSON shard per outward code, plus index.json with counts per outward code. Keys are sorted. */
export function shardPostcodes(placed: Map<string, Placement>): Record<string, string> {
	const groups = new Map<string, [string, Placement][]>();
	for (const entry of placed) {
		const outward = outwardCode(entry[0]);
		const list = groups.get(outward) ?? [];
		list.push(entry);
		groups.set(outward, list);
	}
	const files: Record<string, string> = {};
	const index: Record<string, OutwardSummary> = {};
	for (const outward of [...groups.keys()].sort(compareOutward)) {
		const entries = groups.get(outward)!.sort(([a], [b]) => byText(a, b));
		const wards: [string, string][] = [];
		const outside: [string, string][] = [];
		const noLocation: string[] = [];
		for (const [postcode, place] of entries) {
			if ('ward' in place) wards.push([postcode, place.ward]);
			else if ('district' in place) outside.push([postcode, place.district]);
			else noLocation.push(postcode);
		}
		files[`postcodes/${outward}.json`] =
			JSON.stringify({ outward, wards: Object.fromEntries(wards), outside: Object.fromEntries(outside), no_location: noLocation }) + '\n';
		const count = (values: string[]) => {
			const counts = new Map<string, number>();
			for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
			return sortedObject([...counts]);
		};
		index[outward] = {
			total: entries.length,
			no_location: noLocation.length,
			wards: count(wards.map(([, ward]) => ward)),
			outside: count(outside.map(([, district]) => district))
		};
	}
	files['postcodes/index.json'] = JSON.stringify({ method: POSTCODE_METHOD, outside_note: 'An empty district name means outside the seven West Midlands metropolitan districts.', outward: index }) + '\n';
	return files;
}

function districtAreas(raw: RawDir, ladCode: string): { id: string; geometry: PolygonalGeometry }[] {
	const file = FILES.wardBoundaries(ladCode);
	const features: WardFeatures['features'] = wardPolygons(raw, ladCode).features;
	if (features.length === 0) throw new DataError(file, 'no ward polygons');
	return features.map((f, i) => {
		if (f.properties.LAD25CD !== ladCode) throw new DataError(file, `ward ${f.properties.WD25CD} is in ${f.properties.LAD25CD}, not ${ladCode}`, i + 1);
		if (!f.properties.LAD25NM?.trim()) throw new DataError(file, `ward ${f.properties.WD25CD} has no district name`, i + 1);
		if (!f.geometry) throw new DataError(file, `ward ${f.properties.WD25CD} has no geometry`, i + 1);
		return { id: ladCode === BIRMINGHAM_CODE ? f.properties.WD25CD : f.properties.LAD25NM.trim(), geometry: f.geometry };
	});
}

export function buildPostcodes(raw: RawDir): FamilyOutput {
	const points = parsePostcodeRows(raw.csv(FILES.postcodes, ['Postcode', 'lat', 'long']), FILES.postcodes);
	const birminghamWards = districtAreas(raw, BIRMINGHAM_CODE).sort((a, b) => byText(a.id, b.id));
	const neighbours = WEST_MIDLANDS_DISTRICTS.filter((code) => code !== BIRMINGHAM_CODE).flatMap((code) => districtAreas(raw, code));
	const placed = placePostcodes(points, new AreaFinder(birminghamWards), new AreaFinder(neighbours));

	const wardsWithPostcodes = new Set([...placed.values()].flatMap((p) => ('ward' in p ? [p.ward] : [])));
	const empty = BIRMINGHAM_WARD_CODES.filter((code) => !wardsWithPostcodes.has(code));
	if (empty.length) throw new DataError(FILES.postcodes, `no postcode falls in Birmingham ward(s) ${empty.join(', ')}`);

	return { files: shardPostcodes(placed), indicators: [], sources: [NSPL_SOURCE, WARD_BOUNDARIES_SOURCE] };
}
