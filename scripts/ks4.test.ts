import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	buildKs4Details,
	classifyRow,
	ks4WardTable,
	parseKs4Rows,
	placeSchools,
	postcodeCoordinates,
	postcodesByUrn,
	publishedBenchmarks,
	schoolsTable,
	stateMainstreamWithResults,
	summariseSchools,
	wardContaining,
	type Ks4Row,
	type LocatedSchool
} from './ks4.ts';
import { parseCsv } from './lib/csv.ts';
import { RawDir, type WardFeatures } from './lib/raw.ts';
import { BIRMINGHAM_WARD_CODES } from './lib/wards.ts';

const fixtureDir = path.resolve('scripts/fixtures/ks4');
const fixtureText = (name: string) => readFileSync(path.join(fixtureDir, name), 'utf8');
const rowsOf = (text: string, name = 'fixture.csv') => parseCsv(text, name);
const results2023 = () => parseKs4Rows(rowsOf(fixtureText('results_2023.csv')), 'results_2023.csv');
const wards = JSON.parse(fixtureText('wards.geojson')) as WardFeatures;
const coordinates = postcodeCoordinates(rowsOf(fixtureText('nspl.csv')), 'nspl.csv');

/** The 2023 fixture with one cell of one school changed (row = URN, column = header name). */
function with2023Cell(urn: string, column: string, value: string): string {
	const [header, ...lines] = fixtureText('results_2023.csv').trimEnd().split('\n');
	const index = header.split(',').indexOf(column);
	if (index < 0) throw new Error(`no column ${column}`);
	return [header, ...lines.map((line) => (line.split(',')[3] === urn ? line.split(',').map((c, i) => (i === index ? value : c)).join(',') : line))].join('\n');
}
const parse2023 = (text: string) => parseKs4Rows(rowsOf(text), 'results_2023.csv');
const byUrn = (rows: Ks4Row[], urn: string) => rows.find((r) => r.urn === urn)!;

describe('classifyRow', () => {
	const row = (RECTYPE: string, NFTYPE: string) => ({ RECTYPE, NFTYPE });
	it('keeps state-funded mainstream types and separates independent, FE and special schools', () => {
		expect(classifyRow(row('1', 'ACC'), 'f', 2)).toBe('state_mainstream');
		expect(classifyRow(row('1', 'SS'), 'f', 2)).toBe('state_mainstream');
		expect(classifyRow(row('1', 'IND'), 'f', 2)).toBe('independent');
		expect(classifyRow(row('1', 'FESI'), 'f', 2)).toBe('state_further_education');
		expect(classifyRow(row('2', 'CYS'), 'f', 2)).toBe('state_special');
		expect(classifyRow(row('2', 'INDSPEC'), 'f', 2)).toBe('independent');
		expect(classifyRow(row('4', ''), 'f', 2)).toBe('la_total');
		expect(classifyRow(row('7', ''), 'f', 2)).toBe('england_state_funded');
	});
	it('refuses an unknown school type or record type instead of dropping the row', () => {
		expect(() => classifyRow(row('1', 'XYZ'), 'f.csv', 9)).toThrow(/f\.csv \(row 9\): unknown school type NFTYPE "XYZ"/);
		expect(() => classifyRow(row('3', ''), 'f.csv', 9)).toThrow(/unknown RECTYPE "3"/);
	});
});

