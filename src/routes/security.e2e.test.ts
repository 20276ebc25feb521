/**
 * Security and privacy across the whole built site: the Content-Security-Policy in every page, no request
 * to any other host, URL parameters shown as text, and framing rules for embeds.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, siteUrl } from '$lib/testing/browser.ts';
import { BUILD_DIR, isEmbed, pagesToCheck, prerenderedPages } from '$lib/testing/routes.ts';
import { serveDirectory } from '$lib/testing/static-server.ts';
import { CSP_DIRECTIVES, DUCKDB_WORKER_POLICY, recommendedHeaders } from '$lib/security/content-security-policy.js';

const allPages = prerenderedPages();
const checked = pagesToCheck(allPages);
const htmlOf = (path: string) => readFileSync(join(BUILD_DIR, path, 'index.html'), 'utf8');

function policyOf(html: string): Map<string, string[]> {
	const content = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
	if (!content) return new Map();
	const decoded = content.replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
	return new Map(
		decoded
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((d) => d[0])
			.map(([name, ...values]) => [name, values])
	);
}

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => browser?.close());

/** Records every request the pages of a context make (workers included) and blocks any to another host. */
async function recordRequests(context: BrowserContext, origin: string): Promise<string[]> {
	const foreign: string[] = [];
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (/^(data|blob):/.test(url) || new URL(url).origin === origin) return route.continue();
		foreign.push(url);
		return route.abort('blockedbyclient');
	});
	return foreign;
}

