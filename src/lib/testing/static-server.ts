/** A plain static file server over build/, as any static host would serve the site. For tests and the bench. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

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

export interface StaticServer {
	origin: string;
	close(): Promise<void>;
}

export async function serveDirectory(root: string, port = 0, basePath = ''): Promise<StaticServer> {
	const rootDir = resolve(root);
	const server: Server = createServer((req, res) => {
		let path = decodeURIComponent((req.url ?? '/').split('?')[0]);
		if (basePath && path.startsWith(basePath)) path = path.slice(basePath.length) || '/';
		let file = normalize(join(rootDir, path));
		if (file !== rootDir && !file.startsWith(rootDir + sep)) {
			res.writeHead(403).end();
			return;
		}
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
		if (!existsSync(file)) {
			const notFound = join(rootDir, '404.html');
			res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
			if (existsSync(notFound)) createReadStream(notFound).pipe(res);
			else res.end('Not found');
			return;
		}
		res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': statSync(file).size });
		createReadStream(file).pipe(res);
	});
	await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	return {
		origin: `http://127.0.0.1:${actualPort}`,
		close: () => new Promise((done) => server.close(() => done()))
	};
}
