/**
 * The one error the data pipeline throws for bad input. It always names the file, the row (when there is
 * one) and the rule that failed, so a reader can find the problem in the raw file without a debugger.
 */
export class DataError extends Error {
	constructor(
		readonly file: string,
		readonly rule: string,
		readonly row?: number | string
	) {
		super(`${file}${row === undefined ? '' : ` (row ${row})`}: ${rule}`);
		this.name = 'DataError';
	}
}
