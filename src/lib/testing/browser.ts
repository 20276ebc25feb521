/** Launches Debian's Chromium for browser tests; Playwright's own browser download does not work here. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inject } from 'vitest';
import { CHROMIUM_FLAGS, chromiumPath } from './chromium.ts';

export { CHROMIUM_FLAGS, chromiumPath };

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
	return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_FLAGS, ...extraArgs], headless: true });
}

/** The address of the built site served for this test run. */
export function siteUrl(path = '/'): string {
	return `${inject('siteOrigin')}${path}`;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.x A/AA rules) in the page and returns its violations, summarised. */
export async function axeViolations(page: Page): Promise<string[]> {
	// evaluate() is not subject to the page's Content-Security-Policy, unlike an injected <script>.
	await page.evaluate(axeSource);
	const violations = await page.evaluate(async () => {
		// @ts-expect-error axe is injected above
		const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
		return result.violations.map(
			(v: { id: string; help: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`
		);
	});
	return violations as string[];
}

/** Opens a page and waits until Svelte has hydrated it, so clicks reach their handlers. */
export async function gotoHydrated(page: Page, path: string): Promise<void> {
	await page.goto(siteUrl(path));
	await page.locator('html[data-hydrated="true"]').waitFor({ timeout: 30_000 });
}
