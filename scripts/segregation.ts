import { fixed, requireColumns, toCsv, type Cell, type CsvRow } from './lib/csv.ts';
import { DataError } from './lib/errors.ts';
import { AREA_COLUMNS, OGL, type FamilyOutput, type IndicatorMeta, type SourceMeta } from './lib/family.ts';
import { assertRange, requireNumber } from './lib/numbers.ts';
import { lsoa11ToWard, lsoa21ToWard, wardNames, type RawDir } from './lib/raw.ts';
import { BIRMINGHAM_CODE, BIRMINGHAM_NAME, ENGLAND_CODE, ENGLAND_NAME, assertExactlyBirminghamWards } from './lib/wards.ts';

export const RAW_2011 = 'census/census2011_ks201ew_oa_birmingham_mlid.csv';
export const RAW_2021 = 'census/census2021_ts021_lsoa_broad_birmingham.csv';

export const OUTPUT_FILES = {
	oa2011: 'census_ethnicity_2011_oa.csv',
	lsoa2021: 'census_ethnicity_2021_lsoa.csv',
	groups: 'ethnic_groups.csv',
	wards: 'segregation.csv',
	citywide: 'segregation_citywide.csv'
} as const;

/** Birmingham had 3,223 Output Areas in 2011; a different count means the extract is not the one described in PROVENANCE. */
export const EXPECTED_OUTPUT_AREAS_2011 = 3223;

export type Year = 2011 | 2021;
export type BroadGroup = 'white' | 'mixed' | 'asian' | 'black' | 'other';

export interface EthnicGroup {
	id: string;
	/** Column name in the raw file. */
	sourceColumn: string;
	/** Full Census category name. */
	label: string;
	/** Name used inside indicator labels. */
	shortName: string;
	/** The Census 2021 high-level group this group belongs to. */
	broad: BroadGroup;
}

export const GROUPS_2011: readonly EthnicGroup[] = [
	{ id: 'white_british', sourceColumn: 'WhiteBrit', label: 'White: English, Welsh, Scottish, Northern Irish or British', shortName: 'White British', broad: 'white' },
	{ id: 'white_irish', sourceColumn: 'Irish', label: 'White: Irish', shortName: 'White Irish', broad: 'white' },
	{ id: 'white_other', sourceColumn: 'OtherWhite', label: 'White: Other White', shortName: 'Other White', broad: 'white' },
	{ id: 'mixed', sourceColumn: 'Mixed', label: 'Mixed or multiple ethnic groups (all four Mixed groups together)', shortName: 'Mixed', broad: 'mixed' },
	{ id: 'indian', sourceColumn: 'Indian', label: 'Asian or Asian British: Indian', shortName: 'Indian', broad: 'asian' },
	{ id: 'pakistani', sourceColumn: 'Pakistani', label: 'Asian or Asian British: Pakistani', shortName: 'Pakistani', broad: 'asian' },
	{ id: 'bangladeshi', sourceColumn: 'Bangladeshi', label: 'Asian or Asian British: Bangladeshi', shortName: 'Bangladeshi', broad: 'asian' },
	{ id: 'chinese', sourceColumn: 'Chinese', label: 'Asian or Asian British: Chinese', shortName: 'Chinese', broad: 'asian' },
	{ id: 'asian_other', sourceColumn: 'OtherAsian', label: 'Asian or Asian British: Other Asian', shortName: 'Other Asian', broad: 'asian' },
	{ id: 'black_african', sourceColumn: 'BlkAfrican', label: 'Black or Black British: African', shortName: 'Black African', broad: 'black' },
	{ id: 'black_caribbean', sourceColumn: 'BlkCaribbean', label: 'Black or Black British: Caribbean', shortName: 'Black Caribbean', broad: 'black' },
	{ id: 'black_other', sourceColumn: 'OtherBlk', label: 'Black or Black British: Other Black', shortName: 'Other Black', broad: 'black' },
	{ id: 'arab', sourceColumn: 'Arab', label: 'Other ethnic group: Arab', shortName: 'Arab', broad: 'other' },
	// Not "other": in 2021 that id is the whole broad Other group (Arab included), a different population.
	{ id: 'other_any', sourceColumn: 'Other', label: 'Other ethnic group: Any other ethnic group', shortName: 'Any other ethnic group', broad: 'other' }
];

