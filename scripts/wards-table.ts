import { fixed, toCsv } from './lib/csv.ts';
import { DataError } from './lib/errors.ts';
import { assertExactlyBirminghamWards } from './lib/wards.ts';

export interface WardBase {
	code: string;
	name: string;
	slug: string;
	district: string;
	area_km2: number;
	centroid_lon: number;
	centroid_lat: number;
	label_lon: number;
	label_lat: number;
}

export const WARDS_COLUMNS = [
	'code',
	'name',
	'slug',
	'district',
	'area_km2',
	'centroid_lon',
	'centroid_lat',
	'label_lon',
	'label_lat',
	'population_2021',
	'population_mid2015',
	'population_mid2024'
];

/**
 * data/wards.csv: one row per ward with its geography and its ONS ward population estimates for mid-2021
 * (Census 2021-based), mid-2015 (2011-based) and mid-2024. These are estimates for the ward itself, not sums of
 * best-fit LSOAs; LSOA populations are used only as weights inside a ward (IMD, life expectancy).
 */
export function buildWardsTable(
	wards: WardBase[],
	population2021: Map<string, number>,
	populationMid2015: Map<string, number>,
	populationMid2024: Map<string, number>
): string {
	const file = 'wards.csv';
	assertExactlyBirminghamWards(wards.map((w) => w.code), file);
	const rows = [...wards]
		.sort((a, b) => a.code.localeCompare(b.code))
		.map((w, i) => {
			const p21 = population2021.get(w.code);
			const p15 = populationMid2015.get(w.code);
			const p24 = populationMid2024.get(w.code);
			if (!p21 || !p15 || !p24) throw new DataError(file, `ward ${w.code} has no population (mid-2021: ${p21}, mid-2015: ${p15}, mid-2024: ${p24})`, i + 2);
			if ([p21, p15, p24].some((p) => p < 5000 || p > 60000)) {
				throw new DataError(file, `ward ${w.code} population ${p21} / ${p15} / ${p24} is outside the plausible range 5,000–60,000`, i + 2);
			}
			return {
				...w,
				area_km2: fixed(w.area_km2, 2),
				centroid_lon: fixed(w.centroid_lon, 5),
				centroid_lat: fixed(w.centroid_lat, 5),
				label_lon: fixed(w.label_lon, 5),
				label_lat: fixed(w.label_lat, 5),
				population_2021: fixed(p21, 0),
				population_mid2015: fixed(p15, 0),
				population_mid2024: fixed(p24, 0)
			};
		});
	const slugs = new Set(rows.map((r) => r.slug));
	if (slugs.size !== rows.length) throw new DataError(file, 'ward slugs are not unique');
	return toCsv(WARDS_COLUMNS, rows);
}
