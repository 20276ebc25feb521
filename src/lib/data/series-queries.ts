/** Typed questions about the time series; each is one statement from series-sql.ts on whichever Database is at hand. */
import type { Database } from './db.ts';
import { seriesAllAreasSql, seriesTables, seriesViewSql, wardSeriesSql } from './series-sql.ts';

export interface SeriesRow {
	series_id: string;
	area_code: string;
	area_type: 'ward' | 'local_authority' | 'country';
	period: string;
	/** ISO date (YYYY-MM-DD) the period is drawn at. */
	date: string;
	/** The estimate or method the value rests on; it changes at a series break. */
	basis: string;
	value: number | null;
}

const views = new WeakMap<Database, Promise<unknown>>();

/** Creates the series view once per database, loading the series files on first use. */
function ensureSeriesView(db: Database): Promise<unknown> {
	const series = db.catalogue.series ?? [];
	if (!views.has(db)) {
		const created = db.query(seriesViewSql(series), seriesTables(series));
		created.catch(() => views.delete(db));
		views.set(db, created);
	}
	return views.get(db)!;
}

export async function getWardSeries(db: Database, wardCode: string): Promise<SeriesRow[]> {
	await ensureSeriesView(db);
	return db.query<SeriesRow>(wardSeriesSql(wardCode));
}

export async function getSeriesAllAreas(db: Database, seriesId: string): Promise<SeriesRow[]> {
	await ensureSeriesView(db);
	return db.query<SeriesRow>(seriesAllAreasSql(seriesId));
}