export const GROUPS_2021: readonly EthnicGroup[] = [
	{ id: 'asian', sourceColumn: 'Asian, Asian British or Asian Welsh', label: 'Asian, Asian British or Asian Welsh', shortName: 'Asian', broad: 'asian' },
	{ id: 'black', sourceColumn: 'Black, Black British, Black Welsh, Caribbean or African', label: 'Black, Black British, Black Welsh, Caribbean or African', shortName: 'Black', broad: 'black' },
	{ id: 'mixed', sourceColumn: 'Mixed or Multiple ethnic groups', label: 'Mixed or Multiple ethnic groups', shortName: 'Mixed', broad: 'mixed' },
	{ id: 'white', sourceColumn: 'White', label: 'White', shortName: 'White', broad: 'white' },
	{ id: 'other', sourceColumn: 'Other ethnic group', label: 'Other ethnic group', shortName: 'Other ethnic group', broad: 'other' }
];

const BROAD_GROUPS: readonly BroadGroup[] = ['asian', 'black', 'mixed', 'white', 'other'];

const groupsOf = (year: Year) => (year === 2011 ? GROUPS_2011 : GROUPS_2021);

/** A small area (Output Area 2011 or LSOA 2021) with its published counts, keyed by group id. */
export interface AreaCounts {
	code: string;
	/** The area's LSOA (for an LSOA, its own code). */
	lsoa: string;
	ward: string;
	total: number;
	counts: Record<string, number>;
}

const byCode = <T extends { code: string }>(x: T, y: T) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0);

function wholeCount(raw: string | undefined, min: number, max: number, file: string, row: number, column: string): number {
	const value = requireNumber(raw, file, row, column);
	if (!Number.isInteger(value)) throw new DataError(file, `column ${column}: ${value} is not a whole number of people`, row);
	assertRange(value, min, max, file, row, column);
	return value;
}

/**
 * Census 2011 ethnic group counts by Output Area (MLID extract, KS201EW groups). Rows of other districts are
 * left out by the rule LAD = "Birmingham"; every Birmingham OA must sit in an LSOA of the best-fit lookup.
 */
export function parseOutputAreas2011(rows: CsvRow[], file: string, lsoaToWard: Map<string, string>): AreaCounts[] {
	requireColumns(rows, ['OA', 'Persons', ...GROUPS_2011.map((g) => g.sourceColumn), 'LSOA', 'LAD'], file);
	const seen = new Set<string>();
	const areas: AreaCounts[] = [];
	rows.forEach((row, i) => {
		const line = i + 2;
		if (row.LAD !== BIRMINGHAM_NAME) return;
		const code = row.OA;
		if (!/^E00\d{6}$/.test(code)) throw new DataError(file, `"${code}" is not a 2011 Output Area code`, line);
		if (seen.has(code)) throw new DataError(file, `Output Area ${code} appears twice`, line);
		seen.add(code);
		const ward = lsoaToWard.get(row.LSOA);
		if (!ward) throw new DataError(file, `LSOA ${row.LSOA} of ${code} is not in the Birmingham LSOA 2011 → ward lookup`, line);
		const total = wholeCount(row.Persons, 1, 5000, file, line, 'Persons');
		const counts: Record<string, number> = {};
		let sum = 0;
		for (const g of GROUPS_2011) {
			counts[g.id] = wholeCount(row[g.sourceColumn], 0, total, file, line, g.sourceColumn);
			sum += counts[g.id];
		}
		// The residual is White: Gypsy or Irish Traveller, which has no column (PROVENANCE); it can never be negative.
		if (sum > total) throw new DataError(file, `the ${GROUPS_2011.length} group counts add up to ${sum}, more than Persons (${total})`, line);
		areas.push({ code, lsoa: row.LSOA, ward, total, counts });
	});
	return areas.sort(byCode);
}

const LSOA21_AREA_COLUMN = '2021 super output area - lower layer';
const LSOA21_TOTAL_COLUMN = 'Total: All usual residents';

/**
 * Census 2021 TS021 broad ethnic groups by LSOA (Nomis layout, first column "E01… : Birmingham 001A").
 * Rows of other districts are left out by the rule "name starts with Birmingham".
 */
export function parseLsoas2021(rows: CsvRow[], file: string, lsoaToWard: Map<string, string>): AreaCounts[] {
	requireColumns(rows, [LSOA21_AREA_COLUMN, LSOA21_TOTAL_COLUMN, ...GROUPS_2021.map((g) => g.sourceColumn)], file);
	const seen = new Set<string>();
	const areas: AreaCounts[] = [];
	rows.forEach((row, i) => {
		const line = i + 2;
		const match = /^(E01\d{6}) : (.+)$/.exec(row[LSOA21_AREA_COLUMN] ?? '');
		if (!match) throw new DataError(file, `"${row[LSOA21_AREA_COLUMN]}" is not of the form "E01… : <LSOA name>"`, line);
		const [, code, name] = match;
		if (!name.startsWith(`${BIRMINGHAM_NAME} `)) return;
		if (seen.has(code)) throw new DataError(file, `LSOA ${code} appears twice`, line);
		seen.add(code);
		const ward = lsoaToWard.get(code);
		if (!ward) throw new DataError(file, `LSOA ${code} is not in the Birmingham LSOA 2021 → ward lookup`, line);
		const total = wholeCount(row[LSOA21_TOTAL_COLUMN], 100, 20000, file, line, LSOA21_TOTAL_COLUMN);
		const counts: Record<string, number> = {};
		let sum = 0;
		for (const g of GROUPS_2021) {
			counts[g.id] = wholeCount(row[g.sourceColumn], 0, total, file, line, g.sourceColumn);
			sum += counts[g.id];
		}
		if (sum !== total) throw new DataError(file, `the 5 group counts add up to ${sum}, not the total ${total}`, line);
		areas.push({ code, lsoa: code, ward, total, counts });
	});
	return areas.sort(byCode);
}

