import { fixed, requireColumns, toCsv, type Cell, type CsvRow } from './lib/csv.ts';
import { DataError } from './lib/errors.ts';
import { AREA_COLUMNS, OGL, type FamilyOutput, type IndicatorMeta, type SourceMeta } from './lib/family.ts';
import { assertRange, parseNumber, requireNumber } from './lib/numbers.ts';
import { RawDir, lsoa11ToWard, wardNames } from './lib/raw.ts';
import { BIRMINGHAM_CODE, BIRMINGHAM_NAME, ENGLAND_CODE, ENGLAND_NAME, assertExactlyBirminghamWards } from './lib/wards.ts';

export const MSOA_FILE = 'life_expectancy/bcc_req3292_le_birth_msoa2011_2016-2020_westmids.csv';
export const ELS_FILE = 'life_expectancy/ons_els_life-expectancy-at-birth_la_westmids.csv';
export const POPULATION_FILE = 'imd/File_7_-_All_IoD2019_Scores__Ranks__Deciles_and_Population_Denominators_3.csv';
export const OUTPUT_FILE = 'life_expectancy.csv';

const MSOA_COLUMNS = {
	period: 'Period',
	geographyType: 'Geography Type',
	code: 'Code',
	name: 'Code Name',
	sex: 'Sex',
	value: 'Life Expectancy at birth (in years)',
	lower: 'Lower 95% confidence interval',
	upper: 'Upper 95% confidence interval'
} as const;
const POPULATION_COLUMNS = {
	lsoaCode: 'LSOA code (2011)',
	lsoaName: 'LSOA name (2011)',
	districtCode: 'Local Authority District code (2019)',
	population: 'Total population: mid 2015 (excluding prisoners)'
} as const;
const ELS_COLUMNS = ['areacd', 'areanm', 'indicator', 'period', 'observation', 'unit', 'lci_95', 'uci_95'];

export const MSOA_PERIOD = '2016 to 2020';
/** The 3-year ONS period centred on the middle of 2016–2020, and the last one before COVID-19. */
export const BENCHMARK_PERIOD = '2017-01-01/P3Y';
export const BENCHMARK_PERIOD_LABEL = '2017–19';

/** The MSOA file holds all seven West Midlands districts; only Birmingham's MSOAs are used. */
const MSOA_NAME_PREFIX = 'Birmingham ';
const OTHER_DISTRICT_PREFIXES = ['Coventry ', 'Dudley ', 'Sandwell ', 'Solihull ', 'Walsall ', 'Wolverhampton '];

/** A ward estimate resting on less than half of its neighbourhoods would describe the wrong places. */
export const MIN_LSOA_COVERAGE = 0.5;
const Z_95 = 1.96;
const LE_RANGE = { min: 60, max: 100 };
const LSOA_POPULATION_RANGE = { min: 300, max: 10_000 };
/**
 * The MSOA-built Birmingham figure must land near ONS's own; a larger gap means a broken join or weights.
 * The REQ3292 MSOA values run 1.5–2.6 years above ONS's district figures in all seven West Midlands districts
 * (Birmingham: +1.8 males, +2.6 females), so the tolerance has to allow for that offset.
 */
const MAX_BIRMINGHAM_GAP_YEARS = 3;

export const SEXES = ['male', 'female', 'persons'] as const;
export type Sex = (typeof SEXES)[number];
const SEX_IN_MSOA_FILE: Record<string, Sex> = { Males: 'male', Females: 'female', Persons: 'persons' };
const SEX_IN_ELS_FILE: Record<string, Exclude<Sex, 'persons'>> = { 'Male life expectancy': 'male', 'Female life expectancy': 'female' };

export interface Estimate {
	value: number;
	lower: number;
	upper: number;
}
export type EstimatesBySex = Record<Sex, Estimate | null>;

export interface MsoaLifeExpectancy {
	code: string;
	name: string;
	bySex: EstimatesBySex;
}

export interface LsoaWeight {
	lsoaCode: string;
	msoaName: string;
	wardCode: string;
	population: number;
}

