/**
 * Matching a cell from someone's spreadsheet to one of Birmingham's 69 wards. Codes match exactly; names match
 * forgivingly (case, spacing, punctuation, "&"/"and", word order, N/S/E/W, the "Sutton" prefix, known
 * alternative spellings). Anything else stays unmatched with a reason, and a suggestion the user can accept.
 */
export interface WardRef {
	code: string;
	name: string;
}

export type WardMatch =
	| { matched: true; code: string; how: 'code' | 'name' }
	| { matched: false; reason: string; suggestion: string | null };

const WARD_CODE = /\bE05\d{6}\b/i;
/** Birmingham's 40 wards before May 2018 had codes E05001179–E05001218; they are different areas. */
const OLD_WARD_CODES = { from: 1179, to: 1218 };

/** Spellings seen in council and partner spreadsheets that normalising alone does not catch. */
const ALTERNATIVE_NAMES: Record<string, string> = {
	'soho and jq': 'Soho & Jewellery Quarter',
	'soho and jewelry quarter': 'Soho & Jewellery Quarter',
	'soho and jewellery qtr': 'Soho & Jewellery Quarter',
	'jewellery quarter and soho': 'Soho & Jewellery Quarter',
	birchfields: 'Birchfield',
	'bournbrook and sellypark': 'Bournbrook & Selly Park',
	'brandwood and kings heath': "Brandwood & King's Heath",
	'kings heath and brandwood': "Brandwood & King's Heath",
	'hay mills and tyseley': 'Tyseley & Hay Mills',
	'tyseley and haymills': 'Tyseley & Hay Mills',
	'walmley and minworth': 'Sutton Walmley & Minworth',
	'sutton walmley': 'Sutton Walmley & Minworth',
	'frankley': 'Frankley Great Park',
	'druids heath and monyhall': 'Druids Heath & Monyhull',
	'yardley west and stetchford': 'Yardley West & Stechford',
	'stetchford and yardley west': 'Yardley West & Stechford',
	'rubery and rednall': 'Rubery & Rednal',
	'highters heath': "Highter's Heath",
	'hightres heath': "Highter's Heath"
};

const DIRECTIONS: Record<string, string> = { n: 'north', s: 'south', e: 'east', w: 'west' };

/** "Brandwood & King’s Heath Ward" → "brandwood and kings heath". */
export function normaliseWardName(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/\(.*?\)/g, ' ')
		.replace(/['’‘`´]/g, '')
		.replace(/&|\+/g, ' and ')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()
		.split(/\s+/)
		.filter((word, i, words) => !(word === 'ward' && (i === 0 || i === words.length - 1)))
		.filter((word, i, words) => !(word === 'birmingham' && words.length > 1))
		.map((word) => DIRECTIONS[word] ?? word)
		.join(' ');
}

const squashed = (normalised: string) => normalised.replace(/ /g, '');
const wordSet = (normalised: string) =>
	normalised
		.split(' ')
		.filter((w) => w !== 'and')
		.sort()
		.join(' ');

/** Edit distance, for suggestions only: a suggestion is never applied without the user choosing it. */
function distance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		previous = current;
	}
	return previous[b.length];
}

export interface WardMatcher {
	match(cell: string): WardMatch;
	wards: WardRef[];
}

export function wardMatcher(wards: WardRef[]): WardMatcher {
	const codes = new Set(wards.map((w) => w.code));
	const byKey = new Map<string, string>();
	const add = (key: string, code: string) => {
		if (key && !byKey.has(key)) byKey.set(key, code);
	};
	const keysOf = (normalised: string) => [normalised, squashed(normalised), `set:${wordSet(normalised)}`];
	for (const ward of wards) {
		const normalised = normaliseWardName(ward.name);
		for (const key of keysOf(normalised)) add(key, ward.code);
		// Sutton's wards are often written without "Sutton": "Four Oaks", "Wylde Green".
		if (normalised.startsWith('sutton ')) for (const key of keysOf(normalised.slice(7))) add(key, ward.code);
	}
	const codeOfName = new Map(wards.map((w) => [w.name, w.code]));
	for (const [alternative, name] of Object.entries(ALTERNATIVE_NAMES)) {
		const code = codeOfName.get(name);
		if (code) for (const key of keysOf(normaliseWardName(alternative))) add(key, code);
	}
	const normalisedNames = wards.map((w) => ({ ward: w, key: squashed(normaliseWardName(w.name)) }));

	function suggest(normalised: string): string | null {
		const key = squashed(normalised);
		if (key.length < 3) return null;
		let best: { name: string; score: number } | null = null;
		for (const { ward, key: wardKey } of normalisedNames) {
			const edits = distance(key, wardKey) / Math.max(key.length, wardKey.length);
			const contained = wardKey.includes(key) ? 1 - key.length / wardKey.length : 1;
			const score = Math.min(edits, contained);
			if (!best || score < best.score) best = { name: ward.name, score };
		}
		return best && best.score <= 0.34 ? best.name : null;
	}

	function match(cell: string): WardMatch {
		const text = cell.trim();
		if (!text) return { matched: false, reason: 'The ward cell is empty.', suggestion: null };
		const codeInCell = text.match(WARD_CODE)?.[0].toUpperCase();
		if (codeInCell) {
			if (codes.has(codeInCell)) return { matched: true, code: codeInCell, how: 'code' };
			const number = Number(codeInCell.slice(3));
			if (number >= OLD_WARD_CODES.from && number <= OLD_WARD_CODES.to) {
				return {
					matched: false,
					reason: `${codeInCell} is a code for Birmingham's wards before May 2018, which had different boundaries. Today's 69 wards have codes E05011118–E05011186.`,
					suggestion: null
				};
			}
			return { matched: false, reason: `${codeInCell} is not one of Birmingham's 69 ward codes (E05011118–E05011186).`, suggestion: null };
		}
		const normalised = normaliseWardName(text);
		for (const key of keysOf(normalised)) {
			const code = byKey.get(key);
			if (code) return { matched: true, code, how: 'name' };
		}
		const suggestion = suggest(normalised);
		return { matched: false, reason: `“${text.slice(0, 80)}” is not the name of a Birmingham ward.`, suggestion };
	}

	return { match, wards };
}

const WARD_HEADER = /\b(ward|wd\d{2}(cd|nm)|area|name|code|geography)\b/i;

export interface WardColumnGuess {
	index: number;
	matches: number;
	kind: 'code' | 'name';
}

/**
 * The column that names wards: the one whose cells match most wards, preferring codes (exact) over names, and
 * a header that says "ward" when two columns tie. Null when no column matches any ward.
 */
export function detectWardColumn(headers: string[], rows: string[][], matcher: WardMatcher): WardColumnGuess | null {
	const guesses = headers.map((header, index) => {
		let byCode = 0;
		let byName = 0;
		for (const row of rows) {
			const result = matcher.match(row[index] ?? '');
			if (result.matched) result.how === 'code' ? byCode++ : byName++;
		}
		const kind: 'code' | 'name' = byCode >= byName ? 'code' : 'name';
		return { index, matches: byCode + byName, kind, headerHint: WARD_HEADER.test(header) ? 1 : 0 };
	});
	const best = guesses
		.filter((g) => g.matches > 0)
		.sort((a, b) => b.matches - a.matches || Number(b.kind === 'code') - Number(a.kind === 'code') || b.headerHint - a.headerHint || a.index - b.index)[0];
	return best ? { index: best.index, matches: best.matches, kind: best.kind } : null;
}
