/**
 * The only SQL in the project. The same statements run in DuckDB on Node at build time (prerender) and in
 * DuckDB-WASM in the browser; the two clients differ only in how a published file name becomes readable.
 */
import type { Indicator } from './types.ts';

/** Published CSV tables, by table name → file in data/. */
export const TABLE_FILES = {
	wards: 'wards.csv',
	imd: 'imd.csv',
	child_poverty: 'child_poverty.csv',
	life_expectancy: 'life_expectancy.csv',
	ks4: 'ks4.csv',
	segregation: 'segregation.csv',
	segregation_citywide: 'segregation_citywide.csv',
	schools: 'schools.csv',
	imd_lsoa: 'imd_lsoa.csv',
	census_ethnicity_2011_oa: 'census_ethnicity_2011_oa.csv',
	census_ethnicity_2021_lsoa: 'census_ethnicity_2021_lsoa.csv',
	ethnic_groups: 'ethnic_groups.csv',
	ward_adjacency: 'ward_adjacency.csv',
	population: 'population.csv',
	population_series: 'population_series.csv',
	fuel_poverty: 'fuel_poverty.csv',
	claimant_count: 'claimant_count.csv',
	claimant_count_monthly: 'claimant_count_monthly.csv',
	child_poverty_absolute: 'child_poverty_absolute.csv',
	child_poverty_trend: 'child_poverty_trend.csv',
	supplementary: 'supplementary.csv'
} as const;

export type TableName = keyof typeof TABLE_FILES;

/** The tables every page needs; the small-area census tables load on first use. */
export const CORE_TABLES: TableName[] = ['wards', 'imd', 'child_poverty', 'life_expectancy', 'ks4', 'segregation'];

export const BIRMINGHAM_CODE = 'E08000025';
export const ENGLAND_CODE = 'E92000001';

/** A SQL string literal. Values reaching SQL are also validated upstream; this keeps quoting correct. */
export function literal(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

export function identifier(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}

/** Full-file type detection, so both runtimes infer the same column types. */
export function createTableSql(table: TableName, readablePath: string): string {
	return `CREATE OR REPLACE TABLE ${identifier(table)} AS SELECT * FROM read_csv(${literal(readablePath)}, header = true, sample_size = -1)`;
}

/** Long view of every indicator: one row per (indicator, area), built from indicators.json. */
export function indicatorValuesViewSql(indicators: Indicator[]): string {
	const tableOf = new Map<string, string>(Object.entries(TABLE_FILES).map(([table, file]) => [file, table]));
	const selects = indicators.map((ind) => {
		const table = tableOf.get(ind.file);
		if (!table) throw new Error(`indicator ${ind.id}: file ${ind.file} is not a published table`);
		const bound = (column: string | undefined) => (column ? `TRY_CAST(${identifier(column)} AS DOUBLE)` : 'CAST(NULL AS DOUBLE)');
		return `SELECT ${literal(ind.id)} AS indicator_id, area_code, area_type, TRY_CAST(${identifier(ind.column)} AS DOUBLE) AS value, ${bound(ind.lower_column)} AS lower, ${bound(ind.upper_column)} AS upper FROM ${identifier(table)}`;
	});
	return `CREATE OR REPLACE VIEW indicator_values AS\n${selects.join('\nUNION ALL\n')}`;
}

export const WARD_VALUES_VIEW = `
CREATE OR REPLACE VIEW ward_values AS
SELECT
	v.indicator_id,
	v.area_code AS ward_code,
	v.value,
	v.lower,
	v.upper,
	CASE WHEN v.value IS NULL THEN NULL
		ELSE CAST(rank() OVER (PARTITION BY v.indicator_id ORDER BY v.value DESC NULLS LAST) AS INTEGER) END AS rank_high,
	CAST(count(v.value) OVER (PARTITION BY v.indicator_id) AS INTEGER) AS ranked
FROM indicator_values v
JOIN wards w ON w.code = v.area_code
WHERE v.area_type = 'ward'`;

export const BENCHMARKS_VIEW = `
CREATE OR REPLACE VIEW benchmarks AS
SELECT
	indicator_id,
	max(value) FILTER (WHERE area_code = '${BIRMINGHAM_CODE}') AS birmingham,
	max(lower) FILTER (WHERE area_code = '${BIRMINGHAM_CODE}') AS birmingham_lower,
	max(upper) FILTER (WHERE area_code = '${BIRMINGHAM_CODE}') AS birmingham_upper,
	max(value) FILTER (WHERE area_code = '${ENGLAND_CODE}') AS england,
	max(lower) FILTER (WHERE area_code = '${ENGLAND_CODE}') AS england_lower,
	max(upper) FILTER (WHERE area_code = '${ENGLAND_CODE}') AS england_upper
FROM indicator_values
GROUP BY indicator_id`;

export const WARDS_SQL = `
SELECT code, name, slug, area_km2, centroid_lon, centroid_lat, label_lon, label_lat,
	CAST(population_2021 AS INTEGER) AS population_2021, CAST(population_mid2015 AS INTEGER) AS population_mid2015,
	CAST(population_mid2024 AS INTEGER) AS population_mid2024
FROM wards ORDER BY name`;

export const ALL_WARD_VALUES_SQL = `
SELECT indicator_id, ward_code, value, lower, upper, rank_high, ranked
FROM ward_values ORDER BY indicator_id, ward_code`;

export const indicatorWardValuesSql = (indicatorId: string) => `
SELECT indicator_id, ward_code, value, lower, upper, rank_high, ranked
FROM ward_values WHERE indicator_id = ${literal(indicatorId)} ORDER BY ward_code`;

export const wardValuesSql = (wardCode: string) => `
SELECT indicator_id, ward_code, value, lower, upper, rank_high, ranked
FROM ward_values WHERE ward_code = ${literal(wardCode)} ORDER BY indicator_id`;

export const ALL_BENCHMARKS_SQL = `
SELECT indicator_id, birmingham, birmingham_lower, birmingham_upper, england, england_lower, england_upper
FROM benchmarks ORDER BY indicator_id`;

export const neighbourhoodSql = (wardCode: string) => `
SELECT lsoa11_code, lsoa11_name, imd19_score, CAST(imd19_rank AS INTEGER) AS imd19_rank, CAST(imd19_decile AS INTEGER) AS imd19_decile,
	CAST(population_mid2015 AS INTEGER) AS population_mid2015
FROM imd_lsoa WHERE ward_code = ${literal(wardCode)} ORDER BY imd19_rank`;

export const wardSchoolsSql = (wardCode: string) => `
SELECT year, CAST(urn AS VARCHAR) AS urn, name, lon, lat, CAST(pupils AS INTEGER) AS pupils, att8, p8, p8_lower, p8_upper, basics95_pct
FROM schools WHERE ward_code = ${literal(wardCode)} ORDER BY year DESC, name`;

export const wardNeighboursSql = (wardCode: string) => `
SELECT neighbour_code FROM ward_adjacency WHERE ward_code = ${literal(wardCode)} ORDER BY neighbour_code`;

/** UK figures, the national yardstick where a publisher gives no England figure (DWP child poverty). */
export const UK_CODE = 'K02000001';
export const UK_VALUES_SQL = `
SELECT indicator_id, value FROM indicator_values WHERE area_code = '${UK_CODE}' AND value IS NOT NULL ORDER BY indicator_id`;
