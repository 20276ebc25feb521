/**
 * The /explore view: URL state (?x=…&y=…&colour=…&wards=…&similar=…), the words around a correlation, and the
 * explanation of a "similar wards" distance. Pure, so it is unit-tested.
 */
import type { CorrelationRow, SimilarWardRow, StandardisedRow } from '$lib/data/explore-sql.ts';
import type { IndicatorSummary } from '$lib/data/types.ts';
import { formatValue, labelWithPeriod } from '$lib/format.ts';
import { readWardList, type WardRef } from './ward-choice.ts';

export const DEFAULT_X = 'imd19_score';
export const DEFAULT_Y = 'le_persons';

export interface ExploreState {
	x: string;
	y: string;
	colour: string | null;
	wards: string[];
	similar: string | null;
	problems: string[];
}

export function readExploreState(params: URLSearchParams, indicatorIds: Set<string>, wards: WardRef[]): ExploreState {
	const problems: string[] = [];
	const pick = (key: string, fallback: string, role: string) => {
		const asked = params.get(key);
		if (asked === null || asked === '') return fallback;
		if (indicatorIds.has(asked)) return asked;
		problems.push(`There is no indicator called “${asked.slice(0, 60)}” for the ${role}, so it shows the default.`);
		return fallback;
	};
	const x = pick('x', DEFAULT_X, 'across axis');
	const y = pick('y', DEFAULT_Y, 'up axis');
	const askedColour = params.get('colour');
	const colour = askedColour ? pick('colour', '', 'colour') || null : null;
	const chosen = readWardList(params.get('wards'), wards);
	problems.push(...chosen.problems);
	let similar: string | null = null;
	const askedSimilar = params.get('similar');
	if (askedSimilar) {
		const found = readWardList(askedSimilar, wards, 1);
		if (found.codes.length) similar = found.codes[0];
		else problems.push(`There is no Birmingham ward “${askedSimilar.slice(0, 40)}” to find similar wards for.`);
	}
	return { x, y, colour, wards: chosen.codes, similar, problems };
}

export function writeExploreState(state: Omit<ExploreState, 'problems'>): string {
	const params = new URLSearchParams();
	if (state.x !== DEFAULT_X) params.set('x', state.x);
	if (state.y !== DEFAULT_Y) params.set('y', state.y);
	if (state.colour) params.set('colour', state.colour);
	if (state.wards.length) params.set('wards', state.wards.join(','));
	if (state.similar) params.set('similar', state.similar);
	const query = params.toString();
	return query ? `?${query}` : '?';
}

/** Conventional words for the size of a correlation coefficient. */
export function strength(r: number): string {
	const size = Math.abs(r);
	if (size < 0.2) return 'very weak or no';
	const word = size >= 0.8 ? 'very strong' : size >= 0.6 ? 'strong' : size >= 0.4 ? 'moderate' : 'weak';
	return `${word} ${r > 0 ? 'positive' : 'negative'}`;
}

/**
 * Below about 2/√n, a correlation between n wards could easily arise by chance (a rule of thumb for the 5%
 * level; the exact threshold for 69 wards is 0.237).
 */
export const chanceThreshold = (n: number) => 2 / Math.sqrt(n);

type Named = Pick<IndicatorSummary, 'label' | 'period' | 'short_label'>;

export function correlationCaption(stats: CorrelationRow, x: Named, y: Named): string[] {
	if (stats.pearson === null || stats.spearman === null) return [`One of the indicators does not vary across the ${stats.n} wards, so there is no correlation to show.`];
	const lines = [
		`Across the ${stats.n} wards with both figures, ${labelWithPeriod(x)} and ${labelWithPeriod(y)} have a ${strength(stats.pearson)} relationship: Pearson r = ${stats.pearson.toFixed(2)}, Spearman ρ = ${stats.spearman.toFixed(2)} (computed in DuckDB).`
	];
	if (stats.slope !== null && stats.intercept !== null && stats.r2 !== null) {
		lines.push(
			`The line is the least-squares fit: ${y.short_label} ≈ ${stats.intercept.toFixed(2)} ${stats.slope < 0 ? '−' : '+'} ${Math.abs(stats.slope).toPrecision(3)} × ${x.short_label}; it accounts for ${(stats.r2 * 100).toFixed(0)}% of the variation between wards (R²).`
		);
	}
	if (Math.abs(stats.pearson) < chanceThreshold(stats.n)) lines.push(`With ${stats.n} wards, a correlation this weak could easily arise by chance.`);
	lines.push(
		'Correlation is not cause. Two measures can move together because both follow something else (such as income or age), and ward averages say nothing certain about any one person in the ward.'
	);
	return lines;
}

export interface SimilarExplained {
	code: string;
	name: string;
	distance: number;
	nShared: number;
	/** Indicators on which the two wards differ most, in words. */
	biggest: string[];
	closest: string;
}

/** Explains each neighbour: the distance in words and the indicators that make up most of it. */
export function explainSimilar(
	ward: string,
	neighbours: SimilarWardRow[],
	standardised: StandardisedRow[],
	indicators: IndicatorSummary[],
	nameOf: (code: string) => string
): SimilarExplained[] {
	const z = new Map(standardised.map((r) => [`${r.indicator_id} ${r.ward_code}`, r]));
	return neighbours
		.filter((n) => n.ward_code === ward)
		.map((n) => {
			const gaps = indicators
				.map((indicator) => {
					const a = z.get(`${indicator.id} ${ward}`);
					const b = z.get(`${indicator.id} ${n.other_code}`);
					return a?.z != null && b?.z != null ? { indicator, gap: b.z - a.z, value: b.value } : null;
				})
				.filter((g) => g !== null)
				.sort((p, q) => Math.abs(q.gap) - Math.abs(p.gap));
			const name = nameOf(n.other_code);
			const biggest = gaps
				.slice(0, 2)
				.filter((g) => Math.abs(g.gap) >= 0.25)
				.map((g) => `${g.indicator.short_label} ${Math.abs(g.gap).toFixed(1)} SD ${g.gap > 0 ? 'higher' : 'lower'} (${formatValue(g.value, g.indicator)})`);
			const closest = gaps.length ? gaps[gaps.length - 1].indicator.short_label : '';
			return { code: n.other_code, name, distance: n.distance, nShared: n.n_shared, biggest, closest };
		});
}
