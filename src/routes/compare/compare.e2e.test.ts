import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, siteUrl } from '$lib/testing/browser.ts';
import { parseCsv } from '../../../scripts/lib/csv.ts';

const wards = parseCsv(readFileSync('data/wards.csv', 'utf8'), 'wards.csv');
const catalogue = JSON.parse(readFileSync('data/indicators.json', 'utf8')) as { indicators: { id: string; decimals: number; file: string; column: string }[] };
const chosen = ['Heartlands', 'Sutton Four Oaks', 'Perry Barr'].map((name) => wards.find((w) => w.name === name)!);
/** A ward's figure as the page prints it, read from the published CSV named in indicators.json. */
const shown = (id: string, code: string) => {
	const meta = catalogue.indicators.find((i) => i.id === id)!;
	const row = parseCsv(readFileSync(`data/${meta.file}`, 'utf8'), meta.file).find((r) => r.area_code === code)!;
	return Number(row[meta.column]).toLocaleString('en-GB', { minimumFractionDigits: meta.decimals, maximumFractionDigits: meta.decimals });
};
const url = `/compare/?wards=${chosen[0].code},${chosen[1].slug},${chosen[2].code}`;

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe('compare wards', () => {
	it('builds a comparison of three wards from the URL with their published figures', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl(url));
		const header = page.locator('[data-testid="comparison-table"]').first().locator('thead th[data-code]');
		await expect.poll(() => header.allTextContents()).toEqual(chosen.map((w, i) => `${'ABC'[i]} ${w.name}`));
		for (const ward of chosen) {
			const cell = (id: string) => page.locator(`tr[data-indicator="${id}"] td[data-code="${ward.code}"] .value`).textContent();
			expect(await cell('imd19_score')).toBe(shown('imd19_score', ward.code));
			expect(await cell('cp_ahc_pct_2025')).toBe(`${shown('cp_ahc_pct_2025', ward.code)}%`);
			expect(await cell('le_persons')).toContain(`${shown('le_persons', ward.code)} years`);
		}
		// Life expectancy has intervals, so its row can say whether wards differ significantly; IMD cannot.
		expect(await page.locator('tr[data-indicator="imd19_score"]').textContent()).not.toMatch(/significant/);
		expect(await page.locator('tr[data-indicator="le_male"] td[data-code]').first().textContent()).toMatch(/95% CI/);
		// The URL is rewritten to ward codes, so the link can be shared as it stands.
		expect(new URL(page.url()).searchParams.get('wards')).toBe(chosen.map((w) => w.code).join(','));
		await page.close();
	});

	it('downloads exactly the table shown, with attribution', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl(url));
		await expect.poll(() => page.locator('thead th[data-code]').count()).toBeGreaterThanOrEqual(3);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download this table (CSV)' }).click()]);
		const rows = Papa.parse<Record<string, string>>(readFileSync((await download.path())!, 'utf8'), { header: true, skipEmptyLines: true }).data;
		expect(rows).toHaveLength(catalogue.indicators.length);
		const imd = rows.find((r) => r.indicator_id === 'imd19_score')!;
		expect(Number(imd[`${chosen[2].name} value`]).toLocaleString('en-GB', { minimumFractionDigits: 3 })).toBe(shown('imd19_score', chosen[2].code));
		expect(rows.every((r) => /Open Government Licence/.test(r.attribution))).toBe(true);
		await page.close();
	});

	it('explains unknown wards in the link and keeps the rest', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl(`/compare/?wards=${chosen[0].code},<img src=x>`));
		const alert = page.locator('.problem[role="alert"]').first();
		await expect.poll(() => alert.textContent()).toContain('“<img src=x>”');
		expect(await page.locator('.problem img').count()).toBe(0);
		await expect.poll(() => page.locator('[data-testid="comparison-table"]').first().locator('thead th[data-code]').count()).toBe(1);
		await page.close();
	});

	it('prints an A4 brief that holds the figures, in black and white', async () => {
		const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
		await page.goto(siteUrl(url));
		await expect.poll(() => page.locator('thead th[data-code]').first().textContent()).toContain(chosen[0].name);
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.site-header').isVisible()).toBe(false);
		expect(await page.locator('.pick').isVisible()).toBe(false);
		const title = page.locator('.brief-title');
		expect(await title.isVisible()).toBe(true);
		expect(await title.textContent()).toBe(`${chosen[0].name}, ${chosen[1].name} and ${chosen[2].name}`);
		expect(await page.locator('.brief-head').textContent()).toMatch(/Printed \d{1,2} \w+ \d{4}/);
		const table = page.locator('[data-testid="comparison-table"]').first();
		expect(await table.isVisible()).toBe(true);
		// Every column fits the printable width: nothing is cut off at the right edge.
		const fit = await table.evaluate((t) => ({ table: t.getBoundingClientRect().right, page: document.documentElement.clientWidth, scroll: t.parentElement!.scrollWidth - t.parentElement!.clientWidth }));
		expect(fit.table).toBeLessThanOrEqual(fit.page);
		expect(fit.scroll).toBeLessThanOrEqual(1);
		for (const ward of chosen) expect(await page.locator(`tr[data-indicator="imd19_score"] td[data-code="${ward.code}"]`).isVisible()).toBe(true);
		expect(await page.locator('.notes').textContent()).toMatch(/Open Government Licence/);
		expect(await page.locator('.notes').textContent()).toMatch(/population-weighted|best-fit/i);
		const pdf = await page.pdf({ format: 'A4', printBackground: false });
		expect(pdf.byteLength).toBeGreaterThan(10_000);
		await page.close();
	});

	it('shows the example comparison with JavaScript off', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(siteUrl('/compare/'));
		expect(await page.locator('[data-testid="comparison-table"]').first().locator('thead th[data-code]').count()).toBe(3);
		await context.close();
	});

	it('has no axe-core accessibility violations', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl(url));
		await page.waitForLoadState('networkidle');
		expect(await axeViolations(page)).toEqual([]);
		await page.close();
	});
});
