import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../scripts/lib/csv.ts';
import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { getEthnicGroups, getSegregation } from '$lib/data/segregation-sql.ts';
import type { Catalogue } from '$lib/data/types.ts';
import { DEFAULT_SEGREGATION, shapeSegregation } from '$lib/views/segregation-view.ts';
import { toCsv } from './csv.ts';
import { SEGREGATION_SOURCE_IDS, segregationAltText, segregationCsv, segregationSubtitle, type SegregationFigure } from './segregation-figures.ts';

const catalogue = JSON.parse(readFileSync('data/indicators.json', 'utf8')) as Catalogue;
const wards = parseCsv(readFileSync('data/wards.csv', 'utf8'), 'wards.csv').map((w) => ({ code: w.code, name: w.name }));
const published = parseCsv(readFileSync('data/segregation.csv', 'utf8'), 'segregation.csv').filter((r) => r.area_type === 'ward');
const citywide = parseCsv(readFileSync('data/segregation_citywide.csv', 'utf8'), 'segregation_citywide.csv');
const db = buildTimeDatabase();
const groups = await getEthnicGroups(db);
const choice = DEFAULT_SEGREGATION;
const rows = await getSegregation(db, groups, choice);
const measureLabel = 'Index inside each ward (0–100)';
const figure: SegregationFigure = {
	choice,
	aLabel: 'White',
	bLabel: 'Not in any White group',
	rows,
	shape: shapeSegregation(rows, choice.measure, wards, measureLabel),
	wards,
	measureLabel
};
const publishedCity = citywide.find((r) => r.year === '2021' && r.group_a === 'white' && r.group_b === 'nonwhite' && r.unit === 'LSOA')!;

describe('segregation figures', () => {
	it('states the city-wide index, equal to the published one, in the subtitle and alt text', () => {
		expect(segregationSubtitle(figure)).toContain(`city-wide Index of Dissimilarity ${publishedCity.index}`);
		expect(segregationAltText(figure)).toContain(`The city-wide index is ${publishedCity.index}`);
	});

	it('names the wards with the highest and lowest published index inside the ward', () => {
		const sorted = [...published].sort((a, b) => Number(b.seg21_within_white_nonwhite) - Number(a.seg21_within_white_nonwhite));
		const name = (code: string) => wards.find((w) => w.code === code)!.name;
		const text = segregationAltText(figure);
		expect(text).toContain(`Highest ${name(sorted[0].area_code)} (${sorted[0].seg21_within_white_nonwhite})`);
		expect(text).toContain(`lowest ${name(sorted.at(-1)!.area_code)} (${sorted.at(-1)!.seg21_within_white_nonwhite})`);
	});

	it("writes every ward's counts and indices, whose indices inside each ward equal the published ones, and the city row, with the census citation", () => {
		const source = catalogue.sources.find((s) => s.id === SEGREGATION_SOURCE_IDS[2021])!;
		const csv = toCsv(segregationCsv(figure, source, 'https://example.org/'));
		const lines = csv.split('\r\n');
		expect(lines).toContain(`# Attribution: ${source.attribution}`);
		const table = parseCsv(lines.filter((l) => !l.startsWith('#')).join('\n'), 'segregation.csv');
		expect(table).toHaveLength(70);
		for (const ward of published) {
			const row = table.find((r) => r.area_code === ward.area_code)!;
			expect(Number(row.index_inside_area).toFixed(2)).toBe(ward.seg21_within_white_nonwhite);
		}
		const city = table.find((r) => r.area_type === 'local authority')!;
		expect(Number(city.index_inside_area).toFixed(2)).toBe(publishedCity.index);
		const parts = table.filter((r) => r.area_type === 'ward').reduce((s, r) => s + Number(r.part_of_citywide_index), 0);
		expect(parts).toBeCloseTo(Number(city.index_inside_area), 8);
	});
});
