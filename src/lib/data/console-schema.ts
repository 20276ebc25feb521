/** The SQL console's schema listing and example queries: plain data and SQL, used at build time and in the browser. */
import type { Database } from './db.ts';
import { TABLE_FILES, type TableName } from './sql.ts';

export const SCHEMA_SQL = `
SELECT t.table_name, t.table_type, c.column_name, c.data_type
FROM information_schema.tables t
JOIN information_schema.columns c USING (table_catalog, table_schema, table_name)
WHERE t.table_schema = 'main'
ORDER BY t.table_type, t.table_name, c.ordinal_position`;

export interface SchemaRow {
	table_name: string;
	table_type: string;
	column_name: string;
	data_type: string;
}

export interface SchemaTable {
	name: string;
	kind: 'table' | 'view';
	columns: { name: string; type: string }[];
}

export function groupSchema(rows: SchemaRow[]): SchemaTable[] {
	const tables = new Map<string, SchemaTable>();
	for (const row of rows) {
		const table = tables.get(row.table_name) ?? { name: row.table_name, kind: row.table_type === 'VIEW' ? 'view' : 'table', columns: [] };
		table.columns.push({ name: row.column_name, type: row.data_type });
		tables.set(row.table_name, table);
	}
	return [...tables.values()];
}

/** Loads every published table so the console never needs file access, at build time and in the browser. */
export async function loadEveryTable(db: Database): Promise<void> {
	await db.ensureTables(Object.keys(TABLE_FILES) as TableName[]);
}

export const getSchema = async (db: Database) => groupSchema(await db.query<SchemaRow>(SCHEMA_SQL));

export const EXAMPLE_QUERIES: { title: string; sql: string }[] = [
	{
		title: 'Ten wards with the most child poverty',
		sql: `SELECT w.name, v.value AS children_in_low_income_pct, v.rank_high
FROM ward_values v JOIN wards w ON w.code = v.ward_code
WHERE v.indicator_id = 'cp_ahc_pct_2025'
ORDER BY v.value DESC
LIMIT 10`
	},
	{
		title: 'Deprivation against life expectancy',
		sql: `SELECT round(corr(imd.value, le.value), 3) AS correlation, count(*) AS wards
FROM ward_values imd
JOIN ward_values le ON le.ward_code = imd.ward_code AND le.indicator_id = 'le_persons'
WHERE imd.indicator_id = 'imd19_score'`
	},
	{
		title: 'Every indicator with its city and England figures',
		sql: `SELECT indicator_id, birmingham, england
FROM benchmarks
ORDER BY indicator_id`
	},
	{
		title: 'Secondary schools in each ward',
		sql: `WITH latest AS (SELECT max(year) AS year FROM schools)
SELECT w.name, count(s.urn) AS schools
FROM wards w LEFT JOIN schools s ON s.ward_code = w.code AND s.year = (SELECT year FROM latest)
GROUP BY w.name
ORDER BY schools DESC, w.name`
	},
	{
		title: 'Your uploaded data next to deprivation',
		sql: `SELECT u.indicator_id, w.name, u.value AS your_value, imd.value AS imd19_score
FROM user_ward_values u
JOIN wards w ON w.code = u.ward_code
LEFT JOIN ward_values imd ON imd.ward_code = u.ward_code AND imd.indicator_id = 'imd19_score'
ORDER BY u.indicator_id, u.value DESC`
	}
];
