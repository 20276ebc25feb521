/**
 * Turning an uploaded file's bytes into text and records, before any ward matching. Pure functions shared by
 * the parsing worker and the unit tests, so the fixtures go through exactly what the browser runs.
 */
import Papa from 'papaparse';
import type { RawTable } from './table-analysis.ts';

/** Larger files are refused before reading: a ward file is a few kilobytes. */
export const MAX_BYTES = 100 * 1024 * 1024;
/** More records than this is not a ward table (69 wards); reading stops with a message rather than a stalled tab. */
export const MAX_RECORDS = 20_000;

export class UploadError extends Error {}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function checkSize(bytes: number): void {
	if (bytes > MAX_BYTES) {
		throw new UploadError(
			`This file is ${megabytes(bytes)}, more than the ${megabytes(MAX_BYTES)} this page reads. A file with one row per ward is usually under 100 KB: filter the file to the columns and period you need, then try again.`
		);
	}
}

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** The file's text encoding from its first bytes, or an error naming what the file seems to be instead. */
export function sniffEncoding(head: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'; notice: string | null } {
	if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
		throw new UploadError('This is an Excel workbook (.xlsx) or another ZIP file, not a text file. In Excel, use File › Save As › “CSV UTF-8”, then upload the .csv file.');
	}
	if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
		throw new UploadError('This is an old-style Excel (.xls) or Word file, not a text file. Save it as “CSV UTF-8” and upload that.');
	}
	if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) throw new UploadError('This is a PDF, not a table. Upload a CSV, TSV or semicolon-separated text file.');
	if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', notice: null };
	if (startsWith(head, [0xff, 0xfe])) return { encoding: 'utf-16le', notice: 'The file is in UTF-16 (Excel’s “Unicode text”); read it as such.' };
	if (startsWith(head, [0xfe, 0xff])) return { encoding: 'utf-16be', notice: 'The file is in UTF-16; read it as such.' };
	let control = 0;
	for (const byte of head) {
		if (byte === 0) throw new UploadError('This looks like a binary file (it contains zero bytes), not text. Upload a CSV, TSV or semicolon-separated text file.');
		if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
	}
	if (head.length && control / head.length > 0.01) {
		throw new UploadError('This looks like a binary file (it is full of control characters), not text. Upload a CSV, TSV or semicolon-separated text file.');
	}
	return { encoding: 'utf-8', notice: null };
}

/**
 * Decodes the whole file. Text that is not valid UTF-8 is read as Windows-1252, which is what Excel on Windows
 * writes for "CSV (Comma delimited)", and the page says so.
 */
export function decodeText(bytes: Uint8Array, sniffed: ReturnType<typeof sniffEncoding>): { text: string; encoding: string; notice: string | null } {
	if (sniffed.encoding !== 'utf-8') return { text: new TextDecoder(sniffed.encoding).decode(bytes), encoding: sniffed.encoding, notice: sniffed.notice };
	try {
		return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8', notice: null };
	} catch {
		return {
			text: decodeWindows1252(bytes),
			encoding: 'windows-1252',
			notice: 'The file is not UTF-8, so it was read as Windows-1252 (Western European), the encoding older Excel versions use. Check that names with accents or apostrophes look right.'
		};
	}
}

/** Windows-1252's printable characters in 0x80–0x9F (curly quotes, £-era punctuation); some runtimes decode them as controls. */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
	let text = '';
	for (let i = 0; i < bytes.length; i += 8192) {
		const chunk = bytes.subarray(i, i + 8192);
		text += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(b - 0x80) : b)));
	}
	return text;
}

export interface ParseProgress {
	(fraction: number): void;
}

/**
 * Splits text into records with papaparse, chunk by chunk so progress can be reported, guessing the delimiter
 * among commas, tabs, semicolons and pipes.
 */
export function parseRecords(text: string, meta: { fileName: string; bytes: number; encoding: string; notices: string[] }, onProgress?: ParseProgress): RawTable {
	const table: RawTable = { fileName: meta.fileName, bytes: meta.bytes, delimiter: ',', encoding: meta.encoding, records: [], blankRows: 0, notices: [...meta.notices] };
	const quoteProblems: number[] = [];
	let rowNumber = 0;
	let tooMany = false;
	// Line endings at the very end are not blank rows anyone typed.
	Papa.parse<string[]>(text.replace(/[\r\n]+$/, ''), {
		header: false,
		skipEmptyLines: false,
		delimitersToGuess: [',', '\t', ';', '|'],
		chunkSize: 1024 * 1024,
		complete() {},
		chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
			table.delimiter = results.meta.delimiter || table.delimiter;
			for (const error of results.errors) if (error.type === 'Quotes' && error.row !== undefined) quoteProblems.push(rowNumber + error.row + 1);
			for (const cells of results.data) {
				rowNumber++;
				if (cells.every((c) => c.trim() === '')) {
					table.blankRows++;
					continue;
				}
				if (table.records.length >= MAX_RECORDS) {
					tooMany = true;
					parser.abort();
					return;
				}
				table.records.push({ row: rowNumber, cells });
			}
			onProgress?.(Math.min(1, results.meta.cursor / Math.max(1, text.length)));
		}
	});
	if (tooMany) {
		throw new UploadError(
			`Stopped reading at row ${rowNumber.toLocaleString('en-GB')}: this file has more than ${MAX_RECORDS.toLocaleString('en-GB')} rows, and a ward file has one row per ward (69). If it holds one row per ward and date or category, filter it to one period or category first.`
		);
	}
	if (quoteProblems.length) {
		table.notices.push(
			`A quotation mark is not closed near row ${quoteProblems.slice(0, 5).join(', ')}; cells after it may have run together. Check those rows below.`
		);
	}
	return table;
}

/** Whole pipeline on bytes, as the worker runs it. */
export function readUpload(bytes: Uint8Array, fileName: string, onProgress?: ParseProgress): RawTable {
	checkSize(bytes.length);
	if (!bytes.length) return { fileName, bytes: 0, delimiter: ',', encoding: 'utf-8', records: [], blankRows: 0, notices: [] };
	const sniffed = sniffEncoding(bytes.subarray(0, 8192));
	const { text, encoding, notice } = decodeText(bytes, sniffed);
	return parseRecords(text, { fileName, bytes: bytes.length, encoding, notices: notice ? [notice] : [] }, onProgress);
}
