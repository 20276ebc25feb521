import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	LA_FILE,
	WARD_FILE,
	assertWardsAddUpToDistrict,
	buildChildPoverty,
	childPovertyCsv,
	parseLaTable,
	parseWardTable,
	pickBenchmarks,
	type ChildPovertyBenchmarks,
	type WardChildPoverty
} from './child-poverty.ts';
import { parseCsv, readCsvCells } from './lib/csv.ts';
import { RawDir } from './lib/raw.ts';
import { BIRMINGHAM_WARD_CODES } from './lib/wards.ts';

const fixture = (name: string) => path.resolve(import.meta.dirname, 'fixtures/child-poverty', name);
const wardCells = () => readCsvCells(fixture('ward.csv'));
const laCells = () => readCsvCells(fixture('la.csv'));
const fixtureNames = new Map([
	['E05011118', 'Acocks Green'],
	['E05011119', 'Allens Cross'],
	['E05011120', 'Alum Rock']
]);

/** Index of a fixture record by its first cells, so edits below stay readable. */
function recordIndex(cells: string[][], areaCode: string): number {
	const i = cells.findIndex((row) => row.includes(areaCode));
	if (i < 0) throw new Error(`fixture has no ${areaCode}`);
	return i;
}

describe('parseWardTable', () => {
	it('keeps Birmingham wards, skips other districts by rule, and returns the UK row', () => {
		const { wards, uk } = parseWardTable(wardCells(), fixtureNames, 'ward.csv');
		expect(wards.map((w) => w.code)).toEqual(['E05011118', 'E05011119', 'E05011120']);
		expect(wards[0]).toEqual({ code: 'E05011118', name: 'Acocks Green', count2024: 2000, count2025: 2100, pct2024: 40, pct2025: 42 });
		expect(wards[1].pct2025).toBe(29.9);
		expect(uk).toEqual({ count2024: 3_000_000, count2025: 3_100_000, pct2024: 25, pct2025: 25.5 });
	});

	it('turns a suppression code into a missing value, never a number', () => {
		const alumRock = parseWardTable(wardCells(), fixtureNames, 'ward.csv').wards[2];
		expect(alumRock.count2025).toBeNull();
		expect(alumRock.pct2025).toBeNull();
		expect(alumRock.count2024).toBe(5000);
	});

	it('rejects a value that is neither a number nor a suppression code', () => {
		const cells = wardCells();
		cells[recordIndex(cells, 'E05011119')][6] = 'n/a';
		expect(() => parseWardTable(cells, fixtureNames, 'ward.csv')).toThrow(/ward.csv \(row \d+\): column Percentage of children FYE 2024.*"n\/a"/);
	});

	it('rejects an unexpected header', () => {
		const cells = wardCells();
		const header = recordIndex(cells, 'Ward [note 2]');
		cells[header][6] = 'Percentage of children\nFYE 2023\n(%)\n[note 3]';
		expect(() => parseWardTable(cells, fixtureNames, 'ward.csv')).toThrow(/unexpected header: expected/);
	});

	it('rejects a table of a different measure', () => {
		const cells = wardCells();
		cells[0][0] = cells[0][0].replace('After Housing Costs', 'Before Housing Costs');
		expect(() => parseWardTable(cells, fixtureNames, 'ward.csv')).toThrow(/ward.csv \(row 1\): unexpected table title.*After Housing Costs/);
	});

	it('rejects a ward name that does not match its code', () => {
		const cells = wardCells();
		cells[recordIndex(cells, 'E05011119')][2] = 'Allen Cross';
		expect(() => parseWardTable(cells, fixtureNames, 'ward.csv')).toThrow(/ward E05011119 is named "Allen Cross" but the ward lookup says "Allens Cross"/);
	});

	it('rejects a duplicate ward', () => {
		const cells = wardCells();
		cells.push([...cells[recordIndex(cells, 'E05011118')]]);
		expect(() => parseWardTable(cells, fixtureNames, 'ward.csv')).toThrow(/duplicate ward E05011118/);
	});

	it('rejects a percentage outside 0–100', () => {
		const cells = wardCells();
		cells[recordIndex(cells, 'E05011118')][7] = '142.0%';
		expect(() => parseWardTable(cells, fixtureNames, 'ward.csv')).toThrow(/Percentage of children FYE 2025 \(%\) \[note 3\] = 142 is outside the plausible range 0–100/);
	});

	it('rejects a record from an unexpected area instead of dropping it', () => {
		const cells = wardCells();
		cells.push(['Birmingham', 'E08000099', 'Nowhere', 'E05099999', '1', '1', '1.0%', '1.0%']);
		expect(() => parseWardTable(cells, fixtureNames, 'ward.csv')).toThrow(/unexpected record for district "E08000099"/);
	});
});

