import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { EXAMPLE_QUERIES, getSchema, loadEveryTable } from '$lib/data/console-schema.ts';
import { TABLE_FILES } from '$lib/data/sql.ts';
import { PUBLISHED_FILES } from '$lib/data/published-files.ts';

const VIEW_NOTES: Record<string, string> = {
	ward_values: 'Every indicator for every ward, one row each, with its rank (1 = highest value) among the wards that have a value.',
	indicator_values: 'Every indicator for every area in the published files (wards, Birmingham, England), one row each.',
	benchmarks: 'The Birmingham and England figure for each indicator.'
};

export async function load() {
	const db = buildTimeDatabase();
	await loadEveryTable(db);
	const notes: Record<string, string> = { ...VIEW_NOTES };
	for (const [table, file] of Object.entries(TABLE_FILES)) notes[table] = PUBLISHED_FILES[file] ?? '';
	return { schema: await getSchema(db), notes, examples: EXAMPLE_QUERIES };
}
