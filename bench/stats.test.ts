import { describe, expect, it } from 'vitest';
import { bytesBefore, classify, median, ratio, table } from './stats.ts';

describe('benchmark statistics', () => {
	it('takes the median of odd and even runs and ignores failed runs', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([NaN, 7, Infinity])).toBe(7);
		expect(median([])).toBeNull();
	});

	it('classifies the site’s files by what they carry', () => {
		expect(classify('http://h/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm')).toBe('wasm');
		expect(classify('http://h/_app/immutable/chunks/a.js')).toBe('js');
		expect(classify('http://h/_app/immutable/assets/maplibre-gl-worker.x.mjs')).toBe('js');
		expect(classify('http://h/_app/immutable/assets/0.css')).toBe('css');
		expect(classify('http://h/data/wards.geojson')).toBe('data');
		expect(classify('http://h/api/values.json')).toBe('data');
		expect(classify('http://h/ward/ladywood/')).toBe('html');
		expect(classify('http://h/favicon.svg')).toBe('other');
	});

	it('counts only bytes that arrived before the moment', () => {
		const totals = bytesBefore(
			[
				{ url: 'http://h/', responseEnd: 100, transferSize: 5000 },
				{ url: 'http://h/a.js', responseEnd: 300, transferSize: 2000 },
				{ url: 'http://h/b.js', responseEnd: 900, transferSize: 7000 },
				{ url: 'http://h/x.wasm', responseEnd: 5000, transferSize: 9e6 }
			],
			500
		);
		expect(totals).toMatchObject({ html: 5000, js: 2000, wasm: 0 });
	});

	it('prints ratios and aligned tables', () => {
		expect(ratio(1300, 1000)).toBe('1.30');
		expect(ratio(1300, null)).toBe('—');
		expect(table(['a', 'bb'], [['long', 'x']])).toBe('| a    | bb |\n|------|----|\n| long | x  |');
	});
});
