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

const PER_WARD = [/^\/ward\//, /^\/embed\/ward\//];

/** The first, the last and `samples` evenly spaced pages between. */
function sample(pages: string[], samples: number): string[] {
	if (!pages.length) return [];
	const picks = new Set([0, pages.length - 1]);
	for (let i = 1; i <= samples; i++) picks.add(Math.round((i * (pages.length - 1)) / (samples + 1)));
	return [...picks].filter((i) => i >= 0).sort((a, b) => a - b).map((i) => pages[i]);
}

/** Every page but the per-ward ones (ward profiles, ward card embeds), of which a sample: they share one template. */
export function pagesToCheck(pages = prerenderedPages(), wardSamples = 3): string[] {
	const others = pages.filter((p) => !PER_WARD.some((pattern) => pattern.test(p)));
	return [...others, ...PER_WARD.flatMap((pattern) => sample(pages.filter((p) => pattern.test(p)), wardSamples))];
}

export const isEmbed = (path: string) => path.startsWith('/embed/');
