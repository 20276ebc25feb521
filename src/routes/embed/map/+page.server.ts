import { readGeometry } from '$lib/data/geometry.server.ts';
import { loadIndicatorEmbed } from '$lib/embed/indicator-embed.server.ts';
import { projectWards } from '$lib/map/svg-paths.ts';

export async function load() {
	return {
		...(await loadIndicatorEmbed()),
		projected: projectWards(readGeometry('wards.geojson'), readGeometry('birmingham.geojson'))
	};
}
