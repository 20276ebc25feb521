/** Debian's Chromium and the flags every run uses; Playwright's own browser download does not work here. */
import { existsSync } from 'node:fs';

export const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader'
];

export function chromiumPath(): string {
	const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (!existsSync(path)) {
		throw new Error(
			`Chromium not found at ${path}. Install it with \`apt-get install -y chromium fonts-liberation\` or set CHROMIUM_PATH to a Chromium binary.`
		);
	}
	return path;
}
