import { parseCsv } from './lib/csv.ts';
import { DataError } from './lib/errors.ts';
import type { IndicatorMeta, SourceMeta } from './lib/family.ts';
import { assertExactlyBirminghamWards } from './lib/wards.ts';

const ID_PATTERN = /^[a-z][a-z0-9_]*$/;

/**
 * Checks indicators.json against the files it describes: unique ids, known sources, columns that exist,
 * exactly the 69 wards in each file, and every ward value inside the indicator's plausible range.
 */
export function checkIndicators(indicators: IndicatorMeta[], sources: SourceMeta[], files: Map<string, string>): void {
	const where = 'indicators.json';
	const ids = new Set<string>();
	const sourceIds = new Set(sources.map((s) => s.id));
	const parsed = new Map<string, ReturnType<typeof parseCsv>>();
	for (const indicator of indicators) {
		if (!ID_PATTERN.test(indicator.id)) throw new DataError(where, `indicator id "${indicator.id}" is not snake_case`, indicator.id);
		if (ids.has(indicator.id)) throw new DataError(where, `duplicate indicator id`, indicator.id);
		ids.add(indicator.id);
		if (!sourceIds.has(indicator.source_id)) throw new DataError(where, `unknown source_id "${indicator.source_id}"`, indicator.id);
		if (indicator.derived && !indicator.method.trim()) throw new DataError(where, 'derived indicator has no method note', indicator.id);
		const text = files.get(indicator.file);
		if (text === undefined) throw new DataError(where, `file ${indicator.file} is not produced by the pipeline`, indicator.id);
		if (!parsed.has(indicator.file)) {
			const rows = parseCsv(text, indicator.file);
			assertExactlyBirminghamWards(rows.filter((r) => r.area_type === 'ward').map((r) => r.area_code), indicator.file);
			parsed.set(indicator.file, rows);
		}
		const rows = parsed.get(indicator.file)!;
		for (const column of [indicator.column, indicator.lower_column, indicator.upper_column]) {
			if (column && !(column in rows[0])) throw new DataError(indicator.file, `indicator ${indicator.id}: no column ${column}`, 1);
		}
		rows.forEach((row, i) => {
			const cell = row[indicator.column];
			if (cell === '' || cell === undefined) return;
			const value = Number(cell);
			if (!Number.isFinite(value) || value < indicator.min || value > indicator.max) {
				throw new DataError(indicator.file, `${indicator.column} = "${cell}" is outside ${indicator.min}–${indicator.max} (${indicator.id})`, i + 2);
			}
		});
	}
}

export function renderSourcesMarkdown(sources: SourceMeta[]): string {
	const lines = [
		'# Sources',
		'',
		'Every dataset in this folder is derived by the scripts in `scripts/` from the official files listed here.',
		'Raw files are not redistributed in this repository; see each source for where to obtain them.',
		''
	];
	for (const s of sources) {
		lines.push(`## ${s.title}`, '');
		lines.push(`- Publisher: ${s.publisher}`);
		lines.push(`- Licence: [${s.licence}](${s.licence_url})`);
		lines.push(`- Attribution: ${s.attribution}`);
		if (s.url) lines.push(`- Official page: ${s.url}`);
		lines.push(`- Raw files read: ${s.raw_files.map((f) => `\`${f}\``).join(', ')}`);
		if (s.caveats) lines.push(`- Caveats: ${s.caveats}`);
		lines.push('');
	}
	return lines.join('\n');
}
