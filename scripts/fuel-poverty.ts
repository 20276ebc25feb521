/**
 * Fuel poverty 2022 (DESNZ, Low Income Low Energy Efficiency): households by LSOA 2021, summed to wards
 * through the ONS best-fit lookup. Birmingham and England come from the publisher's own district table.
 */
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { fixed, toCsv, type Cell, type CsvRow } from './lib/csv.ts';
import { DataError } from './lib/errors.ts';
import { AREA_COLUMNS, OGL, type FamilyOutput, type IndicatorMeta, type SourceMeta } from './lib/family.ts';
import { assertRange, requireNumber } from './lib/numbers.ts';
import { FILES, lsoa21ToWard, type RawDir } from './lib/raw.ts';
import { BIRMINGHAM_CODE, BIRMINGHAM_NAME, BIRMINGHAM_WARD_CODES, ENGLAND_CODE, ENGLAND_NAME } from './lib/wards.ts';

export const LSOA_FILE = 'other/desnz_fuel_poverty_lsoa21_2022_westmids.csv';
export const WORKBOOK_FILE = 'other/desnz_sub-regional-fuel-poverty-2024-2022-data.xlsx';
export const OUTPUT_FILE = 'fuel_poverty.csv';

export const LSOA_COLUMNS = {
	code: 'LSOA Code',
	district: 'LA Code',
	households: 'Number of households',
	fuelPoor: 'Number of households in fuel poverty',
	pct: 'Proportion of households fuel poor (%)'
} as const;

export interface FuelPovertyFigures {
	households: number;
	fuelPoor: number;
}

/** The published LSOA rate is fuel-poor ÷ households of unrounded model estimates: a check on shifted columns. */
const MAX_RATE_MISMATCH_POINTS = 0.6;

/** Birmingham's LSOAs with their modelled households and fuel-poor households, validated row by row. */
export function parseLsoaTable(rows: CsvRow[], file: string): Map<string, FuelPovertyFigures> {
	const byLsoa = new Map<string, FuelPovertyFigures>();
	rows.forEach((row, i) => {
		const record = i + 2;
		if (row[LSOA_COLUMNS.district] !== BIRMINGHAM_CODE) return;
		const code = row[LSOA_COLUMNS.code];
		if (!/^E01\d{6}$/.test(code)) throw new DataError(file, `"${code}" is not an LSOA code`, record);
		if (byLsoa.has(code)) throw new DataError(file, `duplicate LSOA ${code}`, record);
		const households = requireNumber(row[LSOA_COLUMNS.households], file, record, LSOA_COLUMNS.households);
		const fuelPoor = requireNumber(row[LSOA_COLUMNS.fuelPoor], file, record, LSOA_COLUMNS.fuelPoor);
		const pct = requireNumber(row[LSOA_COLUMNS.pct], file, record, LSOA_COLUMNS.pct);
		assertRange(households, 100, 5_000, file, record, LSOA_COLUMNS.households);
		assertRange(fuelPoor, 0, households, file, record, LSOA_COLUMNS.fuelPoor);
		assertRange(pct, 0, 100, file, record, LSOA_COLUMNS.pct);
		if (Math.abs((100 * fuelPoor) / households - pct) > MAX_RATE_MISMATCH_POINTS) {
			throw new DataError(file, `${fuelPoor} of ${households} households is not the published ${pct}%`, record);
		}
		byLsoa.set(code, { households, fuelPoor });
	});
	return byLsoa;
}

/** Sums LSOAs into their best-fit wards. Every LSOA must have a ward and every lookup LSOA a figure. */
export function aggregateToWards(byLsoa: ReadonlyMap<string, FuelPovertyFigures>, lookup: ReadonlyMap<string, string>, file: string): Map<string, FuelPovertyFigures & { lsoas: number }> {
	const wards = new Map<string, FuelPovertyFigures & { lsoas: number }>();
	for (const [lsoa, figures] of byLsoa) {
		const ward = lookup.get(lsoa);
		if (!ward) throw new DataError(file, `LSOA ${lsoa} is not in the LSOA 2021 → ward lookup`);
		const sum = wards.get(ward) ?? { households: 0, fuelPoor: 0, lsoas: 0 };
		sum.households += figures.households;
		sum.fuelPoor += figures.fuelPoor;
		sum.lsoas += 1;
		wards.set(ward, sum);
	}
	const missing = [...lookup.keys()].filter((lsoa) => !byLsoa.has(lsoa));
	if (missing.length) throw new DataError(file, `no fuel poverty figure for ${missing.length} Birmingham LSOA(s): ${missing.slice(0, 5).join(', ')}`);
	const wardsMissing = BIRMINGHAM_WARD_CODES.filter((c) => !wards.has(c));
	if (wardsMissing.length) throw new DataError(file, `expected all 69 Birmingham wards; missing ${wardsMissing.join(', ')}`);
	return wards;
}

