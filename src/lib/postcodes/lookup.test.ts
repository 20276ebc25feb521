import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalisePostcode as pipelineNormalise } from '../../../scripts/postcodes.ts';
import { parseCsv } from '../../../scripts/lib/csv.ts';
import { answerText, isPostcodeShard, type PostcodeShard } from './lookup.ts';
import { normalisePostcode } from './normalise.ts';

const shardFiles = readdirSync('data/postcodes').filter((f) => /^[A-Z0-9]+\.json$/.test(f) && f !== 'index.json');
const shards = new Map(shardFiles.map((f) => [f.replace('.json', ''), JSON.parse(readFileSync(`data/postcodes/${f}`, 'utf8')) as PostcodeShard]));
const index = JSON.parse(readFileSync('data/postcodes/index.json', 'utf8')) as {
	outward: Record<string, { total: number; no_location: number; wards: Record<string, number>; outside: Record<string, number> }>;
};
const wardName = new Map(parseCsv(readFileSync('data/wards.csv', 'utf8'), 'wards.csv').map((w) => [w.code, w.name]));
const shardFor = (outward: string) => shards.get(outward) ?? null;
const answer = (text: string) => answerText(text, shardFor);

/** Real postcodes picked from the published shards, so the test follows the data. */
const firstWhere = <T>(pick: (shard: PostcodeShard) => T | undefined): T => {
	for (const shard of shards.values()) {
		const found = pick(shard);
		if (found !== undefined) return found;
	}
	throw new Error('no postcode in the shards fits');
};

