import { describe, expect, it } from 'vitest';
import { floorPage } from './floor.ts';

describe('floor page', () => {
	it('keeps the ward table and drops every script', () => {
		const home = `<html><script>start()</script><table data-testid="ward-table"><!----><tr><td>1</td></tr></table><script>x</script></html>`;
		const floor = floorPage(home);
		expect(floor).toContain('<table data-testid="ward-table"><tr><td>1</td></tr></table>');
		expect(floor).not.toContain('<script');
		expect(() => floorPage('<p>nothing</p>')).toThrow(/no ward table/);
	});
});
