import { fixed, readCsvCells, toCsv, type Cell } from './lib/csv.ts';
import { DataError } from './lib/errors.ts';
import { AREA_COLUMNS, OGL, type FamilyOutput, type IndicatorMeta, type SourceMeta } from './lib/family.ts';
import { assertRange, parseNumber } from './lib/numbers.ts';
import { RawDir, WEST_MIDLANDS_DISTRICTS, wardNames } from './lib/raw.ts';
import { BIRMINGHAM_CODE, BIRMINGHAM_NAME, ENGLAND_CODE, ENGLAND_NAME, assertExactlyBirminghamWards } from './lib/wards.ts';

export const WARD_FILE = 'child_poverty/dwp_cilif_ahc_relative_ward_fye2024-2025_westmids.csv';
export const LA_FILE = 'child_poverty/dwp_cilif_ahc_relative_la_fye2024-2025.csv';
export const OUTPUT_FILE = 'child_poverty.csv';

export const UK_CODE = 'K02000001';
export const UK_NAME = 'United Kingdom';

/** Both DWP tables must be this measure; a BHC or absolute table has the same shape and would slip through. */
const REQUIRED_TITLE_PHRASES = ['Children (aged under 16)', 'Relative low income', 'After Housing Costs', 'FYE 2024 to 2025'];

const VALUE_HEADER = [
	'Number of children FYE 2024',
	'Number of children FYE 2025',
	'Percentage of children FYE 2024 (%) [note 3]',
	'Percentage of children FYE 2025 (%) [note 3]'
];
export const WARD_TABLE_HEADER = ['Local Authority [note 2]', 'Area Code', 'Ward [note 2]', 'Area Code', ...VALUE_HEADER];
export const LA_TABLE_HEADER = ['Local Authority [note 2]', 'Area Code', ...VALUE_HEADER];

export const VALUE_COLUMNS = ['cp_ahc_count_2024', 'cp_ahc_pct_2024', 'cp_ahc_count_2025', 'cp_ahc_pct_2025'] as const;
export const OUTPUT_COLUMNS = [...AREA_COLUMNS, ...VALUE_COLUMNS];

/** Children under 16; the largest Birmingham ward has about 5,000 such children in low income. */
const COUNT_LIMITS = { ward: 20_000, local_authority: 1_000_000, country: 10_000_000 } as const;
/** Ward counts are rounded separately from the district count, so their sum drifts by a few children only. */
const MAX_WARD_SUM_DRIFT = 0.02;

export interface ChildPovertyFigures {
	count2024: number | null;
	count2025: number | null;
	pct2024: number | null;
	pct2025: number | null;
}

export interface WardChildPoverty extends ChildPovertyFigures {
	code: string;
	name: string;
}

export interface ChildPovertyBenchmarks {
	birmingham: ChildPovertyFigures;
	england: ChildPovertyFigures | null;
	uk: ChildPovertyFigures | null;
}

const normaliseHeaderCell = (cell: string): string => cell.replace(/\s+/g, ' ').trim();

/**
 * Finds the header row below DWP's title rows, checks the title names the expected measure and the header is
 * exactly the expected one, and returns the index of the first data record.
 */
export function locateTable(cells: string[][], expectedHeader: string[], file: string): number {
	const title = normaliseHeaderCell(cells[0]?.[0] ?? '');
	for (const phrase of REQUIRED_TITLE_PHRASES) {
		if (!title.toLowerCase().includes(phrase.toLowerCase())) {
			throw new DataError(file, `unexpected table title: "${title}" does not mention "${phrase}"`, 1);
		}
	}
	const headerIndex = cells.findIndex((row) => normaliseHeaderCell(row[0] ?? '') === expectedHeader[0]);
	if (headerIndex < 0) throw new DataError(file, `unexpected header: no record starts with "${expectedHeader[0]}"`);
	const header = cells[headerIndex].map(normaliseHeaderCell);
	while (header.length > expectedHeader.length && header[header.length - 1] === '') header.pop();
	if (header.length !== expectedHeader.length || header.some((cell, i) => cell !== expectedHeader[i])) {
		throw new DataError(file, `unexpected header: expected [${expectedHeader.join(' | ')}], found [${header.join(' | ')}]`, headerIndex + 1);
	}
	return headerIndex + 1;
}

