import { describe, expect, it } from 'vitest';
import { initialAssets, inlineScriptBytes } from './route-assets.ts';

const html = `<head>
<link href="./_app/immutable/entry/start.A.js" rel="modulepreload">
<link href="./_app/immutable/chunks/B.js" rel="modulepreload">
<link href="./_app/immutable/assets/0.C.css" rel="stylesheet">
<link rel="icon" href="./favicon.svg" type="image/svg+xml" />
</head><body><script>
Promise.all([import("./_app/immutable/entry/start.A.js"), import("./_app/immutable/entry/app.D.js")]);
</script></body>`;

describe('initial assets of a built page', () => {
	it('finds the preloaded modules, entry imports and stylesheets, not the icon', () => {
		const { scripts, styles } = initialAssets(html);
		expect(scripts).toEqual(['./_app/immutable/entry/start.A.js', './_app/immutable/chunks/B.js', './_app/immutable/entry/app.D.js']);
		expect(styles).toEqual(['./_app/immutable/assets/0.C.css']);
	});

	it('measures the inline start-up script', () => {
		expect(inlineScriptBytes(html)).toBeGreaterThan(50);
		expect(inlineScriptBytes('<p>no script</p>')).toBe(0);
	});
});
