/**
 * The words a resident meets on this site, explained in plain English, and how to find them in a text so a
 * page can link each to its explanation on /glossary/.
 */

export interface GlossaryEntry {
	/** Anchor on /glossary/. */
	id: string;
	term: string;
	/** Other names for the same thing, shown under the term. */
	aka?: string;
	/** Plain English, short sentences. */
	meaning: string[];
	/** Where to read the detail on /methods/, if anywhere. */
	methods?: string;
	/** Ways the term is written in the site's texts. */
	patterns: RegExp[];
}

export const GLOSSARY: GlossaryEntry[] = [
	{
		id: 'imd',
		term: 'Index of Multiple Deprivation (IMD)',
		aka: 'deprivation index, IMD score, IoD',
		meaning: [
			'The government’s way of measuring how deprived each small area of England is. Deprived means people lack things most people have, such as enough money, a job, good health or a decent home.',
			'It mixes seven kinds of need: income, jobs, education, health, crime, housing and services, and the local environment. A higher score means more deprived.',
			'It ranks every small area in England from most to least deprived. It does not tell you about any one person or household.'
		],
		methods: 'weighting',
		patterns: [/\bIndex of Multiple Deprivation\b/, /\bIMD\b/, /\bdeprivation index\b/]
	},
	{
		id: 'decile',
		term: 'Most deprived 10% (decile)',
		aka: 'decile 1, most deprived tenth',
		meaning: [
			'Put all of England’s small areas in a line, from most to least deprived, and split the line into ten equal groups. Each group is a decile.',
			'Decile 1 is the most deprived tenth of England. In England as a whole, 1 in 10 areas is in it, so that is the yardstick.'
		],
		patterns: [/\bmost deprived (?:10%|tenth)\b/, /\bdeciles?\b/i]
	},
	{
		id: 'lsoa',
		term: 'LSOA (neighbourhood)',
		aka: 'Lower layer Super Output Area',
		meaning: [
			'A small area made by the Office for National Statistics so that figures can be shared for neighbourhoods. Each has about 1,500 people, or about 650 homes.',
			'Birmingham has about 640 of them. This site builds many ward figures by adding up the LSOAs in each ward.'
		],
		methods: 'best-fit',
		patterns: [/\bLower layer Super Output Areas?\b/i, /\bLSOAs?\b/, /\bneighbourhoods?\b/i]
	},
	{
		id: 'msoa',
		term: 'MSOA',
		aka: 'Middle layer Super Output Area',
		meaning: ['A bigger small area, made of about four to six LSOAs, with about 7,000 to 10,000 people. Life expectancy is published for MSOAs but not for wards.'],
		methods: 'life-expectancy',
		patterns: [/\bMSOAs?\b/]
	},
	{
		id: 'best-fit',
		term: 'Best fit',
		meaning: [
			'Ward edges and neighbourhood edges do not always line up. “Best fit” puts each neighbourhood wholly in the one ward that holds most of its people.',
			'So near its edges, a ward figure may count a few streets of the next ward, or miss a few of its own.'
		],
		methods: 'best-fit',
		patterns: [/\bbest[- ]fit\b/i]
	},
	{
		id: 'after-housing-costs',
		term: 'After housing costs',
		aka: 'AHC',
		meaning: [
			'A family’s income once rent or mortgage, water rates and building insurance are paid. It is the money left for food, heating, clothes and everything else.',
			'Where housing costs a lot, more families are short of money after paying for it. That is why this site uses child poverty after housing costs.'
		],
		patterns: [/\bafter[- ]housing[- ]costs?\b/i, /\bonce housing costs are paid\b/i]
	},
	{
		id: 'relative-low-income',
		term: 'Relative low income (child poverty)',
		aka: 'low-income family, children in low income families',
		meaning: [
			'A family has a relatively low income if it has less than 60% of the typical (middle) UK family income that year. The sum allows for the size of the family.',
			'The government (DWP) counts the children under 16 in these families in every ward. This is the usual way to measure child poverty.'
		],
		patterns: [/\brelative low income\b/i, /\blow[- ]income famil(?:y|ies)\b/i]
	},
	{
		id: 'life-expectancy',
		term: 'Life expectancy at birth',
		meaning: [
			'How long a baby born in an area could expect to live, if the death rates there stayed as they were. It describes the area, not how long any one person will live.',
			'This site’s ward figures are estimates, built from MSOA figures for 2016 to 2020.'
		],
		methods: 'life-expectancy',
		patterns: [/\blife expectancy\b/i, /\bexpect to live\b/i]
	},
	{
		id: 'attainment-8',
		term: 'Attainment 8',
		meaning: [
			'A score for GCSE results. It adds up each pupil’s grades in eight subjects, with English and maths counting twice. The most anyone can get is 90.',
			'A school’s score is the average for its Year 11 pupils. On this site it describes schools located in the ward, not the pupils who live there.'
		],
		methods: 'ks4',
		patterns: [/\bAttainment 8\b/i]
	},
	{
		id: 'progress-8',
		term: 'Progress 8',
		meaning: [
			'How much progress a school’s pupils made between the end of primary school and their GCSEs, compared with pupils across England who started at the same level.',
			'0 means average progress. Above 0 means more progress than similar pupils; below 0 means less.'
		],
		methods: 'ks4',
		patterns: [/\bProgress 8\b/i]
	},
	{
		id: 'index-of-dissimilarity',
		term: 'Index of Dissimilarity',
		aka: 'segregation index',
		meaning: [
			'A number from 0 to 100 that shows how evenly two groups of people live across an area.',
			'0 means every part of the area has the same mix. 100 means the two groups never live in the same parts. Roughly, it is the share of one group who would need to move for both to be spread the same way.',
			'Smaller areas show more unevenness, so the figure always says which areas it used.'
		],
		methods: 'segregation',
		patterns: [/\bIndex of Dissimilarity\b/i, /\bdissimilarity\b/i]
	},
	{
		id: 'confidence-interval',
		term: 'Confidence interval (95% CI)',
		meaning: [
			'A range that shows how sure a figure is. We can be fairly sure (95% sure) that the true value is inside it.',
			'When the ranges of two figures do not overlap, the difference between them is called “significant”: it is unlikely to be down to chance.'
		],
		patterns: [/\b95% (?:CI|intervals?|confidence intervals?)\b/, /\bconfidence intervals?\b/i]
	}
];

export const glossaryById = new Map(GLOSSARY.map((entry) => [entry.id, entry]));

export type TextPiece = { text: string; term?: string };

/**
 * Splits texts into pieces, marking the first mention of each glossary term across all of them, so a page
 * links a term once rather than every time it appears.
 */
export function findTerms(texts: string[], alreadyLinked: Set<string> = new Set()): TextPiece[][] {
	const linked = alreadyLinked;
	return texts.map((text) => {
		const pieces: TextPiece[] = [];
		let rest = text;
		for (;;) {
			let first: { index: number; length: number; id: string } | null = null;
			for (const entry of GLOSSARY) {
				if (linked.has(entry.id)) continue;
				for (const pattern of entry.patterns) {
					const found = pattern.exec(rest);
					if (found && (!first || found.index < first.index)) first = { index: found.index, length: found[0].length, id: entry.id };
				}
			}
			if (!first) break;
			if (first.index > 0) pieces.push({ text: rest.slice(0, first.index) });
			pieces.push({ text: rest.slice(first.index, first.index + first.length), term: first.id });
			linked.add(first.id);
			rest = rest.slice(first.index + first.length);
		}
		if (rest) pieces.push({ text: rest });
		return pieces;
	});
}
