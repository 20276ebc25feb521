/**
 * The words and numbers that travel with the segregation view: alt text from the computed rows, the CSV of
 * every ward's counts and indices, and the words of the title. Pure, so it is tested against the published data.
 */
import type { CensusYear, SegregationUnit, SegregationWardRow } from '$lib/data/segregation-sql.ts';
import type { SegregationChoice, SegregationShape } from '$lib/views/segregation-view.ts';
import type { CsvTable } from './csv.ts';
import { citationComments, type SourceLine } from './figures.ts';

const BIRMINGHAM = { code: 'E08000025', name: 'Birmingham' };

/** The census source of each year's counts, as named in indicators.json. */
export const SEGREGATION_SOURCE_IDS: Record<CensusYear, string> = { 2011: 'ons_census2011_ks201ew', 2021: 'ons_census2021_ts021' };

export const SHORT_UNIT: Record<SegregationUnit, string> = { OA: 'Output Areas', LSOA: 'LSOAs', ward: 'wards' };

export interface SegregationFigure {
	choice: SegregationChoice;
	aLabel: string;
	bLabel: string;
	rows: SegregationWardRow[];
	shape: SegregationShape;
	wards: { code: string; name: string }[];
	measureLabel: string;
}

export const measureWords = (choice: Pick<SegregationChoice, 'measure'>) =>
	choice.measure === 'within' ? 'the Index of Dissimilarity inside each ward' : "each ward's part of the city-wide Index of Dissimilarity";

export function segregationTitle(figure: Pick<SegregationFigure, 'aLabel' | 'bLabel'>): string {
	return `Segregation of ${figure.aLabel} and ${figure.bLabel} residents in Birmingham`;
}

export function segregationSubtitle(figure: Pick<SegregationFigure, 'choice' | 'rows'>): string {
	const citywide = figure.rows[0]?.citywide;
	return `Census ${figure.choice.year}, by ${SHORT_UNIT[figure.choice.unit]} · city-wide Index of Dissimilarity ${citywide == null ? 'none' : citywide.toFixed(2)} · map shows ${measureWords(figure.choice)}`;
}

export function segregationAltText(figure: SegregationFigure): string {
	const { shape, choice, wards } = figure;
	const name = (code: string) => wards.find((w) => w.code === code)?.name ?? code;
	const decimals = choice.measure === 'within' ? 2 : 3;
	const citywide = figure.rows[0]?.citywide;
	const missing = wards.length - shape.ranked.length;
	const top = shape.ranked[0];
	const bottom = shape.ranked.at(-1);
	return (
		`Map of Birmingham's ${wards.length} wards shaded by ${measureWords(choice)}, between ${figure.aLabel} and ${figure.bLabel} residents, Census ${choice.year}, by ${SHORT_UNIT[choice.unit]}, in five groups of about equal size; darker means more uneven.` +
		(citywide == null ? '' : ` The city-wide index is ${citywide.toFixed(2)} (0 = the same mix everywhere, 100 = never in the same area).`) +
		(top && bottom
			? ` Highest ${name(top.ward_code)} (${shape.valueOf(top.ward_code)!.toFixed(decimals)}), lowest ${name(bottom.ward_code)} (${shape.valueOf(bottom.ward_code)!.toFixed(decimals)}).`
			: ' No ward has a value at this unit.') +
		(missing > 0 && top ? ` ${missing} ward${missing === 1 ? ' has' : 's have'} no value and ${missing === 1 ? 'is' : 'are'} grey.` : '')
	);
}

export function segregationCsv(figure: SegregationFigure, source: SourceLine | undefined, pageUrl: string): CsvTable {
	const { choice, rows, wards } = figure;
	const byCode = new Map(rows.map((r) => [r.ward_code, r]));
	const first = rows[0];
	const table: CsvTable['rows'] = wards.map((w) => {
		const row = byCode.get(w.code);
		return {
			area_code: w.code,
			area_name: w.name,
			area_type: 'ward',
			group_a_count: row?.a_count,
			group_b_count: row?.b_count,
			units: row?.n_units,
			index_inside_area: row?.within,
			part_of_citywide_index: row?.contribution
		};
	});
	if (first)
		table.push({
			area_code: BIRMINGHAM.code,
			area_name: BIRMINGHAM.name,
			area_type: 'local authority',
			group_a_count: first.a_total,
			group_b_count: first.b_total,
			units: first.city_units,
			index_inside_area: first.citywide
		});
	return {
		comments: [
			`Index of Dissimilarity between group A (${figure.aLabel}) and group B (${figure.bLabel}), Census ${choice.year}, computed over ${SHORT_UNIT[choice.unit]}.`,
			'D = ½ Σ |aᵢ/A − bᵢ/B| × 100 over the areas i; 0 = the same mix everywhere, 100 = the groups never share an area.',
			"index_inside_area uses the area's own totals and only its own units (empty at ward level or when a group is absent); part_of_citywide_index is the ward's share of the city-wide index: the parts add up to the Birmingham row.",
			'Computed by this site from the Census small-area counts; small areas are placed in wards by the ONS best-fit lookups.',
			...citationComments(source ? [source] : [], pageUrl)
		],
		columns: ['area_code', 'area_name', 'area_type', 'group_a_count', 'group_b_count', 'units', 'index_inside_area', 'part_of_citywide_index'],
		rows: table
	};
}
