/**
 * The SQL console's first gate, before DuckDB sees a query: one statement, SELECT or WITH only, and nothing that
 * names a file, a URL or a table function that reads outside the loaded tables. DuckDB's own parser and
 * `enable_external_access = false` stand behind this gate (sql-console.ts); the gate gives readable messages.
 */
export type ConsoleCheck = { ok: true; sql: string } | { ok: false; message: string };

/** Statements that change data, settings or the file system. */
const WRITE_WORDS = [
	'insert', 'update', 'delete', 'merge', 'upsert', 'create', 'drop', 'alter', 'truncate', 'replace', 'copy', 'export', 'import',
	'attach', 'detach', 'install', 'load', 'pragma', 'set', 'reset', 'call', 'checkpoint', 'vacuum', 'grant', 'revoke', 'begin',
	'commit', 'rollback', 'transaction', 'use', 'prepare', 'execute', 'deallocate', 'analyze', 'comment'
];

/** Table functions and settings functions that read files, URLs or the catalogue of other databases. */
const FILE_FUNCTIONS = /^(read_\w+|\w+_scan|scan_\w+|glob|sniff_csv|parquet_\w+|iceberg_\w+|delta_\w+|sqlite_\w+|postgres_\w+|mysql_\w+|http\w*|getenv|current_setting|duckdb_secrets|which_secret|load_extension)$/i;

const URL_LITERAL = /^(https?|s3|s3a|gcs|gs|az|azure|abfss?|r2|hf|file|ftp|opfs):\/\//i;

interface Token {
	kind: 'word' | 'string' | 'quoted' | 'symbol';
	text: string;
}

/** Splits SQL into words, string literals, quoted identifiers and symbols, dropping comments. */
export function tokenise(sql: string): Token[] | string {
	const tokens: Token[] = [];
	let i = 0;
	while (i < sql.length) {
		const c = sql[i];
		if (/\s/.test(c)) {
			i++;
		} else if (sql.startsWith('--', i)) {
			const end = sql.indexOf('\n', i);
			i = end === -1 ? sql.length : end + 1;
		} else if (sql.startsWith('/*', i)) {
			const end = sql.indexOf('*/', i + 2);
			if (end === -1) return 'A /* comment is not closed.';
			i = end + 2;
		} else if (c === "'" || c === '"') {
			let j = i + 1;
			let text = '';
			for (;;) {
				if (j >= sql.length) return c === "'" ? 'A text value in quotes (\') is not closed.' : 'A quoted name (") is not closed.';
				if (sql[j] === c) {
					if (sql[j + 1] === c) {
						text += c;
						j += 2;
						continue;
					}
					break;
				}
				text += sql[j++];
			}
			tokens.push({ kind: c === "'" ? 'string' : 'quoted', text });
			i = j + 1;
		} else if (c === '$' && /^\$(\w*)\$/.test(sql.slice(i))) {
			const tag = sql.slice(i).match(/^\$(\w*)\$/)![0];
			const end = sql.indexOf(tag, i + tag.length);
			if (end === -1) return 'A $$ quoted text value is not closed.';
			tokens.push({ kind: 'string', text: sql.slice(i + tag.length, end) });
			i = end + tag.length;
		} else if (/[A-Za-z_]/.test(c)) {
			const word = sql.slice(i).match(/^[A-Za-z_][A-Za-z0-9_$]*/)![0];
			tokens.push({ kind: 'word', text: word.toLowerCase() });
			i += word.length;
		} else {
			tokens.push({ kind: 'symbol', text: c });
			i++;
		}
	}
	return tokens;
}

export function checkConsoleSql(input: string): ConsoleCheck {
	const tokens = tokenise(input);
	if (typeof tokens === 'string') return { ok: false, message: tokens };
	while (tokens.length && tokens[tokens.length - 1].text === ';') tokens.pop();
	if (!tokens.length) return { ok: false, message: 'Write a query first, for example: SELECT * FROM wards LIMIT 10' };
	if (tokens.some((t) => t.kind === 'symbol' && t.text === ';')) {
		return { ok: false, message: 'Run one statement at a time: remove the “;” between statements.' };
	}
	const first = tokens.find((t) => !(t.kind === 'symbol' && t.text === '('));
	if (!first || first.kind !== 'word' || (first.text !== 'select' && first.text !== 'with')) {
		const word = first?.text.toUpperCase() ?? '';
		return {
			ok: false,
			message: `This console is read-only: only SELECT and WITH queries run${word ? `, and this one starts with ${word}` : ''}. It cannot change, create or delete tables.`
		};
	}
	for (let index = 0; index < tokens.length; index++) {
		const token = tokens[index];
		if (token.kind === 'word' && WRITE_WORDS.includes(token.text) && !isFunctionName(tokens, index)) {
			return { ok: false, message: `This console is read-only: ${token.text.toUpperCase()} is not allowed. Only SELECT and WITH queries run.` };
		}
		if (token.kind === 'word' && FILE_FUNCTIONS.test(token.text) && isFunctionName(tokens, index)) {
			return { ok: false, message: `${token.text}() reads files or settings outside the site's tables, so the console does not run it. Query the tables listed beside the console instead.` };
		}
		if (token.kind === 'string' && (URL_LITERAL.test(token.text.trim()) || /\.(csv|tsv|parquet|json|ndjson|jsonl|xlsx|db|duckdb|sqlite)(\.gz)?$/i.test(token.text.trim()))) {
			return { ok: false, message: `The console cannot read files or web addresses (“${token.text.slice(0, 60)}”). It only queries the tables listed beside it.` };
		}
	}
	return { ok: true, sql: input.trim().replace(/;\s*$/, '') };
}

function isFunctionName(tokens: Token[], index: number): boolean {
	return tokens[index + 1]?.kind === 'symbol' && tokens[index + 1].text === '(';
}
