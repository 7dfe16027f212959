/**
 * The agenda of a Bildungswerkstatt: saved views in the order they are shown. A step is a
 * title and the dashboard's query string of the view (what `serializeView` writes), so a step
 * shows exactly what the dashboard would. Every function returns a new agenda and leaves its
 * input untouched; unknown ids leave the agenda as it is.
 */
import { oneLine } from './quoteText';

export interface AgendaStep {
	id: string;
	title: string;
	/** The dashboard's query without `?`, e.g. "indikator=sgb2_u15&jahr=2023". */
	query: string;
}

export type Agenda = readonly AgendaStep[];

/** Titles are short: what fits in the agenda bar. */
export const MAX_TITLE_LENGTH = 80;
/** More steps than a workshop can show. */
export const MAX_STEPS = 50;

/**
 * A title as stored: blanks and control characters collapsed, cut to MAX_TITLE_LENGTH;
 * empty -> `fallback`. `cleanTitle('  Kitas\n2024 ', 'Schritt 1')` -> 'Kitas 2024'
 */
export function cleanTitle(raw: string, fallback: string): string {
	return oneLine(raw, MAX_TITLE_LENGTH) || fallback;
}

/**
 * Inserts a step at `index` (default: the end); a full agenda or a taken id stays as it is.
 * `addStep([a], b)` -> [a, b]; `addStep([a], b, 0)` -> [b, a]
 */
export function addStep(agenda: Agenda, step: AgendaStep, index: number = agenda.length): AgendaStep[] {
	if (agenda.length >= MAX_STEPS || agenda.some((s) => s.id === step.id)) return [...agenda];
	const at = Math.max(0, Math.min(agenda.length, Math.trunc(index)));
	const title = cleanTitle(step.title, `Schritt ${at + 1}`);
	return [...agenda.slice(0, at), { ...step, title }, ...agenda.slice(at)];
}

/**
 * Gives a step a new title (cleaned; empty keeps the old one).
 * `renameStep([a], a.id, 'Kitas')` -> [{ ...a, title: 'Kitas' }]
 */
export function renameStep(agenda: Agenda, id: string, title: string): AgendaStep[] {
	return agenda.map((s) => (s.id === id ? { ...s, title: cleanTitle(title, s.title) } : s));
}

/**
 * Moves a step by `delta` places (−1 earlier, +1 later), stopping at the ends.
 * `moveStep([a, b, c], c.id, -1)` -> [a, c, b]
 */
export function moveStep(agenda: Agenda, id: string, delta: number): AgendaStep[] {
	const from = agenda.findIndex((s) => s.id === id);
	if (from < 0) return [...agenda];
	const to = Math.max(0, Math.min(agenda.length - 1, from + Math.trunc(delta)));
	const out = [...agenda];
	const [step] = out.splice(from, 1);
	out.splice(to, 0, step!);
	return out;
}

/** Removes a step. `removeStep([a, b], a.id)` -> [b] */
export function removeStep(agenda: Agenda, id: string): AgendaStep[] {
	return agenda.filter((s) => s.id !== id);
}

/**
 * The step to show after the agenda changed, 1-based: the same step if it is still there,
 * else the one now at its place, else the last; 0 for an empty agenda.
 * `stepAfterChange([a, b, c], [a, c], 2, b.id)` -> 2 (c moved up)
 */
export function stepAfterChange(before: Agenda, after: Agenda, current: number, currentId?: string): number {
	if (after.length === 0) return 0;
	const id = currentId ?? before[current - 1]?.id;
	const kept = after.findIndex((s) => s.id === id);
	if (kept >= 0) return kept + 1;
	return Math.max(1, Math.min(after.length, current));
}
