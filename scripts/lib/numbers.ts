import { DataError } from './errors.ts';

/** DfE and ONS suppression and not-applicable markers. They mean "no figure", never zero. */
export const SUPPRESSION_CODES = new Set(['SUPP', 'NE', 'NP', 'NA', 'LOWCOV', 'NEW', 'x', 'X', '..', '.', ':', '-', 'c', '*', '']);

/**
 * Parses a published number. Suppression codes give null; anything else that is not a number is an error,
 * so a code can never slip through as a figure.
 */
export function parseNumber(raw: string | undefined, file: string, row: number | string, column: string): number | null {
	const text = (raw ?? '').trim();
	if (SUPPRESSION_CODES.has(text)) return null;
	const cleaned = text.replace(/,/g, '').replace(/%$/, '');
	if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned)) {
		throw new DataError(file, `column ${column}: "${text}" is not a number or a known suppression code`, row);
	}
	return Number(cleaned);
}

/** Parses a number that must be present. */
export function requireNumber(raw: string | undefined, file: string, row: number | string, column: string): number {
	const value = parseNumber(raw, file, row, column);
	if (value === null) throw new DataError(file, `column ${column}: value is missing or suppressed`, row);
	return value;
}

/** Fails when a value lies outside its plausible range. */
export function assertRange(value: number | null, min: number, max: number, file: string, row: number | string, what: string): void {
	if (value === null) return;
	if (value < min || value > max) throw new DataError(file, `${what} = ${value} is outside the plausible range ${min}–${max}`, row);
}

/** Weighted mean of (value, weight) pairs, ignoring pairs whose value is null. Null when no weight remains. */
export function weightedMean(pairs: { value: number | null; weight: number }[]): number | null {
	let sum = 0;
	let weight = 0;
	for (const p of pairs) {
		if (p.value === null) continue;
		sum += p.value * p.weight;
		weight += p.weight;
	}
	return weight > 0 ? sum / weight : null;
}
