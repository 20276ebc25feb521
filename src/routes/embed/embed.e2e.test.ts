import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { axeViolations, gotoHydrated, launchChromium, siteUrl } from '$lib/testing/browser.ts';
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

// ---------------------------------------------------------------------------------------------------------
// The scatter of two indicators and the segregation view.

/** Ward values of a published indicator, straight from its CSV. */
function publishedValues(id: string): Map<string, number | null> {
	const meta = JSON.parse(readFileSync('data/indicators.json', 'utf8')).indicators.find((i: { id: string }) => i.id === id) as { file: string; column: string };
	const rows = parseCsv(readFileSync(`data/${meta.file}`, 'utf8'), meta.file).filter((r) => r.area_type === 'ward');
	return new Map(rows.map((r) => [r.area_code, r[meta.column] === '' ? null : Number(r[meta.column])]));
}
function pearsonOf(xs: Map<string, number | null>, ys: Map<string, number | null>) {
	const codes = [...xs.keys()].filter((c) => xs.get(c) != null && ys.get(c) != null);
	const a = codes.map((c) => xs.get(c)!);
	const b = codes.map((c) => ys.get(c)!);
	const mean = (v: number[]) => v.reduce((s, n) => s + n, 0) / v.length;
	const [ma, mb] = [mean(a), mean(b)];
	const sab = a.reduce((s, v, i) => s + (v - ma) * (b[i] - mb), 0);
	const saa = a.reduce((s, v) => s + (v - ma) ** 2, 0);
	const sbb = b.reduce((s, v) => s + (v - mb) ** 2, 0);
	return { r: sab / Math.sqrt(saa * sbb), n: codes.length };
}
const segregationWards = parseCsv(readFileSync('data/segregation.csv', 'utf8'), 'segregation.csv').filter((r) => r.area_type === 'ward');
const segregationCity = parseCsv(readFileSync('data/segregation_citywide.csv', 'utf8'), 'segregation_citywide.csv');
const cityIndex = (year: string, a: string, b: string, unit: string) =>
	segregationCity.find((r) => r.year === year && r.group_a === a && r.group_b === b && r.unit === unit)!.index;

