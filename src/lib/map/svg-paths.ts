import { geoMercator, geoPath } from 'd3';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export interface ProjectedWard {
	code: string;
	name: string;
	slug: string;
	d: string;
}

export interface ProjectedMap {
	width: number;
	height: number;
	wards: ProjectedWard[];
	outline: string;
}

type WardFeature = Feature<Geometry, { code: string; name: string; slug: string }>;

/**
 * Projects the ward polygons to SVG paths once, at build time, so the map is in the HTML before any
 * script runs and is the fallback wherever WebGL is missing. One decimal of a pixel is plenty.
 */
export function projectWards(wards: FeatureCollection, outline: FeatureCollection | null, width = 640): ProjectedMap {
	const projection = geoMercator().fitWidth(width, wards);
	const path = geoPath(projection).digits(1);
	const [[, y0], [, y1]] = path.bounds(wards);
	const height = Math.ceil(y1 - y0 + 2);
	projection.translate([projection.translate()[0], projection.translate()[1] - y0 + 1]);
	return {
		width,
		height,
		wards: (wards.features as WardFeature[]).map((f) => ({ code: f.properties.code, name: f.properties.name, slug: f.properties.slug, d: path(f) ?? '' })),
		outline: outline ? (path(outline) ?? '') : ''
	};
}
