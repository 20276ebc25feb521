import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../scripts/lib/csv.ts';
import { buildTimeDatabase } from './node-db.server.ts';
import { fixtureDatabase } from './testing-db.server.ts';
import { getEthnicGroups, getSegregation, groupExpression, type CensusYear, type SegregationUnit } from './segregation-sql.ts';

const fixtures = fixtureDatabase(resolve('src/lib/data/fixtures'));
const half = (terms: number[]) => 100 * 0.5 * terms.reduce((s, t) => s + Math.abs(t), 0);

describe('Index of Dissimilarity in SQL, on a hand-checked fixture', () => {
	it('gives the city-wide index, ward parts and within-ward index over LSOAs', async () => {
		const groups = await getEthnicGroups(fixtures);
		const rows = await getSegregation(fixtures, groups, { year: 2021, unit: 'LSOA', a: 'white', b: 'nonwhite' });
		// White 80, 70, 20, 100 (A = 270); non-White 20, 30, 80, 0 (B = 130).
		const citywide = half([80 / 270 - 20 / 130, 70 / 270 - 30 / 130, 20 / 270 - 80 / 130, 100 / 270 - 0]);
		expect(rows.map((r) => r.ward_code)).toEqual(['W1', 'W2']);
		expect(rows[0].citywide).toBeCloseTo(citywide, 12);
		expect(rows[0].citywide.toFixed(2)).toBe('54.13');
		expect(rows[0].contribution).toBeCloseTo(half([80 / 270 - 20 / 130, 70 / 270 - 30 / 130]), 12);
		expect(rows[0].contribution + rows[1].contribution).toBeCloseTo(citywide, 12);
		// Inside W1: white 80, 70 (150); non-White 20, 30 (50). Inside W2: white 20, 100; non-White 80, 0.
		expect(rows[0].within).toBeCloseTo(half([80 / 150 - 20 / 50, 70 / 150 - 30 / 50]), 12);
		expect(rows[1].within!.toFixed(2)).toBe('83.33');
		expect(rows.map((r) => [r.a_count, r.b_count, r.n_units])).toEqual([
			[150, 50, 2],
			[120, 80, 2]
		]);
		expect([rows[0].a_total, rows[0].b_total, rows[0].city_units]).toEqual([270, 130, 4]);
	});

	it('at ward level gives each ward its term and no within-ward index', async () => {
		const groups = await getEthnicGroups(fixtures);
		const rows = await getSegregation(fixtures, groups, { year: 2021, unit: 'ward', a: 'white', b: 'nonwhite' });
		expect(rows[0].citywide).toBeCloseTo(half([150 / 270 - 50 / 130, 120 / 270 - 80 / 130]), 12);
		expect(rows[0].contribution.toFixed(3)).toBe('8.547');
		expect(rows.every((r) => r.within === null)).toBe(true);
	});

	it('groups Output Areas into LSOAs and rebuilds combined groups from their formula', async () => {
		const groups = await getEthnicGroups(fixtures);
		const byOa = await getSegregation(fixtures, groups, { year: 2011, unit: 'OA', a: 'all_white', b: 'black' });
		const byLsoa = await getSegregation(fixtures, groups, { year: 2011, unit: 'LSOA', a: 'white', b: 'black' });
		expect(byOa[0].n_units).toBe(3);
		expect(byLsoa[0].n_units).toBe(2);
		// O1 and O2 split L1 in equal halves, so the index is the same at both units. Black: 5, 5, 0 | 20, 0 (B = 30).
		const expected = half([40 / 270 - 5 / 30, 40 / 270 - 5 / 30, 70 / 270 - 0, 20 / 270 - 20 / 30, 100 / 270 - 0]);
		expect(byOa[0].citywide).toBeCloseTo(expected, 12);
		expect(byLsoa[0].citywide).toBeCloseTo(expected, 12);
		// W1 has no Black residents outside L1, W2 only in L3.
		expect(byOa[1].within).toBeCloseTo(half([20 / 120 - 1, 100 / 120 - 0]), 12);
	});

	it('gives no index when a group has no members in a ward', async () => {
		const groups = await getEthnicGroups(fixtures);
		const rows = await getSegregation(fixtures, groups, { year: 2011, unit: 'OA', a: 'white', b: 'black' });
		expect(rows.every((r) => r.within !== null)).toBe(true);
		const noBlack = await getSegregation(fixtures, [...groups, { year: 2011, group_id: 'none', label: '', broad: null, kind: 'combined', definition: 'black - black' }], {
			year: 2011,
			unit: 'OA',
			a: 'white',
			b: 'none'
		});
		expect(noBlack).toEqual([]);
	});

	it('rejects anything in a formula that is not a count column', () => {
		const columns = new Set(['asian', 'black']);
		expect(groupExpression({ group_id: 'x', kind: 'combined', definition: 'asian + black' }, columns)).toContain('"asian"');
		expect(() => groupExpression({ group_id: 'x', kind: 'combined', definition: 'asian; DROP TABLE wards' }, columns)).toThrow(/not a count column/);
		expect(() => groupExpression({ group_id: 'chinese', kind: 'count', definition: null }, columns)).toThrow(/no count column/);
	});
});

