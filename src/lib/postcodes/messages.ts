/** What a reader is told about a postcode that does not lead straight to a ward. Plain text, never HTML. */
import type { PostcodeAnswer } from './lookup.ts';

export function answerMessage(answer: PostcodeAnswer): string {
	switch (answer.kind) {
		case 'invalid':
			return answer.message;
		case 'not_covered':
			return `${answer.label} is not a Birmingham postcode. This site covers Birmingham’s 69 wards, and their postcodes all start with B (like B15 2TT).`;
		case 'unknown':
			return `We can’t find ${answer.postcode}. Check it is typed correctly. It may be a new postcode, or an old one that is no longer used. You can also search for your ward by name.`;
		case 'no_location':
			return `${answer.postcode} is a real postcode, but the official list gives it no location (this is common for PO boxes and large businesses), so we can’t place it in a ward. Try the postcode of a nearby street.`;
		case 'outside':
			return answer.district
				? `${answer.postcode} is in ${answer.district}, not Birmingham. This site covers Birmingham’s 69 wards only.`
				: `${answer.postcode} is outside Birmingham, so it is not in any of the city’s 69 wards.`;
		case 'no_area':
			return `There are no postcodes starting ${answer.label} in the official list. Check it, or type your full postcode.`;
		case 'area':
			return areaSummary(answer);
		case 'ward':
			return `${answer.postcode} is in ward ${answer.code}.`;
	}
}

function areaSummary(answer: Extract<PostcodeAnswer, { kind: 'area' }>): string {
	const outsideNames = answer.outside.map((d) => d.name);
	const list = (names: string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);
	if (answer.wards.length === 0) {
		return `${answer.label} is outside Birmingham: its postcodes are in ${list(outsideNames)}. This site covers Birmingham’s 69 wards only.`;
	}
	const wardCount = answer.wards.length === 1 ? 'one Birmingham ward' : `${answer.wards.length} Birmingham wards`;
	const outsideCount = answer.outside.reduce((n, d) => n + d.postcodes, 0);
	const outside = outsideCount ? ` ${outsideCount} of its ${answer.total.toLocaleString('en-GB')} postcodes are outside Birmingham, in ${list(outsideNames)}.` : '';
	return `Postcodes starting ${answer.label} are in ${wardCount}.${outside} Type your full postcode to find your exact ward.`;
}
