import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { axeViolations, launchChromium, siteUrl } from '$lib/testing/browser.ts';
import { parseCsv } from '../../../scripts/lib/csv.ts';

const catalogue = JSON.parse(readFileSync('data/indicators.json', 'utf8')) as {
	indicators: { id: string; decimals: number; source_id: string; label: string }[];
	sources: { id: string; attribution: string; licence: string }[];
};
const CHILD_POVERTY = catalogue.indicators.find((i) => i.id === 'cp_ahc_pct_2025')!;
const childPoverty = parseCsv(readFileSync('data/child_poverty.csv', 'utf8'), 'child_poverty.csv').filter((r) => r.area_type === 'ward');
const shown = (value: string) => `${Number(value).toFixed(CHILD_POVERTY.decimals)}%`;

/** A newsroom page on another origin, with a real iframe; it records every message it receives. */
let host: Server;
let hostOrigin = '';
function hostPage(body: string): string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body style="margin:0">
<script>window.received = []; addEventListener('message', (e) => window.received.push({ origin: e.origin, data: e.data }));</script>
<div id="column" style="width: 640px">${body}</div></body></html>`;
}

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
	host = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://host');
		const embed = url.searchParams.get('embed') ?? '/embed/ranking/';
		const withScript = url.searchParams.has('script');
		const frame = `<iframe title="Embedded chart" src="${siteUrl(embed)}" width="100%" height="150" style="width:100%;border:0" scrolling="no"></iframe>`;
		res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
		res.end(hostPage(withScript ? `${frame}<script src="${siteUrl('/embed.js')}" async></script>` : frame));
	});
	await new Promise<void>((done) => host.listen(0, '127.0.0.1', done));
	const address = host.address();
	hostOrigin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
	await browser?.close();
	await new Promise((done) => host?.close(done));
});

async function embedFrame(page: Page, path: string): Promise<Frame> {
	await page.waitForFunction((p) => [...document.querySelectorAll('iframe')].some((f) => f.src.includes(p)), path.split('?')[0]);
	const frame = page.frames().find((f) => f.url().includes(path.split('?')[0]))!;
	await frame.waitForLoadState('load');
	return frame;
}

const frameContentHeight = (frame: Frame) => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

type Received = { origin: string; data: unknown }[];
const lastHeights = async (page: Page, id: string) => {
	const received = (await page.evaluate(() => (window as unknown as { received: Received }).received)) as Received;
	const pym = received.map((m) => (typeof m.data === 'string' ? m.data.match(new RegExp(`^pymxPYMx${id}xPYMxheightxPYMx(\\d+)$`)) : null)).filter(Boolean);
	const datawrapper = received
		.map((m) => (m.data && typeof m.data === 'object' ? (m.data as Record<string, Record<string, number>>)['datawrapper-height']?.[id] : undefined))
		.filter((h) => h !== undefined);
	return { pym: pym.length ? Number(pym.at(-1)![1]) : null, datawrapper: datawrapper.at(-1) ?? null, origins: [...new Set(received.map((m) => m.origin))] };
};

describe('embeds inside a newsroom page', () => {
	it('posts its height in the pym.js and Datawrapper formats, matching its content, and again when the column narrows', async () => {
		const page = await browser.newPage();
		await page.goto(`${hostOrigin}/?embed=${encodeURIComponent('/embed/ranking/?indicator=cp_ahc_pct_2025&id=story-chart')}`);
		const frame = await embedFrame(page, '/embed/ranking/');
		await frame.locator('h1').filter({ hasText: CHILD_POVERTY.label }).waitFor();
		await expect.poll(async () => (await lastHeights(page, 'story-chart')).datawrapper).toBe(await frameContentHeight(frame));
		const wide = await lastHeights(page, 'story-chart');
		expect(wide.pym).toBe(wide.datawrapper);
		expect(wide.origins).toEqual([new URL(siteUrl('/')).origin]);

		await page.evaluate(() => (document.getElementById('column')!.style.width = '320px'));
		await expect.poll(async () => (await lastHeights(page, 'story-chart')).datawrapper).not.toBe(wide.datawrapper);
		await expect.poll(async () => (await lastHeights(page, 'story-chart')).datawrapper).toBe(await frameContentHeight(frame));
		expect((await lastHeights(page, 'story-chart')).pym).toBe(await frameContentHeight(frame));
		await page.close();
	});

	it('is sized by our embed.js on pages without pym.js or Datawrapper, so nothing is cut off', async () => {
		const page = await browser.newPage();
		await page.goto(`${hostOrigin}/?script&embed=${encodeURIComponent('/embed/ward/heartlands/')}`);
		const frame = await embedFrame(page, '/embed/ward/heartlands/');
		await frame.locator('[data-testid="ward-card-chart"]').waitFor();
		const iframe = page.locator('iframe');
		await expect.poll(async () => Math.round((await iframe.boundingBox())!.height)).toBe(await frameContentHeight(frame));
		expect(await frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
		await page.close();
	});
});

describe('downloads from the map embed', () => {
	let page: Page;
	let frame: Frame;
	const download = async (name: RegExp) => {
		const [file] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name }).click()]);
		return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
	};

	beforeAll(async () => {
		page = await browser.newPage();
		await page.goto(`${hostOrigin}/?embed=${encodeURIComponent('/embed/map/?indicator=cp_ahc_pct_2025')}`);
		frame = await embedFrame(page, '/embed/map/');
		await frame.locator('h1').filter({ hasText: CHILD_POVERTY.label }).waitFor();
	});
	afterAll(() => page?.close());

	let svgSize = { width: 0, height: 0 };

	it('gives an SVG that parses on its own, with the alt text as <title>/<desc>, the font embedded, the legend and all 69 wards', async () => {
		const { name, bytes } = await download(/map as an SVG/);
		expect(name).toBe('birmingham-wards-cp_ahc_pct_2025-map.svg');
		const alt = await frame.locator('[data-testid="alt-text"]').inputValue();
		const parsed = await page.evaluate((text) => {
			const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
			const root = doc.documentElement;
			return {
				error: doc.querySelector('parsererror')?.textContent ?? null,
				title: root.querySelector(':scope > title')?.textContent,
				desc: root.querySelector(':scope > desc')?.textContent,
				font: /@font-face\{font-family:'Ward Explorer Sans';font-weight:400;src:url\(data:font\/ttf;base64,[A-Za-z0-9+/=]{1000,}\)/.test(root.querySelector('style')?.textContent ?? ''),
				wards: [...root.querySelectorAll('path > title')].map((t) => t.textContent),
				texts: [...root.querySelectorAll('text')].map((t) => t.textContent),
				width: Number(root.getAttribute('width')),
				height: Number(root.getAttribute('height'))
			};
		}, bytes.toString('utf8'));
		expect(parsed.error).toBeNull();
		expect(parsed.title).toBe(CHILD_POVERTY.label);
		expect(parsed.desc).toBe(alt);
		expect(alt).toMatch(/^Map of Birmingham's 69 wards shaded by .*highest .* lowest /);
		expect(parsed.font).toBe(true);
		expect(parsed.wards).toHaveLength(69);
		expect(parsed.texts).toContain('No data');
		const attribution = catalogue.sources.find((s) => s.id === CHILD_POVERTY.source_id)!.attribution;
		expect(parsed.texts.join(' ')).toContain(attribution.split(' ').slice(0, 6).join(' '));
		svgSize = { width: parsed.width, height: parsed.height };
	});

	it('gives a PNG at twice the SVG size that is not blank', async () => {
		const { name, bytes } = await download(/map as a PNG/);
		expect(name).toBe('birmingham-wards-cp_ahc_pct_2025-map.png');
		expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
		const width = bytes.readUInt32BE(16);
		const height = bytes.readUInt32BE(20);
		expect(svgSize.width).toBeGreaterThan(0);
		expect({ width, height }).toEqual({ width: svgSize.width * 2, height: svgSize.height * 2 });
		const stats = await page.evaluate(async (base64) => {
			const image = new Image();
			image.src = `data:image/png;base64,${base64}`;
			await image.decode();
			const canvas = document.createElement('canvas');
			canvas.width = image.width;
			canvas.height = image.height;
			const context = canvas.getContext('2d')!;
			context.drawImage(image, 0, 0);
			const pixels = context.getImageData(0, 0, image.width, image.height).data;
			const colours = new Set<string>();
			let inked = 0;
			let samples = 0;
			for (let i = 0; i < pixels.length; i += 4 * 7) {
				samples++;
				colours.add(`${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`);
				if (pixels[i] + pixels[i + 1] + pixels[i + 2] < 700) inked++;
			}
			return { colours: colours.size, inked: inked / samples };
		}, bytes.toString('base64'));
		expect(stats.colours).toBeGreaterThan(20);
		expect(stats.inked).toBeGreaterThan(0.1);
	});

	it('gives a CSV equal to the figures shown, headed by source, attribution and licence', async () => {
		const { name, bytes } = await download(/data behind the map/);
		expect(name).toBe('birmingham-wards-cp_ahc_pct_2025-map.csv');
		const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
		const source = catalogue.sources.find((s) => s.id === CHILD_POVERTY.source_id)!;
		const comments = text.split('\r\n').filter((l) => l.startsWith('# '));
		expect(comments).toContain(`# Attribution: ${source.attribution}`);
		expect(comments).toContain(`# Licence: ${source.licence}`);
		const rows = parseCsv(text.split('\r\n').filter((l) => !l.startsWith('#')).join('\n'), name).filter((r) => r.area_type === 'ward');
		expect(rows).toHaveLength(69);
		await frame.locator('details.table summary').click();
		const table = await frame.locator('[data-testid="ward-table"] tbody tr').evaluateAll((trs) =>
			trs.map((tr) => ({ code: tr.getAttribute('data-code'), value: tr.querySelector('td')!.textContent }))
		);
		expect(table).toHaveLength(69);
		for (const row of rows) {
			expect(table.find((t) => t.code === row.area_code)!.value).toBe(shown(row.value));
			expect(row.value).toBe(String(Number(childPoverty.find((c) => c.area_code === row.area_code)!.cp_ahc_pct_2025)));
		}
	});
});

