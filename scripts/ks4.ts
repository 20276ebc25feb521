import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { point } from '@turf/helpers';
import { fixed, toCsv, type CsvRow } from './lib/csv.ts';
import { DataError } from './lib/errors.ts';
import { AREA_COLUMNS, OGL, type FamilyOutput, type IndicatorMeta, type SourceMeta } from './lib/family.ts';
import { assertRange, parseNumber, weightedMean } from './lib/numbers.ts';
import { FILES, wardNames, wardPolygons, type RawDir, type WardFeatures } from './lib/raw.ts';
import { BIRMINGHAM_CODE, BIRMINGHAM_NAME, ENGLAND_CODE, ENGLAND_NAME, assertExactlyBirminghamWards } from './lib/wards.ts';

export const KS4_FILES = {
	results2023: 'ks4/ks4_2022-23_final_birmingham_cols1-99.csv',
	results2019: 'ks4/ks4_2018-19_provisional_westmids_subsetcols.csv',
	postcodes2019: 'ks4/ks4_2018-19_final_westmids_with_latlong_waiky8.csv'
} as const;

export type Ks4Year = '2022/23' | '2018/19';
export type YearSuffix = '2023' | '2019';

const BIRMINGHAM_LEA = '330';

const RESULT_COLUMNS = ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'NFTYPE', 'TPUP', 'ATT8SCR', 'P8PUP', 'P8MEA', 'P8CILOW', 'P8CIUPP', 'PTL2BASICS_95'];

/** DfE NFTYPE codes of state-funded mainstream schools (RECTYPE 1). */
export const STATE_MAINSTREAM_TYPES: Record<string, string> = {
	AC: 'sponsored academy',
	ACC: 'converter academy',
	F: 'free school',
	CY: 'community school',
	VA: 'voluntary aided school',
	VC: 'voluntary controlled school',
	FD: 'foundation school',
	UTC: 'university technical college',
	SS: 'studio school'
};
const INDEPENDENT_TYPES = new Set(['IND', 'INDSS', 'INDSPEC']);
const FURTHER_EDUCATION_TYPES = new Set(['FESI']);
const STATE_SPECIAL_TYPES = new Set(['ACCS', 'ACS', 'CYS', 'FDS']);

export type RowKind =
	| 'state_mainstream'
	| 'state_special'
	| 'state_further_education'
	| 'independent'
	| 'la_total'
	| 'england_all_schools'
	| 'england_state_funded';

/** Sorts a DfE row by RECTYPE and NFTYPE. An unknown code is an error, so no school type is dropped unseen. */
export function classifyRow(row: CsvRow, file: string, rowNumber: number): RowKind {
	const rectype = row.RECTYPE?.trim();
	const nftype = row.NFTYPE?.trim() ?? '';
	if (rectype === '4') return 'la_total';
	if (rectype === '5') return 'england_all_schools';
	if (rectype === '7') return 'england_state_funded';
	if (rectype === '1') {
		if (nftype in STATE_MAINSTREAM_TYPES) return 'state_mainstream';
		if (INDEPENDENT_TYPES.has(nftype)) return 'independent';
		if (FURTHER_EDUCATION_TYPES.has(nftype)) return 'state_further_education';
		throw new DataError(file, `unknown school type NFTYPE "${nftype}" for a RECTYPE 1 row`, rowNumber);
	}
	if (rectype === '2') {
		if (STATE_SPECIAL_TYPES.has(nftype)) return 'state_special';
		if (INDEPENDENT_TYPES.has(nftype)) return 'independent';
		throw new DataError(file, `unknown school type NFTYPE "${nftype}" for a RECTYPE 2 row`, rowNumber);
	}
	throw new DataError(file, `unknown RECTYPE "${row.RECTYPE}"`, rowNumber);
}

