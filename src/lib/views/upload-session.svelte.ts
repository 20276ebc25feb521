/**
 * One upload, from the chosen file to indicators in DuckDB: reading in the worker, the analysis, the user's
 * fixes (ward for an unmatched row, row for a duplicated ward) and the settings of each column.
 */
import { SvelteMap } from 'svelte/reactivity';
import type { Polarity, Ward } from '$lib/data/types.ts';
import { parseInWorker, type ParseJob } from '$lib/data/user-data/parse-file.ts';
import { analyseTable, columnValues, matchRows, resolveRows, type ColumnInfo, type RawTable, type TableAnalysis } from '$lib/data/user-data/table-analysis.ts';
import { wardMatcher, type WardMatcher } from '$lib/data/user-data/ward-matching.ts';
import { parseCell } from '$lib/data/user-data/value-parsing.ts';
import { addUserIndicator, type UserIndicator, type UserUnit } from '$lib/data/user-data.svelte.ts';

export interface ColumnSetting {
	use: boolean;
	label: string;
	unit: UserUnit;
	decimals: number;
	polarity: Polarity;
	period: string;
}

function guessUnit(column: ColumnInfo): UserUnit {
	if (column.profile.percent * 2 > column.profile.numbers || /%|percent|share|rate \(%\)/i.test(column.header)) return '%';
	if (/£|pounds|gbp|arrears|amount|spend/i.test(column.header)) return 'gbp';
	if (/per 1,?000|per thousand/i.test(column.header)) return 'per_1000';
	return 'number';
}

function guessDecimals(values: (number | null)[]): number {
	let most = 0;
	for (const value of values) {
		if (value === null) continue;
		const fraction = String(value).split('.')[1];
		if (fraction) most = Math.max(most, fraction.length);
	}
	return Math.min(2, most);
}

export class UploadSession {
	readonly matcher: WardMatcher;
	phase = $state<'idle' | 'reading' | 'review' | 'failed'>('idle');
	progress = $state(0);
	stage = $state<'reading' | 'parsing'>('reading');
	fatal = $state('');
	table = $state.raw<RawTable | null>(null);
	analysis = $state.raw<TableAnalysis | null>(null);
	wardColumnIndex = $state(0);
	fixes = new SvelteMap<number, string | null>();
	duplicateChoice = new SvelteMap<string, number | null>();
	settings = $state<Record<number, ColumnSetting>>({});
	sourceNote = $state('');
	adding = $state(false);
	addError = $state('');
	added = $state<UserIndicator[]>([]);
	private job: ParseJob | null = null;

	constructor(readonly wards: Ward[]) {
		this.matcher = wardMatcher(wards.map((w) => ({ code: w.code, name: w.name })));
	}

	matches = $derived.by(() => (this.analysis && !this.analysis.fatal ? matchRows(this.analysis, this.wardColumnIndex, this.matcher) : []));
	resolution = $derived(resolveRows(this.matches, this.fixes, this.duplicateChoice));
	numericColumns = $derived(this.analysis?.columns.filter((c) => c.numeric && c.index !== this.wardColumnIndex) ?? []);
	otherColumns = $derived(this.analysis?.columns.filter((c) => !c.numeric && c.index !== this.wardColumnIndex) ?? []);
	columnResults = $derived(
		this.analysis ? new Map(this.numericColumns.map((c) => [c.index, columnValues(this.analysis!, c, this.resolution.rowOfWard)])) : new Map()
	);
	missingWards = $derived.by(() => this.wards.filter((w) => !this.resolution.rowOfWard.has(w.code)));
	chosenColumns = $derived(this.numericColumns.filter((c) => this.settings[c.index]?.use));

	read(file: File) {
		this.cancel();
		this.reset();
		this.phase = 'reading';
		this.job = parseInWorker(file, (fraction, stage) => {
			this.progress = fraction;
			this.stage = stage;
		});
		this.job.result.then(
			(table) => this.review(table),
			(error: Error) => {
				this.fatal = error.message;
				this.phase = 'failed';
			}
		);
	}

	cancel() {
		this.job?.cancel();
		this.job = null;
	}

	reset() {
		this.fatal = '';
		this.table = null;
		this.analysis = null;
		this.fixes.clear();
		this.duplicateChoice.clear();
		this.settings = {};
		this.added = [];
		this.addError = '';
		this.progress = 0;
	}

	private review(table: RawTable) {
		this.job = null;
		const analysis = analyseTable(table, this.matcher);
		this.table = table;
		this.analysis = analysis;
		if (analysis.fatal) {
			this.fatal = analysis.fatal;
			this.phase = 'failed';
			return;
		}
		this.wardColumnIndex = analysis.wardColumn!.index;
		this.initialiseSettings();
		this.phase = 'review';
	}

	private initialiseSettings() {
		const analysis = this.analysis!;
		const settings: Record<number, ColumnSetting> = {};
		for (const column of analysis.columns.filter((c) => c.numeric)) {
			const parsed = analysis.dataRows.map((r) => parseCell(r.cells[column.index] ?? '', column.profile.decimalComma).value);
			settings[column.index] = {
				use: true,
				label: column.header,
				unit: guessUnit(column),
				decimals: guessDecimals(parsed),
				polarity: 'neutral',
				period: ''
			};
		}
		this.settings = settings;
	}

	setWardColumn(index: number) {
		this.wardColumnIndex = index;
		this.fixes.clear();
		this.duplicateChoice.clear();
		this.initialiseSettings();
	}

	async addToMap(): Promise<UserIndicator[]> {
		this.adding = true;
		this.addError = '';
		const added: UserIndicator[] = [];
		try {
			for (const column of this.chosenColumns) {
				const setting = this.settings[column.index];
				added.push(
					await addUserIndicator({
						label: setting.label,
						unit: setting.unit,
						decimals: setting.decimals,
						polarity: setting.polarity,
						period: setting.period,
						source_note: this.sourceNote,
						file_name: this.table!.fileName,
						column_name: column.header,
						values: this.columnResults.get(column.index)!.values
					})
				);
			}
			this.added = added;
		} catch (error) {
			this.addError = `Your data could not be added to the in-browser database (${(error as Error).message}). Nothing was sent anywhere.`;
		} finally {
			this.adding = false;
		}
		return added;
	}
}
