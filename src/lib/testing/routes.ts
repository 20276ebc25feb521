/**
 * The pages a build holds, found from build/ itself, so site-wide checks cover routes added later without a
 * list to keep. Ward pages are sampled (the first, the last and a few between); they share one template.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export const BUILD_DIR = resolve('build');

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === '_app' ? [] : htmlFiles(full);
		return entry.name === 'index.html' ? [full] : [];
	});
}

/** Every prerendered page as a site path with a trailing slash: '/', '/ward/ladywood/', '/embed/map/'… */
export function prerenderedPages(buildDir = BUILD_DIR): string[] {
	if (!existsSync(join(buildDir, 'index.html'))) throw new Error(`No build in ${buildDir}: run \`npm run build\` first.`);
	return htmlFiles(buildDir)
		.map((file) => `/${relative(buildDir, file).split(sep).slice(0, -1).join('/')}/`.replace(/^\/\/$/, '/'))
		.sort();
}

/** All pages but wards, plus the first, the last and every `step`-th ward page. */
export function pagesToCheck(pages = prerenderedPages(), wardSamples = 3): string[] {
	const wards = pages.filter((p) => p.startsWith('/ward/'));
	const others = pages.filter((p) => !p.startsWith('/ward/'));
	const picks = new Set([0, wards.length - 1]);
	for (let i = 1; i <= wardSamples; i++) picks.add(Math.round((i * (wards.length - 1)) / (wardSamples + 1)));
	return [...others, ...[...picks].filter((i) => i >= 0).sort((a, b) => a - b).map((i) => wards[i])];
}

export const isEmbed = (path: string) => path.startsWith('/embed/');
