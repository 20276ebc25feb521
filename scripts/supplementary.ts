/**
 * Supplementary ward indicators published by name only: Year 6 overweight or obese (NCMP, Birmingham Public
 * Health) and local-election turnout, May 2022. Names are matched to codes through the ward boundary file.
 */
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { fixed, toCsv, type Cell, type CsvRow } from './lib/csv.ts';
import { DataError } from './lib/errors.ts';
import { AREA_COLUMNS, OGL, type FamilyOutput, type IndicatorMeta, type SourceMeta } from './lib/family.ts';
import { assertRange, requireNumber } from './lib/numbers.ts';
import type { RawDir } from './lib/raw.ts';
import { BIRMINGHAM_CODE, BIRMINGHAM_NAME, BIRMINGHAM_WARD_CODES, ENGLAND_CODE, ENGLAND_NAME } from './lib/wards.ts';

export const NCMP_FILE = 'other/bcc_dph2025_ncmp_y6_overweight_ward2018_birmingham.csv';
export const TURNOUT_FILE = 'other/bcc_local_elections_2022_ward_turnout_birmingham.xlsx';
export const OUTPUT_FILE = 'supplementary.csv';
const NCMP_INDICATOR = 'Prevention: Prevalence of overweight - Year 6';

/** "Bordesley & Highgate", "Bordesley and Highgate" and "Aston (Birmingham)" all become one key. */
export function nameKey(name: string): string {
	return name
		.replace(/\s*\(Birmingham\)$/i, '')
		.replace(/&/g, ' and ')
		.replace(/[’']/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

/** Matches published ward names to codes. Every name must match one ward, and every ward must be matched once. */
export function matchWardNames(names: string[], wardNamesByCode: ReadonlyMap<string, string>, file: string): string[] {
	const codeByKey = new Map([...wardNamesByCode].map(([code, name]) => [nameKey(name), code]));
	const seen = new Set<string>();
	const codes = names.map((name, i) => {
		const code = codeByKey.get(nameKey(name));
		if (!code) throw new DataError(file, `ward name "${name}" matches no Birmingham ward`, i + 2);
		if (seen.has(code)) throw new DataError(file, `ward name "${name}" matches ${code} a second time`, i + 2);
		seen.add(code);
		return code;
	});
	const missing = BIRMINGHAM_WARD_CODES.filter((c) => !seen.has(c));
	if (missing.length) throw new DataError(file, `no row for ward(s) ${missing.map((c) => wardNamesByCode.get(c) ?? c).join(', ')}`);
	return codes;
}

export interface Ncmp {
	pct: number;
	lower: number;
	upper: number;
}

export function parseNcmp(rows: CsvRow[], wardNamesByCode: ReadonlyMap<string, string>, file: string): Map<string, Ncmp> {
	rows.forEach((r, i) => {
		if (r.IndicatorName !== NCMP_INDICATOR) throw new DataError(file, `unexpected indicator "${r.IndicatorName}"`, i + 2);
		if (r.Year !== '2022') throw new DataError(file, `unexpected year "${r.Year}"`, i + 2);
	});
	const codes = matchWardNames(rows.map((r) => r.AggregationLabel), wardNamesByCode, file);
	return new Map(
		rows.map((r, i) => {
			const pct = requireNumber(r['Sum of IndicatorValue'], file, i + 2, 'Sum of IndicatorValue');
			const lower = requireNumber(r['Sum of LowerCI95'], file, i + 2, 'Sum of LowerCI95');
			const upper = requireNumber(r['Sum of UpperCI95'], file, i + 2, 'Sum of UpperCI95');
			assertRange(pct, 0, 100, file, i + 2, 'Sum of IndicatorValue');
			if (!(lower <= pct && pct <= upper)) throw new DataError(file, `interval ${lower}–${upper} does not contain ${pct}`, i + 2);
			return [codes[i], { pct, lower, upper }];
		})
	);
}

export function parseTurnout(cells: unknown[][], wardNamesByCode: ReadonlyMap<string, string>, file: string): Map<string, number> {
	const [header, ...body] = cells.filter((row) => row.some((c) => c !== null && c !== undefined && String(c).trim() !== ''));
	if (String(header?.[0]).trim() !== 'Ward' || String(header?.[1]).trim() !== 'Turnout (%)') {
		throw new DataError(file, `unexpected header: expected [Ward | Turnout (%)], found [${header?.join(' | ')}]`, 1);
	}
	const codes = matchWardNames(body.map((r) => String(r[0]).trim()), wardNamesByCode, file);
	return new Map(
		body.map((r, i) => {
			const turnout = requireNumber(String(r[1] ?? ''), file, i + 2, 'Turnout (%)');
			assertRange(turnout, 5, 90, file, i + 2, 'Turnout (%)');
			return [codes[i], turnout];
		})
	);
}

export const SUPPLEMENTARY_COLUMNS = [...AREA_COLUMNS, 'y6_overweight_pct_2022', 'y6_overweight_lower', 'y6_overweight_upper', 'turnout_2022'];

export function supplementaryCsv(ncmp: Map<string, Ncmp>, turnout: Map<string, number>, names: ReadonlyMap<string, string>): string {
	const rows: Record<string, Cell>[] = BIRMINGHAM_WARD_CODES.map((code) => ({
		area_code: code,
		area_name: names.get(code) ?? code,
		area_type: 'ward',
		y6_overweight_pct_2022: fixed(ncmp.get(code)?.pct, 1),
		y6_overweight_lower: fixed(ncmp.get(code)?.lower, 1),
		y6_overweight_upper: fixed(ncmp.get(code)?.upper, 1),
		turnout_2022: fixed(turnout.get(code), 1)
	}));
	rows.push({ area_code: BIRMINGHAM_CODE, area_name: BIRMINGHAM_NAME, area_type: 'local_authority' });
	rows.push({ area_code: ENGLAND_CODE, area_name: ENGLAND_NAME, area_type: 'country' });
	return toCsv(SUPPLEMENTARY_COLUMNS, rows);
}

export const NCMP_SOURCE: SourceMeta = {
	id: 'bcc_dph2025_ncmp_y6',
	title: 'Year 6 children overweight or obese by ward (National Child Measurement Programme), Director of Public Health Annual Report 2025 data',
	publisher: 'Birmingham City Council Public Health (from NHS England National Child Measurement Programme data)',
	...OGL,
	attribution: 'Contains public sector information licensed under the Open Government Licence v3.0. Source: Birmingham City Council, Director of Public Health Annual Report 2025 data (NCMP).',
	url: 'https://github.com/BCC-PHM/dph25-data-vis',
	raw_files: [NCMP_FILE],
	caveats: 'Supplementary. Labelled "2022"; most likely school year 2022/23. Whether ward figures pool several years is not documented. Wards are named, not coded; names are matched to codes.'
};

export const TURNOUT_SOURCE: SourceMeta = {
	id: 'bcc_local_elections_2022',
	title: 'Birmingham local elections, May 2022: turnout by ward',
	publisher: 'Birmingham City Council',
	...OGL,
	attribution: 'Contains public sector information licensed under the Open Government Licence v3.0. Source: Birmingham City Council, local elections May 2022.',
	url: 'https://github.com/BCC-PHM/dph25-data-vis',
	raw_files: [TURNOUT_FILE],
	caveats: 'Supplementary. Turnout is given to varying precision (e.g. 40 and 36.83). Wards are named, not coded; names are matched to codes.'
};

export const SUPPLEMENTARY_INDICATORS: IndicatorMeta[] = [
	{
		id: 'y6_overweight_pct_2022',
		family: 'supplementary',
		label: 'Year 6 children overweight or obese, 2022 (%)',
		short_label: 'Year 6 overweight (%)',
		description: 'The percentage of children measured in Year 6 (aged 10–11) who were overweight or obese.',
		unit: '%',
		decimals: 1,
		polarity: 'higher_is_worse',
		period: '2022 (probably school year 2022/23)',
		headline: false,
		source_id: NCMP_SOURCE.id,
		derived: false,
		method: '',
		caveat: NCMP_SOURCE.caveats,
		file: OUTPUT_FILE,
		column: 'y6_overweight_pct_2022',
		lower_column: 'y6_overweight_lower',
		upper_column: 'y6_overweight_upper',
		min: 0,
		max: 100
	},
	{
		id: 'turnout_2022',
		family: 'supplementary',
		label: 'Local election turnout, May 2022 (%)',
		short_label: 'Turnout 2022 (%)',
		description: 'The percentage of registered electors who voted in the city council elections of May 2022.',
		unit: '%',
		decimals: 1,
		polarity: 'higher_is_better',
		period: 'May 2022',
		headline: false,
		source_id: TURNOUT_SOURCE.id,
		derived: false,
		method: '',
		caveat: TURNOUT_SOURCE.caveats,
		file: OUTPUT_FILE,
		column: 'turnout_2022',
		min: 5,
		max: 90
	}
];

export function buildSupplementary(raw: RawDir, names: ReadonlyMap<string, string>): FamilyOutput {
	const ncmp = parseNcmp(raw.csv(NCMP_FILE, ['Year', 'Sum of IndicatorValue', 'AggregationLabel', 'IndicatorName', 'Sum of LowerCI95', 'Sum of UpperCI95']), names, NCMP_FILE);
	const workbook = XLSX.read(readFileSync(raw.path(TURNOUT_FILE)));
	const sheet = workbook.Sheets[workbook.SheetNames[0]];
	const turnout = parseTurnout(XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 }), names, TURNOUT_FILE);
	return {
		files: { [OUTPUT_FILE]: supplementaryCsv(ncmp, turnout, names) },
		indicators: SUPPLEMENTARY_INDICATORS,
		sources: [NCMP_SOURCE, TURNOUT_SOURCE]
	};
}