/** Fails unless every LSOA of the lookup has at least one area: a short file must not pass as Birmingham. */
export function assertCoversLookup(areas: AreaCounts[], lsoaToWard: Map<string, string>, file: string): void {
	const present = new Set(areas.map((a) => a.lsoa));
	const missing = [...lsoaToWard.keys()].filter((code) => !present.has(code)).sort();
	if (missing.length) throw new DataError(file, `${missing.length} Birmingham LSOA(s) of the ward lookup have no row: ${missing.slice(0, 5).join(', ')}`);
}

/**
 * The published groups plus the combined groups the indices use. nonwhite = every group outside White;
 * white = total − nonwhite, so in 2011 it includes White: Gypsy or Irish Traveller, which has no column.
 */
export function groupCounts(area: Pick<AreaCounts, 'total' | 'counts'>, year: Year): Record<string, number> {
	const groups = groupsOf(year);
	const counts: Record<string, number> = { ...area.counts };
	for (const broad of BROAD_GROUPS) counts[broad] = groups.filter((g) => g.broad === broad).reduce((s, g) => s + area.counts[g.id], 0);
	counts.nonwhite = groups.filter((g) => g.broad !== 'white').reduce((s, g) => s + area.counts[g.id], 0);
	counts.white = area.total - counts.nonwhite;
	return counts;
}

export interface DissimilarityUnit {
	a: number;
	b: number;
}

function groupTotals(units: DissimilarityUnit[]): { A: number; B: number } {
	let A = 0;
	let B = 0;
	for (const u of units) {
		A += u.a;
		B += u.b;
	}
	return { A, B };
}

/**
 * Index of Dissimilarity D = ½ Σ |aᵢ/A − bᵢ/B| on the 0–1 scale, summed in the order given. Kept as plain
 * arithmetic so the browser's SQL (0.5 * SUM(ABS(a/A - b/B))) gives the same figure.
 */
export function indexOfDissimilarity(units: DissimilarityUnit[]): number {
	const { A, B } = groupTotals(units);
	if (A <= 0 || B <= 0) throw new RangeError('Index of Dissimilarity is undefined when a group has no members');
	let sum = 0;
	for (const u of units) sum += Math.abs(u.a / A - u.b / B);
	return 0.5 * sum;
}

/** D, or null when one of the two groups is absent from all the units (e.g. no Chinese residents in a ward). */
export function indexOfDissimilarityOrNull(units: DissimilarityUnit[]): number | null {
	const { A, B } = groupTotals(units);
	return A > 0 && B > 0 ? indexOfDissimilarity(units) : null;
}

/** Each unit's term ½|aᵢ/A − bᵢ/B| (0–1 scale), in the order given; they add up to D. Null when D is undefined. */
export function dissimilarityContributions(units: DissimilarityUnit[]): (number | null)[] {
	const { A, B } = groupTotals(units);
	if (A <= 0 || B <= 0) return units.map(() => null);
	return units.map((u) => 0.5 * Math.abs(u.a / A - u.b / B));
}

export interface GroupPair {
	a: string;
	b: string;
}

export const pairId = (p: GroupPair) => `${p.a}_${p.b}`;

const MINORITY_GROUPS_2011 = GROUPS_2011.filter((g) => g.broad !== 'white').map((g) => g.id);

/** Pairs reported for each ward. The reference group comes first; D is symmetric. */
export const WARD_PAIRS: Record<Year, readonly GroupPair[]> = {
	2011: [
		{ a: 'white', b: 'nonwhite' },
		...MINORITY_GROUPS_2011.map((b) => ({ a: 'white', b })),
		...['white_irish', 'white_other', ...MINORITY_GROUPS_2011].map((b) => ({ a: 'white_british', b }))
	],
	2021: [{ a: 'white', b: 'nonwhite' }, ...['asian', 'black', 'mixed', 'other'].map((b) => ({ a: 'white', b }))]
};

