/**
 * The segregation view: URL state (?year=2021&a=white&b=nonwhite&unit=LSOA&measure=within), which choices the
 * census allows, whether 2011 and 2021 can be compared, and the map/ranking/table shapes of computed rows.
 */
import { colourScale, type ColourScale } from '$lib/map/colour-scale.ts';
import { describeRank } from '$lib/format.ts';
import { unitsOf, type CensusYear, type EthnicGroupRow, type SegregationUnit, type SegregationWardRow } from '$lib/data/segregation-sql.ts';

export type SegregationMeasure = 'within' | 'contribution';

export interface SegregationChoice {
	year: CensusYear;
	a: string;
	b: string;
	unit: SegregationUnit;
	measure: SegregationMeasure;
}

export const DEFAULT_SEGREGATION: SegregationChoice = { year: 2021, a: 'white', b: 'nonwhite', unit: 'LSOA', measure: 'within' };

export const UNIT_NAMES: Record<SegregationUnit, string> = {
	OA: 'Output Areas (about 330 people each)',
	LSOA: 'LSOAs (about 1,700 people each)',
	ward: 'wards (about 16,000 people each)'
};

const short = (text: string) => text.slice(0, 40);

export function readSegregationChoice(params: URLSearchParams, groups: EthnicGroupRow[]): { choice: SegregationChoice; problems: string[] } {
	const problems: string[] = [];
	const choice = { ...DEFAULT_SEGREGATION };
	const year = params.get('year');
	if (year !== null) {
		if (year === '2011' || year === '2021') choice.year = Number(year) as CensusYear;
		else problems.push(`There is no census “${short(year)}” here: choose 2011 or 2021. Showing ${choice.year}.`);
	}
	const ids = new Set(groups.filter((g) => g.year === choice.year).map((g) => g.group_id));
	for (const key of ['a', 'b'] as const) {
		const asked = params.get(key);
		if (asked === null) continue;
		if (ids.has(asked)) choice[key] = asked;
		else problems.push(`The ${choice.year} Census has no group “${short(asked)}” here${choice.year === 2021 ? ' (2021 small-area counts have only 5 broad groups)' : ''}.`);
	}
	if (!ids.has(choice.a)) choice.a = DEFAULT_SEGREGATION.a;
	if (!ids.has(choice.b)) choice.b = DEFAULT_SEGREGATION.b;
	if (choice.a === choice.b) {
		problems.push('The two groups must differ; the second group has been reset.');
		choice.b = choice.a === 'nonwhite' ? 'white' : 'nonwhite';
	}
	const unit = params.get('unit');
	if (unit !== null) {
		if ((unitsOf(choice.year) as string[]).includes(unit)) choice.unit = unit as SegregationUnit;
		else problems.push(`The ${choice.year} Census counts are not available by “${short(unit)}”; use ${unitsOf(choice.year).join(', ')}. Showing ${choice.unit}.`);
	}
	const measure = params.get('measure');
	if (measure === 'within' || measure === 'contribution') choice.measure = measure;
	else if (measure !== null) problems.push(`“${short(measure)}” is not a measure here; showing the index inside each ward.`);
	if (choice.unit === 'ward') choice.measure = 'contribution';
	return { choice, problems };
}

export function writeSegregationChoice(choice: SegregationChoice): string {
	const d = DEFAULT_SEGREGATION;
	const params = new URLSearchParams();
	if (choice.year !== d.year) params.set('year', String(choice.year));
	if (choice.a !== d.a) params.set('a', choice.a);
	if (choice.b !== d.b) params.set('b', choice.b);
	if (choice.unit !== d.unit) params.set('unit', choice.unit);
	if (choice.measure !== d.measure) params.set('measure', choice.measure);
	const query = params.toString();
	return query ? `?${query}` : '?';
}

/**
 * Whether the same pair at the same unit exists in the other census. Only the broad groups and the LSOA and
 * ward units are in both; the reason is given when the comparison cannot be made.
 */
