import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { PUBLISHED_FILES } from '$lib/data/published-files.ts';

export function load() {
	const files = Object.entries(PUBLISHED_FILES).map(([file, description]) => {
		const path = resolve('data', file);
		const isCsv = file.endsWith('.csv');
		const columns = isCsv ? readFileSync(path, 'utf8').split('\n', 1)[0].split(',') : [];
		const bytes = file.endsWith('/') ? null : statSync(path).size;
		return { file, description, columns, bytes };
	});
	return { files };
}
