/**
 * What every family module (imd, child-poverty, …) hands back to the runner. Modules never write files
 * themselves: the runner validates everything first and writes all or nothing.
 */

export type FamilyId =
	| 'geography'
	| 'deprivation'
	| 'child_poverty'
	| 'life_expectancy'
	| 'ks4'
	| 'segregation'
	| 'population'
	| 'fuel_poverty'
	| 'employment'
	| 'supplementary';

export type Polarity = 'higher_is_worse' | 'higher_is_better' | 'neutral';

/** One indicator as described in data/indicators.json. Describe each indicator once, here. */
export interface IndicatorMeta {
	id: string;
	family: FamilyId;
	label: string;
	short_label: string;
	/** Plain-English definition a resident can read. */
	description: string;
	unit: '%' | 'score' | 'years' | 'count' | 'people' | 'index' | 'rank' | 'per_km2';
	decimals: number;
	polarity: Polarity;
	period: string;
	/** Headline indicators appear first in pickers and feed the correlation matrix. */
	headline: boolean;
	/** Id of an entry in sources (data/SOURCES.md). */
	source_id: string;
	/** True when this project computes the ward value rather than the publisher. */
	derived: boolean;
	/** How the value is computed, where derived. Empty when published as-is. */
	method: string;
	/** Caveat a reader must know before comparing. */
	caveat: string;
	file: string;
	column: string;
	lower_column?: string;
	upper_column?: string;
	/** Plausible range, checked by the pipeline. */
	min: number;
	max: number;
}

export interface SourceMeta {
	id: string;
	title: string;
	publisher: string;
	licence: string;
	licence_url: string;
	/** Attribution line as PROVENANCE.md requires, carried onto the site and into every download. */
	attribution: string;
	url: string;
	/** Raw files (relative to the raw directory) this project reads. */
	raw_files: string[];
	caveats: string;
}

export interface FamilyOutput {
	/** Files to write, relative to data/, as text. */
	files: Record<string, string>;
	indicators: IndicatorMeta[];
	sources: SourceMeta[];
	/** Time series published as tidy long files (one row per area and period). */
	series?: SeriesMeta[];
}

/** A point where a series changes basis or method: values on either side must not be joined or differenced. */
export interface SeriesBreak {
	/** The first period of the new basis. */
	before: string;
	label: string;
}

/**
 * One time series, described once in data/indicators.json under "series". Its file is long: one row per area
 * and period, with the columns area_code, area_type, period (text as shown), date (ISO, for the axis) and basis
 * (which estimate or method the value rests on; it changes at every break).
 */
export interface SeriesMeta {
	id: string;
	family: FamilyId;
	label: string;
	short_label: string;
	description: string;
	unit: IndicatorMeta['unit'];
	decimals: number;
	polarity: Polarity;
	frequency: 'month' | 'year';
	source_id: string;
	derived: boolean;
	method: string;
	caveat: string;
	file: string;
	value_column: string;
	/** For files holding several series (e.g. population by age group): the rows of this one. */
	where?: { column: string; value: string };
	breaks: SeriesBreak[];
	/** How the change between two periods is stated: points for rates, per cent for counts; null = not meaningful. */
	change: 'difference' | 'percent' | null;
	/** The ward indicator that carries this series' latest value, when there is one. */
	latest_indicator?: string;
}

/** Columns every series file starts with. */
export const SERIES_COLUMNS = ['area_code', 'area_type', 'period', 'date', 'basis'] as const;

/** Every family CSV starts with these columns: 69 ward rows (by code), then Birmingham, then England (and UK). */
export const AREA_COLUMNS = ['area_code', 'area_name', 'area_type'] as const;
export type AreaType = 'ward' | 'local_authority' | 'country';

export const OGL = {
	licence: 'Open Government Licence v3.0',
	licence_url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/'
};
