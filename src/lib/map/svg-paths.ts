import { geoArea, geoMercator, geoPath } from 'd3';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

/**
 * The published GeoJSON follows RFC 7946 (exterior rings anticlockwise); d3-geo reads rings on the sphere and
 * wants exterior rings clockwise, or it fills the rest of the globe. Rewind each ring to what d3 expects.
 */
export function rewindForSphere(geometry: Geometry): Geometry {
	const fix = (rings: Position[][]) =>
		rings.map((ring, i) => {
			const enclosesSmallSide = geoArea({ type: 'Polygon', coordinates: [ring] }) <= 2 * Math.PI;
			return enclosesSmallSide === (i === 0) ? ring : [...ring].reverse();
		});
	if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: fix(geometry.coordinates) };
	if (geometry.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(fix) };
	return geometry;
}

function rewound(collection: FeatureCollection): FeatureCollection {
	return { ...collection, features: collection.features.map((f) => ({ ...f, geometry: rewindForSphere(f.geometry) })) };
}

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
export function projectWards(rawWards: FeatureCollection, rawOutline: FeatureCollection | null, width = 640): ProjectedMap {
	const wards = rewound(rawWards);
	const outline = rawOutline && rewound(rawOutline);
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