describe('parseLaTable and pickBenchmarks', () => {
	it('reads every area and leaves England empty when the table has no England row', () => {
		const byCode = parseLaTable(laCells(), 'la.csv');
		expect([...byCode.keys()]).toEqual(['K02000001', 'E08000025', 'E08000026', 'S12000049']);
		const benchmarks = pickBenchmarks(byCode, 'la.csv');
		expect(benchmarks.birmingham).toEqual({ count2024: 100_000, count2025: 101_000, pct2024: 40, pct2025: 41 });
		expect(benchmarks.england).toBeNull();
		expect(benchmarks.uk?.pct2025).toBe(25.5);
	});

	it('rejects a duplicate area and a missing Birmingham row', () => {
		const cells = laCells();
		cells.push([...cells[recordIndex(cells, 'E08000026')]]);
		expect(() => parseLaTable(cells, 'la.csv')).toThrow(/duplicate area E08000026/);
		const withoutBirmingham = laCells().filter((row) => !row.includes('E08000025'));
		expect(() => pickBenchmarks(parseLaTable(withoutBirmingham, 'la.csv'), 'la.csv')).toThrow(/no row for E08000025/);
	});

	it('rejects a district count beyond its plausible range', () => {
		const cells = laCells();
		cells[recordIndex(cells, 'E08000026')][2] = '2,000,000';
		expect(() => parseLaTable(cells, 'la.csv')).toThrow(/Number of children FYE 2024 = 2000000 is outside/);
	});
});

function syntheticWards(): WardChildPoverty[] {
	return BIRMINGHAM_WARD_CODES.map((code, i) => ({ code, name: `Ward ${i + 1}`, count2024: 100 + i, count2025: 200 + i, pct2024: 10 + i / 2, pct2025: 20 + i / 4 }));
}

const syntheticBenchmarks: ChildPovertyBenchmarks = {
	birmingham: { count2024: 69 * 100 + (68 * 69) / 2, count2025: 69 * 200 + (68 * 69) / 2, pct2024: 40.04, pct2025: 44.44 },
	england: null,
	uk: { count2024: 3_296_672, count2025: 3_269_339, pct2024: 26.3, pct2025: 26 }
};

