import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { getBenchmarks, getWards } from '$lib/data/queries.ts';
import { getWardsValues } from '$lib/data/explore-sql.ts';
import { summarise } from '$lib/data/types.ts';
import { parseCsv } from '../../../scripts/lib/csv.ts';
import { comparisonCsv, comparisonView, yourDataFamily } from './comparison.ts';
import type { UserIndicator } from '$lib/data/user-data.svelte.ts';
import type { WardValue } from '$lib/data/types.ts';

const db = buildTimeDatabase();
const allWards = await getWards(db);
const chosen = ['Heartlands', 'Sutton Four Oaks', 'Perry Barr'].map((name) => allWards.find((w) => w.name === name)!);
const indicators = db.catalogue.indicators.map(summarise);
const families = comparisonView(indicators, await getWardsValues(db, chosen.map((w) => w.code)), await getBenchmarks(db), chosen);
const rowOf = (id: string) => families.flatMap((f) => [...f.primary, ...f.more]).find((r) => r.indicator.id === id)!;
const lifeExpectancy = parseCsv(readFileSync('data/life_expectancy.csv', 'utf8'), 'life_expectancy.csv');

describe('side-by-side comparison', () => {
	it('has every indicator once, each with a cell per ward in the chosen order', () => {
		const rows = families.flatMap((f) => [...f.primary, ...f.more]);
		expect(rows.map((r) => r.indicator.id).sort()).toEqual(indicators.map((i) => i.id).sort());
		expect(rows[0].cells.map((c) => c.letter)).toEqual(['A', 'B', 'C']);
	});

	it('marks significant differences only where intervals exist, from the published intervals', () => {
		const le = rowOf('le_persons');
		const source = (code: string) => lifeExpectancy.find((r) => r.area_code === code)!;
		const [heartlands, sutton] = [source(chosen[0].code), source(chosen[1].code)];
		expect(le.cells[0].value).toBe(Number(heartlands.le_persons));
		const separate = Number(sutton.le_persons_lower) > Number(heartlands.le_persons_upper);
		expect(le.differences.some((d) => d.startsWith('Sutton Four Oaks (B) is significantly higher than Heartlands (A)'))).toBe(separate);
		expect(rowOf('le_male').cells[0].versusCity).toMatch(/significantly|not significantly/);
		const imd = rowOf('imd19_score');
		expect(imd.hasIntervals).toBe(false);
		expect(imd.cells.every((c) => !/significant/.test(c.versusCity))).toBe(true);
	});

	it('downloads exactly the rows and values shown, each with its attribution', () => {
		const csv = comparisonCsv(families, chosen, db.catalogue.sources);
		const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
		expect(parsed).toHaveLength(indicators.length);
		const imd = parsed.find((r) => r.indicator_id === 'imd19_score')!;
		expect(Number(imd['Heartlands value'])).toBe(rowOf('imd19_score').cells[0].value);
		expect(imd['Perry Barr rank (1 = highest)']).toBe(rowOf('imd19_score').cells[2].rankText);
		expect(parsed.every((r) => r.attribution.length > 20)).toBe(true);
	});
});

describe("the reader's own data in the comparison", () => {
	const own: UserIndicator = {
		id: 'yours-referrals',
		family: 'user',
		user_data: true,
		label: '=Referrals',
		short_label: '=Referrals',
		unit: 'count',
		decimals: 0,
		polarity: 'higher_is_worse',
		period: '2024',
		source_note: '@network',
		file_name: 'food.csv',
		column_name: 'Referrals',
		added_at: '2025-01-01T00:00:00Z',
		headline: false,
		derived: false,
		source_id: ''
	};
	const uploaded: WardValue[] = allWards.map((w, i) => ({ indicator_id: own.id, ward_code: w.code, value: i === 5 ? null : 1000 - i, lower: null, upper: null, rank_high: null, ranked: 68 }));
	uploaded.forEach((v) => (v.rank_high = v.value === null ? null : 1000 - v.value + 1));
	const yours = yourDataFamily([own], uploaded, chosen)!;

	it('adds one "Your data" row per upload with each chosen ward\'s value and rank, and no benchmark', () => {
		expect(yourDataFamily([], uploaded, chosen)).toBeNull();
		expect(yours.label).toBe('Your data');
		const [row] = yours.primary;
		expect(row.cells.map((c) => c.value)).toEqual(chosen.map((w) => uploaded.find((v) => v.ward_code === w.code)!.value));
		expect(row.cells[0].rankText).toMatch(/of 68$/);
		expect([row.birmingham, row.england]).toEqual([null, null]);
		expect(row.cells.every((c) => c.versusCity === '' && c.mark === '')).toBe(true);
	});

	it('downloads the row named as the reader\'s file, with formula-like text neutralised and negative numbers kept', () => {
		const csv = comparisonCsv([...families, yours], chosen, db.catalogue.sources);
		const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
		const row = parsed.find((r) => r.indicator_id === own.id)!;
		expect(row.family).toBe('Your data');
		expect(row.indicator).toBe("'=Referrals (2024)");
		expect(row.source).toBe('Your data: column “Referrals” of food.csv, only in your browser');
		expect(row.attribution).toBe('Source as you gave it: @network. Not checked by this site.');
		// Progress 8 and similar figures below zero stay plain numbers.
		const negatives = parsed.flatMap((r) => Object.values(r)).filter((v) => /^-\d/.test(v));
		expect(negatives.length).toBeGreaterThan(0);
		expect(csv).not.toMatch(/'-\d/);
	});
});
