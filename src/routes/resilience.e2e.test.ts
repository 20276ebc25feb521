/**
 * When part of the site fails to arrive: the DuckDB wasm, the values file, the geometry or the indicator
 * catalogue. Each time the reader gets a clear message and every figure that can still be shown.
 * (WebGL missing is covered in ward/[slug]/ward.e2e.test.ts; there is no service worker, see README.)
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { launchChromium, siteUrl } from '$lib/testing/browser.ts';
import { parseCsv } from '../../scripts/lib/csv.ts';

const wards = parseCsv(readFileSync('data/wards.csv', 'utf8'), 'wards.csv');
const catalogue = JSON.parse(readFileSync('data/indicators.json', 'utf8')) as { indicators: { id: string; decimals: number }[] };
const decimalsOf = (id: string) => catalogue.indicators.find((i) => i.id === id)!.decimals;
const LADYWOOD = wards.find((w) => w.name === 'Ladywood')!.code;
const imdText = () => {
	const row = parseCsv(readFileSync('data/imd.csv', 'utf8'), 'imd.csv').find((r) => r.area_code === LADYWOOD)!;
	return Number(row.imd19_score).toFixed(decimalsOf('imd19_score'));
};
const childPovertyText = () => {
	const row = parseCsv(readFileSync('data/child_poverty.csv', 'utf8'), 'child_poverty.csv').find((r) => r.area_code === LADYWOOD)!;
	return `${Number(row.cp_ahc_pct_2025).toFixed(decimalsOf('cp_ahc_pct_2025'))}%`;
};

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => browser?.close());

const notFound = (route: Route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' });
const corrupt = (route: Route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"matrix": {"indicators": [1, 2' });
const cell = (page: Page, code: string) => page.locator(`[data-testid="ward-table"] tr[data-code="${code}"] td`).first();
const duckdbPhase = (page: Page) => page.locator('[data-testid="duckdb-status"]').getAttribute('data-phase');

describe('DuckDB wasm fails to load', () => {
	it('home: says so, and the map, table and indicator switching still work from the prerendered figures', async () => {
		const page = await browser.newPage();
		await page.route('**/*.wasm', notFound);
		await page.goto(siteUrl('/'));
		await expect.poll(() => duckdbPhase(page), { timeout: 30_000 }).toBe('failed');
		expect(await page.locator('[data-testid="duckdb-status"]').textContent()).toMatch(/could not start \(the database engine could not be downloaded \(server answered 404\)\)\. Every figure on this page still shows/);
		expect(await cell(page, LADYWOOD).textContent()).toBe(imdText());
		await page.locator('[data-map-renderer="maplibre"]').waitFor({ timeout: 30_000 });
		await page.selectOption('#indicator-picker', 'cp_ahc_pct_2025');
		await expect.poll(() => cell(page, LADYWOOD).textContent()).toBe(childPovertyText());
		await page.close();
	});
});

describe('the values file (api/values.json) fails', () => {
	for (const [what, handler] of [
		['returns 404', notFound],
		['is corrupt', corrupt]
	] as const) {
		it(`home, ${what}: switching says why, the figures shown stay, and DuckDB takes over once it is ready`, async () => {
			const page = await browser.newPage();
			let releaseWasm = () => {};
			const wasmHeld = new Promise<void>((resolve) => (releaseWasm = resolve));
			await page.route('**/*.wasm', async (route) => {
				await wasmHeld;
				await route.continue();
			});
			await page.route('**/api/values.json', handler);
			await page.goto(siteUrl('/'));
			await page.waitForLoadState('load');
			await page.selectOption('#indicator-picker', 'cp_ahc_pct_2025');
			const alert = page.locator('[role="alert"]');
			await expect.poll(() => alert.textContent()).toMatch(
				what === 'returns 404' ? /Could not switch indicator: Could not load the ward figures \(server answered 404\)\. The map still shows/ : /api\/values\.json\) is damaged/
			);
			expect(await cell(page, LADYWOOD).textContent()).toBe(imdText());
			expect(await page.locator('#indicator-picker').inputValue()).toBe('imd19_score');
			releaseWasm();
			await expect.poll(() => duckdbPhase(page), { timeout: 60_000 }).toBe('ready');
			await page.selectOption('#indicator-picker', 'cp_ahc_pct_2025');
			await expect.poll(() => cell(page, LADYWOOD).textContent()).toBe(childPovertyText());
			expect(await alert.count()).toBe(0);
			await page.close();
		});
	}

	it('ward page, 404: every figure is in the tables and the missing charts are explained', async () => {
		const page = await browser.newPage();
		await page.route('**/api/values.json', notFound);
		await page.goto(siteUrl('/ward/ladywood/'));
		await expect.poll(() => page.locator('p[role="status"]').allTextContents()).toContainEqual(expect.stringMatching(/charts of all wards could not load .*Every figure is in the tables/));
		expect(await page.locator('tr[data-indicator="imd19_score"] td.value').textContent()).toContain(imdText());
		expect(await page.locator('tr[data-indicator="cp_ahc_pct_2025"] td.value').textContent()).toContain(childPovertyText());
		await page.close();
	});
});

describe('the ward geometry (data/wards.geojson) fails', () => {
	for (const [what, handler] of [
		['returns 404', notFound],
		['is corrupt', corrupt]
	] as const) {
		it(`${what}: the prerendered map stays, with a notice, and every ward figure shows`, async () => {
			const page = await browser.newPage();
			await page.route('**/data/wards.geojson', handler);
			await page.goto(siteUrl('/'));
			const notice = page.locator('.ward-map .notice');
			await expect.poll(() => notice.textContent(), { timeout: 30_000 }).toMatch(
				what === 'returns 404' ? /interactive map could not load \(Could not download wards\.geojson: the server answered 404\.\); showing a simpler map/ : /wards\.geojson is damaged/
			);
			expect(await page.locator('.ward-map').getAttribute('data-map-renderer')).toBe('svg');
			expect(await page.locator('[data-testid="svg-map"] a').count()).toBe(wards.length);
			expect(await page.locator('[data-testid="ward-table"] tbody tr').count()).toBe(wards.length);
			expect(await cell(page, LADYWOOD).textContent()).toBe(imdText());
			await page.selectOption('#indicator-picker', 'cp_ahc_pct_2025');
			await expect.poll(() => cell(page, LADYWOOD).textContent()).toBe(childPovertyText());
			await page.close();
		});
	}
});

describe('the indicator catalogue (data/indicators.json) fails', () => {
	it('indicators still switch; DuckDB says it could not start and names the file', async () => {
		const page = await browser.newPage();
		await page.route('**/data/indicators.json', notFound);
		await page.goto(siteUrl('/'));
		await expect.poll(() => duckdbPhase(page), { timeout: 60_000 }).toBe('failed');
		expect(await page.locator('[data-testid="duckdb-status"]').textContent()).toContain('Could not download indicators.json: the server answered 404.');
		await page.selectOption('#indicator-picker', 'cp_ahc_pct_2025');
		await expect.poll(() => cell(page, LADYWOOD).textContent()).toBe(childPovertyText());
		expect(await page.locator('#map-heading').textContent()).toMatch(/low income/i);
		await page.close();
	});
});
