/**
 * Plain-English statements about a ward, generated from its figures: one each on deprivation, child poverty,
 * life expectancy, school results and the population mix, each one or two short sentences. Each compares the ward with Birmingham and with
 * England (or the UK where only a UK figure is published), in short sentences with everyday words. A sentence
 * is left out when its figure is missing.
 */
import { formatValue, ordinal } from '$lib/format.ts';
import type { Benchmark, IndicatorSummary, WardValue } from '$lib/data/types.ts';

export interface SummaryInput {
	wardName: string;
	values: Map<string, WardValue>;
	benchmarks: Map<string, Benchmark>;
	indicators: Map<string, IndicatorSummary>;
	/** UK figures by indicator, used where England has none. */
	uk?: Map<string, number>;
}

/** The indicators the sentences use, for the "how this is worked out" note. */
export const SUMMARY_INDICATORS = ['imd19_score', 'cp_ahc_pct_2025', 'le_persons', 'ks4_att8_2023', 'seg21_pct_nonwhite'];

/**
 * "1 in 3" for 33.2%, "2 in 5" for 41%: easier to picture than a percentage. Only small denominators, because
 * "3 in 7" is no easier to read than 43%.
 */
export function inWords(percent: number): string {
	if (percent > 95) return 'almost all';
	if (percent < 12) return percent <= 0 ? 'none' : `1 in ${Math.round(100 / percent)}`;
	let best = { n: 1, d: 2, error: Infinity };
	for (const d of [2, 3, 4, 5, 10]) {
		for (let n = 1; n < d; n++) {
			const error = Math.abs(n / d - percent / 100);
			// A new fraction must be clearly closer to beat a simpler one.
			if (error < best.error - 0.005) best = { n, d, error };
		}
	}
	return `${best.n} in ${best.d}`;
}

/** "the 3rd most deprived", "the most deprived", "the 5th least deprived" (counting from the nearer end). */
export function deprivationPlace(rankHigh: number, ranked: number): string {
	if (rankHigh === 1) return 'the most deprived';
	if (rankHigh === ranked) return 'the least deprived';
	const fromLeast = ranked - rankHigh + 1;
	const third = Math.floor(ranked / 3);
	if (rankHigh <= third) return `the ${ordinal(rankHigh)} most deprived`;
	if (fromLeast <= third) return `the ${ordinal(fromLeast)} least deprived`;
	return `the ${ordinal(rankHigh)} most deprived`;
}

const isMiddleThird = (rankHigh: number, ranked: number) => rankHigh > Math.floor(ranked / 3) && ranked - rankHigh + 1 > Math.floor(ranked / 3);

