import { describe, expect, it } from 'vitest';
import { checkConsoleSql } from './sql-console-check.ts';
import { EXAMPLE_QUERIES } from './console-schema.ts';

const refusal = (sql: string) => {
	const result = checkConsoleSql(sql);
	if (result.ok) throw new Error(`accepted: ${sql}`);
	return result.message;
};

describe('SQL console gate', () => {
	it('accepts SELECT and WITH queries, with comments, strings and a trailing semicolon', () => {
		for (const sql of [
			'SELECT * FROM wards',
			'select name from wards where name = \'King\'\'s Norton North\';',
			'-- top wards\nWITH t AS (SELECT * FROM ward_values) SELECT * FROM t',
			'(SELECT 1) UNION ALL (SELECT 2)',
			"SELECT replace(name, '&', 'and') AS name FROM wards",
			"SELECT 'delete from wards; drop table wards' AS harmless_text",
			'SELECT "set" FROM (SELECT 1 AS "set")',
			'SELECT * REPLACE (upper(name) AS name) FROM wards'
		]) {
			expect(checkConsoleSql(sql), sql).toMatchObject({ ok: true });
		}
		expect(checkConsoleSql('SELECT 1;  ')).toEqual({ ok: true, sql: 'SELECT 1' });
	});

	it('accepts every example query it offers', () => {
		for (const example of EXAMPLE_QUERIES) expect(checkConsoleSql(example.sql), example.title).toMatchObject({ ok: true });
	});

	it('refuses statements that write, and says it is read-only', () => {
		for (const sql of [
			'DROP TABLE wards',
			'INSERT INTO wards VALUES (1)',
			'delete from wards',
			'CREATE TABLE x AS SELECT 1',
			'UPDATE wards SET name = 1',
			"COPY wards TO 'out.csv'",
			"ATTACH 'other.db'",
			'SET enable_external_access = true',
			'PRAGMA version',
			'INSTALL httpfs',
			'LOAD httpfs'
		]) {
			expect(refusal(sql), sql).toMatch(/read-only/);
		}
		expect(refusal('WITH x AS (SELECT 1) INSERT INTO wards SELECT * FROM x')).toMatch(/INSERT is not allowed/);
		expect(refusal('SELECT 1 /* hidden */ ; DROP TABLE wards')).toMatch(/one statement/);
	});

	it('refuses reading files and URLs, however they are written', () => {
		expect(refusal("SELECT * FROM read_csv('https://example.com/x.csv')")).toMatch(/read_csv\(\) reads files/);
		expect(refusal("select * from READ_PARQUET('s3://bucket/x.parquet')")).toMatch(/read_parquet/);
		expect(refusal("SELECT * FROM 'https://example.com/data.csv'")).toMatch(/cannot read files or web addresses/);
		expect(refusal("SELECT * FROM 'wards.csv'")).toMatch(/cannot read files/);
		expect(refusal("SELECT * FROM glob('*')")).toMatch(/glob/);
		expect(refusal("SELECT * FROM sqlite_scan('x.db', 't')")).toMatch(/sqlite_scan/);
		expect(refusal("SELECT getenv('HOME')")).toMatch(/getenv/);
	});

	it('explains empty input and unclosed quotes', () => {
		expect(refusal('  -- nothing\n')).toMatch(/Write a query first/);
		expect(refusal("SELECT 'oops")).toMatch(/not closed/);
		expect(refusal('SELECT 1 /* open')).toMatch(/comment is not closed/);
	});
});
