import { ANNOTATION_CATEGORIES, type Annotation } from '../domain/annotations';
import { MAX_STEPS, type AgendaStep } from '../domain/agenda';

/**
 * Where a Bildungswerkstatt keeps its notes and agenda: IndexedDB in the browser, one database
 * per city with the object stores `annotations` (by id) and `agenda` (steps with their place).
 * Every change is written at once, in its own transaction, so a reload, a crash or a closed lid
 * loses nothing. Where IndexedDB is unavailable (some private modes, locked-down browsers) the
 * notes live in memory and `warning` says so in German.
 */

export interface WerkstattData {
	annotations: Annotation[];
	agenda: AgendaStep[];
}

export interface WerkstattStore {
	/** False for the memory fallback. */
	readonly persistent: boolean;
	/** A German sentence for the page when the notes are not kept; null when they are. */
	readonly warning: string | null;
	load(): Promise<WerkstattData>;
	putAnnotations(list: readonly Annotation[]): Promise<void>;
	deleteAnnotation(id: string): Promise<void>;
	clearAnnotations(): Promise<void>;
	/** Replaces the stored agenda with `steps`, in their order. */
	saveAgenda(steps: readonly AgendaStep[]): Promise<void>;
}

export const DB_VERSION = 1;
const ANNOTATIONS = 'annotations';
const AGENDA = 'agenda';

/** Shown when the browser keeps nothing. */
export const MEMORY_WARNING =
	'Dieser Browser erlaubt hier keine dauerhafte Speicherung (etwa im privaten Modus). ' +
	'Notizen und Agenda gehen beim Schließen oder Neuladen der Seite verloren – bitte zwischendurch exportieren.';

/**
 * The database of a city: `werkstattDbName('stuttgart')` -> 'bildungslandkarte-werkstatt-stuttgart'
 */
export function werkstattDbName(cityId: string): string {
	return `bildungslandkarte-werkstatt-${cityId}`;
}

/**
 * Whether a stored value is a usable note (records written by an older or broken page are
 * skipped rather than breaking the page). `isAnnotation({ id: 'x' })` -> false
 */
export function isAnnotation(v: unknown): v is Annotation {
	if (typeof v !== 'object' || v === null) return false;
	const a = v as Record<string, unknown>;
	const base =
		typeof a.id === 'string' &&
		a.id !== '' &&
		typeof a.text === 'string' &&
		typeof a.created === 'string' &&
		typeof a.updated === 'string' &&
		(ANNOTATION_CATEGORIES as readonly unknown[]).includes(a.category);
	if (!base) return false;
	if (a.kind === 'point')
		return typeof a.lon === 'number' && typeof a.lat === 'number' && Number.isFinite(a.lon + a.lat);
	if (a.kind === 'area')
		return (
			(a.level === 'stadtteil' || a.level === 'stadtbezirk') && typeof a.key === 'string' && a.key !== ''
		);
	return false;
}

/** A stored agenda row: the step and its place. */
export interface StoredStep extends AgendaStep {
	position: number;
}

/**
 * The agenda from stored rows: usable rows ordered by `position`, at most MAX_STEPS.
 * `agendaFromRows([{ id: 'b', position: 1, … }, { id: 'a', position: 0, … }])` -> [a, b]
 */
export function agendaFromRows(rows: readonly unknown[]): AgendaStep[] {
	return rows
		.filter(
			(r): r is StoredStep =>
				typeof r === 'object' &&
				r !== null &&
				typeof (r as StoredStep).id === 'string' &&
				typeof (r as StoredStep).title === 'string' &&
				typeof (r as StoredStep).query === 'string' &&
				typeof (r as StoredStep).position === 'number'
		)
		.sort((a, b) => a.position - b.position)
		.slice(0, MAX_STEPS)
		.map(({ id, title, query }) => ({ id, title, query }));
}

/** Rows for the agenda store: `agendaRows([a, b])` -> [{ ...a, position: 0 }, { ...b, position: 1 }] */
export function agendaRows(steps: readonly AgendaStep[]): StoredStep[] {
	return steps.map((s, position) => ({ id: s.id, title: s.title, query: s.query, position }));
}

/** A store that keeps everything in memory, with `warning` shown on the page. */
export function memoryStore(warning: string | null = MEMORY_WARNING): WerkstattStore {
	const annotations = new Map<string, Annotation>();
	let agenda: AgendaStep[] = [];
	return {
		persistent: false,
		warning,
		load: async () => ({ annotations: [...annotations.values()], agenda: [...agenda] }),
		putAnnotations: async (list) => {
			for (const a of list) annotations.set(a.id, { ...a });
		},
		deleteAnnotation: async (id) => void annotations.delete(id),
		clearAnnotations: async () => annotations.clear(),
		saveAgenda: async (steps) => void (agenda = steps.map((s) => ({ ...s })))
	};
}

/**
 * Opens the city's database, or falls back to memory (with `warning`) when IndexedDB is
 * missing or refuses to open. `openWerkstattStore('stuttgart')` -> a store whose data survives a reload.
 */
export async function openWerkstattStore(
	cityId: string,
	factory: IDBFactory | undefined = globalThis.indexedDB
): Promise<WerkstattStore> {
	if (!factory) return memoryStore();
	let db: IDBDatabase;
	try {
		db = await openDb(factory, werkstattDbName(cityId));
	} catch (err) {
		console.warn('IndexedDB nicht verfügbar:', err);
		return memoryStore();
	}
	return idbStore(db);
}

function openDb(factory: IDBFactory, name: string): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = factory.open(name, DB_VERSION);
		request.onupgradeneeded = () => {
			const db = request.result;
			if (!db.objectStoreNames.contains(ANNOTATIONS)) db.createObjectStore(ANNOTATIONS, { keyPath: 'id' });
			if (!db.objectStoreNames.contains(AGENDA)) db.createObjectStore(AGENDA, { keyPath: 'id' });
		};
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
		request.onblocked = () => reject(new Error('IndexedDB open blocked by another tab'));
	});
}

/** Runs `work` in one transaction and resolves once it is committed (durable), rejects on abort. */
function write(db: IDBDatabase, store: string, work: (s: IDBObjectStore) => void): Promise<void> {
	return new Promise((resolve, reject) => {
		const tx = db.transaction(store, 'readwrite');
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
		tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
		work(tx.objectStore(store));
	});
}

function readAll(db: IDBDatabase, store: string): Promise<unknown[]> {
	return new Promise((resolve, reject) => {
		const request = db.transaction(store, 'readonly').objectStore(store).getAll();
		request.onsuccess = () => resolve(request.result as unknown[]);
		request.onerror = () => reject(request.error ?? new Error('IndexedDB read failed'));
	});
}

function idbStore(db: IDBDatabase): WerkstattStore {
	return {
		persistent: true,
		warning: null,
		load: async () => {
			const [annotations, agenda] = await Promise.all([readAll(db, ANNOTATIONS), readAll(db, AGENDA)]);
			return { annotations: annotations.filter(isAnnotation), agenda: agendaFromRows(agenda) };
		},
		putAnnotations: (list) =>
			write(db, ANNOTATIONS, (s) => {
				// Plain copies: $state proxies cannot be cloned into the database.
				for (const a of list) s.put({ ...a });
			}),
		deleteAnnotation: (id) => write(db, ANNOTATIONS, (s) => void s.delete(id)),
		clearAnnotations: () => write(db, ANNOTATIONS, (s) => void s.clear()),
		saveAgenda: (steps) =>
			write(db, AGENDA, (s) => {
				s.clear();
				for (const row of agendaRows(steps)) s.put(row);
			})
	};
}
