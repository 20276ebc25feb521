/** One cold page load in a fresh browser context, measured through the page's own performance timeline. */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { bytesBefore, type ResourceClass, type TimedResource } from './stats.ts';

export interface Throttle {
	/** round-trip time in ms */
	latency: number;
	/** bits per second */
	download: number;
	upload: number;
	cpu: number;
}

/** The slow mobile profile: 150 ms RTT, 1.6 Mbps down, 4× slower CPU. */
export const SLOW_MOBILE: Throttle = { latency: 150, download: 1.6e6, upload: 750e3, cpu: 4 };

export async function applyThrottle(cdp: CDPSession, throttle: Throttle | null): Promise<void> {
	await cdp.send('Network.enable');
	if (!throttle) return;
	await cdp.send('Network.emulateNetworkConditions', {
		offline: false,
		latency: throttle.latency,
		downloadThroughput: throttle.download / 8,
		uploadThroughput: throttle.upload / 8
	});
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle.cpu });
}

export interface LoadRun {
	fcp: number | null;
	lcp: number | null;
	mapDrawn: number | null;
	duckdbFirstQuery: number | null;
	duckdbPhase: string | null;
	renderer: string | null;
	bytesBeforeLcp: Record<ResourceClass, number>;
	/** HTML, JSON, GeoJSON and CSV that arrived until the map had drawn (or LCP, on pages without a map) */
	firstViewDataBytes: number;
	firstViewHtmlBytes: number;
}

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 800 } };

/** Collects LCP candidates from the very start of the document. */
const OBSERVE_LCP = () => {
	const bench = ((window as unknown as { __bench: { lcp: number } }).__bench = { lcp: 0 });
	performance.setResourceTimingBufferSize(2000);
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) bench.lcp = entry.startTime;
	}).observe({ type: 'largest-contentful-paint', buffered: true });
};

export interface LoadOptions {
	throttle: Throttle | null;
	/** Wait for DuckDB to answer (or fail) before reading the timeline. */
	waitForDuckdb: boolean;
	timeoutMs: number;
}

async function markTime(page: Page, name: string): Promise<number | null> {
	return page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? null, name);
}

async function waitFor(page: Page, condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (Date.now() < end) {
		if (await condition().catch(() => false)) return;
		await page.waitForTimeout(250);
	}
}

export async function measureLoad(browser: Browser, url: string, options: LoadOptions): Promise<LoadRun> {
	const context: BrowserContext = await browser.newContext(options.throttle ? PHONE : DESKTOP);
	try {
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await applyThrottle(cdp, options.throttle);
		await page.addInitScript(OBSERVE_LCP);
		await page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs });
		const hasMap = (await page.locator('.ward-map').count()) > 0;
		if (hasMap) {
			await waitFor(
				page,
				async () => (await markTime(page, 'map-drawn')) !== null || (await page.locator('.ward-map .notice').count()) > 0,
				options.timeoutMs
			);
		}
		const status = page.locator('[data-testid="duckdb-status"]');
		if (options.waitForDuckdb && (await status.count())) {
			await waitFor(page, async () => ['ready', 'failed'].includes((await status.getAttribute('data-phase')) ?? ''), options.timeoutMs);
		} else {
			await page.waitForTimeout(1000);
		}
		const timeline = await page.evaluate(() => {
			const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
			const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
				url: r.name,
				responseEnd: r.responseEnd,
				transferSize: r.transferSize
			}));
			return {
				fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
				lcp: (window as unknown as { __bench: { lcp: number } }).__bench.lcp || null,
				resources: [{ url: navigation.name, responseEnd: navigation.responseEnd, transferSize: navigation.transferSize }, ...resources]
			};
		});
		const mapDrawn = await markTime(page, 'map-drawn');
		const resources: TimedResource[] = timeline.resources;
		const firstView = bytesBefore(resources, mapDrawn ?? timeline.lcp ?? 0);
		return {
			fcp: timeline.fcp,
			lcp: timeline.lcp,
			mapDrawn,
			duckdbFirstQuery: await markTime(page, 'duckdb-first-query'),
			duckdbPhase: (await status.count()) ? await status.getAttribute('data-phase') : null,
			renderer: hasMap ? await page.locator('.ward-map').getAttribute('data-map-renderer') : null,
			bytesBeforeLcp: bytesBefore(resources, timeline.lcp ?? 0),
			firstViewDataBytes: firstView.data,
			firstViewHtmlBytes: firstView.html
		};
	} finally {
		await context.close();
	}
}