/** 2011 broad-group pairs, city-wide only: the nearest like-for-like comparison with 2021 (use the LSOA rows). */
const CITYWIDE_ONLY_PAIRS_2011: readonly GroupPair[] = ['asian', 'black', 'other'].map((b) => ({ a: 'white', b }));

type Unit = 'OA' | 'LSOA' | 'ward';

interface AggregatedUnit {
	code: string;
	total: number;
	counts: Record<string, number>;
}

/** Expands each area's counts and sums them by the key (the area itself, its LSOA or its ward), sorted by code. */
function aggregate(areas: AreaCounts[], year: Year, keyOf: (a: AreaCounts) => string): AggregatedUnit[] {
	const byKey = new Map<string, AggregatedUnit>();
	for (const area of [...areas].sort(byCode)) {
		const code = keyOf(area);
		const counts = groupCounts(area, year);
		const unit = byKey.get(code);
		if (!unit) {
			byKey.set(code, { code, total: area.total, counts });
			continue;
		}
		unit.total += area.total;
		for (const [id, n] of Object.entries(counts)) unit.counts[id] += n;
	}
	return [...byKey.values()].sort(byCode);
}

const pairUnits = (units: AggregatedUnit[], pair: GroupPair): DissimilarityUnit[] => units.map((u) => ({ a: u.counts[pair.a], b: u.counts[pair.b] }));

export interface CitywideIndex {
	year: Year;
	group_a: string;
	group_b: string;
	unit: Unit;
	/** 0–1 scale. */
	index: number | null;
}

/** City-wide D for every pair at every unit the data allow (2011: OA, LSOA, ward; 2021: LSOA, ward). */
export function citywideIndices(outputAreas2011: AreaCounts[], lsoas2021: AreaCounts[]): CitywideIndex[] {
	const rows: CitywideIndex[] = [];
	const add = (year: Year, pairs: readonly GroupPair[], unitsByType: [Unit, AggregatedUnit[]][]) => {
		for (const pair of pairs) {
			for (const [unit, units] of unitsByType) {
				rows.push({ year, group_a: pair.a, group_b: pair.b, unit, index: indexOfDissimilarityOrNull(pairUnits(units, pair)) });
			}
		}
	};
	add(2011, [...WARD_PAIRS[2011], ...CITYWIDE_ONLY_PAIRS_2011], [
		['OA', aggregate(outputAreas2011, 2011, (a) => a.code)],
		['LSOA', aggregate(outputAreas2011, 2011, (a) => a.lsoa)],
		['ward', aggregate(outputAreas2011, 2011, (a) => a.ward)]
	]);
	add(2021, WARD_PAIRS[2021], [
		['LSOA', aggregate(lsoas2021, 2021, (a) => a.code)],
		['ward', aggregate(lsoas2021, 2021, (a) => a.ward)]
	]);
	return rows;
}

const prefix = (year: Year) => (year === 2011 ? 'seg11' : 'seg21');
const shareGroups = (year: Year) => [...groupsOf(year).map((g) => g.id), 'nonwhite'];
const smallUnitName = (year: Year) => (year === 2011 ? 'n_oa' : 'n_lsoa');

/** The value columns of segregation.csv for one census year, in output order. */
export function wardColumns(year: Year): string[] {
	const p = prefix(year);
	return [
		`${p}_residents`,
		`${p}_${smallUnitName(year)}`,
		...shareGroups(year).map((g) => `${p}_pct_${g}`),
		...WARD_PAIRS[year].map((pair) => `${p}_contrib_${pairId(pair)}`),
		...WARD_PAIRS[year].map((pair) => `${p}_within_${pairId(pair)}`)
	];
}

const SCALE = 100;
const INDEX_DECIMALS = 2;
const CONTRIBUTION_DECIMALS = 3;
const SHARE_DECIMALS = 2;

/**
 * Per-ward values for one census year: shares (%), each ward's contribution to the city-wide index over
 * wards, and the index inside the ward over its small areas. Indices are on the 0–100 scale, unrounded.
 * The Birmingham row carries the city's shares only; city-wide indices live in segregation_citywide.csv.
 */