/** One row of a DfE KS4 file with its numbers parsed. null = suppressed or not published, never zero. */
export interface Ks4Row {
	rowNumber: number;
	kind: RowKind;
	lea: string;
	urn: string;
	name: string;
	nftype: string;
	pupils: number | null;
	att8: number | null;
	p8: number | null;
	p8Lower: number | null;
	p8Upper: number | null;
	p8Pupils: number | null;
	basics95: number | null;
}

/** Parses and range-checks every row of a DfE KS4 file (school, LA and England rows alike). */
export function parseKs4Rows(rows: CsvRow[], file: string): Ks4Row[] {
	if (rows.length === 0) throw new DataError(file, 'file has no data rows');
	const missing = RESULT_COLUMNS.filter((c) => !(c in rows[0]));
	if (missing.length) throw new DataError(file, `unexpected header: missing column(s) ${missing.join(', ')}`, 1);
	const urns = new Set<string>();
	return rows.map((row, i) => {
		const rowNumber = i + 2;
		const kind = classifyRow(row, file, rowNumber);
		const number = (column: string) => parseNumber(row[column], file, rowNumber, column);
		const parsed: Ks4Row = {
			rowNumber,
			kind,
			lea: row.LEA.trim(),
			urn: row.URN.trim(),
			name: row.SCHNAME.trim(),
			nftype: row.NFTYPE.trim(),
			pupils: number('TPUP'),
			att8: number('ATT8SCR'),
			p8: number('P8MEA'),
			p8Lower: number('P8CILOW'),
			p8Upper: number('P8CIUPP'),
			p8Pupils: number('P8PUP'),
			basics95: number('PTL2BASICS_95')
		};
		const isSchool = !['la_total', 'england_all_schools', 'england_state_funded'].includes(kind);
		if (isSchool) {
			if (!/^\d{6}$/.test(parsed.urn)) throw new DataError(file, `school URN "${parsed.urn}" is not a 6-digit number`, rowNumber);
			if (urns.has(parsed.urn)) throw new DataError(file, `duplicate school URN ${parsed.urn}`, rowNumber);
			urns.add(parsed.urn);
		}
		const maxPupils = isSchool ? 1000 : 1_000_000;
		for (const [value, what] of [
			[parsed.pupils, 'TPUP'],
			[parsed.p8Pupils, 'P8PUP']
		] as const) {
			assertRange(value, 0, maxPupils, file, rowNumber, what);
			if (value !== null && !Number.isInteger(value)) throw new DataError(file, `${what} = ${value} is not a whole number of pupils`, rowNumber);
		}
		if (parsed.p8Pupils !== null && parsed.pupils !== null && parsed.p8Pupils > parsed.pupils) {
			throw new DataError(file, `P8PUP ${parsed.p8Pupils} exceeds the KS4 cohort TPUP ${parsed.pupils}`, rowNumber);
		}
		assertRange(parsed.att8, 0, 90, file, rowNumber, 'ATT8SCR');
		assertRange(parsed.p8, -5, 5, file, rowNumber, 'P8MEA');
		assertRange(parsed.p8Lower, -5, 5, file, rowNumber, 'P8CILOW');
		assertRange(parsed.p8Upper, -5, 5, file, rowNumber, 'P8CIUPP');
		assertRange(parsed.basics95, 0, 100, file, rowNumber, 'PTL2BASICS_95');
		if (parsed.p8 !== null) {
			// England rows publish P8 without an interval; every school and LA P8 must carry one.
			if (kind !== 'england_state_funded' && kind !== 'england_all_schools') {
				if (parsed.p8Lower === null || parsed.p8Upper === null) throw new DataError(file, 'P8MEA is published but its confidence interval is missing', rowNumber);
				if (parsed.p8Pupils === null) throw new DataError(file, 'P8MEA is published but P8PUP (its pupil count) is missing', rowNumber);
			}
			if ((parsed.p8Lower !== null && parsed.p8Lower > parsed.p8) || (parsed.p8Upper !== null && parsed.p8Upper < parsed.p8)) {
				throw new DataError(file, `P8MEA ${parsed.p8} lies outside its confidence interval ${parsed.p8Lower} to ${parsed.p8Upper}`, rowNumber);
			}
		}
		return parsed;
	});
}

