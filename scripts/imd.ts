import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { fixed, requireColumns, toCsv, type Cell, type CsvRow } from './lib/csv.ts';
import { DataError } from './lib/errors.ts';
import { AREA_COLUMNS, OGL, type FamilyOutput, type IndicatorMeta, type SourceMeta } from './lib/family.ts';
import { assertRange, requireNumber } from './lib/numbers.ts';
import { RawDir, lsoa11ToWard, lsoa21ToWard, wardNames } from './lib/raw.ts';
import { BIRMINGHAM_CODE, BIRMINGHAM_NAME, ENGLAND_CODE, ENGLAND_NAME, assertExactlyBirminghamWards } from './lib/wards.ts';

export const IMD_FILES = {
	file7_2019: 'imd/File_7_-_All_IoD2019_Scores__Ranks__Deciles_and_Population_Denominators_3.csv',
	file10_2019_imd: 'imd/File_10_-_IoD2019_Local_Authority_District_Summaries__lower-tier____IMD_sheet.csv',
	file1_2025: 'imd/File_1_IoD2025_Index_of_Multiple_Deprivation__IMD25_sheet.csv',
	file1_2015: 'imd/File_1_ID_2015_Index_of_Multiple_Deprivation.xlsx',
	population2024: 'population/ons_sape_lsoa21_mid2024_wd25_imd25_westmids.csv'
} as const;

// ---------------------------------------------------------------------------------------------------------
// File 7 (IoD2019, every LSOA 2011 in England)

export const FILE7_COLUMNS = {
	code: 'LSOA code (2011)',
	name: 'LSOA name (2011)',
	ladCode: 'Local Authority District code (2019)',
	score: 'Index of Multiple Deprivation (IMD) Score',
	rank: 'Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)',
	decile: 'Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)',
	income: 'Income Score (rate)',
	employment: 'Employment Score (rate)',
	education: 'Education, Skills and Training Score',
	health: 'Health Deprivation and Disability Score',
	crime: 'Crime Score',
	barriers: 'Barriers to Housing and Services Score',
	livingEnvironment: 'Living Environment Score',
	idaci: 'Income Deprivation Affecting Children Index (IDACI) Score (rate)',
	idaopi: 'Income Deprivation Affecting Older People (IDAOPI) Score (rate)',
	population: 'Total population: mid 2015 (excluding prisoners)',
	children: 'Dependent Children aged 0-15: mid 2015 (excluding prisoners)',
	olderPeople: 'Older population aged 60 and over: mid 2015 (excluding prisoners)',
	workingAge: 'Working age population 18-59/64: for use with Employment Deprivation Domain (excluding prisoners)'
} as const;

/** The scores that are averaged to ward level, and the population each is a rate or score of. */
export const DOMAINS = [
	{ key: 'score', weight: 'population', min: 0, max: 100 },
	{ key: 'income', weight: 'population', min: 0, max: 1 },
	// MHCLG's File 10 weights the employment rate by the working-age population it is a rate of (Birmingham 0.153).
	{ key: 'employment', weight: 'workingAge', min: 0, max: 1 },
	{ key: 'education', weight: 'population', min: 0, max: 100 },
	{ key: 'health', weight: 'population', min: -5, max: 5 },
	{ key: 'crime', weight: 'population', min: -5, max: 5 },
	{ key: 'barriers', weight: 'population', min: 0, max: 100 },
	{ key: 'livingEnvironment', weight: 'population', min: 0, max: 100 },
	{ key: 'idaci', weight: 'children', min: 0, max: 1 },
	{ key: 'idaopi', weight: 'olderPeople', min: 0, max: 1 }
] as const;

export type DomainKey = (typeof DOMAINS)[number]['key'];
export type WeightKey = 'population' | 'children' | 'olderPeople' | 'workingAge';

export interface Lsoa2019 extends Record<DomainKey, number>, Record<WeightKey, number> {
	code: string;
	name: string;
	ladCode: string;
	rank: number;
	decile: number;
}

const LSOA_CODE = /^E01\d{6}$/;
const LAD_CODE = /^E0[6-9]\d{6}$/;

function requireInteger(row: CsvRow, column: string, file: string, line: number, min: number, max: number): number {
	const value = requireNumber(row[column], file, line, column);
	if (!Number.isInteger(value)) throw new DataError(file, `column ${column}: ${value} is not a whole number`, line);
	assertRange(value, min, max, file, line, column);
	return value;
}

function requireCode(row: CsvRow, column: string, pattern: RegExp, file: string, line: number): string {
	const code = (row[column] ?? '').trim();
	if (!pattern.test(code)) throw new DataError(file, `column ${column}: "${code}" is not a valid code`, line);
	return code;
}

function assertNoDuplicateLsoas(codes: string[], file: string): void {
	const seen = new Set<string>();
	codes.forEach((code, i) => {
		if (seen.has(code)) throw new DataError(file, `duplicate LSOA ${code}`, i + 2);
		seen.add(code);
	});
}

