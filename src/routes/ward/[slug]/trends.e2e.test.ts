import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, siteUrl } from '$lib/testing/browser.ts';
import { parseCsv } from '../../../../scripts/lib/csv.ts';

const wards = parseCsv(readFileSync('data/wards.csv', 'utf8'), 'wards.csv');
const monthly = parseCsv(readFileSync('data/claimant_count_monthly.csv', 'utf8'), 'claimant_count_monthly.csv');
const HEARTLANDS = wards.find((w) => w.name === 'Heartlands')!;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The latest month data/ holds for a ward, as the chart should state it. */
function latestClaimants(code: string) {
	const rows = monthly.filter((r) => r.area_code === code).sort((a, b) => a.date.localeCompare(b.date));
	const last = rows[rows.length - 1];
	return {
		month: `${MONTHS[Number(last.period.slice(5, 7)) - 1]} ${last.period.slice(0, 4)}`,
		rate: `${Number(last.rate).toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`,
		count: Number(last.count).toLocaleString('en-GB'),
		months: rows.length
	};
}

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe('ward trends', () => {
	for (const javaScriptEnabled of [true, false]) {
		it(`the claimant-count chart shows the latest value data/ holds, with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
			const context = await browser.newContext({ javaScriptEnabled });
			const page = await context.newPage();
			await page.goto(siteUrl(`/ward/${HEARTLANDS.slug}/`));
			const chart = page.locator('article[data-series="cc_rate_series"]');
			const expected = latestClaimants(HEARTLANDS.code);
			expect(await chart.locator('[data-testid="latest-value"]').textContent()).toBe(expected.rate);
			expect(await chart.locator('.readout').textContent()).toContain(`Latest, ${expected.month}: Heartlands`);
			// The table alternative holds every month, the last with the published count beside the rate.
			const rows = chart.locator('tbody tr[data-period]');
			expect(await rows.count()).toBe(expected.months);
			const last = await rows.last().locator('td').allTextContents();
			expect(last).toEqual([expected.rate, expect.any(String), expected.count]);
			expect(await chart.locator('h3 .badge').textContent()).toBe('derived');
			await context.close();
		});
	}

	it('stops the population lines at the 2021 series break and marks it on the chart', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl(`/ward/${HEARTLANDS.slug}/`));
		const chart = page.locator('article[data-series="pop_0_15_share_series"]');
		expect(await chart.locator('[data-testid="series-break"]').textContent()).toMatch(/Series break: Census 2021-based estimates/);
		// Ward and Birmingham lines, each in two pieces.
		expect(await chart.locator('svg[role="img"] path.line.ward').count()).toBe(2);
		expect(await chart.locator('svg[role="img"] path.line.birmingham').count()).toBe(2);
		expect(await chart.locator('tr.break-row').textContent()).toMatch(/do not compare across this line/);
		// The relative AHC measure is never drawn on the absolute BHC line.
		expect(await page.locator('article[data-series="cp_abs_bhc_series"] .note').textContent()).toMatch(/different measure/);
		await page.close();
	});
});

describe('change view on the home page', () => {
	it('refuses a change across the series break, then maps a valid one and keeps it in the URL', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl('/?view=change&series=pop_total_series&from=2019&to=2022'));
		await expect.poll(() => page.locator('[data-testid="change-problem"]').textContent()).toMatch(/either side of a series break/);
		await page.locator('[data-testid="change-from"]').selectOption('2021');
		await expect.poll(() => page.url()).toMatch(/view=change&series=pop_total_series&from=2021&to=2022/);
		const series = parseCsv(readFileSync('data/population_series.csv', 'utf8'), 'population_series.csv').filter((r) => r.area_code === HEARTLANDS.code && r.age_group === 'all');
		const at = (year: string) => Number(series.find((r) => r.period === year)!.count);
		const change = ((at('2022') - at('2021')) / at('2021')) * 100;
		const cell = page.locator(`[data-testid="change-view"] tr[data-code="${HEARTLANDS.code}"] td`).first();
		expect(await cell.textContent()).toBe(`${change >= 0 ? '+' : '−'}${Math.abs(change).toFixed(1)}%`);
		await page.waitForLoadState('networkidle');
		expect(await axeViolations(page)).toEqual([]);
		await page.close();
	});

	it('says so when a shared link names a series that does not exist, and shows the default', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl('/?view=change&series=%3Cb%3Enope%3C%2Fb%3E'));
		await expect.poll(() => page.locator('.problem[role="alert"]').first().textContent()).toMatch(/no time series called “<b>nope<\/b>”/);
		expect(await page.locator('b', { hasText: 'nope' }).count()).toBe(0);
		await expect.poll(() => page.locator('[data-testid="change-summary"]').textContent()).toMatch(/^Change in claimant rate, May 2021 to April 2026/);
		await page.close();
	});
});
