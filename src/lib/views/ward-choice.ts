/**
 * Wards chosen through the URL (?wards=E05011118,ladywood): codes or slugs, validated against the 69 wards.
 * Unknown entries give a message naming them, shown as text; duplicates and extras beyond the limit are dropped.
 */
export interface WardRef {
	code: string;
	name: string;
	slug: string;
}

export const MAX_WARDS = 6;

export function readWardList(raw: string | null, wards: WardRef[], max = MAX_WARDS): { codes: string[]; problems: string[] } {
	const problems: string[] = [];
	const codes: string[] = [];
	if (!raw) return { codes, problems };
	const byKey = new Map<string, string>();
	for (const w of wards) {
		byKey.set(w.code.toUpperCase(), w.code);
		byKey.set(w.slug.toLowerCase(), w.code);
	}
	const unknown: string[] = [];
	for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
		const code = byKey.get(part.toUpperCase()) ?? byKey.get(part.toLowerCase());
		if (!code) unknown.push(part.slice(0, 40));
		else if (!codes.includes(code)) codes.push(code);
	}
	if (unknown.length) {
		problems.push(
			`${unknown.length === 1 ? 'This ward was' : 'These wards were'} not recognised and left out: ${unknown.map((u) => `“${u}”`).join(', ')}. Use ward codes (E05011118 to E05011186) or names as in the ward list.`
		);
	}
	if (codes.length > max) {
		problems.push(`At most ${max} wards can be compared; the first ${max} are shown.`);
		codes.length = max;
	}
	return { codes, problems };
}

export const writeWardList = (codes: string[]) => codes.join(',');

/** Finds a ward by what a reader typed: exact name, then a unique start of a name, then a unique part of one. */
export function findWard(query: string, wards: WardRef[]): { ward: WardRef | null; message: string } {
	const text = query.trim().toLowerCase();
	if (!text) return { ward: null, message: 'Type part of a ward name.' };
	const exact = wards.find((w) => w.name.toLowerCase() === text || w.code.toLowerCase() === text);
	if (exact) return { ward: exact, message: '' };
	for (const test of [(w: WardRef) => w.name.toLowerCase().startsWith(text), (w: WardRef) => w.name.toLowerCase().includes(text)]) {
		const matches = wards.filter(test);
		if (matches.length === 1) return { ward: matches[0], message: '' };
		if (matches.length > 1) {
			const names = matches.slice(0, 5).map((w) => w.name).join(', ');
			return { ward: null, message: `“${query.trim().slice(0, 40)}” matches ${matches.length} wards (${names}${matches.length > 5 ? ', …' : ''}). Type more of the name.` };
		}
	}
	return { ward: null, message: `No Birmingham ward is called “${query.trim().slice(0, 40)}”. Check the spelling, or pick from the list.` };
}

/** Letters that tag each chosen ward in tables and charts, so a black-and-white print still tells them apart. */
export const WARD_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];
/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const WARD_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
