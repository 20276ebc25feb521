import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pagesToCheck, prerenderedPages } from './routes.ts';

describe('routes found from a build', () => {
	it('lists every page folder, skips _app, and samples the ward pages', () => {
		const dir = mkdtempSync(join(tmpdir(), 'build-'));
		const page = (path: string) => {
			mkdirSync(join(dir, path), { recursive: true });
			writeFileSync(join(dir, path, 'index.html'), '<!doctype html>');
		};
		page('');
		page('methods');
		page('embed/map');
		page('_app/immutable');
		const wards = Array.from({ length: 10 }, (_, i) => `ward/w${String(i).padStart(2, '0')}`);
		wards.forEach(page);
		const pages = prerenderedPages(dir);
		expect(pages).toContain('/');
		expect(pages).toContain('/embed/map/');
		expect(pages.some((p) => p.includes('_app'))).toBe(false);
		expect(pages).toHaveLength(13);
		const checked = pagesToCheck(pages, 2);
		expect(checked).toEqual(['/', '/embed/map/', '/methods/', '/ward/w00/', '/ward/w03/', '/ward/w06/', '/ward/w09/']);
	});

	it('samples ward card embeds the same way, and copes with none', () => {
		const pages = ['/', ...Array.from({ length: 5 }, (_, i) => `/embed/ward/w${i}/`)];
		expect(pagesToCheck(pages, 1)).toEqual(['/', '/embed/ward/w0/', '/embed/ward/w2/', '/embed/ward/w4/']);
		expect(pagesToCheck(['/'], 3)).toEqual(['/']);
	});

	it('says how to make a build when there is none', () => {
		expect(() => prerenderedPages(mkdtempSync(join(tmpdir(), 'empty-')))).toThrow(/npm run build/);
	});
});