/** School rows of a state-funded mainstream school that has a KS4 cohort (new schools publish none yet). */
export function stateMainstreamWithResults(rows: Ks4Row[]): { kept: Ks4Row[]; withoutCohort: Ks4Row[] } {
	const mainstream = rows.filter((r) => r.kind === 'state_mainstream');
	return {
		kept: mainstream.filter((r) => r.pupils !== null && r.pupils > 0),
		withoutCohort: mainstream.filter((r) => r.pupils === null || r.pupils === 0)
	};
}

export interface Benchmark {
	schools: number | null;
	pupils: number | null;
	att8: number | null;
	p8: number | null;
	p8Lower: number | null;
	p8Upper: number | null;
	basics95: number | null;
}

function exactlyOne(rows: Ks4Row[], what: string, file: string): Ks4Row {
	if (rows.length !== 1) throw new DataError(file, `expected exactly one ${what} row, found ${rows.length}`);
	return rows[0];
}

/**
 * Birmingham (the LEA 330 total, RECTYPE 4) and England (state-funded, RECTYPE 7) as DfE publishes them. Both
 * cover every state-funded school, special schools included. The school cohorts must add up to the LA total
 * (within `tolerance`, a share of it): that catches a lost, doubled or mistyped school row.
 */
export function publishedBenchmarks(rows: Ks4Row[], file: string, tolerance: number): { birmingham: Benchmark; england: Benchmark } {
	const la = exactlyOne(rows.filter((r) => r.kind === 'la_total' && r.lea === BIRMINGHAM_LEA), 'Birmingham (LEA 330) total', file);
	const england = exactlyOne(rows.filter((r) => r.kind === 'england_state_funded'), 'England state-funded (RECTYPE 7)', file);
	if (la.pupils === null) throw new DataError(file, 'the Birmingham total has no KS4 cohort (TPUP)', la.rowNumber);
	const stateSchools = rows.filter(
		(r) => r.lea === BIRMINGHAM_LEA && ['state_mainstream', 'state_special', 'state_further_education'].includes(r.kind) && r.pupils !== null && r.pupils > 0
	);
	const cohortSum = stateSchools.reduce((sum, r) => sum + (r.pupils ?? 0), 0);
	if (cohortSum > la.pupils || cohortSum < la.pupils * (1 - tolerance)) {
		throw new DataError(file, `state-funded Birmingham school cohorts sum to ${cohortSum} pupils but the LA total row says ${la.pupils}`, la.rowNumber);
	}
	const benchmark = (r: Ks4Row, schools: number | null): Benchmark => ({
		schools,
		pupils: r.pupils,
		att8: r.att8,
		p8: r.p8,
		p8Lower: r.p8Lower,
		p8Upper: r.p8Upper,
		basics95: r.basics95
	});
	return { birmingham: benchmark(la, stateSchools.length), england: benchmark(england, null) };
}

/** Postcode key: upper case without spaces, so "B1 1AA" and "B11AA" meet. */
export const postcodeKey = (postcode: string) => postcode.replace(/\s+/g, '').toUpperCase();

export interface LonLat {
	lon: number;
	lat: number;
}

/** Postcode → coordinates from the NSPL extract. A postcode listed without coordinates maps to null. */
export function postcodeCoordinates(rows: CsvRow[], file: string): Map<string, LonLat | null> {
	const missing = ['Postcode', 'lat', 'long'].filter((c) => !(c in (rows[0] ?? {})));
	if (missing.length) throw new DataError(file, `unexpected header: missing column(s) ${missing.join(', ')}`, 1);
	const coordinates = new Map<string, LonLat | null>();
	rows.forEach((row, i) => {
		const key = postcodeKey(row.Postcode);
		if (coordinates.has(key)) throw new DataError(file, `duplicate postcode ${row.Postcode}`, i + 2);
		const lat = parseNumber(row.lat, file, i + 2, 'lat');
		const lon = parseNumber(row.long, file, i + 2, 'long');
		// Postcodes without a grid reference are published with an empty lat and long 0.
		coordinates.set(key, lat === null || lon === null ? null : { lon, lat });
	});
	return coordinates;
}