/** Share of sampled pixels that are not near-white, and how many colours there are: a blank image has neither. */
async function pngStats(page: Page, bytes: Buffer) {
	return page.evaluate(async (base64) => {
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
}

async function parseSvg(page: Page, text: string) {
	return page.evaluate((svg) => {
		const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
		const root = doc.documentElement;
		return {
			error: doc.querySelector('parsererror')?.textContent ?? null,
			title: root.querySelector(':scope > title')?.textContent ?? '',
			desc: root.querySelector(':scope > desc')?.textContent ?? '',
			font: /@font-face\{font-family:'Ward Explorer Sans'/.test(root.querySelector('style')?.textContent ?? ''),
			texts: [...root.querySelectorAll('text')].map((t) => t.textContent ?? ''),
			circles: root.querySelectorAll('circle').length,
			paths: root.querySelectorAll('path > title').length,
			width: Number(root.getAttribute('width')),
			height: Number(root.getAttribute('height'))
		};
	}, text);
}

const csvRows = (bytes: Buffer, name: string) => {
	const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
	const lines = text.split('\r\n');
	return { comments: lines.filter((l) => l.startsWith('# ')), rows: parseCsv(lines.filter((l) => !l.startsWith('#')).join('\n'), name) };
};
const shownNumber = (text: string | null) => Number((text ?? '').replace(/[^0-9.\-−]/g, '').replace('−', '-'));

for (const { path, id, ready } of [
	{ path: '/embed/scatter/?x=cp_ahc_pct_2025&y=ks4_att8_2023&id=scatter-story', id: 'scatter-story', ready: '[data-testid="fit-line"]' },
	{ path: '/embed/segregation/?id=segregation-story', id: 'segregation-story', ready: '[data-testid="citywide-index"]' }
]) {
	describe(`${path.split('?')[0]} inside a newsroom page`, () => {
		it('posts its height in the pym.js and Datawrapper formats, matching its content, and again at 320 px', async () => {
			const page = await browser.newPage();
			await page.goto(`${hostOrigin}/?embed=${encodeURIComponent(path)}`);
			const frame = await embedFrame(page, path.split('?')[0]);
			await frame.locator(ready).waitFor();
			await expect.poll(async () => (await lastHeights(page, id)).datawrapper).toBe(await frameContentHeight(frame));
			const wide = await lastHeights(page, id);
			expect(wide.pym).toBe(wide.datawrapper);
			await page.evaluate(() => (document.getElementById('column')!.style.width = '320px'));
			await expect.poll(async () => (await lastHeights(page, id)).datawrapper).not.toBe(wide.datawrapper);
			await expect.poll(async () => (await lastHeights(page, id)).datawrapper).toBe(await frameContentHeight(frame));
			expect((await lastHeights(page, id)).pym).toBe(await frameContentHeight(frame));
			await page.close();
		});
	});
}

describe('downloads from the scatter embed, for a pair chosen in the link', () => {
	let page: Page;
	let frame: Frame;
	const requests: string[] = [];
	const x = publishedValues('cp_ahc_pct_2025');
	const y = publishedValues('ks4_att8_2023');
	const expected = pearsonOf(x, y);
	const download = async (name: RegExp) => {
		const [file] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name }).click()]);
		return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
	};
	beforeAll(async () => {
		page = await browser.newPage();
		page.on('request', (r) => requests.push(r.url()));
		await page.goto(`${hostOrigin}/?embed=${encodeURIComponent('/embed/scatter/?x=cp_ahc_pct_2025&y=ks4_att8_2023&wards=heartlands')}`);
		frame = await embedFrame(page, '/embed/scatter/');
		await frame.locator('[data-testid="fit-line"]').waitFor();
	});
	afterAll(() => page?.close());

	it('shows the pair with the correlation from the published figures, and starts no DuckDB', async () => {
		await expect.poll(() => frame.locator('[data-testid="correlation-caption"]').textContent()).toContain(`Pearson r = ${expected.r.toFixed(2)}`);
		expect(await frame.locator('[data-testid="correlation-caption"]').textContent()).toContain(`Across the ${expected.n} wards`);
		expect(await frame.locator('[data-testid="scatter-plot"] .point').count()).toBe(expected.n);
		expect(await frame.locator('[data-testid="scatter-plot"] .point.chosen').getAttribute('data-code')).toBe('E05011145');
		expect(requests.filter((u) => u.endsWith('.wasm'))).toEqual([]);
	});

	let svgSize = { width: 0, height: 0 };
	it('gives an SVG that parses, with the alt text as <title>/<desc>, the font embedded, every point and the sources', async () => {
		const { name, bytes } = await download(/scatter plot as an SVG/);
		expect(name).toBe('birmingham-wards-cp_ahc_pct_2025-vs-ks4_att8_2023-scatter.svg');
		const parsed = await parseSvg(page, bytes.toString('utf8'));
		expect(parsed.error).toBeNull();
		expect(parsed.desc).toBe(await frame.locator('[data-testid="alt-text"]').inputValue());
		expect(parsed.desc).toContain(`Scatter plot of ${expected.n} Birmingham wards`);
		expect(parsed.desc).toContain(`Pearson r = ${expected.r.toFixed(2)}`);
		expect(parsed.title).toMatch(/against/);
		expect(parsed.font).toBe(true);
		// Each ward is a dot; the highlighted ward has a ring as well.
		expect(parsed.circles).toBeGreaterThanOrEqual(expected.n * 2);
		for (const id of ['cp_ahc_pct_2025', 'ks4_att8_2023']) {
			const source = catalogue.sources.find((s) => s.id === catalogue.indicators.find((i) => i.id === id)!.source_id)!;
			expect(parsed.texts.join(' ')).toContain(source.attribution.split(' ').slice(0, 6).join(' '));
		}
		svgSize = { width: parsed.width, height: parsed.height };
	});

	it('gives a PNG at twice the SVG size that is not blank', async () => {
		const { bytes } = await download(/scatter plot as a PNG/);
		expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
		expect(svgSize.width).toBeGreaterThan(0);
		expect({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }).toEqual({ width: svgSize.width * 2, height: svgSize.height * 2 });
		const stats = await pngStats(page, bytes);
		expect(stats.colours).toBeGreaterThan(20);
		expect(stats.inked).toBeGreaterThan(0.02);
	});

	it('gives a CSV equal to the figures shown and the published files, with r and the citation', async () => {
		const { name, bytes } = await download(/data behind the scatter plot/);
		const { comments, rows } = csvRows(bytes, name);
		expect(rows).toHaveLength(69);
		expect(comments.some((c) => c.includes(`Pearson r = ${expected.r.toFixed(4)}`))).toBe(true);
		expect(comments.filter((c) => c.startsWith('# Licence: ')).length).toBeGreaterThan(0);
		await frame.locator('details.table summary').click();
		const table = await frame.locator('[data-testid="scatter-table"] tbody tr').evaluateAll((trs) =>
			trs.map((tr) => ({ code: tr.getAttribute('data-code')!, cells: [...tr.querySelectorAll('td')].map((td) => td.textContent) }))
		);
		expect(table).toHaveLength(69);
		for (const row of rows) {
			const shownRow = table.find((t) => t.code === row.area_code)!;
			for (const [column, published, cell, decimals] of [
				['x_cp_ahc_pct_2025', x, 0, 1],
				['y_ks4_att8_2023', y, 1, catalogue.indicators.find((i) => i.id === 'ks4_att8_2023')!.decimals]
			] as const) {
				const value = published.get(row.area_code);
				expect(row[column]).toBe(value == null ? '' : String(value));
				if (value == null) expect(shownRow.cells[cell]).toBe('no data');
				else expect(shownNumber(shownRow.cells[cell]).toFixed(decimals)).toBe(value.toFixed(decimals));
			}
			expect(row.plotted).toBe(x.get(row.area_code) != null && y.get(row.area_code) != null ? 'yes' : 'no');
		}
	});
});

