import { error } from '@sveltejs/kit';
import { buildTimeDatabase } from '$lib/data/node-db.server.ts';
import { getBenchmarks, getIndicatorWardValues, getWardValues, getWards } from '$lib/data/queries.ts';

export async function entries() {
	return (await getWards(buildTimeDatabase())).map((w) => ({ slug: w.slug }));
}

export async function load({ params }) {
	const db = buildTimeDatabase();
	const ward = (await getWards(db)).find((w) => w.slug === params.slug);
	if (!ward) error(404, `There is no Birmingham ward called “${params.slug}”.`);
	const headline = db.catalogue.indicators.filter((i) => i.headline).map((i) => i.id);
	const values = (await getWardValues(db, ward.code)).filter((v) => headline.includes(v.indicator_id));
	const strips = Object.fromEntries(
		await Promise.all(headline.map(async (id) => [id, (await getIndicatorWardValues(db, id)).map((r) => r.value)] as const))
	);
	const benchmarks = (await getBenchmarks(db)).filter((b) => headline.includes(b.indicator_id));
	return { ward, headline, values, strips, benchmarks };
}
