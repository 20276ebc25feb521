import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../scripts/lib/csv.ts';
import { buildTimeDatabase } from './node-db.server.ts';
import { getAllWardValues, getBenchmarks, getIndicatorWardValues, getNeighbourhoods, getWardNeighbours, getWardSchools, getWardValues, getWards } from './queries.ts';
import { toMatrix, indicatorRows } from './matrix.ts';

const db = buildTimeDatabase();
const csv = (file: string) => parseCsv(readFileSync(`data/${file}`, 'utf8'), file);
const imd = csv('imd.csv');
const ks4 = csv('ks4.csv');

describe('query layer on the published data (DuckDB in Node)', () => {
	it('lists the 69 wards with their populations', async () => {
		const wards = await getWards(db);
		expect(wards).toHaveLength(69);
		const fromCsv = csv('wards.csv');
		const ladywood = wards.find((w) => w.name === 'Ladywood')!;
		expect(ladywood.population_2021).toBe(Number(fromCsv.find((r) => r.name === 'Ladywood')!.population_2021));
		expect(typeof ladywood.population_2021).toBe('number');
	});

	it('returns each ward value as published, ranked with 1 = highest', async () => {
		const rows = await getIndicatorWardValues(db, 'imd19_score');
		expect(rows).toHaveLength(69);
		const published = imd.filter((r) => r.area_type === 'ward').map((r) => ({ code: r.area_code, value: Number(r.imd19_score) }));
		for (const p of published) expect(rows.find((r) => r.ward_code === p.code)!.value).toBe(p.value);
		const highest = [...published].sort((a, b) => b.value - a.value)[0];
		expect(rows.find((r) => r.ward_code === highest.code)!.rank_high).toBe(1);
		expect(new Set(rows.map((r) => r.ranked))).toEqual(new Set([69]));
		// IMD's own within-Birmingham rank (1 = most deprived) is the same ordering.
		for (const r of rows) expect(r.rank_high).toBe(Number(imd.find((i) => i.area_code === r.ward_code)!.imd19_rank_birmingham));
	});

	it('leaves wards without a school unranked and counts only wards with a value', async () => {
		const rows = await getIndicatorWardValues(db, 'ks4_att8_2023');
		const withValue = ks4.filter((r) => r.area_type === 'ward' && r.ks4_att8_2023 !== '');
		expect(rows.filter((r) => r.value !== null)).toHaveLength(withValue.length);
		expect(rows.every((r) => r.ranked === withValue.length)).toBe(true);
		expect(rows.filter((r) => r.value === null).every((r) => r.rank_high === null)).toBe(true);
	});

	it('carries confidence intervals where published', async () => {
		const rows = await getIndicatorWardValues(db, 'ks4_p8_2023');
		const withInterval = rows.filter((r) => r.value !== null);
		expect(withInterval.length).toBeGreaterThan(0);
		for (const r of withInterval) {
			expect(r.lower!).toBeLessThanOrEqual(r.value!);
			expect(r.upper!).toBeGreaterThanOrEqual(r.value!);
		}
	});

	it('gives Birmingham and England benchmarks from the benchmark rows', async () => {
		const benchmarks = await getBenchmarks(db);
		const imdBench = benchmarks.find((b) => b.indicator_id === 'imd19_score')!;
		expect(imdBench.birmingham).toBe(Number(imd.find((r) => r.area_code === 'E08000025')!.imd19_score));
		expect(imdBench.england).toBe(Number(imd.find((r) => r.area_code === 'E92000001')!.imd19_score));
		expect(imdBench.birmingham).toBeCloseTo(38.067, 3);
		expect(benchmarks).toHaveLength(db.catalogue.indicators.length);
	});

	it('answers a ward profile with every indicator', async () => {
		const rows = await getWardValues(db, 'E05011151');
		expect(rows.map((r) => r.indicator_id).sort()).toEqual(db.catalogue.indicators.map((i) => i.id).sort());
	});

	it('lists a ward’s neighbourhoods, schools and neighbours', async () => {
		const code = imd.find((r) => r.area_name === 'Ladywood')!.area_code;
		const neighbourhoods = await getNeighbourhoods(db, code);
		expect(neighbourhoods).toHaveLength(Number(imd.find((r) => r.area_code === code)!.imd19_lsoas));
		expect(neighbourhoods.every((n) => n.imd19_decile >= 1 && n.imd19_decile <= 10)).toBe(true);
		const schools = await getWardSchools(db, code);
		expect(schools.length).toBe(csv('schools.csv').filter((s) => s.ward_code === code).length);
		const neighbours = await getWardNeighbours(db, code);
		expect(neighbours.length).toBeGreaterThan(2);
		for (const n of neighbours) expect(await getWardNeighbours(db, n)).toContain(code);
	});

	it('packs all values into the compact matrix and back without loss', async () => {
		const rows = await getAllWardValues(db);
		const matrix = toMatrix(rows);
		expect(matrix.wardCodes).toHaveLength(69);
		expect(indicatorRows(matrix, 'ks4_p8_2023')).toEqual(await getIndicatorWardValues(db, 'ks4_p8_2023'));
	});
});
