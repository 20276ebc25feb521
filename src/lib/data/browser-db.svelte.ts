/**
 * The query layer on DuckDB-WASM. Nothing here runs before the first paint: pages render from prerendered
 * figures and call startBrowserDatabase() once the reader is reading (on idle) or asks for something that
 * needs it. The wasm and worker are served from the site itself; no request leaves the origin.
 */
import { base } from '$app/paths';
import { Database, type SqlEngine } from './db.ts';
import type { Catalogue } from './types.ts';

export type DuckdbPhase = 'idle' | 'downloading' | 'starting' | 'ready' | 'failed';

/** Reactive status for the progress indicator and the "waiting for DuckDB" notice. */
export const duckdbStatus = $state({
	phase: 'idle' as DuckdbPhase,
	bytesLoaded: 0,
	bytesTotal: 0,
	error: '',
	bundle: ''
});

export function dataUrl(file: string): string {
	return `${base}/data/${file}`;
}

/** Fetches a published file, failing with a message that names it. */
export async function fetchDataFile(file: string): Promise<Response> {
	let response: Response;
	try {
		response = await fetch(dataUrl(file));
	} catch {
		throw new Error(`Could not download ${file}: the network request failed.`);
	}
	if (!response.ok) throw new Error(`Could not download ${file}: the server answered ${response.status}.`);
	return response;
}

let catalogueRequest: Promise<Catalogue> | undefined;

/** indicators.json, fetched once per visit. */
export function fetchCatalogue(): Promise<Catalogue> {
	catalogueRequest ??= requestCatalogue();
	catalogueRequest.catch(() => (catalogueRequest = undefined));
	return catalogueRequest;
}

async function requestCatalogue(): Promise<Catalogue> {
	const response = await fetchDataFile('indicators.json');
	try {
		const catalogue = (await response.json()) as Catalogue;
		if (!Array.isArray(catalogue.indicators)) throw new Error('no indicators list');
		return catalogue;
	} catch (e) {
		throw new Error(`indicators.json is damaged (${(e as Error).message}).`);
	}
}

let starting: Promise<Database> | undefined;
let instance: import('@duckdb/duckdb-wasm').AsyncDuckDB | undefined;

/**
 * A connection of its own on the running DuckDB-WASM (same tables), for work that must be cancellable without
 * touching the pages' queries, such as the SQL console.
 */
export async function openBrowserConnection() {
	await startBrowserDatabase();
	return instance!.connect();
}

export function startBrowserDatabase(): Promise<Database> {
	starting ??= start().catch((error: unknown) => {
		duckdbStatus.phase = 'failed';
		duckdbStatus.error = describeFailure(error);
		throw error;
	});
	return starting;
}

function describeFailure(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	if (/memory/i.test(message)) return 'the browser ran out of memory starting DuckDB';
	if (typeof WebAssembly === 'undefined') return 'this browser does not support WebAssembly';
	return message;
}

async function downloadWithProgress(url: string): Promise<Blob> {
	let response: Response;
	try {
		response = await fetch(url);
	} catch {
		throw new Error('the database engine (WebAssembly) could not be downloaded');
	}
	if (!response.ok || !response.body) throw new Error(`the database engine could not be downloaded (server answered ${response.status})`);
	// A compressed response's Content-Length counts compressed bytes while the stream yields uncompressed
	// ones, so the total is only known for an uncompressed response.
	duckdbStatus.bytesTotal = response.headers.get('Content-Encoding') ? 0 : Number(response.headers.get('Content-Length') ?? 0);
	const reader = response.body.getReader();
	const chunks: Uint8Array[] = [];
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		duckdbStatus.bytesLoaded += value.byteLength;
	}
	return new Blob(chunks as BlobPart[], { type: 'application/wasm' });
}

// Compiling the wasm takes seconds even on a slow phone. DuckDB never reports a worker that cannot compile it
// (e.g. a host's CSP without 'wasm-unsafe-eval' on the worker script): it just waits, so we stop waiting.
const INSTANTIATE_TIMEOUT_MS = 60_000;

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
	let timer: ReturnType<typeof setTimeout>;
	const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function start(): Promise<Database> {
	if (typeof WebAssembly === 'undefined' || typeof Worker === 'undefined') {
		throw new Error('this browser cannot run DuckDB (no WebAssembly or Web Workers)');
	}
	duckdbStatus.phase = 'downloading';
	const [duckdb, mvpWasm, mvpWorker, ehWasm, ehWorker] = await Promise.all([
		import('@duckdb/duckdb-wasm'),
		import('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url').then((m) => m.default),
		import('@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url').then((m) => m.default),
		import('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url').then((m) => m.default),
		import('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url').then((m) => m.default)
	]);
	// selectBundle picks eh where the browser has WebAssembly exceptions, else mvp.
	const bundle = await duckdb.selectBundle({
		mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
		eh: { mainModule: ehWasm, mainWorker: ehWorker }
	});
	duckdbStatus.bundle = bundle.mainModule === ehWasm ? 'eh' : 'mvp';
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	instance = db;
	// We download the wasm ourselves: DuckDB's own loader hangs rather than failing when the file is
	// blocked, and this way the progress bar counts real bytes.
	const wasmUrl = URL.createObjectURL(await downloadWithProgress(bundle.mainModule));
	try {
		await withTimeout(
			db.instantiate(wasmUrl, bundle.pthreadWorker),
			INSTANTIATE_TIMEOUT_MS,
			'the database engine did not start; the host’s security policy may forbid WebAssembly in its worker'
		);
	} finally {
		URL.revokeObjectURL(wasmUrl);
	}
	duckdbStatus.phase = 'starting';
	// Decimals arrive as doubles, like every other number the pages read.
	await db.open({ query: { castDecimalToDouble: true } });
	const connection = await db.connect();
	// DuckDB-WASM would fetch extensions from its own host on first use; this site reads CSV only.
	await connection.query('SET autoinstall_known_extensions = false');
	await connection.query('SET autoload_known_extensions = false');
	const catalogue = await fetchCatalogue();
	const engine: SqlEngine = {
		async run(sql) {
			const table = await connection.query(sql);
			return table.toArray().map((row) => row.toJSON() as Record<string, unknown>);
		},
		async readable(file) {
			const text = await (await fetchDataFile(file)).text();
			await db.registerFileText(file, text);
			return file;
		}
	};
	const database = new Database(engine, catalogue);
	await database.firstQuery();
	// Read by the benchmark (bench/): when DuckDB answered its first query.
	performance.mark('duckdb-first-query');
	duckdbStatus.phase = 'ready';
	return database;
}
