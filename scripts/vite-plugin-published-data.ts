import { createReadStream, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

const DATA_DIR = resolve('data');
const TYPES: Record<string, string> = {
	'.csv': 'text/csv; charset=utf-8',
	'.json': 'application/json',
	'.geojson': 'application/geo+json',
	'.md': 'text/markdown; charset=utf-8'
};

function listFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = join(dir, entry.name);
		return entry.isDirectory() ? listFiles(full) : [full];
	});
}

/**
 * Publishes the committed data/ folder at /data/… : served from disk in dev, copied into the client build
 * so readers can download exactly the files the site reads.
 */
export function publishedData(): Plugin {
	return {
		name: 'published-data',
		configureServer(server) {
			server.middlewares.use((req, res, next) => {
				const path = decodeURIComponent((req.url ?? '').split('?')[0]);
				const base = server.config.base.replace(/\/$/, '');
				if (!path.startsWith(`${base}/data/`)) return next();
				const file = resolve(DATA_DIR, path.slice(`${base}/data/`.length));
				if (!file.startsWith(DATA_DIR + sep)) return next();
				try {
					if (!statSync(file).isFile()) return next();
				} catch {
					return next();
				}
				res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
				createReadStream(file).pipe(res);
			});
		},
		generateBundle(options) {
			// Only the client build; the SSR build has no use for the files.
			if (this.environment?.name && this.environment.name !== 'client') return;
			if (options.format !== 'es') return;
			for (const file of listFiles(DATA_DIR)) {
				this.emitFile({ type: 'asset', fileName: `data/${relative(DATA_DIR, file).split(sep).join('/')}`, source: readFileSync(file) });
			}
		}
	};
}
