import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { parseCsv } from './lib/csv.ts';
import { FILES, RawDir, WEST_MIDLANDS_DISTRICTS } from './lib/raw.ts';
import { BIRMINGHAM_WARD_CODES } from './lib/wards.ts';
import {
	AreaFinder,
	POSTCODE_METHOD,
	buildPostcodes,
	compareOutward,
	normalisePostcode,
	outwardCode,
	parsePostcodeRows,
	placePostcodes,
	shardPostcodes,
	type Placement
} from './postcodes.ts';
import { StubRaw, birminghamGrid, gridCentre, gridSquare, type WardProps } from './fixtures/geography/stub-raw.ts';

const fixturePath = (name: string) => path.resolve('scripts/fixtures/postcodes', name);
const fixtureText = (name: string) => readFileSync(fixturePath(name), 'utf8');
const FILE = 'postcodes.csv';
const csvRows = (text: string) => parseCsv(text, FILE);

describe('normalisePostcode', () => {
	it.each([
		['b152tt', 'B15 2TT'],
		[' B15  2TT ', 'B15 2TT'],
		['B15\t2TT', 'B15 2TT'],
		['B1 1AA', 'B1 1AA'],
		['b11aa', 'B1 1AA'],
		['B151 AA', 'B15 1AA'],
		['W1A 1AA', 'W1A 1AA'],
		['ec1a1bb', 'EC1A 1BB'],
		['SW1A 2AA', 'SW1A 2AA'],
		['M1 1AE', 'M1 1AE'],
		['gir 0aa', 'GIR 0AA']
	])('normalises %j to %j', (input, expected) => {
		expect(normalisePostcode(input)).toBe(expected);
	});

	it.each(['', '   ', 'B15', 'B15 2T', 'B15 2TTT', '1B5 2TT', 'B15-2TT', 'B15 22T', 'ABC1 2TT', 'B15 2T1', 'GIR 0AB'])('rejects %j', (input) => {
		expect(normalisePostcode(input)).toBeNull();
	});

	it('takes the outward code before the space', () => {
		expect(outwardCode('B15 2TT')).toBe('B15');
		expect(outwardCode('B1 1AA')).toBe('B1');
	});

	it('sorts outward codes by letters then number', () => {
		expect(['B10', 'B2', 'BA1', 'B1', 'B9', 'B1A'].sort(compareOutward)).toEqual(['B1', 'B1A', 'B2', 'B9', 'B10', 'BA1']);
	});
});

describe('parsing the postcode file', () => {
	it('reads coordinates as [lon, lat] and marks postcodes with no location', () => {
		const points = parsePostcodeRows(csvRows(fixtureText('postcodes.csv')), FILE);
		expect(points).toHaveLength(7);
		expect(points[0]).toEqual({ postcode: 'B1 1AA', lonlat: [-1.895, 52.505] });
		expect(points[4]).toEqual({ postcode: 'B16 6AF', lonlat: null });
	});

	const header = 'Postcode,lat,long\nB1 1AA,52.5,-1.9\n';
	it('refuses a duplicate postcode', () => {
		expect(() => parsePostcodeRows(csvRows(header + 'B1 1AA,52.6,-1.9\n'), FILE)).toThrow(/postcodes.csv \(row 3\): duplicate postcode B1 1AA/);
	});
	it('refuses a postcode that is not in the standard form or not a postcode', () => {
		expect(() => parsePostcodeRows(csvRows(header + 'b1 1ab,52.5,-1.9\n'), FILE)).toThrow(/\(row 3\): postcode "b1 1ab" is not in the standard form "B1 1AB"/);
		expect(() => parsePostcodeRows(csvRows(header + 'XYZ,52.5,-1.9\n'), FILE)).toThrow(/\(row 3\): "XYZ" is not a valid postcode/);
	});
	it('never reads a suppression code or junk as a coordinate', () => {
		expect(() => parsePostcodeRows(csvRows(header + 'B1 1AB,x,-1.9\n'), FILE)).toThrow(/\(row 3\): column lat: value is missing or suppressed/);
		expect(() => parsePostcodeRows(csvRows(header + 'B1 1AB,52.5,abc\n'), FILE)).toThrow(/\(row 3\): column long: "abc" is not a number/);
	});
	it('refuses coordinates outside the West Midlands box (swapped or zero)', () => {
		expect(() => parsePostcodeRows(csvRows(header + 'B1 1AB,-1.9,52.5\n'), FILE)).toThrow(/\(row 3\): lat = -1.9 is outside the plausible range/);
		expect(() => parsePostcodeRows(csvRows(header + 'B1 1AB,52.5,0\n'), FILE)).toThrow(/\(row 3\): long = 0 is outside the plausible range/);
	});
	it('treats the NSPL 99.999999 latitude as no location', () => {
		expect(parsePostcodeRows(csvRows(header + 'B1 1AB,99.999999,0.000000\n'), FILE)[1]).toEqual({ postcode: 'B1 1AB', lonlat: null });
	});
});

