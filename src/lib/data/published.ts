/** Fetches what the build prerendered or published, for pages that change view in the browser. */
import { base } from '$app/paths';
import type { FeatureCollection } from 'geojson';
import type { ValueMatrix } from './matrix.ts';
import type { Benchmark } from './types.ts';
import { fetchDataFile } from './browser-db.svelte.ts';

export interface AllValues {
	matrix: ValueMatrix;
	benchmarks: Benchmark[];
}

let allValues: Promise<AllValues> | undefined;

export function loadAllValues(): Promise<AllValues> {
	allValues ??= requestAllValues();
	allValues.catch(() => (allValues = undefined));
	return allValues;
}

async function requestAllValues(): Promise<AllValues> {
	let response: Response;
	try {
		response = await fetch(`${base}/api/values.json`);
	} catch {
		throw new Error('Could not load the ward figures: the network request failed.');
	}
	if (!response.ok) throw new Error(`Could not load the ward figures (server answered ${response.status}).`);
	const body = (await response.json().catch(() => null)) as AllValues | null;
	if (!body?.matrix?.indicators) throw new Error('The ward figures file (api/values.json) is damaged.');
	return body;
}

const geometry = new Map<string, Promise<FeatureCollection>>();

export function loadGeometry(file: 'wards.geojson' | 'birmingham.geojson' | 'lsoa11.geojson'): Promise<FeatureCollection> {
	if (!geometry.has(file)) {
		const request = fetchDataFile(file).then(async (response) => {
			try {
				const parsed = (await response.json()) as FeatureCollection;
				if (parsed.type !== 'FeatureCollection') throw new Error('not a FeatureCollection');
				return parsed;
			} catch (e) {
				throw new Error(`${file} is damaged (${(e as Error).message}).`);
			}
		});
		request.catch(() => geometry.delete(file));
		geometry.set(file, request);
	}
	return geometry.get(file)!;
}
