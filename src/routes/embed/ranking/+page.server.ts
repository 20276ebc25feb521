import { loadIndicatorEmbed } from '$lib/embed/indicator-embed.server.ts';

export const load = () => loadIndicatorEmbed();
