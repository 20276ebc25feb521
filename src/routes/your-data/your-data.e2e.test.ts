import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, siteUrl } from '$lib/testing/browser.ts';
import { parseCsv } from '../../../scripts/lib/csv.ts';

const FIXTURES = resolve('src/lib/data/user-data/fixtures');
const wards = parseCsv(readFileSync('data/wards.csv', 'utf8'), 'wards.csv');
const foodBank = Papa.parse<Record<string, string>>(readFileSync(join(FIXTURES, 'real-shaped-food-bank.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => browser?.close());

async function openUploadPage(options: { svgMap?: boolean } = {}): Promise<{ page: Page; offSite: string[] }> {
	const page = await browser.newPage();
	// Without WebGL the map stays an SVG whose ward colours the test can read.
	if (options.svgMap) {
		await page.addInitScript(() => {
			const original = HTMLCanvasElement.prototype.getContext;
			// @ts-expect-error narrowing the overloads is not the point here
			HTMLCanvasElement.prototype.getContext = function (type: string, ...rest: unknown[]) {
				return /webgl/.test(type) ? null : original.call(this, type as '2d', ...(rest as []));
			};
		});
	}
	const offSite: string[] = [];
	page.on('request', (request) => {
		const url = request.url();
		if (!url.startsWith(siteUrl('')) && !url.startsWith('blob:') && !url.startsWith('data:')) offSite.push(url);
	});
	await page.goto(siteUrl('/your-data/'));
	return { page, offSite };
}

describe('your data', () => {
	it('puts a real-shaped file on the map, ranking and table, without sending it anywhere', async () => {
		const { page, offSite } = await openUploadPage({ svgMap: true });
		const uploads: string[] = [];
		page.on('request', (request) => {
			if (request.method() !== 'GET') uploads.push(`${request.method()} ${request.url()}`);
		});
		await page.setInputFiles('#your-file', join(FIXTURES, 'real-shaped-food-bank.csv'));
		await expect.poll(() => page.locator('#found-heading').count(), { timeout: 20_000 }).toBe(1);
		expect(await page.locator('section[aria-labelledby="found-heading"]').textContent()).toContain('69 of 69 wards');
		expect(await page.locator('section[aria-labelledby="check-heading"] .ok').textContent()).toMatch(/Every row matched one ward/);

		// Keep only the referrals column, call it worse when higher, give it a source.
		const rateColumn = page.locator('[data-testid="column-settings"]').nth(1);
		await rateColumn.locator('legend input[type="checkbox"]').uncheck();
		await page.selectOption('[data-testid="column-settings"] >> nth=0 >> select[id$="-polarity"]', 'higher_is_worse');
		await page.fill('#source-note', 'Test food network');
		await page.getByRole('button', { name: 'Add 1 indicator to the map' }).click();
		const added = page.locator('[data-testid="added"]');
		await added.waitFor({ timeout: 60_000 });
		await added.getByRole('link').first().click();

		await page.waitForURL(/indicator=yours-food-bank-referrals/);
		await expect.poll(() => page.locator('#indicator-picker').inputValue()).toBe('yours-food-bank-referrals');
		expect(await page.locator('#indicator-picker optgroup[label^="Your data"] option').count()).toBe(1);
		await expect.poll(() => page.locator('#map-heading').textContent()).toBe('Food bank referrals');
		// Every ward's value in the table is the one in the file.
		for (const name of ['Ladywood', "King's Norton North", 'Bordesley & Highgate', 'Sutton Four Oaks']) {
			const code = wards.find((w) => w.name === name)!.code;
			const written = {
				"King's Norton North": 'Kings Norton North',
				'Bordesley & Highgate': 'Bordesley and Highgate',
				'Sutton Four Oaks': 'Four Oaks',
				Ladywood: '  ladywood  '
			}[name]!;
			const expected = Number(foodBank.find((r) => r.Ward === written)!['Food bank referrals'].replace(/,/g, ''));
			await expect
				.poll(() => page.locator(`[data-testid="ward-table"] tr[data-code="${code}"] td`).first().textContent())
				.toBe(expected.toLocaleString('en-GB'));
		}
		const highest = [...foodBank].sort((a, b) => Number(b['Food bank referrals'].replace(/,/g, '')) - Number(a['Food bank referrals'].replace(/,/g, '')))[0];
		expect(await page.locator('.ranking-panel .summary').textContent()).toMatch(/highest/);
		expect(await page.locator('.ranking-panel .summary').textContent()).toContain(Number(highest['Food bank referrals'].replace(/,/g, '')).toLocaleString('en-GB'));
		expect(await page.locator('.method-note').textContent()).toContain('Test food network');
		expect(await page.locator('.legend').textContent()).toMatch(/Darker means a higher Food bank referrals: worse/);
		// The map's fills follow the new values: the ward with the most referrals has the darkest class.
		const topCode = wards.find((w) => w.name === highest.Ward.trim() || w.name.toLowerCase() === highest.Ward.trim().toLowerCase())?.code;
		expect(topCode).toBeTruthy();
		await expect.poll(() => page.locator(`[data-testid="svg-map"] a[data-code="${topCode}"] path`).first().getAttribute('fill')).toBe('#54278f');
		expect(uploads).toEqual([]);
		expect(offSite).toEqual([]);
		await page.close();
	});

	it('lists unmatched rows with reasons, and lets the reader match one by hand', async () => {
		const { page } = await openUploadPage();
		await page.setInputFiles('#your-file', join(FIXTURES, 'unmatched-names.csv'));
		const problems = page.locator('[data-testid="problem-list"]');
		await problems.waitFor({ timeout: 20_000 });
		expect(await problems.textContent()).toContain('8 rows did not match a ward');
		const unmatched = page.locator('[data-testid="unmatched-rows"] tbody tr');
		expect(await unmatched.count()).toBe(8);
		expect(await unmatched.nth(3).textContent()).toMatch(/before May 2018/);
		await page.getByRole('button', { name: 'Use Sparkhill?' }).click();
		await expect.poll(() => page.locator('section[aria-labelledby="found-heading"]').textContent()).toContain('2 of 69 wards');
		expect(await axeViolations(page)).toEqual([]);
		await page.close();
	});

	it('shows the error list for broken files and keeps the page working', async () => {
		const { page } = await openUploadPage();
		const error = page.locator('[data-testid="upload-error"]');
		const cases: [string, RegExp][] = [
			['binary-zero-bytes.csv', /binary file/],
			['excel-workbook-renamed.csv', /Excel workbook/],
			['empty.csv', /The file is empty/],
			['header-only.csv', /heading line \(Ward, Referrals\) but no rows/],
			['wrong-delimiter-colon.csv', /Only one column/]
		];
		for (const [file, message] of cases) {
			await page.setInputFiles('#your-file', join(FIXTURES, file));
			await expect.poll(() => error.textContent(), { timeout: 20_000 }).toMatch(message);
		}
		await page.setInputFiles('#your-file', join(FIXTURES, 'formula-cells.csv'));
		const problems = page.locator('[data-testid="problem-list"]');
		await problems.waitFor({ timeout: 20_000 });
		expect(await problems.textContent()).toMatch(/4 cells in “Referrals” could not be read as a number/);
		expect(await page.locator('[data-testid="column-settings"]').first().textContent()).toContain('“=SUM(A1:A9)” looks like a spreadsheet formula');
		await page.close();
	});

	it('reads a 50 MB file in a worker with progress, then explains why it cannot be used, without freezing the tab', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'your-data-'));
		const path = join(dir, 'fifty-megabytes.csv');
		const line = 'Ladywood,12345,some padding text to make the rows long enough to fill the file quickly............\n';
		writeFileSync(path, 'Ward,Value,Note\n' + line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
		const { page } = await openUploadPage();
		await page.setInputFiles('#your-file', path);
		await page.locator('#read-progress').waitFor({ timeout: 10_000 });
		// The main thread answers while the worker reads.
		const started = Date.now();
		await page.evaluate(() => 1 + 1);
		expect(Date.now() - started).toBeLessThan(1000);
		await expect
			.poll(() => page.locator('[data-testid="upload-error"]').textContent(), { timeout: 60_000 })
			.toMatch(/more than 20,000 rows, and a ward file has one row per ward/);
		await page.close();
	});

	it('keeps data in the browser only when asked, and forgets it', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(siteUrl('/your-data/'));
		await page.setInputFiles('#your-file', join(FIXTURES, 'percent-signs.csv'));
		await page.getByRole('button', { name: /Add 1 indicator/ }).click();
		await page.locator('[data-testid="added"]').waitFor({ timeout: 60_000 });
		await page.getByLabel(/Keep my data in this browser/).check();
		await expect.poll(() => page.locator('[data-testid="saved-data"] [role="status"]').textContent()).toMatch(/kept in this browser/);
		await page.goto(siteUrl('/?indicator=yours-satisfied'));
		await expect.poll(() => page.locator('#indicator-picker').inputValue(), { timeout: 60_000 }).toBe('yours-satisfied');
		const aston = wards.find((w) => w.name === 'Aston')!.code;
		// The column's most precise value (51.5) sets one decimal place for all.
		await expect.poll(() => page.locator(`[data-testid="ward-table"] tr[data-code="${aston}"] td`).first().textContent()).toBe('45.0%');

		await page.goto(siteUrl('/your-data/'));
		await expect.poll(() => page.locator('[data-testid="saved-data"] li').count(), { timeout: 60_000 }).toBe(1);
		await page.getByRole('button', { name: 'Forget my data' }).click();
		await expect.poll(() => page.locator('[data-testid="saved-data"] li').count()).toBe(0);
		await page.goto(siteUrl('/?indicator=yours-satisfied'));
		await expect.poll(() => page.locator('[role="alert"]').first().textContent(), { timeout: 20_000 }).toMatch(/added in their own browser/);
		await context.close();
	});
});
