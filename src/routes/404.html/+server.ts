import { base } from '$app/paths';
import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { getWards } from '$lib/data/queries.ts';
import { notFoundPage } from '$lib/views/not-found-page.server.ts';

export const prerender = true;

/** Prerendered to build/404.html, which static hosts serve for unknown addresses. */
export async function GET() {
	return new Response(notFoundPage(base, await getWards(buildTimeDatabase())), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