function parseFigures(values: string[], file: string, row: number | string, countLimit: number): ChildPovertyFigures {
	const [count2024, count2025, pct2024, pct2025] = values.map((value, i) => parseNumber(value, file, row, VALUE_HEADER[i]));
	assertRange(count2024, 0, countLimit, file, row, VALUE_HEADER[0]);
	assertRange(count2025, 0, countLimit, file, row, VALUE_HEADER[1]);
	assertRange(pct2024, 0, 100, file, row, VALUE_HEADER[2]);
	assertRange(pct2025, 0, 100, file, row, VALUE_HEADER[3]);
	return { count2024, count2025, pct2024, pct2025 };
}

const OTHER_WEST_MIDLANDS_DISTRICTS = new Set(WEST_MIDLANDS_DISTRICTS.filter((code) => code !== BIRMINGHAM_CODE));

/**
 * Reads DWP Table 4 (ward). Keeps Birmingham's wards, checks each ward name against its code, and returns the
 * UK total row. Wards of the six other West Midlands districts are excluded by that rule; any other record
 * is an error.
 */
export function parseWardTable(
	cells: string[][],
	expectedNames: ReadonlyMap<string, string>,
	file: string
): { wards: WardChildPoverty[]; uk: ChildPovertyFigures | null } {
	const firstData = locateTable(cells, WARD_TABLE_HEADER, file);
	const wards: WardChildPoverty[] = [];
	let uk: ChildPovertyFigures | null = null;
	for (let i = firstData; i < cells.length; i++) {
		const record = i + 1;
		const row = cells[i].map((c) => c.trim());
		if (row.length !== WARD_TABLE_HEADER.length) {
			throw new DataError(file, `expected ${WARD_TABLE_HEADER.length} cells, found ${row.length}`, record);
		}
		const [districtName, districtCode, wardName, wardCode, ...values] = row;
		if (districtCode === BIRMINGHAM_CODE) {
			if (districtName !== BIRMINGHAM_NAME) throw new DataError(file, `district ${districtCode} is named "${districtName}", not ${BIRMINGHAM_NAME}`, record);
			const expectedName = expectedNames.get(wardCode);
			if (expectedName === undefined) throw new DataError(file, `${wardCode} is not a Birmingham ward code`, record);
			if (expectedName !== wardName) throw new DataError(file, `ward ${wardCode} is named "${wardName}" but the ward lookup says "${expectedName}"`, record);
			if (wards.some((w) => w.code === wardCode)) throw new DataError(file, `duplicate ward ${wardCode}`, record);
			wards.push({ code: wardCode, name: wardName, ...parseFigures(values, file, record, COUNT_LIMITS.ward) });
		} else if (OTHER_WEST_MIDLANDS_DISTRICTS.has(districtCode)) {
			continue;
		} else if (districtCode === '' && wardCode === UK_CODE) {
			if (uk) throw new DataError(file, `duplicate ${UK_CODE} row`, record);
			uk = parseFigures(values, file, record, COUNT_LIMITS.country);
		} else {
			throw new DataError(file, `unexpected record for district "${districtCode}", area "${wardCode}"`, record);
		}
	}
	return { wards, uk };
}

/** Reads DWP Table 2 (every UK local authority plus the UK total) into area code → figures. */
export function parseLaTable(cells: string[][], file: string): Map<string, ChildPovertyFigures> {
	const firstData = locateTable(cells, LA_TABLE_HEADER, file);
	const byCode = new Map<string, ChildPovertyFigures>();
	for (let i = firstData; i < cells.length; i++) {
		const record = i + 1;
		const row = cells[i].map((c) => c.trim());
		while (row.length > LA_TABLE_HEADER.length && row[row.length - 1] === '') row.pop();
		if (row.length !== LA_TABLE_HEADER.length) throw new DataError(file, `expected ${LA_TABLE_HEADER.length} cells, found ${row.length}`, record);
		const [, code, ...values] = row;
		if (!/^[EKNSW]\d{8}$/.test(code)) throw new DataError(file, `"${code}" is not a GSS area code`, record);
		if (byCode.has(code)) throw new DataError(file, `duplicate area ${code}`, record);
		const limit = code === UK_CODE || code === ENGLAND_CODE ? COUNT_LIMITS.country : COUNT_LIMITS.local_authority;
		byCode.set(code, parseFigures(values, file, record, limit));
	}
	return byCode;
}