describe('parseKs4Rows', () => {
	it('parses numbers and percentages, and turns suppression codes into missing values, not zero', () => {
		const rows = results2023();
		const beta = byUrn(rows, '900002');
		expect(beta).toMatchObject({ kind: 'state_mainstream', pupils: 300, att8: 40, p8: -0.1, p8Lower: -0.2, p8Upper: 0, p8Pupils: 250, basics95: null });
		expect(byUrn(rows, '900001').basics95).toBe(40);
		expect(byUrn(rows, '900003')).toMatchObject({ kind: 'independent', pupils: null, att8: null });
		expect(byUrn(rows, '900005')).toMatchObject({ kind: 'state_special', pupils: 20, att8: null, p8: null });
	});
	it('rejects an unexpected header', () => {
		const text = fixtureText('results_2023.csv').replace('P8MEA,', 'P8MEASURE,');
		expect(() => parse2023(text)).toThrow(/results_2023\.csv \(row 1\): unexpected header: missing column\(s\) P8MEA/);
	});
	it('rejects a code that is neither a number nor a known suppression code', () => {
		expect(() => parse2023(with2023Cell('900001', 'ATT8SCR', 'n/a'))).toThrow(/\(row 2\): column ATT8SCR: "n\/a"/);
	});
	it('rejects out-of-range values', () => {
		expect(() => parse2023(with2023Cell('900001', 'ATT8SCR', '95.0'))).toThrow(/\(row 2\): ATT8SCR = 95 is outside the plausible range 0–90/);
		expect(() => parse2023(with2023Cell('900001', 'PTL2BASICS_95', '140%'))).toThrow(/PTL2BASICS_95 = 140/);
		expect(() => parse2023(with2023Cell('900001', 'TPUP', '12.5'))).toThrow(/TPUP = 12.5 is not a whole number/);
	});
	it('rejects a duplicate school', () => {
		const text = fixtureText('results_2023.csv').replace('900002,Beta', '900001,Beta');
		expect(() => parse2023(text)).toThrow(/\(row 3\): duplicate school URN 900001/);
	});
	it('rejects a Progress 8 score outside its own interval or published without one', () => {
		expect(() => parse2023(with2023Cell('900001', 'P8MEA', '0.80'))).toThrow(/P8MEA 0.8 lies outside its confidence interval 0.3 to 0.7/);
		expect(() => parse2023(with2023Cell('900001', 'P8CIUPP', 'SUPP'))).toThrow(/confidence interval is missing/);
	});
});

describe('stateMainstreamWithResults', () => {
	it('keeps state-funded mainstream schools with a KS4 cohort and lists new schools without one', () => {
		const { kept, withoutCohort } = stateMainstreamWithResults(results2023());
		expect(kept.map((r) => r.urn)).toEqual(['900001', '900002']);
		expect(withoutCohort.map((r) => r.urn)).toEqual(['900004']);
	});
});

describe('summariseSchools', () => {
	it('takes pupil-weighted means, drops suppressed values per measure and combines P8 intervals', () => {
		const rows = results2023();
		const summary = summariseSchools([byUrn(rows, '900001'), byUrn(rows, '900002')]);
		expect(summary.schools).toBe(2);
		expect(summary.pupils).toBe(400);
		// (100 × 50 + 300 × 40) / 400
		expect(summary.att8).toBeCloseTo(42.5, 10);
		// Beta's 9–5 share is suppressed, so only Alpha counts.
		expect(summary.basics95).toBeCloseTo(40, 10);
		// Weighted by the P8 pupils, not the cohort: (80 × 0.5 + 250 × −0.1) / 330
		expect(summary.p8).toBeCloseTo(0.0454545, 6);
		// SE = √((80 × 0.4/3.92)² + (250 × 0.2/3.92)²) / 330 = 0.0458900; half-width 1.96 × SE = 0.0899444
		expect(summary.p8Lower).toBeCloseTo(-0.0444898, 6);
		expect(summary.p8Upper).toBeCloseTo(0.1353989, 6);
	});
	it('gives no values, and zero schools and pupils, for a ward without a school', () => {
		expect(summariseSchools([])).toEqual({ schools: 0, pupils: 0, att8: null, p8: null, p8Lower: null, p8Upper: null, basics95: null });
	});
});

describe('publishedBenchmarks', () => {
	it('reads the Birmingham LA row and the England state-funded row', () => {
		const { birmingham, england } = publishedBenchmarks(results2023(), 'results_2023.csv', 0);
		expect(birmingham).toEqual({ schools: 4, pupils: 450, att8: 44, p8: 0.05, p8Lower: 0, p8Upper: 0.1, basics95: 38 });
		expect(england).toEqual({ schools: null, pupils: 8000, att8: 46.3, p8: -0.03, p8Lower: null, p8Upper: null, basics95: 45 });
	});
	it('refuses school cohorts that do not add up to the LA total', () => {
		expect(() => publishedBenchmarks(parse2023(with2023Cell('900002', 'TPUP', '310')), 'results_2023.csv', 0)).toThrow(
			/\(row 8\): state-funded Birmingham school cohorts sum to 460 pupils but the LA total row says 450/
		);
		const provisional = parseKs4Rows(rowsOf(fixtureText('results_2019_provisional.csv')), 'p.csv');
		expect(() => publishedBenchmarks(provisional, 'p.csv', 0)).toThrow(/sum to 290 pupils/);
		expect(publishedBenchmarks(provisional, 'p.csv', 0.01).birmingham.pupils).toBe(292);
	});
});

