/** What every ward map renderer is given. Renderers know nothing of where the numbers come from. */
export interface WardMapProps {
	/** Accessible name of the map, e.g. "Map of Birmingham's wards by IMD 2019 score". */
	title: string;
	/** ward code → fill colour */
	fills: Record<string, string>;
	selected: string | null;
	/** One line per ward for tooltips and screen readers: name, value, rank, comparison. */
	describe: (code: string) => string;
	hrefOf: (code: string) => string;
	onfocusward?: (code: string | null) => void;
	/** When given, choosing a ward calls this instead of following hrefOf (e.g. to add it to a comparison). */
	onselectward?: (code: string) => void;
}

export interface WardLabel {
	code: string;
	name: string;
	lon: number;
	lat: number;
}
