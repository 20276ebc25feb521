import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, siteUrl } from '$lib/testing/browser.ts';
import { parseCsv } from '../../scripts/lib/csv.ts';

const wards = parseCsv(readFileSync('data/wards.csv', 'utf8'), 'wards.csv');
const imd = parseCsv(readFileSync('data/imd.csv', 'utf8'), 'imd.csv');
const imdOf = (code: string) => Number(imd.find((r) => r.area_code === code)!.imd19_score);
const imdDecimals = (JSON.parse(readFileSync('data/indicators.json', 'utf8')).indicators as { id: string; decimals: number }[]).find((i) => i.id === 'imd19_score')!.decimals;

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe('home page', () => {
	it('lists all 69 wards with their IMD figure, with JavaScript off', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(siteUrl('/'));
		const rows = page.locator('[data-testid="ward-table"] tbody tr');
		await expect.poll(() => rows.count()).toBe(69);
		const ladywood = wards.find((w) => w.name === 'Ladywood')!;
		const row = page.locator(`[data-testid="ward-table"] tr[data-code="${ladywood.code}"]`);
		expect(await row.locator('td').first().textContent()).toBe(imdOf(ladywood.code).toFixed(imdDecimals));
		// The prerendered SVG map is there without any script.
		expect(await page.locator('[data-testid="svg-map"] a').count()).toBe(69);
		await context.close();
	});

	it('draws the ward map with MapLibre on a non-blank canvas', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl('/'));
		await page.locator('[data-map-renderer="maplibre"]').waitFor({ timeout: 30_000 });
		const canvas = page.locator('[data-testid="maplibre-map"] canvas');
		const stats = await canvas.evaluate((c: HTMLCanvasElement) => {
			const copy = document.createElement('canvas');
			copy.width = c.width;
			copy.height = c.height;
			const ctx = copy.getContext('2d')!;
			ctx.drawImage(c, 0, 0);
			const pixels = ctx.getImageData(0, 0, c.width, c.height).data;
			const colours = new Set<string>();
			for (let i = 0; i < pixels.length; i += 4 * 97) colours.add(`${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`);
			return { width: c.width, colours: colours.size };
		});
		expect(stats.width).toBeGreaterThan(200);
		expect(stats.colours).toBeGreaterThan(5);
		await page.close();
	});

	it('changes colours, legend and URL when the indicator changes', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl('/'));
		const legendBefore = await page.locator('.legend').textContent();
		const fillBefore = await page.locator('[data-testid="svg-map"] a[data-code="E05011118"] path, .layer').first().count();
		expect(fillBefore).toBeGreaterThan(0);
		await page.selectOption('#indicator-picker', 'cp_ahc_pct_2025');
		await expect.poll(() => page.url()).toContain('indicator=cp_ahc_pct_2025');
		await expect.poll(() => page.locator('.legend').textContent()).not.toBe(legendBefore);
		expect(await page.locator('#map-heading').textContent()).toMatch(/low income/i);
		await page.close();
	});

	it('restores the indicator and selected ward from a shared link, and explains a bad one', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl('/?indicator=le_persons&ward=E05011125'));
		await expect.poll(() => page.locator('#indicator-picker').inputValue()).toBe('le_persons');
		await expect.poll(() => page.locator('tr.selected').getAttribute('data-code')).toBe('E05011125');
		await page.goto(siteUrl('/?indicator=<script>alert(1)</script>&ward=E0000'));
		const alerts = page.locator('[role="alert"]');
		await expect.poll(() => alerts.count()).toBe(2);
		expect(await alerts.first().textContent()).toContain('<script>alert(1)</script>');
		await page.close();
	});

	it('lets a keyboard user reach a ward and open it', async () => {
		const page = await browser.newPage({ javaScriptEnabled: true });
		await page.goto(siteUrl('/'));
		await page.waitForLoadState('networkidle');
		const firstWardLink = page.locator('[data-testid="ward-table"] tbody tr:first-child th a');
		// Tab until focus lands in the ward table.
		for (let i = 0; i < 200; i++) {
			await page.keyboard.press('Tab');
			if (await firstWardLink.evaluate((el) => el === document.activeElement)) break;
		}
		expect(await firstWardLink.evaluate((el) => el === document.activeElement)).toBe(true);
		const name = (await firstWardLink.textContent())!;
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/ward\//);
		expect(await page.locator('h1').textContent()).toBe(name);
		await page.close();
	});

	it('starts DuckDB after the first paint, and its answers match the published figures', async () => {
		const page = await browser.newPage();
		const wasmRequests: string[] = [];
		page.on('request', (request) => {
			if (request.url().endsWith('.wasm')) wasmRequests.push(request.url());
		});
		await page.goto(siteUrl('/'));
		const status = page.locator('[data-testid="duckdb-status"]');
		await expect.poll(() => status.getAttribute('data-phase'), { timeout: 60_000 }).toBe('ready');
		expect(wasmRequests).toHaveLength(1);
		await page.selectOption('#indicator-picker', 'cp_ahc_pct_2025');
		const childPoverty = parseCsv(readFileSync('data/child_poverty.csv', 'utf8'), 'child_poverty.csv');
		const heartlands = wards.find((w) => w.name === 'Heartlands')!.code;
		const expected = `${Number(childPoverty.find((r) => r.area_code === heartlands)!.cp_ahc_pct_2025).toFixed(1)}%`;
		await expect.poll(() => page.locator(`[data-testid="ward-table"] tr[data-code="${heartlands}"] td`).first().textContent()).toBe(expected);
		await page.close();
	});

	it('has no axe-core accessibility violations', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl('/'));
		await page.waitForLoadState('networkidle');
		expect(await axeViolations(page)).toEqual([]);
		await page.close();
	});
});