/** Checks the published deciles never go down as the rank goes up (rank 1 = decile 1 end). */
export function assertDecilesFollowRanks(rows: { code: string; rank: number; decile: number }[], file: string): void {
	const sorted = [...rows].sort((a, b) => a.rank - b.rank || a.decile - b.decile);
	for (let i = 1; i < sorted.length; i++) {
		if (sorted[i].decile < sorted[i - 1].decile) {
			throw new DataError(file, `LSOA ${sorted[i].code} has rank ${sorted[i].rank} but decile ${sorted[i].decile}, below decile ${sorted[i - 1].decile} of rank ${sorted[i - 1].rank}`);
		}
	}
}

/** Parses File 7 rows (row numbers in errors count the header as row 1). */
export function parseFile7(rows: CsvRow[], file: string): Lsoa2019[] {
	requireColumns(rows, Object.values(FILE7_COLUMNS), file);
	const C = FILE7_COLUMNS;
	const lsoas = rows.map((row, i): Lsoa2019 => {
		const line = i + 2;
		const lsoa = {
			code: requireCode(row, C.code, LSOA_CODE, file, line),
			name: (row[C.name] ?? '').trim(),
			ladCode: requireCode(row, C.ladCode, LAD_CODE, file, line),
			rank: requireInteger(row, C.rank, file, line, 1, rows.length),
			decile: requireInteger(row, C.decile, file, line, 1, 10),
			population: requireInteger(row, C.population, file, line, 1, 20000),
			children: requireInteger(row, C.children, file, line, 0, 20000),
			olderPeople: requireInteger(row, C.olderPeople, file, line, 0, 20000),
			workingAge: requireInteger(row, C.workingAge, file, line, 1, 20000)
		} as Lsoa2019;
		if (!lsoa.name) throw new DataError(file, `column ${C.name}: empty LSOA name`, line);
		for (const domain of DOMAINS) {
			const column = C[domain.key];
			const value = requireNumber(row[column], file, line, column);
			assertRange(value, domain.min, domain.max, file, line, column);
			lsoa[domain.key] = value;
		}
		if (lsoa.children + lsoa.olderPeople > lsoa.population) {
			throw new DataError(file, 'children plus older people exceed the total population', line);
		}
		return lsoa;
	});
	assertNoDuplicateLsoas(lsoas.map((l) => l.code), file);
	assertDecilesFollowRanks(lsoas, file);
	return lsoas;
}

export type Summary2019 = Record<DomainKey, number> & { lsoas: number; population: number };

/** Each score averaged over a set of LSOAs, weighted by the population it describes (the File 10 method). */
export function summarise2019(lsoas: Lsoa2019[]): Summary2019 {
	if (!lsoas.length) throw new Error('summarise2019 needs at least one LSOA');
	const summary = { lsoas: lsoas.length, population: 0 } as Summary2019;
	for (const l of lsoas) summary.population += l.population;
	for (const domain of DOMAINS) {
		let sum = 0;
		let weight = 0;
		for (const l of lsoas) {
			sum += l[domain.key] * l[domain.weight];
			weight += l[domain.weight];
		}
		summary[domain.key] = sum / weight;
	}
	return summary;
}

// ---------------------------------------------------------------------------------------------------------
// File 1 (ranks and deciles only): IoD2015 on LSOA 2011, IoD2025 on LSOA 2021

export interface LsoaDecile {
	code: string;
	ladCode: string;
	rank: number;
	decile: number;
}

export interface DecileColumns {
	code: string;
	ladCode: string;
	rank: string;
	decile: string;
}

export const FILE1_2015_COLUMNS: DecileColumns = {
	code: 'LSOA code (2011)',
	ladCode: 'Local Authority District code (2013)',
	rank: 'Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)',
	decile: 'Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)'
};

/** The published 2025 decile header really is cut short ("…10% of LSOA"). */
export const FILE1_2025_COLUMNS: DecileColumns = {
	code: 'LSOA code (2021)',
	ladCode: 'Local Authority District code (2024)',
	rank: 'Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)',
	decile: 'Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOA'
};

export function parseDecileFile(rows: CsvRow[], columns: DecileColumns, file: string): LsoaDecile[] {
	requireColumns(rows, Object.values(columns), file);
	const lsoas = rows.map((row, i) => {
		const line = i + 2;
		return {
			code: requireCode(row, columns.code, LSOA_CODE, file, line),
			ladCode: requireCode(row, columns.ladCode, LAD_CODE, file, line),
			rank: requireInteger(row, columns.rank, file, line, 1, rows.length),
			decile: requireInteger(row, columns.decile, file, line, 1, 10)
		};
	});
	assertNoDuplicateLsoas(lsoas.map((l) => l.code), file);
	assertDecilesFollowRanks(lsoas, file);
	return lsoas;
}