describe('postcode lookup against the published shards', () => {
	it('has a well-formed shard for every outward code in the index', () => {
		expect(shards.size).toBe(Object.keys(index.outward).length);
		for (const [outward, shard] of shards) {
			expect(isPostcodeShard(shard), outward).toBe(true);
			expect(shard.outward).toBe(outward);
		}
	});

	it('agrees with the pipeline: every published postcode reads back as itself', () => {
		let checked = 0;
		for (const shard of shards.values()) {
			for (const postcode of [...Object.keys(shard.wards), ...Object.keys(shard.outside), ...shard.no_location]) {
				if (normalisePostcode(postcode) !== postcode) throw new Error(`${postcode} does not read back as itself`);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(60_000);
	});

	it('agrees with the pipeline on typed variants, and is more forgiving only of punctuation', () => {
		const inputs = ['b15 2tt', 'B152TT', '  B15   2TT ', 'sw1a1aa', 'GIR 0AA', 'gir0aa', 'B15 2T', '15 2TT', 'B15-2TT', 'B15.2TT', 'BBB1 2TT', 'B15 2TTT', '', 'B1 1AA', 'M11AE', 'B15\t2TT'];
		for (const input of inputs) {
			const ours = normalisePostcode(input);
			const theirs = pipelineNormalise(input);
			if (theirs !== null) expect(ours, input).toBe(theirs);
			else if (ours !== null) expect(input, `only punctuation may differ: ${input}`).toMatch(/[-.]/);
		}
	});

	it('takes a postcode typed in any form straight to its ward', () => {
		const [postcode, code] = Object.entries(shards.get('B15')!.wards)[0];
		for (const typed of [postcode, postcode.toLowerCase(), postcode.replace(' ', ''), `  ${postcode.replace(' ', '   ')} `]) {
			expect(answer(typed)).toEqual({ kind: 'ward', postcode, code });
		}
		expect(wardName.has(code)).toBe(true);
	});

	it('places the University of Birmingham (B15 2TT) in Edgbaston, as the shard says', () => {
		const code = shards.get('B15')!.wards['B15 2TT'];
		expect(answer('b152tt')).toEqual({ kind: 'ward', postcode: 'B15 2TT', code });
	});

	it('names the district of a postcode outside Birmingham', () => {
		const solihull = firstWhere((s) => Object.entries(s.outside).find(([, d]) => d === 'Solihull'));
		expect(answer(solihull[0])).toEqual({ kind: 'outside', postcode: solihull[0], district: 'Solihull' });
		const beyond = firstWhere((s) => Object.entries(s.outside).find(([, d]) => d === ''));
		expect(answer(beyond[0])).toEqual({ kind: 'outside', postcode: beyond[0], district: '' });
	});

	it('says when a postcode has no location, or is not in the lookup at all', () => {
		const noLocation = firstWhere((s) => s.no_location[0]);
		expect(answer(noLocation)).toEqual({ kind: 'no_location', postcode: noLocation });
		const unknown = ['B15 9ZZ', 'B15 9ZY', 'B15 9YY'].find((p) => !(p in shards.get('B15')!.wards) && !(p in shards.get('B15')!.outside));
		expect(answer(unknown!)).toEqual({ kind: 'unknown', postcode: unknown });
		// B41 is not a postcode district, so it has no shard.
		expect(shards.has('B41')).toBe(false);
		expect(answer('B41 1AA')).toEqual({ kind: 'unknown', postcode: 'B41 1AA' });
	});

	it('says a postcode from outside the B area is not covered, without fetching anything', () => {
		const asked: string[] = [];
		const result = answerText('SW1A 1AA', (o) => (asked.push(o), null));
		expect(result).toEqual({ kind: 'not_covered', label: 'SW1A 1AA' });
		expect(answerText('CV1', (o) => (asked.push(o), null))).toEqual({ kind: 'not_covered', label: 'CV1' });
		expect(asked).toEqual([]);
	});

	it('lists the wards a postcode district covers, with the same counts as the published index', () => {
		for (const outward of ['B15', 'B1', 'B36', 'B37', 'B43']) {
			const result = answer(outward.toLowerCase());
			const expected = index.outward[outward];
			expect(result.kind).toBe('area');
			if (result.kind !== 'area') continue;
			expect(Object.fromEntries(result.wards.map((w) => [w.code, w.postcodes]))).toEqual(expected.wards);
			expect(result.total).toBe(expected.total);
			expect(result.noLocation).toBe(expected.no_location);
			const outsideNames = Object.fromEntries(Object.entries(expected.outside).map(([name, n]) => [name || 'other council areas', n]));
			expect(Object.fromEntries(result.outside.map((d) => [d.name, d.postcodes]))).toEqual(outsideNames);
			// Most postcodes first.
			expect(result.wards.map((w) => w.postcodes)).toEqual([...result.wards.map((w) => w.postcodes)].sort((a, b) => b - a));
		}
	});

	it('lists a district wholly outside Birmingham with no wards', () => {
		const [outsideOnly, entry] = Object.entries(index.outward).find(([, v]) => Object.keys(v.wards).length === 0 && v.outside.Sandwell)!;
		const largest = Object.entries(entry.outside).sort((a, b) => b[1] - a[1])[0][0];
		const result = answer(outsideOnly);
		expect(result.kind === 'area' && result.wards).toEqual([]);
		expect(result.kind === 'area' && result.outside[0].name).toBe(largest);
	});

	it('lists the wards of a postcode sector, counting only that sector', () => {
		const result = answer('B15 2');
		const sectorPostcodes = Object.keys(shards.get('B15')!.wards).filter((p) => p.startsWith('B15 2'));
		expect(result.kind === 'area' && result.wards.reduce((n, w) => n + w.postcodes, 0)).toBe(sectorPostcodes.length);
		expect(answer('B15 0')).toEqual({ kind: 'no_area', label: 'B15 0' });
		expect(answer('B41')).toEqual({ kind: 'no_area', label: 'B41' });
	});

	it('explains malformed input instead of looking it up', () => {
		for (const typed of ['B15 2T', '<b>hi</b>', '12345', 'B15 2TTT']) expect(answer(typed).kind, typed).toBe('invalid');
		expect(answer('').kind).toBe('invalid');
	});

	it('can check the pipeline’s shards against the raw file when it is present', () => {
		const raw = '../shared/data/raw/geography/postcodes/NSPL_MAY_2025_B_area_postcode_latlong.csv';
		if (!existsSync(raw)) return;
		const rows = readFileSync(raw, 'utf8').trim().split('\n').length - 1;
		const total = Object.values(index.outward).reduce((n, v) => n + v.total, 0);
		expect(total).toBe(rows);
	});
});
