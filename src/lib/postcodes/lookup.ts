/**
 * Places a postcode, a postcode sector or a postcode district in Birmingham's wards from one published
 * shard (data/postcodes/<OUTWARD>.json). Pure: the caller supplies the shard, so the same code runs in the
 * browser (fetching only that shard) and in unit tests (reading it from disk).
 */
import { readPostcode, type PostcodeQuery } from './normalise.ts';

/** One published shard: every postcode of one outward code in the ONS postcode lookup. */
export interface PostcodeShard {
	outward: string;
	/** Postcode → code of the Birmingham ward whose boundary holds its point. */
	wards: Record<string, string>;
	/** Postcode → the district it falls in outside Birmingham ("" when not known). */
	outside: Record<string, string>;
	/** Postcodes the lookup lists without coordinates (often PO boxes or large users). */
	no_location: string[];
}

/** The areas this site holds postcodes for: Birmingham postcodes all start with B. */
export const COVERED_AREAS = ['B'];

export interface WardShare {
	code: string;
	postcodes: number;
}

export interface DistrictShare {
	name: string;
	postcodes: number;
}

export type PostcodeAnswer =
	| { kind: 'ward'; postcode: string; code: string }
	| { kind: 'outside'; postcode: string; district: string }
	| { kind: 'no_location'; postcode: string }
	| { kind: 'unknown'; postcode: string }
	/** A district ("B15") or sector ("B15 2"): the wards and outside districts its postcodes fall in. */
	| { kind: 'area'; label: string; wards: WardShare[]; outside: DistrictShare[]; noLocation: number; total: number }
	| { kind: 'no_area'; label: string }
	| { kind: 'not_covered'; label: string }
	| { kind: 'invalid'; message: string };

/** Whether a query needs a shard, and which. */
export function shardNeeded(query: PostcodeQuery): string | null {
	if (query.kind === 'postcode' || query.kind === 'sector' || query.kind === 'outward') return COVERED_AREAS.includes(query.area) ? query.outward : null;
	return null;
}

/** Answers a query from its shard; `shard` is null when no shard exists for the outward code. */
export function answerQuery(query: PostcodeQuery, shard: PostcodeShard | null): PostcodeAnswer {
	if (query.kind === 'empty') return { kind: 'invalid', message: 'Type a postcode, such as B15 2TT, or the name of a ward.' };
	if (query.kind === 'invalid') return { kind: 'invalid', message: query.message };
	const label = query.kind === 'postcode' ? query.postcode : query.kind === 'sector' ? query.sector : query.outward;
	if (!COVERED_AREAS.includes(query.area)) return { kind: 'not_covered', label };
	if (query.kind === 'postcode') {
		if (!shard) return { kind: 'unknown', postcode: query.postcode };
		const ward = shard.wards[query.postcode];
		if (ward) return { kind: 'ward', postcode: query.postcode, code: ward };
		if (query.postcode in shard.outside) return { kind: 'outside', postcode: query.postcode, district: shard.outside[query.postcode] };
		if (shard.no_location.includes(query.postcode)) return { kind: 'no_location', postcode: query.postcode };
		return { kind: 'unknown', postcode: query.postcode };
	}
	if (!shard) return { kind: 'no_area', label };
	const prefix = query.kind === 'sector' ? `${query.sector}` : `${query.outward} `;
	const inArea = (postcode: string) => postcode.startsWith(prefix) && postcode.length === prefix.length + (query.kind === 'sector' ? 2 : 3);
	const wardCounts = tally(Object.entries(shard.wards).filter(([p]) => inArea(p)).map(([, code]) => code));
	const outsideCounts = tally(
		Object.entries(shard.outside)
			.filter(([p]) => inArea(p))
			.map(([, district]) => district || 'other council areas')
	);
	const noLocation = shard.no_location.filter(inArea).length;
	const wards = [...wardCounts].map(([code, postcodes]) => ({ code, postcodes })).sort(byCountThen((w) => w.code));
	const outside = [...outsideCounts].map(([name, postcodes]) => ({ name, postcodes })).sort(byCountThen((d) => d.name));
	const total = wards.reduce((sum, w) => sum + w.postcodes, 0) + outside.reduce((sum, d) => sum + d.postcodes, 0) + noLocation;
	if (total === 0) return { kind: 'no_area', label };
	return { kind: 'area', label, wards, outside, noLocation, total };
}

/** Convenience for tests and callers holding text: read, then answer. */
export function answerText(input: string, shardFor: (outward: string) => PostcodeShard | null): PostcodeAnswer {
	const query = readPostcode(input);
	const outward = shardNeeded(query);
	return answerQuery(query, outward ? shardFor(outward) : null);
}

function tally(keys: string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
	return counts;
}

const byCountThen =
	<T extends { postcodes: number }>(name: (item: T) => string) =>
	(a: T, b: T) =>
		b.postcodes - a.postcodes || name(a).localeCompare(name(b));

/** Checks a fetched shard has the published shape, so a damaged file gives a message rather than a crash. */
export function isPostcodeShard(value: unknown): value is PostcodeShard {
	const shard = value as PostcodeShard;
	return (
		typeof shard === 'object' &&
		shard !== null &&
		typeof shard.wards === 'object' &&
		shard.wards !== null &&
		typeof shard.outside === 'object' &&
		shard.outside !== null &&
		Array.isArray(shard.no_location)
	);
}
