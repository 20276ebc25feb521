/**
 * Turns a chart's live <svg> into standalone markup: the shapes and text it draws, with the computed styles
 * written onto each element (the page's scoped CSS does not travel), and without links, ids or ARIA
 * attributes that only make sense on the page. Browser only.
 */
import { escapeXml } from './compose-svg.ts';
import type { ChartBody } from './types.ts';

const SHAPES = new Set(['g', 'a', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan']);
const ATTRIBUTES = ['d', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height', 'transform', 'points', 'dx', 'dy'];
/** Style properties worth keeping, with the value that needs no writing. */
const STYLES: [string, string][] = [
	['fill', 'rgb(0, 0, 0)'],
	['fill-opacity', '1'],
	['stroke', 'none'],
	['stroke-width', '1px'],
	['stroke-opacity', '1'],
	['stroke-dasharray', 'none'],
	['stroke-linejoin', 'miter'],
	['stroke-linecap', 'butt'],
	['opacity', '1'],
	['font-size', ''],
	['font-weight', '400'],
	['text-anchor', 'start'],
	['dominant-baseline', 'auto'],
	['paint-order', 'normal']
];

function serialiseElement(element: Element): string {
	const tag = element.tagName.toLowerCase();
	if (!SHAPES.has(tag)) return '';
	const style = getComputedStyle(element);
	if (style.display === 'none' || style.visibility === 'hidden') return '';
	const name = tag === 'a' ? 'g' : tag;
	const attributes = ATTRIBUTES.filter((a) => element.hasAttribute(a)).map((a) => `${a}="${escapeXml(element.getAttribute(a)!)}"`);
	const styles = STYLES.filter(([property, plain]) => {
		const value = style.getPropertyValue(property);
		return value !== '' && value !== plain;
	}).map(([property]) => `${property}:${style.getPropertyValue(property)}`);
	if (styles.length) attributes.push(`style="${escapeXml(styles.join(';'))}"`);
	// A link's accessible name (e.g. "Ladywood: 48.3, 3rd highest of 69") becomes a tooltip in the file.
	const label = tag === 'a' ? element.getAttribute('aria-label') : null;
	let inner = label ? `<title>${escapeXml(label)}</title>` : '';
	for (const child of element.childNodes) {
		if (child.nodeType === Node.TEXT_NODE) inner += escapeXml(child.textContent ?? '');
		else if (child.nodeType === Node.ELEMENT_NODE) inner += serialiseElement(child as Element);
	}
	return `<${name}${attributes.length ? ` ${attributes.join(' ')}` : ''}>${inner}</${name}>`;
}

export function serialiseChart(svg: SVGSVGElement): ChartBody {
	const viewBox = svg.viewBox.baseVal;
	const width = viewBox?.width || svg.clientWidth;
	const height = viewBox?.height || svg.clientHeight;
	const markup = [...svg.children].map(serialiseElement).join('');
	return { markup, width, height };
}
