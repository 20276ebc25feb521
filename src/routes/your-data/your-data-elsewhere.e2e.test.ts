import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, siteUrl } from '$lib/testing/browser.ts';
import { parseCsv } from '../../../scripts/lib/csv.ts';

/** The reader's uploaded indicator reaches /compare and /explore in the same visit, marked as theirs. */
const FIXTURES = resolve('src/lib/data/user-data/fixtures');
const wards = parseCsv(readFileSync('data/wards.csv', 'utf8'), 'wards.csv');
const lifeExpectancy = parseCsv(readFileSync('data/life_expectancy.csv', 'utf8'), 'life_expectancy.csv').filter((r) => r.area_type === 'ward');
const foodBank = Papa.parse<Record<string, string>>(readFileSync(join(FIXTURES, 'real-shaped-food-bank.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;

// The fixture's ward names, matched by hand (independently of the site's matcher) to the official names.
const SPELLINGS: Record<string, string> = {
	'Hall Green N': 'Hall Green North',
	'Edgbaston North': 'North Edgbaston',
	'Sparkbrook & Balsall Heath E': 'Sparkbrook & Balsall Heath East',
	'Four Oaks': 'Sutton Four Oaks',
	'Stechford & Yardley West': 'Yardley West & Stechford'
};
const simple = (name: string) => name.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]/g, '');
const codeOf = (written: string) => {
	const name = SPELLINGS[written.trim()] ?? written;
	return wards.find((w) => simple(w.name) === simple(name))!.code;
};
const referrals = new Map(foodBank.map((r) => [codeOf(r.Ward), Number(r['Food bank referrals'].replace(/,/g, ''))]));
const lifeExpectancyOf = new Map(lifeExpectancy.filter((r) => r.le_persons !== '').map((r) => [r.area_code, Number(r.le_persons)]));

function pearson(xs: Map<string, number>, ys: Map<string, number>) {
	const codes = [...xs.keys()].filter((c) => ys.has(c));
	const a = codes.map((c) => xs.get(c)!);
	const b = codes.map((c) => ys.get(c)!);
	const mean = (v: number[]) => v.reduce((s, n) => s + n, 0) / v.length;
	const [ma, mb] = [mean(a), mean(b)];
	const sab = a.reduce((s, v, i) => s + (v - ma) * (b[i] - mb), 0);
	return { r: sab / Math.sqrt(a.reduce((s, v) => s + (v - ma) ** 2, 0) * b.reduce((s, v) => s + (v - mb) ** 2, 0)), n: codes.length };
}

let browser: Browser;
let page: Page;
const offSite: string[] = [];
const sent: string[] = [];
const ID = 'yours-food-bank-referrals';

beforeAll(async () => {
	browser = await launchChromium();
	page = await browser.newPage();
	page.on('request', (request) => {
		const url = request.url();
		if (!url.startsWith(siteUrl('')) && !url.startsWith('blob:') && !url.startsWith('data:')) offSite.push(url);
		if (request.method() !== 'GET') sent.push(`${request.method()} ${url}`);
	});
	await page.goto(siteUrl('/your-data/'));
	await page.setInputFiles('#your-file', join(FIXTURES, 'real-shaped-food-bank.csv'));
	await page.locator('#found-heading').waitFor({ timeout: 30_000 });
	await page.locator('[data-testid="column-settings"]').nth(1).locator('legend input[type="checkbox"]').uncheck();
	await page.selectOption('[data-testid="column-settings"] >> nth=0 >> select[id$="-polarity"]', 'higher_is_worse');
	await page.fill('#source-note', 'Test food network');
	await page.getByRole('button', { name: 'Add 1 indicator to the map' }).click();
	await page.locator('[data-testid="added"]').waitFor({ timeout: 60_000 });
}, 120_000);
afterAll(async () => browser?.close());

describe('your data beyond the map', () => {
	it('is a row of the side-by-side comparison, marked as your data, with each ward’s own value and no benchmark', async () => {
		await page.getByRole('navigation').getByRole('link', { name: 'Compare', exact: true }).click();
		await page.waitForURL(/\/compare\//);
		const row = page.locator(`[data-testid="comparison-table"] tr[data-indicator="${ID}"]`);
		await row.waitFor({ timeout: 30_000 });
		expect(await row.locator('th').textContent()).toMatch(/Your data.*real-shaped-food-bank\.csv, only in this browser/);
		const codes = await row.locator('td[data-code]').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-code')!));
		expect(codes.length).toBeGreaterThanOrEqual(2);
		for (const code of codes) {
			expect(await row.locator(`td[data-code="${code}"] .value`).textContent()).toBe(referrals.get(code)!.toLocaleString('en-GB'));
		}
		expect((await row.locator('td.no-benchmark').textContent())?.trim()).toMatch(/^–\s*no Birmingham or England figure/);
		expect(await page.locator('#family-user').textContent()).toBe('Your data');
		// Adding a ward brings its value too.
		const added = wards.find((w) => w.name === 'Ladywood')!;
		await page.fill('#ward-picker', 'Ladywood');
		await page.keyboard.press('Enter');
		await expect.poll(() => row.locator(`td[data-code="${added.code}"] .value`).textContent()).toBe(referrals.get(added.code)!.toLocaleString('en-GB'));
		expect(await axeViolations(page)).toEqual([]);
	});

	it('is an axis of the scatter plot, with r computed in DuckDB equal to r worked out here', async () => {
		await page.getByRole('navigation').getByRole('link', { name: 'Explore', exact: true }).click();
		await page.waitForURL(/\/explore\//);
		expect(await page.locator(`#x-picker optgroup[label^="Your data"] option[value="${ID}"]`).textContent()).toMatch(/\(your data\)$/);
		await page.selectOption('#x-picker', ID);
		const expected = pearson(referrals, lifeExpectancyOf);
		const caption = page.locator('[data-testid="correlation-caption"]');
		await expect.poll(() => caption.textContent(), { timeout: 60_000 }).toContain(`Pearson r = ${expected.r.toFixed(2)}`);
		expect(await caption.textContent()).toContain(`Across the ${expected.n} wards`);
		expect(await page.locator('[data-testid="scatter-plot"] .point').count()).toBe(expected.n);
		expect(await page.locator('[data-testid="fit-line"]').count()).toBe(1);
		expect(await page.locator('[data-testid="scatter-plot"] .axis-label').first().textContent()).toMatch(/\(your data\) →$/);
		expect(new URL(page.url()).searchParams.get('x')).toBe(ID);
		// Downloads work; embedding is refused, because the data is only in this browser.
		expect(await page.getByRole('button', { name: 'Embed the scatter plot in your page' }).count()).toBe(0);
		expect(await page.getByText('can be downloaded but not embedded').count()).toBe(1);
		const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /data behind the scatter plot/ }).click()]);
		const text = readFileSync((await file.path())!, 'utf8');
		expect(text).toContain('# Your data: Food bank referrals, column “Food bank referrals” of real-shaped-food-bank.csv (source as you gave it: Test food network); not checked by this site.');
		const rows = parseCsv(text.replace(/^\uFEFF/, '').split('\r\n').filter((l) => !l.startsWith('#')).join('\n'), file.suggestedFilename());
		for (const row of rows) expect(row[`x_${ID}`]).toBe(String(referrals.get(row.area_code)));
		expect(await axeViolations(page)).toEqual([]);
	});

	it('as the colour of the scatter too, and never leaves the browser', async () => {
		await page.selectOption('#x-picker', 'imd19_score');
		await page.selectOption('#colour-picker', ID);
		await expect.poll(() => page.locator('.legend figcaption').last().textContent()).toMatch(/Colour: Food bank referrals \(your data\)/);
		expect(offSite).toEqual([]);
		expect(sent).toEqual([]);
	});
});