export function wardValues(areas: AreaCounts[], year: Year, file: string): { wards: Map<string, Record<string, number | null>>; city: Record<string, number | null> } {
	const p = prefix(year);
	const wardUnits = aggregate(areas, year, (a) => a.ward);
	assertExactlyBirminghamWards(
		wardUnits.map((u) => u.code),
		file
	);
	const cityUnit = aggregate(areas, year, () => BIRMINGHAM_CODE)[0];
	const shares = (unit: AggregatedUnit) => Object.fromEntries(shareGroups(year).map((g) => [`${p}_pct_${g}`, (SCALE * unit.counts[g]) / unit.total]));

	const wards = new Map<string, Record<string, number | null>>();
	for (const unit of wardUnits) {
		const smallUnits = aggregate(
			areas.filter((a) => a.ward === unit.code),
			year,
			(a) => a.code
		);
		const values: Record<string, number | null> = { [`${p}_residents`]: unit.total, [`${p}_${smallUnitName(year)}`]: smallUnits.length, ...shares(unit) };
		for (const pair of WARD_PAIRS[year]) {
			const within = indexOfDissimilarityOrNull(pairUnits(smallUnits, pair));
			values[`${p}_within_${pairId(pair)}`] = within === null ? null : SCALE * within;
		}
		wards.set(unit.code, values);
	}
	for (const pair of WARD_PAIRS[year]) {
		const contributions = dissimilarityContributions(pairUnits(wardUnits, pair));
		wardUnits.forEach((unit, i) => {
			const c = contributions[i];
			wards.get(unit.code)![`${p}_contrib_${pairId(pair)}`] = c === null ? null : SCALE * c;
		});
	}
	const city: Record<string, number | null> = { [`${p}_residents`]: cityUnit.total, [`${p}_${smallUnitName(year)}`]: areas.length, ...shares(cityUnit) };
	return { wards, city };
}

function decimalsFor(column: string): number {
	if (/_(residents|n_oa|n_lsoa)$/.test(column)) return 0;
	if (column.includes('_contrib_')) return CONTRIBUTION_DECIMALS;
	if (column.includes('_within_')) return INDEX_DECIMALS;
	return SHARE_DECIMALS;
}

function assertPlausible(column: string, value: number | null, file: string, row: string): void {
	if (/_(residents|n_oa|n_lsoa)$/.test(column)) return;
	// A ward's term ½|aᵢ/A − bᵢ/B| can be at most ½ (all of one group and none of the other).
	assertRange(value, 0, column.includes('_contrib_') ? SCALE / 2 : SCALE, file, row, column);
}

/** segregation.csv: the 69 wards by code, then Birmingham, then England (no England data: empty cells). */
export function segregationCsv(outputAreas2011: AreaCounts[], lsoas2021: AreaCounts[], names: Map<string, string>): string {
	const y2011 = wardValues(outputAreas2011, 2011, RAW_2011);
	const y2021 = wardValues(lsoas2021, 2021, RAW_2021);
	const valueColumns = [...wardColumns(2011), ...wardColumns(2021)];
	const format = (values: Record<string, number | null>, rowLabel: string) =>
		Object.fromEntries(
			valueColumns.map((c) => {
				const value = values[c] ?? null;
				assertPlausible(c, value, OUTPUT_FILES.wards, rowLabel);
				return [c, fixed(value, decimalsFor(c))];
			})
		);
	const rows: Record<string, Cell>[] = [];
	for (const code of [...y2011.wards.keys()]) {
		const name = names.get(code);
		if (!name) throw new DataError(OUTPUT_FILES.wards, `ward ${code} has no name in the ward boundary file`);
		if (!y2021.wards.has(code)) throw new DataError(RAW_2021, `ward ${code} has no LSOA`);
		rows.push({ area_code: code, area_name: name, area_type: 'ward', ...format({ ...y2011.wards.get(code)!, ...y2021.wards.get(code)! }, code) });
	}
	assertExactlyBirminghamWards(
		rows.map((r) => String(r.area_code)),
		OUTPUT_FILES.wards
	);
	rows.push({ area_code: BIRMINGHAM_CODE, area_name: BIRMINGHAM_NAME, area_type: 'local_authority', ...format({ ...y2011.city, ...y2021.city }, BIRMINGHAM_CODE) });
	rows.push({ area_code: ENGLAND_CODE, area_name: ENGLAND_NAME, area_type: 'country', ...format({}, ENGLAND_CODE) });
	return toCsv([...AREA_COLUMNS, ...valueColumns], rows);
}

export function citywideCsv(indices: CitywideIndex[]): string {
	return toCsv(
		['year', 'group_a', 'group_b', 'unit', 'index'],
		indices.map((r) => {
			const value = r.index === null ? null : SCALE * r.index;
			assertRange(value, 0, SCALE, OUTPUT_FILES.citywide, `${r.year} ${r.group_a}/${r.group_b} ${r.unit}`, 'index');
			return { year: r.year, group_a: r.group_a, group_b: r.group_b, unit: r.unit, index: fixed(value, INDEX_DECIMALS) };
		})
	);
}