/** Mid-2024 LSOA 2021 populations, for the rows of the given district. */
export function parsePopulation2024(rows: CsvRow[], ladCode: string, file: string): Map<string, number> {
	requireColumns(rows, ['LSOA21CD', '2024POP', 'LA24CD'], file);
	const population = new Map<string, number>();
	rows.forEach((row, i) => {
		const line = i + 2;
		if (row.LA24CD !== ladCode) return;
		const code = requireCode(row, 'LSOA21CD', LSOA_CODE, file, line);
		if (population.has(code)) throw new DataError(file, `duplicate LSOA ${code}`, line);
		population.set(code, requireInteger(row, '2024POP', file, line, 1, 20000));
	});
	return population;
}

export interface DecileOneShare {
	lsoas: number;
	/** % of the LSOAs in England's most deprived 10%. */
	lsoaPct: number;
	/** % of the population living in those LSOAs; null when any LSOA lacks a population. */
	populationPct: number | null;
}

export function decileOneShare(lsoas: { decile: number; population: number | null | undefined }[]): DecileOneShare {
	if (!lsoas.length) throw new Error('decileOneShare needs at least one LSOA');
	const inDecileOne = lsoas.filter((l) => l.decile === 1);
	const complete = lsoas.every((l) => typeof l.population === 'number');
	const total = lsoas.reduce((s, l) => s + (l.population ?? 0), 0);
	const deprived = inDecileOne.reduce((s, l) => s + (l.population ?? 0), 0);
	return {
		lsoas: lsoas.length,
		lsoaPct: (100 * inDecileOne.length) / lsoas.length,
		populationPct: complete && total > 0 ? (100 * deprived) / total : null
	};
}

// ---------------------------------------------------------------------------------------------------------
// Grouping LSOAs into wards and checking the Birmingham sets agree

/** Groups LSOAs by best-fit ward; every LSOA in the lookup must be present in the data. */
export function groupByWard<T extends { code: string }>(lsoas: T[], lookup: Map<string, string>, file: string): Map<string, T[]> {
	const byCode = new Map(lsoas.map((l) => [l.code, l]));
	const groups = new Map<string, T[]>();
	for (const [lsoa, ward] of [...lookup].sort(([a], [b]) => a.localeCompare(b))) {
		const row = byCode.get(lsoa);
		if (!row) throw new DataError(file, `Birmingham LSOA ${lsoa} (ward ${ward}) is missing`);
		if (!groups.has(ward)) groups.set(ward, []);
		groups.get(ward)!.push(row);
	}
	assertExactlyBirminghamWards([...groups.keys()], file);
	return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

/** The district's LSOAs according to the source must be exactly the LSOAs of the ward lookup. */
export function assertSameLsoaSet(lsoas: { code: string; ladCode: string }[], ladCode: string, lookup: Map<string, string>, file: string): void {
	const inDistrict = lsoas.filter((l) => l.ladCode === ladCode).map((l) => l.code);
	const outside = inDistrict.filter((c) => !lookup.has(c)).sort();
	if (outside.length) throw new DataError(file, `${ladCode} LSOA(s) not in the ward lookup: ${outside.slice(0, 5).join(', ')}`);
	if (inDistrict.length !== lookup.size) {
		throw new DataError(file, `${ladCode} has ${inDistrict.length} LSOAs here but the ward lookup has ${lookup.size}`);
	}
}

/** Rank 1 = highest value. Ranks use the published (rounded) value so equal published scores share a rank. */
export function rankHighestFirst(values: Map<string, number>, decimals: number): Map<string, number> {
	const rounded = [...values].map(([code, v]) => ({ code, v: Number(fixed(v, decimals)) }));
	const ranks = new Map<string, number>();
	for (const { code, v } of rounded) ranks.set(code, 1 + rounded.filter((o) => o.v > v).length);
	return new Map([...ranks].sort(([a], [b]) => a.localeCompare(b)));
}

// ---------------------------------------------------------------------------------------------------------
// Reading the raw files

function xlsxRows(raw: RawDir, relative: string, sheet: string): CsvRow[] {
	const workbook = XLSX.read(readFileSync(raw.path(relative)), { type: 'buffer' });
	const worksheet = workbook.Sheets[sheet];
	if (!worksheet) throw new DataError(relative, `sheet "${sheet}" not found (sheets: ${workbook.SheetNames.join(', ')})`);
	const cells = XLSX.utils.sheet_to_json<unknown[]>(worksheet, { header: 1, raw: true, defval: '', blankrows: false });
	const header = (cells[0] ?? []).map((h) => String(h).trim());
	return cells.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, String(r[i] ?? '')])));
}

const lsoas2019Of = (raw: RawDir) => raw.memo('imd:file7', () => parseFile7(raw.csv(IMD_FILES.file7_2019), IMD_FILES.file7_2019));

/** Ward code → summed mid-2015 population (excluding prisoners) of its best-fit LSOAs 2011 (IoD2019 File 7). */
export function wardPopulation2015(raw: RawDir): Map<string, number> {
	const groups = groupByWard(lsoas2019Of(raw), lsoa11ToWard(raw), IMD_FILES.file7_2019);
	return new Map([...groups].map(([ward, lsoas]) => [ward, lsoas.reduce((s, l) => s + l.population, 0)]));
}

