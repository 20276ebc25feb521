/**
 * Segregation on demand: the Index of Dissimilarity for any two census groups at any unit, computed in SQL over
 * the published small-area counts. The arithmetic matches scripts/segregation.ts term for term
 * (D = ½ Σ |aᵢ/A − bᵢ/B|, ×100, no rounding), so a pair the pipeline published comes out the same here.
 */
import { identifier, literal, type TableName } from './sql.ts';

export type CensusYear = 2011 | 2021;
export type SegregationUnit = 'OA' | 'LSOA' | 'ward';

/** The small-area table of each census and the column that places a row in each unit. */
export const CENSUS_AREAS: Record<CensusYear, { table: TableName; units: Partial<Record<SegregationUnit, string>> }> = {
	2011: { table: 'census_ethnicity_2011_oa', units: { OA: 'oa11_code', LSOA: 'lsoa11_code', ward: 'ward_code' } },
	2021: { table: 'census_ethnicity_2021_lsoa', units: { LSOA: 'lsoa21_code', ward: 'ward_code' } }
};

export const UNIT_ORDER: SegregationUnit[] = ['OA', 'LSOA', 'ward'];

export const unitsOf = (year: CensusYear): SegregationUnit[] => UNIT_ORDER.filter((u) => CENSUS_AREAS[year].units[u]);

/** A row of ethnic_groups.csv. */
export interface EthnicGroupRow {
	year: CensusYear;
	group_id: string;
	label: string;
	broad: string | null;
	kind: 'count' | 'combined';
	definition: string | null;
}

export const ETHNIC_GROUPS_SQL = `
SELECT CAST(year AS INTEGER) AS year, group_id, label, broad, kind, definition
FROM ethnic_groups ORDER BY rowid`;

/**
 * A group as a SQL expression over one small area's count columns. Combined groups carry a formula such as
 * "total - (mixed + indian)"; it is rebuilt token by token, so only known column names, + − and brackets pass.
 */
export function groupExpression(group: Pick<EthnicGroupRow, 'group_id' | 'kind' | 'definition'>, countColumns: Set<string>): string {
	if (group.kind === 'count') {
		if (!countColumns.has(group.group_id)) throw new Error(`group ${group.group_id} has no count column`);
		return `CAST(${identifier(group.group_id)} AS DOUBLE)`;
	}
	const tokens = (group.definition ?? '').match(/[a-z_]+|[-+()]|\S/g) ?? [];
	if (!tokens.length) throw new Error(`combined group ${group.group_id} has no definition`);
	const sql = tokens.map((token) => {
		if (/^[-+()]$/.test(token)) return token;
		if (token === 'total' || countColumns.has(token)) return `CAST(${identifier(token)} AS DOUBLE)`;
		throw new Error(`combined group ${group.group_id}: "${token}" is not a count column`);
	});
	return `(${sql.join(' ')})`;
}

export interface SegregationRequest {
	year: CensusYear;
	unit: SegregationUnit;
	/** SQL expressions from groupExpression. */
	a: string;
	b: string;
}

/**
 * One row per ward: its counts of both groups, its part of the city-wide index at the chosen unit (the sum of
 * the terms of its units, which add up to the city-wide index), and the index inside the ward over its units
 * (null at ward level, where a ward is a single unit, or when a group is absent from the ward). The city-wide
 * index and totals repeat on every row. Indices on the 0–100 scale, unrounded.
 */
