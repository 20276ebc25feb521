/** The HTML a journalist pastes into a CMS to embed a chart. */
export function escapeAttribute(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface EmbedCodeOptions {
	/** Absolute address of the embed page. */
	url: string;
	title: string;
	/** Starting height in pixels, before the embed reports its real height. */
	height: number;
	/** Absolute address of our embed.js; adds the script that resizes the iframe on sites without pym.js or Datawrapper. */
	scriptUrl?: string;
}

export function embedCode({ url, title, height, scriptUrl }: EmbedCodeOptions): string {
	const iframe =
		`<iframe title="${escapeAttribute(title)}" src="${escapeAttribute(url)}" width="100%" height="${Math.round(height)}" ` +
		`style="width: 100%; border: 0;" scrolling="no" loading="lazy" data-ward-explorer-embed></iframe>`;
	return scriptUrl ? `${iframe}\n<script src="${escapeAttribute(scriptUrl)}" async></script>` : iframe;
}

/** Adds or replaces query parameters on an address, e.g. theme=dark. */
export function withParams(url: string, params: Record<string, string | null>): string {
	const parsed = new URL(url);
	for (const [key, value] of Object.entries(params)) {
		if (value === null) parsed.searchParams.delete(key);
		else parsed.searchParams.set(key, value);
	}
	return parsed.href;
}