/** How a ward's IMD score sits against England's average score, in words. */
function versusEngland(score: number, england: number): string {
	const ratio = score / england;
	if (ratio >= 1.5) return 'much more deprived than England as a whole';
	if (ratio > 1.05) return 'more deprived than England as a whole';
	if (ratio >= 0.95) return 'about as deprived as England as a whole';
	if (ratio > 0.67) return 'less deprived than England as a whole';
	return 'much less deprived than England as a whole';
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function wardSummary({ wardName, values, benchmarks, indicators, uk }: SummaryInput): string[] {
	const statements: string[] = [];
	const get = (id: string) => ({ row: values.get(id), bench: benchmarks.get(id), ind: indicators.get(id) });
	const percent = (value: number) => `${Math.round(value)}%`;

	const imd = get('imd19_score');
	if (imd.row?.value != null && imd.row.rank_high != null && imd.ind) {
		const england = imd.bench?.england != null ? ` It is ${versusEngland(imd.row.value, imd.bench.england)}.` : '';
		const middle = isMiddleThird(imd.row.rank_high, imd.row.ranked) ? ', near the middle' : '';
		statements.push(`${wardName} is ${deprivationPlace(imd.row.rank_high, imd.row.ranked)} of Birmingham's ${imd.row.ranked} wards${middle} (IMD 2019).${england}`);
	}

	const cp = get('cp_ahc_pct_2025');
	if (cp.row?.value != null && cp.ind) {
		const share = cp.row.value;
		const city = cp.bench?.birmingham ?? null;
		const england = cp.bench?.england ?? null;
		const national = england ?? uk?.get('cp_ahc_pct_2025') ?? null;
		const nationalPlace = england != null ? 'England' : 'the UK';
		let yardstick = '';
		if (city != null && inWords(city) === inWords(share)) {
			yardstick = ' That is about the same as across Birmingham';
			yardstick += national != null ? `, and ${share > national ? 'more' : 'less'} than across ${nationalPlace} (${inWords(national)}).` : '.';
		} else if (city != null) {
			yardstick = ` Across Birmingham it is ${inWords(city)}` + (national != null ? `, and across ${nationalPlace} ${inWords(national)}.` : '.');
		}
		statements.push(`${capitalise(share <= 0 ? 'no' : inWords(share))} children here live in a low-income family once housing costs are paid (${percent(share)}).${yardstick}`);
	}

	const le = get('le_persons');
	if (le.row?.value != null && le.ind) {
		const city = le.bench?.birmingham ?? null;
		const years = le.row.value;
		const gap = city != null ? years - city : null;
		statements.push(
			`A baby born here can expect to live about ${years.toFixed(0)} years.` +
				(gap === null
					? ''
					: Math.abs(gap) < 0.5
						? ' That is about the same as across Birmingham.'
						: ` That is ${Math.abs(gap).toFixed(1)} years ${gap > 0 ? 'more' : 'less'} than across Birmingham (${city!.toFixed(1)} years).`)
		);
	} else if (le.ind) {
		statements.push('There is not enough data to estimate how long people here live.');
	}

	const ks4 = get('ks4_att8_2023');
	const schools = values.get('ks4_schools_2023');
	if (ks4.row?.value != null && ks4.ind) {
		const score = ks4.row.value;
		const compare = (against: number | null | undefined, place: string) =>
			against == null ? null : `${Math.abs(score - against) < 0.5 ? 'about the same as' : score > against ? 'higher than' : 'lower than'} ${place} (${formatValue(against, ks4.ind!)})`;
		const yardsticks = [compare(ks4.bench?.birmingham, 'Birmingham'), compare(ks4.bench?.england, 'England')].filter((y): y is string => y !== null);
		statements.push(
			`Secondary schools in the ward had an average GCSE score (Attainment 8) of ${formatValue(score, ks4.ind)} in 2023.` +
				(yardsticks.length ? ` That is ${joinYardsticks(yardsticks)}.` : '')
		);
	} else if (ks4.ind && (schools?.value ?? 0) === 0) {
		statements.push('There is no state secondary school in the ward, so there are no GCSE results for it.');
	}

	const mix = get('seg21_pct_nonwhite');
	if (mix.row?.value != null && mix.ind) {
		const share = mix.row.value;
		const city = mix.bench?.birmingham ?? null;
		const cityText = city == null ? '' : inWords(city) === inWords(share) ? ' That is about the same as across Birmingham.' : ` Across Birmingham it was ${inWords(city)}.`;
		statements.push(
			`In the 2021 Census, ${share <= 0 ? 'no' : inWords(share)} people here were from an ethnic group other than White (${percent(share)}).${cityText}`
		);
	}
	return statements;
}

/** "lower than Birmingham (46.1) and England (46.3)" when both say the same, else the two joined with "but". */
function joinYardsticks([first, second]: string[]): string {
	if (!second) return first;
	const verb = (text: string) => text.replace(/ (Birmingham|England) .*$/, '');
	if (verb(first) === verb(second)) return `${first} and ${second.replace(`${verb(second)} `, '')}`;
	return `${first} but ${second}`;
}