describe('placing schools in wards', () => {
	it('finds the ward containing a point, giving a border point to the lowest code', () => {
		expect(wardContaining({ lon: -1.85, lat: 52.45 }, wards)).toBe('E05011118');
		expect(wardContaining({ lon: -1.75, lat: 52.45 }, wards)).toBe('E05011119');
		expect(wardContaining({ lon: -1.8, lat: 52.45 }, wards)).toBe('E05011118');
		expect(wardContaining({ lon: -1.6, lat: 52.45 }, wards)).toBeNull();
	});
	it('reads NSPL coordinates and keeps postcodes without a grid reference as null', () => {
		expect(coordinates.get('B11AA')).toEqual({ lon: -1.85, lat: 52.45 });
		expect(coordinates.get('B133AH')).toBeNull();
		expect(() => postcodeCoordinates(rowsOf('Postcode,lat,long\nB1 1AA,52.1,-1.9\nB11AA,52.1,-1.9\n'), 'n.csv')).toThrow(/n\.csv \(row 3\): duplicate postcode/);
	});
	it('sets aside schools outside the B area or outside every ward, by rule', () => {
		const provisional = parseKs4Rows(rowsOf(fixtureText('results_2019_provisional.csv')), 'p.csv');
		const postcodes = postcodesByUrn(rowsOf(fixtureText('postcodes_2019.csv')), 'pc.csv');
		const { kept } = stateMainstreamWithResults(provisional);
		const placement = placeSchools('2018/19', kept, (s) => postcodes.get(s.urn)!, coordinates, wards, 'p.csv');
		expect(placement.located.map((l) => [l.school.urn, l.wardCode, l.postcode])).toEqual([
			['900001', 'E05011118', 'B1 1AA'],
			['900010', 'E05011118', 'B3 3CC']
		]);
		expect(placement.outsideWards.map((s) => s.urn)).toEqual(['900020']);
		expect(placement.outsideBArea.map((s) => s.urn)).toEqual(['900030']);
	});
	it('refuses a B-area school postcode that has no coordinates', () => {
		const alpha = byUrn(results2023(), '900001');
		expect(() => placeSchools('2022/23', [alpha], () => 'B13 3AH', coordinates, wards, 'r.csv')).toThrow(/r\.csv \(row 2\): school 900001: postcode B13 3AH has no coordinates/);
		expect(() => placeSchools('2022/23', [alpha], () => 'B99 9ZZ', coordinates, wards, 'r.csv')).toThrow(/B99 9ZZ has no coordinates/);
		expect(() => placeSchools('2022/23', [alpha], () => 'nowhere', coordinates, wards, 'r.csv')).toThrow(/"NOWHERE" is not a postcode/);
	});
});

describe('output tables', () => {
	const names = new Map(BIRMINGHAM_WARD_CODES.map((code, i) => [code, `Ward ${i + 1}`]));
	const rows = results2023();
	const locate = (urn: string, wardCode: string): LocatedSchool => ({
		year: '2022/23',
		school: byUrn(rows, urn),
		postcode: 'B1 1AA',
		location: { lon: -1.85, lat: 52.45 },
		wardCode
	});
	const benchmarks = publishedBenchmarks(rows, 'results_2023.csv', 0);
	const years = [
		{ suffix: '2023' as const, located: [locate('900001', 'E05011118'), locate('900002', 'E05011118')], benchmarks },
		{ suffix: '2019' as const, located: [], benchmarks }
	];

	it('writes 69 wards, then Birmingham and England, leaving wards without a school empty rather than zero', () => {
		const lines = ks4WardTable(names, years).trimEnd().split('\n');
		expect(lines).toHaveLength(72);
		expect(lines[0]).toBe(
			'area_code,area_name,area_type,ks4_att8_2023,ks4_p8_2023,ks4_p8_2023_lower,ks4_p8_2023_upper,ks4_basics95_2023,ks4_schools_2023,ks4_pupils_2023,ks4_att8_2019,ks4_p8_2019,ks4_p8_2019_lower,ks4_p8_2019_upper,ks4_basics95_2019,ks4_schools_2019,ks4_pupils_2019'
		);
		expect(lines[1]).toBe('E05011118,Ward 1,ward,42.5,0.05,-0.04,0.14,40.0,2,400,,,,,,0,0');
		expect(lines[2]).toBe('E05011119,Ward 2,ward,,,,,,0,0,,,,,,0,0');
		expect(lines[70]).toBe('E08000025,Birmingham,local_authority,44.0,0.05,0.00,0.10,38.0,4,450,44.0,0.05,0.00,0.10,38.0,4,450');
		expect(lines[71]).toBe('E92000001,England,country,46.3,-0.03,,,45.0,,8000,46.3,-0.03,,,45.0,,8000');
	});
	it('refuses a ward list that is not exactly the 69 wards', () => {
		const missing = new Map([...names].slice(1));
		expect(() => ks4WardTable(missing, years)).toThrow(/ks4\.csv: expected all 69 Birmingham wards; missing E05011118/);
		const foreign = new Map([...names, ['E05000001', 'Elsewhere']]);
		expect(() => ks4WardTable(foreign, years)).toThrow(/E05000001 is not a Birmingham ward code/);
	});
	it('lists schools with suppressed values as empty cells and refuses a school twice in a year', () => {
		const text = schoolsTable([locate('900002', 'E05011118'), locate('900001', 'E05011118')]);
		expect(text.split('\n').slice(0, 3)).toEqual([
			'year,urn,name,postcode,lon,lat,ward_code,pupils,att8,p8,p8_lower,p8_upper,basics95_pct',
			'2022/23,900001,Alpha Academy,B1 1AA,-1.85000,52.45000,E05011118,100,50.0,0.50,0.30,0.70,40.0',
			'2022/23,900002,Beta School,B1 1AA,-1.85000,52.45000,E05011118,300,40.0,-0.10,-0.20,0.00,'
		]);
		expect(() => schoolsTable([locate('900001', 'E05011118'), locate('900001', 'E05011119')])).toThrow(/school 900001 appears twice in 2022\/23/);
	});
});

