import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	BENCHMARK_PERIOD,
	assertCloseToPublished,
	assertLsoasMatchMsoas,
	buildLifeExpectancy,
	combineEstimates,
	coverageNote,
	estimateLifeExpectancy,
	estimateWards,
	lifeExpectancyCsv,
	parseElsBenchmarks,
	parseLsoaWeights,
	parseMsoaLifeExpectancy,
	type AreaLifeExpectancy,
	type BenchmarksBySex
} from './life-expectancy.ts';
import { parseCsv, type CsvRow } from './lib/csv.ts';
import { RawDir } from './lib/raw.ts';
import { BIRMINGHAM_WARD_CODES } from './lib/wards.ts';

const fixtureText = (name: string) => readFileSync(path.resolve(import.meta.dirname, 'fixtures/life-expectancy', name), 'utf8');
const fixtureRows = (name: string): CsvRow[] => parseCsv(fixtureText(name), name);

const ACOCKS_GREEN = 'E05011118';
const ALLENS_CROSS = 'E05011119';
const ALUM_ROCK = 'E05011120';
/** Hand-made best-fit lookup for the fixture LSOAs. */
const fixtureLookup = new Map([
	['E01008881', ACOCKS_GREEN],
	['E01008882', ACOCKS_GREEN],
	['E01008883', ACOCKS_GREEN],
	['E01008884', ALLENS_CROSS],
	['E01008885', ALLENS_CROSS],
	['E01008886', ALUM_ROCK]
]);

const msoas = () => parseMsoaLifeExpectancy(fixtureRows('msoa.csv'), 'msoa.csv');
const lsoas = () => parseLsoaWeights(fixtureRows('population.csv'), fixtureLookup, 'population.csv');

function editRow(rows: CsvRow[], match: (r: CsvRow) => boolean, changes: CsvRow): CsvRow[] {
	const i = rows.findIndex(match);
	if (i < 0) throw new Error('fixture row not found');
	rows[i] = { ...rows[i], ...changes };
	return rows;
}
const msoaRow = (name: string, sex: string) => (r: CsvRow) => r['Code Name'] === name && r.Sex === sex;

describe('parseMsoaLifeExpectancy', () => {
	it("keeps Birmingham's MSOAs by name, excludes other districts, and keeps uncomputed values as null", () => {
		const byName = msoas();
		expect([...byName.keys()]).toEqual(['Birmingham 001', 'Birmingham 002', 'Birmingham 003']);
		expect(byName.get('Birmingham 001')).toEqual({
			code: 'E02001827',
			name: 'Birmingham 001',
			bySex: { male: { value: 80, lower: 79, upper: 81 }, female: { value: 84, lower: 83, upper: 85 }, persons: { value: 82, lower: 81.2, upper: 82.8 } }
		});
		expect(byName.get('Birmingham 002')?.bySex.male).toBeNull();
		expect(byName.get('Birmingham 003')?.bySex).toEqual({ male: null, female: null, persons: null });
	});

	it('rejects an unexpected header', () => {
		const text = fixtureText('msoa.csv').replace('Life Expectancy at birth (in years)', 'Life expectancy');
		expect(() => parseMsoaLifeExpectancy(parseCsv(text, 'msoa.csv'), 'msoa.csv')).toThrow(/msoa.csv \(row 1\): unexpected header: missing column\(s\) Life Expectancy at birth/);
	});

	it('never reads a suppression code as a figure', () => {
		const rows = editRow(fixtureRows('msoa.csv'), msoaRow('Birmingham 001', 'Males'), { 'Life Expectancy at birth (in years)': 'x' });
		expect(() => parseMsoaLifeExpectancy(rows, 'msoa.csv')).toThrow(/msoa.csv \(row 2\): column Life Expectancy at birth \(in years\): value is missing or suppressed/);
	});

	it('rejects a value outside the plausible range or outside its own interval', () => {
		const tooHigh = editRow(fixtureRows('msoa.csv'), msoaRow('Birmingham 001', 'Females'), { 'Life Expectancy at birth (in years)': '120', 'Upper 95% confidence interval': '121' });
		expect(() => parseMsoaLifeExpectancy(tooHigh, 'msoa.csv')).toThrow(/\(row 3\): .* = 120 is outside the plausible range 60–100/);
		const outsideInterval = editRow(fixtureRows('msoa.csv'), msoaRow('Birmingham 001', 'Females'), { 'Lower 95% confidence interval': '84.5' });
		expect(() => parseMsoaLifeExpectancy(outsideInterval, 'msoa.csv')).toThrow(/lies outside its own confidence interval 84.5–85/);
	});

	it('rejects a duplicate row, a missing sex and an unknown district', () => {
		const rows = fixtureRows('msoa.csv');
		expect(() => parseMsoaLifeExpectancy([...rows, rows[0]], 'msoa.csv')).toThrow(/\(row 14\): duplicate row for Birmingham 001 Males/);
		expect(() => parseMsoaLifeExpectancy(rows.filter((r) => !msoaRow('Birmingham 002', 'Persons')(r)), 'msoa.csv')).toThrow(/MSOA Birmingham 002 has no row for persons/);
		const foreign = editRow(fixtureRows('msoa.csv'), msoaRow('Coventry 001', 'Males'), { 'Code Name': 'Leeds 001' });
		expect(() => parseMsoaLifeExpectancy(foreign, 'msoa.csv')).toThrow(/MSOA "Leeds 001" belongs to no West Midlands district/);
	});
});

