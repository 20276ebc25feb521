import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './lib/csv.ts';
import { RawDir } from './lib/raw.ts';
import { BIRMINGHAM_WARD_CODES } from './lib/wards.ts';
import {
	GROUPS_2011,
	GROUPS_2021,
	assertCoversLookup,
	buildSegregation,
	citywideIndices,
	dissimilarityContributions,
	groupCounts,
	indexOfDissimilarity,
	indexOfDissimilarityOrNull,
	parseLsoas2021,
	parseOutputAreas2011,
	segregationCsv,
	wardPopulation2021,
	wardValues,
	type AreaCounts
} from './segregation.ts';

const fixtureText = (name: string) => readFileSync(path.resolve('scripts/fixtures/segregation', name), 'utf8');
const OA_FILE = 'oa2011.csv';
const LSOA_FILE = 'lsoa2021.csv';

const [WARD_A, WARD_B] = BIRMINGHAM_WARD_CODES;
const lookup2011 = new Map([
	['E01900001', WARD_A],
	['E01900002', WARD_A],
	['E01900003', WARD_B]
]);
const lookup2021 = new Map([
	['E01900011', WARD_A],
	['E01900012', WARD_A],
	['E01900013', WARD_B]
]);

const parseOas = (text = fixtureText(OA_FILE)) => parseOutputAreas2011(parseCsv(text, OA_FILE), OA_FILE, lookup2011);
const parseLsoas = (text = fixtureText(LSOA_FILE)) => parseLsoas2021(parseCsv(text, LSOA_FILE), LSOA_FILE, lookup2021);

/** Replaces one cell of the 2011 fixture (no quoted commas), addressed by the row's OA code and the column name. */
function withCell(text: string, rowKey: string, column: string, value: string): string {
	const lines = text.trimEnd().split('\n');
	const index = lines[0].split(',').indexOf(column);
	if (index < 0) throw new Error(`no column ${column}`);
	return (
		lines
			.map((line) => {
				if (!line.startsWith(rowKey)) return line;
				const cells = line.split(',');
				cells[index] = value;
				return cells.join(',');
			})
			.join('\n') + '\n'
	);
}

function zeroCounts(year: 2011 | 2021): Record<string, number> {
	return Object.fromEntries((year === 2011 ? GROUPS_2011 : GROUPS_2021).map((g) => [g.id, 0]));
}

/** Two identical Output Areas (white British 200, Indian 50, no Pakistani) in each ward not covered by the fixture. */
function fillerOutputAreas(): AreaCounts[] {
	return BIRMINGHAM_WARD_CODES.slice(2).flatMap((ward, i) =>
		[1, 2].map((n) => ({
			code: `E0080${String(i).padStart(3, '0')}${n}`,
			lsoa: `E0180${String(i).padStart(4, '0')}`,
			ward,
			total: 250,
			counts: { ...zeroCounts(2011), white_british: 200, indian: 50 }
		}))
	);
}

/** Two identical LSOAs (white 700, Asian 100, Black 50, Mixed 50, Other 100) in each ward not covered by the fixture. */
function fillerLsoas(): AreaCounts[] {
	return BIRMINGHAM_WARD_CODES.slice(2).flatMap((ward, i) =>
		[1, 2].map((n) => {
			const code = `E0181${String(i).padStart(3, '0')}${n}`;
			return { code, lsoa: code, ward, total: 1000, counts: { asian: 100, black: 50, mixed: 50, white: 700, other: 100 } };
		})
	);
}

describe('indexOfDissimilarity', () => {
	it('matches a hand-computed 3-unit index', () => {
		// ½(|0.1−0.5| + |0.2−0.3| + |0.7−0.2|) = ½(0.4 + 0.1 + 0.5) = 0.5
		expect(indexOfDissimilarity([{ a: 10, b: 50 }, { a: 20, b: 30 }, { a: 70, b: 20 }])).toBeCloseTo(0.5, 12);
		// Unequal totals A=100, B=200: ½(|0.1−0.2| + |0.3−0.2| + |0.6−0.6|) = 0.1
		expect(indexOfDissimilarity([{ a: 10, b: 40 }, { a: 30, b: 40 }, { a: 60, b: 120 }])).toBeCloseTo(0.1, 12);
		expect(indexOfDissimilarity([{ a: 5, b: 0 }, { a: 0, b: 7 }])).toBe(1);
		expect(indexOfDissimilarity([{ a: 3, b: 6 }, { a: 1, b: 2 }])).toBe(0);
	});
	it('gives each unit its term, and the terms add up to the index', () => {
		const units = [{ a: 10, b: 50 }, { a: 20, b: 30 }, { a: 70, b: 20 }];
		const terms = dissimilarityContributions(units) as number[];
		expect(terms[0]).toBeCloseTo(0.2, 12);
		expect(terms[1]).toBeCloseTo(0.05, 12);
		expect(terms[2]).toBeCloseTo(0.25, 12);
		expect(terms.reduce((s, t) => s + t, 0)).toBeCloseTo(indexOfDissimilarity(units), 12);
	});
	it('is undefined when a group is absent', () => {
		expect(() => indexOfDissimilarity([{ a: 4, b: 0 }])).toThrow(/undefined/);
		expect(indexOfDissimilarityOrNull([{ a: 4, b: 0 }, { a: 1, b: 0 }])).toBeNull();
		expect(dissimilarityContributions([{ a: 0, b: 3 }])).toEqual([null]);
	});
});

