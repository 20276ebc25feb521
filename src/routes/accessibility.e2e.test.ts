/**
 * Accessibility across the whole built site: axe-core on every route (ward pages sampled), focus visible on
 * every tab stop, reduced motion respected, and the keyboard-only paths a reader needs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, siteUrl } from '$lib/testing/browser.ts';
import { BUILD_DIR, pagesToCheck } from '$lib/testing/routes.ts';
import { parseCsv } from '../../scripts/lib/csv.ts';

const checked = pagesToCheck();
const wards = parseCsv(readFileSync('data/wards.csv', 'utf8'), 'wards.csv');

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => browser?.close());

/** Waits until the page has settled: network quiet and the map, if any, drawn by one renderer or the other. */
async function settle(page: Page) {
	await page.waitForLoadState('networkidle');
	if (await page.locator('.ward-map').count()) {
		await page.waitForFunction(() => document.querySelector('.ward-map')?.getAttribute('data-map-renderer') === 'maplibre' || document.querySelector('.ward-map .notice'), null, {
			timeout: 30_000
		});
	}
}

describe('axe-core finds no WCAG 2.2 A/AA violations', () => {
	for (const path of [...checked, '/404.html']) {
		it(path, async () => {
			const page = await browser.newPage();
			await page.goto(siteUrl(path));
			await settle(page);
			expect(await axeViolations(page)).toEqual([]);
			await page.close();
		});
	}

	it('/ with the DuckDB failure notice showing, on a phone', async () => {
		const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
		await page.route('**/*.wasm', (route) => route.abort());
		await page.goto(siteUrl('/'));
		await expect.poll(() => page.locator('[data-testid="duckdb-status"]').getAttribute('data-phase'), { timeout: 30_000 }).toBe('failed');
		expect(await axeViolations(page)).toEqual([]);
		await page.close();
	});
});

describe('focus is visible on every tab stop', () => {
	/** Tabs through the page; at each stop compares a picture of the element focused and unfocused. */
	async function invisibleFocusStops(page: Page, limit = 40): Promise<string[]> {
		const invisible: string[] = [];
		const seen = new Set<string>();
		for (let i = 0; i < limit; i++) {
			await page.keyboard.press('Tab');
			const stop = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement | null;
				if (!el || el === document.body) return null;
				el.scrollIntoView({ block: 'center', inline: 'nearest' });
				const box = el.getBoundingClientRect();
				const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}”`;
				return { name, box: { x: box.x, y: box.y, width: box.width, height: box.height } };
			});
			if (!stop) break;
			if (seen.has(stop.name)) break;
			seen.add(stop.name);
			if (stop.box.width < 1 || stop.box.height < 1) continue;
			const clip = {
				x: Math.max(0, stop.box.x - 8),
				y: Math.max(0, stop.box.y - 8),
				width: Math.min(stop.box.width + 16, 1280 - Math.max(0, stop.box.x - 8)),
				height: Math.min(stop.box.height + 16, 800 - Math.max(0, stop.box.y - 8))
			};
			if (clip.width < 1 || clip.height < 1) continue;
			const focused = await page.screenshot({ clip, animations: 'disabled' });
			await page.evaluate(() => (document.activeElement as HTMLElement).blur());
			const unfocused = await page.screenshot({ clip, animations: 'disabled' });
			if (focused.equals(unfocused)) invisible.push(stop.name);
			// Put focus back where it was, so the next Tab moves on from here.
			await page.evaluate((name) => {
				const candidates = [...document.querySelectorAll<HTMLElement>('a, button, select, input, textarea, summary, [tabindex]')];
				const match = candidates.find((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}”` === name);
				match?.focus();
			}, stop.name);
		}
		return invisible;
	}

	for (const path of checked) {
		it(path, async () => {
			const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
			await page.goto(siteUrl(path));
			await settle(page);
			expect(await invisibleFocusStops(page)).toEqual([]);
			await page.close();
		});
	}
});

