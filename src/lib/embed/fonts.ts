/**
 * The font the downloads use: a subset of Liberation Sans 2 (OFL), served from our own origin
 * (static/fonts/, made by scripts/subset-font.sh). Loaded only when someone downloads an image.
 */
import { base } from '$app/paths';
import { FONT_FAMILY } from './compose-svg.ts';
import type { MeasureText } from './types.ts';

const WEIGHTS = [
	{ weight: 400, file: 'WardExplorerSans-Regular.ttf' },
	{ weight: 700, file: 'WardExplorerSans-Bold.ttf' }
];

let loading: Promise<{ fontCss: string; measure: MeasureText }> | undefined;

function toBase64(bytes: ArrayBuffer): string {
	const view = new Uint8Array(bytes);
	let binary = '';
	for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
	return btoa(binary);
}

async function load(): Promise<{ fontCss: string; measure: MeasureText }> {
	const faces = await Promise.all(
		WEIGHTS.map(async ({ weight, file }) => {
			const response = await fetch(`${base}/fonts/${file}`);
			if (!response.ok) throw new Error(`the font ${file} could not be downloaded (server answered ${response.status})`);
			const bytes = await response.arrayBuffer();
			const face = new FontFace(FONT_FAMILY, bytes, { weight: String(weight) });
			document.fonts.add(await face.load());
			return `@font-face{font-family:'${FONT_FAMILY}';font-weight:${weight};src:url(data:font/ttf;base64,${toBase64(bytes)}) format('truetype')}`;
		})
	);
	const context = document.createElement('canvas').getContext('2d')!;
	const measure: MeasureText = (text, size, bold) => {
		context.font = `${bold ? 700 : 400} ${size}px '${FONT_FAMILY}'`;
		return context.measureText(text).width;
	};
	return { fontCss: faces.join(''), measure };
}

export function loadExportFont(): Promise<{ fontCss: string; measure: MeasureText }> {
	loading ??= load();
	loading.catch(() => (loading = undefined));
	return loading;
}
