/** ?theme=dark for embeds on dark sites. Anything else is explained and falls back to light. */
export type Theme = 'light' | 'dark';

export function readTheme(params: URLSearchParams): { theme: Theme; problem: string } {
	const asked = params.get('theme');
	if (asked === null || asked === '' || asked === 'light') return { theme: 'light', problem: '' };
	if (asked === 'dark') return { theme: 'dark', problem: '' };
	return { theme: 'light', problem: `There is no theme called “${asked.slice(0, 30)}”; use theme=dark or theme=light. Showing the light theme.` };
}
