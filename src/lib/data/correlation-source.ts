/**
 * The correlation of two published indicators in the browser without DuckDB: read from the file the build
 * wrote for the first indicator (/api/correlations/<id>.json, from correlationSql in explore-sql.ts).
 */
import { base } from '$app/paths';
import type { CorrelationRow } from './explore-sql.ts';

const files = new Map<string, Promise<CorrelationRow[]>>();

function correlationsOf(xId: string): Promise<CorrelationRow[]> {
	if (!files.has(xId)) {
		const request = fetch(`${base}/api/correlations/${encodeURIComponent(xId)}.json`).then(async (response) => {
			if (!response.ok) throw new Error(`the correlations file answered ${response.status}`);
			const rows = (await response.json()) as CorrelationRow[];
			if (!Array.isArray(rows)) throw new Error('the correlations file is damaged');
			return rows;
		});
		request.catch(() => files.delete(xId));
		files.set(xId, request);
	}
	return files.get(xId)!;
}

export async function publishedPairCorrelation(xId: string, yId: string): Promise<CorrelationRow | null> {
	return (await correlationsOf(xId)).find((r) => r.y_id === yId) ?? null;
}