describe('Census 2011 Output Areas', () => {
	it('reads the 14 groups, keeps only Birmingham rows by the LAD rule and sorts by code', () => {
		const oas = parseOas();
		expect(oas.map((a) => a.code)).toEqual(['E00900001', 'E00900002', 'E00900003', 'E00900004']);
		expect(oas[0]).toEqual({
			code: 'E00900001',
			lsoa: 'E01900001',
			ward: WARD_A,
			total: 250,
			counts: {
				white_british: 100, white_irish: 5, white_other: 10, mixed: 20, indian: 25, pakistani: 50, bangladeshi: 10,
				chinese: 5, asian_other: 5, black_african: 5, black_caribbean: 10, black_other: 2, arab: 1, other_any: 1
			}
		});
		expect(oas[3].ward).toBe(WARD_B);
	});
	it('counts the uncoded residual (Gypsy or Irish Traveller) as White, not as non-White', () => {
		const counts = groupCounts(parseOas()[0], 2011);
		expect(counts.nonwhite).toBe(134);
		expect(counts.white).toBe(116); // 100 + 5 + 10 + 1 uncoded
		expect(counts.asian).toBe(95);
		expect(counts.black).toBe(17);
		expect(counts.other).toBe(2);
	});
	it('rejects a missing group column', () => {
		const text = fixtureText(OA_FILE).replace('Pakistani,', 'Pakistan,');
		expect(() => parseOas(text)).toThrow(/oa2011.csv \(row 1\): unexpected header: missing column\(s\) Pakistani/);
	});
	it('rejects a suppression code or junk in a count', () => {
		expect(() => parseOas(withCell(fixtureText(OA_FILE), 'E00900002', 'Indian', 'c'))).toThrow(/row 4\): column Indian: value is missing or suppressed/);
		expect(() => parseOas(withCell(fixtureText(OA_FILE), 'E00900002', 'Indian', '1O'))).toThrow(/column Indian: "1O" is not a number/);
	});
	it('rejects out-of-range and fractional counts', () => {
		expect(() => parseOas(withCell(fixtureText(OA_FILE), 'E00900002', 'Indian', '-1'))).toThrow(/Indian = -1 is outside the plausible range/);
		expect(() => parseOas(withCell(fixtureText(OA_FILE), 'E00900002', 'Indian', '201'))).toThrow(/Indian = 201 is outside the plausible range 0–200/);
		expect(() => parseOas(withCell(fixtureText(OA_FILE), 'E00900002', 'Persons', '0'))).toThrow(/Persons = 0 is outside/);
		expect(() => parseOas(withCell(fixtureText(OA_FILE), 'E00900002', 'Indian', '10.5'))).toThrow(/not a whole number/);
		expect(() => parseOas(withCell(fixtureText(OA_FILE), 'E00900002', 'Indian', '11'))).toThrow(/add up to 201, more than Persons \(200\)/);
	});
	it('rejects a duplicate Output Area and an LSOA outside the ward lookup', () => {
		const lines = fixtureText(OA_FILE).trimEnd().split('\n');
		expect(() => parseOas([...lines, lines[2]].join('\n') + '\n')).toThrow(/row 7\): Output Area E00900001 appears twice/);
		expect(() => parseOas(withCell(fixtureText(OA_FILE), 'E00900002', 'LSOA', 'E01999999'))).toThrow(/LSOA E01999999 of E00900002 is not in the Birmingham/);
	});
	it('fails when an LSOA of the lookup has no Output Area', () => {
		const oas = parseOas().filter((a) => a.lsoa !== 'E01900002');
		expect(() => assertCoversLookup(oas, lookup2011, OA_FILE)).toThrow(/1 Birmingham LSOA\(s\) of the ward lookup have no row: E01900002/);
	});
});