/** The Birmingham ward containing a point, or null. A point on a shared border goes to the lowest ward code. */
export function wardContaining(location: LonLat, wards: WardFeatures): string | null {
	const here = point([location.lon, location.lat]);
	const hits = wards.features.filter((f) => booleanPointInPolygon(here, f)).map((f) => f.properties.WD25CD);
	return hits.sort()[0] ?? null;
}

export interface LocatedSchool {
	year: Ks4Year;
	school: Ks4Row;
	postcode: string;
	location: LonLat;
	wardCode: string;
}

export interface Placement {
	located: LocatedSchool[];
	/** Postcode outside the B postcode area, which holds all of Birmingham. */
	outsideBArea: Ks4Row[];
	/** Postcode point outside every Birmingham ward polygon. */
	outsideWards: Ks4Row[];
}

/**
 * Places schools in wards by their postcode's NSPL coordinates. Schools outside Birmingham's wards are set aside
 * by that rule; a B-area school postcode without coordinates is an error, because it could be in Birmingham.
 */
export function placeSchools(
	year: Ks4Year,
	schools: Ks4Row[],
	postcodeOf: (school: Ks4Row) => string,
	coordinates: Map<string, LonLat | null>,
	wards: WardFeatures,
	file: string
): Placement {
	const placement: Placement = { located: [], outsideBArea: [], outsideWards: [] };
	for (const school of schools) {
		const postcode = postcodeOf(school).trim().toUpperCase();
		if (!/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/.test(postcode)) throw new DataError(file, `school ${school.urn}: "${postcode}" is not a postcode`, school.rowNumber);
		if (!/^B\d/.test(postcode)) {
			placement.outsideBArea.push(school);
			continue;
		}
		const location = coordinates.get(postcodeKey(postcode));
		if (!location) throw new DataError(file, `school ${school.urn}: postcode ${postcode} has no coordinates in ${FILES.postcodes}`, school.rowNumber);
		const wardCode = wardContaining(location, wards);
		if (wardCode === null) placement.outsideWards.push(school);
		else placement.located.push({ year, school, postcode, location, wardCode });
	}
	return placement;
}

/** URN → postcode from the 2018/19 final file (the provisional results file has no postcode column). */
export function postcodesByUrn(rows: CsvRow[], file: string): Map<string, string> {
	const missing = ['URN', 'PCODE'].filter((c) => !(c in (rows[0] ?? {})));
	if (missing.length) throw new DataError(file, `unexpected header: missing column(s) ${missing.join(', ')}`, 1);
	const byUrn = new Map<string, string>();
	rows.forEach((row, i) => {
		const urn = row.URN.trim();
		if (byUrn.has(urn)) throw new DataError(file, `duplicate school URN ${urn}`, i + 2);
		byUrn.set(urn, row.PCODE.trim());
	});
	return byUrn;
}

export interface WardSummary {
	schools: number;
	pupils: number;
	att8: number | null;
	p8: number | null;
	p8Lower: number | null;
	p8Upper: number | null;
	basics95: number | null;
}

const Z95 = 1.96;

/**
 * Pupil-weighted means over a ward's schools. Attainment 8 and the 9–5 English-and-maths share are weighted by
 * the KS4 cohort (TPUP); Progress 8 by the pupils it covers (P8PUP), as DfE averages it. A school with a
 * suppressed value drops out of that measure only. The P8 interval combines the school intervals as if the
 * schools were independent: SE_s = (upper − lower) / (2 × 1.96), SE = √(Σ n_s² SE_s²) / Σ n_s.
 */
