import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, readCsvCells } from './lib/csv.ts';
import { RawDir } from './lib/raw.ts';
import { BIRMINGHAM_WARD_CODES } from './lib/wards.ts';
import { LSOA_FILE, aggregateToWards, assertLsoasMatchDistrict, buildFuelPoverty, fuelPovertyCsv, parseDistrictTable, parseLsoaTable } from './fuel-poverty.ts';

const fixture = (name: string) => path.resolve(import.meta.dirname, 'fixtures/fuel-poverty', name);
const lsoaRows = () => parseCsv(readFileSync(fixture('lsoa.csv'), 'utf8'), 'lsoa.csv');

/** Two fixture LSOAs in Acocks Green, one in Allens Cross; the other 67 wards get one made-up LSOA each. */
function fullLookup() {
	const lookup = new Map([
		['E01000001', 'E05011118'],
		['E01000002', 'E05011118'],
		['E01000003', 'E05011119']
	]);
	BIRMINGHAM_WARD_CODES.slice(2).forEach((code, i) => lookup.set(`E0120${String(i).padStart(4, '0')}`, code));
	return lookup;
}
function fullLsoas() {
	const byLsoa = parseLsoaTable(lsoaRows(), 'lsoa.csv');
	for (const [lsoa] of fullLookup()) if (!byLsoa.has(lsoa)) byLsoa.set(lsoa, { households: 500, fuelPoor: 50 });
	return byLsoa;
}

describe('parseLsoaTable', () => {
	it('keeps Birmingham LSOAs only', () => {
		const byLsoa = parseLsoaTable(lsoaRows(), 'lsoa.csv');
		expect([...byLsoa.keys()]).toEqual(['E01000001', 'E01000002', 'E01000003']);
		expect(byLsoa.get('E01000002')).toEqual({ households: 400, fuelPoor: 100 });
	});

	it('rejects a rate that does not match its counts (a shifted column), a suppression code and a duplicate', () => {
		const shifted = lsoaRows().map((r, i) => (i === 1 ? { ...r, 'Proportion of households fuel poor (%)': '12.0' } : r));
		expect(() => parseLsoaTable(shifted, 'lsoa.csv')).toThrow(/lsoa.csv \(row 3\): 100 of 400 households is not the published 12%/);
		const suppressed = lsoaRows().map((r, i) => (i === 0 ? { ...r, 'Number of households': 'c' } : r));
		expect(() => parseLsoaTable(suppressed, 'lsoa.csv')).toThrow(/row 2\): column Number of households: value is missing or suppressed/);
		expect(() => parseLsoaTable([...lsoaRows(), lsoaRows()[0]], 'lsoa.csv')).toThrow(/duplicate LSOA E01000001/);
	});
});

describe('aggregateToWards', () => {
	it('sums households and fuel-poor households of each ward’s best-fit LSOAs; the rate is of the sums', () => {
		const wards = aggregateToWards(fullLsoas(), fullLookup(), 'lsoa.csv');
		expect(wards.get('E05011118')).toEqual({ households: 1000, fuelPoor: 160, lsoas: 2 });
		const csv = parseCsv(fuelPovertyCsv(wards, { households: 1500, fuelPoor: 310 }, { households: 24327942, fuelPoor: 3175068 }, new Map()), 'fuel_poverty.csv');
		// 160 of 1000 is 16%, not the 17.5% mean of the two LSOA rates.
		expect(csv[0].fp_pct_2022).toBe('16.0');
		expect(csv.map((r) => r.area_type).slice(-2)).toEqual(['local_authority', 'country']);
		expect(csv[csv.length - 1].fp_pct_2022).toBe('13.1');
	});

	it('fails when an LSOA has no ward, or a lookup LSOA has no figure', () => {
		const lsoas = fullLsoas();
		lsoas.set('E01999999', { households: 500, fuelPoor: 5 });
		expect(() => aggregateToWards(lsoas, fullLookup(), 'lsoa.csv')).toThrow(/LSOA E01999999 is not in the LSOA 2021 → ward lookup/);
		const missing = fullLsoas();
		missing.delete('E01000003');
		expect(() => aggregateToWards(missing, fullLookup(), 'lsoa.csv')).toThrow(/no fuel poverty figure for 1 Birmingham LSOA\(s\): E01000003/);
	});
});

describe('district table and the Birmingham check', () => {
	it('reads England and Birmingham from DESNZ Table 2', () => {
		const districts = parseDistrictTable(readCsvCells(fixture('table2.csv')), 'table2');
		expect(districts.get('E08000025')).toEqual({ households: 1500, fuelPoor: 310 });
		expect(districts.get('E92000001')?.fuelPoor).toBe(3175068);
	});

	it('requires the LSOAs to add up to the publisher’s Birmingham row', () => {
		const wards = new Map([['E05011118', { households: 1000, fuelPoor: 160 }], ['E05011119', { households: 500, fuelPoor: 150 }]]);
		expect(() => assertLsoasMatchDistrict(wards, { households: 1500, fuelPoor: 310 }, 'lsoa.csv')).not.toThrow();
		expect(() => assertLsoasMatchDistrict(wards, { households: 1600, fuelPoor: 310 }, 'lsoa.csv')).toThrow(/add up to 1500 households but DESNZ Table 2 gives 1600/);
	});
});

const rawDir = process.env.RAW_DIR ?? path.resolve('../shared/data/raw');
describe.skipIf(!existsSync(path.join(rawDir, LSOA_FILE)))('real DESNZ files', () => {
	it('give Birmingham 105,201 fuel-poor households of 438,509 (23.99%), England 13.05%', () => {
		const rows = parseCsv(buildFuelPoverty(new RawDir(rawDir), new Map()).files['fuel_poverty.csv'], 'fuel_poverty.csv');
		const city = rows.find((r) => r.area_code === 'E08000025')!;
		expect([city.fp_households_2022, city.fp_fuel_poor_2022, city.fp_pct_2022]).toEqual(['438509', '105201', '24.0']);
		const wards = rows.filter((r) => r.area_type === 'ward');
		expect(wards.reduce((sum, r) => sum + Number(r.fp_lsoas), 0)).toBe(659);
		expect(rows.find((r) => r.area_code === 'E92000001')!.fp_pct_2022).toBe('13.1');
	});
});