export interface AreaLifeExpectancy {
	bySex: EstimatesBySex;
	/** LSOAs whose MSOA has a value, per sex: the publisher left a few MSOAs blank for one sex only. */
	lsoasWithValue: Record<Sex, number>;
	lsoasInArea: number;
}

export interface Benchmark {
	value: number;
	lower: number | null;
	upper: number | null;
}
export type BenchmarksBySex = Record<Exclude<Sex, 'persons'>, Benchmark>;

function checkInterval(value: number, lower: number | null, upper: number | null, file: string, row: number | string, what: string): void {
	assertRange(value, LE_RANGE.min, LE_RANGE.max, file, row, what);
	if ((lower !== null && lower > value) || (upper !== null && upper < value)) {
		throw new DataError(file, `${what} = ${value} lies outside its own confidence interval ${lower}–${upper}`, row);
	}
}

/**
 * Reads the 2011 MSOA life expectancy file: Birmingham's MSOAs by name, each with males, females and persons.
 * A row with no value and no interval is a figure the publisher did not compute (too few deaths), kept as null.
 */
export function parseMsoaLifeExpectancy(rows: CsvRow[], file: string): Map<string, MsoaLifeExpectancy> {
	requireColumns(rows, Object.values(MSOA_COLUMNS), file);
	const byName = new Map<string, MsoaLifeExpectancy>();
	rows.forEach((r, i) => {
		const row = i + 2;
		const name = r[MSOA_COLUMNS.name]?.trim() ?? '';
		if (!name.startsWith(MSOA_NAME_PREFIX)) {
			if (OTHER_DISTRICT_PREFIXES.some((p) => name.startsWith(p))) return;
			throw new DataError(file, `MSOA "${name}" belongs to no West Midlands district`, row);
		}
		if (!/^Birmingham \d{3}$/.test(name)) throw new DataError(file, `"${name}" is not a 2011 MSOA name`, row);
		const code = r[MSOA_COLUMNS.code]?.trim() ?? '';
		if (!/^E02\d{6}$/.test(code)) throw new DataError(file, `"${code}" is not a 2011 MSOA code`, row);
		if (r[MSOA_COLUMNS.period] !== MSOA_PERIOD) throw new DataError(file, `period "${r[MSOA_COLUMNS.period]}" is not ${MSOA_PERIOD}`, row);
		if (r[MSOA_COLUMNS.geographyType] !== '2011MSOAs') throw new DataError(file, `geography "${r[MSOA_COLUMNS.geographyType]}" is not 2011MSOAs`, row);
		const sex = SEX_IN_MSOA_FILE[r[MSOA_COLUMNS.sex]];
		if (!sex) throw new DataError(file, `unknown sex "${r[MSOA_COLUMNS.sex]}"`, row);

		const msoa = byName.get(name) ?? { code, name, bySex: {} as EstimatesBySex };
		if (msoa.code !== code) throw new DataError(file, `MSOA ${name} has two codes, ${msoa.code} and ${code}`, row);
		if (sex in msoa.bySex) throw new DataError(file, `duplicate row for ${name} ${r[MSOA_COLUMNS.sex]}`, row);
		byName.set(name, msoa);

		const cells = [r[MSOA_COLUMNS.value], r[MSOA_COLUMNS.lower], r[MSOA_COLUMNS.upper]].map((c) => (c ?? '').trim());
		if (cells.every((c) => c === '')) {
			msoa.bySex[sex] = null;
			return;
		}
		const value = requireNumber(cells[0], file, row, MSOA_COLUMNS.value);
		const lower = requireNumber(cells[1], file, row, MSOA_COLUMNS.lower);
		const upper = requireNumber(cells[2], file, row, MSOA_COLUMNS.upper);
		checkInterval(value, lower, upper, file, row, `${MSOA_COLUMNS.value} (${name} ${r[MSOA_COLUMNS.sex]})`);
		msoa.bySex[sex] = { value, lower, upper };
	});
	for (const msoa of byName.values()) {
		const missing = SEXES.filter((s) => !(s in msoa.bySex));
		if (missing.length) throw new DataError(file, `MSOA ${msoa.name} has no row for ${missing.join(', ')}`);
	}
	return byName;
}

