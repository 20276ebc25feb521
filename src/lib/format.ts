import type { Indicator } from './data/types.ts';

// Building an Intl.NumberFormat costs far more than using one; a switch formats hundreds of values.
const formatters = new Map<number, Intl.NumberFormat>();
const grouped = (decimals: number) => {
	let formatter = formatters.get(decimals);
	if (!formatter) formatters.set(decimals, (formatter = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
	return formatter;
};

/** A value as a reader sees it: "38.1", "41.2%", "78.4 years", "12,345". Missing values say so. */
export function formatValue(value: number | null | undefined, indicator: { unit: Indicator['unit'] | string; decimals: number }, withUnit = true): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return 'no data';
	const text = grouped(indicator.decimals).format(value);
	if (!withUnit) return text;
	switch (indicator.unit) {
		case '%':
			return `${text}%`;
		case 'years':
			return `${text} years`;
		case 'people':
			return `${text} people`;
		case 'per_km2':
			return `${text} per km²`;
		case 'gbp':
			return value < 0 ? `−£${grouped(indicator.decimals).format(-value)}` : `£${text}`;
		case 'per_1000':
			return `${text} per 1,000`;
		default:
			return text;
	}
}

export function ordinal(n: number): string {
	const mod100 = n % 100;
	if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
	return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** "3rd highest of 69" — rank 1 is the highest value. */
export function describeRank(rankHigh: number | null, ranked: number): string {
	if (rankHigh === null) return 'not ranked';
	if (rankHigh === 1) return `highest of ${ranked}`;
	if (rankHigh === ranked) return `lowest of ${ranked}`;
	const fromTop = rankHigh;
	const fromBottom = ranked - rankHigh + 1;
	return fromTop <= fromBottom ? `${ordinal(fromTop)} highest of ${ranked}` : `${ordinal(fromBottom)} lowest of ${ranked}`;
}

export type Comparison = 'higher' | 'lower' | 'similar' | 'unknown';

/**
 * Compares a value with a benchmark. Where both have confidence intervals, "higher"/"lower" means the
 * intervals do not overlap and "similar" that they do; otherwise it is a plain arithmetic comparison and the
 * caller must not call it significant.
 */
export function compareWith(
	value: number | null,
	benchmark: number | null,
	interval?: { lower: number | null; upper: number | null },
	benchmarkInterval?: { lower: number | null; upper: number | null }
): { comparison: Comparison; significant: boolean | null } {
	if (value === null || benchmark === null) return { comparison: 'unknown', significant: null };
	if (interval && interval.lower !== null && interval.upper !== null) {
		const bLower = benchmarkInterval?.lower ?? benchmark;
		const bUpper = benchmarkInterval?.upper ?? benchmark;
		if (interval.lower > bUpper) return { comparison: 'higher', significant: true };
		if (interval.upper < bLower) return { comparison: 'lower', significant: true };
		return { comparison: 'similar', significant: false };
	}
	if (value === benchmark) return { comparison: 'similar', significant: null };
	return { comparison: value > benchmark ? 'higher' : 'lower', significant: null };
}

/** Whether "higher" is good or bad news for this indicator, in words. */
export function judgement(comparison: Comparison, indicator: Pick<Indicator, 'polarity'>): 'better' | 'worse' | '' {
	if (indicator.polarity === 'neutral' || comparison === 'similar' || comparison === 'unknown') return '';
	const higherIsWorse = indicator.polarity === 'higher_is_worse';
	return (comparison === 'higher') === higherIsWorse ? 'worse' : 'better';
}

/** "IMD score (2019)" already names its period; other labels get it added: "Child poverty (FYE 2025)". */
export function labelWithPeriod(indicator: { label: string; period: string }): string {
	return indicator.label.includes(indicator.period) ? indicator.label : `${indicator.label} (${indicator.period})`;
}
