import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import {
	FILE1_2015_COLUMNS,
	FILE1_2025_COLUMNS,
	IMD_COLUMNS,
	IMD_INDICATORS,
	IMD_LSOA_COLUMNS,
	IMD_SOURCES,
	assertDecilesFollowRanks,
	assertIndicatorRanges,
	buildImd,
	computeImdAreas,
	decileOneShare,
	imdRow,
	parseDecileFile,
	parseFile7,
	parsePopulation2024,
	rankHighestFirst,
	summarise2019,
	wardPopulation2015,
	type ImdInputs,
	type Lsoa2019,
	type LsoaDecile
} from './imd.ts';
import { parseCsv, toCsv, type CsvRow } from './lib/csv.ts';
import { RawDir } from './lib/raw.ts';
import { BIRMINGHAM_WARD_CODES } from './lib/wards.ts';

const fixtureDir = path.resolve('scripts/fixtures/imd');
const fixture = (name: string): CsvRow[] => parseCsv(readFileSync(path.join(fixtureDir, name), 'utf8'), name);
const rawDir = process.env.RAW_DIR ?? path.resolve('../shared/data/raw');

const SCORE = 'Index of Multiple Deprivation (IMD) Score';
const INCOME = 'Income Score (rate)';
const IMD_DECILE = 'Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)';

const ACOCKS_GREEN = 'E05011118';
const ALLENS_CROSS = 'E05011119';

function withCell(rows: CsvRow[], index: number, column: string, value: string): CsvRow[] {
	return rows.map((r, i) => (i === index ? { ...r, [column]: value } : { ...r }));
}

describe('parseFile7', () => {
	const rows = fixture('file7.csv');

	it('reads scores, ranks, deciles and the four population denominators', () => {
		const lsoas = parseFile7(rows, 'file7.csv');
		expect(lsoas.map((l) => l.code)).toEqual(['E01000001', 'E01000002', 'E01000003', 'E01000004']);
		expect(lsoas[1]).toMatchObject({ name: 'Birmingham 001B', ladCode: 'E08000025', score: 20, rank: 3, decile: 2, employment: 0.1, health: -1 });
		expect(lsoas[1]).toMatchObject({ population: 3000, children: 400, olderPeople: 300, workingAge: 1000 });
	});

	it('rejects an unexpected header', () => {
		const renamed = rows.map(({ [INCOME]: income, ...rest }) => ({ ...rest, 'Income Score': income }));
		expect(() => parseFile7(renamed, 'file7.csv')).toThrow(/file7.csv \(row 1\): unexpected header: missing column\(s\) Income Score \(rate\)/);
	});

	it('never reads a suppression code or junk as a score', () => {
		expect(() => parseFile7(withCell(rows, 2, SCORE, 'x'), 'file7.csv')).toThrow(/file7.csv \(row 4\): column Index of Multiple Deprivation \(IMD\) Score: value is missing or suppressed/);
		expect(() => parseFile7(withCell(rows, 0, SCORE, '..'), 'file7.csv')).toThrow(/row 2.*missing or suppressed/);
		expect(() => parseFile7(withCell(rows, 0, SCORE, 'n/a'), 'file7.csv')).toThrow(/"n\/a" is not a number/);
	});

	it('rejects out-of-range values', () => {
		expect(() => parseFile7(withCell(rows, 0, SCORE, '150'), 'file7.csv')).toThrow(/row 2.*= 150 is outside the plausible range 0–100/);
		// A rate written as a percentage is the classic slip.
		expect(() => parseFile7(withCell(rows, 1, INCOME, '10'), 'file7.csv')).toThrow(/row 3.*Income Score \(rate\) = 10 is outside the plausible range 0–1/);
		expect(() => parseFile7(withCell(rows, 1, IMD_DECILE, '11'), 'file7.csv')).toThrow(/row 3.*outside the plausible range 1–10/);
		expect(() => parseFile7(withCell(rows, 1, IMD_DECILE, '1.5'), 'file7.csv')).toThrow(/not a whole number/);
	});

	it('rejects a duplicate LSOA and a malformed code', () => {
		expect(() => parseFile7(withCell(rows, 3, 'LSOA code (2011)', 'E01000001'), 'file7.csv')).toThrow(/file7.csv \(row 5\): duplicate LSOA E01000001/);
		expect(() => parseFile7(withCell(rows, 3, 'LSOA code (2011)', 'W01000004'), 'file7.csv')).toThrow(/row 5.*"W01000004" is not a valid code/);
	});

	it('rejects deciles that contradict the ranks', () => {
		// Rank 4 (least deprived here) cannot be in decile 1 when rank 3 is in decile 2.
		expect(() => parseFile7(withCell(rows, 3, IMD_DECILE, '1'), 'file7.csv')).toThrow(/rank 4 but decile 1, below decile 2 of rank 3/);
		expect(() => assertDecilesFollowRanks([{ code: 'a', rank: 5, decile: 1 }, { code: 'b', rank: 5, decile: 2 }], 'f')).not.toThrow();
	});
});

