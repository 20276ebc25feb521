/** A plain static file server over build/, as any static host would serve the site. For tests and the bench. */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.geojson': 'application/geo+json',
	'.csv': 'text/csv; charset=utf-8',
	'.md': 'text/markdown; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.txt': 'text/plain; charset=utf-8'
};

/** What common static hosts (GitHub Pages, Netlify, Cloudflare) gzip. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.csv', '.md', '.svg', '.wasm', '.txt']);

export interface StaticServer {
	origin: string;
	close(): Promise<void>;
}

export interface ServeOptions {
	/** gzip text and wasm when the browser accepts it, as real hosts do (the benchmark needs honest byte counts). */
	gzip?: boolean;
	/** Extra response headers for a path, e.g. the headers the README asks a host to send. */
	headers?: (path: string) => Record<string, string>;
}

export async function serveDirectory(root: string, port = 0, basePath = '', options: ServeOptions = {}): Promise<StaticServer> {
	const rootDir = resolve(root);
	const gzipped = new Map<string, Buffer>();
	const server: Server = createServer((req, res) => {
		let path = decodeURIComponent((req.url ?? '/').split('?')[0]);
		if (basePath && path.startsWith(basePath)) path = path.slice(basePath.length) || '/';
		const extra = options.headers?.(path) ?? {};
		let file = normalize(join(rootDir, path));
		if (file !== rootDir && !file.startsWith(rootDir + sep)) {
			res.writeHead(403).end();
			return;
		}
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
		if (!existsSync(file)) {
			const notFound = join(rootDir, '404.html');
			res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', ...extra });
			if (existsSync(notFound)) createReadStream(notFound).pipe(res);
			else res.end('Not found');
			return;
		}
		const type = TYPES[extname(file)] ?? 'application/octet-stream';
		if (options.gzip && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
			if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(file)));
			const body = gzipped.get(file)!;
			res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', 'Content-Length': body.length, Vary: 'Accept-Encoding', ...extra });
			res.end(body);
			return;
		}
		res.writeHead(200, { 'Content-Type': type, 'Content-Length': statSync(file).size, ...extra });
		createReadStream(file).pipe(res);
	});
	await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	return {
		origin: `http://127.0.0.1:${actualPort}`,
		close: () =>
			new Promise((done) => {
				server.closeAllConnections();
				server.close(() => done());
			})
	};
}