describe('parseLsoaWeights', () => {
	it("takes Birmingham's LSOAs with their MSOA (name minus the letter), ward and mid-2015 population", () => {
		expect(lsoas()).toEqual([
			{ lsoaCode: 'E01008881', msoaName: 'Birmingham 001', wardCode: ACOCKS_GREEN, population: 1000 },
			{ lsoaCode: 'E01008882', msoaName: 'Birmingham 001', wardCode: ACOCKS_GREEN, population: 3000 },
			{ lsoaCode: 'E01008883', msoaName: 'Birmingham 002', wardCode: ACOCKS_GREEN, population: 2000 },
			{ lsoaCode: 'E01008884', msoaName: 'Birmingham 002', wardCode: ALLENS_CROSS, population: 1000 },
			{ lsoaCode: 'E01008885', msoaName: 'Birmingham 003', wardCode: ALLENS_CROSS, population: 1500 },
			{ lsoaCode: 'E01008886', msoaName: 'Birmingham 003', wardCode: ALUM_ROCK, population: 1200 }
		]);
	});

	it('rejects a duplicate LSOA, a missing LSOA, a bad name and an implausible population', () => {
		const rows = fixtureRows('population.csv');
		expect(() => parseLsoaWeights([...rows, rows[1]], fixtureLookup, 'population.csv')).toThrow(/\(row 9\): duplicate LSOA E01008882/);
		expect(() => parseLsoaWeights(rows.slice(1), fixtureLookup, 'population.csv')).toThrow(/no population for 1 Birmingham LSOA\(s\): E01008881/);
		const badName = editRow(fixtureRows('population.csv'), (r) => r['LSOA code (2011)'] === 'E01008883', { 'LSOA name (2011)': 'Birmingham 002' });
		expect(() => parseLsoaWeights(badName, fixtureLookup, 'population.csv')).toThrow(/\(row 4\): LSOA name "Birmingham 002" is not an MSOA name plus a letter/);
		const tiny = editRow(fixtureRows('population.csv'), (r) => r['LSOA code (2011)'] === 'E01008883', { 'Total population: mid 2015 (excluding prisoners)': '12' });
		expect(() => parseLsoaWeights(tiny, fixtureLookup, 'population.csv')).toThrow(/population of E01008883 = 12 is outside the plausible range/);
		const suppressed = editRow(fixtureRows('population.csv'), (r) => r['LSOA code (2011)'] === 'E01008883', { 'Total population: mid 2015 (excluding prisoners)': '..' });
		expect(() => parseLsoaWeights(suppressed, fixtureLookup, 'population.csv')).toThrow(/value is missing or suppressed/);
	});

	it('rejects an LSOA whose MSOA has no life expectancy rows', () => {
		const weights = lsoas();
		weights[0] = { ...weights[0], msoaName: 'Birmingham 099' };
		expect(() => assertLsoasMatchMsoas(weights, msoas(), 'msoa.csv')).toThrow(/LSOA E01008881 belongs to Birmingham 099/);
		expect(() => assertLsoasMatchMsoas(lsoas(), msoas(), 'msoa.csv')).not.toThrow();
	});
});

