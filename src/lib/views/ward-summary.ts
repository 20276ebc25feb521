/**
 * Plain-English sentences about a ward, generated from its figures. Each uses the city and England as
 * yardsticks and avoids jargon; a sentence is left out when its figure is missing.
 */
import { formatValue } from '$lib/format.ts';
import type { Benchmark, IndicatorSummary, WardValue } from '$lib/data/types.ts';

export interface SummaryInput {
	wardName: string;
	values: Map<string, WardValue>;
	benchmarks: Map<string, Benchmark>;
	indicators: Map<string, IndicatorSummary>;
}

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

export function wardSummary({ wardName, values, benchmarks, indicators }: SummaryInput): string[] {
	const sentences: string[] = [];
	const get = (id: string) => ({ row: values.get(id), bench: benchmarks.get(id), ind: indicators.get(id) });

	const imd = get('imd19_score');
	if (imd.row?.value != null && imd.row.rank_high != null && imd.ind) {
		const lessDeprived = imd.row.ranked - imd.row.rank_high;
		const versusEngland = imd.bench?.england != null ? (imd.row.value > imd.bench.england ? 'more' : 'less') : null;
		const england = versusEngland ? `, and ${versusEngland} deprived than England on average` : '';
		sentences.push(
			imd.row.rank_high === 1
				? `${wardName} is the most deprived of Birmingham's ${imd.row.ranked} wards${england}.`
				: lessDeprived === 0
					? `${wardName} is the least deprived of Birmingham's ${imd.row.ranked} wards${england}.`
					: `${wardName} is more deprived than ${lessDeprived} of Birmingham's ${imd.row.ranked} wards${england}.`
		);
	}

	const cp = get('cp_ahc_pct_2025');
	if (cp.row?.value != null && cp.ind) {
		const city = cp.bench?.birmingham;
		sentences.push(
			`About ${inWords(cp.row.value)} children here grow up in a low-income family once housing costs are paid (${formatValue(cp.row.value, cp.ind)})` +
				(city != null ? `, compared with ${inWords(city)} across Birmingham.` : '.')
		);
	}

	const le = get('le_persons');
	if (le.row?.value != null && le.ind) {
		const city = le.bench?.birmingham;
		const diff = city != null ? le.row.value - city : null;
		sentences.push(
			`People here can expect to live about ${le.row.value.toFixed(0)} years` +
				(diff != null && Math.abs(diff) >= 0.5
					? `, ${Math.abs(diff).toFixed(1)} years ${diff > 0 ? 'longer' : 'shorter'} than the Birmingham average (an estimate).`
					: diff != null
						? `, close to the Birmingham average (an estimate).`
						: ' (an estimate).')
		);
	}

	const ks4 = get('ks4_att8_2023');
	const schools = values.get('ks4_schools_2023');
	if (ks4.row?.value != null && ks4.ind) {
		const city = ks4.bench?.birmingham;
		sentences.push(
			`Secondary schools in the ward had an average GCSE score (Attainment 8) of ${formatValue(ks4.row.value, ks4.ind)}` +
				(city != null ? `, ${ks4.row.value >= city ? 'above' : 'below'} the city's ${formatValue(city, ks4.ind)}.` : '.') +
				' This describes schools located here, not where pupils live.'
		);
	} else if (ks4.ind && (schools?.value ?? 0) === 0) {
		sentences.push('There is no state-funded mainstream secondary school in the ward, so there is no ward GCSE figure.');
	}

	const mix = get('seg21_pct_nonwhite');
	if (mix.row?.value != null && mix.ind) {
		const city = mix.bench?.birmingham;
		sentences.push(
			`In the 2021 Census, ${formatValue(mix.row.value, mix.ind)} of residents were from an ethnic group other than White` +
				(city != null ? ` (Birmingham: ${formatValue(city, mix.ind)}).` : '.')
		);
	}
	return sentences;
}
