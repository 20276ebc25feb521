/**
 * CSV for people to open in a spreadsheet. Text cells that a spreadsheet would run as a formula (starting with
 * =, +, -, @, tab or carriage return) are neutralised with a leading apostrophe; numbers are written as numbers.
 * Attribution and notes go first, as "#" lines, which pandas, R and most CSV readers can skip as comments.
 */
export type ExportCell = string | number | boolean | null | undefined;

/** Whether a spreadsheet would treat the text as a formula. Plain numbers such as "-5" are not. */
export function looksLikeFormula(text: string): boolean {
	return /^[=+\-@\t\r]/.test(text) && !/^[+-]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text);
}

export function neutraliseCell(cell: ExportCell): string {
	if (cell === null || cell === undefined) return '';
	if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
	const text = String(cell);
	return looksLikeFormula(text) ? `'${text}` : text;
}

function quote(text: string): string {
	return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toSafeCsv(headers: string[], rows: ExportCell[][], notes: string[] = []): string {
	const lines = [
		...notes.map((note) => `# ${note.replace(/[\r\n]+/g, ' ')}`),
		headers.map((h) => quote(neutraliseCell(h))).join(','),
		...rows.map((row) => row.map((cell) => quote(neutraliseCell(cell))).join(','))
	];
	return lines.join('\r\n') + '\r\n';
}

/** Offers text as a file download; the Blob never leaves the browser. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
	const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
