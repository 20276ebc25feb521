import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../scripts/lib/csv.ts';
import { findWard, readWardList } from './ward-choice.ts';

const wards = parseCsv(readFileSync('data/wards.csv', 'utf8'), 'wards.csv').map((w) => ({ code: w.code, name: w.name, slug: w.slug }));
const named = (name: string) => wards.find((w) => w.name === name)!;

describe('wards chosen in the URL', () => {
	it('accepts codes and slugs, drops duplicates and names what it did not recognise', () => {
		const ladywood = named('Ladywood');
		const result = readWardList(`${ladywood.code},${named('Heartlands').slug},ladywood,<b>nowhere</b>`, wards);
		expect(result.codes).toEqual([ladywood.code, named('Heartlands').code]);
		expect(result.problems[0]).toContain('“<b>nowhere</b>”');
	});

	it('keeps at most six wards and says so', () => {
		const result = readWardList(wards.slice(0, 8).map((w) => w.code).join(','), wards);
		expect(result.codes).toHaveLength(6);
		expect(result.problems.join(' ')).toMatch(/At most 6/);
	});

	it('finds a ward by a unique part of its name, and explains an ambiguous one', () => {
		expect(findWard('ladyw', wards).ward?.code).toBe(named('Ladywood').code);
		const ambiguous = findWard('green', wards);
		expect(ambiguous.ward).toBeNull();
		expect(ambiguous.message).toMatch(/matches \d+ wards/);
		expect(findWard('Atlantis', wards).message).toMatch(/No Birmingham ward/);
	});
});