export function summariseSchools(schools: Ks4Row[]): WardSummary {
	const pupils = schools.reduce((sum, s) => sum + (s.pupils ?? 0), 0);
	const att8 = weightedMean(schools.map((s) => ({ value: s.att8, weight: s.pupils ?? 0 })));
	const basics95 = weightedMean(schools.map((s) => ({ value: s.basics95, weight: s.pupils ?? 0 })));
	const withP8 = schools.filter((s) => s.p8 !== null && s.p8Pupils !== null && s.p8Pupils > 0);
	const p8 = weightedMean(withP8.map((s) => ({ value: s.p8, weight: s.p8Pupils! })));
	let p8Lower: number | null = null;
	let p8Upper: number | null = null;
	if (p8 !== null) {
		const n = withP8.reduce((sum, s) => sum + s.p8Pupils!, 0);
		const variance = withP8.reduce((sum, s) => sum + (s.p8Pupils! * ((s.p8Upper! - s.p8Lower!) / (2 * Z95))) ** 2, 0);
		const se = Math.sqrt(variance) / n;
		p8Lower = p8 - Z95 * se;
		p8Upper = p8 + Z95 * se;
	}
	return { schools: schools.length, pupils, att8, p8, p8Lower, p8Upper, basics95 };
}

export const MEASURES = ['att8', 'p8', 'p8_lower', 'p8_upper', 'basics95', 'schools', 'pupils'] as const;
const wardColumn = (measure: (typeof MEASURES)[number], suffix: YearSuffix) =>
	measure === 'p8_lower' || measure === 'p8_upper' ? `ks4_p8_${suffix}_${measure.slice(3)}` : `ks4_${measure}_${suffix}`;

export const YEAR_SUFFIXES: YearSuffix[] = ['2023', '2019'];
export const KS4_COLUMNS = [...AREA_COLUMNS, ...YEAR_SUFFIXES.flatMap((suffix) => MEASURES.map((m) => wardColumn(m, suffix)))];

function summaryCells(summary: WardSummary | Benchmark, suffix: YearSuffix): Record<string, string> {
	return {
		[wardColumn('att8', suffix)]: fixed(summary.att8, 1),
		[wardColumn('p8', suffix)]: fixed(summary.p8, 2),
		[wardColumn('p8_lower', suffix)]: fixed(summary.p8Lower, 2),
		[wardColumn('p8_upper', suffix)]: fixed(summary.p8Upper, 2),
		[wardColumn('basics95', suffix)]: fixed(summary.basics95, 1),
		[wardColumn('schools', suffix)]: fixed(summary.schools, 0),
		[wardColumn('pupils', suffix)]: fixed(summary.pupils, 0)
	};
}

export interface YearInput {
	suffix: YearSuffix;
	located: LocatedSchool[];
	benchmarks: { birmingham: Benchmark; england: Benchmark };
}

/** ks4.csv: 69 wards by code (a ward with no school: 0 schools, 0 pupils, empty values), Birmingham, England. */
export function ks4WardTable(names: Map<string, string>, years: YearInput[]): string {
	const file = 'ks4.csv';
	const codes = [...names.keys()].sort();
	assertExactlyBirminghamWards(codes, file);
	const wardRows = codes.map((code) => {
		const row: Record<string, string> = { area_code: code, area_name: names.get(code)!, area_type: 'ward' };
		for (const year of years) {
			const schools = year.located.filter((l) => l.wardCode === code).map((l) => l.school);
			Object.assign(row, summaryCells(summariseSchools(schools), year.suffix));
		}
		return row;
	});
	const benchmarkRow = (code: string, name: string, type: string, pick: (y: YearInput) => Benchmark) => {
		const row: Record<string, string> = { area_code: code, area_name: name, area_type: type };
		for (const year of years) Object.assign(row, summaryCells(pick(year), year.suffix));
		return row;
	};
	return toCsv(KS4_COLUMNS, [
		...wardRows,
		benchmarkRow(BIRMINGHAM_CODE, BIRMINGHAM_NAME, 'local_authority', (y) => y.benchmarks.birmingham),
		benchmarkRow(ENGLAND_CODE, ENGLAND_NAME, 'country', (y) => y.benchmarks.england)
	]);
}

