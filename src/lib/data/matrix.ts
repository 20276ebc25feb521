import type { WardValue } from './types.ts';

/**
 * Every ward value of every indicator in a compact, column-wise shape (about 10 KB gzipped), so a page can
 * switch indicator instantly before DuckDB has started. Built from the query layer's rows, never by hand.
 */
export interface ValueMatrix {
	wardCodes: string[];
	indicators: Record<string, { values: (number | null)[]; lower: (number | null)[] | null; upper: (number | null)[] | null; ranks: (number | null)[]; ranked: number }>;
}

export function toMatrix(rows: WardValue[]): ValueMatrix {
	const wardCodes = [...new Set(rows.map((r) => r.ward_code))].sort();
	const position = new Map(wardCodes.map((c, i) => [c, i]));
	const indicators: ValueMatrix['indicators'] = {};
	for (const row of rows) {
		const entry = (indicators[row.indicator_id] ??= {
			values: wardCodes.map(() => null),
			lower: null,
			upper: null,
			ranks: wardCodes.map(() => null),
			ranked: row.ranked
		});
		const i = position.get(row.ward_code)!;
		entry.values[i] = row.value;
		entry.ranks[i] = row.rank_high;
		if (row.lower !== null) (entry.lower ??= wardCodes.map(() => null))[i] = row.lower;
		if (row.upper !== null) (entry.upper ??= wardCodes.map(() => null))[i] = row.upper;
	}
	return { wardCodes, indicators };
}

/** Back from the matrix to rows for one indicator. */
export function indicatorRows(matrix: ValueMatrix, indicatorId: string): WardValue[] {
	const entry = matrix.indicators[indicatorId];
	if (!entry) return [];
	return matrix.wardCodes.map((ward_code, i) => ({
		indicator_id: indicatorId,
		ward_code,
		value: entry.values[i],
		lower: entry.lower?.[i] ?? null,
		upper: entry.upper?.[i] ?? null,
		rank_high: entry.ranks[i],
		ranked: entry.ranked
	}));
}
