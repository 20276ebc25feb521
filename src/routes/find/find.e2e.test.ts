import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { axeViolations, launchChromium, siteUrl } from '$lib/testing/browser.ts';
import { parseCsv } from '../../../scripts/lib/csv.ts';

interface Shard {
	wards: Record<string, string>;
	outside: Record<string, string>;
	no_location: string[];
}
const shard = (outward: string) => JSON.parse(readFileSync(`data/postcodes/${outward}.json`, 'utf8')) as Shard;
const index = JSON.parse(readFileSync('data/postcodes/index.json', 'utf8')) as { outward: Record<string, { total: number; wards: Record<string, number> }> };
const wards = parseCsv(readFileSync('data/wards.csv', 'utf8'), 'wards.csv');
const wardByCode = new Map(wards.map((w) => [w.code, w]));

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => browser?.close());

/** A page that records every request, so tests can check what was (and was not) downloaded. */
async function openPage(path: string, options: BrowserContextOptions = {}): Promise<{ page: Page; requests: string[]; close: () => Promise<void> }> {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	const requests: string[] = [];
	page.on('request', (r) => requests.push(r.url()));
	await page.goto(siteUrl(path));
	await page.waitForLoadState('networkidle');
	return { page, requests, close: () => context.close() };
}

const header = '#header-search';
const result = (page: Page) => page.locator('[data-testid="search-result"]').first();

describe('finding a ward by postcode', () => {
	it('takes a postcode typed in lower case with no space straight to its ward, fetching only its shard', async () => {
		const [postcode, code] = Object.entries(shard('B15').wards).find(([p]) => p.startsWith('B15 2'))!;
		const ward = wardByCode.get(code)!;
		const { page, requests, close } = await openPage('/data/');
		await page.fill(header, postcode.replace(' ', '').toLowerCase());
		await page.press(header, 'Enter');
		await page.waitForURL(`**/ward/${ward.slug}/?postcode=*`);
		expect(await page.locator('h1').textContent()).toBe(ward.name);
		await expect.poll(() => page.locator('[data-testid="ward-arrival"]').textContent()).toContain(`${postcode} is in ${ward.name} ward`);
		expect(await page.locator('[data-testid="ward-arrival"]').textContent()).toMatch(/near a boundary may be placed in the ward next door/);
		const postcodeFiles = [...new Set(requests.filter((u) => u.includes('/data/postcodes/')).map((u) => new URL(u).pathname.split('/').pop()))];
		expect(postcodeFiles).toEqual(['B15.json']);
		expect(requests.every((u) => new URL(u).origin === new URL(siteUrl('/')).origin)).toBe(true);
		await close();
	});

	it('explains a malformed postcode and stays on the page', async () => {
		const { page, close } = await openPage('/methods/');
		await page.fill(header, 'B15 2T');
		await page.press(header, 'Enter');
		await expect.poll(() => result(page).textContent()).toMatch(/“B15 2T” is not a postcode\. The last part of a postcode is a number then two letters/);
		expect(new URL(page.url()).pathname).toBe('/methods/');
		await page.fill(header, '<b>B15</b>');
		await page.press(header, 'Enter');
		await expect.poll(() => result(page).textContent()).toMatch(/characters a postcode never has/);
		// Shown as text, never as markup.
		expect(await result(page).locator('b').count()).toBe(0);
		await close();
	});

	it('names the district of a postcode outside Birmingham, and says when a postcode is unknown or not in the B area', async () => {
		const [solihull] = Object.entries(shard('B91').outside).find(([, district]) => district === 'Solihull')!;
		const { page, close } = await openPage('/find/');
		const box = '#find-search';
		await page.fill(box, solihull);
		await page.press(box, 'Enter');
		await expect.poll(() => result(page).textContent()).toContain(`${solihull} is in Solihull, not Birmingham`);
		const unknown = ['B15 9ZZ', 'B15 9ZY'].find((p) => !(p in shard('B15').wards) && !(p in shard('B15').outside))!;
		await page.fill(box, unknown);
		await page.press(box, 'Enter');
		await expect.poll(() => result(page).textContent()).toContain(`We can’t find ${unknown}`);
		await page.fill(box, 'sw1a 1aa');
		await page.press(box, 'Enter');
		await expect.poll(() => result(page).textContent()).toContain('SW1A 1AA is not a Birmingham postcode');
		const noLocation = shard('B13').no_location[0];
		if (noLocation) {
			await page.fill(box, noLocation);
			await page.press(box, 'Enter');
			await expect.poll(() => result(page).textContent()).toContain(`${noLocation} is a real postcode, but the official list gives it no location`);
		}
		await close();
	});

	it('lists the wards of a partial postcode with the published counts, and keeps it in the URL', async () => {
		const { page, close } = await openPage('/find/');
		await page.fill('#find-search', 'b15');
		await page.press('#find-search', 'Enter');
		const expected = Object.entries(index.outward.B15.wards).sort((a, b) => b[1] - a[1]);
		await expect.poll(() => page.locator('.area-wards li').count()).toBe(expected.length);
		const items = await page.locator('.area-wards li').allTextContents();
		expected.forEach(([code, count], i) => {
			expect(items[i]).toContain(wardByCode.get(code)!.name);
			expect(items[i]).toContain(`${count.toLocaleString('en-GB')} of ${index.outward.B15.total.toLocaleString('en-GB')} postcodes`);
		});
		expect(new URL(page.url()).searchParams.get('q')).toBe('b15');
		await close();

		// The shared link shows the same list.
		const shared = await openPage('/find/?q=B15');
		await expect.poll(() => shared.page.locator('.area-wards li').count()).toBe(expected.length);
		await shared.close();
	});
});

