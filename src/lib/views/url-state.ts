/**
 * The URL owns the view: ?indicator=…&ward=… . A shared link or an embed is just a URL. Parameters are
 * validated against the catalogue; an unknown value gives a message and the default, never a broken page.
 */
export const DEFAULT_INDICATOR = 'imd19_score';

export interface ViewState {
	indicator: string;
	ward: string | null;
	problems: string[];
}

export function readViewState(params: URLSearchParams, indicatorIds: Set<string>, wardCodes: Set<string>): ViewState {
	const problems: string[] = [];
	let indicator = DEFAULT_INDICATOR;
	const askedIndicator = params.get('indicator');
	if (askedIndicator !== null) {
		if (indicatorIds.has(askedIndicator)) indicator = askedIndicator;
		else if (askedIndicator.startsWith('yours-'))
			problems.push(`“${askedIndicator.slice(0, 60)}” is data someone added in their own browser; it is not in this one, so the map shows the default.`);
		else problems.push(`There is no indicator called “${askedIndicator.slice(0, 60)}”, so the map shows the default.`);
	}
	let ward: string | null = null;
	const askedWard = params.get('ward');
	if (askedWard !== null && askedWard !== '') {
		const code = askedWard.toUpperCase();
		if (wardCodes.has(code)) ward = code;
		else problems.push(`There is no Birmingham ward with the code “${askedWard.slice(0, 40)}”. Ward codes run from E05011118 to E05011186.`);
	}
	return { indicator, ward, problems };
}

/** Sets indicator and ward; parameters other views own (e.g. the change view's) are kept as they are. */
export function writeViewState(state: { indicator: string; ward: string | null }, current?: URLSearchParams): string {
	const params = new URLSearchParams(current ?? (typeof location === 'undefined' ? '' : location.search));
	params.delete('indicator');
	params.delete('ward');
	if (state.indicator !== DEFAULT_INDICATOR) params.set('indicator', state.indicator);
	if (state.ward) params.set('ward', state.ward);
	const query = params.toString();
	return query ? `?${query}` : '?';
}