describe('each embed on its own', () => {
	for (const path of ['/embed/map/', '/embed/ranking/?indicator=le_persons&ward=E05011125', '/embed/ward/ladywood/', '/embed/map/?theme=dark']) {
		it(`${path}: has its title, period, source and licence, links back, starts no DuckDB, and passes axe`, async () => {
			const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
			const requests: string[] = [];
			page.on('request', (r) => requests.push(r.url()));
			await page.goto(siteUrl(path));
			await page.waitForLoadState('networkidle');
			await expect.poll(() => page.locator('.subtitle').textContent()).toMatch(/\d{4}/);
			expect(await page.locator('footer .sources').textContent()).toMatch(/Licence: Open Government Licence v3\.0/);
			expect(await page.locator('footer .back a').getAttribute('href')).toBeTruthy();
			expect(requests.filter((u) => u.endsWith('.wasm'))).toEqual([]);
			expect(requests.filter((u) => !u.startsWith(new URL(siteUrl('/')).origin))).toEqual([]);
			expect(await page.evaluate(() => document.documentElement.scrollWidth <= 320)).toBe(true);
			if (path.includes('theme=dark')) expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
			expect(await axeViolations(page)).toEqual([]);
			await page.close();
		});
	}

	it('explains a bad indicator or theme in plain text and shows the default', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl('/embed/ranking/?indicator=<img src=x onerror=alert(1)>&theme=neon'));
		const alerts = page.locator('[role="alert"]');
		await expect.poll(() => alerts.count()).toBe(2);
		expect(await alerts.first().textContent()).toContain('<img src=x onerror=alert(1)>');
		expect(await page.locator('img').count()).toBe(0);
		await page.close();
	});
});

