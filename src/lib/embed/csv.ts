/**
 * CSV for downloads: the exact figures behind a chart, preceded by "# " comment lines that name the source,
 * licence and attribution, so the file carries its citation wherever it goes.
 */
export type CsvCell = string | number | null | undefined;

/**
 * OWASP CSV injection: a text cell that a spreadsheet would read as a formula is prefixed with an apostrophe.
 * Numbers are written by us from numbers, so "-0.25" stays a number.
 */
export function neutraliseCell(cell: CsvCell): string {
	if (cell === null || cell === undefined) return '';
	if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
	return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quote(text: string): string {
	return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvTable {
	/** Lines written after "# "; line breaks inside a line become spaces. */
	comments: string[];
	columns: string[];
	rows: Record<string, CsvCell>[];
}

export function toCsv({ comments, columns, rows }: CsvTable): string {
	const lines = comments.map((c) => `# ${c.replace(/[\r\n]+/g, ' ')}`);
	lines.push(columns.map((c) => quote(neutraliseCell(c))).join(','));
	for (const row of rows) lines.push(columns.map((c) => quote(neutraliseCell(row[c]))).join(','));
	return `${lines.join('\r\n')}\r\n`;
}
