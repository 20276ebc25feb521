/**
 * SQL for indicators people upload themselves. They live only in DuckDB-WASM in the reader's browser, in two
 * tables, and reach pages through user_ward_values, which has the same shape as ward_values.
 */
import { literal } from './sql.ts';

export const USER_TABLES_SQL = [
	`CREATE TABLE IF NOT EXISTS user_indicators (
	indicator_id VARCHAR PRIMARY KEY, label VARCHAR NOT NULL, unit VARCHAR NOT NULL, decimals INTEGER NOT NULL,
	polarity VARCHAR NOT NULL, period VARCHAR, source_note VARCHAR, file_name VARCHAR, column_name VARCHAR, added_at VARCHAR)`,
	`CREATE TABLE IF NOT EXISTS user_values (indicator_id VARCHAR NOT NULL, ward_code VARCHAR NOT NULL, value DOUBLE)`,
	`CREATE OR REPLACE VIEW user_ward_values AS
SELECT
	v.indicator_id,
	v.ward_code,
	v.value,
	CAST(NULL AS DOUBLE) AS lower,
	CAST(NULL AS DOUBLE) AS upper,
	CASE WHEN v.value IS NULL THEN NULL
		ELSE CAST(rank() OVER (PARTITION BY v.indicator_id ORDER BY v.value DESC NULLS LAST) AS INTEGER) END AS rank_high,
	CAST(count(v.value) OVER (PARTITION BY v.indicator_id) AS INTEGER) AS ranked
FROM user_values v
JOIN wards w ON w.code = v.ward_code`
];

export interface UserIndicatorRow {
	indicator_id: string;
	label: string;
	unit: string;
	decimals: number;
	polarity: string;
	period: string;
	source_note: string;
	file_name: string;
	column_name: string;
	added_at: string;
}

const number = (value: number | null) => (value === null || !Number.isFinite(value) ? 'NULL' : String(value));

export function insertUserIndicatorSql(row: UserIndicatorRow): string {
	const columns = ['indicator_id', 'label', 'unit', 'decimals', 'polarity', 'period', 'source_note', 'file_name', 'column_name', 'added_at'] as const;
	const values = columns.map((c) => (c === 'decimals' ? String(Math.trunc(row.decimals)) : literal(String(row[c]))));
	return `INSERT OR REPLACE INTO user_indicators (${columns.join(', ')}) VALUES (${values.join(', ')})`;
}

/** Ward codes are checked against the 69 before they get here; values are numbers or NULL. */
export function insertUserValuesSql(indicatorId: string, values: { ward_code: string; value: number | null }[]): string {
	const rows = values.map((v) => `(${literal(indicatorId)}, ${literal(v.ward_code)}, ${number(v.value)})`);
	return `INSERT INTO user_values (indicator_id, ward_code, value) VALUES ${rows.join(', ')}`;
}

export const deleteUserIndicatorSql = (indicatorId: string) => [
	`DELETE FROM user_values WHERE indicator_id = ${literal(indicatorId)}`,
	`DELETE FROM user_indicators WHERE indicator_id = ${literal(indicatorId)}`
];

/**
 * The official and the reader's own ward values together, with the columns correlationSql reads (explore-sql.ts),
 * so a correlation can pair an uploaded indicator with any other. Ids cannot clash: uploaded ones start "yours-".
 */
export const WARD_AND_USER_VALUES = `(SELECT indicator_id, ward_code, value FROM ward_values
	UNION ALL SELECT indicator_id, ward_code, value FROM user_ward_values)`;

export const userIndicatorWardValuesSql = (indicatorId: string) => `
SELECT indicator_id, ward_code, value, lower, upper, rank_high, ranked
FROM user_ward_values WHERE indicator_id = ${literal(indicatorId)} ORDER BY ward_code`;

export const userIndicatorRawValuesSql = (indicatorId: string) => `
SELECT ward_code, value FROM user_values WHERE indicator_id = ${literal(indicatorId)} ORDER BY ward_code`;
