import type { ViewState } from './url';

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameRecord(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
	const keys = Object.keys(a);
	return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/**
 * The next view state, reusing the previous state's arrays and objects where their content
 * is unchanged, and the previous state itself when nothing changed. Reactive code can then
 * compare by identity: panning the map does not look like a new Lernort filter.
 * `shareState(prev, { ...prev, types: [...prev.types] }) === prev` -> true
 */
export function shareState(prev: ViewState | null, next: ViewState): ViewState {
	if (!prev) return next;
	const shared: ViewState = {
		...next,
		breaks: sameList(prev.breaks, next.breaks) ? prev.breaks : next.breaks,
		types: sameList(prev.types, next.types) ? prev.types : next.types,
		phases: sameList(prev.phases, next.phases) ? prev.phases : next.phases,
		needWeights: sameRecord(prev.needWeights, next.needWeights) ? prev.needWeights : next.needWeights,
		supportWeights: sameRecord(prev.supportWeights, next.supportWeights)
			? prev.supportWeights
			: next.supportWeights,
		view:
			prev.view && next.view && sameList(Object.values(prev.view), Object.values(next.view))
				? prev.view
				: next.view
	};
	const keys = Object.keys(shared) as Array<keyof ViewState>;
	return keys.every((k) => shared[k] === prev[k]) ? prev : shared;
}