/** File 10's Birmingham average score; our Birmingham row must reproduce it or the method has drifted. */
function assertMatchesFile10(raw: RawDir, birminghamScore: number): void {
	const file = IMD_FILES.file10_2019_imd;
	const column = 'IMD - Average score';
	const rows = raw.csv(file, ['Local Authority District code (2019)', column]);
	const index = rows.findIndex((r) => r['Local Authority District code (2019)'] === BIRMINGHAM_CODE);
	if (index < 0) throw new DataError(file, `no row for ${BIRMINGHAM_CODE}`);
	const published = requireNumber(rows[index][column], file, index + 2, column);
	if (fixed(birminghamScore, 3) !== fixed(published, 3)) {
		throw new DataError(file, `Birmingham IMD 2019 average score computed as ${fixed(birminghamScore, 3)} but File 10 publishes ${published}`, index + 2);
	}
}

// ---------------------------------------------------------------------------------------------------------
// Output

const SCORE_COLUMNS: { key: DomainKey; column: string; asPercent: boolean }[] = [
	{ key: 'score', column: 'imd19_score', asPercent: false },
	{ key: 'income', column: 'imd19_income', asPercent: true },
	{ key: 'employment', column: 'imd19_employment', asPercent: true },
	{ key: 'education', column: 'imd19_education', asPercent: false },
	{ key: 'health', column: 'imd19_health', asPercent: false },
	{ key: 'crime', column: 'imd19_crime', asPercent: false },
	{ key: 'barriers', column: 'imd19_barriers', asPercent: false },
	{ key: 'livingEnvironment', column: 'imd19_living_environment', asPercent: false },
	{ key: 'idaci', column: 'imd19_idaci', asPercent: true },
	{ key: 'idaopi', column: 'imd19_idaopi', asPercent: true }
];

export const IMD_COLUMNS = [
	...AREA_COLUMNS,
	'imd19_lsoas',
	'imd19_score',
	'imd19_rank_birmingham',
	'imd19_income',
	'imd19_employment',
	'imd19_education',
	'imd19_health',
	'imd19_crime',
	'imd19_barriers',
	'imd19_living_environment',
	'imd19_idaci',
	'imd19_idaopi',
	'imd19_lsoa_decile1_pct',
	'imd19_pop_decile1_pct',
	'imd25_lsoas',
	'imd25_lsoa_decile1_pct',
	'imd25_pop_decile1_pct',
	'imd15_lsoa_decile1_pct',
	'imd15_pop_decile1_pct'
];

export const IMD_LSOA_COLUMNS = ['lsoa11_code', 'lsoa11_name', 'ward_code', 'imd19_score', 'imd19_rank', 'imd19_decile', 'population_mid2015'];

export interface AreaImd {
	code: string;
	name: string;
	type: 'ward' | 'local_authority' | 'country';
	summary2019: Summary2019;
	rankInBirmingham: number | null;
	decile2019: DecileOneShare;
	decile2025: DecileOneShare;
	decile2015: DecileOneShare;
}

export function imdRow(area: AreaImd): Record<string, Cell> {
	const row: Record<string, Cell> = {
		area_code: area.code,
		area_name: area.name,
		area_type: area.type,
		imd19_lsoas: fixed(area.summary2019.lsoas, 0),
		imd19_rank_birmingham: fixed(area.rankInBirmingham, 0),
		imd19_lsoa_decile1_pct: fixed(area.decile2019.lsoaPct, 1),
		imd19_pop_decile1_pct: fixed(area.decile2019.populationPct, 1),
		imd25_lsoas: fixed(area.decile2025.lsoas, 0),
		imd25_lsoa_decile1_pct: fixed(area.decile2025.lsoaPct, 1),
		imd25_pop_decile1_pct: fixed(area.decile2025.populationPct, 1),
		imd15_lsoa_decile1_pct: fixed(area.decile2015.lsoaPct, 1),
		imd15_pop_decile1_pct: fixed(area.decile2015.populationPct, 1)
	};
	for (const s of SCORE_COLUMNS) {
		const value = area.summary2019[s.key];
		row[s.column] = s.asPercent ? fixed(100 * value, 1) : fixed(value, 3);
	}
	return row;
}