export const SCHOOL_COLUMNS = ['year', 'urn', 'name', 'postcode', 'lon', 'lat', 'ward_code', 'pupils', 'att8', 'p8', 'p8_lower', 'p8_upper', 'basics95_pct'];

/** schools.csv: one row per located school and year, sorted by year then URN. */
export function schoolsTable(located: LocatedSchool[]): string {
	const rows = [...located]
		.sort((a, b) => a.year.localeCompare(b.year) || a.school.urn.localeCompare(b.school.urn))
		.map(({ year, school, postcode, location, wardCode }) => ({
			year,
			urn: school.urn,
			name: school.name,
			postcode,
			lon: fixed(location.lon, 5),
			lat: fixed(location.lat, 5),
			ward_code: wardCode,
			pupils: fixed(school.pupils, 0),
			att8: fixed(school.att8, 1),
			p8: fixed(school.p8, 2),
			p8_lower: fixed(school.p8Lower, 2),
			p8_upper: fixed(school.p8Upper, 2),
			basics95_pct: fixed(school.basics95, 1)
		}));
	const seen = new Set<string>();
	for (const row of rows) {
		const key = `${row.year} ${row.urn}`;
		if (seen.has(key)) throw new DataError('schools.csv', `school ${row.urn} appears twice in ${row.year}`);
		seen.add(key);
	}
	return toCsv(SCHOOL_COLUMNS, rows);
}

export interface YearBuild {
	year: Ks4Year;
	suffix: YearSuffix;
	placement: Placement;
	withoutCohort: Ks4Row[];
	benchmarks: { birmingham: Benchmark; england: Benchmark };
}

/** Everything buildKs4 computes, with the schools set aside by each rule (for tests and the build log). */
export function buildKs4Details(raw: RawDir): { output: FamilyOutput; years: YearBuild[] } {
	const coordinates = raw.memo('ks4:postcodeCoordinates', () => postcodeCoordinates(raw.csv(FILES.postcodes), FILES.postcodes));
	const wards = wardPolygons(raw);
	assertExactlyBirminghamWards(wards.features.map((f) => f.properties.WD25CD), FILES.wardBoundaries(BIRMINGHAM_CODE));

	const rows2023 = parseKs4Rows(raw.csv(KS4_FILES.results2023, [...RESULT_COLUMNS, 'PCODE']), KS4_FILES.results2023);
	const postcodeOf2023 = new Map(raw.csv(KS4_FILES.results2023).map((r) => [r.URN.trim(), r.PCODE]));
	const schools2023 = stateMainstreamWithResults(rows2023);
	const year2023: YearBuild = {
		year: '2022/23',
		suffix: '2023',
		placement: placeSchools('2022/23', schools2023.kept, (s) => postcodeOf2023.get(s.urn) ?? '', coordinates, wards, KS4_FILES.results2023),
		withoutCohort: schools2023.withoutCohort,
		// The final 2022/23 school rows add up exactly to the published LA total.
		benchmarks: publishedBenchmarks(rows2023, KS4_FILES.results2023, 0)
	};

	const rows2019 = parseKs4Rows(raw.csv(KS4_FILES.results2019, RESULT_COLUMNS), KS4_FILES.results2019);
	const postcodes2019 = postcodesByUrn(raw.csv(KS4_FILES.postcodes2019, ['URN', 'PCODE']), KS4_FILES.postcodes2019);
	const schools2019 = stateMainstreamWithResults(rows2019);
	const postcodeOf2019 = (s: Ks4Row) => {
		const postcode = postcodes2019.get(s.urn);
		if (!postcode) throw new DataError(KS4_FILES.postcodes2019, `no postcode for school URN ${s.urn} (${s.name})`);
		return postcode;
	};
	const year2019: YearBuild = {
		year: '2018/19',
		suffix: '2019',
		placement: placeSchools('2018/19', schools2019.kept, postcodeOf2019, coordinates, wards, KS4_FILES.results2019),
		withoutCohort: schools2019.withoutCohort,
		// The provisional file publishes no cohort for the FE college that the LA total includes (56 pupils).
		benchmarks: publishedBenchmarks(rows2019, KS4_FILES.results2019, 0.01)
	};

	const years = [year2023, year2019];
	const names = wardNames(raw);
	const files = {
		'ks4.csv': ks4WardTable(
			names,
			years.map((y) => ({ suffix: y.suffix, located: y.placement.located, benchmarks: y.benchmarks }))
		),
		'schools.csv': schoolsTable(years.flatMap((y) => y.placement.located))
	};
	return { output: { files, indicators: ks4Indicators(), sources: ks4Sources() }, years };
}

