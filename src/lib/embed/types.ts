/** What a chart hands to the export and embed tools. Renderers fill it; they never see files or SQL. */
export interface LegendSpec {
	title: string;
	note: string;
	items: { colour: string; label: string }[];
}

export interface FigureText {
	title: string;
	/** The period and what is shown, e.g. "FYE 2025 (April 2024 to March 2025) · 69 wards". */
	subtitle: string;
	/** A description generated from the data, for alt text and the SVG's <title>/<desc>. */
	altText: string;
	legend?: LegendSpec;
	/** Source, licence and attribution lines printed under the chart. */
	sourceLines: string[];
	/** File name without extension, e.g. "birmingham-wards-imd19_score-map". */
	fileStem: string;
}

/** A chart's own SVG, serialised with its styles inlined so it stands alone. */
export interface ChartBody {
	markup: string;
	width: number;
	height: number;
}

export type MeasureText = (text: string, size: number, bold: boolean) => number;