export const IMD_SOURCES: SourceMeta[] = [
	{
		id: 'mhclg_iod2019',
		title: 'English Indices of Deprivation 2019 (File 7: all scores, ranks, deciles and population denominators; File 10: local authority summaries)',
		publisher: 'Ministry of Housing, Communities and Local Government (MHCLG)',
		...OGL,
		attribution:
			'Contains public sector information licensed under the Open Government Licence v3.0. Source: Ministry of Housing, Communities and Local Government, English Indices of Deprivation 2019. © Crown copyright.',
		url: 'https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019',
		raw_files: [IMD_FILES.file7_2019, IMD_FILES.file10_2019_imd],
		caveats:
			'Neighbourhoods are 2011 LSOAs. Most input data relate to 2015/16. Population denominators are mid-2015 (excluding prisoners). Scores and ranks measure relative, not absolute, deprivation. The file was obtained from a public GitHub copy; one comment line was removed, values unchanged.'
	},
	{
		id: 'mhclg_iod2025',
		title: 'English Indices of Deprivation 2025 (File 1: Index of Multiple Deprivation ranks and deciles)',
		publisher: 'Ministry of Housing, Communities and Local Government (MHCLG)',
		...OGL,
		attribution:
			'Contains public sector information licensed under the Open Government Licence v3.0. Source: Ministry of Housing, Communities and Local Government, English Indices of Deprivation 2025. © Crown copyright.',
		url: 'https://www.gov.uk/government/statistics/english-indices-of-deprivation-2025',
		raw_files: [IMD_FILES.file1_2025],
		caveats:
			'Neighbourhoods are 2021 LSOAs (33,755 in England). MHCLG says new data, methods and geographies make IoD2025 less directly comparable with earlier indices; 2019 and 2025 scores are not directly comparable.'
	},
	{
		id: 'mhclg_iod2015',
		title: 'English Indices of Deprivation 2015 (File 1: Index of Multiple Deprivation ranks and deciles)',
		publisher: 'Department for Communities and Local Government (DCLG, now MHCLG)',
		...OGL,
		attribution:
			'Contains public sector information licensed under the Open Government Licence v3.0. Source: Department for Communities and Local Government, English Indices of Deprivation 2015. © Crown copyright.',
		url: 'https://www.gov.uk/government/statistics/english-indices-of-deprivation-2015',
		raw_files: [IMD_FILES.file1_2015],
		caveats: 'Neighbourhoods are 2011 LSOAs. Ranks and deciles only (no scores in this file). Relative to England in 2015.'
	},
	{
		id: 'ons_lsoa21_population_mid2024',
		title: 'Lower layer Super Output Area population estimates, mid-2024 (LSOA 2021), as compiled by Birmingham City Council Public Health',
		publisher: 'Office for National Statistics (ONS)',
		...OGL,
		attribution: 'Source: Office for National Statistics licensed under the Open Government Licence v3.0.',
		url: 'https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates/datasets/lowersuperoutputareamidyearpopulationestimates',
		raw_files: [IMD_FILES.population2024],
		caveats:
			'Taken from a Birmingham City Council Public Health lookup file (BCC-PHM/geoManipulatoR) rather than directly from ONS. Used only to weight IMD 2025 deciles by population. Summing LSOAs by best-fit ward does not reproduce official ward population estimates.'
	}
];

const BEST_FIT_2011 =
	"Ward figures are estimates: each 2011 neighbourhood (LSOA) is counted wholly in the ward that holds most of its people (ONS best-fit lookup), so ward edges are approximate.";
const NOT_COMPARABLE = 'MHCLG says IMD 2019 and IMD 2025 scores are not directly comparable (new data, methods and neighbourhood boundaries).';
const RELATIVE = 'The indices measure relative deprivation: a change in rank or share can come from other areas changing.';

function indicator(meta: Omit<IndicatorMeta, 'family' | 'derived' | 'file' | 'headline'> & { headline?: boolean }): IndicatorMeta {
	return { family: 'deprivation', derived: true, file: 'imd.csv', headline: false, ...meta };
}

const WEIGHTED_2019 = (what: string, weight: string) =>
	`Population-weighted mean of the IoD2019 ${what} of the ward's best-fit LSOAs (2011), weighted by the mid-2015 ${weight} in IoD2019 File 7 (the method MHCLG uses for its district summaries). Birmingham and England rows: the same mean over all their LSOAs.`;

function score2019(id: string, label: string, short: string, what: string, description: string, extraCaveat = ''): IndicatorMeta {
	return indicator({
		id,
		label,
		short_label: short,
		description,
		unit: 'score',
		decimals: 3,
		polarity: 'higher_is_worse',
		period: '2019',
		source_id: 'mhclg_iod2019',
		method: WEIGHTED_2019(what, 'total population (excluding prisoners)'),
		caveat: [BEST_FIT_2011, 'Most of the data behind IMD 2019 are from 2015/16.', extraCaveat, NOT_COMPARABLE].filter(Boolean).join(' '),
		column: id,
		min: id === 'imd19_health' || id === 'imd19_crime' ? -5 : 0,
		max: id === 'imd19_health' || id === 'imd19_crime' ? 5 : 100
	});
}

function rate2019(id: string, label: string, short: string, what: string, weight: string, description: string): IndicatorMeta {
	return indicator({
		id,
		label,
		short_label: short,
		description,
		unit: '%',
		decimals: 1,
		polarity: 'higher_is_worse',
		period: '2019',
		source_id: 'mhclg_iod2019',
		method: `${WEIGHTED_2019(what, weight)} The published rate is shown as a percentage (rate × 100).`,
		caveat: `${BEST_FIT_2011} Most of the data behind IMD 2019 are from 2015/16. ${NOT_COMPARABLE}`,
		column: id,
		min: 0,
		max: 100
	});
}

