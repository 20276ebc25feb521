/** The method text of a derived indicator, for a CSV header: fetched only when someone downloads. */
import { fetchCatalogue } from '$lib/data/browser-db.svelte.ts';

export async function methodOf(indicatorId: string): Promise<string> {
	try {
		return (await fetchCatalogue()).indicators.find((i) => i.id === indicatorId)?.method ?? '';
	} catch {
		return 'see the methods page of the site';
	}
}
