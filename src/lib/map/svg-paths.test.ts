import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { projectWards } from './svg-paths.ts';

const wards = JSON.parse(readFileSync('data/wards.geojson', 'utf8')) as FeatureCollection;

describe('projectWards', () => {
	it('projects all 69 wards inside the frame, each with a path', () => {
		const map = projectWards(wards, null, 640);
		expect(map.wards).toHaveLength(69);
		expect(map.width).toBe(640);
		// Birmingham is taller than wide on a Mercator map, but not absurdly so: a wound-wrong ring would fill the globe.
		expect(map.height).toBeGreaterThan(500);
		expect(map.height).toBeLessThan(900);
		for (const ward of map.wards) {
			const numbers = ward.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
			expect(Math.min(...numbers)).toBeGreaterThanOrEqual(-1);
			expect(Math.max(...numbers)).toBeLessThanOrEqual(map.height + 1);
		}
	});

	it('frames a single ward to the same width', () => {
		const one: FeatureCollection = { ...wards, features: wards.features.filter((f) => f.properties?.code === 'E05011151') };
		const map = projectWards(one, null, 360);
		expect(map.wards).toHaveLength(1);
		expect(map.height).toBeLessThan(800);
		expect(map.wards[0].d.startsWith('M')).toBe(true);
	});
});
