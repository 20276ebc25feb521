/** What a prerendered page makes the browser fetch before it can start: read from the built HTML. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const gzipSize = (content: string | Buffer) => gzipSync(content).length;

/** The module graph SvelteKit preloads and the stylesheets it links: the page's initial JS and CSS. */
export function initialAssets(html: string): { scripts: string[]; styles: string[] } {
	const hrefs = (rel: string) =>
		[...html.matchAll(/<link\b[^>]*>/g)]
			.map((m) => m[0])
			// SvelteKit keeps inlined stylesheets as disabled links for later navigations; they cost nothing up front.
			.filter((tag) => new RegExp(`rel="${rel}"`).test(tag) && !/\sdisabled\b/.test(tag))
			.map((tag) => /href="([^"]+)"/.exec(tag)?.[1])
			.filter((href): href is string => Boolean(href));
	const entryImports = [...html.matchAll(/import\("([^"]+\.js)"\)/g)].map((m) => m[1]);
	return { scripts: [...new Set([...hrefs('modulepreload'), ...entryImports])], styles: hrefs('stylesheet') };
}

/** The inline <script> SvelteKit writes with the page's data, which hydration reads. */
export function inlineScriptBytes(html: string): number {
	return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].reduce((sum, m) => sum + m[1].length, 0);
}

export interface RouteWeight {
	path: string;
	htmlGzip: number;
	inlineDataGzip: number;
	jsGzip: number;
	cssGzip: number;
	jsFiles: number;
}

export function routeWeight(buildDir: string, path: string): RouteWeight | null {
	const file = join(resolve(buildDir), path, 'index.html');
	if (!existsSync(file)) return null;
	const html = readFileSync(file, 'utf8');
	const { scripts, styles } = initialAssets(html);
	const size = (href: string) => gzipSize(readFileSync(resolve(dirname(file), href)));
	const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
	return {
		path,
		htmlGzip: gzipSize(html),
		inlineDataGzip: inline ? gzipSize(inline) : 0,
		jsGzip: scripts.reduce((sum, href) => sum + size(href), 0),
		cssGzip: styles.reduce((sum, href) => sum + size(href), 0),
		jsFiles: scripts.length
	};
}
