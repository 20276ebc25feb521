/**
 * Claimant count by ward, monthly from May 2021: DWP/ONS figures as republished by Birmingham City Observatory
 * and reshaped by a third party (so labelled derived). Counts are as published; monthly rates are worked out
 * here on ONS ward populations aged 16–64, so every month rests on the same kind of denominator.
 */
import { fixed, toCsv, type Cell } from './lib/csv.ts';
import { DataError } from './lib/errors.ts';
import { AREA_COLUMNS, OGL, SERIES_COLUMNS, type FamilyOutput, type IndicatorMeta, type SeriesMeta, type SourceMeta } from './lib/family.ts';
import { assertRange } from './lib/numbers.ts';
import type { RawDir } from './lib/raw.ts';
import { BIRMINGHAM_CODE, BIRMINGHAM_NAME, BIRMINGHAM_WARD_CODES, ENGLAND_CODE, ENGLAND_NAME, isBirminghamWard } from './lib/wards.ts';

export const RAW_FILE = 'other/dwp_claimant_count_ward_birmingham_2021-05_to_2026-04_cityobservatory.json';
export const OUTPUT_FILE = 'claimant_count.csv';
export const SERIES_FILE = 'claimant_count_monthly.csv';
export const FIRST_MONTH = '2021-05';
export const LATEST_MONTH = '2026-04';
export const BASIS = 'DWP claimant count';

export interface ClaimantJson {
	metric?: string;
	months: string[];
	wards: { ward_code: string; ward_name: string; count: number; pct_16_64: number; trend: number[]; period?: string }[];
}

export interface WardClaimants {
	code: string;
	name: string;
	/** Published for the latest month. */
	count: number;
	pct: number;
	/** Count for each month, in `months` order. */
	trend: number[];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Validates the reshaped JSON: consecutive months May 2021 to April 2026, 69 wards, whole counts rounded to 5. */
export function parseClaimants(json: ClaimantJson, file: string): { months: string[]; wards: WardClaimants[] } {
	if (!/16-64/.test(json.metric ?? '')) throw new DataError(file, `metric "${json.metric}" is not the claimant rate of residents aged 16–64`);
	const months = json.months;
	if (!Array.isArray(months) || months[0] !== FIRST_MONTH || months[months.length - 1] !== LATEST_MONTH) {
		throw new DataError(file, `months must run from ${FIRST_MONTH} to ${LATEST_MONTH}; found ${months?.[0]} to ${months?.[months.length - 1]}`);
	}
	months.forEach((m, i) => {
		const match = MONTH.exec(m);
		if (!match) throw new DataError(file, `month "${m}" is not YYYY-MM`, `months[${i}]`);
		if (i > 0) {
			const [y, mo] = months[i - 1].split('-').map(Number);
			const expected = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
			if (m !== expected) throw new DataError(file, `month ${m} follows ${months[i - 1]}: months must be consecutive`, `months[${i}]`);
		}
	});
	const seen = new Set<string>();
	const wards = json.wards.map((w, i) => {
		const where = `wards[${i}] ${w.ward_code}`;
		if (!isBirminghamWard(w.ward_code)) throw new DataError(file, `${w.ward_code} is not a Birmingham ward code`, where);
		if (seen.has(w.ward_code)) throw new DataError(file, `duplicate ward ${w.ward_code}`, where);
		seen.add(w.ward_code);
		if (!Array.isArray(w.trend) || w.trend.length !== months.length) throw new DataError(file, `trend has ${w.trend?.length} values for ${months.length} months`, where);
		w.trend.forEach((count, m) => {
			if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count % 5 !== 0) {
				throw new DataError(file, `count ${count} for ${months[m]} is not a whole number rounded to 5`, where);
			}
			assertRange(count, 0, 10_000, file, where, `count ${months[m]}`);
		});
		if (w.count !== w.trend[w.trend.length - 1]) throw new DataError(file, `latest count ${w.count} differs from the trend's last value ${w.trend[w.trend.length - 1]}`, where);
		assertRange(w.pct_16_64, 0, 50, file, where, 'pct_16_64');
		return { code: w.ward_code, name: w.ward_name.replace(/\s*\(Birmingham\)$/, ''), count: w.count, pct: w.pct_16_64, trend: w.trend };
	});
	const missing = BIRMINGHAM_WARD_CODES.filter((c) => !seen.has(c));
	if (missing.length) throw new DataError(file, `expected all 69 Birmingham wards; missing ${missing.join(', ')}`);
	return { months, wards: wards.sort((a, b) => a.code.localeCompare(b.code)) };
}

/**
 * Which ward estimate of residents aged 16–64 a month's rate rests on: the latest at or before the month's
 * year (mid-2021, mid-2022, or the mid-2024 estimate), as ONS does when newer estimates are not yet out.
 */
export function denominatorYear(month: string, available: readonly number[]): number {
	const year = Number(month.slice(0, 4));
	const candidates = available.filter((y) => y <= year);
	if (!candidates.length) throw new DataError(SERIES_FILE, `no population estimate at or before ${month}`);
	return Math.max(...candidates);
}

