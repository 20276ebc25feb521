/**
 * The ward map as standalone SVG markup for downloads, drawn from the same projected paths as SvgWardMap.
 * The page may be showing MapLibre's canvas; the download is always this vector version.
 */
import { escapeXml } from '$lib/embed/compose-svg.ts';
import type { ChartBody } from '$lib/embed/types.ts';
import { NO_DATA_COLOUR } from './colour-scale.ts';
import type { ProjectedMap } from './svg-paths.ts';

export function mapChartBody(
	projected: ProjectedMap,
	fills: Record<string, string>,
	describe: (code: string) => string,
	selected: string | null,
	dark = false
): ChartBody {
	const border = dark ? '#151515' : '#ffffff';
	const emphasis = dark ? '#f2f2f2' : '#111111';
	const wards = projected.wards
		.map((w) => `<path d="${w.d}" fill="${fills[w.code] ?? NO_DATA_COLOUR}" stroke="${border}" stroke-width="0.8" stroke-linejoin="round"><title>${escapeXml(describe(w.code))}</title></path>`)
		.join('');
	const outline = projected.outline ? `<path d="${projected.outline}" fill="none" stroke="${dark ? '#f2f2f2' : '#1f1f1f'}" stroke-width="1.5"/>` : '';
	const highlight = projected.wards
		.filter((w) => w.code === selected)
		.map((w) => `<path d="${w.d}" fill="none" stroke="${emphasis}" stroke-width="2.5"/>`)
		.join('');
	return { markup: outline + wards + highlight, width: projected.width, height: projected.height };
}