/** Birmingham is required; England and the UK are taken only when the table has them. */
export function pickBenchmarks(byCode: ReadonlyMap<string, ChildPovertyFigures>, file: string): ChildPovertyBenchmarks {
	const birmingham = byCode.get(BIRMINGHAM_CODE);
	if (!birmingham) throw new DataError(file, `no row for ${BIRMINGHAM_CODE} (${BIRMINGHAM_NAME})`);
	return { birmingham, england: byCode.get(ENGLAND_CODE) ?? null, uk: byCode.get(UK_CODE) ?? null };
}

/** The ward counts must add up to the district count, give or take rounding: catches shifted or swapped columns. */
export function assertWardsAddUpToDistrict(wards: WardChildPoverty[], birmingham: ChildPovertyFigures, file: string): void {
	for (const key of ['count2024', 'count2025'] as const) {
		const district = birmingham[key];
		if (district === null || wards.some((w) => w[key] === null)) continue;
		const sum = wards.reduce((total, w) => total + (w[key] ?? 0), 0);
		if (Math.abs(sum - district) > MAX_WARD_SUM_DRIFT * district) {
			throw new DataError(file, `${key}: Birmingham's wards add up to ${sum} but the district figure is ${district}`);
		}
	}
}

/** Fails when two tables give different figures for the same area (the UK row appears in both). */
export function assertSameFigures(a: ChildPovertyFigures, b: ChildPovertyFigures, what: string, file: string): void {
	for (const key of ['count2024', 'count2025', 'pct2024', 'pct2025'] as const) {
		if (a[key] !== b[key]) throw new DataError(file, `${what} ${key} differs between the ward and district tables (${a[key]} vs ${b[key]})`);
	}
}

function figureCells(f: ChildPovertyFigures | null): Record<string, Cell> {
	return {
		cp_ahc_count_2024: fixed(f?.count2024, 0),
		cp_ahc_pct_2024: fixed(f?.pct2024, 1),
		cp_ahc_count_2025: fixed(f?.count2025, 0),
		cp_ahc_pct_2025: fixed(f?.pct2025, 1)
	};
}

/** child_poverty.csv: the 69 wards by code, then Birmingham, England (empty when the source has none) and the UK. */
export function childPovertyCsv(wards: WardChildPoverty[], benchmarks: ChildPovertyBenchmarks): string {
	const sorted = [...wards].sort((a, b) => a.code.localeCompare(b.code));
	assertExactlyBirminghamWards(sorted.map((w) => w.code), OUTPUT_FILE);
	const rows: Record<string, Cell>[] = [
		...sorted.map((w) => ({ area_code: w.code, area_name: w.name, area_type: 'ward', ...figureCells(w) })),
		{ area_code: BIRMINGHAM_CODE, area_name: BIRMINGHAM_NAME, area_type: 'local_authority', ...figureCells(benchmarks.birmingham) },
		{ area_code: ENGLAND_CODE, area_name: ENGLAND_NAME, area_type: 'country', ...figureCells(benchmarks.england) }
	];
	if (benchmarks.uk) rows.push({ area_code: UK_CODE, area_name: UK_NAME, area_type: 'country', ...figureCells(benchmarks.uk) });
	return toCsv(OUTPUT_COLUMNS, rows);
}

