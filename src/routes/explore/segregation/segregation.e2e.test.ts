import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, gotoHydrated, launchChromium, siteUrl } from '$lib/testing/browser.ts';
import { parseCsv } from '../../../../scripts/lib/csv.ts';

const citywide = parseCsv(readFileSync('data/segregation_citywide.csv', 'utf8'), 'segregation_citywide.csv');
const wards = parseCsv(readFileSync('data/segregation.csv', 'utf8'), 'segregation.csv').filter((r) => r.area_type === 'ward');
const published = (year: string, a: string, b: string, unit: string) => citywide.find((r) => r.year === year && r.group_a === a && r.group_b === b && r.unit === unit)!.index;

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe('segregation on demand', () => {
	it('computes a 2011 pair by Output Area in the browser, equal to the published figures', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl('/explore/segregation/?year=2011&a=white_british&b=pakistani&unit=OA'));
		const index = page.locator('[data-testid="citywide-index"]');
		await expect.poll(() => index.textContent(), { timeout: 60_000 }).toBe(published('2011', 'white_british', 'pakistani', 'OA'));
		expect(await page.locator('[data-testid="published-check"]').textContent()).toMatch(/the same/);
		// Each ward's index inside it, computed over its Output Areas, equals segregation.csv.
		for (const ward of wards.slice(0, 10)) {
			expect(await page.locator(`[data-testid="segregation-table"] tr[data-code="${ward.area_code}"] td.within`).textContent()).toBe(ward.seg11_within_white_british_pakistani || '–');
		}
		expect(await page.locator('[data-testid="year-comparison"]').textContent()).toMatch(/only 5 broad groups/);
		await page.close();
	});

	it('computes a pair chosen in the form, by ward, and compares it with the other census', async () => {
		const page = await browser.newPage();
		// The form's choices must reach Svelte's handlers, so wait for hydration before choosing.
		await gotoHydrated(page, '/explore/segregation/');
		expect(await page.locator('[data-testid="citywide-index"]').textContent()).toBe(published('2021', 'white', 'nonwhite', 'LSOA'));
		await page.selectOption('#group-b', 'asian');
		await page.getByLabel(/wards \(about 16,000/).check();
		await page.getByRole('button', { name: 'Compute' }).click();
		const index = page.locator('[data-testid="citywide-index"]');
		await expect.poll(() => index.textContent(), { timeout: 60_000 }).toBe(published('2021', 'white', 'asian', 'ward'));
		expect(new URL(page.url()).search).toBe('?b=asian&unit=ward&measure=contribution');
		const ward = wards[0];
		expect(await page.locator(`[data-testid="segregation-table"] tr[data-code="${ward.area_code}"] td.contribution`).textContent()).toBe(ward.seg21_contrib_white_asian);
		const years = await page.locator('[data-testid="year-comparison"]').textContent();
		expect(years).toContain(`2011: ${published('2011', 'white', 'asian', 'ward')}`);
		expect(years).toContain(`2021: ${published('2021', 'white', 'asian', 'ward')}`);
		await page.close();
	});

	it('explains a group the census does not have', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl('/explore/segregation/?year=2021&a=indian'));
		await expect.poll(() => page.locator('.problem').first().textContent()).toMatch(/no group “indian”.*5 broad groups/);
		await page.close();
	});

	it('has no axe-core accessibility violations', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl('/explore/segregation/'));
		await page.waitForLoadState('networkidle');
		expect(await axeViolations(page)).toEqual([]);
		await page.close();
	});
});
