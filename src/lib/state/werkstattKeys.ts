/**
 * Keys that step through the agenda: arrows and, for presenter remotes (which send them),
 * PageUp/PageDown. Not while typing in a field, not with modifiers (browser shortcuts), and
 * on the map only the page keys: there the arrows pan.
 */
export interface StepKey {
	key: string;
	altKey: boolean;
	ctrlKey: boolean;
	metaKey: boolean;
	shiftKey: boolean;
	/** The event's target is a text field, a select, a contenteditable or inside an open dialog. */
	inField: boolean;
	/** The event's target is the map (its canvas or controls). */
	onMap: boolean;
}

/**
 * −1 (back), +1 (forward) or 0 (not a step key here).
 * `stepDelta({ key: 'PageDown', …noModifiers, inField: false, onMap: true })` -> 1
 */
export function stepDelta(e: StepKey): -1 | 0 | 1 {
	if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.inField) return 0;
	if (e.key === 'PageDown') return 1;
	if (e.key === 'PageUp') return -1;
	if (e.onMap) return 0;
	if (e.key === 'ArrowRight') return 1;
	if (e.key === 'ArrowLeft') return -1;
	return 0;
}