export const CHILD_POVERTY_SOURCE: SourceMeta = {
	id: 'dwp_cilif_2025',
	title: 'Children in low income families: local area statistics, FYE 2025 (relative low income after housing costs)',
	publisher: 'Department for Work and Pensions (DWP)',
	...OGL,
	attribution:
		'Contains public sector information licensed under the Open Government Licence v3.0. Source: Department for Work and Pensions, Children in low income families: local area statistics, financial years ending 2024 and 2025 (March 2026 release), tables 2 and 4.',
	url: 'https://www.gov.uk/government/collections/children-in-low-income-families-local-area-statistics',
	raw_files: [WARD_FILE, LA_FILE],
	caveats:
		'After-housing-costs figures for local areas are DWP estimates modelled from the before-housing-costs administrative data; ward tables after housing costs start with FYE 2024. The tables have no England row, so England benchmarks are left empty. Methods differ from End Child Poverty and ONS series: never join them into one time series.'
};

const CAVEAT =
	'DWP estimates: the after-housing-costs figures for local areas are modelled from before-housing-costs administrative data (benefit and tax credit records), so they carry uncertainty, especially for small wards. Ward after-housing-costs figures only exist for FYE 2024 and FYE 2025. The methods differ from the End Child Poverty estimates and from other ONS or DWP series, so never join these figures with them into one time series. DWP publishes no England figure in these tables, so only Birmingham and the UK are shown for comparison.';

function indicator(id: (typeof VALUE_COLUMNS)[number], year: 2024 | 2025, kind: 'count' | 'pct'): IndicatorMeta {
	const span = year === 2025 ? 'April 2024 to March 2025' : 'April 2023 to March 2024';
	const what =
		kind === 'pct'
			? `The percentage of children under 16 who live in a family with a low income once housing costs (rent or mortgage) are paid`
			: `The number of children under 16 who live in a family with a low income once housing costs (rent or mortgage) are paid`;
	return {
		id,
		family: 'child_poverty',
		label: `Children in relative low income after housing costs, FYE ${year} (${kind === 'pct' ? '%' : 'number'})`,
		short_label: kind === 'pct' ? `Child poverty ${year} (%)` : `Children in poverty ${year}`,
		description: `${what}. "Low income" means less than 60% of the typical (median) UK family income that year. FYE ${year} means the financial year ending in ${year}: ${span}.`,
		unit: kind === 'pct' ? '%' : 'count',
		decimals: kind === 'pct' ? 1 : 0,
		polarity: 'higher_is_worse',
		period: `FYE ${year} (${span})`,
		headline: id === 'cp_ahc_pct_2025',
		source_id: CHILD_POVERTY_SOURCE.id,
		derived: false,
		method: '',
		caveat: CAVEAT,
		file: OUTPUT_FILE,
		column: id,
		min: 0,
		// The UK row (about 3.3 million children) is in the same column as the wards.
		max: kind === 'pct' ? 100 : COUNT_LIMITS.country
	};
}

export const CHILD_POVERTY_INDICATORS: IndicatorMeta[] = [
	indicator('cp_ahc_count_2024', 2024, 'count'),
	indicator('cp_ahc_pct_2024', 2024, 'pct'),
	indicator('cp_ahc_count_2025', 2025, 'count'),
	indicator('cp_ahc_pct_2025', 2025, 'pct')
];

export function buildChildPoverty(raw: RawDir): FamilyOutput {
	const { wards, uk: ukFromWardTable } = parseWardTable(readCsvCells(raw.path(WARD_FILE)), wardNames(raw), WARD_FILE);
	const benchmarks = pickBenchmarks(parseLaTable(readCsvCells(raw.path(LA_FILE)), LA_FILE), LA_FILE);
	assertWardsAddUpToDistrict(wards, benchmarks.birmingham, WARD_FILE);
	if (ukFromWardTable && benchmarks.uk) assertSameFigures(ukFromWardTable, benchmarks.uk, UK_CODE, WARD_FILE);
	return {
		files: { [OUTPUT_FILE]: childPovertyCsv(wards, benchmarks) },
		indicators: CHILD_POVERTY_INDICATORS,
		sources: [CHILD_POVERTY_SOURCE]
	};
}