/**
 * Birmingham's LSOAs with their mid-2015 population (the IMD 2019 denominators), their MSOA (an LSOA 2011 name
 * is its MSOA's name plus one letter) and their best-fit ward. Other districts are excluded by district code.
 */
export function parseLsoaWeights(rows: CsvRow[], lsoaToWard: ReadonlyMap<string, string>, file: string): LsoaWeight[] {
	requireColumns(rows, Object.values(POPULATION_COLUMNS), file);
	const seen = new Set<string>();
	const weights: LsoaWeight[] = [];
	rows.forEach((r, i) => {
		if (r[POPULATION_COLUMNS.districtCode] !== BIRMINGHAM_CODE) return;
		const row = i + 2;
		const lsoaCode = r[POPULATION_COLUMNS.lsoaCode];
		if (seen.has(lsoaCode)) throw new DataError(file, `duplicate LSOA ${lsoaCode}`, row);
		seen.add(lsoaCode);
		const msoaName = /^(Birmingham \d{3})[A-Z]$/.exec(r[POPULATION_COLUMNS.lsoaName] ?? '')?.[1];
		if (!msoaName) throw new DataError(file, `LSOA name "${r[POPULATION_COLUMNS.lsoaName]}" is not an MSOA name plus a letter`, row);
		const wardCode = lsoaToWard.get(lsoaCode);
		if (!wardCode) throw new DataError(file, `LSOA ${lsoaCode} is not in the LSOA 2011 → ward lookup`, row);
		const population = requireNumber(r[POPULATION_COLUMNS.population], file, row, POPULATION_COLUMNS.population);
		assertRange(population, LSOA_POPULATION_RANGE.min, LSOA_POPULATION_RANGE.max, file, row, `population of ${lsoaCode}`);
		weights.push({ lsoaCode, msoaName, wardCode, population });
	});
	const missing = [...lsoaToWard.keys()].filter((code) => !seen.has(code)).sort();
	if (missing.length) throw new DataError(file, `no population for ${missing.length} Birmingham LSOA(s): ${missing.slice(0, 5).join(', ')}`);
	return weights.sort((a, b) => a.lsoaCode.localeCompare(b.lsoaCode));
}

/** Every LSOA must find its MSOA, and every MSOA must be used: otherwise the name join is broken. */
export function assertLsoasMatchMsoas(lsoas: LsoaWeight[], msoas: ReadonlyMap<string, MsoaLifeExpectancy>, file: string): void {
	const used = new Set<string>();
	for (const lsoa of lsoas) {
		if (!msoas.has(lsoa.msoaName)) throw new DataError(file, `LSOA ${lsoa.lsoaCode} belongs to ${lsoa.msoaName}, which has no life expectancy rows`);
		used.add(lsoa.msoaName);
	}
	const unused = [...msoas.keys()].filter((name) => !used.has(name)).sort();
	if (unused.length) throw new DataError(file, `MSOA(s) with no Birmingham LSOA: ${unused.join(', ')}`);
}

/**
 * Weighted mean of MSOA estimates with an approximate 95% interval that treats the MSOAs as independent:
 * SE = sqrt(Σ w² SE_m²) / Σ w, with SE_m = (upper − lower) / (2 × 1.96).
 */
export function combineEstimates(parts: { estimate: Estimate; weight: number }[]): Estimate | null {
	let totalWeight = 0;
	let weightedSum = 0;
	let variance = 0;
	for (const { estimate, weight } of parts) {
		const se = (estimate.upper - estimate.lower) / (2 * Z_95);
		totalWeight += weight;
		weightedSum += weight * estimate.value;
		variance += weight * weight * se * se;
	}
	if (totalWeight <= 0) return null;
	const value = weightedSum / totalWeight;
	const halfWidth = (Z_95 * Math.sqrt(variance)) / totalWeight;
	return { value, lower: value - halfWidth, upper: value + halfWidth };
}

/**
 * Life expectancy of an area from its LSOAs: each LSOA takes its MSOA's value, weighted by its population.
 * Weights are summed per MSOA first, so an MSOA's uncertainty counts once. Null for a sex when fewer than
 * MIN_LSOA_COVERAGE of the area's LSOAs have a value.
 */
