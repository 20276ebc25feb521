import { describe, expect, it } from 'vitest';
import { composeFigureSvg, wrapText } from './compose-svg.ts';
import type { MeasureText } from './types.ts';

/** About right for a sans-serif: half an em per character. */
const measure: MeasureText = (text, size) => text.length * size * 0.5;

describe('figure layout', () => {
	it('wraps words to the width and never splits a word', () => {
		const lines = wrapText('Children in relative low income after housing costs', 100, 10, false, measure);
		expect(lines.every((l) => measure(l, 10, false) <= 100 || !l.includes(' '))).toBe(true);
		expect(lines.join(' ')).toBe('Children in relative low income after housing costs');
		expect(lines.length).toBeGreaterThan(2);
	});

	it('composes title, legend, chart and source into one SVG with the alt text as title and desc', () => {
		const composed = composeFigureSvg(
			{
				title: 'Life expectancy & <health>',
				subtitle: '2016–2020',
				altText: 'Map of 69 wards; highest Sutton Four Oaks.',
				legend: { title: 'Years', note: 'Darker means lower: worse.', items: [{ colour: '#f00', label: '70 to 75' }] },
				sourceLines: ['Source: ONS. Licence: OGL v3.0.'],
				fileStem: 'x'
			},
			{ markup: '<path d="M0 0L10 10"/>', width: 640, height: 320 },
			{ measure, fontCss: '@font-face{font-family:x}' }
		);
		expect(composed.width).toBe(720);
		expect(composed.svg).toContain('<title id="figure-title">Life expectancy &amp; &lt;health&gt;</title>');
		expect(composed.svg).toContain('<desc id="figure-desc">Map of 69 wards; highest Sutton Four Oaks.</desc>');
		expect(composed.svg).toContain('@font-face{font-family:x}');
		expect(composed.svg).toContain('viewBox="0 0 640 320"');
		expect(composed.svg).toContain('Source: ONS. Licence: OGL v3.0.');
		// The chart keeps its aspect ratio at the figure's inner width (720 − 2 × 20).
		expect(composed.svg).toMatch(/<svg x="20" y="\d+" width="680" height="340" viewBox/);
		expect(composed.height).toBeGreaterThan(340 + 100);
	});
});
