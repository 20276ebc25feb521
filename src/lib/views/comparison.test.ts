import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { getBenchmarks, getWards } from '$lib/data/queries.ts';
import { getWardsValues } from '$lib/data/explore-sql.ts';
import { summarise } from '$lib/data/types.ts';
import { parseCsv } from '../../../scripts/lib/csv.ts';
import { comparisonCsv, comparisonView } from './comparison.ts';

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