export interface MonthlyRow {
	area_code: string;
	area_type: 'ward' | 'local_authority';
	month: string;
	count: number;
	rate: number;
	populationYear: number;
}

/** Monthly counts and rates for every ward and for Birmingham (the sum of its wards). */
export function monthlyRows(months: string[], wards: WardClaimants[], workingAge: ReadonlyMap<string, ReadonlyMap<number, number>>): MonthlyRow[] {
	const rows: MonthlyRow[] = [];
	const city = months.map(() => ({ count: 0, population: 0, populationYear: 0 }));
	for (const ward of wards) {
		const populations = workingAge.get(ward.code);
		if (!populations) throw new DataError(SERIES_FILE, `no residents aged 16–64 for ward ${ward.code}`);
		months.forEach((month, i) => {
			const populationYear = denominatorYear(month, [...populations.keys()]);
			const population = populations.get(populationYear)!;
			rows.push({ area_code: ward.code, area_type: 'ward', month, count: ward.trend[i], rate: (100 * ward.trend[i]) / population, populationYear });
			city[i].count += ward.trend[i];
			city[i].population += population;
			city[i].populationYear = populationYear;
		});
	}
	months.forEach((month, i) =>
		rows.push({ area_code: BIRMINGHAM_CODE, area_type: 'local_authority', month, count: city[i].count, rate: (100 * city[i].count) / city[i].population, populationYear: city[i].populationYear })
	);
	return rows;
}

/** The derived monthly rates must stay close to the rates DWP publishes for the latest month. */
export function assertCloseToPublished(rows: MonthlyRow[], wards: WardClaimants[], file: string, tolerance = 1): void {
	for (const ward of wards) {
		const latest = rows.find((r) => r.area_code === ward.code && r.month === LATEST_MONTH)!;
		if (Math.abs(latest.rate - ward.pct) > tolerance) {
			throw new DataError(file, `ward ${ward.code}: derived ${LATEST_MONTH} rate ${latest.rate.toFixed(1)}% is more than ${tolerance} point from the published ${ward.pct}%`);
		}
	}
}

export const CLAIMANT_SERIES_COLUMNS = [...SERIES_COLUMNS, 'count', 'rate', 'rate_population'];

export function claimantSeriesCsv(rows: MonthlyRow[]): string {
	const sorted = [...rows].sort((a, b) => (a.area_type === b.area_type ? a.area_code.localeCompare(b.area_code) : a.area_type === 'ward' ? -1 : 1) || a.month.localeCompare(b.month));
	return toCsv(
		CLAIMANT_SERIES_COLUMNS,
		sorted.map((r) => ({
			area_code: r.area_code,
			area_type: r.area_type,
			period: r.month,
			date: `${r.month}-01`,
			basis: BASIS,
			count: fixed(r.count, 0),
			rate: fixed(r.rate, 2),
			rate_population: r.populationYear === 2024 ? 'mid-2024 (estimated ages)' : `mid-${r.populationYear}`
		}))
	);
}

export const CLAIMANT_COLUMNS = [...AREA_COLUMNS, 'cc_count_2026_04', 'cc_pct_2026_04'];

export function claimantCsv(wards: WardClaimants[], birmingham: MonthlyRow, names: ReadonlyMap<string, string>): string {
	const rows: Record<string, Cell>[] = wards.map((w) => ({
		area_code: w.code,
		area_name: names.get(w.code) ?? w.name,
		area_type: 'ward',
		cc_count_2026_04: fixed(w.count, 0),
		cc_pct_2026_04: fixed(w.pct, 1)
	}));
	rows.push({ area_code: BIRMINGHAM_CODE, area_name: BIRMINGHAM_NAME, area_type: 'local_authority', cc_count_2026_04: fixed(birmingham.count, 0), cc_pct_2026_04: fixed(birmingham.rate, 1) });
	rows.push({ area_code: ENGLAND_CODE, area_name: ENGLAND_NAME, area_type: 'country' });
	return toCsv(CLAIMANT_COLUMNS, rows);
}

export const CLAIMANT_SOURCE: SourceMeta = {
	id: 'dwp_claimant_count_cityobservatory',
	title: 'Claimant count by ward, May 2021 to April 2026 (derived: Birmingham City Observatory data reshaped by a third party)',
	publisher: 'Department for Work and Pensions and Office for National Statistics, via Birmingham City Observatory',
	...OGL,
	attribution:
		'Contains public sector information licensed under the Open Government Licence v3.0. Source: DWP/ONS Claimant Count, as republished by Birmingham City Observatory (datasets claimant-count-by-sex-birmingham-wards-latest and claimant-count-birmingham-wards-5years); third-party reshape.',
	url: 'https://www.cityobservatory.birmingham.gov.uk/explore/dataset/claimant-count-birmingham-wards-5years/',
	raw_files: [RAW_FILE],
	caveats:
		'A third-party reshape of the publisher\'s figures, not the publisher\'s own file: treat as derived until checked against Nomis. Counts are rounded to the nearest 5 by DWP. No England series is held.'
};