/** Table 2 of the DESNZ workbook: households and fuel-poor households for England and every district. */
export function parseDistrictTable(cells: unknown[][], file: string): Map<string, FuelPovertyFigures> {
	const headerIndex = cells.findIndex((row) => String(row[0] ?? '').trim() === 'Area Codes');
	if (headerIndex < 0) throw new DataError(file, 'Table 2: no header row starting "Area Codes"');
	const header = cells[headerIndex].map((c) => String(c ?? '').trim());
	const at = (name: string) => {
		const i = header.indexOf(name);
		if (i < 0) throw new DataError(file, `Table 2: unexpected header, no column "${name}"`, headerIndex + 1);
		return i;
	};
	const [households, fuelPoor] = [at(LSOA_COLUMNS.households), at(LSOA_COLUMNS.fuelPoor)];
	const out = new Map<string, FuelPovertyFigures>();
	for (let i = headerIndex + 1; i < cells.length; i++) {
		const code = String(cells[i][0] ?? '').trim();
		if (!/^E\d{8}$/.test(code) || out.has(code)) continue;
		out.set(code, {
			households: requireNumber(String(cells[i][households] ?? ''), file, `Table 2 row ${i + 1}`, LSOA_COLUMNS.households),
			fuelPoor: requireNumber(String(cells[i][fuelPoor] ?? ''), file, `Table 2 row ${i + 1}`, LSOA_COLUMNS.fuelPoor)
		});
	}
	return out;
}

/** The LSOAs must add up to the publisher's Birmingham row, give or take the rounding of each model estimate. */
export function assertLsoasMatchDistrict(wards: Map<string, FuelPovertyFigures>, district: FuelPovertyFigures, file: string): void {
	const sum = { households: 0, fuelPoor: 0 };
	for (const w of wards.values()) {
		sum.households += w.households;
		sum.fuelPoor += w.fuelPoor;
	}
	for (const key of ['households', 'fuelPoor'] as const) {
		if (Math.abs(sum[key] - district[key]) > 0.001 * district[key]) {
			throw new DataError(file, `Birmingham's LSOAs add up to ${sum[key]} ${key} but DESNZ Table 2 gives ${district[key]}`);
		}
	}
}

export const FUEL_POVERTY_COLUMNS = [...AREA_COLUMNS, 'fp_lsoas', 'fp_households_2022', 'fp_fuel_poor_2022', 'fp_pct_2022'];

const cells = (f: FuelPovertyFigures | undefined, lsoas?: number): Record<string, Cell> => ({
	fp_lsoas: lsoas ?? '',
	fp_households_2022: fixed(f?.households, 0),
	fp_fuel_poor_2022: fixed(f?.fuelPoor, 0),
	fp_pct_2022: fixed(f ? (100 * f.fuelPoor) / f.households : null, 1)
});

export function fuelPovertyCsv(
	wards: Map<string, FuelPovertyFigures & { lsoas: number }>,
	birmingham: FuelPovertyFigures,
	england: FuelPovertyFigures | undefined,
	names: ReadonlyMap<string, string>
): string {
	const rows: Record<string, Cell>[] = BIRMINGHAM_WARD_CODES.map((code) => {
		const w = wards.get(code)!;
		return { area_code: code, area_name: names.get(code) ?? code, area_type: 'ward', ...cells(w, w.lsoas) };
	});
	rows.push({ area_code: BIRMINGHAM_CODE, area_name: BIRMINGHAM_NAME, area_type: 'local_authority', ...cells(birmingham) });
	rows.push({ area_code: ENGLAND_CODE, area_name: ENGLAND_NAME, area_type: 'country', ...cells(england) });
	return toCsv(FUEL_POVERTY_COLUMNS, rows);
}