export function segregationSql({ year, unit, a, b }: SegregationRequest): string {
	const { table, units } = CENSUS_AREAS[year];
	const unitColumn = units[unit];
	if (!unitColumn) throw new Error(`Census ${year} has no counts by ${unit}`);
	return `
WITH areas AS (
	SELECT ${identifier(unitColumn)} AS unit_code, ward_code, ${a} AS a, ${b} AS b FROM ${identifier(table)}
), units AS (
	SELECT unit_code, ward_code, sum(a) AS a, sum(b) AS b FROM areas GROUP BY unit_code, ward_code
), city AS (
	SELECT sum(a) AS a_total, sum(b) AS b_total, count(*) AS n_units FROM units
), terms AS (
	SELECT u.*, 0.5 * abs(u.a / c.a_total - u.b / c.b_total) AS term,
		sum(u.a) OVER (PARTITION BY u.ward_code) AS ward_a, sum(u.b) OVER (PARTITION BY u.ward_code) AS ward_b
	FROM units u, city c WHERE c.a_total > 0 AND c.b_total > 0
), city_index AS (
	SELECT 100 * (0.5 * sum(abs(u.a / c.a_total - u.b / c.b_total))) AS citywide FROM units u, city c WHERE c.a_total > 0 AND c.b_total > 0
)
SELECT
	t.ward_code,
	CAST(max(t.ward_a) AS DOUBLE) AS a_count,
	CAST(max(t.ward_b) AS DOUBLE) AS b_count,
	CAST(count(*) AS INTEGER) AS n_units,
	100 * sum(t.term) AS contribution,
	CASE WHEN ${literal(unit)} = 'ward' OR max(t.ward_a) <= 0 OR max(t.ward_b) <= 0 THEN NULL
		ELSE 100 * (0.5 * sum(abs(t.a / t.ward_a - t.b / t.ward_b))) END AS within,
	(SELECT citywide FROM city_index) AS citywide,
	(SELECT a_total FROM city) AS a_total,
	(SELECT b_total FROM city) AS b_total,
	CAST((SELECT n_units FROM city) AS INTEGER) AS city_units
FROM terms t
GROUP BY t.ward_code
ORDER BY t.ward_code`;
}

export interface SegregationWardRow {
	ward_code: string;
	a_count: number;
	b_count: number;
	n_units: number;
	contribution: number;
	within: number | null;
	citywide: number;
	a_total: number;
	b_total: number;
	city_units: number;
}

/** What a published index table (segregation_citywide.csv) holds, for comparing with a computed one. */
export const PUBLISHED_CITYWIDE_SQL = `
SELECT CAST(year AS INTEGER) AS year, group_a, group_b, unit, TRY_CAST(index AS DOUBLE) AS index
FROM segregation_citywide ORDER BY year, group_a, group_b, unit`;

export interface PublishedCitywideRow {
	year: CensusYear;
	group_a: string;
	group_b: string;
	unit: SegregationUnit;
	index: number | null;
}

interface Queryable {
	query<T>(sql: string, tables?: TableName[]): Promise<T[]>;
}

export const getEthnicGroups = (db: Queryable) => db.query<EthnicGroupRow>(ETHNIC_GROUPS_SQL, ['ethnic_groups']);

export const getPublishedCitywide = (db: Queryable) => db.query<PublishedCitywideRow>(PUBLISHED_CITYWIDE_SQL, ['segregation_citywide']);

/** Count columns of a census table: every count group of that year. */
export function countColumnsOf(groups: EthnicGroupRow[], year: CensusYear): Set<string> {
	return new Set(groups.filter((g) => g.year === year && g.kind === 'count').map((g) => g.group_id));
}

/**
 * The index for two groups (by id) at one unit. Groups are looked up in ethnic_groups, so an id from a URL
 * can only ever become a known column expression.
 */
export async function getSegregation(
	db: Queryable,
	groups: EthnicGroupRow[],
	choice: { year: CensusYear; unit: SegregationUnit; a: string; b: string }
): Promise<SegregationWardRow[]> {
	const columns = countColumnsOf(groups, choice.year);
	const find = (id: string) => {
		const group = groups.find((g) => g.year === choice.year && g.group_id === id);
		if (!group) throw new Error(`Census ${choice.year} has no group “${id}”`);
		return groupExpression(group, columns);
	};
	const sql = segregationSql({ year: choice.year, unit: choice.unit, a: find(choice.a), b: find(choice.b) });
	return db.query<SegregationWardRow>(sql, [CENSUS_AREAS[choice.year].table]);
}