export function otherYear(choice: SegregationChoice, groups: EthnicGroupRow[]): { year: CensusYear; possible: boolean; reason: string } {
	const year: CensusYear = choice.year === 2011 ? 2021 : 2011;
	const has = (id: string) => groups.some((g) => g.year === year && g.group_id === id);
	const label = (id: string) => groups.find((g) => g.year === choice.year && g.group_id === id)?.label ?? id;
	const missing = [choice.a, choice.b].filter((id) => !has(id));
	if (missing.length) {
		return {
			year,
			possible: false,
			reason:
				year === 2021
					? `No comparison with 2021: the 2021 small-area counts have only 5 broad groups (Asian, Black, Mixed, White, Other), so ${missing.map(label).join(' and ')} cannot be followed. Choose broad groups to compare the two censuses.`
					: `No comparison with 2011 for ${missing.map(label).join(' and ')}.`
		};
	}
	if (!(unitsOf(year) as string[]).includes(choice.unit)) {
		return { year, possible: false, reason: `No comparison with ${year}: the ${year} counts are not published by ${UNIT_NAMES[choice.unit]}. Choose LSOA or ward, which both censuses have.` };
	}
	return { year, possible: true, reason: '' };
}

export const COMPARISON_CAVEATS = [
	'The 2011 figures use 2011 LSOAs and the 2011 → 2019 ward lookup; 2021 uses 2021 LSOAs (some were split or merged) and the 2021 → 2022 lookup, so the units are not identical.',
	'The census questions changed a little between 2011 and 2021 (for example Roma was added under White in 2021), and 2021 counts were slightly perturbed for privacy.',
	'A change of a point or two may come from these differences rather than from people moving.'
];

export interface SegregationShape {
	scale: ColourScale;
	fills: Record<string, string>;
	byCode: Map<string, SegregationWardRow>;
	valueOf: (code: string) => number | null;
	describe: (code: string) => string;
	ranked: SegregationWardRow[];
}

export function measureValue(row: SegregationWardRow | undefined, measure: SegregationMeasure): number | null {
	if (!row) return null;
	return measure === 'within' ? row.within : row.contribution;
}

export function shapeSegregation(rows: SegregationWardRow[], measure: SegregationMeasure, wards: { code: string; name: string }[], measureLabel: string): SegregationShape {
	const byCode = new Map(rows.map((r) => [r.ward_code, r]));
	const valueOf = (code: string) => measureValue(byCode.get(code), measure);
	const scale = colourScale(wards.map((w) => valueOf(w.code)), { polarity: 'neutral', label: measureLabel, short_label: measureLabel });
	const fills = Object.fromEntries(wards.map((w) => [w.code, scale.colourOf(valueOf(w.code))]));
	const ranked = rows.filter((r) => measureValue(r, measure) !== null).sort((p, q) => (measureValue(q, measure) as number) - (measureValue(p, measure) as number));
	const rankOf = new Map(ranked.map((r, i) => [r.ward_code, i + 1]));
	const decimals = measure === 'within' ? 2 : 3;
	const describe = (code: string) => {
		const name = wards.find((w) => w.code === code)?.name ?? code;
		const value = valueOf(code);
		if (value === null) return `${name}: no index (${measure === 'within' ? 'one group is absent, or the unit is the ward itself' : 'no data'})`;
		return `${name}: ${value.toFixed(decimals)}, ${describeRank(rankOf.get(code) ?? null, ranked.length)}`;
	};
	return { scale, fills, byCode, valueOf, describe, ranked };
}

/** Which wards add most to the city-wide index, and how much of it they make up together. */
export function largestContribution(rows: SegregationWardRow[], nameOf: (code: string) => string): string {
	const sorted = [...rows].sort((p, q) => q.contribution - p.contribution);
	if (!sorted.length || !sorted[0].citywide) return '';
	const top = sorted.slice(0, 3);
	const share = top.reduce((s, r) => s + r.contribution, 0) / sorted[0].citywide;
	return `${top.map((r) => nameOf(r.ward_code)).join(', ')} add the most to it: together ${(share * 100).toFixed(0)}% of the city-wide index.`;
}
