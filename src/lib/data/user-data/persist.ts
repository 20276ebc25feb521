/**
 * Optional keeping of uploaded indicators in this browser's IndexedDB, only when the reader asks for it. Nothing
 * here leaves the device; "Forget my data" deletes the whole store.
 */
import type { UserIndicatorRow } from '../user-sql.ts';

export interface StoredIndicator {
	meta: UserIndicatorRow;
	values: { ward_code: string; value: number | null }[];
}

const DB_NAME = 'birmingham-wards-your-data';
const STORE = 'indicators';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		if (typeof indexedDB === 'undefined') return reject(new Error('this browser has no IndexedDB storage'));
		const request = indexedDB.open(DB_NAME, 1);
		request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'meta.indicator_id' });
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
	});
}

async function withStore<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
	const db = await open();
	try {
		return await new Promise<T | undefined>((resolve, reject) => {
			const transaction = db.transaction(STORE, mode);
			const request = act(transaction.objectStore(STORE));
			transaction.oncomplete = () => resolve(request ? request.result : undefined);
			transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB refused the change'));
			transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB stopped the change (is the storage full?)'));
		});
	} finally {
		db.close();
	}
}

/** Whether anything is kept, without opening (and so creating) the database when it does not exist. */
export async function hasStoredIndicators(): Promise<boolean> {
	if (typeof indexedDB === 'undefined') return false;
	if ('databases' in indexedDB) {
		const list = await indexedDB.databases().catch(() => null);
		if (list && !list.some((d) => d.name === DB_NAME)) return false;
	}
	return ((await readStoredIndicators().catch(() => [])) ?? []).length > 0;
}

export async function readStoredIndicators(): Promise<StoredIndicator[]> {
	return ((await withStore<StoredIndicator[]>('readonly', (store) => store.getAll() as IDBRequest<StoredIndicator[]>)) ?? []).filter(
		(item) => item?.meta?.indicator_id && Array.isArray(item.values)
	);
}

export async function storeIndicators(items: StoredIndicator[]): Promise<void> {
	await withStore('readwrite', (store) => {
		for (const item of items) store.put($stateSnapshotSafe(item));
	});
}

export async function deleteStoredIndicator(id: string): Promise<void> {
	await withStore('readwrite', (store) => store.delete(id));
}

export async function forgetStoredIndicators(): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		if (typeof indexedDB === 'undefined') return resolve();
		const request = indexedDB.deleteDatabase(DB_NAME);
		request.onsuccess = () => resolve();
		request.onerror = () => reject(request.error ?? new Error('the stored data could not be deleted'));
		request.onblocked = () => resolve();
	});
}

/** IndexedDB clones with the structured-clone algorithm, which refuses Svelte's reactive proxies. */
function $stateSnapshotSafe<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}
