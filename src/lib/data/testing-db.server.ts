/** A query layer over a folder of fixture CSVs, for unit tests of SQL on hand-checked numbers. */
import { plainRow } from './db.ts';
import { nodeEngine } from './node-db.server.ts';
import { TABLE_FILES, createTableSql, type TableName } from './sql.ts';

export function fixtureDatabase(dataDir: string) {
	const engine = nodeEngine(dataDir);
	const loaded = new Set<TableName>();
	return {
		/** Creates fixture tables or views straight from SQL, e.g. a small ward_values. */
		async exec(sql: string): Promise<void> {
			await engine.run(sql);
		},
		async query<T>(sql: string, tables: TableName[] = []): Promise<T[]> {
			for (const table of tables) {
				if (loaded.has(table)) continue;
				await engine.run(createTableSql(table, await engine.readable(TABLE_FILES[table])));
				loaded.add(table);
			}
			return (await engine.run(sql)).map(plainRow) as T[];
		}
	};
}