describe('ward arithmetic', () => {
	const [lsoa1, lsoa2] = parseFile7(fixture('file7.csv'), 'file7.csv');

	it('weights each score by the population it describes', () => {
		const s = summarise2019([lsoa1, lsoa2]);
		expect(s.score).toBeCloseTo(25, 10); // (40×1000 + 20×3000) / 4000
		expect(s.income).toBeCloseTo(0.15, 10); // by total population
		expect(s.employment).toBeCloseTo(0.1375, 10); // by working-age population: (0.2×600 + 0.1×1000) / 1600
		expect(s.idaci).toBeCloseTo(0.25, 10); // by children: (0.4×400 + 0.1×400) / 800
		expect(s.idaopi).toBeCloseTo(0.2, 10); // by people 60+: (0.3×300 + 0.1×300) / 600
		expect(s.health).toBeCloseTo(-0.5, 10);
		expect(s).toMatchObject({ lsoas: 2, population: 4000 });
	});

	it('computes decile-1 shares of LSOAs and of people, leaving the people share empty without populations', () => {
		expect(decileOneShare([lsoa1, lsoa2])).toEqual({ lsoas: 2, lsoaPct: 50, populationPct: 25 });
		expect(decileOneShare([{ decile: 1, population: 10 }, { decile: 3, population: null }]).populationPct).toBeNull();
		expect(decileOneShare([{ decile: 4, population: 10 }])).toEqual({ lsoas: 1, lsoaPct: 0, populationPct: 0 });
	});

	it('ranks from the highest score, sharing ranks between equal published scores', () => {
		const ranks = rankHighestFirst(new Map([['b', 10.0001], ['c', 12], ['a', 10.0004], ['d', 3]]), 3);
		expect([...ranks]).toEqual([['a', 2], ['b', 2], ['c', 1], ['d', 4]]);
	});
});

describe('File 1 and population parsing', () => {
	it('reads the 2025 File 1 with its truncated decile header', () => {
		const lsoas = parseDecileFile(fixture('file1_2025.csv'), FILE1_2025_COLUMNS, 'file1_2025.csv');
		expect(lsoas).toHaveLength(5);
		expect(lsoas[2]).toEqual({ code: 'E01033001', ladCode: 'E08000025', rank: 5, decile: 2 });
	});

	it('rejects a File 1 with an unexpected header', () => {
		const rows = fixture('file1_2025.csv').map(({ [FILE1_2025_COLUMNS.decile]: d, ...rest }) => ({ ...rest, 'IMD Decile': d }));
		expect(() => parseDecileFile(rows, FILE1_2025_COLUMNS, 'file1_2025.csv')).toThrow(/unexpected header/);
	});

	it('keeps only the asked district from the population file and refuses duplicates and suppressed counts', () => {
		const rows = fixture('population2024.csv');
		expect([...parsePopulation2024(rows, 'E08000025', 'pop.csv')]).toEqual([
			['E01000001', 1200],
			['E01000002', 1800],
			['E01033001', 1000],
			['E01000003', 1600]
		]);
		expect(() => parsePopulation2024(withCell(rows, 3, 'LSOA21CD', 'E01000001'), 'E08000025', 'pop.csv')).toThrow(/pop.csv \(row 5\): duplicate LSOA E01000001/);
		expect(() => parsePopulation2024(withCell(rows, 0, '2024POP', 'c'), 'E08000025', 'pop.csv')).toThrow(/row 2.*missing or suppressed/);
	});
});

/**
 * The three fixture LSOAs sit in Acocks Green (2) and Allens Cross (1); every other ward gets one made-up
 * filler LSOA so the 69-ward rules can run.
 */