describe('reduced motion', () => {
	for (const path of checked) {
		it(`${path}: nothing moves for readers who ask for less motion`, async () => {
			const context = await browser.newContext({ reducedMotion: 'reduce' });
			const page = await context.newPage();
			await page.goto(siteUrl(path));
			await settle(page);
			const moving = await page.evaluate(() => {
				const seconds = (value: string) => Math.max(...value.split(',').map((v) => (v.trim().endsWith('ms') ? parseFloat(v) / 1000 : parseFloat(v))));
				const long: string[] = [];
				for (const el of document.querySelectorAll('*')) {
					const style = getComputedStyle(el);
					if (seconds(style.transitionDuration) > 0.01 || (style.animationName !== 'none' && seconds(style.animationDuration) > 0.01)) {
						long.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''));
					}
				}
				for (const animation of document.getAnimations()) {
					const duration = Number(animation.effect?.getComputedTiming().duration ?? 0);
					if (duration > 10) long.push(`animation ${duration} ms`);
				}
				return long;
			});
			expect(moving).toEqual([]);
			await context.close();
		});
	}

	it('the check would catch motion: without the preference, a transition is long', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl('/'));
		const duration = await page.evaluate(() => {
			const probe = document.createElement('div');
			probe.style.transition = 'opacity 300ms';
			document.body.append(probe);
			return getComputedStyle(probe).transitionDuration;
		});
		expect(duration).toBe('0.3s');
		await page.close();
	});
});

describe('keyboard-only paths', () => {
	async function tabTo(page: Page, selector: string, limit = 250): Promise<boolean> {
		for (let i = 0; i < limit; i++) {
			await page.keyboard.press('Tab');
			if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
		}
		return false;
	}

	it('changes the indicator with the keyboard alone', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl('/'));
		await settle(page);
		const heading = await page.locator('#map-heading').textContent();
		expect(await tabTo(page, '#indicator-picker')).toBe(true);
		await page.keyboard.press('ArrowDown');
		await expect.poll(() => page.url()).toMatch(/indicator=/);
		await expect.poll(() => page.locator('#map-heading').textContent()).not.toBe(heading);
		await page.close();
	});

	it('reaches the map, moves through its wards with the arrow keys and opens one with Enter', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl('/'));
		await settle(page);
		expect(await page.locator('.ward-map').getAttribute('data-map-renderer')).toBe('maplibre');
		expect(await tabTo(page, '[data-testid="maplibre-map"]')).toBe(true);
		const first = [...wards].sort((a, b) => a.name.localeCompare(b.name))[0];
		await page.keyboard.press('ArrowDown');
		await expect.poll(() => page.locator('#map-live').textContent()).toMatch(new RegExp(`^${first.name}: `));
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('Enter');
		await page.waitForURL(new RegExp(`/ward/${first.slug}/`));
		expect(await page.locator('h1').textContent()).toBe(first.name);
		await page.close();
	});

	const embedControlBuilt = /<button[^>]*>[^<]*embed/i.test(readFileSync(join(BUILD_DIR, 'index.html'), 'utf8'));
	it.skipIf(!embedControlBuilt)('opens the embed-code dialog and copies the code with the keyboard alone', async () => {
		const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
		const page = await context.newPage();
		await page.goto(siteUrl('/'));
		await settle(page);
		const opener = page.getByRole('button', { name: /embed/i }).first();
		const openerId = await opener.evaluate((el) => (el.id ||= 'embed-opener-under-test'));
		expect(await tabTo(page, `#${openerId}`)).toBe(true);
		await page.keyboard.press('Enter');
		const dialog = page.getByRole('dialog');
		await dialog.waitFor();
		const copy = dialog.getByRole('button', { name: /copy/i }).first();
		const copyId = await copy.evaluate((el) => (el.id ||= 'embed-copy-under-test'));
		expect(await tabTo(page, `#${copyId}`, 30)).toBe(true);
		await page.keyboard.press('Enter');
		await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/<iframe[^>]+src="[^"]*\/embed\//);
		await page.keyboard.press('Escape');
		await expect.poll(() => dialog.isVisible()).toBe(false);
		await context.close();
	});
});
