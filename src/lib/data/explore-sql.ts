/**
 * Relationships between indicators and between wards, in SQL over the ward_values view. Run by DuckDB in Node
 * at build time (the prerendered default view) and by DuckDB-WASM in the browser (any other choice).
 */
import { literal, type TableName } from './sql.ts';
import type { WardValue } from './types.ts';

interface Queryable {
	query<T>(sql: string, tables?: TableName[]): Promise<T[]>;
}

const idList = (ids: string[]) => {
	if (!ids.length) throw new Error('no indicators given');
	return ids.map(literal).join(', ');
};

/** Average rank (ties share the mean of their places), as Spearman's coefficient needs. */
const averageRank = (column: string, partition: string) =>
	`rank() OVER (PARTITION BY ${partition} ORDER BY ${column}) + (count(*) OVER (PARTITION BY ${partition}, ${column}) - 1) / 2.0`;

/**
 * Pearson and Spearman correlation and the least-squares line y = intercept + slope·x for every pair (x, y)
 * of the given indicators, over the wards that have both values. Spearman is Pearson on average ranks,
 * ranked within each pair's wards. `values` is ward_values, or a relation of the same shape such as
 * WARD_AND_USER_VALUES (user-sql.ts) when a reader's own indicators take part.
 */
export function correlationSql(xIds: string[], yIds: string[], values: string = 'ward_values'): string {
	return `
WITH pairs AS (
	SELECT x.indicator_id AS x_id, y.indicator_id AS y_id, x.ward_code, x.value AS x, y.value AS y
	FROM ${values} x JOIN ${values} y ON x.ward_code = y.ward_code
	WHERE x.indicator_id IN (${idList(xIds)}) AND y.indicator_id IN (${idList(yIds)}) AND x.value IS NOT NULL AND y.value IS NOT NULL
), ranked AS (
	SELECT *, ${averageRank('x', 'x_id, y_id')} AS rank_x, ${averageRank('y', 'x_id, y_id')} AS rank_y FROM pairs
)
SELECT x_id, y_id, CAST(count(*) AS INTEGER) AS n,
	corr(x, y) AS pearson, corr(rank_x, rank_y) AS spearman,
	regr_slope(y, x) AS slope, regr_intercept(y, x) AS intercept, regr_r2(y, x) AS r2
FROM ranked GROUP BY x_id, y_id ORDER BY x_id, y_id`;
}

export interface CorrelationRow {
	x_id: string;
	y_id: string;
	n: number;
	/** Null when one indicator does not vary across the wards. */
	pearson: number | null;
	spearman: number | null;
	slope: number | null;
	intercept: number | null;
	r2: number | null;
}

export const getCorrelations = (db: Queryable, xIds: string[], yIds: string[]) => db.query<CorrelationRow>(correlationSql(xIds, yIds));

export async function getPairCorrelation(db: Queryable, xId: string, yId: string): Promise<CorrelationRow | null> {
	return (await getCorrelations(db, [xId], [yId]))[0] ?? null;
}

/** Each ward's value on each indicator in standard deviations from the mean of the wards (z-score). */
export function standardisedSql(ids: string[]): string {
	return `
SELECT indicator_id, ward_code, value,
	(value - avg(value) OVER w) / nullif(stddev_pop(value) OVER w, 0) AS z
FROM ward_values
WHERE indicator_id IN (${idList(ids)}) AND value IS NOT NULL
WINDOW w AS (PARTITION BY indicator_id)
ORDER BY indicator_id, ward_code`;
}

export interface StandardisedRow {
	indicator_id: string;
	ward_code: string;
	value: number;
	z: number | null;
}

export const getStandardised = (db: Queryable, ids: string[]) => db.query<StandardisedRow>(standardisedSql(ids));

/**
 * The nearest wards to each ward (or one ward): distance = √(mean over shared indicators of (zᵢ − z′ᵢ)²), the
 * typical gap in standard deviations per indicator. Ties are broken by ward code so the list is stable.
 */
export function similarWardsSql(ids: string[], wardCode: string | null, limit: number): string {
	return `
WITH z AS (${standardisedSql(ids)}),
distances AS (
	SELECT a.ward_code, b.ward_code AS other_code, CAST(count(*) AS INTEGER) AS n_shared,
		sqrt(avg((a.z - b.z) * (a.z - b.z))) AS distance
	FROM z a JOIN z b ON a.indicator_id = b.indicator_id AND a.ward_code <> b.ward_code
	WHERE a.z IS NOT NULL AND b.z IS NOT NULL ${wardCode ? `AND a.ward_code = ${literal(wardCode)}` : ''}
	GROUP BY a.ward_code, b.ward_code
), placed AS (
	SELECT *, CAST(row_number() OVER (PARTITION BY ward_code ORDER BY distance, other_code) AS INTEGER) AS place FROM distances
)
SELECT ward_code, other_code, n_shared, distance, place FROM placed WHERE place <= ${Math.max(1, Math.floor(limit))}
ORDER BY ward_code, place`;
}

export interface SimilarWardRow {
	ward_code: string;
	other_code: string;
	n_shared: number;
	distance: number;
	place: number;
}

export const getSimilarWards = (db: Queryable, ids: string[], wardCode: string | null, limit = 5) =>
	db.query<SimilarWardRow>(similarWardsSql(ids, wardCode, limit));

/** Every indicator's value, interval and rank for the chosen wards: the side-by-side comparison. */
export function wardsValuesSql(wardCodes: string[]): string {
	return `
SELECT indicator_id, ward_code, value, lower, upper, rank_high, ranked
FROM ward_values WHERE ward_code IN (${idList(wardCodes)}) ORDER BY indicator_id, ward_code`;
}

export const getWardsValues = (db: Queryable, wardCodes: string[]) => db.query<WardValue>(wardsValuesSql(wardCodes));