export function estimateArea(lsoas: LsoaWeight[], msoas: ReadonlyMap<string, MsoaLifeExpectancy>): AreaLifeExpectancy {
	const bySex = {} as EstimatesBySex;
	const coverage = {} as Record<Sex, number>;
	for (const sex of SEXES) {
		const weightByMsoa = new Map<string, number>();
		let lsoasWithValue = 0;
		for (const lsoa of [...lsoas].sort((a, b) => a.lsoaCode.localeCompare(b.lsoaCode))) {
			if (!msoas.get(lsoa.msoaName)?.bySex[sex]) continue;
			lsoasWithValue++;
			weightByMsoa.set(lsoa.msoaName, (weightByMsoa.get(lsoa.msoaName) ?? 0) + lsoa.population);
		}
		coverage[sex] = lsoasWithValue;
		const parts = [...weightByMsoa].map(([name, weight]) => ({ estimate: msoas.get(name)!.bySex[sex]!, weight }));
		bySex[sex] = lsoas.length > 0 && lsoasWithValue / lsoas.length >= MIN_LSOA_COVERAGE ? combineEstimates(parts) : null;
	}
	return { bySex, lsoasWithValue: coverage, lsoasInArea: lsoas.length };
}

/** One estimate per ward code present in the LSOAs, in ward-code order. */
export function estimateWards(lsoas: LsoaWeight[], msoas: ReadonlyMap<string, MsoaLifeExpectancy>): Map<string, AreaLifeExpectancy> {
	const byWard = new Map<string, LsoaWeight[]>();
	for (const lsoa of lsoas) byWard.set(lsoa.wardCode, [...(byWard.get(lsoa.wardCode) ?? []), lsoa]);
	return new Map([...byWard].sort(([a], [b]) => a.localeCompare(b)).map(([ward, wardLsoas]) => [ward, estimateArea(wardLsoas, msoas)]));
}

/** ONS male and female life expectancy at birth for each requested area in one period. Persons is not published. */
export function parseElsBenchmarks(rows: CsvRow[], areaCodes: string[], period: string, file: string): Map<string, BenchmarksBySex> {
	requireColumns(rows, ELS_COLUMNS, file);
	const found = new Map<string, Partial<BenchmarksBySex>>();
	rows.forEach((r, i) => {
		if (!areaCodes.includes(r.areacd) || r.period !== period) return;
		const row = i + 2;
		const sex = SEX_IN_ELS_FILE[r.indicator];
		if (!sex) throw new DataError(file, `unexpected indicator "${r.indicator}"`, row);
		if (r.unit !== 'yrs') throw new DataError(file, `unit "${r.unit}" is not yrs`, row);
		const area = found.get(r.areacd) ?? {};
		if (area[sex]) throw new DataError(file, `duplicate ${r.indicator} for ${r.areacd} in ${period}`, row);
		const value = requireNumber(r.observation, file, row, 'observation');
		const lower = parseNumber(r.lci_95, file, row, 'lci_95');
		const upper = parseNumber(r.uci_95, file, row, 'uci_95');
		checkInterval(value, lower, upper, file, row, `${r.indicator} (${r.areacd})`);
		area[sex] = { value, lower, upper };
		found.set(r.areacd, area);
	});
	const result = new Map<string, BenchmarksBySex>();
	for (const code of areaCodes) {
		const area = found.get(code);
		if (!area?.male || !area.female) throw new DataError(file, `no male and female life expectancy for ${code} in ${period}`);
		result.set(code, { male: area.male, female: area.female });
	}
	return result;
}

/** Fails when the Birmingham figure built from MSOAs strays from ONS's published district figure. */
export function assertCloseToPublished(fromMsoas: EstimatesBySex, published: BenchmarksBySex, maxGap: number, file: string): void {
	for (const sex of ['male', 'female'] as const) {
		const built = fromMsoas[sex]?.value;
		if (built === undefined || Math.abs(built - published[sex].value) > maxGap) {
			throw new DataError(file, `Birmingham ${sex} life expectancy built from MSOAs (${built?.toFixed(2)}) is more than ${maxGap} years from ONS ${BENCHMARK_PERIOD_LABEL} (${published[sex].value})`);
		}
	}
}

