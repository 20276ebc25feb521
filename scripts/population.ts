/**
 * Ward population: ONS mid-year estimates by ward and 5-year age band, mid-2011 to mid-2022 (as prepared by
 * Birmingham City Council), plus the ONS mid-2024 ward totals. They are the denominators the site shows, and
 * replace populations summed from best-fit LSOAs wherever a ward estimate exists.
 */
import { fixed, toCsv, type Cell, type CsvRow } from './lib/csv.ts';
import { DataError } from './lib/errors.ts';
import { AREA_COLUMNS, OGL, SERIES_COLUMNS, type FamilyOutput, type IndicatorMeta, type SeriesMeta, type SourceMeta } from './lib/family.ts';
import { assertRange, requireNumber } from './lib/numbers.ts';
import type { RawDir } from './lib/raw.ts';
import { BIRMINGHAM_CODE, BIRMINGHAM_NAME, ENGLAND_CODE, ENGLAND_NAME, BIRMINGHAM_WARD_CODES, isBirminghamWard } from './lib/wards.ts';

export const AGE_FILE = 'population/bcc_ward21_pop_5yrage_2011-2022_westmids.csv';
export const WARD_2024_FILE = 'population/ons_sape_ward22_mid2024_birmingham.csv';
export const LSOA_2024_FILE = 'population/ons_sape_lsoa21_mid2024_wd25_imd25_westmids.csv';
export const OUTPUT_FILE = 'population.csv';
export const SERIES_FILE = 'population_series.csv';

export const AGE_BANDS = [
	'UNDER 1', '1-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44',
	'45-49', '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85-89', '90+'
] as const;
export const YEARS = [2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022] as const;
/** Estimates from mid-2021 on are rebased on Census 2021; earlier ones roll the 2011 Census forward. */
export const REBASE_YEAR = 2021;
export const BASIS_2011 = '2011-based estimates';
export const BASIS_2021 = 'Census 2021-based estimates';
const WARD_LIMITS = { min: 5_000, max: 60_000 };

export type AgeGroup = 'all' | 'age_0_15' | 'age_16_64' | 'age_65_plus';
export type Bands = Record<(typeof AGE_BANDS)[number], number>;
export interface AgeGroups {
	all: number;
	age_0_15: number;
	age_16_64: number;
	age_65_plus: number;
}

/** ward code → year → counts by band. */
export type WardAgeTable = Map<string, Map<number, Bands>>;

const stripSuffix = (name: string) => name.replace(/\s*\(Birmingham\)$/, '').trim();

/** Reads the BCC/ONS ward file: Birmingham's 69 wards, every year 2011–2022, each of the 20 bands exactly once. */
export function parseWardAgeTable(rows: CsvRow[], file: string, expectedNames?: ReadonlyMap<string, string>): WardAgeTable {
	const table: WardAgeTable = new Map();
	rows.forEach((row, i) => {
		const record = i + 2;
		if (row.LAD21NM !== BIRMINGHAM_NAME) return;
		const code = row.WD21CD;
		if (!isBirminghamWard(code)) throw new DataError(file, `${code} is not a Birmingham ward code`, record);
		const expected = expectedNames?.get(code);
		if (expected !== undefined && stripSuffix(expected) !== stripSuffix(row.WD21NM)) {
			throw new DataError(file, `ward ${code} is named "${row.WD21NM}" but the ward lookup says "${expected}"`, record);
		}
		const year = Number(row.year);
		if (!(YEARS as readonly number[]).includes(year)) throw new DataError(file, `year "${row.year}" is outside 2011–2022`, record);
		const band = row.age_band as (typeof AGE_BANDS)[number];
		if (!AGE_BANDS.includes(band)) throw new DataError(file, `unknown age band "${row.age_band}"`, record);
		const count = requireNumber(row.count, file, record, 'count');
		if (!Number.isInteger(count) || count < 0) throw new DataError(file, `count ${count} is not a whole number of people`, record);
		if (!table.has(code)) table.set(code, new Map());
		const years = table.get(code)!;
		if (!years.has(year)) years.set(year, {} as Bands);
		const bands = years.get(year)!;
		if (band in bands) throw new DataError(file, `ward ${code} ${year} band ${band} appears twice`, record);
		bands[band] = count;
	});
	for (const code of BIRMINGHAM_WARD_CODES) {
		const years = table.get(code);
		if (!years) throw new DataError(file, `expected all 69 Birmingham wards; missing ${code}`);
		for (const year of YEARS) {
			const bands = years.get(year);
			const missing = AGE_BANDS.filter((b) => !(bands && b in bands));
			if (missing.length) throw new DataError(file, `ward ${code} ${year} has no count for age band(s) ${missing.join(', ')}`);
			const total = AGE_BANDS.reduce((sum, b) => sum + bands![b], 0);
			assertRange(total, WARD_LIMITS.min, WARD_LIMITS.max, file, `${code} ${year}`, 'ward population');
		}
	}
	return table;
}