describe('ward estimates', () => {
	it('combine MSOA values by summed LSOA population, with the approximate interval', () => {
		const combined = combineEstimates([
			{ estimate: { value: 82, lower: 81.2, upper: 82.8 }, weight: 4000 },
			{ estimate: { value: 80, lower: 78.04, upper: 81.96 }, weight: 2000 }
		])!;
		// (4000×82 + 2000×80) / 6000; SE = sqrt(4000²×(1.6/3.92)² + 2000²×1²) / 6000 = 0.43030
		expect(combined.value).toBeCloseTo(81.33333, 5);
		expect(combined.lower).toBeCloseTo(80.48995, 5);
		expect(combined.upper).toBeCloseTo(82.17671, 5);
		expect(combineEstimates([])).toBeNull();
	});

	it('give each LSOA its MSOA value, skip MSOAs without one, and leave wards under half coverage blank', () => {
		const wards = estimateWards(lsoas(), msoas());
		expect([...wards.keys()]).toEqual([ACOCKS_GREEN, ALLENS_CROSS, ALUM_ROCK]);

		const acocksGreen = wards.get(ACOCKS_GREEN)!;
		expect(acocksGreen.bySex.persons!.value).toBeCloseTo(81.33333, 5);
		expect(acocksGreen.bySex.female!.value).toBeCloseTo(83.33333, 5);
		expect(acocksGreen.bySex.female!.lower).toBeCloseTo(82.3999, 4);
		// Males: only Birmingham 001 has a value, so the ward is that MSOA, interval and all (2 of 3 LSOAs).
		expect(acocksGreen.bySex.male).toEqual({ value: 80, lower: 79, upper: 81 });
		expect(acocksGreen.lsoasWithValue).toEqual({ male: 2, female: 3, persons: 3 });
		expect(acocksGreen.lsoasInArea).toBe(3);

		// Exactly half of its LSOAs have a persons value: kept. No male value anywhere: blank.
		const allensCross = wards.get(ALLENS_CROSS)!;
		expect(allensCross.bySex.persons).toEqual({ value: 80, lower: 78.04, upper: 81.96 });
		expect(allensCross.bySex.male).toBeNull();
		expect(wards.get(ALUM_ROCK)!.bySex).toEqual({ male: null, female: null, persons: null });
	});

	it('name the blank and partly covered wards in the caveat', () => {
		const names = new Map([
			[ACOCKS_GREEN, 'Acocks Green'],
			[ALLENS_CROSS, 'Allens Cross'],
			[ALUM_ROCK, 'Alum Rock']
		]);
		const note = coverageNote('male', estimateWards(lsoas(), msoas()), names);
		expect(note).toContain('Allens Cross (0 of 2 LSOAs), Alum Rock (0 of 1 LSOAs).');
		expect(note).toContain('Based on only part of the ward: Acocks Green (2 of 3 LSOAs).');
	});
});