function decileShare(year: '2015' | '2019' | '2025', basis: 'lsoa' | 'pop'): IndicatorMeta {
	const prefix = `imd${year.slice(2)}`;
	const id = `${prefix}_${basis}_decile1_pct`;
	const lsoaVintage = year === '2025' ? '2021' : '2011';
	const lookup = year === '2025' ? 'ONS LSOA 2021 → ward 2022 best-fit lookup' : 'ONS LSOA 2011 → ward 2019 best-fit lookup';
	const population = year === '2025' ? 'mid-2024 ONS LSOA population estimates' : 'mid-2015 population in IoD2019 File 7';
	const sourceId = year === '2025' ? 'mhclg_iod2025' : year === '2019' ? 'mhclg_iod2019' : 'mhclg_iod2015';
	const edition = `IMD ${year}`;
	const methodBase =
		basis === 'lsoa'
			? `Number of the ward's best-fit LSOAs (${lsoaVintage}) in decile 1 of the official ${edition}, divided by the ward's number of LSOAs, × 100 (${lookup}).`
			: `Population of the ward's best-fit LSOAs (${lsoaVintage}) in decile 1 of the official ${edition}, divided by the population of all its LSOAs, × 100, using ${population} (${lookup}).`;
	const method = `${methodBase} Birmingham and England rows: the same calculation over all their LSOAs.`;
	const caveats = [
		year === '2025' ? "Ward figures are estimates: each 2021 neighbourhood (LSOA) is counted wholly in the ward that holds most of its people (ONS best-fit lookup)." : BEST_FIT_2011,
		'England is about 10% by construction.',
		year === '2025' && basis === 'pop'
			? 'No England figure: LSOA population estimates were only available for the West Midlands metropolitan districts.'
			: '',
		year === '2015' && basis === 'pop' ? 'Weighted by mid-2015 populations from IoD2019 File 7 (the same LSOAs).' : '',
		year === '2025' ? 'IMD 2025 uses 2021 neighbourhoods and new data and methods, so compare it with earlier years with care.' : '',
		RELATIVE
	].filter(Boolean);
	return indicator({
		id,
		label:
			basis === 'lsoa'
				? `Neighbourhoods in England's most deprived 10% (IMD ${year})`
				: `Residents living in England's most deprived 10% of neighbourhoods (IMD ${year})`,
		short_label: basis === 'lsoa' ? `Areas in most deprived 10% (${year})` : `People in most deprived 10% (${year})`,
		description:
			basis === 'lsoa'
				? `The share of the ward's small neighbourhoods that are among the most deprived 10% in England, according to the Index of Multiple Deprivation ${year}.`
				: `The share of the ward's residents who live in a neighbourhood that is among the most deprived 10% in England, according to the Index of Multiple Deprivation ${year}.`,
		unit: '%',
		decimals: 1,
		polarity: 'higher_is_worse',
		period: year,
		source_id: sourceId,
		method,
		caveat: caveats.join(' '),
		column: id,
		min: 0,
		max: 100
	});
}

