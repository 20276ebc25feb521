/** Builds the SVG, PNG and CSV downloads for a chart and hands them to the browser. Browser only. */
import { composeFigureSvg, DARK, LIGHT, type ComposedSvg } from './compose-svg.ts';
import { loadExportFont } from './fonts.ts';
import { serialiseChart } from './serialise-svg.ts';
import type { ChartBody, FigureText } from './types.ts';

/** Print and high-density screens need at least 2×. */
export const PNG_SCALE = 2;

/** A chart gives either its live <svg> or, like the map (which may be a canvas on screen), ready markup. */
export type ChartSource = SVGSVGElement | ChartBody;

export async function figureSvg(text: FigureText, chart: ChartSource, dark = false): Promise<ComposedSvg> {
	const { fontCss, measure } = await loadExportFont();
	const body = chart instanceof SVGSVGElement ? serialiseChart(chart) : chart;
	return composeFigureSvg(text, body, { fontCss, measure, palette: dark ? DARK : LIGHT });
}

export async function svgToPng(composed: ComposedSvg, scale = PNG_SCALE): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([composed.svg], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.decoding = 'sync';
		await new Promise<void>((resolve, reject) => {
			image.onload = () => resolve();
			image.onerror = () => reject(new Error('the browser could not draw the image'));
			image.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(composed.width * scale);
		canvas.height = Math.round(composed.height * scale);
		const context = canvas.getContext('2d');
		if (!context) throw new Error('this browser cannot draw images');
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not make the PNG'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

export function downloadBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.rel = 'noopener';
	// Embeds set <base target="_blank">; a download must not open a tab.
	link.target = '_self';
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
