/** What each published file in data/ holds, for the /data page. Columns are read from the files themselves. */
export const PUBLISHED_FILES: Record<string, string> = {
	'wards.csv': 'The 69 wards: code, name, URL slug, area, centroid and label point, Census 2021 population and mid-2015 population (both summed from best-fit LSOAs).',
	'wards.geojson': 'Ward boundaries (May 2025, generalised), simplified for the web; coordinates to 5 decimals.',
	'birmingham.geojson': 'The Birmingham city outline, simplified.',
	'lsoa11.geojson': 'Neighbourhood (LSOA 2011) boundaries in Birmingham, simplified, with each one’s best-fit ward.',
	'ward_adjacency.csv': 'Pairs of wards that share a border.',
	'imd.csv': 'Indices of Deprivation by ward: IMD 2019 scores (population-weighted from LSOAs), domain scores, IDACI, IDAOPI, rank within Birmingham, and shares of LSOAs and people in England’s most deprived 10% for 2015, 2019 and 2025.',
	'imd_lsoa.csv': 'IMD 2019 score, England rank and decile for each Birmingham LSOA (2011), with its best-fit ward.',
	'child_poverty.csv': 'Children under 16 in relative low income after housing costs (DWP), count and percentage, FYE 2024 and FYE 2025.',
	'life_expectancy.csv': 'Estimated life expectancy at birth 2016–2020 by ward (from MSOA values), males, females and persons, with approximate 95% intervals and coverage.',
	'ks4.csv': 'GCSE (Key Stage 4) results of schools located in each ward: Attainment 8, Progress 8 and grade 5+ in English and maths, 2022/23 and 2018/19.',
	'schools.csv': 'State-funded mainstream secondary schools with their results, coordinates and ward.',
	'segregation.csv': 'Ethnic group shares (Census 2011 and 2021) and Index of Dissimilarity measures by ward.',
	'segregation_citywide.csv': 'City-wide Index of Dissimilarity for each pair of groups at each unit (OA, LSOA, ward).',
	'census_ethnicity_2011_oa.csv': 'Census 2011 ethnic group counts for Birmingham’s Output Areas, with LSOA and ward.',
	'census_ethnicity_2021_lsoa.csv': 'Census 2021 broad ethnic group counts for Birmingham’s LSOAs (2021), with ward.',
	'ethnic_groups.csv': 'The ethnic groups used in the census files, with labels.',
	'indicators.json': 'Metadata for every indicator: label, unit, polarity, period, source, licence, method and caveats.',
	'SOURCES.md': 'Every source with its official title, publisher, licence and attribution.',
	'postcodes/': 'Birmingham-area postcodes and the ward each falls in, one JSON file per outward code (e.g. B15.json), plus index.json.'
};
