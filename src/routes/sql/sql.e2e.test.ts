import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, siteUrl } from '$lib/testing/browser.ts';
import { parseCsv } from '../../../scripts/lib/csv.ts';

const wards = parseCsv(readFileSync('data/wards.csv', 'utf8'), 'wards.csv');
const childPoverty = parseCsv(readFileSync('data/child_poverty.csv', 'utf8'), 'child_poverty.csv').filter((r) => r.area_type === 'ward');

let browser: Browser;
let page: Page;
const requests: string[] = [];
beforeAll(async () => {
	browser = await launchChromium();
	page = await browser.newPage();
	page.on('request', (request) => requests.push(request.url()));
	await page.goto(siteUrl('/sql/'));
	await page.locator('[data-testid="duckdb-status"][data-phase="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
});
afterAll(async () => browser?.close());

async function run(sql: string) {
	await page.fill('#sql-editor', sql);
	await page.getByRole('button', { name: 'Run query' }).click();
	await expect.poll(() => page.locator('[data-testid="sql-error"], [data-testid="sql-summary"]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
	await expect.poll(() => page.getByRole('button', { name: /Run query|Running/ }).textContent(), { timeout: 30_000 }).toBe('Run query');
	const error = page.locator('[data-testid="sql-error"]');
	return (await error.count()) ? { error: (await error.textContent())! } : { error: null };
}
const cells = (row: number) => page.locator(`[data-testid="sql-result"] tbody tr`).nth(row).locator('td').allTextContents();

describe('SQL console', () => {
	it('lists the schema in the prerendered page', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const staticPage = await context.newPage();
		await staticPage.goto(siteUrl('/sql/'));
		const schema = await staticPage.locator('[data-testid="schema"]').textContent();
		for (const table of ['wards', 'ward_values', 'child_poverty', 'benchmarks']) expect(schema).toContain(table);
		await context.close();
	});

	it('runs a query and shows the result, with the URL holding the query', async () => {
		const result = await run("SELECT w.name, v.value FROM ward_values v JOIN wards w ON w.code = v.ward_code WHERE v.indicator_id = 'cp_ahc_pct_2025' ORDER BY v.value DESC LIMIT 3");
		expect(result.error).toBeNull();
		const top = [...childPoverty].sort((a, b) => Number(b.cp_ahc_pct_2025) - Number(a.cp_ahc_pct_2025))[0];
		const [name, value] = await cells(0);
		expect(name).toBe(wards.find((w) => w.code === top.area_code)!.name);
		expect(Number(value)).toBeCloseTo(Number(top.cp_ahc_pct_2025), 6);
		expect(await page.locator('[data-testid="sql-summary"]').textContent()).toMatch(/^3 rows in \d+ ms/);
		expect(decodeURIComponent(page.url().replace(/\+/g, ' '))).toContain("indicator_id = 'cp_ahc_pct_2025'");
	});

	it('caps long results at 1,000 rows and says so', async () => {
		expect((await run('SELECT * FROM ward_values')).error).toBeNull();
		expect(await page.locator('[data-testid="sql-result"] tbody tr').count()).toBe(1000);
		expect(await page.locator('[data-testid="sql-summary"]').textContent()).toMatch(/more than 1,000, so it was cut off/);
	});

	it('refuses write statements, and the tables are unchanged', async () => {
		for (const sql of ['DROP TABLE wards', "UPDATE wards SET name = 'x'", 'CREATE TABLE t AS SELECT 1', 'SELECT 1; DELETE FROM wards']) {
			const { error } = await run(sql);
			expect(error, sql).toMatch(/read-only|one statement/);
		}
		expect((await run('SELECT count(*) AS wards FROM wards')).error).toBeNull();
		expect(await cells(0)).toEqual([String(wards.length)]);
	});

	it('refuses network and file reads, without making any request', async () => {
		const target = siteUrl('/data/wards.csv');
		requests.length = 0;
		for (const sql of [`SELECT * FROM read_csv('${target}')`, `SELECT * FROM '${target}'`, `SELECT * FROM "${target}"`, "SELECT * FROM read_csv('https://example.com/x.csv')"]) {
			const { error } = await run(sql);
			expect(error, sql).toMatch(/cannot read files or web addresses|reads files|disabled by configuration|Permission/);
		}
		expect(requests.filter((url) => url.includes('/data/wards.csv') || url.includes('example.com'))).toEqual([]);
		// Behind the console's own checks, the engine itself has file and network access switched off, for good.
		expect((await run("SELECT value FROM duckdb_settings() WHERE name = 'enable_external_access'")).error).toBeNull();
		expect(await cells(0)).toEqual(['false']);
	});

	it('gives readable errors and stops a query at the time limit', async () => {
		expect((await run('SELECT nosuch FROM wards')).error).toMatch(/Binder error: Referenced column "nosuch" not found/);
		expect((await run('SELECT * FROM nowhere')).error).toMatch(/Table with name nowhere does not exist/);
		const started = Date.now();
		expect((await run('SELECT count(*) FROM range(1000000000000) a')).error).toMatch(/stopped after 10 seconds/);
		expect(Date.now() - started).toBeLessThan(20_000);
		expect((await run('SELECT 1 AS still_working')).error).toBeNull();
	}, 60_000);

	it('downloads the result as CSV with sources and formula cells neutralised', async () => {
		expect((await run("SELECT '=1+1' AS formula, -5 AS negative, name FROM wards ORDER BY name LIMIT 1")).error).toBeNull();
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download result (CSV)' }).click()]);
		const text = readFileSync((await download.path())!, 'utf8');
		expect(text).toMatch(/^\uFEFF# Query: SELECT/);
		expect(text).toContain('Office for National Statistics');
		expect(text).toContain(`'=1+1,-5,${[...wards].sort((a, b) => a.name.localeCompare(b.name))[0].name}`);
	});

	it('has no axe-core accessibility violations', async () => {
		expect(await axeViolations(page)).toEqual([]);
	});
});
