/**
 * Forgiving ward-name matching for the search box: ignores case, accents, apostrophes and "&"/"and", and
 * allows a typo or two (Damerau–Levenshtein distance) in each word.
 */

export interface NamedWard {
	code: string;
	name: string;
	slug: string;
}

export interface WardMatch<W extends NamedWard = NamedWard> {
	ward: W;
	/** Lower is better: 0.x starts with the query, 1.x a word starts with it, 2.x contains it, 3+ with typos. */
	score: number;
}

/** "Brandwood & King's Heath" → "brandwood kings heath"; "Bordesley and Highgate" → "bordesley highgate". */
export function fold(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/['’‘`]/g, '')
		.replace(/&/g, ' and ')
		.replace(/[^a-z0-9]+/g, ' ')
		.split(' ')
		.filter((word) => word && word !== 'and')
		.join(' ');
}

/** Edits (insert, delete, substitute, swap two neighbours) needed to turn a into b. */
export function editDistance(a: string, b: string): number {
	const rows = a.length + 1;
	const cols = b.length + 1;
	const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
	for (let i = 1; i < rows; i++) {
		for (let j = 1; j < cols; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
		}
	}
	return d[a.length][b.length];
}

/** Typos allowed in a word of this length: none in very short words, so "ab" does not match everything. */
const allowedTypos = (length: number) => (length <= 3 ? 0 : length <= 6 ? 1 : 2);

/** The fewest typos that make `typed` a whole word of `words`, or the start of one; null if too many. */
function wordDistance(typed: string, words: string[], isLastTyped: boolean): number | null {
	let best: number | null = null;
	const allowed = allowedTypos(typed.length);
	for (const word of words) {
		if (word.startsWith(typed) && (isLastTyped || word === typed || typed.length >= 3)) return 0;
		let distance = editDistance(typed, word);
		// The last word may still be being typed: compare it with the start of each word too.
		if (isLastTyped && word.length > typed.length) distance = Math.min(distance, editDistance(typed, word.slice(0, typed.length)));
		if (distance <= allowed && (best === null || distance < best)) best = distance;
	}
	return best;
}

/** Lower is better. The whole part says how the name matched; the fraction, how close the whole name is. */
export function scoreWard(query: string, name: string): number | null {
	const typed = fold(query);
	const folded = fold(name);
	if (!typed) return null;
	const level = matchLevel(typed, folded);
	return level === null ? null : level + Math.min(editDistance(typed, folded), 99) / 100;
}

function matchLevel(typed: string, folded: string): number | null {
	if (folded.startsWith(typed)) return 0;
	if (` ${folded}`.includes(` ${typed}`)) return 1;
	if (typed.length >= 3 && folded.replace(/ /g, '').includes(typed.replace(/ /g, ''))) return 2;
	const typedWords = typed.split(' ');
	const nameWords = folded.split(' ');
	let typos = 0;
	for (const [i, word] of typedWords.entries()) {
		const distance = wordDistance(word, nameWords, i === typedWords.length - 1);
		if (distance === null) return null;
		typos += distance;
	}
	return 3 + typos;
}

/**
 * The ward Enter should go to without choosing from the list: the only match, or one clearly better than the
 * next (its name typed in full, or the only one this close).
 */
export function clearWinner<W extends NamedWard>(matches: WardMatch<W>[]): W | null {
	if (matches.length === 0) return null;
	if (matches.length === 1) return matches[0].ward;
	const [best, next] = matches;
	if (Math.floor(best.score) < Math.floor(next.score)) return best.ward;
	const typos = (m: WardMatch<W>) => Math.round((m.score % 1) * 100);
	return typos(best) <= 2 && typos(next) > typos(best) ? best.ward : null;
}

/** Wards whose names match what was typed, best first, then alphabetical. */
export function matchWards<W extends NamedWard>(query: string, wards: W[], limit = 8): WardMatch<W>[] {
	const matches: WardMatch<W>[] = [];
	for (const ward of wards) {
		const score = scoreWard(query, ward.name);
		if (score !== null) matches.push({ ward, score });
	}
	return matches.sort((a, b) => a.score - b.score || a.ward.name.localeCompare(b.ward.name)).slice(0, limit);
}
