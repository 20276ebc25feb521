import adapter from '@sveltejs/adapter-static';
import { CSP_DIRECTIVES } from './src/lib/security/content-security-policy.js';

/** The whole site prerenders to static files and works under any base path (BASE_PATH=/explorer npm run build). */
const config = {
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		paths: { base: process.env.BASE_PATH ?? '', relative: true },
		csp: { mode: 'hash', directives: CSP_DIRECTIVES },
		// The page's own CSS (a few KB) goes inline: one round trip fewer before the first paint on a slow link.
		inlineStyleThreshold: Infinity,
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail', handleUnseenRoutes: 'fail' }
	}
};

export default config;
