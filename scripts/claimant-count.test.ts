import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './lib/csv.ts';
import { BIRMINGHAM_WARD_CODES } from './lib/wards.ts';
import { assertCloseToPublished, claimantSeriesCsv, denominatorYear, monthlyRows, parseClaimants, type ClaimantJson } from './claimant-count.ts';

const fixture = (): ClaimantJson => JSON.parse(readFileSync(path.resolve(import.meta.dirname, 'fixtures/claimant-count/claimants.json'), 'utf8'));

/** The fixture's months re-labelled to the real span, and its two wards copied to all 69. */
function fullJson(): ClaimantJson {
	const json = fixture();
	const months: string[] = [];
	for (let y = 2021, m = 5; months.length < 60; m === 12 ? (y++, (m = 1)) : m++) months.push(`${y}-${String(m).padStart(2, '0')}`);
	const wards = BIRMINGHAM_WARD_CODES.map((code, i) => {
		const template = json.wards[i % 2];
		const trend = months.map((_, m) => template.trend[m % template.trend.length]);
		return { ...template, ward_code: code, trend, count: trend[trend.length - 1] };
	});
	return { ...json, months, wards };
}

describe('parseClaimants', () => {
	it('accepts consecutive months May 2021 to April 2026 for the 69 wards and strips the "(Birmingham)" suffix', () => {
		const { months, wards } = parseClaimants(fullJson(), 'cc.json');
		expect(months).toHaveLength(60);
		expect(wards).toHaveLength(69);
		expect(wards[7].name).toBe('Birchfield');
	});

	it('names the rule for a gap in the months, an unrounded count, a latest count that differs from the trend and a missing ward', () => {
		const gap = fullJson();
		gap.months[10] = '2022-04';
		expect(() => parseClaimants(gap, 'cc.json')).toThrow(/cc.json \(row months\[10\]\): month 2022-04 follows 2022-02: months must be consecutive/);
		const unrounded = fullJson();
		unrounded.wards[0].trend[3] = 121;
		expect(() => parseClaimants(unrounded, 'cc.json')).toThrow(/count 121 for 2021-08 is not a whole number rounded to 5/);
		const latest = fullJson();
		latest.wards[0].count = 5;
		expect(() => parseClaimants(latest, 'cc.json')).toThrow(/latest count 5 differs from the trend's last value/);
		const missing = fullJson();
		missing.wards.pop();
		expect(() => parseClaimants(missing, 'cc.json')).toThrow(/missing E05011186/);
	});
});

describe('monthly rates', () => {
	it('use the latest ward estimate at or before the month’s year', () => {
		expect(denominatorYear('2021-11', [2021, 2022, 2024])).toBe(2021);
		expect(denominatorYear('2023-06', [2021, 2022, 2024])).toBe(2022);
		expect(denominatorYear('2026-04', [2021, 2022, 2024])).toBe(2024);
		expect(() => denominatorYear('2020-12', [2021])).toThrow(/no population estimate at or before 2020-12/);
	});

	it('divide each month’s count by that denominator, and Birmingham is the sum of its wards', () => {
		const json = fixture();
		const wards = json.wards.map((w) => ({ code: w.ward_code, name: w.ward_name, count: w.count, pct: w.pct_16_64, trend: w.trend }));
		const population = new Map([
			['E05011118', new Map([[2021, 1000], [2022, 1200]])],
			['E05011125', new Map([[2021, 1000], [2022, 1000]])]
		]);
		const rows = monthlyRows(json.months, wards, population);
		const acocks = rows.filter((r) => r.area_code === 'E05011118');
		expect(acocks.map((r) => r.rate)).toEqual([10, 10.5, (100 * 110) / 1200, 10]);
		expect(acocks.map((r) => r.populationYear)).toEqual([2021, 2021, 2022, 2022]);
		const city = rows.filter((r) => r.area_code === 'E08000025');
		expect(city.map((r) => r.count)).toEqual([310, 310, 310, 320]);
		expect(city[3].rate).toBeCloseTo((100 * 320) / 2200, 10);
		const csv = parseCsv(claimantSeriesCsv(rows), 'claimant_count_monthly.csv');
		expect(csv[0]).toMatchObject({ area_code: 'E05011118', period: '2021-11', date: '2021-11-01', count: '100', rate: '10.00', rate_population: 'mid-2021' });
		expect(csv[csv.length - 1].area_type).toBe('local_authority');
	});

	it('must stay within a point of the published latest rate', () => {
		const wards = [{ code: 'E05011118', name: 'Acocks Green', count: 120, pct: 9.8, trend: [120] }];
		const rows = [{ area_code: 'E05011118', area_type: 'ward' as const, month: '2026-04', count: 120, rate: 12.5, populationYear: 2024 }];
		expect(() => assertCloseToPublished(rows, wards, 'cc.json')).toThrow(/derived 2026-04 rate 12.5% is more than 1 point from the published 9.8%/);
		expect(() => assertCloseToPublished([{ ...rows[0], rate: 10.2 }], wards, 'cc.json')).not.toThrow();
	});
});
