import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../scripts/lib/csv.ts';
import { buildTimeDatabase } from './node-db.server.ts';
import { fixtureDatabase } from './testing-db.server.ts';
import { correlationSql, getCorrelations, getPairCorrelation, getSimilarWards, getStandardised, getWardsValues, type CorrelationRow } from './explore-sql.ts';
import { USER_TABLES_SQL, WARD_AND_USER_VALUES } from './user-sql.ts';

const fixtures = fixtureDatabase(resolve('src/lib/data/fixtures'));

beforeAll(async () => {
	// Four wards; x rises steadily, y = 2x + 1 except W4, z has a tie and a missing ward.
	await fixtures.exec(`CREATE OR REPLACE TABLE ward_values AS SELECT * FROM (VALUES
		('x', 'W1', 1.0, NULL, NULL, 4, 4), ('x', 'W2', 2.0, NULL, NULL, 3, 4), ('x', 'W3', 3.0, NULL, NULL, 2, 4), ('x', 'W4', 4.0, NULL, NULL, 1, 4),
		('y', 'W1', 3.0, NULL, NULL, 4, 4), ('y', 'W2', 5.0, NULL, NULL, 3, 4), ('y', 'W3', 7.0, NULL, NULL, 2, 4), ('y', 'W4', 20.0, NULL, NULL, 1, 4),
		('z', 'W1', 5.0, NULL, NULL, 1, 3), ('z', 'W2', 5.0, NULL, NULL, 1, 3), ('z', 'W3', 1.0, NULL, NULL, 3, 3), ('z', 'W4', NULL, NULL, NULL, NULL, 3)
	) AS t(indicator_id, ward_code, value, lower, upper, rank_high, ranked)`);
});

describe('correlations in SQL, on a hand-checked fixture', () => {
	it('gives Pearson, Spearman and the least-squares line', async () => {
		const row = (await getPairCorrelation(fixtures, 'x', 'y'))!;
		// Ranks agree exactly, so Spearman is 1; the outlier W4 pulls Pearson below 1.
		expect(row.n).toBe(4);
		expect(row.spearman).toBeCloseTo(1, 12);
		// x̄ = 2.5, ȳ = 8.75; Σ(x−x̄)(y−ȳ) = 26.5, Σ(x−x̄)² = 5, Σ(y−ȳ)² = 176.75.
		expect(row.pearson).toBeCloseTo(26.5 / Math.sqrt(5 * 176.75), 12);
		expect(row.slope).toBeCloseTo(26.5 / 5, 12);
		expect(row.intercept).toBeCloseTo(8.75 - (26.5 / 5) * 2.5, 12);
		expect(row.r2).toBeCloseTo((26.5 * 26.5) / (5 * 176.75), 12);
	});

	it('uses only wards with both values and gives ties their average rank', async () => {
		const row = (await getPairCorrelation(fixtures, 'x', 'z'))!;
		expect(row.n).toBe(3);
		// z ranks 2.5, 2.5, 1 against x ranks 1, 2, 3: Pearson on ranks.
		const rx = [1, 2, 3];
		const rz = [2.5, 2.5, 1];
		const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
		const cov = rx.reduce((s, v, i) => s + (v - mean(rx)) * (rz[i] - mean(rz)), 0);
		const sd = (a: number[]) => Math.sqrt(a.reduce((s, v) => s + (v - mean(a)) ** 2, 0));
		expect(row.spearman).toBeCloseTo(cov / (sd(rx) * sd(rz)), 12);
	});

	it('fills a whole matrix in one query', async () => {
		const rows = await getCorrelations(fixtures, ['x', 'y', 'z'], ['x', 'y', 'z']);
		expect(rows).toHaveLength(9);
		for (const r of rows.filter((r) => r.x_id === r.y_id)) expect(r.pearson).toBeCloseTo(1, 12);
		const xy = rows.find((r) => r.x_id === 'x' && r.y_id === 'y')!;
		const yx = rows.find((r) => r.x_id === 'y' && r.y_id === 'x')!;
		expect(xy.pearson).toBeCloseTo(yx.pearson!, 12);
	});
});

describe('similar wards in SQL, on a hand-checked fixture', () => {
	it('standardises each indicator and ranks wards by root-mean-square distance', async () => {
		const z = await getStandardised(fixtures, ['x']);
		// x: mean 2.5, population SD √1.25.
		expect(z.find((r) => r.ward_code === 'W1')!.z).toBeCloseTo((1 - 2.5) / Math.sqrt(1.25), 12);
		const near = await getSimilarWards(fixtures, ['x', 'z'], 'W1', 2);
		expect(near.map((r) => r.other_code)).toEqual(['W2', 'W3']);
		// W1 and W2: z equal on z; on x they differ by 1/√1.25 SD. Mean over 2 shared indicators.
		expect(near[0].distance).toBeCloseTo(Math.sqrt((1 / 1.25 + 0) / 2), 12);
		expect(near[0].n_shared).toBe(2);
		// W4 has no z value, so it shares only x with W1.
		const all = await getSimilarWards(fixtures, ['x', 'z'], null, 3);
		expect(all.find((r) => r.ward_code === 'W1' && r.other_code === 'W4')!.n_shared).toBe(1);
		expect(new Set(all.map((r) => r.ward_code)).size).toBe(4);
	});
});