describe('finding a ward by name', () => {
	it('reaches the ward from a misspelt name with Enter', async () => {
		const { page, close } = await openPage('/');
		await page.fill(header, 'Edgbastn');
		expect(await page.getAttribute(header, 'aria-expanded')).toBe('true');
		expect(await page.locator('#header-search-list [role="option"]').first().textContent()).toContain('Edgbaston');
		await page.press(header, 'Enter');
		await page.waitForURL('**/ward/edgbaston/');
		expect(await page.locator('h1').textContent()).toBe('Edgbaston');
		await close();
	});

	it('follows the ARIA combobox pattern: arrows move the active option, Enter opens it, Escape closes then clears', async () => {
		const { page, close } = await openPage('/glossary/');
		await page.fill(header, 'kings norton');
		const options = page.locator('#header-search-list [role="option"]');
		expect(await options.allTextContents()).toEqual(["King's Norton North", "King's Norton South"].map((n) => expect.stringContaining(n)));
		expect(await page.getAttribute(header, 'aria-activedescendant')).toBeNull();
		await page.press(header, 'ArrowDown');
		await page.press(header, 'ArrowDown');
		const active = await page.getAttribute(header, 'aria-activedescendant');
		expect(await page.locator(`#${active}`).getAttribute('aria-selected')).toBe('true');
		expect(await page.locator(`#${active}`).textContent()).toContain("King's Norton South");
		await page.press(header, 'Escape');
		expect(await page.getAttribute(header, 'aria-expanded')).toBe('false');
		await page.press(header, 'Escape');
		expect(await page.inputValue(header)).toBe('');
		await page.fill(header, 'kings norton');
		await page.press(header, 'ArrowUp');
		await page.press(header, 'Enter');
		await page.waitForURL('**/ward/kings-norton-south/');
		await close();
	});

	it('asks the reader to choose when several wards match, and says so when none does', async () => {
		const { page, close } = await openPage('/find/');
		await page.fill('#find-search', 'sutton');
		await page.press('#find-search', 'Enter');
		await expect.poll(() => result(page).textContent()).toMatch(/8 wards match “sutton”\. Choose one from the list/);
		expect(new URL(page.url()).pathname).toBe('/find/');
		await page.fill('#find-search', 'qwxz');
		await page.press('#find-search', 'Enter');
		await expect.poll(() => result(page).textContent()).toMatch(/No ward name is like “qwxz”/);
		await close();
	});

	it('lists all 69 wards on /find/ without JavaScript, and the header form still goes there', async () => {
		const { page, close } = await openPage('/ward/heartlands/', { javaScriptEnabled: false });
		expect(await page.getAttribute('form[role="search"]', 'action')).toMatch(/find\/$/);
		await page.fill(header, 'B15');
		await page.press(header, 'Enter');
		await page.waitForURL('**/find/?q=B15');
		expect(await page.locator('#all-wards ~ ul li a').count()).toBe(69);
		await close();
	});
});

describe('use my location', () => {
	it('goes to the ward holding a location inside Birmingham, without sending it anywhere', async () => {
		const ward = wards.find((w) => w.name === 'Ladywood')!;
		const { page, requests, close } = await openPage('/find/', {
			permissions: ['geolocation'],
			geolocation: { latitude: Number(ward.label_lat), longitude: Number(ward.label_lon), accuracy: 30 }
		});
		await page.click('button:has-text("Use my location")');
		await page.waitForURL(`**/ward/${ward.slug}/?located=yes`);
		await expect.poll(() => page.locator('[data-testid="ward-arrival"]').textContent()).toContain(`Your location is in ${ward.name} ward`);
		const coordinates = [ward.label_lat, ward.label_lon].map((c) => String(Number(c)));
		expect(requests.some((u) => coordinates.some((c) => u.includes(c)))).toBe(false);
		expect(requests.every((u) => new URL(u).origin === new URL(siteUrl('/')).origin)).toBe(true);
		await close();
	});

	it('says politely when the location is outside Birmingham', async () => {
		const { page, close } = await openPage('/find/', { permissions: ['geolocation'], geolocation: { latitude: 52.4128, longitude: -1.7781 } });
		await page.click('button:has-text("Use my location")');
		await expect.poll(() => page.locator('[data-testid="locate-result"]').textContent()).toMatch(/seems to be outside Birmingham/);
		expect(new URL(page.url()).pathname).toBe('/find/');
		await close();
	});

	it('explains what to do when the reader does not allow their location', async () => {
		const { page, close } = await openPage('/find/', { permissions: [] });
		await page.click('button:has-text("Use my location")');
		await expect.poll(() => page.locator('[data-testid="locate-result"]').textContent(), { timeout: 15_000 }).toMatch(/did not allow|could not find/);
		await close();
	});
});

describe('accessibility', () => {
	it('has no axe-core violations on /find/ with results and on a page with the ward list open', async () => {
		const { page, close } = await openPage('/find/?q=B37');
		await expect.poll(() => result(page).textContent()).toMatch(/B37/);
		expect(await axeViolations(page)).toEqual([]);
		await page.goto(siteUrl('/glossary/'));
		await page.fill(header, 'hall');
		await page.press(header, 'ArrowDown');
		expect(await axeViolations(page)).toEqual([]);
		await close();
	});
});