export const VALUE_COLUMNS = SEXES.flatMap((sex) => [`le_${sex}`, `le_${sex}_lower`, `le_${sex}_upper`]);
export const OUTPUT_COLUMNS = [
	...AREA_COLUMNS,
	...VALUE_COLUMNS,
	'le_lsoas_with_value',
	'le_male_lsoas_with_value',
	'le_female_lsoas_with_value',
	'le_lsoas_in_ward'
];

function estimateCells(bySex: Partial<Record<Sex, Estimate | Benchmark | null>>): Record<string, Cell> {
	const cells: Record<string, Cell> = {};
	for (const sex of SEXES) {
		const e = bySex[sex];
		cells[`le_${sex}`] = fixed(e?.value, 1);
		cells[`le_${sex}_lower`] = fixed(e?.lower, 1);
		cells[`le_${sex}_upper`] = fixed(e?.upper, 1);
	}
	return cells;
}

/**
 * life_expectancy.csv: the 69 ward estimates by code, then Birmingham built the same way from the same MSOA
 * figures, then an empty England row. The MSOA source runs about two years above ONS's district series, so
 * only a like-for-like benchmark is fair; the ONS figures are quoted in the caveat instead.
 */
export function lifeExpectancyCsv(
	wards: ReadonlyMap<string, AreaLifeExpectancy>,
	names: ReadonlyMap<string, string>,
	birminghamFromMsoas: AreaLifeExpectancy
): string {
	const codes = [...wards.keys()].sort();
	assertExactlyBirminghamWards(codes, OUTPUT_FILE);
	const rows: Record<string, Cell>[] = codes.map((code) => {
		const ward = wards.get(code)!;
		const name = names.get(code);
		if (!name) throw new DataError(OUTPUT_FILE, `no name for ward ${code}`);
		return {
			area_code: code,
			area_name: name,
			area_type: 'ward',
			...estimateCells(ward.bySex),
			le_lsoas_with_value: fixed(ward.lsoasWithValue.persons, 0),
			le_male_lsoas_with_value: fixed(ward.lsoasWithValue.male, 0),
			le_female_lsoas_with_value: fixed(ward.lsoasWithValue.female, 0),
			le_lsoas_in_ward: fixed(ward.lsoasInArea, 0)
		};
	});
	rows.push({ area_code: BIRMINGHAM_CODE, area_name: BIRMINGHAM_NAME, area_type: 'local_authority', ...estimateCells(birminghamFromMsoas.bySex) });
	rows.push({ area_code: ENGLAND_CODE, area_name: ENGLAND_NAME, area_type: 'country', ...estimateCells({}) });
	return toCsv(OUTPUT_COLUMNS, rows);
}

export const LE_MSOA_SOURCE: SourceMeta = {
	id: 'bcc_le_msoa_2016_2020',
	title: 'Life expectancy at birth by 2011 MSOA, 2016–2020 (REQ3292)',
	publisher: 'Birmingham City Council Public Health, from Office for National Statistics deaths and population data',
	...OGL,
	attribution:
		'Contains public sector information licensed under the Open Government Licence v3.0. Source: Birmingham City Council Public Health, life expectancy at birth by 2011 MSOA, 2016–2020 (request REQ3292), based on Office for National Statistics data.',
	url: 'https://github.com/BCC-PHM/REQ-unemp-life-exp',
	raw_files: [MSOA_FILE],
	caveats:
		'Prepared by Birmingham City Council Public Health (REQ3292) for the same period and geography as the OHID Local Health MSOA indicator, but it is not the OHID Fingertips export itself. Some MSOAs, mainly in the city centre, have no value because there were too few deaths.'
};

