import type { Bildungsphase } from './types';

/** The phases of the Bildungskette in order, with German labels and age groups. */
export const BILDUNGSPHASEN: ReadonlyArray<{ id: Bildungsphase; label: string; ages?: string }> = [
	{ id: 'fruehe', label: 'Frühe Bildung', ages: '0–3 Jahre' },
	{ id: 'elementar', label: 'Elementarbereich', ages: '3–6 Jahre' },
	{ id: 'primar', label: 'Primarbereich', ages: '6–10 Jahre' },
	{ id: 'sek1', label: 'Sekundarstufe I', ages: '10–16 Jahre' },
	{ id: 'sek2', label: 'Sekundarstufe II / Übergang Schule–Beruf', ages: '16–21 Jahre' },
	{ id: 'kontext', label: 'Kontext' }
];

export const PHASE_IDS: ReadonlySet<string> = new Set(BILDUNGSPHASEN.map((p) => p.id));

/** German label of a phase: `phaseLabel('sek1')` -> "Sekundarstufe I". */
export function phaseLabel(id: Bildungsphase): string {
	const phase = BILDUNGSPHASEN.find((p) => p.id === id);
	if (!phase) throw new Error(`Unbekannte Bildungsphase: ${id}`);
	return phase.label;
}
