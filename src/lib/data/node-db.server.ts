/** The query layer on DuckDB for Node: used at build time so every page prerenders with its figures. */
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Database, type SqlEngine } from './db.ts';
import type { Catalogue } from './types.ts';

export function nodeEngine(dataDir: string): SqlEngine {
	const connection = DuckDBInstance.create(':memory:').then((db) => db.connect());
	return {
		async run(sql) {
			const result = await (await connection).runAndReadAll(sql);
			return result.getRowObjectsJS() as Record<string, unknown>[];
		},
		async readable(file) {
			return resolve(dataDir, file);
		}
	};
}

export function readCatalogue(dataDir: string): Catalogue {
	return JSON.parse(readFileSync(resolve(dataDir, 'indicators.json'), 'utf8')) as Catalogue;
}

let shared: Database | undefined;

/** One database for the whole build, over the committed data/ folder. */
export function buildTimeDatabase(dataDir = resolve('data')): Database {
	shared ??= new Database(nodeEngine(dataDir), readCatalogue(dataDir));
	return shared;
}
