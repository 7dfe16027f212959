import {
	mergeAnnotations,
	noteFromDraft,
	sortAnnotations,
	type Annotation,
	type NoteDraft
} from '../domain/annotations';
import type { AgendaStep } from '../domain/agenda';
import type { WerkstattStore } from '../data/werkstattStore';

/** What the notes need of a BroadcastChannel (a fake in tests). */
export interface NotesChannel {
	postMessage(message: unknown): void;
	onmessage: ((event: MessageEvent) => void) | null;
	close(): void;
}

/** The message a tab sends after it has written: the others read the store again. */
const CHANGED = 'geaendert';

/**
 * The notes and the agenda of a Werkstatt on screen, kept in step with the store: every change
 * is shown at once and written at once; a failed write is reported in German (`error`) and the
 * screen keeps the change, so nothing typed is lost before it can be exported.
 *
 * Several tabs of the same city share the store. Notes are stored one by one, so notes taken in
 * two tabs at once all survive; the agenda is stored whole, and the last change wins. After each
 * write a tab tells the others (`channel`), which read the store again, so every tab shows what
 * is stored and the next change starts from it.
 */
export class WerkstattNotes {
	#store: WerkstattStore | null = null;
	#channel: NotesChannel | null = null;
	#closed = false;
	/** Local changes so far: a read that started before the last one is read again. */
	#changes = 0;
	/** The last write in flight; a read waits for it, so it sees this tab's own change. */
	#writing: Promise<void> = Promise.resolve();
	/** A write failed: the screen holds changes the store has not, and keeps them. */
	#unsaved = false;
	annotations = $state.raw<Annotation[]>([]);
	agenda = $state.raw<AgendaStep[]>([]);
	/** 'loading' until the store has answered. */
	status = $state<'loading' | 'ready'>('loading');
	warning = $state<string | null>(null);
	error = $state<string | null>(null);

	/**
	 * Takes the store and what it holds; call once. With a channel (to the other tabs of the
	 * same city), changes made there are shown here too.
	 */
	async open(store: Promise<WerkstattStore>, channel: NotesChannel | null = null): Promise<void> {
		const s = await store;
		// Closed while the store opened: nothing to listen to.
		if (this.#closed) return void channel?.close();
		this.#store = s;
		this.warning = s.warning;
		// Only a store in the browser is shared; notes in memory belong to this tab alone.
		if (s.persistent && channel) {
			this.#channel = channel;
			channel.onmessage = (e) => {
				if (e.data === CHANGED) void this.#read(s);
			};
		} else channel?.close();
		await this.#read(s);
		this.status = 'ready';
	}

	/** Stops listening to the other tabs (also when the store is still opening). */
	close(): void {
		this.#closed = true;
		this.#channel?.close();
		this.#channel = null;
	}

	/**
	 * Shows what the store holds. A local change made while reading is read again once it is
	 * written, so an answer from before it never hides it; after a failed write the screen keeps
	 * its unsaved changes (the page asks to export them).
	 */
	async #read(s: WerkstattStore): Promise<void> {
		for (;;) {
			if (this.#unsaved) return;
			const seen = this.#changes;
			await this.#writing;
			let data: Awaited<ReturnType<WerkstattStore['load']>>;
			try {
				data = await s.load();
			} catch (err) {
				this.error = `Die gespeicherten Notizen konnten nicht gelesen werden (${String(err)}).`;
				return;
			}
			if (seen !== this.#changes) continue;
			this.annotations = sortAnnotations(data.annotations);
			this.agenda = data.agenda;
			return;
		}
	}

	/** Adds or replaces notes by id. */
	put(list: readonly Annotation[]): Promise<void> {
		// A local lookup, not state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const ids = new Set(list.map((a) => a.id));
		this.annotations = sortAnnotations([...this.annotations.filter((a) => !ids.has(a.id)), ...list]);
		return this.#write((s) => s.putAnnotations(list));
	}

	/**
	 * Stores a note from its form at `now` (ISO 8601): a new one, or the change of the note with
	 * the draft's id. Resolves to the stored note once it is written.
	 */
	async save(draft: NoteDraft, now: string): Promise<Annotation> {
		const old = draft.id ? this.annotations.find((a) => a.id === draft.id) : undefined;
		const note = noteFromDraft(draft, old, now, () => crypto.randomUUID());
		await this.put([note]);
		return note;
	}

	/** The note that marks an area of a level, if there is one. */
	areaNote(level: string, key: string): Annotation | undefined {
		return this.annotations.find((a) => a.kind === 'area' && a.level === level && a.key === key);
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
		this.#changes++;
		let written: Promise<void>;
		try {
			written = work(this.#store);
		} catch (err) {
			written = Promise.reject(err instanceof Error ? err : new Error(String(err)));
		}
		this.#writing = written.catch(() => {});
		try {
			await written;
			this.error = null;
			this.#channel?.postMessage(CHANGED);
		} catch (err) {
			this.#unsaved = true;
			this.error =
				`Die letzte Änderung konnte nicht im Browser gespeichert werden (${String(err)}). ` +
				'Sie bleibt sichtbar; bitte die Notizen exportieren.';
		}
	}
}