const CAVEAT =
	'The claimant count is people claiming benefit mainly because they are unemployed: Jobseeker’s Allowance, and Universal Credit claimants required to look for work (which includes some people in low-paid work). Counts are rounded to the nearest 5. The figures come from a third-party reshape of the DWP/ONS data, so they are labelled derived.';
const BIRMINGHAM_NOTE = 'Birmingham is the sum of its wards, and its rate the sum of ward counts over the sum of ward residents aged 16–64 (mid-2024, estimated ages).';

export const CLAIMANT_INDICATORS: IndicatorMeta[] = [
	{
		id: 'cc_pct_2026_04',
		family: 'employment',
		label: 'Claimant count, % of residents aged 16–64, April 2026',
		short_label: 'Claimant rate (%)',
		description: 'People claiming unemployment-related benefits as a percentage of residents aged 16 to 64.',
		unit: '%',
		decimals: 1,
		polarity: 'higher_is_worse',
		period: 'April 2026',
		headline: true,
		source_id: CLAIMANT_SOURCE.id,
		derived: true,
		method: `Ward rate as published by DWP/ONS (on their own population base) and republished by Birmingham City Observatory; taken from a third-party reshape. ${BIRMINGHAM_NOTE}`,
		caveat: CAVEAT,
		file: OUTPUT_FILE,
		column: 'cc_pct_2026_04',
		min: 0,
		max: 50
	},
	{
		id: 'cc_count_2026_04',
		family: 'employment',
		label: 'Claimant count, April 2026 (number)',
		short_label: 'Claimants',
		description: 'The number of people claiming unemployment-related benefits, rounded to the nearest 5.',
		unit: 'count',
		decimals: 0,
		polarity: 'higher_is_worse',
		period: 'April 2026',
		headline: false,
		source_id: CLAIMANT_SOURCE.id,
		derived: true,
		method: `Count as published by DWP/ONS, taken from a third-party reshape of Birmingham City Observatory data. ${BIRMINGHAM_NOTE}`,
		caveat: CAVEAT,
		file: OUTPUT_FILE,
		column: 'cc_count_2026_04',
		min: 0,
		max: 200_000
	}
];

const RATE_METHOD =
	'Monthly count ÷ ward residents aged 16–64 × 100. Residents aged 16–64 come from the ONS ward estimates: mid-2021 for months in 2021, mid-2022 for 2022 and 2023, and for 2024 onwards the mid-2024 ward total times the ward’s mid-2022 share aged 16–64 (age 15 is estimated as a fifth of the 10–14 band). DWP’s published rate for April 2026 uses its own population base and differs by up to about half a point.';

export const CLAIMANT_SERIES: SeriesMeta[] = [
	{
		id: 'cc_rate_series',
		family: 'employment',
		label: 'Claimant count, % of residents aged 16–64, monthly',
		short_label: 'Claimant rate (%)',
		description: 'People claiming unemployment-related benefits each month, as a percentage of residents aged 16 to 64.',
		unit: '%',
		decimals: 1,
		polarity: 'higher_is_worse',
		frequency: 'month',
		source_id: CLAIMANT_SOURCE.id,
		derived: true,
		method: RATE_METHOD,
		caveat: CAVEAT,
		file: SERIES_FILE,
		value_column: 'rate',
		breaks: [],
		change: 'difference',
		latest_indicator: 'cc_pct_2026_04'
	},
	{
		id: 'cc_count_series',
		family: 'employment',
		label: 'Claimant count, monthly (number)',
		short_label: 'Claimants',
		description: 'The number of people claiming unemployment-related benefits each month, rounded to the nearest 5.',
		unit: 'count',
		decimals: 0,
		polarity: 'higher_is_worse',
		frequency: 'month',
		source_id: CLAIMANT_SOURCE.id,
		derived: true,
		method: 'Monthly counts as published by DWP/ONS, taken from a third-party reshape of Birmingham City Observatory data. Birmingham is the sum of its wards.',
		caveat: CAVEAT,
		file: SERIES_FILE,
		value_column: 'count',
		breaks: [],
		change: 'percent',
		latest_indicator: 'cc_count_2026_04'
	}
];

export function buildClaimantCount(raw: RawDir, workingAge: ReadonlyMap<string, ReadonlyMap<number, number>>, names: ReadonlyMap<string, string>): FamilyOutput {
	const { months, wards } = parseClaimants(raw.json<ClaimantJson>(RAW_FILE), RAW_FILE);
	const rows = monthlyRows(months, wards, workingAge);
	assertCloseToPublished(rows, wards, RAW_FILE);
	const birminghamLatest = rows.find((r) => r.area_code === BIRMINGHAM_CODE && r.month === LATEST_MONTH)!;
	return {
		files: { [OUTPUT_FILE]: claimantCsv(wards, birminghamLatest, names), [SERIES_FILE]: claimantSeriesCsv(rows) },
		indicators: CLAIMANT_INDICATORS,
		sources: [CLAIMANT_SOURCE],
		series: CLAIMANT_SERIES
	};
}