export function buildKs4(raw: RawDir): FamilyOutput {
	return buildKs4Details(raw).output;
}

const SOURCE_DFE = 'dfe_ks4_performance_tables';
const SOURCE_NSPL = 'ons_nspl';

const SCHOOL_RULE =
	"Schools counted are DfE's state-funded mainstream schools with a KS4 cohort: rows with RECTYPE 1 and school type (NFTYPE) academy (AC, ACC), free school (F), community (CY), voluntary aided or controlled (VA, VC), foundation (FD), university technical college (UTC) or studio school (SS). Independent schools (IND), further-education colleges (FESI), special schools (RECTYPE 2) and new schools with no Year 11 yet are left out.";
const LOCATION_RULE =
	"Each school is placed at its postcode's point in the ONS National Statistics Postcode Lookup (May 2025) and counted in the ward (May 2025 boundaries) whose polygon contains that point; schools whose point lies outside Birmingham's 69 wards are left out.";
const WHERE_NOT_WHO = 'Results describe schools located in the ward, not pupils living there; many wards have no secondary school.';
const BENCHMARK_NOTE =
	"The Birmingham and England figures are DfE's published totals for all state-funded schools, special schools included, so they cover slightly more pupils than the wards do.";
const GRADING_NOTE =
	'2018/19 was the last exam year before the pandemic. Grades were much higher in 2020–2022, and 2022/23 was the first year back to pre-pandemic grading standards, so the two years are close but not fully comparable; compare a ward with Birmingham and England in the same year.';
const PROVISIONAL_NOTE = '2018/19 figures are the provisional results published in October 2019; the final figures differ slightly for some schools.';

interface MeasureText {
	measure: 'att8' | 'p8' | 'basics95';
	label: string;
	short: string;
	description: string;
	unit: IndicatorMeta['unit'];
	decimals: number;
	min: number;
	max: number;
	weighting: string;
}

const MEASURE_TEXTS: MeasureText[] = [
	{
		measure: 'att8',
		label: 'GCSE Attainment 8 score of schools in the ward',
		short: 'Attainment 8',
		description:
			'The average Attainment 8 score of Year 11 pupils at the state secondary schools in this ward. Attainment 8 adds up a pupil’s GCSE grades in eight subjects, with English and maths counting double; the highest possible score is 90.',
		unit: 'score',
		decimals: 1,
		min: 0,
		max: 90,
		weighting: "Pupil-weighted mean of the published school Attainment 8 scores (ATT8SCR), weighted by each school's KS4 cohort (TPUP)."
	},
	{
		measure: 'p8',
		label: 'GCSE Progress 8 score of schools in the ward',
		short: 'Progress 8',
		description:
			'How much progress pupils at the state secondary schools in this ward made between the end of primary school and their GCSEs, compared with pupils across England who started from the same point. 0 is the England average; +0.5 means half a grade better per subject.',
		unit: 'score',
		decimals: 2,
		min: -4,
		max: 4,
		weighting:
			"Pupil-weighted mean of the published school Progress 8 scores (P8MEA), weighted by each school's Progress 8 pupils (P8PUP). The 95% confidence interval is approximate: each school's standard error is taken as (upper − lower)/(2 × 1.96) from its published interval, and the ward's as √(Σ n² × SE²)/Σ n, treating schools as independent."
	},
	{
		measure: 'basics95',
		label: 'Pupils with a strong pass (grade 5 or above) in English and maths, schools in the ward',
		short: 'Grade 5+ English & maths',
		description:
			'The share of Year 11 pupils at the state secondary schools in this ward who got grade 5 or above (a “strong pass”) in both English and maths GCSE.',
		unit: '%',
		decimals: 1,
		min: 0,
		max: 100,
		weighting: "Pupil-weighted mean of the published school percentages (PTL2BASICS_95), weighted by each school's KS4 cohort (TPUP)."
	}
];

