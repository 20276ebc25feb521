import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { publishedData } from './scripts/vite-plugin-published-data.ts';

export default defineConfig({
	plugins: [sveltekit(), publishedData()],
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['scripts/**/*.test.ts', 'src/**/*.test.ts', 'bench/**/*.test.ts'],
					exclude: ['src/**/*.e2e.test.ts'],
					environment: 'node',
					testTimeout: 60_000
				}
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: ['src/**/*.e2e.test.ts'],
					environment: 'node',
					testTimeout: 90_000,
					hookTimeout: 120_000,
					// Pages settle after hydration and data fetches; on a busy two-core CI machine that can take seconds.
					expect: { poll: { timeout: 15_000 } },
					// One retry absorbs a click that lands before hydration on a loaded machine; a real fault fails twice.
					retry: 1,
					fileParallelism: false,
					globalSetup: ['src/lib/testing/serve-build.ts']
				}
			}
		]
	}
});