describe('placing postcodes', () => {
	const areas = JSON.parse(fixtureText('areas.geojson')) as FeatureCollection<Polygon, WardProps>;
	const birmingham = new AreaFinder(areas.features.filter((f) => f.properties.LAD25CD === 'E08000025').map((f) => ({ id: f.properties.WD25CD, geometry: f.geometry })));
	const others = new AreaFinder(areas.features.filter((f) => f.properties.LAD25CD !== 'E08000025').map((f) => ({ id: f.properties.LAD25NM, geometry: f.geometry })));
	const placed = placePostcodes(parsePostcodeRows(csvRows(fixtureText('postcodes.csv')), FILE), birmingham, others);

	it('puts each point in a ward, a neighbouring district, nowhere, or no location', () => {
		expect(Object.fromEntries(placed)).toEqual({
			'B1 1AA': { ward: 'E05011118' },
			'B1 1AB': { ward: 'E05011119' },
			// On the shared edge of E05011118 and E05011119: the first ward by code takes it.
			'B10 0AA': { ward: 'E05011118' },
			'B15 2TT': { ward: 'E05011120' },
			'B16 6AF': { noLocation: true },
			'B60 1AA': { district: '' },
			'B90 1AA': { district: 'Solihull' }
		});
	});

	it('writes one sorted shard per outward code and an index of counts', () => {
		const extra = new Map<string, Placement>([...placed, ['B1 0ZZ', { ward: 'E05011119' }]]);
		const files = shardPostcodes(extra);
		expect(Object.keys(files)).toEqual(['postcodes/B1.json', 'postcodes/B10.json', 'postcodes/B15.json', 'postcodes/B16.json', 'postcodes/B60.json', 'postcodes/B90.json', 'postcodes/index.json']);
		expect(files['postcodes/B1.json']).toBe('{"outward":"B1","wards":{"B1 0ZZ":"E05011119","B1 1AA":"E05011118","B1 1AB":"E05011119"},"outside":{},"no_location":[]}\n');
		expect(files['postcodes/B16.json']).toBe('{"outward":"B16","wards":{},"outside":{},"no_location":["B16 6AF"]}\n');
		expect(files['postcodes/B90.json']).toBe('{"outward":"B90","wards":{},"outside":{"B90 1AA":"Solihull"},"no_location":[]}\n');
		const index = JSON.parse(files['postcodes/index.json']);
		expect(index.method).toBe(POSTCODE_METHOD);
		expect(Object.keys(index.outward)).toEqual(['B1', 'B10', 'B15', 'B16', 'B60', 'B90']);
		expect(index.outward.B1).toEqual({ total: 3, no_location: 0, wards: { E05011118: 1, E05011119: 2 }, outside: {} });
		expect(index.outward.B60).toEqual({ total: 1, no_location: 0, wards: {}, outside: { '': 1 } });
	});
});

