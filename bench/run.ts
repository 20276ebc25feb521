/**
 * npm run bench [-- --runs 5] [-- --no-build]
 *
 * Builds the site, serves build/ gzipped as a static host would, and drives Chromium through the DevTools
 * protocol on a slow mobile profile (150 ms RTT, 1.6 Mbps down, 4× CPU) plus one unthrottled desktop run.
 * Prints medians for the home page, a ward page, /compare and an embed, a bare-HTML floor page for the ratio,
 * switch latencies, and initial JS per route. It reports; it does not fail. Results also go to bench/latest.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../src/lib/testing/chromium.ts';
import { isEmbed, prerenderedPages } from '../src/lib/testing/routes.ts';
import { serveDirectory } from '../src/lib/testing/static-server.ts';
import { floorPage } from './floor.ts';
import { measureLoad, SLOW_MOBILE, type LoadRun } from './measure.ts';
import { routeWeight } from './route-assets.ts';
import { kb, median, ms, ratio, seconds, table } from './stats.ts';
import { measureSwitches, type SwitchTime } from './switches.ts';

const args = process.argv.slice(2);
const runs = Math.max(5, Number(args[args.indexOf('--runs') + 1]) || 5);
const buildDir = resolve('build');
const TARGET = { lcpMs: 1500, floorRatio: 1.3, switchMs: 50, initialJsBytes: 100 * 1024 };

if (!args.includes('--no-build')) {
	console.log('Building the site…');
	const build = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
	if (build.status !== 0) throw new Error('npm run build failed');
}

const pages = prerenderedPages(buildDir);
const wardPath = pages.includes('/ward/ladywood/') ? '/ward/ladywood/' : pages.find((p) => p.startsWith('/ward/'))!;
const subjects: { name: string; path: string | undefined }[] = [
	{ name: 'Home (map)', path: '/' },
	{ name: `Ward (${wardPath})`, path: wardPath },
	{ name: 'Compare', path: pages.find((p) => p === '/compare/') },
	{ name: 'Embed', path: pages.find(isEmbed) }
];

const floorDir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
writeFileSync(join(floorDir, 'index.html'), floorPage(readFileSync(join(buildDir, 'index.html'), 'utf8')));
const site = await serveDirectory(buildDir, 0, '', { gzip: true });
const floor = await serveDirectory(floorDir, 0, '', { gzip: true });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, headless: true });

const summary = (list: LoadRun[]) => {
	const pick = (f: (r: LoadRun) => number | null) => median(list.map(f).filter((v): v is number => v !== null));
	return {
		fcp: pick((r) => r.fcp),
		lcp: pick((r) => r.lcp),
		map: pick((r) => r.mapDrawn),
		duckdb: pick((r) => r.duckdbFirstQuery),
		js: pick((r) => r.bytesBeforeLcp.js),
		css: pick((r) => r.bytesBeforeLcp.css),
		data: pick((r) => r.bytesBeforeLcp.data),
		html: pick((r) => r.bytesBeforeLcp.html),
		wasm: pick((r) => r.bytesBeforeLcp.wasm),
		firstViewData: pick((r) => r.firstViewDataBytes + r.firstViewHtmlBytes),
		failures: list.filter((r) => r.duckdbPhase === 'failed').length,
		renderers: [...new Set(list.map((r) => r.renderer).filter(Boolean))].join('/')
	};
};

async function measure(url: string, throttled: boolean, waitForDuckdb: boolean, count: number) {
	const list: LoadRun[] = [];
	for (let i = 0; i < count; i++) {
		list.push(await measureLoad(browser, url, { throttle: throttled ? SLOW_MOBILE : null, waitForDuckdb, timeoutMs: 240_000 }));
		process.stdout.write('.');
	}
	return summary(list);
}

try {
	console.log(`Measuring ${runs} throttled runs and 1 unthrottled run per page (slow runs wait for DuckDB: minutes).`);
	const floorThrottled = await measure(`${floor.origin}/`, true, false, runs);
	const floorFast = await measure(`${floor.origin}/`, false, false, 1);
	const results = [];
	for (const subject of subjects) {
		if (!subject.path) {
			results.push({ ...subject, slow: null, fast: null });
			continue;
		}
		process.stdout.write(`\n${subject.name} `);
		const slow = await measure(`${site.origin}${subject.path}`, true, true, runs);
		const fast = await measure(`${site.origin}${subject.path}`, false, true, 1);
		results.push({ ...subject, slow, fast });
	}
	process.stdout.write('\nSwitch latency ');
	const switchesFast = await measureSwitches(browser, site.origin, wardPath, null);
	const switchesSlow = await measureSwitches(browser, site.origin, wardPath, { ...SLOW_MOBILE, latency: 0, download: 1e10, upload: 1e10 });

	const lines: string[] = [];
	const say = (text = '') => lines.push(text);
	say(`Benchmark of ${new Date().toISOString().slice(0, 10)}, Chromium ${browser.version()}, medians of ${runs} runs.`);
	say('Slow = 390×844 phone, 150 ms RTT, 1.6 Mbps down, 4× CPU; fast = 1280×800, no throttling. Static server with gzip.');
	say();
	say('Loading (slow profile). Bytes are gzip bytes on the wire before LCP.');
	say(
		table(
			['Page', 'FCP', 'LCP', 'LCP ÷ floor', 'Map drawn', 'DuckDB 1st answer', 'HTML', 'JS', 'CSS', 'Data', 'Wasm'],
			[
				['Floor (bare HTML table)', ms(floorThrottled.fcp), ms(floorThrottled.lcp), '1.00', '', '', kb(floorThrottled.html), '', '', '', ''],
				...results.map((r) =>
					r.slow
						? [
								r.name,
								ms(r.slow.fcp),
								ms(r.slow.lcp),
								ratio(r.slow.lcp, floorThrottled.lcp),
								r.slow.map === null ? 'prerendered SVG' : ms(r.slow.map),
								r.slow.failures ? `failed ${r.slow.failures}/${runs}` : seconds(r.slow.duckdb),
								kb(r.slow.html),
								kb(r.slow.js),
								kb(r.slow.css),
								kb(r.slow.data),
								kb(r.slow.wasm)
							]
						: [r.name, 'route not in this build', '', '', '', '', '', '', '', '', '']
				)
			]
		)
	);
	say();
	say('Loading (fast profile, one run).');
	say(
		table(
			['Page', 'FCP', 'LCP', 'LCP ÷ floor', 'Map drawn', 'DuckDB 1st answer'],
			[
				['Floor (bare HTML table)', ms(floorFast.fcp), ms(floorFast.lcp), '1.00', '', ''],
				...results
					.filter((r) => r.fast)
					.map((r) => [r.name, ms(r.fast!.fcp), ms(r.fast!.lcp), ratio(r.fast!.lcp, floorFast.lcp), r.fast!.map === null ? 'prerendered SVG' : ms(r.fast!.map), seconds(r.fast!.duckdb)])
			]
		)
	);
	say();
	say('Switch latency, median of 50: input → DOM updated / → first frame after it (the frame includes MapLibre redrawing on a software GPU).');
	const both = (times: SwitchTime[]) => `${ms(median(times.map((t) => t.updated)))} / ${ms(median(times.map((t) => t.framed)))}`;
	say(
		table(
			['Switch', 'CPU 1×', 'CPU 4×'],
			[
				['Indicator, before DuckDB (prerendered values)', both(switchesFast.indicatorBeforeDuckdb), both(switchesSlow.indicatorBeforeDuckdb)],
				['Indicator, DuckDB running (SQL in the worker)', both(switchesFast.indicatorWithDuckdb), both(switchesSlow.indicatorWithDuckdb)],
				[`Ward (neighbour link on ${wardPath}, client-side)`, both(switchesFast.ward), both(switchesSlow.ward)]
			]
		)
	);
	say();
	const routes = [...new Set(pages.map((p) => (p.startsWith('/ward/') ? wardPath : p)))];
	const weights = routes.map((p) => routeWeight(buildDir, p)!);
	say('Initial JS and CSS per route (gzip; the map library and DuckDB load later and are not included), and the HTML with its figures.');
	say(
		table(
			['Route', 'Initial JS', 'Files', 'CSS files', 'HTML', 'of which inline data'],
			weights.map((w) => [w.path, kb(w.jsGzip), String(w.jsFiles), kb(w.cssGzip), kb(w.htmlGzip), kb(w.inlineDataGzip)])
		)
	);
	say();
	say('Data and geometry for the first view (HTML with its figures, plus JSON/GeoJSON fetched until the map has drawn), slow profile.');
	say(table(['Page', 'Bytes'], results.filter((r) => r.slow).map((r) => [r.name, kb(r.slow!.firstViewData)])));
	say();
	const homeAndWard = results.slice(0, 2).filter((r) => r.slow);
	const maxSwitch = Math.max(...[switchesSlow.indicatorBeforeDuckdb, switchesSlow.ward].map((t) => median(t.map((x) => x.framed)) ?? Infinity));
	const checks: [string, boolean][] = [
		[`LCP ≤ ${TARGET.lcpMs} ms (slow) on home and ward`, homeAndWard.every((r) => (r.slow!.lcp ?? Infinity) <= TARGET.lcpMs)],
		[`LCP ÷ floor ≤ ${TARGET.floorRatio} on every page`, results.every((r) => !r.slow || (r.slow.lcp ?? Infinity) / floorThrottled.lcp! <= TARGET.floorRatio)],
		['No wasm bytes before LCP', results.every((r) => !r.slow || r.slow.wasm === 0)],
		[`Switch ≤ ${TARGET.switchMs} ms at 4× CPU (indicator before DuckDB, ward)`, maxSwitch <= TARGET.switchMs],
		[`Initial JS ≤ ${kb(TARGET.initialJsBytes)} gzip on every route`, weights.every((w) => w.jsGzip <= TARGET.initialJsBytes)]
	];
	say('Targets:');
	for (const [label, met] of checks) say(`- ${met ? 'met' : 'MISSED'}: ${label}`);

	const report = lines.join('\n');
	console.log(`\n\n${report}`);
	writeFileSync(resolve('bench/latest.md'), `${report}\n`);
	console.log('\nWritten to bench/latest.md.');
} finally {
	await browser.close();
	await site.close();
	await floor.close();
}