describe('parseElsBenchmarks', () => {
	it('picks male and female for the requested areas and period, with their intervals', () => {
		const benchmarks = parseElsBenchmarks(fixtureRows('els.csv'), ['E08000025', 'E92000001'], BENCHMARK_PERIOD, 'els.csv');
		expect(benchmarks.get('E08000025')).toEqual({ male: { value: 78, lower: 77.7, upper: 78.2 }, female: { value: 82.4, lower: 82.2, upper: 82.6 } });
		expect(benchmarks.get('E92000001')?.female).toEqual({ value: 83.3, lower: 83.3, upper: 83.3 });
	});

	it('rejects a missing benchmark, a duplicate and a bad header', () => {
		const rows = fixtureRows('els.csv');
		expect(() => parseElsBenchmarks(rows, ['E08000025', 'E92000001'], '2016-01-01/P3Y', 'els.csv')).toThrow(/no male and female life expectancy for E08000025 in 2016-01-01\/P3Y/);
		expect(() => parseElsBenchmarks([...rows, rows[5]], ['E08000025'], BENCHMARK_PERIOD, 'els.csv')).toThrow(/\(row 10\): duplicate Male life expectancy for E08000025/);
		const renamed = parseCsv(fixtureText('els.csv').replace('lci_95', 'lower'), 'els.csv');
		expect(() => parseElsBenchmarks(renamed, ['E08000025'], BENCHMARK_PERIOD, 'els.csv')).toThrow(/missing column\(s\) lci_95/);
	});

	it('check that a Birmingham figure built from MSOAs stays near the published one', () => {
		const published: BenchmarksBySex = { male: { value: 78, lower: null, upper: null }, female: { value: 82.4, lower: null, upper: null } };
		const near = { male: { value: 79.5, lower: 0, upper: 0 }, female: { value: 83, lower: 0, upper: 0 }, persons: null };
		expect(() => assertCloseToPublished(near, published, 2, 'msoa.csv')).not.toThrow();
		expect(() => assertCloseToPublished({ ...near, female: { value: 85, lower: 0, upper: 0 } }, published, 2, 'msoa.csv')).toThrow(/female life expectancy built from MSOAs \(85.00\) is more than 2 years/);
	});
});

describe('lifeExpectancyCsv', () => {
	const benchmarks = parseElsBenchmarks(fixtureRows('els.csv'), ['E08000025', 'E92000001'], BENCHMARK_PERIOD, 'els.csv');
	const names = new Map(BIRMINGHAM_WARD_CODES.map((code, i) => [code, `Ward ${i + 1}`]));
	const syntheticWards = () =>
		new Map<string, AreaLifeExpectancy>(
			BIRMINGHAM_WARD_CODES.map((code, i) => [
				code,
				{
					bySex: { male: { value: 75 + i / 10, lower: 74, upper: 76.04 }, female: { value: 80.25, lower: 79.5, upper: 81 }, persons: i === 5 ? null : { value: 78, lower: 77, upper: 79 } },
					lsoasWithValue: { male: 6, female: 7, persons: i === 5 ? 2 : 8 },
					lsoasInArea: 8
				}
			])
		);

	const birminghamBuilt: AreaLifeExpectancy = {
		bySex: { male: { value: 79.84, lower: 79.61, upper: 80.07 }, female: { value: 85.0, lower: 84.8, upper: 85.2 }, persons: { value: 82.4, lower: 82.2, upper: 82.6 } },
		lsoasWithValue: { male: 600, female: 600, persons: 610 },
		lsoasInArea: 639
	};

	it('writes 69 wards, then Birmingham built like for like, then an empty England row', () => {
		const rows = parseCsv(lifeExpectancyCsv(syntheticWards(), names, birminghamBuilt), 'life_expectancy.csv');
		expect(rows).toHaveLength(71);
		expect(rows[0]).toEqual({
			area_code: 'E05011118',
			area_name: 'Ward 1',
			area_type: 'ward',
			le_male: '75.0',
			le_male_lower: '74.0',
			le_male_upper: '76.0',
			le_female: '80.3',
			le_female_lower: '79.5',
			le_female_upper: '81.0',
			le_persons: '78.0',
			le_persons_lower: '77.0',
			le_persons_upper: '79.0',
			le_lsoas_with_value: '8',
			le_male_lsoas_with_value: '6',
			le_female_lsoas_with_value: '7',
			le_lsoas_in_ward: '8'
		});
		expect(rows[5]).toMatchObject({ le_persons: '', le_persons_lower: '', le_lsoas_with_value: '2' });
		expect(rows[69]).toMatchObject({ area_code: 'E08000025', area_type: 'local_authority', le_male: '79.8', le_male_lower: '79.6', le_female_upper: '85.2', le_persons: '82.4', le_lsoas_in_ward: '' });
		expect(rows[70]).toMatchObject({ area_code: 'E92000001', area_type: 'country', le_male: '', le_female: '', le_persons: '' });
	});

	it('refuses anything but exactly the 69 wards', () => {
		const wards = syntheticWards();
		wards.delete('E05011150');
		expect(() => lifeExpectancyCsv(wards, names, birminghamBuilt)).toThrow(/missing E05011150/);
		const extra = syntheticWards();
		extra.set('E05000001', extra.get('E05011118')!);
		expect(() => lifeExpectancyCsv(extra, names, birminghamBuilt)).toThrow(/E05000001 is not a Birmingham ward code/);
	});
});

