import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvRow } from './lib/csv.ts';
import { checkSeriesRows } from './lib/series.ts';
import { RawDir } from './lib/raw.ts';
import { BIRMINGHAM_WARD_CODES } from './lib/wards.ts';
import {
	AGE_FILE,
	BASIS_2011,
	BASIS_2021,
	POPULATION_SERIES,
	YEARS,
	ageGroups,
	assertPlausibleGrowth,
	buildPopulation,
	parseWard2024,
	parseWardAgeTable,
	populationEstimates,
	populationSeriesCsv,
	workingAgePopulation,
	type Bands
} from './population.ts';

const fixtureRows = () => parseCsv(readFileSync(path.resolve(import.meta.dirname, 'fixtures/population/ward_bands.csv'), 'utf8'), 'ward_bands.csv');

/** The fixture ward's bands for every ward and year 2011–2022 (scaled by year so years differ), plus its foreign row. */
function fullTable(): CsvRow[] {
	const template = fixtureRows();
	const birmingham = template.filter((r) => r.LAD21NM === 'Birmingham');
	const rows: CsvRow[] = [];
	for (const code of BIRMINGHAM_WARD_CODES) {
		for (const year of YEARS) {
			for (const r of birmingham) rows.push({ ...r, WD21CD: code, year: String(year), count: String(Number(r.count) + (year - 2011) * 10) });
		}
	}
	rows.push(template.find((r) => r.LAD21NM !== 'Birmingham')!);
	return rows;
}

const bandsOf = (rows: CsvRow[]) => Object.fromEntries(rows.filter((r) => r.LAD21NM === 'Birmingham').map((r) => [r.age_band, Number(r.count)])) as Bands;

describe('age groups from 5-year bands', () => {
	it('adds age 15 as a fifth of the 10–14 band, so student-heavy 15–19 bands do not inflate children', () => {
		const groups = ageGroups(bandsOf(fixtureRows()));
		// 0–14 = 300 + 1200 + 1500 + 1500 = 4500; age 15 = 1500 / 5 = 300.
		expect(groups.age_0_15).toBe(4800);
		expect(groups.age_65_plus).toBe(800 + 600 + 400 + 200 + 100 + 50);
		expect(groups.all).toBe(17650);
		expect(groups.age_0_15 + groups.age_16_64 + groups.age_65_plus).toBe(groups.all);
		expect(groups.age_16_64).toBe(2000 - 300 + 9 * 1000);
	});

	it('never takes more 15-year-olds than the 15–19 band holds', () => {
		const bands = { ...bandsOf(fixtureRows()), '15-19': 100 };
		expect(ageGroups(bands).age_0_15).toBe(4500 + 100);
	});
});

describe('parseWardAgeTable', () => {
	it('keeps the 69 Birmingham wards for every year and ignores other districts', () => {
		const table = parseWardAgeTable(fullTable(), 'pop.csv');
		expect(table.size).toBe(69);
		expect(table.get('E05011118')!.get(2011)!['10-14']).toBe(1500);
		expect(table.get('E05011186')!.get(2022)!['10-14']).toBe(1610);
	});

	it('names the file, row and rule for a missing band, a duplicate, a bad count and an unknown band', () => {
		const rows = fullTable();
		expect(() => parseWardAgeTable(rows.filter((_, i) => i !== 3), 'pop.csv')).toThrow(/pop.csv: ward E05011118 2011 has no count for age band\(s\) 10-14/);
		expect(() => parseWardAgeTable([...rows, rows[0]], 'pop.csv')).toThrow(/pop.csv \(row \d+\): ward E05011118 2011 band UNDER 1 appears twice/);
		const bad = rows.map((r, i) => (i === 5 ? { ...r, count: '12.5' } : r));
		expect(() => parseWardAgeTable(bad, 'pop.csv')).toThrow(/pop.csv \(row 7\): count 12.5 is not a whole number/);
		const unknown = rows.map((r, i) => (i === 5 ? { ...r, age_band: '20-25' } : r));
		expect(() => parseWardAgeTable(unknown, 'pop.csv')).toThrow(/unknown age band "20-25"/);
		const suppressed = rows.map((r, i) => (i === 5 ? { ...r, count: 'x' } : r));
		expect(() => parseWardAgeTable(suppressed, 'pop.csv')).toThrow(/column count: value is missing or suppressed/);
	});

	it('rejects a ward whose name does not match the lookup', () => {
		expect(() => parseWardAgeTable(fullTable(), 'pop.csv', new Map([['E05011118', 'Aston']]))).toThrow(/named "Acocks Green" but the ward lookup says "Aston"/);
		expect(() => parseWardAgeTable(fullTable(), 'pop.csv', new Map([['E05011118', 'Acocks Green (Birmingham)']]))).not.toThrow();
	});
});

