/**
 * Indicators readers upload themselves ("your data"). Values live only in DuckDB-WASM in this browser (tables
 * user_indicators and user_values, view user_ward_values with the shape of ward_values), and in IndexedDB
 * only if the reader ticks "keep". Nothing is sent anywhere.
 *
 * For pages (map, compare, explore):
 *   userData.indicators        reactive list of UserIndicator, in the order added; each looks like an
 *                              IndicatorSummary with family 'user' and user_data true
 *   isUserIndicatorId(id)      whether an id names an uploaded indicator ('yours-…')
 *   userIndicatorValues(id)    WardValue[] for one uploaded indicator (ranked like ward_values)
 *   pairCorrelationWithUserData(x, y)  correlation and fitted line of any two indicators, official or uploaded
 *   restoreUserData()          brings back kept indicators; cheap when nothing is kept
 *   describeUserIndicator(u)   definition, method and caveat texts for the page
 * For the upload page: addUserIndicator, removeUserIndicator, setKeepInBrowser, forgetMyData.
 */
import { startBrowserDatabase } from './browser-db.svelte.ts';
import type { Database } from './db.ts';
import type { Polarity, WardValue } from './types.ts';
import { correlationSql, type CorrelationRow } from './explore-sql.ts';
import {
	USER_TABLES_SQL,
	WARD_AND_USER_VALUES,
	deleteUserIndicatorSql,
	insertUserIndicatorSql,
	insertUserValuesSql,
	userIndicatorRawValuesSql,
	userIndicatorWardValuesSql,
	type UserIndicatorRow
} from './user-sql.ts';
import { deleteStoredIndicator, forgetStoredIndicators, hasStoredIndicators, readStoredIndicators, storeIndicators } from './user-data/persist.ts';

export const USER_ID_PREFIX = 'yours-';

export const USER_UNITS = [
	{ value: 'number', label: 'Number (no unit)' },
	{ value: '%', label: 'Percentage (%)' },
	{ value: 'count', label: 'Count' },
	{ value: 'people', label: 'People' },
	{ value: 'per_1000', label: 'Rate per 1,000' },
	{ value: 'gbp', label: 'Pounds (£)' },
	{ value: 'score', label: 'Score' },
	{ value: 'years', label: 'Years' }
] as const;
export type UserUnit = (typeof USER_UNITS)[number]['value'];

export const POLARITIES: { value: Polarity; label: string }[] = [
	{ value: 'neutral', label: 'Neither: higher is not better or worse' },
	{ value: 'higher_is_worse', label: 'Higher is worse (e.g. arrears, referrals)' },
	{ value: 'higher_is_better', label: 'Higher is better (e.g. satisfaction)' }
];

export interface UserIndicator {
	id: string;
	family: 'user';
	user_data: true;
	label: string;
	short_label: string;
	unit: UserUnit;
	decimals: number;
	polarity: Polarity;
	period: string;
	source_note: string;
	file_name: string;
	column_name: string;
	added_at: string;
	headline: false;
	derived: false;
	source_id: '';
}

export const userData = $state({
	indicators: [] as UserIndicator[],
	/** True when the reader asked to keep their data in this browser. */
	kept: false,
	error: ''
});

export const isUserIndicatorId = (id: string | null | undefined): boolean => !!id && id.startsWith(USER_ID_PREFIX);

function fromRow(row: UserIndicatorRow): UserIndicator {
	return {
		id: row.indicator_id,
		family: 'user',
		user_data: true,
		label: row.label,
		short_label: row.label.length > 40 ? `${row.label.slice(0, 38)}…` : row.label,
		unit: (USER_UNITS.some((u) => u.value === row.unit) ? row.unit : 'number') as UserUnit,
		decimals: Math.min(4, Math.max(0, Math.trunc(row.decimals) || 0)),
		polarity: POLARITIES.some((p) => p.value === row.polarity) ? (row.polarity as Polarity) : 'neutral',
		period: row.period,
		source_note: row.source_note,
		file_name: row.file_name,
		column_name: row.column_name,
		added_at: row.added_at,
		headline: false,
		derived: false,
		source_id: ''
	};
}

function toRow(indicator: UserIndicator): UserIndicatorRow {
	return {
		indicator_id: indicator.id,
		label: indicator.label,
		unit: indicator.unit,
		decimals: indicator.decimals,
		polarity: indicator.polarity,
		period: indicator.period,
		source_note: indicator.source_note,
		file_name: indicator.file_name,
		column_name: indicator.column_name,
		added_at: indicator.added_at
	};
}

let tablesReady: Promise<Database> | undefined;

/** The database with the user tables created; they exist from the first upload or restore onwards. */
export function userDatabase(): Promise<Database> {
	tablesReady ??= (async () => {
		const db = await startBrowserDatabase();
		for (const statement of USER_TABLES_SQL) await db.query(statement);
		return db;
	})();
	tablesReady.catch(() => (tablesReady = undefined));
	return tablesReady;
}

/** "Food bank referrals 2024" → "yours-food-bank-referrals-2024", unique among this browser's uploads. */
export function userIndicatorId(label: string, taken: Iterable<string>): string {
	const slug =
		label
			.toLowerCase()
			.normalize('NFKD')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 40) || 'indicator';
	const used = new Set(taken);
	let id = `${USER_ID_PREFIX}${slug}`;
	for (let n = 2; used.has(id); n++) id = `${USER_ID_PREFIX}${slug}-${n}`;
	return id;
}

