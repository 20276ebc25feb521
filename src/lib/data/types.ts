import type { IndicatorMeta, Polarity, SeriesMeta, SourceMeta } from '../../../scripts/lib/family.ts';

export type { Polarity };
export type Indicator = IndicatorMeta;
export type Source = SourceMeta;
export type Series = SeriesMeta;

export interface Catalogue {
	indicators: Indicator[];
	sources: Source[];
	/** Time series (tidy long files); absent in catalogues built before series existed. */
	series?: Series[];
}

export interface Ward {
	code: string;
	name: string;
	slug: string;
	area_km2: number;
	centroid_lon: number;
	centroid_lat: number;
	label_lon: number;
	label_lat: number;
	/** ONS ward estimates (not sums of LSOAs): mid-2021 (Census 2021-based), mid-2015 (2011-based), mid-2024. */
	population_2021: number;
	population_mid2015: number;
	population_mid2024: number;
}

/** One ward's value for one indicator, with its place among the wards that have a value. */
export interface WardValue {
	indicator_id: string;
	ward_code: string;
	value: number | null;
	lower: number | null;
	upper: number | null;
	/** 1 = highest value among the wards with a value. */
	rank_high: number | null;
	/** Number of wards with a value (the "of N" in "3rd of 69"). */
	ranked: number;
}

/** The city and England figures an indicator is compared with. */
export interface Benchmark {
	indicator_id: string;
	birmingham: number | null;
	birmingham_lower: number | null;
	birmingham_upper: number | null;
	england: number | null;
	england_lower: number | null;
	england_upper: number | null;
}

export type Family = Indicator['family'];

export const FAMILY_LABELS: Record<Family, string> = {
	deprivation: 'Deprivation',
	child_poverty: 'Child poverty',
	life_expectancy: 'Life expectancy',
	ks4: 'School results (GCSE)',
	segregation: 'Ethnicity and segregation',
	population: 'Population',
	geography: 'Geography',
	fuel_poverty: 'Fuel poverty',
	employment: 'Unemployment benefits (claimant count)',
	supplementary: 'Children’s health and civic life'
};

export const FAMILY_ORDER: Family[] = [
	'deprivation',
	'child_poverty',
	'employment',
	'fuel_poverty',
	'life_expectancy',
	'ks4',
	'segregation',
	'population',
	'supplementary',
	'geography'
];

/** What every page needs to name, format and colour an indicator; the long texts load where they are read. */
export type IndicatorSummary = Pick<
	Indicator,
	'id' | 'family' | 'label' | 'short_label' | 'unit' | 'decimals' | 'polarity' | 'period' | 'headline' | 'source_id' | 'derived'
>;

export type IndicatorTexts = Pick<Indicator, 'id' | 'description' | 'method' | 'caveat'>;

export function summarise(indicator: Indicator): IndicatorSummary {
	const { id, family, label, short_label, unit, decimals, polarity, period, headline, source_id, derived } = indicator;
	return { id, family, label, short_label, unit, decimals, polarity, period, headline, source_id, derived };
}

export function textsOf(indicator: Indicator): IndicatorTexts {
	const { id, description, method, caveat } = indicator;
	return { id, description, method, caveat };
}