describe('mid-2024 ward totals', () => {
	const wardRows = (value: (code: string) => number) => BIRMINGHAM_WARD_CODES.map((code) => ({ ward_code: code, population: String(value(code)) }));
	const lsoaRows = (total: number) => [
		{ LA24CD: 'E08000025', '2024POP': String(total - 1000) },
		{ LA24CD: 'E08000025', '2024POP': '1000' },
		{ LA24CD: 'E08000027', '2024POP': '5000' }
	];

	it('must add up exactly to the LSOA file for Birmingham', () => {
		const totals = parseWard2024(wardRows(() => 20000), lsoaRows(69 * 20000), 'w.csv', 'l.csv');
		expect(totals.get('E05011150')).toBe(20000);
		expect(() => parseWard2024(wardRows(() => 20000), lsoaRows(69 * 20000 + 5), 'w.csv', 'l.csv')).toThrow(/wards add up to 1380000 but Birmingham's LSOAs add up to 1380005/);
	});

	it('rejects growth on mid-2022 that cannot be two years of change', () => {
		const table = parseWardAgeTable(fullTable(), 'pop.csv');
		const mid2022 = ageGroups(table.get('E05011118')!.get(2022)!).all;
		expect(() => assertPlausibleGrowth(table, new Map([['E05011118', mid2022 * 1.05]]), 'w.csv')).not.toThrow();
		expect(() => assertPlausibleGrowth(table, new Map([['E05011118', mid2022 * 2]]), 'w.csv')).toThrow(/E05011118: mid-2024 is 2.00 × mid-2022/);
	});
});

describe('population series and the 2021 break', () => {
	const table = parseWardAgeTable(fullTable(), 'pop.csv');
	const totals2024 = new Map(BIRMINGHAM_WARD_CODES.map((c) => [c, 20000]));
	const estimates = populationEstimates(table, totals2024);
	const rows = parseCsv(populationSeriesCsv(estimates), 'population_series.csv');

	it('labels 2011–2020 as 2011-based and 2021 onwards as Census 2021-based', () => {
		const ward = rows.filter((r) => r.area_code === 'E05011118' && r.age_group === 'all');
		expect(ward.map((r) => r.period)).toEqual([...YEARS.map(String), '2024']);
		expect(ward.filter((r) => r.basis === BASIS_2011).map((r) => r.period)).toEqual(['2011', '2012', '2013', '2014', '2015', '2016', '2017', '2018', '2019', '2020']);
		expect(ward.filter((r) => r.basis === BASIS_2021).map((r) => r.period)).toEqual(['2021', '2022', '2024']);
	});

	it('passes the series check, which fails if the break is not declared or declared in the wrong place', () => {
		const total = POPULATION_SERIES.find((s) => s.id === 'pop_total_series')!;
		const ofSeries = rows.filter((r) => r.age_group === 'all');
		expect(() => checkSeriesRows(total, ofSeries)).not.toThrow();
		expect(() => checkSeriesRows({ ...total, breaks: [] }, ofSeries)).toThrow(/basis changes at 2021 with no break declared/);
		expect(() => checkSeriesRows({ ...total, breaks: [{ before: '2020', label: 'x' }] }, ofSeries)).toThrow(/break is declared before 2020 but the basis does not change/);
	});

	it('sums Birmingham from its wards and shares are of the same year’s total', () => {
		const city = rows.find((r) => r.area_code === 'E08000025' && r.age_group === 'age_65_plus' && r.period === '2011')!;
		expect(Number(city.count)).toBe(69 * 2150);
		const ward = ageGroups(table.get('E05011118')!.get(2011)!);
		expect(Number(city.pct_of_total)).toBeCloseTo((100 * ward.age_65_plus) / ward.all, 2);
	});

	it('estimates residents aged 16–64 in mid-2024 from the mid-2022 share', () => {
		const y2022 = ageGroups(table.get('E05011118')!.get(2022)!);
		expect(workingAgePopulation(estimates).get('E05011118')!.get(2024)).toBeCloseTo((20000 * y2022.age_16_64) / y2022.all, 6);
	});
});

const rawDir = process.env.RAW_DIR ?? path.resolve('../shared/data/raw');
describe.skipIf(!existsSync(path.join(rawDir, AGE_FILE)))('real ward population files', () => {
	it('reproduce the ONS Birmingham totals quoted in PROVENANCE.md', () => {
		const { estimates } = buildPopulation(new RawDir(rawDir), new Map());
		expect(estimates.birmingham.get(2011)!.all).toBe(1_074_283);
		expect(estimates.birmingham.get(2021)!.all).toBe(1_143_285);
		expect(estimates.birmingham.get(2022)!.all).toBe(1_157_603);
		expect(estimates.birmingham.get(2024)!.all).toBe(1_183_618);
	});
});
