import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { getBenchmarks, getUkValues, getWardValues, getWards } from '$lib/data/queries.ts';
import { fleschKincaidGrade } from '$lib/testing/readability.ts';
import { parseCsv } from '../../../scripts/lib/csv.ts';
import { deprivationPlace, inWords, wardSummary } from './ward-summary.ts';

const db = buildTimeDatabase();
const csv = (file: string) => parseCsv(readFileSync(`data/${file}`, 'utf8'), file);
const imdRows = csv('imd.csv').filter((r) => r.area_type === 'ward' && r.imd19_score !== '');
const byScore = [...imdRows].sort((a, b) => Number(b.imd19_score) - Number(a.imd19_score));
const wardNames = new Map(csv('wards.csv').map((w) => [w.code, w.name]));
const MOST_DEPRIVED = wardNames.get(byScore[0].area_code)!;
const LEAST_DEPRIVED = wardNames.get(byScore.at(-1)!.area_code)!;
const childPoverty = new Map(csv('child_poverty.csv').map((r) => [r.area_code, Number(r.cp_ahc_pct_2025)]));
const ks4 = new Map(csv('ks4.csv').map((r) => [r.area_code, r]));

const shared = (async () => ({
	wards: await getWards(db),
	benchmarks: new Map((await getBenchmarks(db)).map((b) => [b.indicator_id, b])),
	indicators: new Map(db.catalogue.indicators.map((i) => [i.id, i])),
	uk: new Map((await getUkValues(db)).map((r) => [r.indicator_id, r.value]))
}))();

async function summaryFor(name: string) {
	const { wards, benchmarks, indicators, uk } = await shared;
	const ward = wards.find((w) => w.name === name)!;
	const values = new Map((await getWardValues(db, ward.code)).map((v) => [v.indicator_id, v]));
	return { statements: wardSummary({ wardName: name, values, benchmarks, indicators, uk }), code: ward.code };
}

describe('plain-English ward summary', () => {
	it('puts fractions in words a 12-year-old can picture', () => {
		expect(inWords(33.2)).toBe('1 in 3');
		expect(inWords(44.4)).toBe('2 in 5');
		expect(inWords(67.9)).toBe('2 in 3');
		expect(inWords(7.1)).toBe('1 in 14');
		expect(inWords(50)).toBe('1 in 2');
		expect(inWords(97)).toBe('almost all');
	});

	it('counts a ward’s place from the nearer end', () => {
		expect(deprivationPlace(1, 69)).toBe('the most deprived');
		expect(deprivationPlace(3, 69)).toBe('the 3rd most deprived');
		expect(deprivationPlace(67, 69)).toBe('the 3rd least deprived');
		expect(deprivationPlace(69, 69)).toBe('the least deprived');
		expect(deprivationPlace(35, 69)).toBe('the 35th most deprived');
	});

	it(`says the most deprived ward (${MOST_DEPRIVED}, from imd.csv) is the most deprived, and more deprived than England`, async () => {
		const { statements } = await summaryFor(MOST_DEPRIVED);
		expect(statements[0]).toBe(`${MOST_DEPRIVED} is the most deprived of Birmingham's 69 wards (IMD 2019). It is much more deprived than England as a whole.`);
	});

	it(`says the least deprived ward (${LEAST_DEPRIVED}) is the least deprived, and less deprived than England`, async () => {
		const { statements } = await summaryFor(LEAST_DEPRIVED);
		expect(statements[0]).toMatch(new RegExp(`^${LEAST_DEPRIVED} is the least deprived of Birmingham's 69 wards \\(IMD 2019\\)\\. It is (much )?less deprived than England as a whole\\.$`));
	});

	it('says a ward in the middle third is near the middle', async () => {
		const middle = wardNames.get(byScore[34].area_code)!;
		const { statements } = await summaryFor(middle);
		expect(statements[0]).toContain(`${middle} is the 35th most deprived of Birmingham's 69 wards, near the middle`);
	});

	it('gives child poverty as "N in M" against Birmingham and the UK (DWP publishes no England figure)', async () => {
		for (const name of [MOST_DEPRIVED, LEAST_DEPRIVED, 'Heartlands']) {
			const { statements, code } = await summaryFor(name);
			const text = statements.join(' ');
			const share = childPoverty.get(code)!;
			expect(text).toContain(`${inWords(share).replace(/^./, (c) => c.toUpperCase())} children here live in a low-income family once housing costs are paid (${Math.round(share)}%).`);
			expect(text).toMatch(new RegExp(`across the UK \\(?${inWords(childPoverty.get('K02000001')!)}`));
		}
	});

	it('compares life expectancy with Birmingham only, and GCSE results with Birmingham and England', async () => {
		const { statements, code } = await summaryFor('Heartlands');
		const text = statements.join(' ');
		expect(text).toMatch(/A baby born here can expect to live about \d+ years\. That is (\d+\.\d years (more|less) than|about the same as) across Birmingham/);
		expect(statements.find((s) => s.includes('expect to live'))).not.toContain('England');
		const att8 = Number(ks4.get(code)!.ks4_att8_2023).toFixed(1);
		expect(text).toContain(`average GCSE score (Attainment 8) of ${att8} in 2023. That is`);
		expect(text).toContain(`Birmingham (${Number(ks4.get('E08000025')!.ks4_att8_2023).toFixed(1)})`);
		expect(text).toContain(`England (${Number(ks4.get('E92000001')!.ks4_att8_2023).toFixed(1)})`);
	});

	it('says so when a ward has no secondary school, instead of leaving a gap', async () => {
		const noSchool = csv('ks4.csv').find((r) => r.area_type === 'ward' && r.ks4_att8_2023 === '' && Number(r.ks4_schools_2023 || 0) === 0)!;
		const { statements } = await summaryFor(wardNames.get(noSchool.area_code)!);
		expect(statements.join(' ')).toContain('There is no state secondary school in the ward');
	});

	it('gives every ward five short points, one per topic, at a reading age of about 12', async () => {
		const grades: number[] = [];
		for (const ward of await getWards(db)) {
			const { statements } = await summaryFor(ward.name);
			expect(statements.length, ward.name).toBeGreaterThanOrEqual(3);
			expect(statements.length, ward.name).toBeLessThanOrEqual(5);
			for (const statement of statements) expect(statement.split(/(?<=\.) /).length, statement).toBeLessThanOrEqual(2);
			const text = statements.join(' ');
			expect(text).not.toMatch(/undefined|NaN|null/);
			grades.push(fleschKincaidGrade(text));
		}
		// Flesch–Kincaid grade 7 is a reading age of 12.
		expect(Math.max(...grades)).toBeLessThanOrEqual(7);
	});
});
