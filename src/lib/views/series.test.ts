import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../scripts/lib/csv.ts';
import type { Catalogue, Series } from '$lib/data/types.ts';
import type { SeriesRow } from '$lib/data/series-queries.ts';
import { changeBetween, formatChange, periodLabel, periodsOf, segmentsOf, type SeriesPoint } from './series.ts';

const catalogue = JSON.parse(readFileSync('data/indicators.json', 'utf8')) as Catalogue;
const seriesById = new Map((catalogue.series ?? []).map((s) => [s.id, s]));

/** The rows the series view gives, read straight from the published file. */
function rowsOf(series: Series): SeriesRow[] {
	return parseCsv(readFileSync(`data/${series.file}`, 'utf8'), series.file)
		.filter((r) => !series.where || r[series.where.column] === series.where.value)
		.map((r) => ({
			series_id: series.id,
			area_code: r.area_code,
			area_type: r.area_type as SeriesRow['area_type'],
			period: r.period,
			date: r.date,
			basis: r.basis,
			value: r[series.value_column] === '' ? null : Number(r[series.value_column])
		}));
}

const point = (period: string, basis: string, value: number | null): SeriesPoint => ({ period, date: `${period}-06-30`, basis, value });

describe('segmentsOf', () => {
	it('starts a new line at a change of basis, so a series break is never bridged', () => {
		const points = [point('2019', 'a', 1), point('2020', 'a', 2), point('2021', 'b', 5), point('2022', 'b', 6)];
		expect(segmentsOf(points).map((s) => s.map((p) => p.period))).toEqual([['2019', '2020'], ['2021', '2022']]);
	});

	it('leaves a gap for a missing value rather than joining across it', () => {
		const points = [point('2016', 'a', 1), point('2017', 'a', null), point('2018', 'a', 3), point('2019', 'a', 4)];
		expect(segmentsOf(points).map((s) => s.map((p) => p.period))).toEqual([['2016'], ['2018', '2019']]);
	});

	it('splits the published population series at 2021 for every ward', () => {
		const series = seriesById.get('pop_total_series')!;
		const rows = rowsOf(series);
		const ward = rows.filter((r) => r.area_code === 'E05011145');
		const segments = segmentsOf(ward.map((r) => ({ period: r.period, date: r.date, basis: r.basis, value: r.value })));
		expect(segments).toHaveLength(2);
		expect(segments[1][0].period).toBe(series.breaks[0].before);
	});
});

describe('changeBetween', () => {
	const population = seriesById.get('pop_total_series')!;
	const claimants = seriesById.get('cc_rate_series')!;

	it('refuses two periods on either side of a series break, naming the break', () => {
		const outcome = changeBetween(population, rowsOf(population), '2019', '2022');
		expect(outcome.ok).toBe(false);
		if (!outcome.ok) expect(outcome.problem).toMatch(/mid-2019 and mid-2022 lie on either side of a series break \(Census 2021-based estimates from mid-2021\)/);
	});

	it('works out a percentage change for counts within one side of the break, from the published figures', () => {
		const rows = rowsOf(population);
		const outcome = changeBetween(population, rows, '2021', '2024');
		expect(outcome.ok).toBe(true);
		if (!outcome.ok) return;
		const value = (period: string) => rows.find((r) => r.area_code === 'E05011118' && r.period === period)!.value!;
		expect(outcome.result.unit).toBe('percent');
		expect(outcome.result.change.get('E05011118')!.change).toBeCloseTo(((value('2024') - value('2021')) / value('2021')) * 100, 10);
		// The ward indicator publishes the same change, rounded.
		const published = parseCsv(readFileSync('data/population.csv', 'utf8'), 'population.csv').find((r) => r.area_code === 'E05011118')!;
		expect(outcome.result.change.get('E05011118')!.change!.toFixed(1)).toBe(published.pop_change_2021_2024_pct);
	});

	it('works out a difference in points for rates, and refuses unknown or reversed periods', () => {
		const rows = rowsOf(claimants);
		const outcome = changeBetween(claimants, rows, '2021-05', '2026-04');
		expect(outcome.ok && outcome.result.unit).toBe('points');
		const at = (period: string) => rows.find((r) => r.area_code === 'E08000025' && r.period === period)!.value!;
		if (outcome.ok) expect(outcome.result.change.get('E08000025')!.change).toBeCloseTo(at('2026-04') - at('2021-05'), 10);
		const unknown = changeBetween(claimants, rows, '2019-01', '2026-04');
		expect(!unknown.ok && unknown.problem).toMatch(/has no figures for “2019-01”/);
		const reversed = changeBetween(claimants, rows, '2026-04', '2021-05');
		expect(!reversed.ok && reversed.problem).toMatch(/first period must come before the second/);
	});

	it('lists periods in date order', () => {
		const periods = periodsOf(rowsOf(claimants)).map((p) => p.period);
		expect(periods[0]).toBe('2021-05');
		expect(periods[periods.length - 1]).toBe('2026-04');
		expect(periods).toHaveLength(60);
	});
});

describe('wording', () => {
	it('formats changes with their sign and unit, and periods in words', () => {
		expect(formatChange(1.25, 'points')).toBe('+1.3 points');
		expect(formatChange(-1, 'points')).toBe('−1.0 point');
		expect(formatChange(-3.44, 'percent')).toBe('−3.4%');
		expect(formatChange(0.02, 'percent')).toBe('no change (0%)');
		expect(formatChange(null, 'points')).toBe('no data');
		const claimants = seriesById.get('cc_rate_series')!;
		expect(periodLabel('2026-04', claimants)).toBe('Apr 2026');
		expect(periodLabel('2026-04', claimants, true)).toBe('April 2026');
		expect(periodLabel('2021', seriesById.get('pop_total_series')!)).toBe('mid-2021');
		expect(periodLabel('FYE 2025', seriesById.get('cp_abs_bhc_series')!)).toBe('FYE 2025');
	});
});