export interface NewUserIndicator {
	label: string;
	unit: UserUnit;
	decimals: number;
	polarity: Polarity;
	period: string;
	source_note: string;
	file_name: string;
	column_name: string;
	values: { ward_code: string; value: number | null }[];
}

async function insert(db: Database, row: UserIndicatorRow, values: StoredValues) {
	for (const statement of deleteUserIndicatorSql(row.indicator_id)) await db.query(statement);
	await db.query(insertUserIndicatorSql(row));
	if (values.length) await db.query(insertUserValuesSql(row.indicator_id, values));
}
type StoredValues = { ward_code: string; value: number | null }[];

/** Adds one indicator to DuckDB (and to the browser's storage when the reader keeps data); returns its id. */
export async function addUserIndicator(input: NewUserIndicator): Promise<UserIndicator> {
	const db = await userDatabase();
	const indicator = fromRow({
		indicator_id: userIndicatorId(input.label, userData.indicators.map((i) => i.id)),
		label: input.label.trim() || input.column_name,
		unit: input.unit,
		decimals: input.decimals,
		polarity: input.polarity,
		period: input.period.trim(),
		source_note: input.source_note.trim(),
		file_name: input.file_name,
		column_name: input.column_name,
		added_at: new Date().toISOString()
	});
	await insert(db, toRow(indicator), input.values);
	userData.indicators = [...userData.indicators, indicator];
	if (userData.kept) await storeIndicators([{ meta: toRow(indicator), values: input.values }]);
	return indicator;
}

export async function removeUserIndicator(id: string): Promise<void> {
	const db = await userDatabase();
	for (const statement of deleteUserIndicatorSql(id)) await db.query(statement);
	userData.indicators = userData.indicators.filter((i) => i.id !== id);
	if (userData.kept) await deleteStoredIndicator(id);
}

export async function userIndicatorValues(id: string): Promise<WardValue[]> {
	const db = await userDatabase();
	return db.query<WardValue>(userIndicatorWardValuesSql(id));
}

/** Pearson, Spearman and the least-squares line for a pair where either indicator may be the reader's own. */
export async function pairCorrelationWithUserData(xId: string, yId: string): Promise<CorrelationRow | null> {
	const db = await userDatabase();
	return (await db.query<CorrelationRow>(correlationSql([xId], [yId], WARD_AND_USER_VALUES)))[0] ?? null;
}

/** Starts or stops keeping this browser's uploads in IndexedDB. Stopping deletes the kept copy. */
export async function setKeepInBrowser(keep: boolean): Promise<void> {
	if (!keep) {
		await forgetStoredIndicators();
		userData.kept = false;
		return;
	}
	const db = await userDatabase();
	const items = await Promise.all(
		userData.indicators.map(async (indicator) => ({
			meta: toRow(indicator),
			values: await db.query<{ ward_code: string; value: number | null }>(userIndicatorRawValuesSql(indicator.id))
		}))
	);
	await storeIndicators(items);
	userData.kept = true;
}

/** Removes every uploaded indicator from DuckDB, from the page and from the browser's storage. */
export async function forgetMyData(): Promise<void> {
	const ids = userData.indicators.map((i) => i.id);
	if (ids.length) {
		const db = await userDatabase();
		for (const id of ids) for (const statement of deleteUserIndicatorSql(id)) await db.query(statement);
	}
	userData.indicators = [];
	await forgetStoredIndicators();
	userData.kept = false;
}

let restoring: Promise<void> | undefined;

/** Brings back kept indicators after a reload. Starts DuckDB only when something is kept. */
export function restoreUserData(): Promise<void> {
	restoring ??= (async () => {
		if (!(await hasStoredIndicators())) return;
		const stored = await readStoredIndicators();
		const db = await userDatabase();
		const known = new Set(userData.indicators.map((i) => i.id));
		const restored: UserIndicator[] = [];
		for (const item of stored) {
			if (known.has(item.meta.indicator_id) || !isUserIndicatorId(item.meta.indicator_id)) continue;
			await insert(db, item.meta, item.values);
			restored.push(fromRow(item.meta));
		}
		userData.kept = true;
		userData.indicators = [...userData.indicators, ...restored].sort((a, b) => a.added_at.localeCompare(b.added_at));
	})().catch((error: unknown) => {
		userData.error = `Your kept data could not be restored (${error instanceof Error ? error.message : String(error)}).`;
		restoring = undefined;
	});
	return restoring;
}

const UNIT_WORDS: Record<string, string> = Object.fromEntries(USER_UNITS.map((u) => [u.value, u.label]));

/** Texts the map page shows under the picker and beside the ranking for an uploaded indicator. */
export function describeUserIndicator(indicator: UserIndicator) {
	return {
		id: indicator.id,
		description: `Your data: column “${indicator.column_name}” of ${indicator.file_name}${indicator.period ? `, ${indicator.period}` : ''}. It is only in this browser and has not been checked by this site.`,
		method: `Values as given in your file, matched to wards by code or name; ${UNIT_WORDS[indicator.unit]?.toLowerCase() ?? 'numbers'}. Ranks count only the wards with a value.`,
		caveat: 'These are your figures as given in your file; this site has not checked them, and there is no Birmingham or England figure to compare with.'
	};
}