export const FUEL_POVERTY_SOURCE: SourceMeta = {
	id: 'desnz_subregional_fuel_poverty_2024',
	title: 'Sub-regional fuel poverty in England, 2024 (2022 data), Low Income Low Energy Efficiency',
	publisher: 'Department for Energy Security and Net Zero (DESNZ)',
	...OGL,
	attribution:
		'Contains public sector information licensed under the Open Government Licence v3.0. Source: Department for Energy Security and Net Zero, Sub-regional fuel poverty in England, 2024 (2022 data), tables 2 and 3.',
	url: 'https://www.gov.uk/government/statistics/sub-regional-fuel-poverty-2024-2022-data',
	raw_files: [LSOA_FILE, WORKBOOK_FILE, FILES.lsoa21ToWard],
	caveats:
		'LSOA figures are modelled estimates, not counts. The Low Income Low Energy Efficiency measure is not comparable with the pre-2019 Low Income High Costs figures. No ward table is published: ward figures here are sums of best-fit LSOAs.'
};

const METHOD =
	'Sum of the DESNZ modelled households and fuel-poor households of the LSOAs (2021) that the ONS best-fit lookup assigns to the ward; the rate is fuel-poor households ÷ households. Birmingham and England are the publisher\'s own figures.';
const CAVEAT =
	'A household is fuel poor if it lives in a home rated EPC band D or below and would be left below the poverty line after paying to heat it. LSOA figures are modelled, so small differences between wards are not meaningful. Best-fit LSOAs can include a few streets of a neighbouring ward.';

function fpIndicator(id: string, label: string, short_label: string, description: string, unit: IndicatorMeta['unit'], extra: Partial<IndicatorMeta> = {}): IndicatorMeta {
	return {
		id,
		family: 'fuel_poverty',
		label,
		short_label,
		description,
		unit,
		decimals: unit === '%' ? 1 : 0,
		polarity: 'higher_is_worse',
		period: '2022',
		headline: false,
		source_id: FUEL_POVERTY_SOURCE.id,
		derived: true,
		method: METHOD,
		caveat: CAVEAT,
		file: OUTPUT_FILE,
		column: id,
		min: 0,
		max: unit === '%' ? 100 : 30_000_000,
		...extra
	};
}

export const FUEL_POVERTY_INDICATORS: IndicatorMeta[] = [
	fpIndicator('fp_pct_2022', 'Households in fuel poverty, 2022 (%)', 'Fuel poverty (%)', 'The percentage of households that are fuel poor: a low income and a home that is costly to heat.', '%', {
		headline: true
	}),
	fpIndicator('fp_fuel_poor_2022', 'Households in fuel poverty, 2022 (number)', 'Fuel-poor households', 'The estimated number of fuel-poor households.', 'count'),
	fpIndicator('fp_households_2022', 'Households, 2022 (fuel poverty base)', 'Households', 'The estimated number of households the fuel poverty rate is worked out on.', 'count', { polarity: 'neutral' })
];

export function buildFuelPoverty(raw: RawDir, names: ReadonlyMap<string, string>): FamilyOutput {
	const byLsoa = parseLsoaTable(raw.csv(LSOA_FILE, Object.values(LSOA_COLUMNS)), LSOA_FILE);
	const wards = aggregateToWards(byLsoa, lsoa21ToWard(raw), LSOA_FILE);
	const workbook = raw.memo(`xlsx:${WORKBOOK_FILE}`, () => XLSX.read(readFileSync(raw.path(WORKBOOK_FILE))));
	const sheet = workbook.Sheets['Table 2'];
	if (!sheet) throw new DataError(WORKBOOK_FILE, 'no sheet "Table 2"');
	const districts = parseDistrictTable(XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 }), WORKBOOK_FILE);
	const birmingham = districts.get(BIRMINGHAM_CODE);
	if (!birmingham) throw new DataError(WORKBOOK_FILE, `Table 2 has no row for ${BIRMINGHAM_CODE}`);
	assertLsoasMatchDistrict(wards, birmingham, LSOA_FILE);
	return {
		files: { [OUTPUT_FILE]: fuelPovertyCsv(wards, birmingham, districts.get(ENGLAND_CODE), names) },
		indicators: FUEL_POVERTY_INDICATORS,
		sources: [FUEL_POVERTY_SOURCE]
	};
}