/**
 * Collapses 5-year bands into the groups the site uses. The bands split at 15, not 16, so age 15 is estimated
 * as one fifth of the 10–14 band (the cohort about to turn 15). A fifth of the 15–19 band would be wrong in
 * student wards, where that band is mostly 18- and 19-year-olds.
 */
export function ageGroups(bands: Bands): AgeGroups {
	const sum = (list: readonly (typeof AGE_BANDS)[number][]) => list.reduce((total, b) => total + bands[b], 0);
	const all = sum(AGE_BANDS);
	const age15 = Math.min(bands['10-14'] / 5, bands['15-19']);
	const under15 = sum(['UNDER 1', '1-4', '5-9', '10-14']);
	const age_65_plus = sum(['65-69', '70-74', '75-79', '80-84', '85-89', '90+']);
	const age_0_15 = under15 + age15;
	return { all, age_0_15, age_16_64: all - age_0_15 - age_65_plus, age_65_plus };
}

/** Reads the mid-2024 ward totals and checks them against the independent LSOA file (same ONS total). */
export function parseWard2024(rows: CsvRow[], lsoaRows: CsvRow[], file: string, lsoaFile: string): Map<string, number> {
	const totals = new Map<string, number>();
	rows.forEach((row, i) => {
		const code = row.ward_code;
		if (!isBirminghamWard(code)) throw new DataError(file, `${code} is not a Birmingham ward code`, i + 2);
		if (totals.has(code)) throw new DataError(file, `duplicate ward ${code}`, i + 2);
		const population = requireNumber(row.population, file, i + 2, 'population');
		assertRange(population, WARD_LIMITS.min, WARD_LIMITS.max, file, i + 2, 'population');
		totals.set(code, population);
	});
	const missing = BIRMINGHAM_WARD_CODES.filter((c) => !totals.has(c));
	if (missing.length) throw new DataError(file, `expected all 69 Birmingham wards; missing ${missing.join(', ')}`);
	const lsoaTotal = lsoaRows
		.filter((r) => r.LA24CD === BIRMINGHAM_CODE)
		.reduce((sum, r, i) => sum + requireNumber(r['2024POP'], lsoaFile, i + 2, '2024POP'), 0);
	const wardTotal = [...totals.values()].reduce((a, b) => a + b, 0);
	// The ward file is a transcription; the two ONS products must agree exactly on Birmingham's total.
	if (wardTotal !== lsoaTotal) throw new DataError(file, `wards add up to ${wardTotal} but Birmingham's LSOAs add up to ${lsoaTotal} (${lsoaFile})`);
	return totals;
}

/** Mid-2024 growth on mid-2022 must look like two years of change, not a misread column. */
export function assertPlausibleGrowth(table: WardAgeTable, totals2024: Map<string, number>, file: string): void {
	for (const [code, total2024] of totals2024) {
		const ratio = total2024 / ageGroups(table.get(code)!.get(2022)!).all;
		if (ratio < 0.85 || ratio > 1.2) throw new DataError(file, `ward ${code}: mid-2024 is ${ratio.toFixed(2)} × mid-2022, outside 0.85–1.20`);
	}
}

export interface PopulationEstimates {
	/** ward code → year → groups, including 2024 (all only). */
	wards: Map<string, Map<number, Partial<AgeGroups>>>;
	birmingham: Map<number, Partial<AgeGroups>>;
}

export function populationEstimates(table: WardAgeTable, totals2024: Map<string, number>): PopulationEstimates {
	const wards: PopulationEstimates['wards'] = new Map();
	const birmingham: PopulationEstimates['birmingham'] = new Map();
	const add = (year: number, groups: Partial<AgeGroups>) => {
		const city = birmingham.get(year) ?? {};
		for (const [key, value] of Object.entries(groups) as [keyof AgeGroups, number][]) city[key] = (city[key] ?? 0) + value;
		birmingham.set(year, city);
	};
	for (const code of BIRMINGHAM_WARD_CODES) {
		const years = new Map<number, Partial<AgeGroups>>();
		for (const year of YEARS) {
			const groups = ageGroups(table.get(code)!.get(year)!);
			years.set(year, groups);
			add(year, groups);
		}
		years.set(2024, { all: totals2024.get(code)! });
		add(2024, { all: totals2024.get(code)! });
		wards.set(code, years);
	}
	return { wards, birmingham };
}

