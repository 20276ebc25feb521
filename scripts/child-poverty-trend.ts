/**
 * Children in absolute low income before housing costs, by ward, FYE 2016 to FYE 2025: DWP/HMRC figures as
 * republished by Birmingham City Observatory and reshaped by a third party (so labelled derived). This is a
 * different measure from the relative after-housing-costs figures in child_poverty.csv and is kept in its own
 * files: the two are never joined into one line.
 */
import { fixed, toCsv, type Cell } from './lib/csv.ts';
import { DataError } from './lib/errors.ts';
import { AREA_COLUMNS, OGL, SERIES_COLUMNS, type FamilyOutput, type IndicatorMeta, type SeriesMeta, type SourceMeta } from './lib/family.ts';
import { assertRange } from './lib/numbers.ts';
import type { RawDir } from './lib/raw.ts';
import { BIRMINGHAM_CODE, BIRMINGHAM_NAME, BIRMINGHAM_WARD_CODES, ENGLAND_CODE, ENGLAND_NAME, isBirminghamWard } from './lib/wards.ts';

export const RAW_FILE = 'child_poverty/dwp_cilif_absolute_bhc_ward_birmingham_fye2016-2025_cityobservatory.json';
export const OUTPUT_FILE = 'child_poverty_absolute.csv';
export const SERIES_FILE = 'child_poverty_trend.csv';
export const FINANCIAL_YEARS = ['2015/16', '2016/17', '2017/18', '2018/19', '2019/20', '2020/21', '2021/22', '2022/23', '2023/24', '2024/25'];
export const BASIS = 'DWP absolute low income BHC';

export interface AbsolutePovertyJson {
	metric?: string;
	years: string[];
	city: { city_series: (number | null)[]; england_series: (number | null)[]; city_latest?: number; england_latest?: number };
	wards: { ward_code: string; ward_name: string; series: (number | null)[]; latest_pct?: number; first_pct?: number }[];
}

/** "2015/16" → "FYE 2016": the financial year ending in March 2016, as DWP names it. */
export const fyeOf = (financialYear: string) => `FYE ${Number(financialYear.slice(0, 4)) + 1}`;

export interface AbsoluteSeries {
	code: string;
	areaType: 'ward' | 'local_authority' | 'country';
	values: (number | null)[];
}

function checkValues(values: unknown, file: string, where: string): (number | null)[] {
	if (!Array.isArray(values) || values.length !== FINANCIAL_YEARS.length) throw new DataError(file, `expected ${FINANCIAL_YEARS.length} yearly values`, where);
	return values.map((v, i) => {
		if (v === null) return null;
		if (typeof v !== 'number' || !Number.isFinite(v)) throw new DataError(file, `value ${JSON.stringify(v)} for ${FINANCIAL_YEARS[i]} is not a number`, where);
		assertRange(v, 0, 100, file, where, `% ${FINANCIAL_YEARS[i]}`);
		return v;
	});
}

