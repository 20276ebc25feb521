import { buildTimeDatabase } from '$lib/data/node-db.server.ts';

export function load() {
	return { derived: buildTimeDatabase().catalogue.indicators.filter((i) => i.derived) };
}
