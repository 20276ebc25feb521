/** Pure helpers for the benchmark: medians, resource classes, formatting. */

export function median(values: number[]): number | null {
	const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
	if (!finite.length) return null;
	const middle = Math.floor(finite.length / 2);
	return finite.length % 2 ? finite[middle] : (finite[middle - 1] + finite[middle]) / 2;
}

export type ResourceClass = 'html' | 'js' | 'css' | 'data' | 'wasm' | 'other';

/** What a request carries, judged by its path as the site names its files. */
export function classify(url: string): ResourceClass {
	const path = new URL(url).pathname;
	if (path.endsWith('.wasm')) return 'wasm';
	if (/\.m?js$/.test(path)) return 'js';
	if (path.endsWith('.css')) return 'css';
	if (/\.(json|geojson|csv)$/.test(path)) return 'data';
	if (path.endsWith('/') || path.endsWith('.html')) return 'html';
	return 'other';
}

export interface TimedResource {
	url: string;
	/** ms after navigation start when the last byte arrived */
	responseEnd: number;
	transferSize: number;
}

/** Bytes on the wire before a moment, per class. */
export function bytesBefore(resources: TimedResource[], moment: number): Record<ResourceClass, number> {
	const totals: Record<ResourceClass, number> = { html: 0, js: 0, css: 0, data: 0, wasm: 0, other: 0 };
	for (const r of resources) if (r.responseEnd <= moment) totals[classify(r.url)] += r.transferSize;
	return totals;
}

export const ms = (value: number | null | undefined) => (value == null ? '—' : `${Math.round(value)} ms`);
export const seconds = (value: number | null | undefined) => (value == null ? '—' : `${(value / 1000).toFixed(2)} s`);
export const kb = (bytes: number | null | undefined) => (bytes == null ? '—' : `${(bytes / 1024).toFixed(1)} KB`);
export const ratio = (value: number | null | undefined, floor: number | null | undefined) =>
	value == null || !floor ? '—' : (value / floor).toFixed(2);

/** A plain-text table with a header row, padded to the widest cell; also valid Markdown. */
export function table(header: string[], rows: string[][]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	const line = (cells: string[]) => `| ${cells.map((c, i) => (c ?? '').padEnd(widths[i])).join(' | ')} |`;
	return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