export const IMD_INDICATORS: IndicatorMeta[] = [
	{
		...score2019(
			'imd19_score',
			'Index of Multiple Deprivation score (2019)',
			'IMD score (2019)',
			'Index of Multiple Deprivation scores',
			"An overall measure of how deprived the ward's neighbourhoods are, combining income, jobs, education, health, crime, housing and the local environment. Higher means more deprived. England's average is about 22."
		),
		headline: true
	},
	rate2019(
		'imd19_income',
		'Income deprivation (IMD 2019)',
		'Income deprivation (2019)',
		'Income domain rates',
		'total population (excluding prisoners)',
		'The share of residents living on a low income: people claiming means-tested benefits or tax credits, or seeking asylum support.'
	),
	rate2019(
		'imd19_employment',
		'Employment deprivation (IMD 2019)',
		'Employment deprivation (2019)',
		'Employment domain rates',
		'working-age population (18–59/64, excluding prisoners; as MHCLG does for this domain)',
		'The share of working-age residents who want to work but cannot, because they are unemployed, sick, disabled or caring for others.'
	),
	score2019(
		'imd19_education',
		'Education, skills and training deprivation score (2019)',
		'Education deprivation (2019)',
		'Education, Skills and Training domain scores',
		'How much children and adults in the ward lack education and skills, based on school results, staying on in education and adult qualifications and English. Higher means more deprived.'
	),
	score2019(
		'imd19_health',
		'Health deprivation and disability score (2019)',
		'Health deprivation (2019)',
		'Health Deprivation and Disability domain scores',
		'How much people in the ward die early or have poor physical or mental health. 0 is the England middle; above 0 is worse than average, below 0 is better.',
		'This score can be negative.'
	),
	score2019(
		'imd19_crime',
		'Crime score (2019)',
		'Crime (2019)',
		'Crime domain scores',
		'How likely people are to be victims of violence, burglary, theft or criminal damage in the ward. 0 is the England middle; above 0 is worse than average.',
		'This score can be negative.'
	),
	score2019(
		'imd19_barriers',
		'Barriers to housing and services score (2019)',
		'Housing & services barriers (2019)',
		'Barriers to Housing and Services domain scores',
		'How hard it is to get a decent, affordable home and to reach shops, schools and GP surgeries. Higher means more deprived.'
	),
	score2019(
		'imd19_living_environment',
		'Living environment deprivation score (2019)',
		'Living environment (2019)',
		'Living Environment domain scores',
		'The quality of homes (old, cold or in poor repair) and of the area outside (air pollution and road accidents). Higher means more deprived.'
	),
	rate2019(
		'imd19_idaci',
		'Children in income-deprived families (IDACI 2019)',
		'Child income deprivation (2019)',
		'Income Deprivation Affecting Children Index (IDACI) rates',
		'number of dependent children aged 0–15',
		'The share of children aged 0 to 15 who live in low-income families.'
	),
	rate2019(
		'imd19_idaopi',
		'Older people in income deprivation (IDAOPI 2019)',
		'Older people income deprivation (2019)',
		'Income Deprivation Affecting Older People Index (IDAOPI) rates',
		'population aged 60 and over',
		'The share of people aged 60 and over who live on a low income.'
	),
	indicator({
		id: 'imd19_rank_birmingham',
		label: "Ward's rank in Birmingham by IMD score (2019)",
		short_label: 'Rank in Birmingham (2019)',
		description: "Where the ward comes among Birmingham's 69 wards by IMD 2019 score: 1 is the most deprived ward and 69 the least deprived.",
		unit: 'rank',
		decimals: 0,
		polarity: 'higher_is_better',
		period: '2019',
		source_id: 'mhclg_iod2019',
		method: 'The 69 ward IMD 2019 scores (as published here, to 3 decimals) ranked from highest (1) to lowest (69); equal scores share the higher rank.',
		caveat: `A rank only shows order, not how big the gaps are. ${BEST_FIT_2011}`,
		column: 'imd19_rank_birmingham',
		min: 1,
		max: 69
	}),
	decileShare('2019', 'lsoa'),
	decileShare('2019', 'pop'),
	decileShare('2025', 'lsoa'),
	decileShare('2025', 'pop'),
	decileShare('2015', 'lsoa'),
	decileShare('2015', 'pop')
];

export interface ImdInputs {
	lsoas2019: Lsoa2019[];
	lsoas2025: LsoaDecile[];
	lsoas2015: LsoaDecile[];
	/** Birmingham LSOA 2021 → mid-2024 population. */
	population2024: Map<string, number>;
	lookup11: Map<string, string>;
	lookup21: Map<string, string>;
	wardNames: Map<string, string>;
}

