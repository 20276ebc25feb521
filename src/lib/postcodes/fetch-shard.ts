/** Fetches the one postcode shard a query needs, once per visit. Only the site's own /data/ is contacted. */
import { dataUrl } from '$lib/data/browser-db.svelte.ts';
import { isPostcodeShard, type PostcodeShard } from './lookup.ts';

const shards = new Map<string, Promise<PostcodeShard | null>>();

/** The shard for an outward code; null when the site publishes none (no such district in the data). */
export function fetchPostcodeShard(outward: string): Promise<PostcodeShard | null> {
	if (!/^[A-Z]{1,2}[0-9][A-Z0-9]?$/.test(outward)) return Promise.resolve(null);
	if (!shards.has(outward)) {
		const request = requestShard(outward);
		request.catch(() => shards.delete(outward));
		shards.set(outward, request);
	}
	return shards.get(outward)!;
}

async function requestShard(outward: string): Promise<PostcodeShard | null> {
	let response: Response;
	try {
		response = await fetch(dataUrl(`postcodes/${outward}.json`));
	} catch {
		throw new Error('The postcode list could not be downloaded. Check your connection and try again.');
	}
	if (response.status === 404) return null;
	if (!response.ok) throw new Error(`The postcode list could not be downloaded (the server answered ${response.status}). Try again.`);
	let body: unknown;
	try {
		body = await response.json();
	} catch {
		throw new Error(`The postcode list for ${outward} is damaged. Try the ward name instead.`);
	}
	const shard = { wards: {}, outside: {}, no_location: [], ...(body as object) };
	if (!isPostcodeShard(shard)) throw new Error(`The postcode list for ${outward} is damaged. Try the ward name instead.`);
	return shard;
}