function inputs69(): ImdInputs {
	const lsoas2019 = parseFile7(fixture('file7.csv'), 'file7.csv');
	const lsoas2025 = parseDecileFile(fixture('file1_2025.csv'), FILE1_2025_COLUMNS, 'file1_2025.csv');
	const lsoas2015 = parseDecileFile(fixture('file1_2015.csv'), FILE1_2015_COLUMNS, 'file1_2015.csv');
	const population2024 = parsePopulation2024(fixture('population2024.csv'), 'E08000025', 'population2024.csv');
	const lookup11 = new Map([['E01000001', ACOCKS_GREEN], ['E01000002', ACOCKS_GREEN], ['E01000003', ALLENS_CROSS]]);
	const lookup21 = new Map([['E01000001', ACOCKS_GREEN], ['E01000002', ACOCKS_GREEN], ['E01033001', ACOCKS_GREEN], ['E01000003', ALLENS_CROSS]]);
	const wardNames = new Map(BIRMINGHAM_WARD_CODES.map((c) => [c, `Ward ${c.slice(-3)}`]));
	wardNames.set(ACOCKS_GREEN, 'Acocks Green');
	for (const [i, ward] of BIRMINGHAM_WARD_CODES.slice(2).entries()) {
		const code = `E0109${String(i).padStart(4, '0')}`;
		const filler: Lsoa2019 = {
			...lsoas2019[1],
			code,
			name: `Filler ${i}`,
			rank: 100 + i,
			decile: 5,
			score: 10
		};
		const decile: LsoaDecile = { code, ladCode: 'E08000025', rank: 100 + i, decile: 5 };
		lsoas2019.push(filler);
		lsoas2025.push(decile);
		lsoas2015.push(decile);
		population2024.set(code, 1000);
		lookup11.set(code, ward);
		lookup21.set(code, ward);
	}
	return { lsoas2019, lsoas2025, lsoas2015, population2024, lookup11, lookup21, wardNames };
}

describe('computeImdAreas', () => {
	it('writes hand-computed ward values and benchmark rows', () => {
		const areas = computeImdAreas(inputs69());
		expect(areas).toHaveLength(71);
		expect(areas.map((a) => a.code).slice(0, 2)).toEqual([ACOCKS_GREEN, ALLENS_CROSS]);
		expect(areas.slice(-2).map((a) => [a.code, a.type])).toEqual([['E08000025', 'local_authority'], ['E92000001', 'country']]);

		const csv = toCsv(IMD_COLUMNS, areas.map(imdRow)).split('\n');
		// 2019: score (40×1000+20×3000)/4000; rank 2 behind Allens Cross (60.5); 2025: 2 of 3 LSOAs, 3000 of 4000 people;
		// 2015: E01000002 only (decile 1), 3000 of 4000 people (mid-2015).
		expect(csv[1]).toBe('E05011118,Acocks Green,ward,2,25.000,2,15.0,13.8,20.000,-0.500,-0.250,15.000,25.000,25.0,20.0,50.0,25.0,3,66.7,75.0,50.0,75.0');
		const allensCross = csv[2].split(',');
		expect(allensCross.slice(3, 6)).toEqual(['1', '60.500', '1']);
		expect(csv[3].split(',')[5]).toBe('3'); // the fillers tie at 10.000

		const england = Object.fromEntries(IMD_COLUMNS.map((c, i) => [c, csv[71].split(',')[i]]));
		expect(england.imd19_lsoas).toBe('71'); // includes the Coventry LSOA
		expect(england.imd25_pop_decile1_pct).toBe(''); // no England populations for 2025: never invented
		expect(england.imd19_rank_birmingham).toBe('');
		const birmingham = Object.fromEntries(IMD_COLUMNS.map((c, i) => [c, csv[70].split(',')[i]]));
		expect(birmingham.imd19_lsoas).toBe('70');
		expect(birmingham.imd25_lsoas).toBe('71');
	});

	it('fails when a ward is missing', () => {
		const inputs = inputs69();
		const lastFiller = [...inputs.lookup11].find(([, ward]) => ward === 'E05011186')![0];
		inputs.lookup11.delete(lastFiller);
		inputs.lsoas2019 = inputs.lsoas2019.filter((l) => l.code !== lastFiller);
		inputs.lsoas2015 = inputs.lsoas2015.filter((l) => l.code !== lastFiller);
		expect(() => computeImdAreas(inputs)).toThrow(/expected all 69 Birmingham wards; missing E05011186/);
	});

	it('fails when an LSOA is assigned to a ward outside Birmingham', () => {
		const inputs = inputs69();
		inputs.lookup21.set('E01033001', 'E05000001');
		expect(() => computeImdAreas(inputs)).toThrow(/E05000001 is not a Birmingham ward code/);
	});

	it('fails when a Birmingham LSOA is missing from a source or has no population', () => {
		const dropped = inputs69();
		dropped.lsoas2025 = dropped.lsoas2025.filter((l) => l.code !== 'E01033001');
		expect(() => computeImdAreas(dropped)).toThrow(/IoD2025.*E08000025 has 70 LSOAs here but the ward lookup has 71/);
		const noPopulation = inputs69();
		noPopulation.population2024.delete('E01000003');
		expect(() => computeImdAreas(noPopulation)).toThrow(/ons_sape_lsoa21.*E08000025 has/);
		const unknown = inputs69();
		unknown.lsoas2019.push({ ...unknown.lsoas2019[0], code: 'E01099999' });
		expect(() => computeImdAreas(unknown)).toThrow(/E08000025 LSOA\(s\) not in the ward lookup: E01099999/);
	});

	it('refuses an indicator value outside its declared range', () => {
		const rows = computeImdAreas(inputs69()).map(imdRow);
		expect(() => assertIndicatorRanges(rows, IMD_INDICATORS, 'imd.csv')).not.toThrow();
		rows[4].imd19_income = '150.0';
		expect(() => assertIndicatorRanges(rows, IMD_INDICATORS, 'imd.csv')).toThrow(/imd.csv \(row 6\): imd19_income = 150 is outside/);
	});
});

