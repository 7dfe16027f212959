import type { Bildungsphase, Lernort } from './types';

/**
 * The Lernorte that pass a type and phase filter; an empty list means "no restriction".
 * A Lernort passes when its type is selected and it serves at least one selected phase.
 * `filterLernorte(all, ['kita'], [])` -> all Kitas
 */
export function filterLernorte(
	lernorte: readonly Lernort[],
	types: readonly string[],
	phases: readonly Bildungsphase[]
): Lernort[] {
	const typeSet = new Set(types);
	const phaseSet = new Set(phases);
	return lernorte.filter(
		(l) =>
			(typeSet.size === 0 || typeSet.has(l.type)) &&
			(phaseSet.size === 0 || l.phases.some((p) => phaseSet.has(p)))
	);
}

/** Number of Lernorte per type id: `countByType(all).get('kita')` -> 312 */
export function countByType(lernorte: readonly Lernort[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const l of lernorte) counts.set(l.type, (counts.get(l.type) ?? 0) + 1);
	return counts;
}
