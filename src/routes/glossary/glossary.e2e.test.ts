import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, siteUrl } from '$lib/testing/browser.ts';
import { parseCsv } from '../../../scripts/lib/csv.ts';

const imd = parseCsv(readFileSync('data/imd.csv', 'utf8'), 'imd.csv').filter((r) => r.area_type === 'ward');
const wards = new Map(parseCsv(readFileSync('data/wards.csv', 'utf8'), 'wards.csv').map((w) => [w.code, w]));
const mostDeprived = wards.get([...imd].sort((a, b) => Number(b.imd19_score) - Number(a.imd19_score))[0].area_code)!;

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe('plain English on ward pages', () => {
	it('opens the most deprived ward with five short points, linked to the glossary', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl(`/ward/${mostDeprived.slug}/`));
		const points = await page.locator('.summary > p').allTextContents();
		expect(points).toHaveLength(5);
		expect(points[0]).toBe(`${mostDeprived.name} is the most deprived of Birmingham's 69 wards (IMD 2019). It is much more deprived than England as a whole.`);
		const terms = await page.locator('.summary a.term').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).hash));
		expect(terms).toEqual(expect.arrayContaining(['#imd', '#after-housing-costs', '#attainment-8']));
		await page.locator('.summary a.term[href$="#imd"]').click();
		await page.waitForURL('**/glossary/#imd');
		expect(await page.locator('#imd h2').textContent()).toBe('Index of Multiple Deprivation (IMD)');
		await page.close();
	});

	it('explains each word the issue asks for, and links terms in method notes', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl('/glossary/'));
		for (const id of ['imd', 'lsoa', 'after-housing-costs', 'attainment-8', 'index-of-dissimilarity']) {
			expect(await page.locator(`section#${id} p`).count(), id).toBeGreaterThan(0);
		}
		expect(await axeViolations(page)).toEqual([]);
		await page.goto(siteUrl('/ward/ladywood/'));
		expect(await page.locator('.method-note a.term[href$="#index-of-dissimilarity"]').count()).toBeGreaterThan(0);
		expect(await page.locator('.method-note a.term[href$="#lsoa"]').count()).toBeGreaterThan(0);
		await page.close();
	});

	for (const path of ['/find/', `/ward/${mostDeprived.slug}/`, '/glossary/']) {
		it(`fits ${path} in 320 px with text at 200%`, async () => {
			const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
			const page = await context.newPage();
			await page.goto(siteUrl(path));
			// Through the CSSOM: the page's Content-Security-Policy rightly refuses an injected <style>.
			await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%', 'important'));
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
			await context.close();
		});
	}
});
