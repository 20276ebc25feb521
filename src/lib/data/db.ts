import {
	ALL_BENCHMARKS_SQL,
	BENCHMARKS_VIEW,
	CORE_TABLES,
	TABLE_FILES,
	WARD_VALUES_VIEW,
	createTableSql,
	indicatorValuesViewSql,
	type TableName
} from './sql.ts';
import type { Catalogue } from './types.ts';

/** Runs a statement and returns plain rows. Both runtimes implement this one method. */
export interface SqlEngine {
	run(sql: string): Promise<Record<string, unknown>[]>;
	/** Turns a published file name (e.g. 'imd.csv') into a path read_csv can open, fetching it if needed. */
	readable(file: string): Promise<string>;
}

/** DuckDB returns 64-bit integers as BigInt; the site's numbers all fit in a double. */
export function plainRow(row: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(row)) out[key] = typeof value === 'bigint' ? Number(value) : value;
	return out;
}

/** The query layer's database: tables loaded from data/, views built from indicators.json. */
export class Database {
	private loaded = new Set<TableName>();
	private loading = new Map<TableName, Promise<void>>();
	private ready: Promise<void>;

	constructor(
		private engine: SqlEngine,
		readonly catalogue: Catalogue
	) {
		this.ready = this.setUp();
	}

	private async setUp(): Promise<void> {
		// Every table an indicator reads must exist before the indicator_values view is built over them.
		const tableOf = new Map(Object.entries(TABLE_FILES).map(([table, file]) => [file as string, table as TableName]));
		const indicatorTables = this.catalogue.indicators.map((i) => tableOf.get(i.file)).filter((t): t is TableName => t !== undefined);
		await this.ensureTables([...new Set([...CORE_TABLES, ...indicatorTables])]);
		await this.engine.run(indicatorValuesViewSql(this.catalogue.indicators));
		await this.engine.run(WARD_VALUES_VIEW);
		await this.engine.run(BENCHMARKS_VIEW);
	}

	/** Loads tables on first use; the small-area census tables are only read when a query needs them. */
	async ensureTables(tables: TableName[]): Promise<void> {
		await Promise.all(
			tables.map((table) => {
				if (this.loaded.has(table)) return Promise.resolve();
				if (!this.loading.has(table)) {
					const load = (async () => {
						const path = await this.engine.readable(TABLE_FILES[table]);
						await this.engine.run(createTableSql(table, path));
						this.loaded.add(table);
					})();
					load.catch(() => this.loading.delete(table));
					this.loading.set(table, load);
				}
				return this.loading.get(table)!;
			})
		);
	}

	async query<T>(sql: string, tables: TableName[] = []): Promise<T[]> {
		await this.ready;
		if (tables.length) await this.ensureTables(tables);
		return (await this.engine.run(sql)).map(plainRow) as T[];
	}

	/** Sanity query used to report "DuckDB is ready". */
	async firstQuery(): Promise<number> {
		const rows = await this.query<{ indicator_id: string }>(ALL_BENCHMARKS_SQL);
		return rows.length;
	}
}
