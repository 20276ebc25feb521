import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../scripts/lib/csv.ts';
import type { Catalogue, IndicatorSummary, Ward, WardValue } from '$lib/data/types.ts';
import { toCsv } from './csv.ts';
import { cardLabel, indicatorCsv, rankingAltText, sourceLines } from './figures.ts';

const catalogue = JSON.parse(readFileSync('data/indicators.json', 'utf8')) as Catalogue;
const wards = parseCsv(readFileSync('data/wards.csv', 'utf8'), 'wards.csv').map((w) => ({ code: w.code, name: w.name, slug: w.slug }) as Ward);
const childPoverty = parseCsv(readFileSync('data/child_poverty.csv', 'utf8'), 'child_poverty.csv');
const indicator = catalogue.indicators.find((i) => i.id === 'cp_ahc_pct_2025')! as IndicatorSummary;
const source = catalogue.sources.find((s) => s.id === indicator.source_id)!;

const wardRows = childPoverty.filter((r) => r.area_type === 'ward');
const values: WardValue[] = wardRows.map((r) => ({ indicator_id: indicator.id, ward_code: r.area_code, value: r.cp_ahc_pct_2025 === '' ? null : Number(r.cp_ahc_pct_2025), lower: null, upper: null, rank_high: null, ranked: 0 }));
const sorted = [...values].filter((v) => v.value !== null).sort((a, b) => b.value! - a.value!);
const nameOf = (code: string) => wards.find((w) => w.code === code)!.name;

describe('figures that travel with a chart', () => {
	it('describes the ranking from its data: count, highest and lowest ward', () => {
		const text = rankingAltText(indicator, values, wards, undefined);
		expect(text).toContain(`Bar chart ranking ${sorted.length} Birmingham wards by`);
		expect(text).toContain(`highest ${nameOf(sorted[0].ward_code)} (${sorted[0].value!.toFixed(1)}%)`);
		expect(text).toContain(`lowest ${nameOf(sorted.at(-1)!.ward_code)} (${sorted.at(-1)!.value!.toFixed(1)}%)`);
	});

	it("writes a CSV of every ward's published value, highest first, headed by source, attribution and licence", () => {
		const csv = toCsv(indicatorCsv(indicator, values, wards, undefined, source, 'https://example.org/'));
		const comments = csv.split('\r\n').filter((l) => l.startsWith('#'));
		expect(comments).toContain(`# Attribution: ${source.attribution}`);
		expect(comments).toContain(`# Licence: ${source.licence}`);
		const rows = parseCsv(csv.split('\r\n').filter((l) => !l.startsWith('#')).join('\n'), 'download.csv');
		expect(rows).toHaveLength(wards.length);
		expect(rows[0].area_code).toBe(sorted[0].ward_code);
		for (const row of wardRows) {
			expect(rows.find((r) => r.area_code === row.area_code)!.value).toBe(row.cp_ahc_pct_2025 === '' ? '' : String(Number(row.cp_ahc_pct_2025)));
		}
	});

	it('names each source once and the licence', () => {
		const lines = sourceLines([source, source], 'https://example.org/');
		expect(lines).toHaveLength(2);
		expect(lines[0]).toContain(source.attribution);
		expect(lines[1]).toBe(`Licence: ${source.licence}. Birmingham Ward Inequality Explorer: https://example.org/`);
	});

	it('adds the period to card labels that lack a year', () => {
		const le = catalogue.indicators.find((i) => i.id === 'le_persons')!;
		expect(cardLabel(le)).toBe(`${le.short_label}, ${le.period.replace(/\s*\(.*\)$/, '')}`);
		expect(cardLabel(indicator)).toBe(indicator.short_label);
	});
});
