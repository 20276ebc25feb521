/** Typed questions the pages ask. Each is one SQL statement from sql.ts run on whichever Database is at hand. */
import type { Database } from './db.ts';
import {
	ALL_BENCHMARKS_SQL,
	ALL_WARD_VALUES_SQL,
	WARDS_SQL,
	indicatorWardValuesSql,
	neighbourhoodSql,
	wardSchoolsSql,
	wardNeighboursSql,
	wardValuesSql,
	UK_VALUES_SQL
} from './sql.ts';
import type { Benchmark, Ward, WardValue } from './types.ts';

export const getWards = (db: Database) => db.query<Ward>(WARDS_SQL);

export const getAllWardValues = (db: Database) => db.query<WardValue>(ALL_WARD_VALUES_SQL);

export const getIndicatorWardValues = (db: Database, indicatorId: string) => db.query<WardValue>(indicatorWardValuesSql(indicatorId));

export const getWardValues = (db: Database, wardCode: string) => db.query<WardValue>(wardValuesSql(wardCode));

export const getBenchmarks = (db: Database) => db.query<Benchmark>(ALL_BENCHMARKS_SQL);

export interface NeighbourhoodRow {
	lsoa11_code: string;
	lsoa11_name: string;
	imd19_score: number;
	imd19_rank: number;
	imd19_decile: number;
	population_mid2015: number;
}
export const getNeighbourhoods = (db: Database, wardCode: string) => db.query<NeighbourhoodRow>(neighbourhoodSql(wardCode), ['imd_lsoa']);

export interface SchoolRow {
	year: string;
	urn: string;
	name: string;
	lon: number;
	lat: number;
	pupils: number | null;
	att8: number | null;
	p8: number | null;
	p8_lower: number | null;
	p8_upper: number | null;
	basics95_pct: number | null;
}
export const getWardSchools = (db: Database, wardCode: string) => db.query<SchoolRow>(wardSchoolsSql(wardCode), ['schools']);

export const getWardNeighbours = async (db: Database, wardCode: string) =>
	(await db.query<{ neighbour_code: string }>(wardNeighboursSql(wardCode), ['ward_adjacency'])).map((r) => r.neighbour_code);

export const getUkValues = (db: Database) => db.query<{ indicator_id: string; value: number }>(UK_VALUES_SQL);
