import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { getEthnicGroups } from '$lib/data/segregation-sql.ts';
import { DEFAULT_SEGREGATION, otherYear, readSegregationChoice, shapeSegregation, writeSegregationChoice } from './segregation-view.ts';

const groups = await getEthnicGroups(buildTimeDatabase(resolve('data')));

describe('segregation URL state', () => {
	it('round-trips a choice', () => {
		const choice = { year: 2011 as const, a: 'white_british', b: 'pakistani', unit: 'OA' as const, measure: 'contribution' as const };
		expect(readSegregationChoice(new URLSearchParams(writeSegregationChoice(choice)), groups)).toEqual({ choice, problems: [] });
	});

	it('explains a group or unit the census does not have, and keeps the rest', () => {
		const { choice, problems } = readSegregationChoice(new URLSearchParams('year=2021&a=pakistani&unit=OA'), groups);
		expect(choice).toEqual(DEFAULT_SEGREGATION);
		expect(problems.join(' ')).toMatch(/no group “pakistani”.*5 broad groups/);
		expect(problems.join(' ')).toMatch(/not available by “OA”/);
	});

	it('does not compare a group with itself', () => {
		const { choice, problems } = readSegregationChoice(new URLSearchParams('a=nonwhite&b=nonwhite'), groups);
		expect(choice.a).not.toBe(choice.b);
		expect(problems[0]).toMatch(/must differ/);
	});
});

describe('2011 against 2021', () => {
	it('is possible for broad groups at LSOA or ward, and explained otherwise', () => {
		expect(otherYear({ ...DEFAULT_SEGREGATION, year: 2011, a: 'white', b: 'asian', unit: 'LSOA' }, groups).possible).toBe(true);
		const detailed = otherYear({ ...DEFAULT_SEGREGATION, year: 2011, a: 'white_british', b: 'indian', unit: 'LSOA' }, groups);
		expect(detailed.possible).toBe(false);
		expect(detailed.reason).toMatch(/only 5 broad groups/);
		const oa = otherYear({ ...DEFAULT_SEGREGATION, year: 2011, a: 'white', b: 'black', unit: 'OA' }, groups);
		expect(oa.reason).toMatch(/not published by Output Areas/);
	});
});

describe('shaping computed rows', () => {
	it('colours, ranks and describes wards, with no index where there is none', () => {
		const row = (ward_code: string, within: number | null, contribution: number) => ({ ward_code, a_count: 1, b_count: 1, n_units: 2, contribution, within, citywide: 10, a_total: 2, b_total: 2, city_units: 4 });
		const wards = [
			{ code: 'W1', name: 'One' },
			{ code: 'W2', name: 'Two' },
			{ code: 'W3', name: 'Three' }
		];
		const shape = shapeSegregation([row('W1', 10, 1), row('W2', 30, 2), row('W3', null, 3)], 'within', wards, 'index');
		expect(shape.ranked.map((r) => r.ward_code)).toEqual(['W2', 'W1']);
		expect(shape.describe('W2')).toBe('Two: 30.00, highest of 2');
		expect(shape.describe('W3')).toMatch(/^Three: no index/);
		expect(shape.fills.W3).toBe('#e8e8e8');
	});
});
