import { describe, expect, it, vi } from 'vitest';
import {
	agendaFromRows,
	agendaRows,
	isAnnotation,
	memoryStore,
	MEMORY_WARNING,
	openWerkstattStore,
	werkstattDbName
} from './werkstattStore';
import type { Annotation } from '../domain/annotations';

const PIN: Annotation = {
	id: 'p1',
	kind: 'point',
	category: 'idee',
	text: 'Bank',
	lon: 9.18,
	lat: 48.78,
	created: '2026-03-12T09:30:00.000Z',
	updated: '2026-03-12T09:30:00.000Z'
};
const AREA: Annotation = { ...PIN, id: 'a1', kind: 'area', level: 'stadtteil', key: '214' } as Annotation;

describe('werkstattStore (pure parts)', () => {
	it('names one database per city', () => {
		expect(werkstattDbName('stuttgart')).toBe('bildungslandkarte-werkstatt-stuttgart');
		expect(werkstattDbName('musterstadt')).not.toBe(werkstattDbName('stuttgart'));
	});

	it.each([
		[PIN, true],
		[AREA, true],
		[{ ...PIN, category: 'lob' }, false],
		[{ ...PIN, lon: Number.NaN }, false],
		[{ ...PIN, kind: 'linie' }, false],
		[{ ...AREA, level: 'kontinent' }, false],
		[{ ...PIN, id: '' }, false],
		[null, false],
		['p1', false]
	])('isAnnotation(%j) -> %s', (value, ok) => expect(isAnnotation(value)).toBe(ok));

	it('stores the agenda with places and reads it back in order, skipping broken rows', () => {
		const steps = [
			{ id: 'a', title: 'A', query: 'jahr=2023' },
			{ id: 'b', title: 'B', query: '' }
		];
		const rows = agendaRows(steps);
		expect(rows.map((r) => r.position)).toEqual([0, 1]);
		expect(agendaFromRows([rows[1], { id: 'x' }, rows[0], null])).toEqual(steps);
	});

	it('the memory store keeps notes and the agenda and warns', async () => {
		const store = memoryStore();
		expect(store.persistent).toBe(false);
		expect(store.warning).toBe(MEMORY_WARNING);
		await store.putAnnotations([PIN, AREA]);
		await store.deleteAnnotation('p1');
		await store.saveAgenda([{ id: 'a', title: 'A', query: '' }]);
		expect(await store.load()).toEqual({ annotations: [AREA], agenda: [{ id: 'a', title: 'A', query: '' }] });
		await store.clearAnnotations();
		expect((await store.load()).annotations).toEqual([]);
	});

	it('falls back to memory without IndexedDB', async () => {
		const store = await openWerkstattStore('stuttgart', undefined);
		expect(store.persistent).toBe(false);
		expect(store.warning).toContain('privaten Modus');
	});

	it('falls back to memory when IndexedDB refuses to open', async () => {
		const refusing = {
			open: () => {
				const request: Record<string, unknown> = { error: new Error('SecurityError') };
				queueMicrotask(() => (request.onerror as () => void)());
				return request;
			}
		} as unknown as IDBFactory;
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const store = await openWerkstattStore('stuttgart', refusing);
		expect(store.persistent).toBe(false);
		expect(warn).toHaveBeenCalledOnce();
		warn.mockRestore();
	});
});
