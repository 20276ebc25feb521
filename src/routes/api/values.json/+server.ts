import { json } from '@sveltejs/kit';
import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { getAllWardValues, getBenchmarks } from '$lib/data/queries.ts';
import { toMatrix } from '$lib/data/matrix.ts';

export const prerender = true;

/** Every ward value and benchmark, prerendered once and shared by every page that switches indicator. */
export async function GET() {
	const db = buildTimeDatabase();
	return json({ matrix: toMatrix(await getAllWardValues(db)), benchmarks: await getBenchmarks(db) });
}
