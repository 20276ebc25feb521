/**
 * The floor: a bare static HTML page with the home page's ward table and nothing else, no script and no
 * stylesheet. No page that shows the same figures can paint much sooner, so each page's LCP is reported as
 * a ratio to it.
 */
export function floorPage(homeHtml: string): string {
	const start = homeHtml.indexOf('<table data-testid="ward-table"');
	const end = homeHtml.indexOf('</table>', start);
	if (start < 0 || end < 0) throw new Error('The home page has no ward table to build the floor page from.');
	const wardTable = homeHtml.slice(start, end + '</table>'.length).replace(/<!--[\s\S]*?-->/g, '');
	return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Birmingham's 69 wards (floor page)</title></head>
<body><h1>Birmingham's 69 wards, side by side</h1>${wardTable}</body>
</html>`;
}
