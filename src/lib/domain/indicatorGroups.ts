import type { Bildungsphase, IndicatorMeta } from './types';

export interface IndicatorGroup {
	phase: { id: Bildungsphase; label: string; ages?: string };
	indicators: IndicatorMeta[];
}

/** Lower case without diacritics or ß, for forgiving search: `fold('Übergänge')` -> 'ubergange'. */
export function fold(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').toLowerCase();
}

/**
 * Indicators grouped by their first Bildungsphase, in the order of `phases`, filtered by a
 * search over title, definition and id (every word must match). Empty groups are left out.
 * `groupIndicators(inds, BILDUNGSPHASEN, 'sprach')` -> [{ phase: elementar, indicators: [sprachfoerderbedarf_esu] }]
 */
export function groupIndicators(
	indicators: readonly IndicatorMeta[],
	phases: ReadonlyArray<{ id: Bildungsphase; label: string; ages?: string }>,
	query = ''
): IndicatorGroup[] {
	const words = fold(query).split(/\s+/).filter(Boolean);
	const matches = (ind: IndicatorMeta) => {
		if (words.length === 0) return true;
		const haystack = fold(`${ind.title} ${ind.definition} ${ind.id}`);
		return words.every((w) => haystack.includes(w));
	};
	return phases
		.map((phase) => ({
			phase,
			indicators: indicators.filter((ind) => ind.phases[0] === phase.id && matches(ind))
		}))
		.filter((g) => g.indicators.length > 0);
}
