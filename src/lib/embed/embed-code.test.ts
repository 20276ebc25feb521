import { describe, expect, it } from 'vitest';
import { embedCode, withParams } from './embed-code.ts';
import { readTheme } from './theme.ts';

describe('embed code', () => {
	it('gives an iframe with a title, full width and a starting height, and our script when asked', () => {
		const code = embedCode({ url: 'https://example.org/embed/map/?indicator=le_persons', title: 'Map: "life" <expectancy> & more', height: 759.6, scriptUrl: 'https://example.org/embed.js' });
		const [iframe, script] = code.split('\n');
		expect(iframe).toMatch(/^<iframe title="Map: &quot;life&quot; &lt;expectancy&gt; &amp; more" src="https:\/\/example.org\/embed\/map\/\?indicator=le_persons" width="100%" height="760" /);
		expect(iframe).toMatch(/><\/iframe>$/);
		expect(script).toBe('<script src="https://example.org/embed.js" async></script>');
		expect(embedCode({ url: 'https://example.org/e/', title: 't', height: 300 })).not.toContain('<script');
	});

	it('adds and removes query parameters', () => {
		expect(withParams('https://example.org/embed/map/?indicator=x', { theme: 'dark' })).toBe('https://example.org/embed/map/?indicator=x&theme=dark');
		expect(withParams('https://example.org/embed/map/?theme=dark', { theme: null })).toBe('https://example.org/embed/map/');
	});

	it('reads the theme flag and explains an unknown one', () => {
		expect(readTheme(new URLSearchParams('theme=dark'))).toEqual({ theme: 'dark', problem: '' });
		expect(readTheme(new URLSearchParams(''))).toEqual({ theme: 'light', problem: '' });
		const odd = readTheme(new URLSearchParams('theme=<b>neon</b>'));
		expect(odd.theme).toBe('light');
		expect(odd.problem).toContain('“<b>neon</b>”');
	});
});