export const LE_ONS_SOURCE: SourceMeta = {
	id: 'ons_life_expectancy_local_areas',
	title: 'Life expectancy for local areas of the UK (via ONS Explore Local Statistics)',
	publisher: 'Office for National Statistics (ONS)',
	...OGL,
	attribution:
		'Contains public sector information licensed under the Open Government Licence v3.0. Source: Office for National Statistics, Life expectancy for local areas of the UK, as republished by ONS Explore Local Statistics.',
	url: 'https://www.ons.gov.uk/explore-local-statistics',
	raw_files: [ELS_FILE],
	caveats:
		'The raw copy was transcribed by hand from the Explore Local Statistics data repository and has not been byte-checked against the ONS source: re-verify before relying on it. Males and females only; no persons figure.'
};

export const IMD_DENOMINATORS_SOURCE: SourceMeta = {
	id: 'mhclg_iod2019',
	title: 'English Indices of Deprivation 2019',
	publisher: 'Ministry of Housing, Communities and Local Government (MHCLG)',
	...OGL,
	attribution:
		'Contains public sector information licensed under the Open Government Licence v3.0. Source: Ministry of Housing, Communities and Local Government, English Indices of Deprivation 2019.',
	url: 'https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019',
	raw_files: [POPULATION_FILE],
	caveats: 'Used here only for its mid-2015 LSOA population denominators (excluding prisoners), as weights.'
};

const SEX_WORDS: Record<Sex, { label: string; people: string }> = {
	male: { label: 'Male', people: 'a baby boy' },
	female: { label: 'Female', people: 'a baby girl' },
	persons: { label: 'Overall', people: 'a baby' }
};

export const METHOD =
	'Estimate. Each LSOA (2011) takes the 2016–2020 life expectancy of its 2011 MSOA (matched by name: an LSOA name is its MSOA name plus a letter); the ward value is the population-weighted mean over the ward\'s best-fit LSOAs (ONS LSOA 2011 → ward 2019 lookup), weighted by the IMD 2019 mid-2015 LSOA populations. LSOAs whose MSOA has no value are left out; the ward is left blank when fewer than half of its LSOAs have a value. The 95% interval is approximate: weights are summed per MSOA, MSOA errors are treated as independent, SE_m = (upper − lower)/(2 × 1.96) and SE_ward = sqrt(Σ W_m² SE_m²) / Σ W_m. le_lsoas_with_value counts the LSOAs with an overall (persons) value, le_male_lsoas_with_value and le_female_lsoas_with_value those with a male or female value (the publisher left a few MSOAs blank for one sex only), out of le_lsoas_in_ward.';

function lifeExpectancyIndicator(sex: Sex, coverage: string, levelNote: string): IndicatorMeta {
	const words = SEX_WORDS[sex];
	const benchmarkNote =
		'The Birmingham figure is built the same way from the same MSOA figures, so wards can be compared with it like for like. No England figure is shown, because no England value built this way exists.';
	return {
		id: `le_${sex}`,
		family: 'life_expectancy',
		label: `${words.label} life expectancy at birth, 2016–2020 (estimate)`,
		short_label: `${words.label} life expectancy`,
		description: `How many years ${words.people} born here could expect to live, if death rates in the area in 2016–2020 stayed the same all their life. The ward figure is an estimate built from neighbourhood (MSOA) figures.`,
		unit: 'years',
		decimals: 1,
		polarity: 'higher_is_better',
		period: '2016–2020 (5 years pooled)',
		headline: sex === 'persons',
		source_id: LE_MSOA_SOURCE.id,
		derived: true,
		method: METHOD,
		caveat: `The ward figure is an estimate: ONS does not publish life expectancy for wards. It is built from 2011 MSOA values, so it blurs differences inside a ward and at its edges, and its 95% interval is approximate. 2016–2020 includes the first year of COVID-19. ${coverage}${benchmarkNote} ${levelNote}`,
		file: OUTPUT_FILE,
		column: `le_${sex}`,
		lower_column: `le_${sex}_lower`,
		upper_column: `le_${sex}_upper`,
		min: 65,
		max: 95
	};
}