/** Validates the reshaped JSON: the measure, the ten years in order, 69 wards, and the summary fields agreeing with the series. */
export function parseAbsolutePoverty(json: AbsolutePovertyJson, file: string): AbsoluteSeries[] {
	const metric = json.metric ?? '';
	if (!/absolute/i.test(metric) || /after housing/i.test(metric)) throw new DataError(file, `metric "${metric}" is not absolute low income before housing costs`);
	if (JSON.stringify(json.years) !== JSON.stringify(FINANCIAL_YEARS)) throw new DataError(file, `years must be ${FINANCIAL_YEARS.join(', ')}; found ${json.years?.join(', ')}`);
	const seen = new Set<string>();
	const wards = json.wards.map((w, i) => {
		const where = `wards[${i}] ${w.ward_code}`;
		if (!isBirminghamWard(w.ward_code)) throw new DataError(file, `${w.ward_code} is not a Birmingham ward code`, where);
		if (seen.has(w.ward_code)) throw new DataError(file, `duplicate ward ${w.ward_code}`, where);
		seen.add(w.ward_code);
		const values = checkValues(w.series, file, where);
		if (w.latest_pct !== undefined && w.latest_pct !== values[values.length - 1]) throw new DataError(file, `latest_pct ${w.latest_pct} differs from the series' last value`, where);
		if (w.first_pct !== undefined && w.first_pct !== values[0]) throw new DataError(file, `first_pct ${w.first_pct} differs from the series' first value`, where);
		return { code: w.ward_code, areaType: 'ward' as const, values };
	});
	const missing = BIRMINGHAM_WARD_CODES.filter((c) => !seen.has(c));
	if (missing.length) throw new DataError(file, `expected all 69 Birmingham wards; missing ${missing.join(', ')}`);
	const city = checkValues(json.city?.city_series, file, 'city.city_series');
	const england = checkValues(json.city?.england_series, file, 'city.england_series');
	if (json.city.city_latest !== undefined && json.city.city_latest !== city[city.length - 1]) throw new DataError(file, 'city_latest differs from the city series', 'city');
	return [
		...wards.sort((a, b) => a.code.localeCompare(b.code)),
		{ code: BIRMINGHAM_CODE, areaType: 'local_authority', values: city },
		{ code: ENGLAND_CODE, areaType: 'country', values: england }
	];
}

export const TREND_COLUMNS = [...SERIES_COLUMNS, 'financial_year', 'pct'];

export function trendCsv(series: AbsoluteSeries[]): string {
	const rows: Record<string, Cell>[] = series.flatMap((s) =>
		FINANCIAL_YEARS.map((fy, i) => ({
			area_code: s.code,
			area_type: s.areaType,
			period: fyeOf(fy),
			date: `${Number(fy.slice(0, 4)) + 1}-03-31`,
			basis: BASIS,
			financial_year: fy,
			pct: fixed(s.values[i], 1)
		}))
	);
	return toCsv(TREND_COLUMNS, rows);
}

export const ABSOLUTE_COLUMNS = [...AREA_COLUMNS, 'cp_abs_bhc_pct_2025', 'cp_abs_bhc_pct_2016', 'cp_abs_bhc_change_2016_2025'];

export function absoluteCsv(series: AbsoluteSeries[], names: ReadonlyMap<string, string>): string {
	const last = FINANCIAL_YEARS.length - 1;
	const nameOf = (s: AbsoluteSeries) => (s.areaType === 'ward' ? (names.get(s.code) ?? s.code) : s.code === BIRMINGHAM_CODE ? BIRMINGHAM_NAME : ENGLAND_NAME);
	return toCsv(
		ABSOLUTE_COLUMNS,
		series.map((s) => {
			const [first, latest] = [s.values[0], s.values[last]];
			return {
				area_code: s.code,
				area_name: nameOf(s),
				area_type: s.areaType,
				cp_abs_bhc_pct_2025: fixed(latest, 1),
				cp_abs_bhc_pct_2016: fixed(first, 1),
				cp_abs_bhc_change_2016_2025: fixed(first === null || latest === null ? null : latest - first, 1)
			};
		})
	);
}

export const ABSOLUTE_SOURCE: SourceMeta = {
	id: 'dwp_cilif_absolute_bhc_cityobservatory',
	title: 'Children in absolute low income families (before housing costs) by ward, FYE 2016 to FYE 2025 (derived: Birmingham City Observatory data reshaped by a third party)',
	publisher: 'Department for Work and Pensions and HM Revenue & Customs, via Birmingham City Observatory',
	...OGL,
	attribution:
		'Contains public sector information licensed under the Open Government Licence v3.0. Source: DWP/HMRC Children in low income families, as republished by Birmingham City Observatory; third-party reshape.',
	url: 'https://www.cityobservatory.birmingham.gov.uk/explore/dataset/percentage-of-children-in-absolute-low-income-families-aged-0-15-birmingham-wards/',
	raw_files: [RAW_FILE],
	caveats:
		'A third-party reshape of the publisher\'s figures, not DWP\'s own file: treat as derived until checked against Stat-Xplore. Absolute low income before housing costs is a different measure from relative low income after housing costs: never join the two into one series.'
};