describe('Index of Dissimilarity in SQL, against every published figure', () => {
	const db = buildTimeDatabase();
	const citywide = parseCsv(readFileSync('data/segregation_citywide.csv', 'utf8'), 'segregation_citywide.csv');
	const wards = parseCsv(readFileSync('data/segregation.csv', 'utf8'), 'segregation.csv').filter((r) => r.area_type === 'ward');
	const cell = (value: number | null, decimals: number) => (value === null ? '' : value.toFixed(decimals));

	it(`reproduces all ${citywide.length} city-wide indices at two decimals`, async () => {
		const groups = await getEthnicGroups(db);
		expect(citywide.length).toBeGreaterThan(90);
		for (const row of citywide) {
			const [computed] = await getSegregation(db, groups, { year: Number(row.year) as CensusYear, unit: row.unit as SegregationUnit, a: row.group_a, b: row.group_b });
			expect(`${row.year} ${row.group_a}/${row.group_b} ${row.unit}: ${cell(computed?.citywide ?? null, 2)}`).toBe(`${row.year} ${row.group_a}/${row.group_b} ${row.unit}: ${row.index}`);
		}
	});

	it('reproduces every ward contribution (ward unit, 3 decimals) and within-ward index (OA 2011, LSOA 2021, 2 decimals)', async () => {
		const groups = await getEthnicGroups(db);
		const pairs = [...new Map(citywide.map((r) => [`${r.year} ${r.group_a} ${r.group_b}`, r])).values()];
		let checked = 0;
		for (const pair of pairs) {
			const prefix = pair.year === '2011' ? 'seg11' : 'seg21';
			const contribution = `${prefix}_contrib_${pair.group_a}_${pair.group_b}`;
			const within = `${prefix}_within_${pair.group_a}_${pair.group_b}`;
			if (!(contribution in wards[0])) continue;
			const year = Number(pair.year) as CensusYear;
			const choice = { year, a: pair.group_a, b: pair.group_b };
			const byWard = new Map((await getSegregation(db, groups, { ...choice, unit: 'ward' })).map((r) => [r.ward_code, r]));
			const bySmall = new Map((await getSegregation(db, groups, { ...choice, unit: year === 2011 ? 'OA' : 'LSOA' })).map((r) => [r.ward_code, r]));
			for (const ward of wards) {
				expect(`${ward.area_code} ${contribution} ${cell(byWard.get(ward.area_code)?.contribution ?? null, 3)}`).toBe(`${ward.area_code} ${contribution} ${ward[contribution]}`);
				expect(`${ward.area_code} ${within} ${cell(bySmall.get(ward.area_code)?.within ?? null, 2)}`).toBe(`${ward.area_code} ${within} ${ward[within]}`);
				checked += 2;
			}
		}
		// Every published contribution and within-ward column was checked, for every ward.
		expect(checked).toBe(2 * wards.length * Object.keys(wards[0]).filter((c) => c.includes('_contrib_')).length);
		expect(wards.length).toBe(69);
	});
});
