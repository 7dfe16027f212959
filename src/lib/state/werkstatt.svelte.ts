import { mergeAnnotations, sortAnnotations, type Annotation } from '../domain/annotations';
import type { AgendaStep } from '../domain/agenda';
import type { WerkstattStore } from '../data/werkstattStore';

/**
 * The notes and the agenda of a Werkstatt on screen, kept in step with the store: every change
 * is shown at once and written at once; a failed write is reported in German (`error`) and the
 * screen keeps the change, so nothing typed is lost before it can be exported.
 */
export class WerkstattNotes {
	#store: WerkstattStore | null = null;
	annotations = $state.raw<Annotation[]>([]);
	agenda = $state.raw<AgendaStep[]>([]);
	/** 'loading' until the store has answered. */
	status = $state<'loading' | 'ready'>('loading');
	warning = $state<string | null>(null);
	error = $state<string | null>(null);

	/** Takes the store and what it holds; call once. */
	async open(store: Promise<WerkstattStore>): Promise<void> {
		const s = await store;
		this.#store = s;
		this.warning = s.warning;
		try {
			const data = await s.load();
			this.annotations = sortAnnotations(data.annotations);
			this.agenda = data.agenda;
		} catch (err) {
			this.error = `Die gespeicherten Notizen konnten nicht gelesen werden (${String(err)}).`;
		}
		this.status = 'ready';
	}

	/** Adds or replaces notes by id. */
	put(list: readonly Annotation[]): Promise<void> {
		// A local lookup, not state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const ids = new Set(list.map((a) => a.id));
		this.annotations = sortAnnotations([...this.annotations.filter((a) => !ids.has(a.id)), ...list]);
		return this.#write((s) => s.putAnnotations(list));
	}

	/** Adds imported notes without losing existing ones; returns how many were new or newer. */
	async merge(list: readonly Annotation[]): Promise<number> {
		// A local lookup, not state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const before = new Map(this.annotations.map((a) => [a.id, a.updated]));
		const merged = mergeAnnotations(this.annotations, list);
		const changed = merged.filter((a) => before.get(a.id) !== a.updated);
		this.annotations = merged;
		await this.#write((s) => s.putAnnotations(changed));
		return changed.length;
	}

	remove(id: string): Promise<void> {
		this.annotations = this.annotations.filter((a) => a.id !== id);
		return this.#write((s) => s.deleteAnnotation(id));
	}

	clear(): Promise<void> {
		this.annotations = [];
		return this.#write((s) => s.clearAnnotations());
	}

	setAgenda(steps: AgendaStep[]): Promise<void> {
		this.agenda = steps;
		return this.#write((s) => s.saveAgenda(steps));
	}

	async #write(work: (s: WerkstattStore) => Promise<void>): Promise<void> {
		if (!this.#store) return;
		try {
			await work(this.#store);
			this.error = null;
		} catch (err) {
			this.error =
				`Die letzte Änderung konnte nicht im Browser gespeichert werden (${String(err)}). ` +
				'Sie bleibt sichtbar; bitte die Notizen exportieren.';
		}
	}
}
