import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { notFoundPage } from './not-found-page.server.ts';

describe('404 page', () => {
	const html = notFoundPage('/explorer', [
		{ name: 'Ladywood', slug: 'ladywood' },
		{ name: 'Acocks Green', slug: 'acocks-green' },
		{ name: 'A <b>bad</b> name', slug: 'x"y' }
	]);

	it('lists the wards alphabetically under the base path, escaping their text', () => {
		expect(html.indexOf('Acocks Green')).toBeLessThan(html.indexOf('Ladywood'));
		expect(html).toContain('<a href="/explorer/ward/ladywood/">Ladywood</a>');
		expect(html).toContain('A &#60;b&#62;bad&#60;/b&#62; name');
		expect(html).toContain('href="/explorer/ward/x&#34;y/"');
	});

	it('allows its one inline style by hash and no script at all', () => {
		const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
		const hash = createHash('sha256').update(style).digest('base64');
		expect(html).toContain(`style-src 'sha256-${hash}'`);
		expect(html).toContain("script-src 'none'");
		expect(html).not.toContain('<script');
	});
});