/** Residents aged 16–64 for each ward and year, for claimant-count rates: 2021, 2022 and an estimate for 2024. */
export function workingAgePopulation(estimates: PopulationEstimates): Map<string, Map<number, number>> {
	const out = new Map<string, Map<number, number>>();
	for (const [code, years] of estimates.wards) {
		const y2022 = years.get(2022)!;
		// No age detail for mid-2024: the ward's mid-2022 working-age share applied to its mid-2024 total.
		const share2022 = y2022.age_16_64! / y2022.all!;
		out.set(
			code,
			new Map([
				[2021, years.get(2021)!.age_16_64!],
				[2022, y2022.age_16_64!],
				[2024, years.get(2024)!.all! * share2022]
			])
		);
	}
	return out;
}

export const basisOfYear = (year: number) => (year >= REBASE_YEAR ? BASIS_2021 : BASIS_2011);

const pct = (part: number | undefined, whole: number | undefined) => (part === undefined || !whole ? null : (100 * part) / whole);

function indicatorCells(years: Map<number, Partial<AgeGroups>>): Record<string, Cell> {
	const y2021 = years.get(2021)!;
	const y2022 = years.get(2022)!;
	const all2024 = years.get(2024)!.all;
	return {
		pop_2024: fixed(all2024, 0),
		pop_2022: fixed(y2022.all, 0),
		pop_0_15_2022: fixed(y2022.age_0_15, 0),
		pop_0_15_pct_2022: fixed(pct(y2022.age_0_15, y2022.all), 1),
		pop_16_64_2022: fixed(y2022.age_16_64, 0),
		pop_65plus_2022: fixed(y2022.age_65_plus, 0),
		pop_65plus_pct_2022: fixed(pct(y2022.age_65_plus, y2022.all), 1),
		pop_change_2021_2024_pct: fixed(all2024 === undefined ? null : (100 * (all2024 - y2021.all!)) / y2021.all!, 1)
	};
}

export const POPULATION_COLUMNS = [
	...AREA_COLUMNS,
	'pop_2024',
	'pop_2022',
	'pop_0_15_2022',
	'pop_0_15_pct_2022',
	'pop_16_64_2022',
	'pop_65plus_2022',
	'pop_65plus_pct_2022',
	'pop_change_2021_2024_pct'
];

/** population.csv: the latest figures for the 69 wards, Birmingham (their sum) and England (not in the sources: empty). */
export function populationCsv(estimates: PopulationEstimates, names: ReadonlyMap<string, string>): string {
	const rows: Record<string, Cell>[] = BIRMINGHAM_WARD_CODES.map((code) => ({
		area_code: code,
		area_name: names.get(code) ?? code,
		area_type: 'ward',
		...indicatorCells(estimates.wards.get(code)!)
	}));
	rows.push({ area_code: BIRMINGHAM_CODE, area_name: BIRMINGHAM_NAME, area_type: 'local_authority', ...indicatorCells(estimates.birmingham) });
	rows.push({ area_code: ENGLAND_CODE, area_name: ENGLAND_NAME, area_type: 'country' });
	return toCsv(POPULATION_COLUMNS, rows);
}

export const POPULATION_SERIES_COLUMNS = [...SERIES_COLUMNS, 'age_group', 'count', 'pct_of_total'];
const GROUPS: AgeGroup[] = ['all', 'age_0_15', 'age_16_64', 'age_65_plus'];

/** population_series.csv: long, one row per area, age group and year; the basis column marks the 2021 break. */
export function populationSeriesCsv(estimates: PopulationEstimates): string {
	const rows: Record<string, Cell>[] = [];
	const areas: [string, string, Map<number, Partial<AgeGroups>>][] = [
		...BIRMINGHAM_WARD_CODES.map((code) => [code, 'ward', estimates.wards.get(code)!] as [string, string, Map<number, Partial<AgeGroups>>]),
		[BIRMINGHAM_CODE, 'local_authority', estimates.birmingham]
	];
	for (const [code, type, years] of areas) {
		for (const group of GROUPS) {
			for (const [year, groups] of [...years].sort(([a], [b]) => a - b)) {
				const count = groups[group];
				if (count === undefined) continue;
				rows.push({
					area_code: code,
					area_type: type,
					period: String(year),
					date: `${year}-06-30`,
					basis: basisOfYear(year),
					age_group: group,
					count: fixed(count, 0),
					pct_of_total: group === 'all' ? '' : fixed(pct(count, groups.all), 2)
				});
			}
		}
	}
	return toCsv(POPULATION_SERIES_COLUMNS, rows);
}

