/**
 * Places a point (a reader's location) in a ward, entirely in the browser: the coordinates are tested
 * against the published ward boundaries and never leave the page.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

export interface Point {
	longitude: number;
	latitude: number;
}

export type Placement = { kind: 'ward'; code: string; nearest: boolean } | { kind: 'outside' } | { kind: 'invalid' };

/** How far outside every simplified ward a point inside the city outline may be and still be given the nearest ward. */
const EDGE_TOLERANCE_METRES = 300;

type Area = Feature<Polygon | MultiPolygon>;

const isArea = (feature: Feature): feature is Area => feature.geometry?.type === 'Polygon' || feature.geometry?.type === 'MultiPolygon';

export function placePoint(point: Point, wards: FeatureCollection, outline: FeatureCollection): Placement {
	const { longitude, latitude } = point;
	if (!Number.isFinite(longitude) || !Number.isFinite(latitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return { kind: 'invalid' };
	const position: Position = [longitude, latitude];
	const areas = wards.features.filter(isArea);
	const containing = areas.find((ward) => booleanPointInPolygon(position, ward));
	if (containing) return { kind: 'ward', code: String(containing.properties?.code), nearest: false };
	// Simplified ward edges leave slivers along the city boundary; a point there is still in Birmingham.
	const inCity = outline.features.filter(isArea).some((city) => booleanPointInPolygon(position, city));
	if (!inCity) return { kind: 'outside' };
	let best: { code: string; metres: number } | null = null;
	for (const ward of areas) {
		const metres = distanceToArea(position, ward);
		if (!best || metres < best.metres) best = { code: String(ward.properties?.code), metres };
	}
	return best && best.metres <= EDGE_TOLERANCE_METRES ? { kind: 'ward', code: best.code, nearest: true } : { kind: 'outside' };
}

/** Metres from a point to the nearest edge of an area, on a local flat projection (fine at city scale). */
function distanceToArea([lon, lat]: Position, area: Area): number {
	const metresPerDegreeLat = 111_320;
	const metresPerDegreeLon = metresPerDegreeLat * Math.cos((lat * Math.PI) / 180);
	const rings = area.geometry.type === 'Polygon' ? area.geometry.coordinates : area.geometry.coordinates.flat();
	let best = Infinity;
	for (const ring of rings) {
		for (let i = 1; i < ring.length; i++) {
			const ax = (ring[i - 1][0] - lon) * metresPerDegreeLon;
			const ay = (ring[i - 1][1] - lat) * metresPerDegreeLat;
			const bx = (ring[i][0] - lon) * metresPerDegreeLon;
			const by = (ring[i][1] - lat) * metresPerDegreeLat;
			best = Math.min(best, distanceToSegment(ax, ay, bx, by));
		}
	}
	return best;
}

/** Distance from the origin to the segment a–b. */
function distanceToSegment(ax: number, ay: number, bx: number, by: number): number {
	const dx = bx - ax;
	const dy = by - ay;
	const lengthSquared = dx * dx + dy * dy;
	const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
	return Math.hypot(ax + t * dx, ay + t * dy);
}
