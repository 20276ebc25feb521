/**
 * Lays out a downloadable figure as one standalone SVG: title, subtitle, legend, the chart's own SVG, and the
 * source lines, with the alt text as <title>/<desc> and the font embedded. The PNG is this SVG drawn at 2×.
 * Pure: text is measured by the function passed in, so the layout is tested without a browser.
 */
import type { ChartBody, FigureText, MeasureText } from './types.ts';

export const FONT_FAMILY = 'Ward Explorer Sans';
const FONT_STACK = `'${FONT_FAMILY}', 'Liberation Sans', Arial, Helvetica, sans-serif`;

export interface Palette {
	background: string;
	ink: string;
	muted: string;
}
export const LIGHT: Palette = { background: '#ffffff', ink: '#1b1b1b', muted: '#505050' };
export const DARK: Palette = { background: '#151515', ink: '#f2f2f2', muted: '#c4c4c4' };

export function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Greedy word wrap; a word longer than the line stays whole on its own line. */
export function wrapText(text: string, maxWidth: number, size: number, bold: boolean, measure: MeasureText): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const candidate = line ? `${line} ${word}` : word;
		if (line && measure(candidate, size, bold) > maxWidth) {
			lines.push(line);
			line = word;
		} else line = candidate;
	}
	if (line) lines.push(line);
	return lines;
}

export interface ComposeOptions {
	/** Width of the figure in CSS pixels; the PNG doubles it. */
	width?: number;
	palette?: Palette;
	/** @font-face rules with the font as data: URLs, so the file renders the same anywhere. */
	fontCss?: string;
	measure: MeasureText;
}

export interface ComposedSvg {
	svg: string;
	width: number;
	height: number;
}

export function composeFigureSvg(text: FigureText, body: ChartBody, { width = 720, palette = LIGHT, fontCss = '', measure }: ComposeOptions): ComposedSvg {
	const pad = 20;
	const inner = width - 2 * pad;
	const parts: string[] = [];
	let y = pad;

	const block = (content: string, size: number, bold: boolean, colour: string, gap: number) => {
		const lineHeight = Math.round(size * 1.3);
		for (const line of wrapText(content, inner, size, bold, measure)) {
			y += lineHeight;
			parts.push(`<text x="${pad}" y="${y - Math.round(size * 0.3)}" font-size="${size}"${bold ? ' font-weight="700"' : ''} fill="${colour}">${escapeXml(line)}</text>`);
		}
		y += gap;
	};

	block(text.title, 22, true, palette.ink, 4);
	block(text.subtitle, 15, false, palette.muted, 10);

	if (text.legend) {
		block(text.legend.title, 13, true, palette.ink, 0);
		block(text.legend.note, 12, false, palette.muted, 4);
		const swatch = 14;
		let x = pad;
		y += 2;
		for (const item of text.legend.items) {
			const itemWidth = swatch + 6 + measure(item.label, 12, false) + 16;
			if (x > pad && x + itemWidth > width - pad) {
				x = pad;
				y += swatch + 8;
			}
			parts.push(`<rect x="${x}" y="${y}" width="${swatch}" height="${swatch}" fill="${item.colour}" stroke="#555555" stroke-width="1"/>`);
			parts.push(`<text x="${x + swatch + 6}" y="${y + swatch - 2}" font-size="12" fill="${palette.ink}">${escapeXml(item.label)}</text>`);
			x += itemWidth;
		}
		y += swatch + 14;
	}

	const scale = inner / body.width;
	const bodyHeight = Math.round(body.height * scale);
	parts.push(`<svg x="${pad}" y="${y}" width="${inner}" height="${bodyHeight}" viewBox="0 0 ${body.width} ${body.height}">${body.markup}</svg>`);
	y += bodyHeight + 12;

	for (const line of text.sourceLines) block(line, 11, false, palette.muted, 2);
	const height = Math.ceil(y + pad - 2);

	const style = `${fontCss}svg{font-family:${FONT_STACK}}`;
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="figure-title figure-desc" font-family="${escapeXml(FONT_STACK)}">` +
		`<title id="figure-title">${escapeXml(text.title)}</title><desc id="figure-desc">${escapeXml(text.altText)}</desc>` +
		`<style>${style}</style>` +
		`<rect width="100%" height="100%" fill="${palette.background}"/>` +
		parts.join('') +
		`</svg>`;
	return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, width, height };
}
