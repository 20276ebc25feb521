import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './lib/csv.ts';
import { BIRMINGHAM_WARD_CODES } from './lib/wards.ts';
import { matchWardNames, nameKey, parseNcmp, parseTurnout } from './supplementary.ts';

const names = new Map(BIRMINGHAM_WARD_CODES.map((code, i) => [code, `Ward ${i}`]));
names.set('E05011118', 'Acocks Green');
names.set('E05011121', 'Aston');
names.set('E05011126', 'Bordesley & Highgate');

describe('matching published ward names to codes', () => {
	it('ignores "&" versus "and", apostrophes, case and the "(Birmingham)" suffix', () => {
		expect(nameKey('Bordesley & Highgate')).toBe(nameKey('Bordesley and Highgate'));
		expect(nameKey("King's Norton North")).toBe(nameKey('Kings Norton North'));
		expect(nameKey('Aston (Birmingham)')).toBe(nameKey('aston'));
	});

	it('requires every ward exactly once', () => {
		const all = [...names.values()];
		expect(matchWardNames(all, names, 'n.csv')).toEqual([...BIRMINGHAM_WARD_CODES]);
		expect(() => matchWardNames([...all.slice(0, -1), 'Atlantis'], names, 'n.csv')).toThrow(/n.csv \(row 70\): ward name "Atlantis" matches no Birmingham ward/);
		expect(() => matchWardNames([...all, 'Aston (Birmingham)'], names, 'n.csv')).toThrow(/matches E05011121 a second time/);
		expect(() => matchWardNames(all.slice(1), names, 'n.csv')).toThrow(/no row for ward\(s\) Acocks Green/);
	});
});

describe('Year 6 overweight and turnout', () => {
	const fixtureRows = parseCsv(readFileSync(path.resolve(import.meta.dirname, 'fixtures/supplementary/ncmp.csv'), 'utf8'), 'ncmp.csv');
	const others = [...names].filter(([code]) => !['E05011118', 'E05011121', 'E05011126'].includes(code));
	const rows = [...fixtureRows, ...others.map(([, name]) => ({ ...fixtureRows[0], AggregationLabel: name }))];

	it('reads values with their 95% intervals by ward code', () => {
		const ncmp = parseNcmp(rows, names, 'ncmp.csv');
		expect(ncmp.get('E05011126')).toEqual({ pct: 45, lower: 40.7, upper: 49.3 });
		const broken = rows.map((r, i) => (i === 1 ? { ...r, 'Sum of LowerCI95': '46' } : r));
		expect(() => parseNcmp(broken, names, 'ncmp.csv')).toThrow(/ncmp.csv \(row 3\): interval 46–49.3 does not contain 45/);
		const otherIndicator = rows.map((r, i) => (i === 0 ? { ...r, IndicatorName: 'Self-harm admissions' } : r));
		expect(() => parseNcmp(otherIndicator, names, 'ncmp.csv')).toThrow(/unexpected indicator "Self-harm admissions"/);
	});

	it('reads turnout from the workbook cells and rejects a misread value', () => {
		const cells = [['Ward', 'Turnout (%)'], ...[...names.values()].map((name, i) => [name, 20 + (i % 10)])];
		expect(parseTurnout(cells, names, 't.xlsx').get('E05011118')).toBe(20);
		const bad = cells.map((r, i) => (i === 2 ? [r[0], 0.25] : r));
		expect(() => parseTurnout(bad, names, 't.xlsx')).toThrow(/t.xlsx \(row 3\): Turnout \(%\) = 0.25 is outside the plausible range 5–90/);
	});
});
