/**
 * Reading numbers as people type them in spreadsheets: "1,234", "12.5%", "£1,200", "(45)", "−3", "12,5" in a
 * semicolon file. Cells that are not numbers are never guessed at: they become "no data" and are listed.
 */
export type CellKind = 'number' | 'blank' | 'missing' | 'invalid';

export interface ParsedCell {
	kind: CellKind;
	value: number | null;
	/** Why a number needed cleaning, or why a cell was refused; shown to the user. */
	note?: 'percent' | 'thousands' | 'currency' | 'brackets' | 'formula' | 'text';
}

/** Markers statistical tables use for suppressed, unavailable or not-applicable values. */
const MISSING_MARKERS = new Set(['-', '–', '—', 'n/a', 'na', 'n.a.', 'null', 'none', 'nan', '..', '.', '*', 'c', 'x', 'z', ':', '~', '#n/a', 'suppressed', '[c]', '[x]', '[z]', '[low]', '[u]', 'missing', 'no data']);

export function parseCell(raw: string, decimalComma = false): ParsedCell {
	let text = raw.replace(/[\u00a0\u2007\u202f]/g, ' ').trim();
	if (!text) return { kind: 'blank', value: null };
	if (MISSING_MARKERS.has(text.toLowerCase())) return { kind: 'missing', value: null };
	if (/^[=@]/.test(text) || (/^[+-]/.test(text) && /[a-z(]/i.test(text))) return { kind: 'invalid', value: null, note: 'formula' };

	let note: ParsedCell['note'];
	let sign = 1;
	text = text.replace(/^[\u2212\u2012\u2013]/, '-');
	if (/^\(.*\)$/.test(text)) {
		sign = -1;
		text = text.slice(1, -1).trim();
		note = 'brackets';
	}
	if (text.endsWith('%')) {
		text = text.slice(0, -1).trim();
		note = 'percent';
	}
	if (/^[-+]?[£$€]/.test(text)) {
		text = text.replace(/[£$€]/, '');
		note ??= 'currency';
	}
	const thousands = decimalComma ? /^[-+]?\d{1,3}([. ]\d{3})+(,\d+)?$/ : /^[-+]?\d{1,3}([, ]\d{3})+(\.\d+)?$/;
	if (thousands.test(text)) {
		text = decimalComma ? text.replace(/[. ]/g, '').replace(',', '.') : text.replace(/[, ]/g, '');
		note ??= 'thousands';
	} else if (decimalComma && /^[-+]?\d*,\d+$/.test(text)) {
		text = text.replace(',', '.');
	}
	if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return { kind: 'invalid', value: null, note: 'text' };
	const value = sign * Number(text);
	if (!Number.isFinite(value)) return { kind: 'invalid', value: null, note: 'text' };
	return { kind: 'number', value, note };
}

/**
 * Whether a column writes decimals with a comma ("12,5"), as files from continental Excel do. Only when the
 * file is not comma-separated, and only when no cell uses a decimal point; "1,234" alone stays a thousand.
 */
export function usesDecimalComma(cells: string[], delimiter: string): boolean {
	if (delimiter === ',') return false;
	let comma = 0;
	let point = 0;
	for (const raw of cells) {
		const text = raw.trim().replace(/%$/, '');
		const commaPart = text.match(/^[-+]?\d+,(\d+)$/)?.[1];
		if (commaPart && commaPart.length !== 3) comma++;
		if (/^[-+]?\d{1,3}(\.\d{3})+,\d+$/.test(text)) comma++;
		const pointPart = text.match(/^[-+]?\d+\.(\d+)$/)?.[1];
		if (pointPart && pointPart.length !== 3) point++;
	}
	return comma > 0 && point === 0;
}

export interface ColumnProfile {
	numbers: number;
	blanks: number;
	missing: number;
	invalid: number;
	negatives: number;
	percent: number;
	decimalComma: boolean;
}

export function profileColumn(cells: string[], decimalComma = false): ColumnProfile {
	const profile: ColumnProfile = { numbers: 0, blanks: 0, missing: 0, invalid: 0, negatives: 0, percent: 0, decimalComma };
	for (const cell of cells) {
		const parsed = parseCell(cell, decimalComma);
		if (parsed.kind === 'number') {
			profile.numbers++;
			if ((parsed.value as number) < 0) profile.negatives++;
			if (parsed.note === 'percent') profile.percent++;
		} else if (parsed.kind === 'blank') profile.blanks++;
		else if (parsed.kind === 'missing') profile.missing++;
		else profile.invalid++;
	}
	return profile;
}

/** A column can hold an indicator when at least half its filled cells are numbers; the rest are listed. */
export function isNumericColumn(profile: ColumnProfile): boolean {
	return profile.numbers > 0 && profile.numbers >= profile.invalid;
}
