/**
 * The read-only SQL console (/sql). Queries run on their own DuckDB-WASM connection, after three gates:
 * checkConsoleSql (readable refusals), DuckDB's own parser (json_serialize_sql accepts only SELECT), and the
 * engine itself, where external access is switched off and the configuration locked once the site's tables
 * are loaded, so no query can read a file or URL whatever it looks like. Each query is capped in rows and time.
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { openBrowserConnection, startBrowserDatabase } from './browser-db.svelte.ts';
import { checkConsoleSql } from './sql-console-check.ts';
import { literal } from './sql.ts';
import { groupSchema, loadEveryTable, SCHEMA_SQL, type SchemaRow, type SchemaTable } from './console-schema.ts';
import { userDatabase } from './user-data.svelte.ts';

export const ROW_CAP = 1000;
export const TIME_LIMIT_MS = 10_000;

/** After this the engine refuses every file and network read; neither setting can be switched back. */
const LOCKDOWN_SQL = ['SET enable_external_access = false', 'SET lock_configuration = true'];

const parseCheckSql = (sql: string) => `SELECT json_serialize_sql(${literal(sql)}) AS tree`;
const cappedSql = (sql: string, cap: number) => `SELECT * FROM (\n${sql}\n) AS console_result LIMIT ${cap + 1}`;

let consoleConnection: Promise<AsyncDuckDBConnection> | undefined;

function connection(): Promise<AsyncDuckDBConnection> {
	consoleConnection ??= (async () => {
		const db = await startBrowserDatabase();
		await loadEveryTable(db);
		await userDatabase();
		const conn = await openBrowserConnection();
		for (const statement of LOCKDOWN_SQL) await conn.query(statement);
		return conn;
	})();
	consoleConnection.catch(() => (consoleConnection = undefined));
	return consoleConnection;
}

/** Starts DuckDB and locks it down; the console page calls this as soon as it opens. */
export async function consoleSchema(): Promise<SchemaTable[]> {
	const conn = await connection();
	const table = await conn.query(SCHEMA_SQL);
	return groupSchema(table.toArray().map((row) => row.toJSON() as SchemaRow));
}

export interface ConsoleResult {
	columns: { name: string; type: string }[];
	rows: unknown[][];
	/** More rows matched than ROW_CAP; only the first ROW_CAP are shown. */
	truncated: boolean;
	elapsedMs: number;
}

export class ConsoleError extends Error {}

/** DuckDB's messages, without the position pointer (it counts lines of the wrapped query, not the reader's). */
export function readableError(message: string, keepPosition = false): string {
	let text = message;
	if (text.trim().startsWith('{')) {
		try {
			const parsed = JSON.parse(text) as { exception_type?: string; exception_message?: string };
			if (parsed.exception_message) text = `${parsed.exception_type ?? 'Query'} Error: ${parsed.exception_message}`;
		} catch {
			// Not JSON after all; show it as it came.
		}
	}
	if (!keepPosition) text = text.split(/\n\s*LINE \d+:/)[0];
	text = text.trim();
	return text.replace(/^(\w+) Error: /, '$1 error: ');
}

function plainCell(value: unknown, type: string): unknown {
	if (typeof value === 'number' && /^Date/.test(type)) return new Date(value).toISOString().slice(0, 10);
	if ((typeof value === 'number' || typeof value === 'bigint') && /^Timestamp/.test(type)) {
		const unit = type.match(/<(\w+)/)?.[1] ?? 'MILLISECOND';
		const divisor = { SECOND: 1 / 1000, MILLISECOND: 1, MICROSECOND: 1000, NANOSECOND: 1_000_000 }[unit] ?? 1;
		return new Date(Number(value) / divisor).toISOString().replace('.000Z', 'Z');
	}
	if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
	if (value instanceof Date) return value.toISOString();
	if (value instanceof Uint8Array) return `(${value.byteLength} bytes)`;
	if (value !== null && typeof value === 'object') {
		const json = (value as { toJSON?: () => unknown }).toJSON?.() ?? value;
		return JSON.stringify(json, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
	}
	return value;
}

/** json_serialize_sql lives in DuckDB's json extension, which some DuckDB-WASM builds leave out. */
let parserAvailable = true;

async function checkWithParser(conn: AsyncDuckDBConnection, sql: string): Promise<void> {
	if (!parserAvailable) return;
	let tree: string;
	try {
		tree = String((await conn.query(parseCheckSql(sql))).toArray()[0]?.toJSON().tree ?? '');
	} catch {
		// Without it, the lexical gate and the locked engine still stand.
		parserAvailable = false;
		return;
	}
	const parsed = JSON.parse(tree) as { error: boolean; error_message?: string; error_type?: string; statements?: unknown[] };
	if (parsed.error) {
		if (parsed.error_type === 'not implemented') throw new ConsoleError('This console is read-only: only SELECT and WITH queries run.');
		throw new ConsoleError(`The query could not be read: ${parsed.error_message ?? 'syntax error'}.`);
	}
	if ((parsed.statements?.length ?? 0) !== 1) throw new ConsoleError('Run one statement at a time.');
}

export async function runConsoleQuery(input: string, options: { rowCap?: number; timeLimitMs?: number } = {}): Promise<ConsoleResult> {
	const rowCap = options.rowCap ?? ROW_CAP;
	const timeLimitMs = options.timeLimitMs ?? TIME_LIMIT_MS;
	const check = checkConsoleSql(input);
	if (!check.ok) throw new ConsoleError(check.message);
	const conn = await connection();
	await checkWithParser(conn, check.sql);
	try {
		// Preparing parses and binds without running, so syntax and name errors describe the reader's own text.
		await (await conn.prepare(check.sql)).close();
	} catch (error) {
		throw new ConsoleError(readableError(error instanceof Error ? error.message : String(error), true));
	}

	const started = performance.now();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => {
			conn.cancelSent().catch(() => {});
			reject(new ConsoleError(`The query was stopped after ${timeLimitMs / 1000} seconds, the console's time limit. Narrow it with WHERE or LIMIT.`));
		}, timeLimitMs);
	});
	const run = (async () => {
		const reader = await conn.send(cappedSql(check.sql, rowCap), true);
		const describe = (schema: { fields: { name: string; type: unknown }[] }) => schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));
		let columns: ConsoleResult['columns'] | undefined;
		const rows: unknown[][] = [];
		for await (const batch of reader) {
			columns ??= describe(batch.schema);
			for (const row of batch) {
				const values = row.toArray() as unknown[];
				rows.push(values.map((value, i) => plainCell(value, columns![i]?.type ?? '')));
			}
		}
		return { columns: columns ?? (reader.schema ? describe(reader.schema) : []), rows };
	})();
	try {
		const { columns, rows } = await Promise.race([run, timeout]);
		return { columns, rows: rows.slice(0, rowCap), truncated: rows.length > rowCap, elapsedMs: performance.now() - started };
	} catch (error) {
		if (error instanceof ConsoleError) throw error;
		throw new ConsoleError(readableError(error instanceof Error ? error.message : String(error)));
	} finally {
		clearTimeout(timer);
		run.catch(() => {});
	}
}
