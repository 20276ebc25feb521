import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './lib/csv.ts';
import { BIRMINGHAM_WARD_CODES } from './lib/wards.ts';
import { absoluteCsv, fyeOf, parseAbsolutePoverty, trendCsv, type AbsolutePovertyJson } from './child-poverty-trend.ts';

const fixture = (): AbsolutePovertyJson => JSON.parse(readFileSync(path.resolve(import.meta.dirname, 'fixtures/child-poverty-trend/absolute.json'), 'utf8'));
function fullJson(): AbsolutePovertyJson {
	const json = fixture();
	const byCode = new Map(json.wards.map((w) => [w.ward_code, w]));
	return { ...json, wards: BIRMINGHAM_WARD_CODES.map((code) => ({ ...(byCode.get(code) ?? json.wards[1]), ward_code: code })) };
}

describe('absolute low income before housing costs', () => {
	it('names financial years as DWP does', () => {
		expect(fyeOf('2015/16')).toBe('FYE 2016');
		expect(fyeOf('2024/25')).toBe('FYE 2025');
	});

	it('keeps the 69 wards, Birmingham and England, and a missing year stays missing', () => {
		const series = parseAbsolutePoverty(fullJson(), 'abs.json');
		expect(series.map((s) => s.areaType).slice(-2)).toEqual(['local_authority', 'country']);
		const rows = parseCsv(trendCsv(series), 'child_poverty_trend.csv');
		const acocks = rows.filter((r) => r.area_code === 'E05011118');
		expect(acocks.map((r) => r.period)).toEqual(['FYE 2016', 'FYE 2017', 'FYE 2018', 'FYE 2019', 'FYE 2020', 'FYE 2021', 'FYE 2022', 'FYE 2023', 'FYE 2024', 'FYE 2025']);
		expect(acocks[3].pct).toBe('');
		expect(acocks[0].date).toBe('2016-03-31');
		const latest = parseCsv(absoluteCsv(series, new Map([['E05011145', 'Heartlands']])), 'child_poverty_absolute.csv');
		const heartlands = latest.find((r) => r.area_code === 'E05011145')!;
		expect([heartlands.area_name, heartlands.cp_abs_bhc_pct_2025, heartlands.cp_abs_bhc_change_2016_2025]).toEqual(['Heartlands', '66.7', '36.1']);
		expect(latest.find((r) => r.area_code === 'E92000001')!.cp_abs_bhc_pct_2025).toBe('18.0');
	});

	it('refuses the after-housing-costs or relative measure, other years, and summaries that disagree with the series', () => {
		expect(() => parseAbsolutePoverty({ ...fullJson(), metric: '% of children in relative low income after housing costs' }, 'abs.json')).toThrow(/not absolute low income before housing costs/);
		expect(() => parseAbsolutePoverty({ ...fullJson(), years: fullJson().years.slice(1) }, 'abs.json')).toThrow(/years must be 2015\/16/);
		const wrongLatest = fullJson();
		wrongLatest.wards[27].latest_pct = 60;
		expect(() => parseAbsolutePoverty(wrongLatest, 'abs.json')).toThrow(/abs.json \(row wards\[27\] E05011145\): latest_pct 60 differs/);
		const outOfRange = fullJson();
		outOfRange.wards[0].series[2] = 120;
		expect(() => parseAbsolutePoverty(outOfRange, 'abs.json')).toThrow(/% 2017\/18 = 120 is outside the plausible range 0–100/);
	});
});
