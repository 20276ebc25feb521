/**
 * How long a reader waits after switching indicator (home map) or ward (a ward profile's neighbour link):
 * from the input to the first frame after the page has changed.
 */
import type { Browser } from 'playwright-core';
import { applyThrottle, type Throttle } from './measure.ts';

/** ms from the input until the page's DOM had changed, and until the next frame after that */
export interface SwitchTime {
	updated: number;
	framed: number;
}

export interface SwitchTimes {
	indicatorBeforeDuckdb: SwitchTime[];
	indicatorWithDuckdb: SwitchTime[];
	ward: SwitchTime[];
}

const SWITCH_INDICATOR = async (id: string) => {
	const select = document.querySelector<HTMLSelectElement>('#indicator-picker')!;
	const heading = document.querySelector('#map-heading')!;
	const before = heading.textContent;
	const started = performance.now();
	const changed = new Promise<void>((resolve) => {
		const observer = new MutationObserver(() => {
			if (heading.textContent !== before) {
				observer.disconnect();
				resolve();
			}
		});
		observer.observe(heading, { childList: true, characterData: true, subtree: true });
	});
	select.value = id;
	select.dispatchEvent(new Event('change', { bubbles: true }));
	await changed;
	const updated = performance.now() - started;
	await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
	return { updated, framed: performance.now() - started };
};

const SWITCH_WARD = async (index: number) => {
	const links = [...document.querySelectorAll<HTMLAnchorElement>('#local-map-caption a')];
	const link = links[index % links.length];
	const before = document.querySelector('h1')!.textContent;
	const started = performance.now();
	const changed = new Promise<void>((resolve) => {
		const observer = new MutationObserver(() => {
			if (document.querySelector('h1')?.textContent !== before) {
				observer.disconnect();
				resolve();
			}
		});
		observer.observe(document.body, { childList: true, characterData: true, subtree: true });
	});
	link.click();
	await changed;
	const updated = performance.now() - started;
	await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
	return { updated, framed: performance.now() - started };
};

export async function measureSwitches(browser: Browser, origin: string, wardPath: string, cpu: Throttle | null, count = 50): Promise<SwitchTimes> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	try {
		const page = await context.newPage();
		await applyThrottle(await context.newCDPSession(page), cpu);
		// Hold DuckDB back for the first series: the page answers from the prerendered values file.
		let releaseWasm: () => void = () => {};
		const wasmHeld = new Promise<void>((resolve) => (releaseWasm = resolve));
		await page.route('**/*.wasm', async (route) => {
			await wasmHeld;
			await route.continue();
		});
		await page.goto(`${origin}/`, { waitUntil: 'load' });
		const ids = await page.locator('#indicator-picker option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
		const series = async (offset: number) => {
			const times: SwitchTime[] = [];
			await page.evaluate(SWITCH_INDICATOR, ids[offset % ids.length]); // warm-up: fetches the values file once
			for (let i = 1; i <= count; i++) times.push(await page.evaluate(SWITCH_INDICATOR, ids[(offset + i) % ids.length]));
			return times;
		};
		const indicatorBeforeDuckdb = await series(1);
		releaseWasm();
		await page.locator('[data-testid="duckdb-status"][data-phase="ready"]').waitFor({ state: 'attached', timeout: 180_000 });
		const indicatorWithDuckdb = await series(7);

		await page.goto(`${origin}${wardPath}`, { waitUntil: 'load' });
		await page.waitForLoadState('networkidle');
		const ward: SwitchTime[] = [];
		for (let i = 0; i < count; i++) ward.push(await page.evaluate(SWITCH_WARD, i));
		return { indicatorBeforeDuckdb, indicatorWithDuckdb, ward };
	} finally {
		await context.close();
	}
}