/** Collects securitypolicyviolation events, from the first script on. */
async function recordViolations(page: Page): Promise<string[]> {
	const violations: string[] = [];
	await page.exposeBinding('reportViolation', (_source, text: string) => violations.push(text));
	await page.addInitScript(() =>
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${e.violatedDirective} blocked ${e.blockedURI}`)
		)
	);
	return violations;
}

describe('Content-Security-Policy', () => {
	it('is in every prerendered page, before anything it governs', () => {
		expect(allPages.length).toBeGreaterThanOrEqual(72);
		for (const path of allPages) {
			const html = htmlOf(path);
			const at = html.indexOf('http-equiv="content-security-policy"');
			expect(at, path).toBeGreaterThan(0);
			expect(at, path).toBeLessThan(html.search(/<script|<link[^>]+(modulepreload|stylesheet)/));
		}
	});

	it('allows no inline script but the hashed start-up script, no eval, and connections to this site only', () => {
		for (const path of allPages) {
			const policy = policyOf(htmlOf(path));
			const scriptSrc = policy.get('script-src') ?? [];
			expect(scriptSrc, path).not.toContain("'unsafe-inline'");
			expect(scriptSrc, path).not.toContain("'unsafe-eval'");
			// The page never compiles WebAssembly itself; DuckDB does, in its worker.
			expect(scriptSrc, path).not.toContain("'wasm-unsafe-eval'");
			expect(policy.get('connect-src'), path).toEqual(["'self'"]);
			expect(policy.get('default-src'), path).toEqual(["'self'"]);
			expect(policy.get('object-src'), path).toEqual(["'none'"]);
			// Every inline script in the page is allowed by its hash, so the page can start.
			for (const [, body] of htmlOf(path).matchAll(/<script>([\s\S]*?)<\/script>/g)) {
				expect(scriptSrc, path).toContain(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
			}
		}
	});

	it('matches the policy the site declares in content-security-policy.js', () => {
		const policy = policyOf(htmlOf('/'));
		for (const [directive, values] of Object.entries(CSP_DIRECTIVES)) {
			for (const value of values) expect(policy.get(directive)).toContain(/^[a-z-]+$/.test(value) && !value.endsWith(':') ? `'${value}'` : value);
		}
	});

	it('covers the 404 page, which allows no script at all', () => {
		const policy = policyOf(readFileSync(join(BUILD_DIR, '404.html'), 'utf8'));
		expect(policy.get('script-src')).toEqual(["'none'"]);
	});
});

describe('requests and policy violations on every route', () => {
	for (const path of checked) {
		it(`${path}: no request to another host and no violation, through DuckDB starting`, async () => {
			const context = await browser.newContext();
			const origin = new URL(siteUrl('/')).origin;
			const foreign = await recordRequests(context, origin);
			const page = await context.newPage();
			const violations = await recordViolations(page);
			const own: string[] = [];
			page.on('request', (request) => own.push(request.url()));
			await page.goto(siteUrl(path));
			const status = page.locator('[data-testid="duckdb-status"]');
			if (await status.count()) {
				await expect.poll(() => status.getAttribute('data-phase'), { timeout: 60_000 }).toMatch(/ready|failed/);
				expect(await status.getAttribute('data-phase')).toBe('ready');
			}
			await page.waitForLoadState('networkidle');
			expect(foreign).toEqual([]);
			expect(violations).toEqual([]);
			expect(own.length).toBeGreaterThan(1);
			await context.close();
		});
	}

	it('would notice a request to another host (the recorder itself works)', async () => {
		const context = await browser.newContext();
		const foreign = await recordRequests(context, new URL(siteUrl('/')).origin);
		const page = await context.newPage();
		// The blank page has no policy, so only the recorder stands between it and the other host.
		await page.goto('about:blank');
		await page.evaluate(() => fetch('http://tracker.invalid/pixel').catch(() => undefined));
		expect(foreign).toEqual(['http://tracker.invalid/pixel']);
		await context.close();
	});

	it('blocks a request to another host in the site’s pages even if a script tried one', async () => {
		const page = await browser.newPage();
		const violations = await recordViolations(page);
		await page.goto(siteUrl('/methods/'));
		await page.evaluate(() => fetch('http://tracker.invalid/pixel').catch(() => undefined));
		await expect.poll(() => violations).toContain('connect-src blocked http://tracker.invalid/pixel');
		await page.close();
	});
});

describe('URL parameters', () => {
	const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
	const params = ['indicator', 'ward', 'wards', 'a', 'b', 'q', 'sql', 'embed', 'group'];
	const query = params.map((p) => `${p}=${encodeURIComponent(hostile)}`).join('&');

	for (const path of checked) {
		it(`${path}: script in any parameter is never run or turned into markup`, async () => {
			const page = await browser.newPage();
			const dialogs: string[] = [];
			page.on('dialog', (d) => {
				dialogs.push(d.message());
				d.dismiss();
			});
			await page.goto(siteUrl(`${path}?${query}`));
			await page.waitForLoadState('networkidle');
			expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
			expect(await page.locator('img[src="x"], img[onerror]').count()).toBe(0);
			expect(dialogs).toEqual([]);
			expect((await page.locator('h1').first().textContent())?.trim()).not.toBe('');
			// Where a page reports a parameter it did not understand, it quotes it as text.
			for (const alert of await page.locator('[role="alert"]').allTextContents()) {
				if (alert.includes('<img')) expect(alert).toContain('<img src=x onerror=');
			}
			await page.close();
		});
	}

	it('an unknown ward address gives a helpful not-found page listing every ward', async () => {
		const page = await browser.newPage();
		const response = await page.goto(siteUrl('/ward/no-such-ward/'));
		expect(response?.status()).toBe(404);
		expect(await page.locator('h1').textContent()).toBe('Page not found');
		const wards = readFileSync('data/wards.csv', 'utf8').trim().split('\n').length - 1;
		expect(await page.locator('main li a[href*="/ward/"]').count()).toBe(wards);
		await page.locator('main li a', { hasText: 'Ladywood' }).click();
		await page.waitForURL(/\/ward\/ladywood\/$/);
		expect(await page.locator('h1').textContent()).toBe('Ladywood');
		await page.close();
	});
});

describe('framing', () => {
	const embeds = allPages.filter(isEmbed);

	/** Serves a page on another origin that frames `target`, and says whether the framed page loaded. */
	async function framedFromAnotherSite(target: string): Promise<boolean> {
		const dir = mkdtempSync(join(tmpdir(), 'host-'));
		writeFileSync(join(dir, 'index.html'), `<!doctype html><title>host</title><iframe src="${target}" width="600" height="400"></iframe>`);
		const host = await serveDirectory(dir);
		const page = await browser.newPage();
		try {
			await page.goto(`${host.origin}/`);
			const frame = page.frameLocator('iframe');
			return await frame
				.locator('h1, main, [data-testid]')
				.first()
				.waitFor({ timeout: 10_000 })
				.then(() => true)
				.catch(() => false);
		} finally {
			await page.close();
			await host.close();
		}
	}

	it('nothing in the pages forbids framing on a plain static host', async () => {
		for (const path of allPages) expect(htmlOf(path), path).not.toMatch(/x-frame-options|frame-ancestors|top\.location|window\.top\s*!==/i);
		expect(await framedFromAnotherSite(siteUrl(embeds[0] ?? '/'))).toBe(true);
	});

	it('with the headers the README recommends: embeds can be framed, other pages not, and DuckDB still starts', async () => {
		const pagePolicy = Object.entries(CSP_DIRECTIVES)
			.map(([d, values]) => `${d} ${values.map((v) => (/^[a-z-]+$/.test(v) ? `'${v}'` : v)).join(' ')}`)
			.join('; ');
		const strictHost = await serveDirectory(BUILD_DIR, 0, '', {
			headers: (path) => {
				if (/duckdb-browser-.*\.worker\..*js$/.test(path)) return { 'Content-Security-Policy': DUCKDB_WORKER_POLICY };
				// Pages keep their hashed policy in the meta tag; the header adds only what a tag cannot say.
				if (path.endsWith('/') || path.endsWith('.html')) return recommendedHeaders(path);
				// A strict host sends the page policy with every other file, MapLibre's worker included.
				return { 'Content-Security-Policy': pagePolicy };
			}
		});
		try {
			expect(await framedFromAnotherSite(`${strictHost.origin}/`)).toBe(false);
			if (embeds.length) expect(await framedFromAnotherSite(`${strictHost.origin}${embeds[0]}`)).toBe(true);
			const page = await browser.newPage();
			await page.goto(`${strictHost.origin}/`);
			await expect.poll(() => page.locator('[data-testid="duckdb-status"]').getAttribute('data-phase'), { timeout: 60_000 }).toBe('ready');
			await page.locator('[data-map-renderer="maplibre"]').waitFor({ timeout: 30_000 });
			await page.close();
		} finally {
			await strictHost.close();
		}
	}, 150_000);

	it('the DuckDB worker does need wasm-unsafe-eval when a host sends it a policy', async () => {
		const pageOnlyPolicy = await serveDirectory(BUILD_DIR, 0, '', {
			headers: (path): Record<string, string> =>
				/duckdb-browser-.*\.worker\./.test(path) ? { 'Content-Security-Policy': "default-src 'self'; script-src 'self'" } : {}
		});
		try {
			const page = await browser.newPage();
			await page.goto(`${pageOnlyPolicy.origin}/ward/ladywood/`);
			const status = page.locator('[data-testid="duckdb-status"]');
			await expect.poll(() => status.getAttribute('data-phase'), { timeout: 90_000 }).toBe('failed');
			expect(await status.textContent()).toMatch(/security policy may forbid WebAssembly/);
			expect(await page.locator('tr[data-indicator="imd19_score"] td.value').textContent()).toMatch(/\d/);
			await page.close();
		} finally {
			await pageOnlyPolicy.close();
		}
	}, 150_000);
});