const MEASURE =
	'Absolute low income means a family income below 60% of the 2010/11 median, held constant in real terms, measured before housing costs. It is a different measure from the relative after-housing-costs figure elsewhere on this site, and the two must not be compared as one series.';
const DERIVED_NOTE = 'Percentages as published by DWP/HMRC and republished by Birmingham City Observatory, taken from a third-party reshape (labelled derived).';

export const ABSOLUTE_INDICATORS: IndicatorMeta[] = [
	{
		id: 'cp_abs_bhc_pct_2025',
		family: 'child_poverty',
		label: 'Children in absolute low income before housing costs, FYE 2025 (%)',
		short_label: 'Absolute child poverty BHC (%)',
		description: `The percentage of children under 16 living in a family in absolute low income before housing costs, April 2024 to March 2025. ${MEASURE}`,
		unit: '%',
		decimals: 1,
		polarity: 'higher_is_worse',
		period: 'FYE 2025 (April 2024 to March 2025)',
		headline: false,
		source_id: ABSOLUTE_SOURCE.id,
		derived: true,
		method: DERIVED_NOTE,
		caveat: MEASURE,
		file: OUTPUT_FILE,
		column: 'cp_abs_bhc_pct_2025',
		min: 0,
		max: 100
	},
	{
		id: 'cp_abs_bhc_change_2016_2025',
		family: 'child_poverty',
		label: 'Change in children in absolute low income before housing costs, FYE 2016 to FYE 2025 (points)',
		short_label: 'Change in absolute child poverty (points)',
		description: 'How many percentage points the share of children in absolute low income before housing costs rose (or fell) between FYE 2016 and FYE 2025.',
		unit: 'score',
		decimals: 1,
		polarity: 'higher_is_worse',
		period: 'FYE 2016 to FYE 2025',
		headline: false,
		source_id: ABSOLUTE_SOURCE.id,
		derived: true,
		method: `FYE 2025 percentage minus FYE 2016 percentage, in percentage points. ${DERIVED_NOTE}`,
		caveat: MEASURE,
		file: OUTPUT_FILE,
		column: 'cp_abs_bhc_change_2016_2025',
		min: -50,
		max: 60
	}
];

export const ABSOLUTE_SERIES: SeriesMeta[] = [
	{
		id: 'cp_abs_bhc_series',
		family: 'child_poverty',
		label: 'Children in absolute low income before housing costs, FYE 2016 to FYE 2025',
		short_label: 'Absolute child poverty BHC (%)',
		description: 'The percentage of children under 16 living in a family in absolute low income before housing costs, each financial year.',
		unit: '%',
		decimals: 1,
		polarity: 'higher_is_worse',
		frequency: 'year',
		source_id: ABSOLUTE_SOURCE.id,
		derived: true,
		method: DERIVED_NOTE,
		caveat: MEASURE,
		file: SERIES_FILE,
		value_column: 'pct',
		breaks: [],
		change: 'difference',
		latest_indicator: 'cp_abs_bhc_pct_2025'
	}
];

export function buildChildPovertyTrend(raw: RawDir, names: ReadonlyMap<string, string>): FamilyOutput {
	const series = parseAbsolutePoverty(raw.json<AbsolutePovertyJson>(RAW_FILE), RAW_FILE);
	return {
		files: { [OUTPUT_FILE]: absoluteCsv(series, names), [SERIES_FILE]: trendCsv(series) },
		indicators: ABSOLUTE_INDICATORS,
		sources: [ABSOLUTE_SOURCE],
		series: ABSOLUTE_SERIES
	};
}
