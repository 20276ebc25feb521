/**
 * SQL for the time series (tidy long files described under "series" in indicators.json). Runs unchanged in
 * DuckDB on Node at build time and in DuckDB-WASM in the browser, like everything in sql.ts.
 */
import { BIRMINGHAM_CODE, ENGLAND_CODE, TABLE_FILES, identifier, literal, type TableName } from './sql.ts';
import type { Series } from './types.ts';

const tableOf = (file: string): TableName => {
	const entry = Object.entries(TABLE_FILES).find(([, f]) => f === file);
	if (!entry) throw new Error(`series file ${file} is not a published table`);
	return entry[0] as TableName;
};

/** The tables the series view reads. */
export function seriesTables(series: Series[]): TableName[] {
	return [...new Set(series.map((s) => tableOf(s.file)))];
}

/** One row per (series, area, period). Period and date are read as text so both runtimes return the same values. */
export function seriesViewSql(series: Series[]): string {
	if (!series.length) {
		return `CREATE OR REPLACE VIEW series_values AS SELECT NULL::VARCHAR AS series_id, NULL::VARCHAR AS area_code, NULL::VARCHAR AS area_type, NULL::VARCHAR AS period, NULL::VARCHAR AS date, NULL::VARCHAR AS basis, NULL::DOUBLE AS value WHERE false`;
	}
	const selects = series.map((s) => {
		const filter = s.where ? ` WHERE CAST(${identifier(s.where.column)} AS VARCHAR) = ${literal(s.where.value)}` : '';
		return `SELECT ${literal(s.id)} AS series_id, CAST(area_code AS VARCHAR) AS area_code, CAST(area_type AS VARCHAR) AS area_type, CAST(period AS VARCHAR) AS period, CAST(date AS VARCHAR) AS date, CAST(basis AS VARCHAR) AS basis, TRY_CAST(${identifier(s.value_column)} AS DOUBLE) AS value FROM ${identifier(tableOf(s.file))}${filter}`;
	});
	return `CREATE OR REPLACE VIEW series_values AS\n${selects.join('\nUNION ALL\n')}`;
}

/** Every series for one ward, with Birmingham and England where the series has them. */
export const wardSeriesSql = (wardCode: string) => `
SELECT series_id, area_code, area_type, period, date, basis, value
FROM series_values
WHERE area_code IN (${literal(wardCode)}, '${BIRMINGHAM_CODE}', '${ENGLAND_CODE}')
ORDER BY series_id, area_code, date`;

/** One series for every area, for the change map. */
export const seriesAllAreasSql = (seriesId: string) => `
SELECT series_id, area_code, area_type, period, date, basis, value
FROM series_values
WHERE series_id = ${literal(seriesId)}
ORDER BY area_code, date`;
