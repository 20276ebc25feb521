/**
 * Auto-height for embeds. The page tells its parent how tall it is, in the two formats newsroom CMSs already
 * listen for, on load and whenever its size changes:
 * - pym.js child messages: "pymxPYMx<childId>xPYMxheightxPYMx<height>" (the parent passes ?childId=…);
 * - Datawrapper: {"datawrapper-height": {"<id>": height}} (Datawrapper's listener matches the sending iframe).
 * Our own static/embed.js understands the Datawrapper format, for sites that use neither.
 */
const PYM_SEPARATOR = 'xPYMx';
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function pymMessage(childId: string, type: string, message: string): string {
	return ['pym', childId, type, message].join(PYM_SEPARATOR);
}

/** Reads a pym message; null for anything else. */
export function parsePymMessage(data: unknown): { childId: string; type: string; message: string } | null {
	if (typeof data !== 'string' || !data.startsWith(`pym${PYM_SEPARATOR}`)) return null;
	const [, childId, type, ...rest] = data.split(PYM_SEPARATOR);
	if (!childId || !type) return null;
	return { childId, type, message: rest.join(PYM_SEPARATOR) };
}

export function datawrapperMessage(id: string, height: number): { 'datawrapper-height': Record<string, number> } {
	return { 'datawrapper-height': { [id]: height } };
}

/**
 * The ids the messages carry: pym's childId when a pym parent set one, and ?id= (or a default named after the
 * embed) for Datawrapper-style listeners. Ids from the URL are only echoed back, and only if they look like ids.
 */
export function embedIds(params: URLSearchParams, fallback: string): { pymId: string; frameId: string } {
	const safe = (value: string | null) => (value !== null && SAFE_ID.test(value) ? value : null);
	const frameId = safe(params.get('id')) ?? fallback;
	return { pymId: safe(params.get('childId')) ?? frameId, frameId };
}

/** The page's full height in CSS pixels: what the iframe needs to show it without a scrollbar. */
export function contentHeight(doc: Document): number {
	return Math.ceil(Math.max(doc.documentElement.getBoundingClientRect().height, doc.body.scrollHeight));
}

/** Posts the height now, on load, and on every change; returns a function that stops it. */
export function startAutoHeight(win: Window, ids: { pymId: string; frameId: string }): () => void {
	if (win.parent === win) return () => {};
	let last = -1;
	const post = (force = false) => {
		const height = contentHeight(win.document);
		if (height === last && !force) return;
		last = height;
		win.parent.postMessage(pymMessage(ids.pymId, 'height', String(height)), '*');
		win.parent.postMessage(datawrapperMessage(ids.frameId, height), '*');
	};
	// A pym parent sends the width first and expects the height in reply.
	const onMessage = (event: MessageEvent) => {
		const message = parsePymMessage(event.data);
		if (message && message.childId === ids.pymId && message.type === 'width') post(true);
	};
	const observer = new ResizeObserver(() => post());
	observer.observe(win.document.documentElement);
	observer.observe(win.document.body);
	const onLoad = () => post(true);
	win.addEventListener('load', onLoad);
	win.addEventListener('message', onMessage);
	post(true);
	return () => {
		observer.disconnect();
		win.removeEventListener('load', onLoad);
		win.removeEventListener('message', onMessage);
	};
}