export function ks4Indicators(): IndicatorMeta[] {
	const periods: { suffix: YearSuffix; period: Ks4Year }[] = [
		{ suffix: '2023', period: '2022/23' },
		{ suffix: '2019', period: '2018/19' }
	];
	return periods.flatMap(({ suffix, period }) =>
		MEASURE_TEXTS.map((m): IndicatorMeta => ({
			id: wardColumn(m.measure, suffix),
			family: 'ks4',
			label: `${m.label}, ${period}`,
			short_label: `${m.short} ${period}`,
			description: m.description,
			unit: m.unit,
			decimals: m.decimals,
			polarity: 'higher_is_better',
			period,
			headline: m.measure === 'att8' && suffix === '2023',
			source_id: SOURCE_DFE,
			derived: true,
			method: `${m.weighting} A school with a suppressed value is left out of that measure. ${SCHOOL_RULE} ${LOCATION_RULE} ${WHERE_NOT_WHO} A ward with no such school has no value.`,
			caveat: [WHERE_NOT_WHO, GRADING_NOTE, suffix === '2019' ? PROVISIONAL_NOTE : '', BENCHMARK_NOTE].filter(Boolean).join(' '),
			file: 'ks4.csv',
			column: wardColumn(m.measure, suffix),
			...(m.measure === 'p8' ? { lower_column: wardColumn('p8_lower', suffix), upper_column: wardColumn('p8_upper', suffix) } : {}),
			min: m.min,
			max: m.max
		}))
	);
}

export function ks4Sources(): SourceMeta[] {
	return [
		{
			id: SOURCE_DFE,
			title: 'Key stage 4 (GCSE) school performance tables, 2018/19 (provisional) and 2022/23 (final)',
			publisher: 'Department for Education (DfE)',
			...OGL,
			attribution: 'Contains public sector information licensed under the Open Government Licence v3.0 (DfE)',
			url: 'https://www.compare-school-performance.service.gov.uk/download-data',
			raw_files: [KS4_FILES.results2019, KS4_FILES.postcodes2019, KS4_FILES.results2023],
			caveats: [
				'School-level results describe where a school is, not where its pupils live; no KS4 results by ward of residence exist.',
				'Suppression codes (SUPP, NE, NP, NA) are kept as missing values, never zero.',
				'2022/23: the first 99 published columns of the national file, re-typed by hand from a public copy for Birmingham (LEA 330) only; spot-check figures against DfE before relying on them.',
				'2018/19: provisional results (October 2019) for the West Midlands; school postcodes come from a third-party cut of the 2018/19 final file, joined by URN (its latitude/longitude, geocoded by a third party, are not used).'
			].join(' ')
		},
		{
			id: SOURCE_NSPL,
			title: 'National Statistics Postcode Lookup (May 2025), B postcode area, latitude and longitude',
			publisher: 'Office for National Statistics (ONS)',
			...OGL,
			attribution:
				'Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2025. Contains Royal Mail data © Royal Mail copyright and database right 2025.',
			url: 'https://geoportal.statistics.gov.uk/',
			raw_files: [FILES.postcodes],
			caveats:
				'Only postcode, latitude and longitude were kept in the copy used. Includes terminated and large-user postcodes with no flag to tell them apart. 30 postcodes have no coordinates.'
		}
	];
}
