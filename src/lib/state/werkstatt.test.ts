import { describe, expect, it } from 'vitest';
import { WerkstattNotes } from './werkstatt.svelte';
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
});
