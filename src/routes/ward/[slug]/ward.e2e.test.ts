import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, siteUrl } from '$lib/testing/browser.ts';
import { parseCsv } from '../../../../scripts/lib/csv.ts';

const catalogue = JSON.parse(readFileSync('data/indicators.json', 'utf8')) as { indicators: { id: string; decimals: number; file: string; column: string }[] };
const decimalsOf = (id: string) => catalogue.indicators.find((i) => i.id === id)!.decimals;
const rowOf = (file: string, code: string) => parseCsv(readFileSync(`data/${file}`, 'utf8'), file).find((r) => r.area_code === code)!;

const HEARTLANDS = parseCsv(readFileSync('data/wards.csv', 'utf8'), 'wards.csv').find((w) => w.name === 'Heartlands')!.code;
const figure = (id: string, file: string, column: string) => {
	const value = Number(rowOf(file, HEARTLANDS)[column]);
	return value.toLocaleString('en-GB', { minimumFractionDigits: decimalsOf(id), maximumFractionDigits: decimalsOf(id) });
};

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe('ward profile', () => {
	for (const javaScriptEnabled of [true, false]) {
		it(`shows the ward's figures from data/ with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
			const context = await browser.newContext({ javaScriptEnabled });
			const page = await context.newPage();
			await page.goto(siteUrl('/ward/heartlands/'));
			expect(await page.locator('h1').textContent()).toBe('Heartlands');
			const cell = (id: string) => page.locator(`tr[data-indicator="${id}"] td.value`).first().textContent();
			expect(await cell('imd19_score')).toContain(figure('imd19_score', 'imd.csv', 'imd19_score'));
			expect(await cell('cp_ahc_pct_2025')).toContain(`${figure('cp_ahc_pct_2025', 'child_poverty.csv', 'cp_ahc_pct_2025')}%`);
			expect(await page.locator('.summary p').first().textContent()).toMatch(/Heartlands is the (\d+(st|nd|rd|th) )?(most|least) deprived of Birmingham's 69 wards/);
			await context.close();
		});
	}

	it('says whether a life-expectancy or Progress 8 figure differs significantly, only where intervals exist', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl('/ward/perry-barr/'));
		const p8 = await page.locator('tr[data-indicator="ks4_p8_2023"]').textContent();
		expect(p8).toMatch(/95% CI/);
		expect(p8).toMatch(/significantly (higher|lower) than|not significantly different/);
		const basics = await page.locator('tr[data-indicator="ks4_basics95_2023"]').textContent();
		expect(basics).not.toMatch(/significant/);
		await page.close();
	});

	it('still shows every figure when the DuckDB wasm is blocked, and says what waits for it', async () => {
		const page = await browser.newPage();
		await page.route('**/*.wasm', (route) => route.abort());
		await page.goto(siteUrl('/ward/heartlands/'));
		await expect.poll(() => page.locator('[data-testid="duckdb-status"]').getAttribute('data-phase'), { timeout: 20_000 }).toBe('failed');
		expect(await page.locator('[data-testid="duckdb-status"]').textContent()).toMatch(/could not start.*still shows/s);
		expect(await page.locator('tr[data-indicator="imd19_score"] td.value').textContent()).toContain(figure('imd19_score', 'imd.csv', 'imd19_score'));
		await page.close();
	});

	it('has no axe-core accessibility violations', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl('/ward/ladywood/'));
		await page.waitForLoadState('networkidle');
		expect(await axeViolations(page)).toEqual([]);
		await page.close();
	});
});

describe('without WebGL', () => {
	it('draws the SVG map with the same behaviour', async () => {
		const noGl = await launchChromium(['--disable-webgl', '--disable-3d-apis']);
		const page = await noGl.newPage();
		await page.goto(siteUrl('/'));
		await page.waitForLoadState('networkidle');
		expect(await page.locator('.ward-map').getAttribute('data-map-renderer')).toBe('svg');
		expect(await page.locator('[data-testid="maplibre-map"]').count()).toBe(0);
		expect(await page.locator('.ward-map .notice').textContent()).toMatch(/no WebGL, so the map is drawn as a simpler picture/);
		// Every figure is still there: the table, and the map's colours follow the indicator.
		expect(await page.locator(`[data-testid="ward-table"] tr[data-code="${HEARTLANDS}"] td`).first().textContent()).toBe(figure('imd19_score', 'imd.csv', 'imd19_score'));
		const fill = () => page.locator(`[data-testid="svg-map"] a[data-code="${HEARTLANDS}"] path`).getAttribute('fill');
		const imdFill = await fill();
		await page.selectOption('#indicator-picker', 'le_persons');
		await expect.poll(fill).not.toBe(imdFill);
		await page.selectOption('#indicator-picker', 'imd19_score');
		await expect.poll(fill).toBe(imdFill);
		const ward = page.locator(`[data-testid="svg-map"] a[data-code="${HEARTLANDS}"]`);
		await ward.focus();
		expect(await page.locator('.readout').textContent()).toMatch(/^Heartlands: .*of 69/);
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/ward\/heartlands\//);
		await noGl.close();
	});
});