export function outputAreas2011Csv(areas: AreaCounts[]): string {
	const groupIds = GROUPS_2011.map((g) => g.id);
	return toCsv(
		['oa11_code', 'lsoa11_code', 'ward_code', 'total', ...groupIds],
		[...areas].sort(byCode).map((a) => ({
			oa11_code: a.code,
			lsoa11_code: a.lsoa,
			ward_code: a.ward,
			total: fixed(a.total, 0),
			...Object.fromEntries(groupIds.map((id) => [id, fixed(a.counts[id], 0)]))
		}))
	);
}

export function lsoas2021Csv(areas: AreaCounts[]): string {
	const groupIds = GROUPS_2021.map((g) => g.id);
	return toCsv(
		['lsoa21_code', 'ward_code', 'total', ...groupIds],
		[...areas].sort(byCode).map((a) => ({
			lsoa21_code: a.code,
			ward_code: a.ward,
			total: fixed(a.total, 0),
			...Object.fromEntries(groupIds.map((id) => [id, fixed(a.counts[id], 0)]))
		}))
	);
}

/** Combined groups, written as formulas over the count columns so the browser can rebuild them exactly. */
function combinedGroups(year: Year): { id: string; label: string; broad: string; definition: string }[] {
	const groups = groupsOf(year);
	const sumOf = (ids: string[]) => ids.join(' + ');
	const nonwhiteIds = groups.filter((g) => g.broad !== 'white').map((g) => g.id);
	const nonwhite = { id: 'nonwhite', label: 'Not in any White group', broad: '', definition: sumOf(nonwhiteIds) };
	if (year === 2021) return [nonwhite];
	const broadRow = (broad: BroadGroup, label: string) => ({ id: broad, label, broad, definition: sumOf(groups.filter((g) => g.broad === broad).map((g) => g.id)) });
	return [
		{ id: 'white', label: 'All White groups (includes White: Gypsy or Irish Traveller, which has no column)', broad: 'white', definition: `total - (${sumOf(nonwhiteIds)})` },
		nonwhite,
		broadRow('asian', 'Asian or Asian British (all Asian groups)'),
		broadRow('black', 'Black or Black British (all Black groups)'),
		broadRow('other', 'Other ethnic group (Arab and any other)')
	];
}

/** ethnic_groups.csv: every count column (kind "count") and every combined group (kind "combined"). */
export function ethnicGroupsCsv(): string {
	const rows: Record<string, Cell>[] = [];
	for (const year of [2011, 2021] as const) {
		for (const g of groupsOf(year)) rows.push({ year, group_id: g.id, label: g.label, broad: g.broad, kind: 'count', definition: '' });
		for (const c of combinedGroups(year)) rows.push({ year, group_id: c.id, label: c.label, broad: c.broad, kind: 'combined', definition: c.definition });
	}
	return toCsv(['year', 'group_id', 'label', 'broad', 'kind', 'definition'], rows);
}

export function outputAreas2011(raw: RawDir): AreaCounts[] {
	return raw.memo('segregation:oa2011', () => {
		const lookup = lsoa11ToWard(raw);
		const areas = parseOutputAreas2011(raw.csv(RAW_2011), RAW_2011, lookup);
		if (areas.length !== EXPECTED_OUTPUT_AREAS_2011) throw new DataError(RAW_2011, `expected ${EXPECTED_OUTPUT_AREAS_2011} Birmingham Output Areas, found ${areas.length}`);
		assertCoversLookup(areas, lookup, RAW_2011);
		return areas;
	});
}

export function lsoas2021(raw: RawDir): AreaCounts[] {
	return raw.memo('segregation:lsoa2021', () => {
		const lookup = lsoa21ToWard(raw);
		const areas = parseLsoas2021(raw.csv(RAW_2021), RAW_2021, lookup);
		assertCoversLookup(areas, lookup, RAW_2021);
		return areas;
	});
}

/** Census 2021 usual residents per ward, summed over the ward's best-fit LSOAs 2021 (sorted by ward code). */
export function wardPopulation2021(raw: RawDir): Map<string, number> {
	const totals = new Map<string, number>();
	for (const area of lsoas2021(raw)) totals.set(area.ward, (totals.get(area.ward) ?? 0) + area.total);
	const codes = [...totals.keys()].sort();
	assertExactlyBirminghamWards(codes, RAW_2021);
	return new Map(codes.map((code) => [code, totals.get(code)!]));
}

