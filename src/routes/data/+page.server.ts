import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { PUBLISHED_FILES } from '$lib/data/published-files.ts';

export function load() {
	const files = Object.entries(PUBLISHED_FILES).map(([file, description]) => {
		const path = resolve('data', file);
		const columns = file.endsWith('.csv') ? readFileSync(path, 'utf8').split('\n', 1)[0].split(',') : [];
		const bytes = file.endsWith('/') ? null : statSync(path).size;
		return { file, description, columns, bytes };
	});
	return { files, fullSources: buildTimeDatabase().catalogue.sources };
}