describe('buildPostcodes', () => {
	// Birmingham as a 10 × 7 grid of 69 squares; each neighbouring district one square east of it.
	const neighbourFiles = Object.fromEntries(
		WEST_MIDLANDS_DISTRICTS.slice(1).map((code, i) => [
			FILES.wardBoundaries(code),
			{ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { WD25CD: `E0509999${i}`, WD25NM: 'W', LAD25CD: code, LAD25NM: `District ${i + 1}` }, geometry: gridSquare(12 + i, 0) }] }
		])
	);
	const ward = (i: number) => gridCentre(i % 10, Math.floor(i / 10));
	const csv = (wardCount: number) =>
		'Postcode,lat,long\n' +
		Array.from({ length: wardCount }, (_, i) => `B${i + 1} 1AA,${ward(i)[1].toFixed(5)},${ward(i)[0].toFixed(5)}`).join('\n') +
		`\nB99 1AA,${gridCentre(13, 0)[1].toFixed(5)},${gridCentre(13, 0)[0].toFixed(5)}\n`;
	const stub = (postcodes: string) => new StubRaw({ [FILES.wardBoundaries('E08000025')]: birminghamGrid(), ...neighbourFiles, [FILES.postcodes]: postcodes });

	it('places every postcode and names the source with its attribution', () => {
		const output = buildPostcodes(stub(csv(69)));
		expect(JSON.parse(output.files['postcodes/B69.json']).wards).toEqual({ 'B69 1AA': BIRMINGHAM_WARD_CODES[68] });
		expect(JSON.parse(output.files['postcodes/B99.json']).outside).toEqual({ 'B99 1AA': 'District 2' });
		expect(output.sources[0].attribution).toMatch(/Contains Royal Mail data © Royal Mail copyright and database right 2025/);
		expect(output.indicators).toEqual([]);
	});

	it('refuses a file with an unexpected header', () => {
		expect(() => buildPostcodes(stub(fixtureText('bad-header.csv')))).toThrow(/unexpected header: missing column\(s\) lat, long/);
	});

	it('refuses a result that leaves a Birmingham ward with no postcode', () => {
		expect(() => buildPostcodes(stub(csv(68)))).toThrow(/no postcode falls in Birmingham ward\(s\) E05011186/);
	});
});

const rawDir = process.env.RAW_DIR ?? path.resolve('../shared/data/raw');

describe('real data', () => {
	it.skipIf(!existsSync(rawDir))('places 35,025 of the 62,720 B-area postcodes in Birmingham, covering all 69 wards', () => {
		const started = Date.now();
		const output = buildPostcodes(new RawDir(rawDir));
		expect(Date.now() - started).toBeLessThan(30_000);
		const index = JSON.parse(output.files['postcodes/index.json']) as { outward: Record<string, { total: number; no_location: number; wards: Record<string, number>; outside: Record<string, number> }> };
		let total = 0;
		let inBirmingham = 0;
		let noLocation = 0;
		const wards = new Set<string>();
		for (const summary of Object.values(index.outward)) {
			total += summary.total;
			noLocation += summary.no_location;
			for (const [code, count] of Object.entries(summary.wards)) {
				inBirmingham += count;
				wards.add(code);
			}
		}
		expect(total).toBe(62_720);
		expect(inBirmingham).toBe(35_025);
		expect(wards.size).toBe(69);
		expect(noLocation).toBe(30);

		const lookup = (postcode: string) => {
			const shard = JSON.parse(output.files[`postcodes/${outwardCode(postcode)}.json`]);
			return shard.wards[postcode] ?? shard.outside[postcode];
		};
		expect(lookup('B15 2TT')).toBe('E05011134'); // University of Birmingham: Edgbaston ward
		expect(lookup('B1 1BB')).toBe('E05011151'); // city centre: Ladywood
		expect(lookup('B90 4AA')).toBe('Solihull');
		expect(lookup('B60 1AA')).toBe(''); // Bromsgrove, outside the seven districts
		expect(JSON.parse(output.files['postcodes/B16.json']).no_location).toContain('B16 6AF');
		expect(index.outward.B90.wards).toEqual({});
	});
});