export const SOURCES: SourceMeta[] = [
	{
		id: 'ons_census2011_ks201ew',
		title: 'Census 2011: Ethnic group (KS201EW), Output Areas',
		publisher: 'Office for National Statistics',
		...OGL,
		attribution: 'Source: Office for National Statistics licensed under the Open Government Licence v3.0',
		url: 'https://doi.org/10.5257/census/aggregate-2011-1',
		raw_files: [RAW_2011],
		caveats:
			'Counts by 2011 Output Area as packaged in the MLID R package (Richard Harris) from the UK Data Service Census 2011 aggregate data (DOI 10.5257/census/aggregate-2011-1). The four Mixed groups are combined into one. White: Gypsy or Irish Traveller has no column: it is only in the total.'
	},
	{
		id: 'ons_census2021_ts021',
		title: 'Census 2021: Ethnic group (TS021), Lower layer Super Output Areas',
		publisher: 'Office for National Statistics',
		...OGL,
		attribution: 'Source: Office for National Statistics licensed under the Open Government Licence v3.0',
		url: 'https://www.nomisweb.co.uk/datasets/c2021ts021',
		raw_files: [RAW_2021],
		caveats:
			'Only the 5 high-level groups are available by LSOA. ONS swapped records and perturbed counts slightly, so LSOA totals add up to 1,144,941 against the published Birmingham total of 1,144,919.'
	}
];

const SOURCE_ID: Record<Year, string> = { 2011: SOURCES[0].id, 2021: SOURCES[1].id };

const BEST_FIT_CAVEAT =
	'Ward figures add up small areas placed in wards by the ONS best-fit lookup, so they can differ a little from counts for the exact ward boundary.';
const COMPARABILITY_CAVEAT =
	'2011 and 2021 are not directly comparable: 2011 has 14 groups by Output Area (about 330 people each); 2021 has only 5 broad groups by LSOA (about 1,700 people each), and LSOA boundaries changed in 2021.';
const YEAR_CAVEAT: Record<Year, string> = {
	2011: 'White: Gypsy or Irish Traveller (a few hundred people city-wide) has no column of its own; it is counted in the total and in "all White".',
	2021: 'ONS swapped some records and perturbed counts slightly to protect privacy, so small-area counts do not add up exactly to published totals.'
};
const AGGREGATION_METHOD: Record<Year, string> = {
	2011: "Each 2011 Output Area is placed in a ward through its LSOA (2011) and the ONS best-fit LSOA 2011 → ward (2019) lookup; the ward's counts are the sums over its Output Areas.",
	2021: "Each LSOA (2021) is placed in a ward by the ONS best-fit LSOA 2021 → ward (2022) lookup; the ward's counts are the sums over its LSOAs."
};

function groupName(year: Year, id: string, short = false): string {
	if (id === 'nonwhite') return 'non-White';
	if (id === 'white') return year === 2011 && !short ? 'White (all White groups)' : 'White';
	const group = groupsOf(year).find((g) => g.id === id);
	if (!group) throw new Error(`unknown ${year} group ${id}`);
	return group.shortName;
}

function shareIndicator(year: Year, id: string): IndicatorMeta {
	const p = prefix(year);
	const group = groupsOf(year).find((g) => g.id === id);
	const described =
		id === 'nonwhite'
			? `The share of the ward's residents who did not describe their ethnic group as White in the ${year} Census.`
			: `The share of the ward's residents who described their ethnic group as "${group!.label}" in the ${year} Census.`;
	const method =
		id === 'nonwhite'
			? `${AGGREGATION_METHOD[year]} Share = residents in the non-White groups (${combinedGroups(year).find((c) => c.id === 'nonwhite')!.definition}) ÷ all usual residents × 100.`
			: `${AGGREGATION_METHOD[year]} Share = group count ÷ all usual residents × 100.`;
	return {
		id: `${p}_pct_${id}`,
		family: 'segregation',
		label: id === 'nonwhite' ? `Residents not in a White ethnic group, ${year} (%)` : `${group!.shortName} residents, ${year} (%)`,
		short_label: id === 'nonwhite' ? `Non-White % (${year})` : `${group!.shortName} % (${year})`,
		description: described,
		unit: '%',
		decimals: SHARE_DECIMALS,
		polarity: 'neutral',
		period: String(year),
		headline: year === 2021 && id === 'nonwhite',
		source_id: SOURCE_ID[year],
		derived: true,
		method,
		caveat: [BEST_FIT_CAVEAT, COMPARABILITY_CAVEAT, YEAR_CAVEAT[year]].join(' '),
		file: OUTPUT_FILES.wards,
		column: `${p}_pct_${id}`,
		min: 0,
		max: 100
	};
}

