import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readCsv, requireColumns, type CsvRow } from './csv.ts';
import { DataError } from './errors.ts';
import { BIRMINGHAM_CODE, assertExactlyBirminghamWards } from './wards.ts';

/** Access to the raw directory (../shared/data/raw by default). Paths in errors are relative to it. */
export class RawDir {
	private cache = new Map<string, unknown>();
	constructor(readonly root: string) {}

	path(relative: string): string {
		const full = join(this.root, relative);
		if (!existsSync(full)) throw new DataError(relative, `raw file not found under ${this.root}`);
		return full;
	}

	text(relative: string): string {
		return readFileSync(this.path(relative), 'utf8');
	}

	csv(relative: string, requiredColumns: string[] = []): CsvRow[] {
		return this.memo(`csv:${relative}`, () => {
			const rows = readCsv(this.path(relative));
			if (requiredColumns.length) requireColumns(rows, requiredColumns, relative);
			return rows;
		});
	}

	json<T>(relative: string): T {
		return this.memo(`json:${relative}`, () => {
			try {
				return JSON.parse(this.text(relative)) as T;
			} catch (e) {
				throw new DataError(relative, `not valid JSON: ${(e as Error).message}`);
			}
		});
	}

	memo<T>(key: string, make: () => T): T {
		if (!this.cache.has(key)) this.cache.set(key, make());
		return this.cache.get(key) as T;
	}
}

export const FILES = {
	wardBoundaries: (ladCode: string) => {
		const names: Record<string, string> = {
			E08000025: 'birmingham',
			E08000026: 'coventry',
			E08000027: 'dudley',
			E08000028: 'sandwell',
			E08000029: 'solihull',
			E08000030: 'walsall',
			E08000031: 'wolverhampton'
		};
		return `geography/boundaries/wards/wards_${ladCode}_${names[ladCode]}.geojson`;
	},
	birminghamOutline: 'geography/boundaries/lad/LAD21_E08000025_birmingham_BGC.geojsonl',
	lsoa11Boundaries: 'geography/boundaries/lsoa11/lsoa11_E08000025_birmingham.geojson',
	lsoa21Boundaries: 'geography/boundaries/lsoa21/lsoa21_E08000025_birmingham.geojson',
	lsoa11ToWard: 'geography/lookups/LSOA11_WD19_LAD19_EW_LU.csv',
	lsoa21ToWard: 'geography/lookups/LSOA21_WD22_LAD22_EW_LU_v3.csv',
	postcodes: 'geography/postcodes/NSPL_MAY_2025_B_area_postcode_latlong.csv'
} as const;

export const WEST_MIDLANDS_DISTRICTS = ['E08000025', 'E08000026', 'E08000027', 'E08000028', 'E08000029', 'E08000030', 'E08000031'];

export type WardFeatures = FeatureCollection<Polygon | MultiPolygon, { WD25CD: string; WD25NM: string; LAD25CD: string; LAD25NM: string }>;

/** The raw (generalised, unsimplified) ward polygons of one district. */
export function wardPolygons(raw: RawDir, ladCode = BIRMINGHAM_CODE): WardFeatures {
	return raw.json<WardFeatures>(FILES.wardBoundaries(ladCode));
}

/** Birmingham ward code → ward name, from the WD25 boundary file (names are the same in every vintage). */
export function wardNames(raw: RawDir): Map<string, string> {
	return raw.memo('wardNames', () => {
		const features = wardPolygons(raw).features;
		assertExactlyBirminghamWards(features.map((f) => f.properties.WD25CD), FILES.wardBoundaries(BIRMINGHAM_CODE));
		return new Map(
			[...features].sort((a, b) => a.properties.WD25CD.localeCompare(b.properties.WD25CD)).map((f) => [f.properties.WD25CD, f.properties.WD25NM])
		);
	});
}

function bestFitLookup(raw: RawDir, file: string, lsoaColumn: string, wardColumn: string, ladColumn: string, expected: number): Map<string, string> {
	return raw.memo(`lookup:${file}`, () => {
		const rows = raw.csv(file, [lsoaColumn, wardColumn, ladColumn]).filter((r) => r[ladColumn] === BIRMINGHAM_CODE);
		const map = new Map<string, string>();
		rows.forEach((r, i) => {
			if (map.has(r[lsoaColumn])) throw new DataError(file, `LSOA ${r[lsoaColumn]} appears twice`, i + 2);
			map.set(r[lsoaColumn], r[wardColumn]);
		});
		if (map.size !== expected) throw new DataError(file, `expected ${expected} Birmingham LSOAs, found ${map.size}`);
		assertExactlyBirminghamWards([...new Set(map.values())], file);
		return map;
	});
}

/** Best-fit LSOA 2011 → ward (the ONS WD19 lookup; Birmingham's 639 LSOAs). For IMD 2015/2019 and Census 2011. */
export const lsoa11ToWard = (raw: RawDir) => bestFitLookup(raw, FILES.lsoa11ToWard, 'LSOA11CD', 'WD19CD', 'LAD19CD', 639);

/** Best-fit LSOA 2021 → ward (the ONS WD22 lookup; Birmingham's 659 LSOAs). For IMD 2025 and Census 2021. */
export const lsoa21ToWard = (raw: RawDir) => bestFitLookup(raw, FILES.lsoa21ToWard, 'LSOA21CD', 'WD22CD', 'LAD22CD', 659);

export type { CsvRow };
