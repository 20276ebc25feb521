import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_DIR, buildAll, listDataFiles, writeDataDir } from './build-data.ts';

const rawDir = process.env.RAW_DIR ?? resolve('../shared/data/raw');
const haveRaw = existsSync(rawDir);
if (!haveRaw) console.warn(`Skipping the byte-identical rebuild check: no raw directory at ${rawDir} (set RAW_DIR).`);

describe('data pipeline', () => {
	const out = join(mkdtempSync(join(tmpdir(), 'ward-data-')), 'data');
	afterAll(() => rmSync(resolve(out, '..'), { recursive: true, force: true }));

	it.skipIf(!haveRaw)('rebuilds data/ byte for byte from the raw files', { timeout: 240_000 }, async () => {
		writeDataDir(await buildAll(rawDir), out);
		const committed = listDataFiles(DATA_DIR);
		const rebuilt = listDataFiles(out);
		expect(rebuilt).toEqual(committed);
		const differing = committed.filter((file) => !readFileSync(join(out, file)).equals(readFileSync(join(DATA_DIR, file))));
		expect(differing).toEqual([]);
	});

	it('publishes exactly the 69 Birmingham wards in wards.csv', () => {
		const lines = readFileSync(join(DATA_DIR, 'wards.csv'), 'utf8').trim().split('\n');
		expect(lines[0].split(',').slice(0, 3)).toEqual(['code', 'name', 'slug']);
		const codes = lines.slice(1).map((l) => l.split(',')[0]);
		expect(codes).toHaveLength(69);
		expect(codes[0]).toBe('E05011118');
		expect(codes[68]).toBe('E05011186');
	});

	it('refuses a raw directory it cannot use, exits non-zero and writes nothing', () => {
		const target = join(resolve(out, '..'), 'refused');
		const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', '--raw', join(resolve(out, '..'), 'no-such-raw'), '--out', target], {
			encoding: 'utf8'
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/refused the raw data, nothing was written/);
		expect(run.stderr).toMatch(/raw file not found/);
		expect(existsSync(target)).toBe(false);
	});
});
