import { describe, expect, it, vi } from 'vitest';
import { CATALOG, VALUES } from '$lib/domain/fixtures.test-helpers';
import { DataError, loadCityData, loadLernorte, loadSettlement } from './load';

const TOPOLOGY = {
	type: 'Topology',
	arcs: [],
	objects: {
		stadtteil: { type: 'GeometryCollection', geometries: [] },
		stadtbezirk: { type: 'GeometryCollection', geometries: [] }
	}
};
const catalog = { ...CATALOG, indicators: CATALOG.indicators.map((i) => ({ ...i, years: [2024] })) };

function fakeFetch(files: Record<string, Response | Error>): typeof fetch {
	return (async (url: string | URL | Request) => {
		const name = String(url).split('/').pop()!;
		const answer = files[name];
		if (answer instanceof Error) throw answer;
		return answer ?? new Response('not found', { status: 404 });
	}) as typeof fetch;
}

const json = (data: unknown) => new Response(JSON.stringify(data), { status: 200 });
const good = () => ({
	'catalog.json': json(catalog),
	'areas.topo.json': json(TOPOLOGY),
	'values.json': json(VALUES),
	'lernorte.json': json({ lernorte: [] })
});

describe('loadCityData', () => {
	vi.spyOn(console, 'error').mockImplementation(() => undefined);

	it('loads and validates the three files the map needs', async () => {
		const seen: string[] = [];
		const files = good();
		const fetchFn = (async (url: string) => {
			seen.push(url);
			return fakeFetch(files)(url);
		}) as unknown as typeof fetch;
		const data = await loadCityData(fetchFn, '', 'testdorf');
		expect(data.catalog.city.name).toBe('Testdorf');
		expect(Object.keys(data).sort()).toEqual(['catalog', 'topology', 'values']);
		// The Lernorte are not in the map's way.
		expect(seen.sort()).toEqual([
			'/data/testdorf/areas.topo.json',
			'/data/testdorf/catalog.json',
			'/data/testdorf/values.json'
		]);
	});

	it.each<[string, Record<string, Response | Error>, RegExp]>([
		[
			'a missing file',
			{ ...good(), 'values.json': new Response('', { status: 404 }) },
			/values\.json: antwortete mit HTTP 404/
		],
		[
			'a network failure',
			{ ...good(), 'catalog.json': new TypeError('Failed to fetch') },
			/catalog\.json: konnte nicht geladen werden \(Failed to fetch\)/
		],
		[
			'broken JSON',
			{ ...good(), 'values.json': new Response('{"units": [', { status: 200 }) },
			/values\.json: ist kein gültiges JSON/
		],
		[
			'a wrong shape',
			{ ...good(), 'areas.topo.json': json({ type: 'FeatureCollection' }) },
			/areas\.topo\.json: hat nicht die erwartete Form: keine TopoJSON/
		]
	])('names the file on %s', async (_name, files, message) => {
		const error = await loadCityData(fakeFetch(files), '', 'testdorf').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(DataError);
		expect((error as DataError).message).toMatch(message);
		expect((error as DataError).hint.length).toBeGreaterThan(10);
	});

	it('keeps the city id out of the path structure', async () => {
		const seen: string[] = [];
		const fetchFn = (async (url: string) => {
			seen.push(url);
			return new Response('', { status: 404 });
		}) as unknown as typeof fetch;
		await loadCityData(fetchFn, '/base', '../etc').catch(() => undefined);
		expect(seen.every((u) => u.startsWith('/base/data/..%2Fetc/'))).toBe(true);
	});
});

describe('loadLernorte', () => {
	vi.spyOn(console, 'error').mockImplementation(() => undefined);
	const lernort = { id: 'kita-1', type: 'kita', lon: 9.1, lat: 48.7 };

	it('loads and validates the Lernorte', async () => {
		const state = await loadLernorte(
			fakeFetch({ 'lernorte.json': json({ lernorte: [lernort] }) }),
			'',
			'testdorf'
		);
		expect(state).toEqual({ status: 'ok', lernorte: [lernort] });
	});

	it.each<[string, Response | Error, RegExp]>([
		['a missing file', new Response('', { status: 404 }), /lernorte\.json: antwortete mit HTTP 404/],
		['a network failure', new TypeError('Failed to fetch'), /lernorte\.json: konnte nicht geladen werden/],
		[
			'broken JSON',
			new Response('{"lernorte": [', { status: 200 }),
			/lernorte\.json: ist kein gültiges JSON/
		],
		[
			'a wrong shape',
			json({ lernorte: [{ ...lernort, lat: 148.7 }] }),
			/lernorte\.json: hat nicht die erwartete Form: lernorte\[0\] \(kita-1\): ungültige Koordinaten/
		]
	])(
		'turns %s into an error state that names the file, without rejecting',
		async (_name, answer, message) => {
			const state = await loadLernorte(fakeFetch({ 'lernorte.json': answer }), '/base', 'testdorf');
			expect(state.status).toBe('error');
			if (state.status !== 'error') return;
			expect(state.message).toMatch(message);
			expect(state.message).toContain('/base/data/testdorf/lernorte.json');
			expect(state.hint.length).toBeGreaterThan(10);
		}
	);
});

describe('loadSettlement', () => {
	vi.spyOn(console, 'error').mockImplementation(() => undefined);
	const topology = {
		type: 'Topology',
		arcs: [],
		objects: { siedlung: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [] }] } }
	};

	it('loads and checks the layer from the city folder', async () => {
		const seen: string[] = [];
		const fetchFn = (async (url: string) => {
			seen.push(url);
			return fakeFetch({ 'siedlungsflaechen.topo.json': json(topology) })(url);
		}) as unknown as typeof fetch;
		expect(await loadSettlement(fetchFn, '/base', 'testdorf')).toEqual({ status: 'ok', topology });
		expect(seen).toEqual(['/base/data/testdorf/siedlungsflaechen.topo.json']);
	});

	it.each<[string, Response | Error, RegExp]>([
		[
			'a missing file',
			new Response('', { status: 404 }),
			/siedlungsflaechen\.topo\.json: antwortete mit HTTP 404/
		],
		[
			'a network failure',
			new TypeError('Failed to fetch'),
			/konnte nicht geladen werden \(Failed to fetch\)/
		],
		['broken JSON', new Response('{"type": "Topo', { status: 200 }), /ist kein gültiges JSON/],
		[
			'the areas instead of the layer',
			json({ ...topology, objects: { stadtteil: topology.objects.siedlung } }),
			/hat nicht die erwartete Form: Objekt „siedlung“ fehlt/
		]
	])(
		'turns %s into an error state that names the file, without rejecting',
		async (_name, answer, message) => {
			const state = await loadSettlement(
				fakeFetch({ 'siedlungsflaechen.topo.json': answer }),
				'',
				'testdorf'
			);
			expect(state.status).toBe('error');
			if (state.status !== 'error') return;
			expect(state.message).toMatch(message);
			expect(state.message).toContain('/data/testdorf/siedlungsflaechen.topo.json');
			expect(state.hint.length).toBeGreaterThan(10);
		}
	);
});
