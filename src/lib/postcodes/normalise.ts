/**
 * Reads what a person typed as a UK postcode, in any form: "b152tt", " B15  2TT ", "b15-2tt", or part of one
 * ("B15", "B15 2"). Mirrors the data pipeline's rules (scripts/postcodes.ts) so a key in a published shard
 * always normalises to itself.
 */

/** Outward code: area letters, district digit, and an optional digit or letter ("B1", "B15", "SW1A"). */
const OUTWARD = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;
/** Inward code: sector digit and unit letters ("2TT"). */
const INWARD = /^[0-9][A-Z]{2}$/;

export type PostcodeQuery =
	| { kind: 'empty' }
	| { kind: 'postcode'; postcode: string; outward: string; area: string }
	| { kind: 'sector'; sector: string; outward: string; area: string }
	| { kind: 'outward'; outward: string; area: string }
	| { kind: 'invalid'; input: string; message: string };

const areaOf = (outward: string) => outward.match(/^[A-Z]+/)![0];

/** Whether the text is meant as a postcode rather than a ward name: postcodes always have a digit. */
export function looksLikePostcode(input: string): boolean {
	return /[0-9]/.test(input);
}

/** Upper case with every space, tab, non-breaking space, hyphen and dot removed. */
export function compact(input: string): string {
	return input
		.normalize('NFKC')
		.toUpperCase()
		.replace(/[\s\u00a0.\-_]+/g, '');
}

/** "b152tt" → "B15 2TT"; null when the text is not a whole postcode. */
export function normalisePostcode(input: string): string | null {
	const query = readPostcode(input);
	return query.kind === 'postcode' ? query.postcode : null;
}

export function readPostcode(input: string): PostcodeQuery {
	const trimmed = input.trim();
	if (!trimmed) return { kind: 'empty' };
	const letters = compact(trimmed);
	const shown = trimmed.length > 20 ? `${trimmed.slice(0, 20)}…` : trimmed;
	if (!/^[A-Z0-9]+$/.test(letters)) {
		return { kind: 'invalid', input: shown, message: `“${shown}” has characters a postcode never has. A postcode uses only letters and numbers, like B15 2TT.` };
	}
	// Girobank's "GIR 0AA" is the one postcode outside the usual pattern.
	if (letters === 'GIR0AA') return { kind: 'postcode', postcode: 'GIR 0AA', outward: 'GIR', area: 'GIR' };
	if (letters.length >= 5 && letters.length <= 7) {
		const outward = letters.slice(0, -3);
		const inward = letters.slice(-3);
		if (OUTWARD.test(outward) && INWARD.test(inward)) return { kind: 'postcode', postcode: `${outward} ${inward}`, outward, area: areaOf(outward) };
	}
	const spacedSector = trimmed.toUpperCase().match(/^([A-Z]{1,2}[0-9][A-Z0-9]?)\s+([0-9])$/);
	if (spacedSector && OUTWARD.test(spacedSector[1]))
		return { kind: 'sector', sector: `${spacedSector[1]} ${spacedSector[2]}`, outward: spacedSector[1], area: areaOf(spacedSector[1]) };
	if (OUTWARD.test(letters)) return { kind: 'outward', outward: letters, area: areaOf(letters) };
	// A sector ("B15 2") is an outward code and one digit. Written without a space it can read as another
	// outward code ("B152" is only B15 + 2, but "B12" is the district B12), so outward codes win above.
	const sector = letters.match(/^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9])$/);
	if (sector && OUTWARD.test(sector[1])) return { kind: 'sector', sector: `${sector[1]} ${sector[2]}`, outward: sector[1], area: areaOf(sector[1]) };
	return { kind: 'invalid', input: shown, message: invalidMessage(shown, letters) };
}

function invalidMessage(shown: string, letters: string): string {
	const start = `“${shown}” is not a postcode.`;
	if (letters.length > 7) return `${start} It is too long: a postcode has 5 to 7 letters and numbers, like B15 2TT.`;
	if (!/^[A-Z]/.test(letters)) return `${start} A postcode starts with one or two letters, like B15 2TT.`;
	if (letters.length >= 5 && /[0-9][A-Z]{2}$/.test(letters) === false)
		return `${start} The last part of a postcode is a number then two letters, like the “2TT” in B15 2TT.`;
	return `${start} A postcode looks like B15 2TT: one or two letters and a number, then a number and two letters.`;
}