describe('childPovertyCsv', () => {
	it('writes the 69 wards sorted by code, then Birmingham, an empty England row and the UK', () => {
		const text = childPovertyCsv([...syntheticWards()].reverse(), syntheticBenchmarks);
		const rows = parseCsv(text, 'child_poverty.csv');
		expect(Object.keys(rows[0])).toEqual(['area_code', 'area_name', 'area_type', 'cp_ahc_count_2024', 'cp_ahc_pct_2024', 'cp_ahc_count_2025', 'cp_ahc_pct_2025']);
		expect(rows).toHaveLength(72);
		expect(rows[0]).toMatchObject({ area_code: 'E05011118', area_type: 'ward', cp_ahc_count_2024: '100', cp_ahc_pct_2024: '10.0', cp_ahc_pct_2025: '20.0' });
		expect(rows[68]).toMatchObject({ area_code: 'E05011186', cp_ahc_pct_2024: '44.0', cp_ahc_pct_2025: '37.0' });
		expect(rows[69]).toMatchObject({ area_code: 'E08000025', area_type: 'local_authority', cp_ahc_pct_2024: '40.0', cp_ahc_pct_2025: '44.4' });
		expect(rows[70]).toEqual({ area_code: 'E92000001', area_name: 'England', area_type: 'country', cp_ahc_count_2024: '', cp_ahc_pct_2024: '', cp_ahc_count_2025: '', cp_ahc_pct_2025: '' });
		expect(rows[71]).toMatchObject({ area_code: 'K02000001', area_type: 'country', cp_ahc_count_2025: '3269339', cp_ahc_pct_2025: '26.0' });
	});

	it('writes a missing value as an empty cell, not zero', () => {
		const wards = syntheticWards();
		wards[3] = { ...wards[3], count2025: null, pct2025: null };
		const rows = parseCsv(childPovertyCsv(wards, syntheticBenchmarks), 'child_poverty.csv');
		expect(rows[3].cp_ahc_pct_2025).toBe('');
		expect(rows[3].cp_ahc_count_2025).toBe('');
	});

	it('refuses anything but exactly the 69 wards', () => {
		const wards = syntheticWards();
		expect(() => childPovertyCsv(wards.slice(1), syntheticBenchmarks)).toThrow(/missing E05011118/);
		expect(() => childPovertyCsv([...wards, wards[5]], syntheticBenchmarks)).toThrow(/duplicate ward E05011123/);
	});

	it('refuses ward counts that do not add up to the district', () => {
		const wards = syntheticWards();
		expect(() => assertWardsAddUpToDistrict(wards, syntheticBenchmarks.birmingham, 'ward.csv')).not.toThrow();
		wards[0] = { ...wards[0], count2025: 5000 };
		expect(() => assertWardsAddUpToDistrict(wards, syntheticBenchmarks.birmingham, 'ward.csv')).toThrow(/count2025: Birmingham's wards add up to 20946 but the district figure is 16146/);
	});
});

const rawDir = process.env.RAW_DIR ?? path.resolve('../shared/data/raw');

describe('real DWP files', () => {
	it.skipIf(!existsSync(rawDir))('reproduce the published Birmingham figures', () => {
		const output = buildChildPoverty(new RawDir(rawDir));
		const text = output.files['child_poverty.csv'];
		const rows = parseCsv(text, 'child_poverty.csv');
		const byCode = new Map(rows.map((r) => [r.area_code, r]));
		expect(rows).toHaveLength(72);
		expect(byCode.get('E08000025')).toMatchObject({ cp_ahc_pct_2024: '44.4', cp_ahc_pct_2025: '44.4', cp_ahc_count_2025: '115183' });
		expect(byCode.get('E05011145')).toMatchObject({ area_name: 'Heartlands', cp_ahc_pct_2025: '67.9' });
		expect(byCode.get('E05011174')).toMatchObject({ area_name: 'Sutton Four Oaks', cp_ahc_pct_2025: '7.1' });
		expect(byCode.get('E05011127')?.cp_ahc_pct_2025).toBe('67.2');
		expect(byCode.get('E05011120')?.cp_ahc_pct_2025).toBe('66.0');
		expect(byCode.get('E92000001')?.cp_ahc_pct_2025).toBe('');
		expect(byCode.get('K02000001')?.cp_ahc_pct_2025).toBe('26.0');
		const wardPcts = rows.filter((r) => r.area_type === 'ward').map((r) => Number(r.cp_ahc_pct_2025));
		expect(Math.min(...wardPcts)).toBe(7.1);
		expect(Math.max(...wardPcts)).toBe(67.9);
		expect(output.sources.map((s) => s.raw_files).flat()).toEqual([WARD_FILE, LA_FILE]);
		expect(output.indicators.filter((i) => i.headline).map((i) => i.id)).toEqual(['cp_ahc_pct_2025']);
		expect(buildChildPoverty(new RawDir(rawDir)).files['child_poverty.csv']).toBe(text);
	});
});