describe('metadata', () => {
	it('has one indicator per shown column, unique ids, and only the IMD score as headline', () => {
		const ids = IMD_INDICATORS.map((i) => i.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const meta of IMD_INDICATORS) {
			expect(IMD_COLUMNS).toContain(meta.column);
			expect(meta.id).toMatch(/^imd(15|19|25)_[a-z0-9_]+$/);
			expect(IMD_SOURCES.map((s) => s.id)).toContain(meta.source_id);
			expect(meta.description.length).toBeGreaterThan(20);
			expect(meta.method.length).toBeGreaterThan(20);
		}
		expect(IMD_INDICATORS.filter((i) => i.headline).map((i) => i.id)).toEqual(['imd19_score']);
		expect(ids).not.toContain('imd19_lsoas');
		expect(ids).not.toContain('imd25_lsoas');
		expect(IMD_INDICATORS.find((i) => i.id === 'imd19_score')!.caveat).toMatch(/not directly comparable/);
	});
});

function xlsxSheet(file: string, sheet: string): unknown[][] {
	const workbook = XLSX.read(readFileSync(path.join(rawDir, file)), { type: 'buffer' });
	return XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[sheet], { header: 1, raw: true });
}

function spearman(a: number[], b: number[]): number {
	const ranks = (xs: number[]) => {
		const order = xs.map((x, i) => ({ x, i })).sort((p, q) => p.x - q.x);
		const r = new Array<number>(xs.length);
		for (let k = 0; k < order.length; ) {
			let j = k;
			while (j + 1 < order.length && order[j + 1].x === order[k].x) j++;
			for (let m = k; m <= j; m++) r[order[m].i] = (k + j) / 2 + 1;
			k = j + 1;
		}
		return r;
	};
	const [ra, rb] = [ranks(a), ranks(b)];
	const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
	const [ma, mb] = [mean(ra), mean(rb)];
	let num = 0, da = 0, db = 0;
	for (let i = 0; i < ra.length; i++) {
		num += (ra[i] - ma) * (rb[i] - mb);
		da += (ra[i] - ma) ** 2;
		db += (rb[i] - mb) ** 2;
	}
	return num / Math.sqrt(da * db);
}

