/**
 * `npm run data [-- --raw DIR --out DIR]`: turns the official raw files into the published datasets in data/.
 * Every family is built and validated in memory first; only then is anything written, so a bad raw file
 * leaves the previous data/ untouched.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildChildPoverty } from './child-poverty.ts';
import { buildGeography, wardBaseRows } from './geography.ts';
import { buildImd } from './imd.ts';
import { buildKs4 } from './ks4.ts';
import { buildLifeExpectancy } from './life-expectancy.ts';
import { buildPostcodes } from './postcodes.ts';
import { buildSegregation } from './segregation.ts';
import { DataError } from './lib/errors.ts';
import type { FamilyOutput } from './lib/family.ts';
import { RawDir } from './lib/raw.ts';
import { buildWardsTable } from './wards-table.ts';
import { checkIndicators, renderSourcesMarkdown } from './catalogue.ts';
import { buildPopulation, workingAgePopulation } from './population.ts';
import { buildFuelPoverty } from './fuel-poverty.ts';
import { buildClaimantCount } from './claimant-count.ts';
import { buildChildPovertyTrend } from './child-poverty-trend.ts';
import { buildSupplementary } from './supplementary.ts';
import { checkSeries } from './lib/series.ts';
import { wardNames } from './lib/raw.ts';

export const DEFAULT_RAW_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/data/raw');
export const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../data');

/** Builds every published file in memory. Throws DataError on the first rule a raw file breaks. */
export async function buildAll(rawDir: string): Promise<Map<string, string>> {
	const raw = new RawDir(rawDir);
	const population = buildPopulation(raw, wardNames(raw));
	const families: FamilyOutput[] = [
		await buildGeography(raw),
		await buildPostcodes(raw),
		buildImd(raw),
		buildChildPoverty(raw),
		buildLifeExpectancy(raw),
		buildKs4(raw),
		buildSegregation(raw),
		population.output,
		buildFuelPoverty(raw, wardNames(raw)),
		buildClaimantCount(raw, workingAgePopulation(population.estimates), wardNames(raw)),
		buildChildPovertyTrend(raw, wardNames(raw)),
		buildSupplementary(raw, wardNames(raw))
	];
	const files = new Map<string, string>();
	const add = (path: string, text: string) => {
		if (files.has(path)) throw new DataError(path, 'two pipeline steps write the same file');
		files.set(path, text);
	};
	for (const family of families) for (const [path, text] of Object.entries(family.files)) add(path, text);
	// Ward populations are the ONS ward estimates, not sums of best-fit LSOAs.
	const wardEstimate = (year: number) => new Map([...population.estimates.wards].map(([code, years]) => [code, years.get(year)!.all!]));
	add('wards.csv', buildWardsTable(await wardBaseRows(raw), wardEstimate(2021), wardEstimate(2015), wardEstimate(2024)));

	const indicators = families.flatMap((f) => f.indicators);
	const sources = families.flatMap((f) => f.sources);
	const series = families.flatMap((f) => f.series ?? []);
	checkIndicators(indicators, sources, files);
	checkSeries(series, sources, indicators, files);
	add('indicators.json', JSON.stringify({ indicators, sources: uniqueById(sources), series }, null, '\t') + '\n');
	add('SOURCES.md', renderSourcesMarkdown(uniqueById(sources)));
	return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

function uniqueById<T extends { id: string }>(items: T[]): T[] {
	const byId = new Map<string, T>();
	for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
	return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** Writes the files into a fresh sibling folder, then swaps it in for outDir. */
export function writeDataDir(files: Map<string, string>, outDir: string): void {
	const staging = `${outDir}.staging-${process.pid}`;
	rmSync(staging, { recursive: true, force: true });
	for (const [path, text] of files) {
		const full = join(staging, path);
		mkdirSync(dirname(full), { recursive: true });
		writeFileSync(full, text);
	}
	const previous = `${outDir}.previous-${process.pid}`;
	let hadPrevious = true;
	try {
		renameSync(outDir, previous);
	} catch {
		hadPrevious = false;
	}
	renameSync(staging, outDir);
	if (hadPrevious) rmSync(previous, { recursive: true, force: true });
}

/** Every file under dir, as relative paths, sorted. */
export function listDataFiles(dir: string, prefix = ''): string[] {
	return readdirSync(join(dir, prefix), { withFileTypes: true })
		.flatMap((e) => (e.isDirectory() ? listDataFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)]))
		.sort();
}

function argument(name: string): string | undefined {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const rawDir = resolve(argument('--raw') ?? DEFAULT_RAW_DIR);
	const outDir = resolve(argument('--out') ?? DATA_DIR);
	try {
		const started = Date.now();
		const files = await buildAll(rawDir);
		writeDataDir(files, outDir);
		console.log(`Wrote ${files.size} files to ${outDir} from ${rawDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	} catch (error) {
		if (error instanceof DataError) {
			console.error(`Data pipeline refused the raw data, nothing was written.\n  ${error.message}`);
			process.exit(1);
		}
		throw error;
	}
}