export const POPULATION_SOURCE: SourceMeta = {
	id: 'ons_ward_mye_2011_2022',
	title: 'Ward-level mid-year population estimates, mid-2011 to mid-2022, by 5-year age band (2021 wards)',
	publisher: 'Office for National Statistics (ONS), as prepared by Birmingham City Council Public Health',
	...OGL,
	attribution: 'Source: Office for National Statistics licensed under the Open Government Licence v3.0. Prepared by Birmingham City Council Public Health.',
	url: 'https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates/datasets/wardlevelmidyearpopulationestimatesexperimental',
	raw_files: [AGE_FILE],
	caveats:
		'Series break at 2021: mid-2011 to mid-2020 roll the 2011 Census forward; mid-2021 and mid-2022 are rebased on Census 2021, so a 2020 to 2021 change is not real growth. ' +
		'Birmingham City Council collapsed single years of age into 5-year bands; the source of its mid-2021 and mid-2022 rows is not documented.'
};

export const POPULATION_2024_SOURCE: SourceMeta = {
	id: 'ons_sape_mid2024',
	title: 'Small area population estimates, mid-2024 (2021-based), wards and LSOAs',
	publisher: 'Office for National Statistics (ONS)',
	...OGL,
	attribution: 'Source: Office for National Statistics licensed under the Open Government Licence v3.0.',
	url: 'https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates/datasets/lowersuperoutputareamidyearpopulationestimates',
	raw_files: [WARD_2024_FILE, LSOA_2024_FILE],
	caveats:
		'The ward totals were transcribed from a third-party dashboard (Nomis NM_2014_1); the pipeline checks that they add up exactly to the ONS LSOA file for Birmingham (1,183,618). No age detail for mid-2024 and no mid-2023 ward estimates are held.'
};

const BREAK_CAVEAT =
	'Estimates up to mid-2020 roll the 2011 Census forward; from mid-2021 they are rebased on Census 2021. Do not read a change across 2020–2021 as real growth.';
const AGE15_METHOD =
	'ONS ward estimates come in 5-year age bands that split at 15, so age 15 is estimated as one fifth of the 10–14 band (the 15–19 band is mostly students in some wards).';

function populationIndicator(
	id: string,
	label: string,
	short_label: string,
	description: string,
	unit: IndicatorMeta['unit'],
	period: string,
	extra: Partial<IndicatorMeta> = {}
): IndicatorMeta {
	return {
		id,
		family: 'population',
		label,
		short_label,
		description,
		unit,
		decimals: unit === '%' ? 1 : 0,
		polarity: 'neutral',
		period,
		headline: false,
		source_id: POPULATION_SOURCE.id,
		derived: false,
		method: '',
		caveat: BREAK_CAVEAT,
		file: OUTPUT_FILE,
		column: id,
		min: unit === '%' ? (id.includes('change') ? -50 : 0) : 0,
		max: unit === '%' ? 100 : 2_000_000,
		...extra
	};
}

