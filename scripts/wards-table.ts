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
	'population_mid2015'
];

/**
 * data/wards.csv: one row per ward with its geography and the two populations the indicators are built on
 * (Census 2021 and the IMD's mid-2015 denominators), both summed from the ward's best-fit LSOAs.
 */
export function buildWardsTable(wards: WardBase[], population2021: Map<string, number>, populationMid2015: Map<string, number>): string {
	const file = 'wards.csv';
	assertExactlyBirminghamWards(wards.map((w) => w.code), file);
	const rows = [...wards]
		.sort((a, b) => a.code.localeCompare(b.code))
		.map((w, i) => {
			const p21 = population2021.get(w.code);
			const p15 = populationMid2015.get(w.code);
			if (!p21 || !p15) throw new DataError(file, `ward ${w.code} has no population (2021: ${p21}, mid-2015: ${p15})`, i + 2);
			if (p21 < 5000 || p21 > 60000 || p15 < 5000 || p15 > 60000) {
				throw new DataError(file, `ward ${w.code} population ${p21} / ${p15} is outside the plausible range 5,000–60,000`, i + 2);
			}
			return {
				...w,
				area_km2: fixed(w.area_km2, 2),
				centroid_lon: fixed(w.centroid_lon, 5),
				centroid_lat: fixed(w.centroid_lat, 5),
				label_lon: fixed(w.label_lon, 5),
				label_lat: fixed(w.label_lat, 5),
				population_2021: fixed(p21, 0),
				population_mid2015: fixed(p15, 0)
			};
		});
	const slugs = new Set(rows.map((r) => r.slug));
	if (slugs.size !== rows.length) throw new DataError(file, 'ward slugs are not unique');
	return toCsv(WARDS_COLUMNS, rows);
}