/** Names the wards left blank or only partly covered for one sex, so the caveat always matches the data. */
export function coverageNote(sex: Sex, wards: ReadonlyMap<string, AreaLifeExpectancy>, names: ReadonlyMap<string, string>): string {
	const describe = ([code, w]: [string, AreaLifeExpectancy]) => `${names.get(code) ?? code} (${w.lsoasWithValue[sex]} of ${w.lsoasInArea} LSOAs)`;
	const blank = [...wards].filter(([, w]) => w.bySex[sex] === null);
	const partial = [...wards].filter(([, w]) => w.bySex[sex] !== null && w.lsoasWithValue[sex] < w.lsoasInArea);
	const notes: string[] = [];
	if (blank.length) notes.push(`Left blank where fewer than half of a ward's LSOAs have a value (their MSOAs had too few deaths for a figure): ${blank.map(describe).join(', ')}.`);
	if (partial.length) notes.push(`Based on only part of the ward: ${partial.map(describe).join(', ')}.`);
	return notes.map((n) => `${n} `).join('');
}

/**
 * The MSOA source runs higher than ONS's district series, so the reader must be told how the ward estimates
 * sit against the ONS benchmarks before comparing them.
 */
export function levelNote(birminghamFromMsoas: EstimatesBySex, onsBirmingham: BenchmarksBySex, onsEngland: BenchmarksBySex): string {
	const built = (sex: Sex) => fixed(birminghamFromMsoas[sex]?.value, 1);
	return (
		`Built this way, Birmingham as a whole comes out at ${built('male')} years for males, ${built('female')} for females and ${built('persons')} overall. ` +
		`ONS's own ${BENCHMARK_PERIOD_LABEL} figures (from a hand-transcribed copy of ONS Explore Local Statistics) are ${fixed(onsBirmingham.male.value, 1)} and ${fixed(onsBirmingham.female.value, 1)} for Birmingham ` +
		`and ${fixed(onsEngland.male.value, 1)} and ${fixed(onsEngland.female.value, 1)} for England: the MSOA source runs higher than ONS's district figures in every West Midlands district, ` +
		'so compare wards with each other and with the like-for-like Birmingham figure, not with ONS figures.'
	);
}

export interface LifeExpectancyInputs {
	msoas: Map<string, MsoaLifeExpectancy>;
	lsoas: LsoaWeight[];
	wards: Map<string, AreaLifeExpectancy>;
	birminghamFromMsoas: AreaLifeExpectancy;
	benchmarks: Map<string, BenchmarksBySex>;
}

export function estimateLifeExpectancy(raw: RawDir): LifeExpectancyInputs {
	const msoas = parseMsoaLifeExpectancy(raw.csv(MSOA_FILE, Object.values(MSOA_COLUMNS)), MSOA_FILE);
	const lsoas = parseLsoaWeights(raw.csv(POPULATION_FILE, Object.values(POPULATION_COLUMNS)), lsoa11ToWard(raw), POPULATION_FILE);
	assertLsoasMatchMsoas(lsoas, msoas, MSOA_FILE);
	const benchmarks = parseElsBenchmarks(raw.csv(ELS_FILE, ELS_COLUMNS), [BIRMINGHAM_CODE, ENGLAND_CODE], BENCHMARK_PERIOD, ELS_FILE);
	const birminghamFromMsoas = estimateArea(lsoas, msoas);
	assertCloseToPublished(birminghamFromMsoas.bySex, benchmarks.get(BIRMINGHAM_CODE)!, MAX_BIRMINGHAM_GAP_YEARS, MSOA_FILE);
	return { msoas, lsoas, wards: estimateWards(lsoas, msoas), birminghamFromMsoas, benchmarks };
}

export function buildLifeExpectancy(raw: RawDir): FamilyOutput {
	const { wards, benchmarks, birminghamFromMsoas } = estimateLifeExpectancy(raw);
	const names = wardNames(raw);
	return {
		files: { [OUTPUT_FILE]: lifeExpectancyCsv(wards, names, birminghamFromMsoas) },
		indicators: SEXES.map((sex) =>
			lifeExpectancyIndicator(
				sex,
				coverageNote(sex, wards, names),
				levelNote(birminghamFromMsoas.bySex, benchmarks.get(BIRMINGHAM_CODE)!, benchmarks.get(ENGLAND_CODE)!)
			)
		),
		sources: [LE_MSOA_SOURCE, LE_ONS_SOURCE, IMD_DENOMINATORS_SOURCE]
	};
}