describe('Embed button on the home page', () => {
	it('gives iframe code with a title, full width and a height, a copy button and the plain link', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl('/?indicator=cp_ahc_pct_2025'));
		await expect.poll(() => page.url()).toContain('cp_ahc_pct_2025');
		await page.getByRole('button', { name: 'Embed the map in your page' }).click();
		const dialog = page.locator('[data-testid="embed-dialog"]').first();
		await expect.poll(() => dialog.isVisible()).toBe(true);
		const code = await dialog.locator('[data-testid="embed-code"]').inputValue();
		expect(code).toMatch(/^<iframe title="Map: [^"]+" src="http:\/\/[^"]+\/embed\/map\/\?indicator=cp_ahc_pct_2025" width="100%" height="\d+" /);
		expect(code).toContain('/embed.js" async></script>');
		expect(await dialog.locator('[data-testid="embed-link"]').inputValue()).toMatch(/\/embed\/map\/\?indicator=cp_ahc_pct_2025$/);
		expect(await dialog.getByRole('button', { name: 'Copy embed code' }).count()).toBe(1);
		await dialog.getByLabel('Dark theme').check();
		expect(await dialog.locator('[data-testid="embed-link"]').inputValue()).toMatch(/theme=dark$/);
		await page.keyboard.press('Escape');
		await expect.poll(() => dialog.isVisible()).toBe(false);
		await page.close();
	});
});
