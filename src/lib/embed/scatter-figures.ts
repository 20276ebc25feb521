/**
 * The words and numbers that travel with the scatter plot: alt text from the plotted data, the CSV of exactly
 * the plotted figures, and the citation. Pure, so it is tested against the published data.
 */
import { formatValue, labelWithPeriod } from '$lib/format.ts';
import type { CorrelationRow } from '$lib/data/explore-sql.ts';
import type { IndicatorSummary } from '$lib/data/types.ts';
import { strength } from '$lib/views/explore-view.ts';
import type { CsvTable } from './csv.ts';
import { cardLabel, citationComments, SITE_NAME, sourceLines, type SourceLine } from './figures.ts';

/** An official indicator or one the reader uploaded (user_data true; only in their browser). */
export type ScatterIndicator = Pick<IndicatorSummary, 'id' | 'label' | 'short_label' | 'decimals' | 'period' | 'source_id'> & {
	unit: string;
	user_data?: boolean;
	file_name?: string;
	column_name?: string;
	source_note?: string;
};

export interface ScatterFigure {
	x: ScatterIndicator;
	y: ScatterIndicator;
	colour: ScatterIndicator | null;
	wards: { code: string; name: string }[];
	/** Ward code → value, for each role; a ward missing from x or y is not plotted. */
	xs: Map<string, number | null>;
	ys: Map<string, number | null>;
	cs: Map<string, number | null>;
	/** The correlation of exactly this pair, or null while it is not known. */
	stats: CorrelationRow | null;
}

const has = (map: Map<string, number | null>, code: string) => map.get(code) !== null && map.get(code) !== undefined;

export function plottedWards(figure: ScatterFigure) {
	return figure.wards.filter((w) => has(figure.xs, w.code) && has(figure.ys, w.code));
}

export const pairStats = (figure: ScatterFigure) =>
	figure.stats && figure.stats.x_id === figure.x.id && figure.stats.y_id === figure.y.id ? figure.stats : null;

function extremeOf(figure: ScatterFigure): string {
	const plotted = plottedWards(figure).sort((a, b) => figure.ys.get(b.code)! - figure.ys.get(a.code)!);
	if (!plotted.length) return '';
	const top = plotted[0];
	const bottom = plotted[plotted.length - 1];
	const y = figure.y;
	const x = figure.x;
	const point = (w: { code: string; name: string }) => `${w.name} (${formatValue(figure.ys.get(w.code), y)}; ${x.short_label} ${formatValue(figure.xs.get(w.code), x)})`;
	return ` Highest ${y.short_label}: ${point(top)}; lowest: ${point(bottom)}.`;
}

export function scatterAltText(figure: ScatterFigure): string {
	const plotted = plottedWards(figure);
	const stats = pairStats(figure);
	const missing = figure.wards.length - plotted.length;
	const relation =
		stats?.pearson != null
			? ` The two have a ${strength(stats.pearson)} relationship: Pearson r = ${stats.pearson.toFixed(2)}${stats.spearman != null ? `, Spearman ρ = ${stats.spearman.toFixed(2)}` : ''}; a dashed least-squares line is drawn.`
			: '';
	return (
		`Scatter plot of ${plotted.length} Birmingham wards: ${labelWithPeriod(figure.y)} (up) against ${labelWithPeriod(figure.x)} (across).` +
		relation +
		extremeOf(figure) +
		(figure.colour ? ` Points are coloured by ${labelWithPeriod(figure.colour)}.` : '') +
		(missing > 0 ? ` ${missing} ward${missing === 1 ? ' has' : 's have'} no figure for one of the two and ${missing === 1 ? 'is' : 'are'} left out.` : '')
	);
}

export function scatterSubtitle(figure: Pick<ScatterFigure, 'x' | 'y'>, plotted: number): string {
	const named = (i: ScatterIndicator) => (i.period ? cardLabel(i) : i.short_label);
	return `${named(figure.y)} against ${named(figure.x)} · ${plotted} Birmingham wards`;
}

