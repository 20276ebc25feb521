/** vitest globalSetup for browser tests: serves the built site and hands its address to the tests. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveDirectory } from './static-server.ts';

export default async function setup(project: TestProject) {
	const buildDir = resolve('build');
	if (!existsSync(resolve(buildDir, 'index.html'))) {
		throw new Error('No build/ found. Browser tests run against the built site: run `npm run build` first (npm test does).');
	}
	const server = await serveDirectory(buildDir);
	project.provide('siteOrigin', server.origin);
	return () => server.close();
}

declare module 'vitest' {
	export interface ProvidedContext {
		siteOrigin: string;
	}
}
