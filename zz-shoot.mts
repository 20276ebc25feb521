import { chromium } from 'playwright-core';
import { serveDirectory } from '/work/i6/src/lib/testing/static-server.ts';
const server = await serveDirectory('/work/i6/build');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] });
const shots: [string, string, number, (p: any) => Promise<void>][] = JSON.parse(process.env.SHOTS ?? '[]').map((s: any) => [s[0], s[1], s[2], async (p: any) => { if (s[3]) await eval(s[3])(p); }]);
for (const [name, path, width, act] of shots) {
	const context = await browser.newContext({ viewport: { width, height: 900 }, permissions: ['geolocation'], geolocation: { latitude: 52.4508, longitude: -1.9305 } });
	const page = await context.newPage();
	page.on('console', (m: any) => m.type() === 'error' && console.log('console error', name, m.text()));
	await page.goto(server.origin + path);
	await page.waitForLoadState('networkidle');
	await act(page);
	await page.waitForTimeout(400);
	await page.screenshot({ path: `/tmp/i6shots/${name}.png`, fullPage: process.env.FULL === '1' });
	console.log(name, page.url());
	await context.close();
}
await browser.close();
server.close();
