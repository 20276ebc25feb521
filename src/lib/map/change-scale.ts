import { schemeBrBG, schemePuOr } from 'd3';
import type { ColourScale } from './colour-scale.ts';
import { NO_DATA_COLOUR } from './colour-scale.ts';
import type { Polarity } from '../data/types.ts';

const CLASSES = 5;

/**
 * Five classes symmetric about zero, so "no change" is always the pale middle and both directions are equally
 * strong. Diverging ColorBrewer schemes (readable with colour-blindness): purple means a change for the worse,
 * as darker purple means worse on the other maps; neutral measures use brown–teal.
 */
export function changeScale(values: (number | null)[], polarity: Polarity, what: string): ColourScale {
	const present = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
	const reach = Math.max(...present.map(Math.abs), 0) || 1;
	const breaks = [-0.6, -0.2, 0.2, 0.6].map((f) => f * reach);
	const base = [...(polarity === 'neutral' ? schemeBrBG : schemePuOr)[CLASSES]];
	// d3's PuOr runs purple → orange; reversed, a rise is purple, which is worse unless higher is better.
	const colours = polarity === 'higher_is_worse' ? base.reverse() : base;
	const classOf = (value: number | null) => {
		if (value === null || !Number.isFinite(value) || !present.length) return null;
		const index = breaks.findIndex((b) => value <= b);
		return index === -1 ? CLASSES - 1 : index;
	};
	const darkerMeans =
		polarity === 'neutral'
			? `Teal means the ${what} rose, brown that it fell; pale means little change.`
			: polarity === 'higher_is_worse'
				? `Purple means the ${what} rose (worse), orange that it fell (better); pale means little change.`
				: `Purple means the ${what} fell (worse), orange that it rose (better); pale means little change.`;
	return {
		breaks,
		colours,
		// The legend reads its ranges from min/max: the symmetric reach, not the extremes.
		min: -reach,
		max: reach,
		classOf,
		colourOf: (value) => {
			const c = classOf(value);
			return c === null ? NO_DATA_COLOUR : colours[c];
		},
		darkerMeans
	};
}