const rawDir = process.env.RAW_DIR ?? path.resolve('../shared/data/raw');

describe('real build', () => {
	it.skipIf(!existsSync(rawDir))('reproduces published DfE figures and places every Birmingham school', () => {
		const { output, years } = buildKs4Details(new RawDir(rawDir));
		const ks4 = parseCsv(output.files['ks4.csv'], 'ks4.csv');
		const area = (code: string) => ks4.find((r) => r.area_code === code)!;
		expect(ks4).toHaveLength(71);

		// DfE LA 330 and England state-funded rows (PROVENANCE.md): 2022/23 A8 46.1, P8 +0.03, 45%; 2018/19 46.5, +0.09, 42.2%.
		expect(area('E08000025')).toMatchObject({ ks4_att8_2023: '46.1', ks4_p8_2023: '0.03', ks4_basics95_2023: '45.0', ks4_pupils_2023: '14526' });
		expect(area('E08000025')).toMatchObject({ ks4_att8_2019: '46.5', ks4_p8_2019: '0.09', ks4_basics95_2019: '42.2', ks4_pupils_2019: '13035' });
		expect(area('E92000001')).toMatchObject({ ks4_att8_2023: '46.3', ks4_p8_2023: '-0.03', ks4_basics95_2023: '45.0', ks4_p8_2023_lower: '' });

		// Perry Barr's only school is Eden Boys' School, Birmingham (URN 141969): DfE 2022/23 A8 63.7, P8 1.83, 79%.
		expect(area('E05011160')).toMatchObject({ ks4_schools_2023: '1', ks4_pupils_2023: '119', ks4_att8_2023: '63.7', ks4_p8_2023: '1.83', ks4_basics95_2023: '79.0' });
		// Kingstanding has no secondary school with results: empty, not zero.
		expect(area('E05011150')).toMatchObject({ ks4_schools_2023: '0', ks4_att8_2023: '', ks4_p8_2023: '' });

		const [y2023, y2019] = years;
		// 89 state-funded mainstream schools, 3 of them new with no Year 11 yet.
		expect(y2023.placement.located).toHaveLength(86);
		expect(y2023.withoutCohort).toHaveLength(3);
		expect(y2023.placement.outsideWards).toHaveLength(0);
		expect(y2019.placement.located.every((l) => l.school.lea === '330')).toBe(true);
		expect(y2019.placement.located).toHaveLength(83);
		const wardSchoolTotal = ks4.filter((r) => r.area_type === 'ward').reduce((sum, r) => sum + Number(r.ks4_schools_2023), 0);
		expect(wardSchoolTotal).toBe(86);

		const schools = parseCsv(output.files['schools.csv'], 'schools.csv');
		expect(schools.find((s) => s.year === '2022/23' && s.urn === '137045')).toMatchObject({ att8: '83.3', p8: '1.02', ward_code: 'E05011130' });
		expect(output.indicators.filter((i) => i.headline).map((i) => i.id)).toEqual(['ks4_att8_2023']);
	});
});