/** All the ward and benchmark figures, from parsed inputs. Rows: 69 wards by code, Birmingham, England. */
export function computeImdAreas(inputs: ImdInputs): AreaImd[] {
	const { lsoas2019, lsoas2025, lsoas2015, population2024, lookup11, lookup21 } = inputs;
	assertSameLsoaSet(lsoas2019, BIRMINGHAM_CODE, lookup11, IMD_FILES.file7_2019);
	assertSameLsoaSet(lsoas2025, BIRMINGHAM_CODE, lookup21, IMD_FILES.file1_2025);
	assertSameLsoaSet(lsoas2015, BIRMINGHAM_CODE, lookup11, IMD_FILES.file1_2015);
	const population2024Rows = [...population2024.keys()].map((code) => ({ code, ladCode: BIRMINGHAM_CODE }));
	assertSameLsoaSet(population2024Rows, BIRMINGHAM_CODE, lookup21, IMD_FILES.population2024);

	const wards2019 = groupByWard(lsoas2019, lookup11, IMD_FILES.file7_2019);
	const wards2025 = groupByWard(lsoas2025, lookup21, IMD_FILES.file1_2025);
	const wards2015 = groupByWard(lsoas2015, lookup11, IMD_FILES.file1_2015);

	const population2015 = new Map(lsoas2019.map((l) => [l.code, l.population]));
	const missing2015 = lsoas2015.find((l) => !population2015.has(l.code));
	if (missing2015) throw new DataError(IMD_FILES.file1_2015, `LSOA ${missing2015.code} has no mid-2015 population in IoD2019 File 7`);

	const with2015Population = (l: LsoaDecile) => ({ decile: l.decile, population: population2015.get(l.code) });
	const with2024Population = (l: LsoaDecile) => ({ decile: l.decile, population: population2024.get(l.code) });
	const withoutPopulation = (l: LsoaDecile) => ({ decile: l.decile, population: null });

	const wardSummaries = new Map([...wards2019].map(([ward, lsoas]) => [ward, summarise2019(lsoas)]));
	const wardRanks = rankHighestFirst(new Map([...wardSummaries].map(([ward, s]) => [ward, s.score])), 3);

	const areas: AreaImd[] = [...wardSummaries].map(([ward, summary]) => {
		const name = inputs.wardNames.get(ward);
		if (!name) throw new DataError(IMD_FILES.file7_2019, `ward ${ward} has no name in the boundary file`);
		return {
			code: ward,
			name,
			type: 'ward',
			summary2019: summary,
			rankInBirmingham: wardRanks.get(ward)!,
			decile2019: decileOneShare(wards2019.get(ward)!),
			decile2025: decileOneShare(wards2025.get(ward)!.map(with2024Population)),
			decile2015: decileOneShare(wards2015.get(ward)!.map(with2015Population))
		};
	});
	assertExactlyBirminghamWards(areas.map((a) => a.code), 'imd.csv');

	const inBirmingham11 = (l: { code: string }) => lookup11.has(l.code);
	const inBirmingham21 = (l: { code: string }) => lookup21.has(l.code);
	areas.push({
		code: BIRMINGHAM_CODE,
		name: BIRMINGHAM_NAME,
		type: 'local_authority',
		summary2019: summarise2019(lsoas2019.filter(inBirmingham11)),
		rankInBirmingham: null,
		decile2019: decileOneShare(lsoas2019.filter(inBirmingham11)),
		decile2025: decileOneShare(lsoas2025.filter(inBirmingham21).map(with2024Population)),
		decile2015: decileOneShare(lsoas2015.filter(inBirmingham11).map(with2015Population))
	});
	// Only West Midlands LSOA populations are available for 2025, so England's 2025 population share stays empty.
	areas.push({
		code: ENGLAND_CODE,
		name: ENGLAND_NAME,
		type: 'country',
		summary2019: summarise2019(lsoas2019),
		rankInBirmingham: null,
		decile2019: decileOneShare(lsoas2019),
		decile2025: decileOneShare(lsoas2025.map(withoutPopulation)),
		decile2015: decileOneShare(lsoas2015.map(with2015Population))
	});
	return areas;
}

/** Every indicator cell must lie in its declared range (a last guard against unit slips such as rate vs %). */
export function assertIndicatorRanges(rows: Record<string, Cell>[], indicators: IndicatorMeta[], file: string): void {
	for (const meta of indicators) {
		rows.forEach((row, i) => {
			const text = row[meta.column];
			if (text === '' || text === null || text === undefined) return;
			assertRange(Number(text), meta.min, meta.max, file, i + 2, meta.column);
		});
	}
}

export function lsoaRows(lsoas: Lsoa2019[], lookup11: Map<string, string>): Record<string, Cell>[] {
	return lsoas
		.filter((l) => lookup11.has(l.code))
		.sort((a, b) => a.code.localeCompare(b.code))
		.map((l) => ({
			lsoa11_code: l.code,
			lsoa11_name: l.name,
			ward_code: lookup11.get(l.code)!,
			imd19_score: fixed(l.score, 3),
			imd19_rank: fixed(l.rank, 0),
			imd19_decile: fixed(l.decile, 0),
			population_mid2015: fixed(l.population, 0)
		}));
}

export function buildImd(raw: RawDir): FamilyOutput {
	const lookup11 = lsoa11ToWard(raw);
	const lsoas2019 = lsoas2019Of(raw);
	const areas = computeImdAreas({
		lsoas2019,
		lsoas2025: parseDecileFile(raw.csv(IMD_FILES.file1_2025), FILE1_2025_COLUMNS, IMD_FILES.file1_2025),
		lsoas2015: parseDecileFile(xlsxRows(raw, IMD_FILES.file1_2015, 'IMD 2015'), FILE1_2015_COLUMNS, IMD_FILES.file1_2015),
		population2024: parsePopulation2024(raw.csv(IMD_FILES.population2024), BIRMINGHAM_CODE, IMD_FILES.population2024),
		lookup11,
		lookup21: lsoa21ToWard(raw),
		wardNames: wardNames(raw)
	});
	const birmingham = areas.find((a) => a.code === BIRMINGHAM_CODE)!;
	assertMatchesFile10(raw, birmingham.summary2019.score);

	const rows = areas.map(imdRow);
	assertIndicatorRanges(rows, IMD_INDICATORS, 'imd.csv');
	const neighbourhoods = lsoaRows(lsoas2019, lookup11);
	if (neighbourhoods.length !== lookup11.size) throw new DataError('imd_lsoa.csv', `expected ${lookup11.size} LSOA rows, made ${neighbourhoods.length}`);

	return {
		files: {
			'imd.csv': toCsv(IMD_COLUMNS, rows),
			'imd_lsoa.csv': toCsv(IMD_LSOA_COLUMNS, neighbourhoods)
		},
		indicators: IMD_INDICATORS,
		sources: IMD_SOURCES
	};
}
