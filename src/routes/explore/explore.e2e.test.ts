import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, siteUrl } from '$lib/testing/browser.ts';
import { parseCsv } from '../../../scripts/lib/csv.ts';

const catalogue = JSON.parse(readFileSync('data/indicators.json', 'utf8')) as { indicators: { id: string; file: string; column: string }[] };
const valuesOf = (id: string) => {
	const meta = catalogue.indicators.find((i) => i.id === id)!;
	const rows = parseCsv(readFileSync(`data/${meta.file}`, 'utf8'), meta.file).filter((r) => r.area_type === 'ward' && r[meta.column] !== '');
	return new Map(rows.map((r) => [r.area_code, Number(r[meta.column])]));
};
/** Pearson's r between two indicators over the wards with both, from the published CSVs. */
const pearson = (xId: string, yId: string) => {
	const x = valuesOf(xId);
	const y = valuesOf(yId);
	const codes = [...x.keys()].filter((c) => y.has(c));
	const mean = (v: number[]) => v.reduce((s, n) => s + n, 0) / v.length;
	const xs = codes.map((c) => x.get(c)!);
	const ys = codes.map((c) => y.get(c)!);
	const [mx, my] = [mean(xs), mean(ys)];
	const sxy = xs.reduce((s, v, i) => s + (v - mx) * (ys[i] - my), 0);
	const sxx = xs.reduce((s, v) => s + (v - mx) ** 2, 0);
	const syy = ys.reduce((s, v) => s + (v - my) ** 2, 0);
	return { r: sxy / Math.sqrt(sxx * syy), n: codes.length };
};

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe('explore relationships', () => {
	it('prerenders the default scatter with its correlation', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(siteUrl('/explore/'));
		const expected = pearson('imd19_score', 'le_persons');
		expect(await page.locator('[data-testid="scatter-plot"] .point').count()).toBe(expected.n);
		expect(await page.locator('[data-testid="correlation-caption"]').textContent()).toContain(`Pearson r = ${expected.r.toFixed(2)}`);
		expect(await page.locator('[data-testid="correlation-caption"]').textContent()).toMatch(/Correlation is not cause/);
		await context.close();
	});

	it('changes axes, recomputes the correlation in DuckDB and keeps the choice in the URL', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl('/explore/?wards=heartlands'));
		await page.selectOption('#x-picker', 'cp_ahc_pct_2025');
		await page.selectOption('#y-picker', 'ks4_att8_2023');
		const expected = pearson('cp_ahc_pct_2025', 'ks4_att8_2023');
		const caption = page.locator('[data-testid="correlation-caption"]');
		await expect.poll(() => caption.textContent(), { timeout: 60_000 }).toContain(`Pearson r = ${expected.r.toFixed(2)}`);
		expect(await caption.textContent()).toContain(`Across the ${expected.n} wards`);
		expect(await page.locator('[data-testid="scatter-plot"] .point').count()).toBe(expected.n);
		expect(await page.locator('[data-testid="fit-line"]').count()).toBe(1);
		const params = new URL(page.url()).searchParams;
		expect([params.get('x'), params.get('y'), params.get('wards')]).toEqual(['cp_ahc_pct_2025', 'ks4_att8_2023', 'E05011145']);
		// The highlighted ward is labelled on the chart, and its point reads out on focus.
		const point = page.locator('[data-testid="scatter-plot"] .point.chosen');
		expect(await point.textContent()).toContain('A Heartlands');
		await point.focus();
		expect(await page.locator('.hover-label').textContent()).toMatch(/^Heartlands: Child poverty/);
		// Swapping puts them back the other way round.
		await page.getByRole('button', { name: /Swap axes/ }).click();
		await expect.poll(() => new URL(page.url()).searchParams.get('x')).toBe('ks4_att8_2023');
		await page.close();
	});

	it('explains a bad link and lists similar wards with their distance', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl('/explore/?x=nonsense&similar=ladywood'));
		await expect.poll(() => page.locator('.problem').first().textContent()).toContain('“nonsense”');
		const items = page.locator('[data-testid="similar-wards"] li');
		await expect.poll(() => items.count()).toBe(5);
		expect(await items.first().textContent()).toMatch(/distance \d\.\d\d.*standard deviations/s);
		await page.close();
	});

	it('has no axe-core accessibility violations', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl('/explore/?wards=ladywood,heartlands&colour=cp_ahc_pct_2025'));
		await page.waitForLoadState('networkidle');
		expect(await axeViolations(page)).toEqual([]);
		await page.close();
	});
});