const rawDir = process.env.RAW_DIR ?? path.resolve('../shared/data/raw');

describe('real life expectancy files', () => {
	it.skipIf(!existsSync(rawDir))('match the documented MSOA figures and ONS benchmarks', () => {
		const raw = new RawDir(rawDir);
		const { msoas: realMsoas, lsoas: realLsoas, birminghamFromMsoas } = estimateLifeExpectancy(raw);
		expect(realMsoas.size).toBe(132);
		expect(realLsoas).toHaveLength(639);
		// PROVENANCE: within-Birmingham MSOA ranges, and MSOAs 135–138 have no values at all.
		const range = (sex: 'male' | 'female' | 'persons') => {
			const values = [...realMsoas.values()].map((m) => m.bySex[sex]?.value).filter((v): v is number => v !== undefined);
			return [Math.min(...values), Math.max(...values)].map((v) => Number(v.toFixed(1)));
		};
		expect(range('male')).toEqual([72.6, 87.0]);
		expect(range('female')).toEqual([79.5, 92.2]);
		expect(range('persons')).toEqual([77.6, 91.5]);
		expect(realMsoas.get('Birmingham 136')?.bySex).toEqual({ male: null, female: null, persons: null });

		// The MSOA source runs high: built from it, Birmingham is 1.8 (male) and 2.6 (female) years above ONS 2017–19.
		// This is the measured offset, not a 0.5-year match; the caveat tells readers.
		expect(birminghamFromMsoas.bySex.male!.value).toBeCloseTo(79.8, 1);
		expect(birminghamFromMsoas.bySex.female!.value).toBeCloseTo(85.0, 1);
		expect(birminghamFromMsoas.bySex.persons!.value).toBeCloseTo(82.4, 1);

		const output = buildLifeExpectancy(raw);
		const text = output.files['life_expectancy.csv'];
		const rows = parseCsv(text, 'life_expectancy.csv');
		const byCode = new Map(rows.map((r) => [r.area_code, r]));
		// Birmingham is the like-for-like figure built from the same MSOAs; ONS's own figures are quoted in the caveat.
		expect(byCode.get('E08000025')).toMatchObject({ le_male: '79.8', le_female: '85.0', le_persons: '82.4' });
		expect(byCode.get('E92000001')).toMatchObject({ le_male: '', le_female: '', le_persons: '' });
		const maleCaveat = output.indicators.find((i) => i.id === 'le_male')!.caveat;
		expect(maleCaveat).toContain('78.0 and 82.4 for Birmingham');
		expect(maleCaveat).toContain('79.7 and 83.3 for England');
		expect(byCode.get('E05011151')).toMatchObject({ area_name: 'Ladywood', le_persons: '', le_lsoas_with_value: '4', le_lsoas_in_ward: '15' });

		const wards = rows.filter((r) => r.area_type === 'ward');
		const lsoaTotal = wards.reduce((sum, r) => sum + Number(r.le_lsoas_in_ward), 0);
		expect(lsoaTotal).toBe(639);
		// A weighted mean cannot leave the range of the values it averages.
		for (const r of wards.filter((w) => w.le_persons !== '')) {
			expect(Number(r.le_persons)).toBeGreaterThanOrEqual(77.6);
			expect(Number(r.le_persons)).toBeLessThanOrEqual(91.5);
			expect(Number(r.le_persons_lower)).toBeLessThan(Number(r.le_persons));
			expect(Number(r.le_persons_upper)).toBeGreaterThan(Number(r.le_persons));
		}
		const suttonFourOaks = Number(byCode.get('E05011174')!.le_persons);
		const nechells = Number(byCode.get('E05011155')!.le_persons);
		expect(suttonFourOaks - nechells).toBeGreaterThan(5);
		expect(output.indicators.filter((i) => i.headline).map((i) => i.id)).toEqual(['le_persons']);
		expect(buildLifeExpectancy(new RawDir(rawDir)).files['life_expectancy.csv']).toBe(text);
	});
});