/** Official sources of the indicators shown, once each; uploaded indicators have none. */
export function scatterSources(figure: Pick<ScatterFigure, 'x' | 'y' | 'colour'>, sources: SourceLine[]): SourceLine[] {
	const ids = [figure.x, figure.y, figure.colour].filter((i): i is ScatterIndicator => Boolean(i) && !i!.user_data).map((i) => i.source_id);
	return [...new Set(ids)].map((id) => sources.find((s) => s.id === id)).filter((s): s is SourceLine => Boolean(s));
}

/** Lines naming the reader's own files, for the figure and the CSV. */
export function yourDataLines(figure: Pick<ScatterFigure, 'x' | 'y' | 'colour'>): string[] {
	const own = [...new Map([figure.x, figure.y, figure.colour].filter((i): i is ScatterIndicator => Boolean(i?.user_data)).map((i) => [i.id, i])).values()];
	return own.map(
		(i) =>
			`Your data: ${i.label}, column “${i.column_name ?? ''}” of ${i.file_name ?? 'your file'}${i.source_note ? ` (source as you gave it: ${i.source_note})` : ''}; not checked by this site.`
	);
}

export function scatterCsv(figure: ScatterFigure, sources: SourceLine[], pageUrl: string): CsvTable {
	const stats = pairStats(figure);
	const column = (role: string, indicator: ScatterIndicator) => `${role}_${indicator.id}`;
	const columns = ['area_code', 'area_name', 'plotted', column('x', figure.x), column('y', figure.y), ...(figure.colour ? [column('colour', figure.colour)] : [])];
	const describe = (role: string, i: ScatterIndicator) => `${role}: ${i.label}. Period: ${i.period}. Unit: ${i.unit}.${i.user_data ? ' Your data.' : ''}`;
	const comments = [
		describe('Across (x)', figure.x),
		describe('Up (y)', figure.y),
		...(figure.colour ? [describe('Colour', figure.colour)] : []),
		'plotted = yes when the ward has both figures and is drawn; an empty value means no figure was published, it was suppressed, or your file had none.',
		...(stats
			? [
					`Across the ${stats.n} wards with both figures: Pearson r = ${stats.pearson?.toFixed(4) ?? 'none'}, Spearman rho = ${stats.spearman?.toFixed(4) ?? 'none'}; least-squares line y = ${stats.intercept?.toPrecision(6) ?? '?'} + ${stats.slope?.toPrecision(6) ?? '?'} × x, R² = ${stats.r2?.toFixed(4) ?? 'none'} (computed in DuckDB).`,
					'Correlation is not cause, and ward averages say nothing certain about any one person in a ward.'
				]
			: []),
		...yourDataLines(figure),
		...citationComments(scatterSources(figure, sources), pageUrl)
	];
	const rows = figure.wards.map((w) => ({
		area_code: w.code,
		area_name: w.name,
		plotted: has(figure.xs, w.code) && has(figure.ys, w.code) ? 'yes' : 'no',
		[column('x', figure.x)]: figure.xs.get(w.code),
		[column('y', figure.y)]: figure.ys.get(w.code),
		...(figure.colour ? { [column('colour', figure.colour)]: figure.cs.get(w.code) } : {})
	}));
	return { comments, columns, rows };
}

export function scatterTitle(figure: Pick<ScatterFigure, 'x' | 'y'>): string {
	return `${figure.y.short_label} against ${figure.x.short_label}, Birmingham wards`;
}

/** Source and licence lines under the downloaded figure; the reader's own files are named as theirs. */
export function scatterSourceLines(figure: Pick<ScatterFigure, 'x' | 'y' | 'colour'>, sources: SourceLine[], pageUrl: string): string[] {
	const official = scatterSources(figure, sources);
	return [...(official.length ? sourceLines(official, pageUrl) : [`${SITE_NAME}: ${pageUrl}`]), ...yourDataLines(figure)];
}