describe('downloads from the segregation embed', () => {
	let page: Page;
	let frame: Frame;
	const download = async (name: RegExp) => {
		const [file] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name }).click()]);
		return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
	};
	beforeAll(async () => {
		page = await browser.newPage();
		await page.goto(`${hostOrigin}/?embed=${encodeURIComponent('/embed/segregation/')}`);
		frame = await embedFrame(page, '/embed/segregation/');
		await frame.locator('[data-testid="citywide-index"]').waitFor();
	});
	afterAll(() => page?.close());

	it('shows the published city-wide index', async () => {
		expect(await frame.locator('[data-testid="citywide-index"]').textContent()).toBe(cityIndex('2021', 'white', 'nonwhite', 'LSOA'));
	});

	let svgSize = { width: 0, height: 0 };
	it('gives an SVG of the map with its legend, every ward, the alt text and the census source', async () => {
		const { name, bytes } = await download(/segregation map as an SVG/);
		expect(name).toBe('birmingham-wards-segregation-2021-white-nonwhite-LSOA-within.svg');
		const parsed = await parseSvg(page, bytes.toString('utf8'));
		expect(parsed.error).toBeNull();
		expect(parsed.desc).toBe(await frame.locator('[data-testid="alt-text"]').inputValue());
		expect(parsed.desc).toContain(`The city-wide index is ${cityIndex('2021', 'white', 'nonwhite', 'LSOA')}`);
		expect(parsed.paths).toBe(69);
		expect(parsed.texts).toContain('No data');
		expect(parsed.texts.join(' ')).toMatch(/Census 2021/);
		svgSize = { width: parsed.width, height: parsed.height };
	});

	it('gives a PNG at twice the SVG size that is not blank', async () => {
		const { bytes } = await download(/segregation map as a PNG/);
		expect({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }).toEqual({ width: svgSize.width * 2, height: svgSize.height * 2 });
		const stats = await pngStats(page, bytes);
		expect(stats.colours).toBeGreaterThan(20);
		expect(stats.inked).toBeGreaterThan(0.1);
	});

	it('gives a CSV equal to the table shown and to the published ward indices', async () => {
		const { name, bytes } = await download(/data behind the segregation map/);
		const { comments, rows } = csvRows(bytes, name);
		expect(comments.some((c) => c.startsWith('# Attribution: '))).toBe(true);
		const wardRows = rows.filter((r) => r.area_type === 'ward');
		expect(wardRows).toHaveLength(69);
		await frame.locator('details.table summary').click();
		for (const ward of segregationWards) {
			const row = wardRows.find((r) => r.area_code === ward.area_code)!;
			expect(Number(row.index_inside_area).toFixed(2)).toBe(ward.seg21_within_white_nonwhite);
			const shown = frame.locator(`[data-testid="segregation-table"] tr[data-code="${ward.area_code}"]`);
			expect(await shown.locator('td.within').textContent()).toBe(Number(row.index_inside_area).toFixed(2));
			expect(await shown.locator('td.contribution').textContent()).toBe(Number(row.part_of_citywide_index).toFixed(3));
		}
		expect(Number(rows.find((r) => r.area_type === 'local authority')!.index_inside_area).toFixed(2)).toBe(cityIndex('2021', 'white', 'nonwhite', 'LSOA'));
	});
});

