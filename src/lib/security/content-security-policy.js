/**
 * The site's Content-Security-Policy. SvelteKit adds the hash of each page's inline start-up script to
 * script-src and writes the policy into a <meta http-equiv> tag on every prerendered page (kit.csp, mode
 * 'hash'), so it holds on any static host without server configuration.
 *
 * Plain JavaScript with JSDoc types, because svelte.config.js imports it before any TypeScript tooling runs.
 * The README ("Security and privacy") explains it; src/routes/security.e2e.test.ts checks it in every page.
 */

/** @type {Record<string, string[]>} */
export const CSP_DIRECTIVES = {
	'default-src': ['self'],
	// No inline script but SvelteKit's start-up script, allowed by its hash. No 'wasm-unsafe-eval': the page
	// never compiles WebAssembly. DuckDB does that inside its worker, which a browser governs by the worker
	// script's own response headers, not by this tag (see DUCKDB_WORKER_POLICY).
	'script-src': ['self'],
	// DuckDB-WASM and MapLibre run in workers loaded from this site, never from blob: or data: URLs.
	'worker-src': ['self'],
	'connect-src': ['self'],
	// Stylesheets come from this site only. Style *attributes* (a legend swatch's colour, a tooltip's
	// position) are set from data; they cannot run script, and their values cannot be hashed in advance.
	'style-src': ['self'],
	'style-src-elem': ['self'],
	'style-src-attr': ['unsafe-inline'],
	// MapLibre's stylesheet draws its zoom buttons as data: SVG images; image exports are blob: URLs.
	'img-src': ['self', 'data:', 'blob:'],
	'font-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self']
};

/**
 * The policy a host that sends CSP headers on every file must send with DuckDB's worker scripts
 * (_app/immutable/assets/duckdb-browser-*.worker.*.js): the worker compiles the wasm, which the page has
 * downloaded and hands over as a blob: URL.
 */
export const DUCKDB_WORKER_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' blob:";

/**
 * Headers a host should send, because a <meta> tag cannot set frame-ancestors. Pages under /embed/ may be
 * framed by any site; every other page only by this site.
 * @param {string} path the page's path, e.g. '/embed/map/'
 */
export function recommendedHeaders(path) {
	const embed = /(^|\/)embed\//.test(path);
	return {
		'Content-Security-Policy': `frame-ancestors ${embed ? '*' : "'self'"}`,
		'Referrer-Policy': 'no-referrer',
		'X-Content-Type-Options': 'nosniff'
	};
}