describe('Census 2021 LSOAs', () => {
	it('reads the 5 broad groups, keeps only Birmingham LSOAs by name and sorts by code', () => {
		const lsoas = parseLsoas();
		expect(lsoas.map((a) => a.code)).toEqual(['E01900011', 'E01900012', 'E01900013']);
		expect(lsoas[0]).toEqual({ code: 'E01900011', lsoa: 'E01900011', ward: WARD_A, total: 1200, counts: { asian: 120, black: 60, mixed: 60, white: 900, other: 60 } });
		expect(groupCounts(lsoas[0], 2021).nonwhite).toBe(300);
	});
	it('rejects groups that do not add up to the total, a duplicate and a bad header', () => {
		expect(() => parseLsoas(fixtureText(LSOA_FILE).replace('1200,100,120', '1201,100,120'))).toThrow(/row 3\): the 5 group counts add up to 1200, not the total 1201/);
		const lines = fixtureText(LSOA_FILE).trimEnd().split('\n');
		expect(() => parseLsoas([...lines, lines[1]].join('\n') + '\n')).toThrow(/row 6\): LSOA E01900012 appears twice/);
		expect(() => parseLsoas(fixtureText(LSOA_FILE).replace(',White,', ',White British,'))).toThrow(/missing column\(s\) White$/);
		expect(() => parseLsoas(fixtureText(LSOA_FILE).replace('E01900013 : Birmingham', 'E01900013 Birmingham'))).toThrow(/is not of the form/);
		expect(() => parseLsoas(fixtureText(LSOA_FILE).replace('1000,100,250', '..,100,250'))).toThrow(/value is missing or suppressed/);
	});
});

describe('ward values', () => {
	const oas = [...parseOas(), ...fillerOutputAreas()];
	const lsoas = [...parseLsoas(), ...fillerLsoas()];

	it('computes shares and within-ward indices that match hand calculation', () => {
		const y2011 = wardValues(oas, 2011, OA_FILE).wards.get(WARD_A)!;
		// Ward A = OAs E00900001–3: 750 residents, 270 White British, 424 non-White.
		expect(y2011.seg11_pct_white_british).toBeCloseTo(36, 10);
		expect(y2011.seg11_pct_nonwhite).toBeCloseTo((100 * 424) / 750, 10);
		expect(y2011.seg11_n_oa).toBe(3);
		// White (all) 116, 30, 180 vs Pakistani 50, 120, 40: D = ½ Σ|wᵢ/326 − pᵢ/210| = 0.479404…
		expect(y2011.seg11_within_white_pakistani).toBeCloseTo(47.9404, 3);
		const y2021 = wardValues(lsoas, 2021, LSOA_FILE).wards.get(WARD_A)!;
		// White 900, 300 vs non-White 300, 1200: ½(|0.75−0.2| + |0.25−0.8|) = 0.55
		expect(y2021.seg21_within_white_nonwhite).toBeCloseTo(55, 10);
		expect(y2021.seg21_within_white_asian).toBeCloseTo(63.2353, 3);
		expect(y2021.seg21_pct_nonwhite).toBeCloseTo((100 * 1500) / 2700, 10);
	});
	it('leaves the within-ward index empty when a group has no residents in the ward', () => {
		const filler = wardValues(oas, 2011, OA_FILE).wards.get(BIRMINGHAM_WARD_CODES[10])!;
		expect(filler.seg11_within_white_pakistani).toBeNull();
		expect(filler.seg11_within_white_indian).toBe(0);
	});
	it('has ward contributions that add up to the city-wide index over wards', () => {
		const city = citywideIndices(oas, lsoas);
		for (const [year, prefix] of [[2011, 'seg11'], [2021, 'seg21']] as const) {
			const wards = [...wardValues(year === 2011 ? oas : lsoas, year, 'f').wards.values()];
			const sum = wards.reduce((s, w) => s + (w[`${prefix}_contrib_white_nonwhite`] as number), 0);
			const cityIndex = city.find((r) => r.year === year && r.group_a === 'white' && r.group_b === 'nonwhite' && r.unit === 'ward')!.index!;
			expect(sum).toBeGreaterThan(0);
			expect(sum).toBeCloseTo(100 * cityIndex, 10);
		}
		expect(city.filter((r) => r.year === 2011)).toHaveLength(28 * 3);
		expect(city.filter((r) => r.year === 2021)).toHaveLength(5 * 2);
	});
	it('fails when a ward has no small area', () => {
		expect(() => wardValues(oas.filter((a) => a.ward !== WARD_B), 2011, OA_FILE)).toThrow(/oa2011.csv: expected all 69 Birmingham wards; missing E05011119/);
		expect(() => wardValues([...lsoas, { ...lsoas[0], code: 'E01700001', ward: 'E05000001' }], 2021, LSOA_FILE)).toThrow(/E05000001 is not a Birmingham ward code/);
	});
	it('writes the contract layout: 69 wards, Birmingham, empty England row', () => {
		const names = new Map(BIRMINGHAM_WARD_CODES.map((c) => [c, `Ward ${c}`]));
		const lines = segregationCsv(oas, lsoas, names).trimEnd().split('\n');
		expect(lines).toHaveLength(1 + 69 + 2);
		expect(lines[0].startsWith('area_code,area_name,area_type,seg11_residents,seg11_n_oa,seg11_pct_white_british,')).toBe(true);
		expect(lines[1]).toMatch(/^E05011118,Ward E05011118,ward,750,3,36\.00,/);
		expect(lines[70]).toMatch(/^E08000025,Birmingham,local_authority,/);
		expect(lines[71]).toMatch(/^E92000001,England,country,,,/);
		expect(lines[71].replace(/^E92000001,England,country/, '')).toMatch(/^,*$/);
	});
});