export const POPULATION_INDICATORS: IndicatorMeta[] = [
	populationIndicator('pop_2024', 'Population, mid-2024', 'Population 2024', 'Usual residents of the ward, ONS estimate for 30 June 2024.', 'people', 'mid-2024', {
		source_id: POPULATION_2024_SOURCE.id,
		caveat: 'ONS small area estimate for the ward itself, not a sum of neighbourhoods. Birmingham is the sum of its wards.'
	}),
	populationIndicator('pop_2022', 'Population, mid-2022', 'Population 2022', 'Usual residents of the ward, ONS estimate for 30 June 2022.', 'people', 'mid-2022'),
	populationIndicator('pop_0_15_2022', 'Children aged 0–15, mid-2022', 'Children 0–15', 'Residents aged 0 to 15, ONS ward estimate for mid-2022.', 'people', 'mid-2022', {
		derived: true,
		method: AGE15_METHOD
	}),
	populationIndicator('pop_0_15_pct_2022', 'Children aged 0–15, share of residents, mid-2022', 'Children 0–15 (%)', 'Residents aged 0 to 15 as a percentage of all residents, mid-2022.', '%', 'mid-2022', {
		derived: true,
		method: AGE15_METHOD
	}),
	populationIndicator('pop_16_64_2022', 'Working-age residents (16–64), mid-2022', 'Aged 16–64', 'Residents aged 16 to 64, the population claimant-count rates are worked out on, mid-2022.', 'people', 'mid-2022', {
		derived: true,
		method: AGE15_METHOD
	}),
	populationIndicator('pop_65plus_2022', 'People aged 65 and over, mid-2022', 'Aged 65+', 'Residents aged 65 or over, ONS ward estimate for mid-2022.', 'people', 'mid-2022'),
	populationIndicator('pop_65plus_pct_2022', 'People aged 65 and over, share of residents, mid-2022', 'Aged 65+ (%)', 'Residents aged 65 or over as a percentage of all residents, mid-2022.', '%', 'mid-2022'),
	populationIndicator(
		'pop_change_2021_2024_pct',
		'Population change, mid-2021 to mid-2024',
		'Population change 2021–24 (%)',
		'How much the number of residents grew (or fell) between mid-2021 and mid-2024, as a percentage of mid-2021.',
		'%',
		'mid-2021 to mid-2024',
		{
			derived: true,
			method: '(mid-2024 − mid-2021) ÷ mid-2021 × 100. Both estimates are based on Census 2021, so the change does not cross the 2021 series break.',
			caveat: 'The mid-2024 figure is a small area estimate and mid-2021 a ward mid-year estimate; both are Census 2021-based.'
		}
	)
];

function populationSeries(id: string, group: AgeGroup, value: 'count' | 'pct_of_total', label: string, short_label: string, description: string, latest?: string): SeriesMeta {
	const share = value === 'pct_of_total';
	return {
		id,
		family: 'population',
		label,
		short_label,
		description,
		unit: share ? '%' : 'people',
		decimals: share ? 1 : 0,
		polarity: 'neutral',
		frequency: 'year',
		source_id: POPULATION_SOURCE.id,
		derived: group === 'age_0_15' || group === 'age_16_64',
		method: group === 'age_0_15' || group === 'age_16_64' ? AGE15_METHOD : '',
		caveat: BREAK_CAVEAT + (group === 'all' ? ' Mid-2024 is the ONS small area estimate; there is no mid-2023 ward estimate.' : ''),
		file: SERIES_FILE,
		value_column: value,
		where: { column: 'age_group', value: group },
		breaks: [{ before: String(REBASE_YEAR), label: BASIS_2021 }],
		change: share ? 'difference' : 'percent',
		latest_indicator: latest
	};
}

export const POPULATION_SERIES: SeriesMeta[] = [
	populationSeries('pop_total_series', 'all', 'count', 'Population, mid-2011 to mid-2024', 'Population', 'Usual residents, ONS ward estimates for 30 June of each year.', 'pop_2024'),
	populationSeries(
		'pop_0_15_share_series',
		'age_0_15',
		'pct_of_total',
		'Children aged 0–15, share of residents, mid-2011 to mid-2022',
		'Children 0–15 (%)',
		'Residents aged 0 to 15 as a percentage of all residents.',
		'pop_0_15_pct_2022'
	),
	populationSeries(
		'pop_65plus_share_series',
		'age_65_plus',
		'pct_of_total',
		'People aged 65 and over, share of residents, mid-2011 to mid-2022',
		'Aged 65+ (%)',
		'Residents aged 65 or over as a percentage of all residents.',
		'pop_65plus_pct_2022'
	)
];

export interface PopulationBuild {
	output: FamilyOutput;
	estimates: PopulationEstimates;
}

export function buildPopulation(raw: RawDir, names: ReadonlyMap<string, string>): PopulationBuild {
	const table = parseWardAgeTable(raw.csv(AGE_FILE, ['LAD21NM', 'WD21CD', 'WD21NM', 'year', 'age_band', 'count']), AGE_FILE, names);
	const totals2024 = parseWard2024(raw.csv(WARD_2024_FILE, ['ward_code', 'population']), raw.csv(LSOA_2024_FILE, ['LA24CD', '2024POP']), WARD_2024_FILE, LSOA_2024_FILE);
	assertPlausibleGrowth(table, totals2024, WARD_2024_FILE);
	const estimates = populationEstimates(table, totals2024);
	return {
		estimates,
		output: {
			files: { [OUTPUT_FILE]: populationCsv(estimates, names), [SERIES_FILE]: populationSeriesCsv(estimates) },
			indicators: POPULATION_INDICATORS,
			sources: [POPULATION_SOURCE, POPULATION_2024_SOURCE],
			series: POPULATION_SERIES
		}
	};
}