describe('relationships in SQL, on the published data', () => {
	const db = buildTimeDatabase();
	const catalogue = JSON.parse(readFileSync('data/indicators.json', 'utf8')) as { indicators: { id: string; file: string; column: string; headline: boolean }[] };
	const valuesOf = (id: string) => {
		const meta = catalogue.indicators.find((i) => i.id === id)!;
		const rows = parseCsv(readFileSync(`data/${meta.file}`, 'utf8'), meta.file).filter((r) => r.area_type === 'ward');
		return new Map(rows.filter((r) => r[meta.column] !== '').map((r) => [r.area_code, Number(r[meta.column])]));
	};
	const pearson = (xs: number[], ys: number[]) => {
		const mx = xs.reduce((s, v) => s + v, 0) / xs.length;
		const my = ys.reduce((s, v) => s + v, 0) / ys.length;
		let sxy = 0, sxx = 0, syy = 0;
		xs.forEach((x, i) => {
			sxy += (x - mx) * (ys[i] - my);
			sxx += (x - mx) ** 2;
			syy += (ys[i] - my) ** 2;
		});
		return sxy / Math.sqrt(sxx * syy);
	};
	const averageRanks = (xs: number[]) => xs.map((x) => xs.filter((v) => v < x).length + (xs.filter((v) => v === x).length + 1) / 2);

	it('matches Pearson and Spearman worked out from the CSVs for every pair of headline indicators', async () => {
		const ids = catalogue.indicators.filter((i) => i.headline).map((i) => i.id);
		expect(ids.length).toBeGreaterThanOrEqual(5);
		const rows = await getCorrelations(db, ids, ids);
		expect(rows).toHaveLength(ids.length ** 2);
		for (const row of rows) {
			const x = valuesOf(row.x_id);
			const y = valuesOf(row.y_id);
			const wards = [...x.keys()].filter((w) => y.has(w));
			const xs = wards.map((w) => x.get(w)!);
			const ys = wards.map((w) => y.get(w)!);
			expect(row.n).toBe(wards.length);
			expect(row.pearson).toBeCloseTo(pearson(xs, ys), 10);
			expect(row.spearman).toBeCloseTo(pearson(averageRanks(xs), averageRanks(ys)), 10);
		}
	});

	it('gives the side-by-side values of three wards straight from the CSVs', async () => {
		const codes = ['E05011118', 'E05011140', 'E05011160'];
		const rows = await getWardsValues(db, codes);
		const imd = valuesOf('imd19_score');
		for (const code of codes) expect(rows.find((r) => r.indicator_id === 'imd19_score' && r.ward_code === code)!.value).toBe(imd.get(code));
		expect(new Set(rows.map((r) => r.ward_code))).toEqual(new Set(codes));
		expect(rows.length).toBe(codes.length * catalogue.indicators.length);
	});
});

describe("correlations that take in a reader's own indicator", () => {
	it('pairs an uploaded indicator (user_ward_values) with an official one, over the wards both have', async () => {
		await fixtures.exec(`CREATE OR REPLACE TABLE wards AS SELECT * FROM (VALUES ('W1'), ('W2'), ('W3'), ('W4')) AS t(code)`);
		for (const statement of USER_TABLES_SQL) await fixtures.exec(statement);
		// W3 has no value in the upload; a row for an unknown ward is dropped by the view's join with wards.
		const uploaded = [2, 9, null, 4];
		await fixtures.exec(
			`INSERT INTO user_values VALUES ('yours-test', 'W1', 2), ('yours-test', 'W2', 9), ('yours-test', 'W3', NULL), ('yours-test', 'W4', 4), ('yours-test', 'W9', 50)`
		);
		const [row] = await fixtures.query<CorrelationRow>(correlationSql(['x'], ['yours-test'], WARD_AND_USER_VALUES));
		const xs = [1, 2, 4];
		const ys = uploaded.filter((v): v is number => v !== null);
		const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
		const sxy = xs.reduce((s, v, i) => s + (v - mean(xs)) * (ys[i] - mean(ys)), 0);
		const sxx = xs.reduce((s, v) => s + (v - mean(xs)) ** 2, 0);
		const syy = ys.reduce((s, v) => s + (v - mean(ys)) ** 2, 0);
		expect(row.n).toBe(3);
		expect(row.pearson).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 12);
		expect(row.slope).toBeCloseTo(sxy / sxx, 12);
		// Without the reader's values the uploaded id is unknown: no pair at all.
		expect(await getCorrelations(fixtures, ['x'], ['yours-test'])).toEqual([]);
	});
});
