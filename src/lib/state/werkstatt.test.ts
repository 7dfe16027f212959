import { describe, expect, it } from 'vitest';
import { WerkstattNotes, type NotesChannel } from './werkstatt.svelte';
import { memoryStore, type WerkstattStore } from '../data/werkstattStore';
import type { Annotation } from '../domain/annotations';

const T = (m: number) => `2026-03-12T09:${String(m).padStart(2, '0')}:00.000Z`;
const pin = (id: string, m: number, text = ''): Annotation => ({
	id,
	kind: 'point',
	category: 'idee',
	text,
	lon: 9.18,
	lat: 48.78,
	created: T(m),
	updated: T(m)
});

async function opened(store: WerkstattStore = memoryStore()) {
	const notes = new WerkstattNotes();
	await notes.open(Promise.resolve(store));
	return { notes, store };
}

describe('WerkstattNotes', () => {
	it('loads what the store holds, sorted, and passes on its warning', async () => {
		const store = memoryStore();
		await store.putAnnotations([pin('b', 20), pin('a', 10)]);
		await store.saveAgenda([{ id: 's', title: 'S', query: '' }]);
		const { notes } = await opened(store);
		expect(notes.status).toBe('ready');
		expect(notes.annotations.map((a) => a.id)).toEqual(['a', 'b']);
		expect(notes.agenda).toEqual([{ id: 's', title: 'S', query: '' }]);
		expect(notes.warning).toContain('privaten Modus');
	});

	it('writes every change to the store at once', async () => {
		const { notes, store } = await opened();
		await notes.put([pin('a', 10, 'eins')]);
		await notes.put([pin('a', 10, 'zwei'), pin('b', 20)]);
		expect((await store.load()).annotations.map((a) => a.text)).toEqual(['zwei', '']);
		await notes.remove('b');
		expect((await store.load()).annotations.map((a) => a.id)).toEqual(['a']);
		await notes.setAgenda([{ id: 's', title: 'S', query: 'jahr=2023' }]);
		expect((await store.load()).agenda).toHaveLength(1);
		await notes.clear();
		expect((await store.load()).annotations).toEqual([]);
		expect(notes.annotations).toEqual([]);
	});

	it('an import keeps existing notes and counts the new and newer ones', async () => {
		const { notes, store } = await opened();
		await notes.put([pin('a', 10, 'alt'), pin('b', 20)]);
		const added = await notes.merge([{ ...pin('a', 10, 'neu'), updated: T(30) }, pin('b', 20), pin('c', 40)]);
		expect(added).toBe(2);
		expect(notes.annotations.map((a) => [a.id, a.text])).toEqual([
			['a', 'neu'],
			['b', ''],
			['c', '']
		]);
		expect((await store.load()).annotations).toHaveLength(3);
	});

	it('a note from its form is stored new, and its edit replaces it', async () => {
		const { notes, store } = await opened();
		const first = await notes.save(
			{ id: null, kind: 'area', level: 'stadtteil', key: '111', category: 'frage', text: ' Wer? ' },
			T(10)
		);
		expect(notes.areaNote('stadtteil', '111')).toEqual(first);
		expect(notes.areaNote('stadtbezirk', '111')).toBeUndefined();
		const edited = await notes.save({ ...first, text: 'Wer hilft?' }, T(20));
		expect(edited).toMatchObject({ id: first.id, created: T(10), updated: T(20), text: 'Wer hilft?' });
		expect((await store.load()).annotations).toEqual([edited]);
	});

	it('a failed write keeps the change on screen and says so in German', async () => {
		const failing: WerkstattStore = {
			...memoryStore(null),
			putAnnotations: () => Promise.reject(new Error('QuotaExceededError'))
		};
		const { notes } = await opened(failing);
		await notes.put([pin('a', 10, 'bleibt')]);
		expect(notes.annotations.map((a) => a.text)).toEqual(['bleibt']);
		expect(notes.error).toContain('konnte nicht im Browser gespeichert werden');
		expect(notes.error).toContain('QuotaExceededError');
	});

	describe('two tabs of the same city', () => {
		/** Channels of one name, like BroadcastChannel: a message reaches every other end, later. */
		function channels() {
			const ends: Array<NotesChannel & { closed: boolean; sent: unknown[] }> = [];
			const make = () => {
				const end = {
					onmessage: null as ((e: MessageEvent) => void) | null,
					closed: false,
					sent: [] as unknown[],
					postMessage(message: unknown) {
						end.sent.push(message);
						for (const other of ends)
							if (other !== end && !other.closed)
								setTimeout(() => other.onmessage?.({ data: message } as MessageEvent));
					},
					close() {
						end.closed = true;
					}
				};
				ends.push(end);
				return end;
			};
			return { make };
		}
		const settle = () => new Promise((r) => setTimeout(r, 5));

		async function twoTabs() {
			const shared: WerkstattStore = { ...memoryStore(null), persistent: true };
			const { make } = channels();
			const a = new WerkstattNotes();
			const b = new WerkstattNotes();
			const [ca, cb] = [make(), make()];
			await a.open(Promise.resolve(shared), ca);
			await b.open(Promise.resolve(shared), cb);
			return { a, b, ca, cb, shared };
		}

		it('notes taken in both tabs at once all survive, and each tab shows all of them', async () => {
			const { a, b, shared } = await twoTabs();
			await Promise.all([a.put([pin('a', 10, 'aus Tab A')]), b.put([pin('b', 20, 'aus Tab B')])]);
			await settle();
			const texts = ['aus Tab A', 'aus Tab B'];
			expect((await shared.load()).annotations.map((n) => n.text).sort()).toEqual(texts);
			expect(a.annotations.map((n) => n.text)).toEqual(texts);
			expect(b.annotations.map((n) => n.text)).toEqual(texts);
			await b.remove('a');
			await settle();
			expect(a.annotations.map((n) => n.id)).toEqual(['b']);
		});

		it('the agenda of the last change wins, and the other tab shows it', async () => {
			const { a, b } = await twoTabs();
			await a.setAgenda([{ id: '1', title: 'Erster', query: '' }]);
			await settle();
			expect(b.agenda.map((s) => s.title)).toEqual(['Erster']);
			await b.setAgenda([...b.agenda, { id: '2', title: 'Zweiter', query: 'jahr=2023' }]);
			await settle();
			expect(a.agenda.map((s) => s.title)).toEqual(['Erster', 'Zweiter']);
		});

		it('a closed tab hears nothing more; notes in memory are not shared', async () => {
			const { a, b } = await twoTabs();
			b.close();
			await a.put([pin('a', 10)]);
			await settle();
			expect(b.annotations).toEqual([]);

			const { make } = channels();
			const channel = make();
			const memory = new WerkstattNotes();
			await memory.open(Promise.resolve(memoryStore()), channel);
			await memory.put([pin('x', 5)]);
			expect(channel.closed).toBe(true);
			expect(channel.sent).toEqual([]);
			expect(channel.onmessage).toBeNull();
		});

		it('a tab closed while its store opens leaves no channel open', async () => {
			const { make } = channels();
			const channel = make();
			const notes = new WerkstattNotes();
			let resolve!: (s: WerkstattStore) => void;
			const opening = notes.open(new Promise((r) => (resolve = r)), channel);
			notes.close();
			resolve({ ...memoryStore(null), persistent: true });
			await opening;
			expect(channel.closed).toBe(true);
			expect(channel.onmessage).toBeNull();
		});

		it('a read that started before a local change does not hide it', async () => {
			const shared: WerkstattStore = { ...memoryStore(null), persistent: true };
			// Loads answer late when `slow`, with what was stored when they started.
			let slow = false;
			const store: WerkstattStore = {
				...shared,
				load: async () => {
					const data = await shared.load();
					if (slow) await new Promise((r) => setTimeout(r, 20));
					return data;
				}
			};
			const { make } = channels();
			const other = make();
			const reader = new WerkstattNotes();
			await reader.open(Promise.resolve(store), make());
			// Another tab writes and says so; while this tab reads, a note is taken here.
			slow = true;
			await shared.putAnnotations([pin('fremd', 1, 'anderer Tab')]);
			other.postMessage('geaendert');
			await new Promise((r) => setTimeout(r, 2));
			await reader.put([pin('eigen', 2, 'hier')]);
			slow = false;
			await new Promise((r) => setTimeout(r, 40));
			expect(reader.annotations.map((a) => a.text)).toEqual(['anderer Tab', 'hier']);
		});

		it('after a failed write the screen keeps its unsaved change when another tab writes', async () => {
			const shared: WerkstattStore = { ...memoryStore(null), persistent: true };
			const { make } = channels();
			const failing = new WerkstattNotes();
			await failing.open(
				Promise.resolve({ ...shared, putAnnotations: () => Promise.reject(new Error('QuotaExceededError')) }),
				make()
			);
			const other = new WerkstattNotes();
			await other.open(Promise.resolve(shared), make());
			await failing.put([pin('a', 10, 'nicht gespeichert')]);
			await other.put([pin('b', 20, 'gespeichert')]);
			await settle();
			expect(failing.annotations.map((a) => a.text)).toEqual(['nicht gespeichert']);
			expect(failing.error).toContain('bitte die Notizen exportieren');
		});
	});
});
