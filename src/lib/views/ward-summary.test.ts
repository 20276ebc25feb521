import { describe, expect, it } from 'vitest';
import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { getBenchmarks, getWardValues, getWards } from '$lib/data/queries.ts';
import { inWords, wardSummary } from './ward-summary.ts';

const db = buildTimeDatabase();

async function summaryFor(name: string) {
	const ward = (await getWards(db)).find((w) => w.name === name)!;
	const values = new Map((await getWardValues(db, ward.code)).map((v) => [v.indicator_id, v]));
	const benchmarks = new Map((await getBenchmarks(db)).map((b) => [b.indicator_id, b]));
	const indicators = new Map(db.catalogue.indicators.map((i) => [i.id, i]));
	return { sentences: wardSummary({ wardName: name, values, benchmarks, indicators }), values };
}

describe('plain-English ward summary', () => {
	it('puts fractions in words a 12-year-old can picture', () => {
		expect(inWords(33.2)).toBe('1 in 3');
		expect(inWords(44.4)).toBe('2 in 5');
		expect(inWords(67.9)).toBe('2 in 3');
		expect(inWords(7.1)).toBe('1 in 14');
		expect(inWords(50)).toBe('1 in 2');
	});

	it('says the most deprived ward is the most deprived', async () => {
		const { sentences } = await summaryFor('Sparkbrook & Balsall Heath East');
		expect(sentences[0]).toBe("Sparkbrook & Balsall Heath East is the most deprived of Birmingham's 69 wards, and more deprived than England on average.");
	});

	it('says the least deprived ward is the least deprived', async () => {
		const { sentences } = await summaryFor('Sutton Roughley');
		expect(sentences[0]).toBe("Sutton Roughley is the least deprived of Birmingham's 69 wards, and less deprived than England on average.");
	});

	it('describes child poverty against the city and handles a ward with no school figure', async () => {
		const { sentences, values } = await summaryFor('Heartlands');
		const cp = values.get('cp_ahc_pct_2025')!.value!;
		expect(sentences.join(' ')).toContain(`About ${inWords(cp)} children here grow up in a low-income family`);
		const noSchool = await summaryFor('Sutton Roughley');
		if (noSchool.values.get('ks4_att8_2023')!.value === null) expect(noSchool.sentences.join(' ')).toContain('no state-funded mainstream secondary school');
		expect(sentences.length).toBeGreaterThanOrEqual(3);
		expect(sentences.length).toBeLessThanOrEqual(5);
	});
});