describe('scatter and segregation embeds on their own', () => {
	for (const path of ['/embed/scatter/', '/embed/segregation/', '/embed/scatter/?theme=dark&colour=le_persons', '/embed/segregation/?theme=dark&measure=contribution']) {
		it(`${path}: has its title, period, source and licence, links back, starts no DuckDB, fits 320 px and passes axe`, async () => {
			const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
			const requests: string[] = [];
			page.on('request', (r) => requests.push(r.url()));
			await page.goto(siteUrl(path));
			await page.waitForLoadState('networkidle');
			await expect.poll(() => page.locator('.subtitle').textContent()).toMatch(/\d{4}/);
			expect(await page.locator('footer .sources').textContent()).toMatch(/Licence: Open Government Licence v3\.0/);
			expect(await page.locator('footer .back a').getAttribute('href')).toMatch(/\/explore\//);
			expect(requests.filter((u) => u.endsWith('.wasm'))).toEqual([]);
			expect(requests.filter((u) => !u.startsWith(new URL(siteUrl('/')).origin))).toEqual([]);
			expect(await page.evaluate(() => document.documentElement.scrollWidth <= 320)).toBe(true);
			if (path.includes('theme=dark')) expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
			expect(await axeViolations(page)).toEqual([]);
			await page.close();
		});
	}

	it('computes a non-default segregation pair in the browser, equal to the published index', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl('/embed/segregation/?year=2011&b=pakistani&unit=OA'));
		const index = page.locator('[data-testid="citywide-index"]');
		await expect.poll(() => index.textContent(), { timeout: 90_000 }).toBe(cityIndex('2011', 'white', 'pakistani', 'OA'));
		expect(await page.locator('h1').textContent()).toContain('Pakistani');
		expect(await page.locator('.subtitle').textContent()).toMatch(/Census 2011, by Output Areas/);
		await page.close();
	}, 120_000);

	it('explains a bad choice in plain text, and refuses someone else’s own data', async () => {
		const page = await browser.newPage();
		await page.goto(siteUrl('/embed/scatter/?x=<img src=x onerror=alert(1)>&y=yours-food-bank'));
		const alerts = page.locator('[role="alert"]');
		await expect.poll(() => alerts.count()).toBe(2);
		expect(await alerts.allTextContents()).toEqual([expect.stringMatching(/own uploaded data.*cannot be embedded/), expect.stringContaining('<img src=x onerror=alert(1)>')]);
		expect(await page.locator('img').count()).toBe(0);
		await page.goto(siteUrl('/embed/segregation/?year=1999&unit=<b>x</b>'));
		await expect.poll(() => page.locator('[role="alert"]').count()).toBe(2);
		expect(await page.locator('[role="alert"]').first().textContent()).toContain('“1999”');
		await page.close();
	});
});

describe('Embed buttons on the scatter and segregation pages', () => {
	for (const { path, button, embed } of [
		{ path: '/explore/?x=cp_ahc_pct_2025&y=ks4_att8_2023', button: 'Embed the scatter plot in your page', embed: /\/embed\/scatter\/\?x=cp_ahc_pct_2025&amp;y=ks4_att8_2023" / },
		{ path: '/explore/segregation/?measure=contribution', button: 'Embed the segregation map in your page', embed: /\/embed\/segregation\/\?measure=contribution" / }
	]) {
		it(`${path}: gives iframe code for the same view`, async () => {
			const page = await browser.newPage();
			await gotoHydrated(page, path);
			await page.getByRole('button', { name: button }).click();
			const dialog = page.locator('[data-testid="embed-dialog"]').first();
			await expect.poll(() => dialog.isVisible()).toBe(true);
			await expect.poll(() => dialog.locator('[data-testid="embed-code"]').inputValue()).toMatch(embed);
			expect(await dialog.locator('[data-testid="embed-code"]').inputValue()).toMatch(/^<iframe title="[^"]+" src="http:\/\/[^"]+" width="100%" height="\d+" /);
			await page.keyboard.press('Escape');
			await page.close();
		});
	}
});