describe('real build', () => {
	it.skipIf(!existsSync(rawDir))('reproduces MHCLG published district figures and agrees with third-party ward aggregations', () => {
		const output = buildImd(new RawDir(rawDir));
		expect(Object.keys(output.files).sort()).toEqual(['imd.csv', 'imd_lsoa.csv']);
		const rows = parseCsv(output.files['imd.csv'], 'imd.csv');
		expect(rows).toHaveLength(71);
		const byCode = new Map(rows.map((r) => [r.area_code, r]));
		const birmingham = byCode.get('E08000025')!;
		const england = byCode.get('E92000001')!;

		// IoD2019 File 10 (Birmingham): every domain average, and the share of LSOAs in decile 1 (0.4131).
		const file10 = 'imd/File_10_-_IoD2019_Local_Authority_District_Summaries__lower-tier__.xlsx';
		const file10Average = (sheet: string) => xlsxSheet(file10, sheet).find((r) => r[0] === 'E08000025')![4] as number;
		expect(birmingham.imd19_score).toBe('38.067');
		expect(Number(birmingham.imd19_score)).toBeCloseTo(file10Average('IMD'), 3);
		const asRate = (column: string) => (Number(birmingham[column]) / 100).toFixed(3);
		expect(asRate('imd19_income')).toBe(file10Average('Income').toFixed(3)); // 0.222
		expect(asRate('imd19_employment')).toBe(file10Average('Employment').toFixed(3)); // 0.153 (working-age weights)
		expect(asRate('imd19_idaci')).toBe(file10Average('IDACI').toFixed(3)); // 0.276
		expect(asRate('imd19_idaopi')).toBe(file10Average('IDAOPI').toFixed(3)); // 0.258
		expect(Number(birmingham.imd19_education)).toBeCloseTo(file10Average('Education'), 3); // 32.085
		expect(Number(birmingham.imd19_health)).toBeCloseTo(file10Average('Health'), 3); // 0.670
		expect(Number(birmingham.imd19_crime)).toBeCloseTo(file10Average('Crime'), 3); // 0.335
		expect(Number(birmingham.imd19_barriers)).toBeCloseTo(file10Average('Barriers'), 3); // 31.628
		expect(Number(birmingham.imd19_living_environment)).toBeCloseTo(file10Average('Living'), 3); // 40.841
		expect(birmingham.imd19_lsoa_decile1_pct).toBe('41.3');
		expect(england.imd19_score).toBe('21.722'); // PROVENANCE: England population-weighted mean
		expect(england.imd19_lsoas).toBe('32844');
		expect(Number(england.imd19_lsoa_decile1_pct)).toBeCloseTo(10, 0);

		// IoD2015 recast to 2019 districts (File 14): 39.59% of Birmingham LSOAs in decile 1.
		expect(birmingham.imd15_lsoa_decile1_pct).toBe('39.6');
		// IoD2025 File 10 v2 (humaniverse copy): 42.79% of Birmingham LSOAs in decile 1; 659 LSOAs.
		expect(birmingham.imd25_lsoa_decile1_pct).toBe('42.8');
		expect(birmingham.imd25_lsoas).toBe('659');
		expect(england.imd25_lsoas).toBe('33755');
		expect(england.imd25_pop_decile1_pct).toBe('');

		// Third-party IMD 2019 ward scores (humaniverse, mid-2019 weights): close but not identical.
		const humaniverse = parseCsv(readFileSync(path.join(rawDir, 'imd/humaniverse-IMD_English_IMD_-_Ward_2020.csv'), 'utf8'), 'humaniverse');
		const theirs = new Map(humaniverse.map((r) => [r.WD20CD, Number(r.Score)]));
		const gaps = BIRMINGHAM_WARD_CODES.map((c) => Math.abs(Number(byCode.get(c)!.imd19_score) - theirs.get(c)!));
		expect(gaps.reduce((s, g) => s + g, 0) / gaps.length).toBeLessThan(0.3);
		expect(Math.max(...gaps)).toBeLessThan(1.5);

		// BCC Public Health's IMD 2025 ward ranks (lower = more deprived) should order wards like our 2025 shares.
		const bcc = xlsxSheet('imd/BCC-PHM_aggregate-imd25-lookup_v1.xlsx', 'Ward');
		const bccRank = new Map(bcc.slice(1).map((r) => [r[0] as string, r[4] as number]));
		const rho = spearman(
			BIRMINGHAM_WARD_CODES.map((c) => bccRank.get(c)!),
			BIRMINGHAM_WARD_CODES.map((c) => Number(byCode.get(c)!.imd25_pop_decile1_pct))
		);
		expect(rho).toBeLessThan(-0.8);

		const lsoaLines = output.files['imd_lsoa.csv'].trimEnd().split('\n');
		expect(lsoaLines[0]).toBe(IMD_LSOA_COLUMNS.join(','));
		expect(lsoaLines).toHaveLength(640);
		const population = wardPopulation2015(new RawDir(rawDir));
		expect([...population.keys()]).toEqual(BIRMINGHAM_WARD_CODES);
		const lsoaPopulation = lsoaLines.slice(1).reduce((s, line) => s + Number(line.split(',').at(-1)), 0);
		expect([...population.values()].reduce((s, p) => s + p, 0)).toBe(lsoaPopulation);

		expect(buildImd(new RawDir(rawDir)).files).toEqual(output.files); // byte-identical on a fresh read
	});
});
