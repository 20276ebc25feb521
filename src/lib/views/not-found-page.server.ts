/**
 * The site's 404 page as one self-contained HTML document: static hosts serve build/404.html for any
 * address they don't have, at any depth, so it cannot rely on relative asset paths or on script. It lists
 * every ward, because a mistyped ward address is the likeliest way to get here.
 */
import { createHash } from 'node:crypto';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body{font-family:'Liberation Sans',Arial,Helvetica,sans-serif;color:#1b1b1b;line-height:1.5;margin:0}
main{max-width:48rem;margin:0 auto;padding:1rem}a{color:#1d4ed8}ul{columns:14rem;padding-left:1.2rem}
a:focus-visible{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 5px #111}`;

export function notFoundPage(base: string, wards: { name: string; slug: string }[]): string {
	const styleHash = createHash('sha256').update(STYLE).digest('base64');
	const links = [...wards]
		.sort((a, b) => a.name.localeCompare(b.name))
		.map((w) => `<li><a href="${escapeHtml(`${base}/ward/${w.slug}/`)}">${escapeHtml(w.name)}</a></li>`)
		.join('');
	return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'none'; style-src 'sha256-${styleHash}'; object-src 'none'; base-uri 'none'">
<title>Page not found: Birmingham Ward Inequality Explorer</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Page not found</h1>
<p>There is no page at this address on the Birmingham Ward Inequality Explorer. If you were looking for a ward,
its name may be spelt differently in the address: every ward is listed below.</p>
<p><a href="${escapeHtml(`${base}/`)}">Go to the map of all wards</a></p>
<h2>Birmingham's ${wards.length} wards</h2>
<ul>${links}</ul>
</main>
</body>
</html>
`;
}
