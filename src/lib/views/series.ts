/**
 * Pure helpers for time series: lines split at series breaks, periods in words, and the change between two
 * periods. A series break (e.g. population estimates rebased on Census 2021) is never bridged: lines stop at it
 * and a change across it is refused, with the reason.
 */
import type { Series } from '$lib/data/types.ts';
import type { SeriesRow } from '$lib/data/series-queries.ts';

export interface SeriesPoint {
	period: string;
	date: string;
	basis: string;
	value: number | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-04" → "Apr 2026" (or "April 2026"); "2021" → "mid-2021" for yearly population; FYE labels pass through. */
export function periodLabel(period: string, series: Pick<Series, 'frequency' | 'unit' | 'family'>, long = false): string {
	const month = /^(\d{4})-(\d{2})$/.exec(period);
	if (month) return `${(long ? MONTHS_LONG : MONTHS)[Number(month[2]) - 1]} ${month[1]}`;
	if (/^\d{4}$/.test(period) && series.family === 'population') return `mid-${period}`;
	return period;
}

/**
 * Splits one area's points into runs that can be joined by a line: a new run starts at every change of basis
 * (a series break) and after every missing value.
 */
export function segmentsOf(points: SeriesPoint[]): SeriesPoint[][] {
	const segments: SeriesPoint[][] = [];
	let current: SeriesPoint[] = [];
	let basis: string | null = null;
	for (const point of points) {
		if (point.value === null) {
			if (current.length) segments.push(current);
			current = [];
			continue;
		}
		if (basis !== null && point.basis !== basis && current.length) {
			segments.push(current);
			current = [];
		}
		basis = point.basis;
		current.push(point);
	}
	if (current.length) segments.push(current);
	return segments;
}

/** Rows of one series grouped by area, each in date order. */
export function pointsByArea(rows: SeriesRow[], seriesId: string): Map<string, SeriesPoint[]> {
	const byArea = new Map<string, SeriesPoint[]>();
	for (const row of rows) {
		if (row.series_id !== seriesId) continue;
		if (!byArea.has(row.area_code)) byArea.set(row.area_code, []);
		byArea.get(row.area_code)!.push({ period: row.period, date: row.date, basis: row.basis, value: row.value });
	}
	for (const points of byArea.values()) points.sort((a, b) => a.date.localeCompare(b.date));
	return byArea;
}

/** The periods of a series in date order, from its ward rows. */
export function periodsOf(rows: SeriesRow[]): { period: string; date: string; basis: string }[] {
	const seen = new Map<string, { period: string; date: string; basis: string }>();
	for (const row of rows) if (row.area_type === 'ward' && !seen.has(row.period)) seen.set(row.period, { period: row.period, date: row.date, basis: row.basis });
	return [...seen.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export interface ChangeResult {
	/** Area code → change; null where either value is missing. */
	change: Map<string, { from: number | null; to: number | null; change: number | null }>;
	/** Unit of the change: percentage points or per cent. */
	unit: 'points' | 'percent';
}

export type ChangeOutcome = { ok: true; result: ChangeResult } | { ok: false; problem: string };

/**
 * The change in every area between two periods: a difference in points for rates and shares, a percentage
 * change for counts. Refused when the series does not allow it, the periods are unknown or in the wrong order,
 * or they lie on different sides of a series break.
 */
export function changeBetween(series: Series, rows: SeriesRow[], from: string, to: string): ChangeOutcome {
	if (!series.change) return { ok: false, problem: `${series.label} cannot be compared between periods.` };
	const periods = periodsOf(rows.filter((r) => r.series_id === series.id));
	const fromPeriod = periods.find((p) => p.period === from);
	const toPeriod = periods.find((p) => p.period === to);
	if (!fromPeriod || !toPeriod) {
		const missing = !fromPeriod ? from : to;
		return { ok: false, problem: `${series.short_label} has no figures for “${missing.slice(0, 30)}”. Pick a period from the list.` };
	}
	if (fromPeriod.date >= toPeriod.date) return { ok: false, problem: 'The first period must come before the second.' };
	if (fromPeriod.basis !== toPeriod.basis) {
		const crossed = series.breaks.find((b) => {
			const at = periods.find((p) => p.period === b.before);
			return at && at.date > fromPeriod.date && at.date <= toPeriod.date;
		});
		return {
			ok: false,
			problem: `${periodLabel(from, series)} and ${periodLabel(to, series)} lie on either side of a series break${crossed ? ` (${crossed.label} from ${periodLabel(crossed.before, series)})` : ''}, so the difference would not be a real change. Pick two periods on the same side.`
		};
	}
	const change: ChangeResult['change'] = new Map();
	for (const [area, points] of pointsByArea(rows, series.id)) {
		const a = points.find((p) => p.period === from)?.value ?? null;
		const b = points.find((p) => p.period === to)?.value ?? null;
		let value: number | null = null;
		if (a !== null && b !== null) value = series.change === 'difference' ? b - a : a === 0 ? null : ((b - a) / a) * 100;
		change.set(area, { from: a, to: b, change: value });
	}
	return { ok: true, result: { change, unit: series.change === 'difference' ? 'points' : 'percent' } };
}

/** "+1.2 points", "−3.4%", "no change". */
export function formatChange(value: number | null, unit: ChangeResult['unit'], decimals = 1): string {
	if (value === null || !Number.isFinite(value)) return 'no data';
	const rounded = Number(value.toFixed(decimals));
	if (rounded === 0) return unit === 'points' ? 'no change (0 points)' : 'no change (0%)';
	const magnitude = Math.abs(rounded).toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
	const sign = rounded > 0 ? '+' : '−';
	return unit === 'points' ? `${sign}${magnitude} ${Math.abs(rounded) === 1 ? 'point' : 'points'}` : `${sign}${magnitude}%`;
}