const rawDir = process.env.RAW_DIR ?? path.resolve('../shared/data/raw');

describe('real build', () => {
	it.skipIf(!existsSync(rawDir))('reproduces Birmingham Census figures and is byte-identical across runs', () => {
		const output = buildSegregation(new RawDir(rawDir));
		const rows = (file: string) => parseCsv(output.files[file], file);
		const oas = rows('census_ethnicity_2011_oa.csv');
		const lsoas = rows('census_ethnicity_2021_lsoa.csv');
		expect(oas).toHaveLength(3223);
		expect(new Set(oas.map((r) => r.lsoa11_code)).size).toBe(639);
		expect(lsoas).toHaveLength(659);
		// KS201EW Birmingham: 1,073,045 residents; PROVENANCE: TS021 LSOAs add up to 1,144,941.
		expect(oas.reduce((s, r) => s + Number(r.total), 0)).toBe(1073045);
		expect(oas.reduce((s, r) => s + Number(r.pakistani), 0)).toBe(144627);
		const population = wardPopulation2021(new RawDir(rawDir));
		expect(population.size).toBe(69);
		expect([...population.values()].reduce((s, n) => s + n, 0)).toBe(1144941);

		const wards = rows('segregation.csv');
		const birmingham = wards.find((r) => r.area_code === 'E08000025')!;
		expect(birmingham.seg11_residents).toBe('1073045');
		// Published city shares: 2011 White British 53.1%, Pakistani 13.5%; 2021 White 48.6%, Asian 31.0%, Black 11.0%.
		expect(Number(birmingham.seg11_pct_white_british).toFixed(1)).toBe('53.1');
		expect(Number(birmingham.seg11_pct_pakistani).toFixed(1)).toBe('13.5');
		expect(Number(birmingham.seg21_pct_white).toFixed(1)).toBe('48.6');
		expect(Number(birmingham.seg21_pct_asian).toFixed(1)).toBe('31.0');
		expect(Number(birmingham.seg21_pct_black).toFixed(1)).toBe('11.0');

		const wardRows = wards.filter((r) => r.area_type === 'ward');
		expect(wardRows).toHaveLength(69);
		const contributionSum = wardRows.reduce((s, r) => s + Number(r.seg21_contrib_white_nonwhite), 0);
		const city = rows('segregation_citywide.csv').find((r) => r.year === '2021' && r.group_a === 'white' && r.group_b === 'nonwhite' && r.unit === 'ward')!;
		expect(Math.abs(contributionSum - Number(city.index))).toBeLessThan(0.04);
		// Smaller units always reveal at least as much unevenness.
		const city2011 = rows('segregation_citywide.csv').filter((r) => r.year === '2011' && r.group_a === 'white' && r.group_b === 'pakistani');
		expect(city2011.map((r) => r.unit)).toEqual(['OA', 'LSOA', 'ward']);
		expect(Number(city2011[0].index)).toBeGreaterThan(Number(city2011[1].index));
		expect(Number(city2011[1].index)).toBeGreaterThan(Number(city2011[2].index));

		expect(output.indicators.filter((i) => i.headline).map((i) => i.id)).toEqual(['seg21_pct_nonwhite', 'seg21_within_white_nonwhite']);
		expect(new Set(output.indicators.map((i) => i.id)).size).toBe(output.indicators.length);
		for (const indicator of output.indicators) expect(wards[0]).toHaveProperty(indicator.column);

		const again = buildSegregation(new RawDir(rawDir));
		expect(again.files).toEqual(output.files);
	});
});