function withinIndicator(year: Year, pair: GroupPair): IndicatorMeta {
	const p = prefix(year);
	const [a, b] = [groupName(year, pair.a), groupName(year, pair.b)];
	const smallArea = year === 2011 ? 'Output Areas (2011, about 330 people each)' : 'LSOAs (2021, about 1,700 people each)';
	return {
		id: `${p}_within_${pairId(pair)}`,
		family: 'segregation',
		label: `${a} and ${b} residents: how unevenly they live inside the ward, ${year} (index 0–100)`,
		short_label: `${groupName(year, pair.a, true)}/${groupName(year, pair.b, true)} unevenness in ward (${year})`,
		description: `Shows how unevenly ${a} and ${b} residents are spread across the small neighbourhoods inside this ward. 0 means every neighbourhood has the same mix as the ward; 100 means the two groups never live in the same neighbourhood. It is roughly the share of one group that would have to move to make the mix even.`,
		unit: 'index',
		decimals: INDEX_DECIMALS,
		polarity: 'neutral',
		period: String(year),
		headline: year === 2021 && pairId(pair) === 'white_nonwhite',
		source_id: SOURCE_ID[year],
		derived: true,
		method: `Index of Dissimilarity D = ½ Σ |aᵢ/A − bᵢ/B| × 100, where i runs over the ward's ${smallArea}, aᵢ and bᵢ are the two groups' counts in area i and A, B their ward totals. ${AGGREGATION_METHOD[year]} The size of the small areas changes the value (smaller areas give higher indices), so compare it only with indices built from the same kind of area.`,
		caveat: `${year === 2021 ? 'A ward has only 5 to 15 LSOAs, so this is a rough measure. ' : ''}When one of the groups is small in a ward, the index comes out high by chance alone, even if people are spread at random. Empty when one group has no residents in the ward. ${COMPARABILITY_CAVEAT} ${BEST_FIT_CAVEAT}`,
		file: OUTPUT_FILES.wards,
		column: `${p}_within_${pairId(pair)}`,
		min: 0,
		max: 100
	};
}

function contributionIndicator(year: Year, pair: GroupPair): IndicatorMeta {
	const p = prefix(year);
	const [a, b] = [groupName(year, pair.a), groupName(year, pair.b)];
	return {
		id: `${p}_contrib_${pairId(pair)}`,
		family: 'segregation',
		label: `${a} and ${b} residents: this ward's part of Birmingham's segregation, ${year} (index points)`,
		short_label: `${groupName(year, pair.a, true)}/${groupName(year, pair.b, true)} ward part of city index (${year})`,
		description: `How far this ward's mix of ${a} and ${b} residents differs from Birmingham's as a whole. A ward with the same mix as the city scores 0. The 69 ward values add up to Birmingham's index measured across wards (0–100), found in segregation_citywide.csv.`,
		unit: 'index',
		decimals: CONTRIBUTION_DECIMALS,
		polarity: 'neutral',
		period: String(year),
		headline: false,
		source_id: SOURCE_ID[year],
		derived: true,
		method: `The ward's term ½ |aᵢ/A − bᵢ/B| × 100 of the city-wide Index of Dissimilarity computed over the 69 wards, where aᵢ and bᵢ are the ward's counts of the two groups and A, B Birmingham's totals. ${AGGREGATION_METHOD[year]} An index over wards is much lower than one over smaller areas; the unit changes the value.`,
		caveat: `It depends on every other ward: it measures this ward against the city, not the ward on its own. ${COMPARABILITY_CAVEAT} ${BEST_FIT_CAVEAT}`,
		file: OUTPUT_FILES.wards,
		column: `${p}_contrib_${pairId(pair)}`,
		min: 0,
		max: SCALE / 2
	};
}

/** Shares of every group, plus within-ward index and contribution for White vs non-White and each minority vs White. */
export function segregationIndicators(): IndicatorMeta[] {
	const indicators: IndicatorMeta[] = [];
	for (const year of [2011, 2021] as const) {
		indicators.push(...shareGroups(year).map((id) => shareIndicator(year, id)));
		const pairs = WARD_PAIRS[year].filter((pair) => pair.a === 'white');
		for (const pair of pairs) indicators.push(withinIndicator(year, pair), contributionIndicator(year, pair));
	}
	return indicators;
}

export function buildSegregation(raw: RawDir): FamilyOutput {
	const oas = outputAreas2011(raw);
	const lsoas = lsoas2021(raw);
	return {
		files: {
			[OUTPUT_FILES.oa2011]: outputAreas2011Csv(oas),
			[OUTPUT_FILES.lsoa2021]: lsoas2021Csv(lsoas),
			[OUTPUT_FILES.groups]: ethnicGroupsCsv(),
			[OUTPUT_FILES.wards]: segregationCsv(oas, lsoas, wardNames(raw)),
			[OUTPUT_FILES.citywide]: citywideCsv(citywideIndices(oas, lsoas))
		},
		indicators: segregationIndicators(),
		sources: SOURCES
	};
}
