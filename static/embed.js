/*
 * Birmingham Ward Inequality Explorer: auto-height for embedded charts, for pages whose CMS handles neither
 * pym.js nor Datawrapper embeds. Add once per page, after the iframes:
 *   <script src="https://…/embed.js" async></script>
 * Each embed posts {"datawrapper-height": {"<id>": height}} to its parent; this sets the height of the iframe
 * that sent it, and only for iframes served from the same site as this script.
 */
(function () {
	if (window.wardExplorerEmbedListening) return;
	window.wardExplorerEmbedListening = true;
	var script = document.currentScript;
	var origin = script ? new URL(script.src, location.href).origin : null;

	window.addEventListener('message', function (event) {
		if (!origin || event.origin !== origin) return;
		var heights = event.data && typeof event.data === 'object' ? event.data['datawrapper-height'] : null;
		if (!heights || typeof heights !== 'object') return;
		var frames = document.getElementsByTagName('iframe');
		for (var i = 0; i < frames.length; i++) {
			if (frames[i].contentWindow !== event.source) continue;
			for (var id in heights) {
				var height = Number(heights[id]);
				if (height > 0 && height < 20000) frames[i].style.height = Math.ceil(height) + 'px';
			}
		}
	});
})();
