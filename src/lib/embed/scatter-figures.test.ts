import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../scripts/lib/csv.ts';
import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { getPairCorrelation } from '$lib/data/explore-sql.ts';
import type { Catalogue } from '$lib/data/types.ts';
import { toCsv } from './csv.ts';
import { scatterAltText, scatterCsv, scatterSourceLines, type ScatterFigure, type ScatterIndicator } from './scatter-figures.ts';

const catalogue = JSON.parse(readFileSync('data/indicators.json', 'utf8')) as Catalogue;
const wards = parseCsv(readFileSync('data/wards.csv', 'utf8'), 'wards.csv').map((w) => ({ code: w.code, name: w.name }));
const indicatorOf = (id: string) => catalogue.indicators.find((i) => i.id === id)!;
/** Ward values of an indicator straight from its published CSV. */
const published = (id: string) => {
	const meta = indicatorOf(id);
	const rows = parseCsv(readFileSync(`data/${meta.file}`, 'utf8'), meta.file).filter((r) => r.area_type === 'ward');
	return new Map(rows.map((r) => [r.area_code, r[meta.column] === '' ? null : Number(r[meta.column])]));
};

const x = indicatorOf('imd19_score');
const y = indicatorOf('ks4_att8_2023');
const figure: ScatterFigure = {
	x,
	y,
	colour: null,
	wards,
	xs: published(x.id),
	ys: published(y.id),
	cs: new Map(),
	stats: await getPairCorrelation(buildTimeDatabase(), x.id, y.id)
};
const plotted = wards.filter((w) => figure.xs.get(w.code) != null && figure.ys.get(w.code) != null);

describe('scatter plot figures', () => {
	it('describes the plot from its data: wards plotted, the correlation, and the highest and lowest ward', () => {
		const text = scatterAltText(figure);
		const highest = [...plotted].sort((a, b) => figure.ys.get(b.code)! - figure.ys.get(a.code)!)[0];
		expect(text).toContain(`Scatter plot of ${plotted.length} Birmingham wards`);
		expect(text).toContain(`Pearson r = ${figure.stats!.pearson!.toFixed(2)}`);
		expect(text).toContain(`Highest ${y.short_label}: ${highest.name}`);
		const missing = wards.length - plotted.length;
		if (missing) expect(text).toContain(`${missing} ward`);
	});

	it("writes every ward's two published values, which wards are plotted, the correlation and the citation", () => {
		const csv = toCsv(scatterCsv(figure, catalogue.sources, 'https://example.org/explore/'));
		const lines = csv.split('\r\n');
		const rows = parseCsv(lines.filter((l) => !l.startsWith('#')).join('\n'), 'scatter.csv');
		expect(rows).toHaveLength(69);
		expect(rows.filter((r) => r.plotted === 'yes')).toHaveLength(plotted.length);
		for (const row of rows) {
			const expectedX = figure.xs.get(row.area_code);
			expect(row[`x_${x.id}`]).toBe(expectedX == null ? '' : String(expectedX));
			expect(row[`y_${y.id}`]).toBe(figure.ys.get(row.area_code) == null ? '' : String(figure.ys.get(row.area_code)));
		}
		const comments = lines.filter((l) => l.startsWith('# '));
		expect(comments.some((c) => c.includes(`Pearson r = ${figure.stats!.pearson!.toFixed(4)}`))).toBe(true);
		for (const id of new Set([x.source_id, y.source_id])) {
			expect(comments).toContain(`# Attribution: ${catalogue.sources.find((s) => s.id === id)!.attribution}`);
		}
	});

	it("names the reader's own file beside the official source, and gives no correlation it does not have", () => {
		const own: ScatterIndicator = {
			id: 'yours-referrals',
			label: '=HYPERLINK("http://x")',
			short_label: 'Referrals',
			unit: 'count',
			decimals: 0,
			period: '',
			source_id: '',
			user_data: true,
			file_name: 'food.csv',
			column_name: 'Referrals',
			source_note: 'Food network'
		};
		const mine: ScatterFigure = { ...figure, y: own, ys: new Map(wards.map((w, i) => [w.code, i])), stats: null };
		const lines = scatterSourceLines(mine, catalogue.sources, 'https://example.org/');
		expect(lines.at(-1)).toMatch(/^Your data: .*column “Referrals” of food.csv \(source as you gave it: Food network\); not checked by this site\.$/);
		expect(lines.join(' ')).toContain(catalogue.sources.find((s) => s.id === x.source_id)!.attribution);
		const csv = toCsv(scatterCsv(mine, catalogue.sources, 'https://example.org/'));
		expect(csv).not.toMatch(/Pearson/);
		expect(csv.split('\r\n').find((l) => l.startsWith('# Up (y)'))).toContain('Your data.');
		expect(scatterAltText(mine)).toContain(`Scatter plot of ${wards.filter((w) => figure.xs.get(w.code) != null).length} Birmingham wards`);
	});
});
