import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CATALOG, VALUES } from '$lib/domain/fixtures.test-helpers';
import { publicCatalog, publicValues } from '$lib/domain/publicData';
import { DataError } from './load';
import { cityHasPublicFiles, loadEmbedCity, loadPublicCity, loadPublicValues, publicDir } from './loadPublic';

const TOPOLOGY = {
	type: 'Topology',
	arcs: [],
	objects: {
		stadtteil: { type: 'GeometryCollection', geometries: [] },
		stadtbezirk: { type: 'GeometryCollection', geometries: [] }
	}
};
const CAT = publicCatalog({
	...CATALOG,
	indicators: CATALOG.indicators.map((i) => ({ ...i, years: [2024] }))
});
const META = CAT.indicators[0]!;

const json = (data: unknown) => new Response(JSON.stringify(data), { status: 200 });

/** A fetch that answers from a map of URLs and records what was asked. */
function fakeFetch(files: Record<string, () => Response>, seen: string[] = []): typeof fetch {
	return (async (url: string) => {
		seen.push(url);
		return files[url]?.() ?? new Response('not found', { status: 404 });
	}) as typeof fetch;
}

const GOOD = {
	'/data/testdorf/public/catalog.json': () => json(CAT),
	'/data/testdorf/public/areas.topo.json': () => json(TOPOLOGY),
	'/data/testdorf/public/values/quote.json': () => json(publicValues(VALUES, META, CAT.city.disclosure))
};

describe('public loaders', () => {
	// The loaders log what failed; the tests of failures keep the output quiet.
	beforeEach(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));
	afterEach(() => vi.restoreAllMocks());

	it('load only files under data/<city>/public/', async () => {
		const seen: string[] = [];
		const { catalog, topology } = await loadPublicCity(fakeFetch(GOOD, seen), '', 'testdorf');
		expect(catalog.indicators.map((i) => i.id)).toEqual(['quote', 'einwohner']);
		expect(topology.type).toBe('Topology');
		const values = await loadPublicValues(fakeFetch(GOOD, seen), '', 'testdorf', META);
		expect(Object.keys(values.indicators)).toEqual(['quote']);
		expect(seen.sort()).toEqual(Object.keys(GOOD).sort());
	});

	it('encodes the city in the path', () => {
		expect(publicDir('/base', 'a b')).toBe('/base/data/a%20b/public');
	});

	it.each([
		[
			'a missing file',
			{ ...GOOD, '/data/testdorf/public/catalog.json': () => new Response('', { status: 404 }) },
			/HTTP 404/
		],
		[
			'broken JSON',
			{ ...GOOD, '/data/testdorf/public/catalog.json': () => new Response('{', { status: 200 }) },
			/kein gültiges JSON/
		],
		[
			'an internal indicator in the catalog',
			{
				...GOOD,
				'/data/testdorf/public/catalog.json': () => json({ ...CAT, indicators: [{ ...META, public: false }] })
			},
			/nicht öffentlich/
		],
		[
			'a catalog without units',
			{ ...GOOD, '/data/testdorf/public/catalog.json': () => json({ ...CAT, units: undefined }) },
			/units/
		],
		[
			'a topology without levels',
			{
				...GOOD,
				'/data/testdorf/public/areas.topo.json': () => json({ type: 'Topology', arcs: [], objects: {} })
			},
			/stadtteil/
		]
	])('reject %s with a German message naming the file', async (_, files, message) => {
		const err = await loadPublicCity(fakeFetch(files), '', 'testdorf').catch((e: unknown) => e);
		expect(err).toBeInstanceOf(DataError);
		expect((err as DataError).message).toMatch(message);
		expect((err as DataError).message).toContain('/data/testdorf/public/');
	});

	it('reject values that do not fit the indicator', async () => {
		const files = {
			'/data/testdorf/public/values/quote.json': () => json({ units: VALUES.units, indicators: {} })
		};
		await expect(loadPublicValues(fakeFetch(files), '', 'testdorf', META)).rejects.toThrow(
			/quote: keine Werte für 2024/
		);
	});
});

describe('cityHasPublicFiles', () => {
	const entry = (id: string, extra: Record<string, unknown> = {}) => ({
		id,
		name: id,
		geometry: 'schematic',
		demo: true,
		built: '2024-12-31',
		...extra
	});
	const index = (body: () => Response) => fakeFetch({ '/data/index.json': body });

	const offline = (async () => {
		throw new TypeError('Failed to fetch');
	}) as unknown as typeof fetch;

	it.each([
		[
			'a city listed with public files',
			true,
			index(() => json({ cities: [entry('testdorf', { public: true })] }))
		],
		['a city listed without', false, index(() => json({ cities: [entry('testdorf', { public: false })] }))],
		[
			'a city the index does not list',
			false,
			index(() => json({ cities: [entry('anderswo', { public: true })] }))
		],
		['an index without the flag', null, index(() => json({ cities: [entry('testdorf')] }))],
		['a flag that is no boolean', null, index(() => json({ cities: [entry('testdorf', { public: 'ja' })] }))],
		['no index', null, index(() => new Response('', { status: 404 }))],
		['broken JSON', null, index(() => new Response('{', { status: 200 }))],
		['an index without a list', null, index(() => json({ staedte: [] }))],
		['an index that is null', null, index(() => json(null))],
		['a network error', null, offline]
	])('%s -> %s', async (_, expected, fetchFn) => {
		expect(await cityHasPublicFiles(fetchFn, '', 'testdorf')).toBe(expected);
	});

	it('reads the index under the base path and never logs', async () => {
		const seen: string[] = [];
		const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		error.mockClear();
		const fetchFn = fakeFetch({ '/base/data/index.json': () => json({ cities: [] }) }, seen);
		expect(await cityHasPublicFiles(fetchFn, '/base', 'testdorf')).toBe(false);
		expect(await cityHasPublicFiles(fakeFetch({}), '/base', 'testdorf')).toBe(null);
		expect(seen).toEqual(['/base/data/index.json']);
		expect(error).not.toHaveBeenCalled();
	});
});

describe('loadEmbedCity', () => {
	// The loaders log what failed; the tests of failures keep the output quiet.
	beforeEach(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));
	afterEach(() => vi.restoreAllMocks());

	/** The files of two cities: testdorf (the default) and nebenan, which both have public files. */
	const CITIES = {
		...GOOD,
		'/data/nebenan/public/catalog.json': () => json(CAT),
		'/data/nebenan/public/areas.topo.json': () => json(TOPOLOGY)
	};
	const withIndex = (cities: unknown[]) => ({ ...CITIES, '/data/index.json': () => json({ cities }) });
	const DEFAULT_FILES = ['/data/testdorf/public/areas.topo.json', '/data/testdorf/public/catalog.json'];
	const NEBENAN_FILES = ['/data/nebenan/public/areas.topo.json', '/data/nebenan/public/catalog.json'];

	it.each([
		['the default city, without asking the index', 'testdorf', CITIES, 'testdorf', false, DEFAULT_FILES],
		[
			'another city with public files',
			'nebenan',
			withIndex([{ id: 'nebenan', public: true }]),
			'nebenan',
			false,
			['/data/index.json', ...NEBENAN_FILES]
		],
		[
			'the default for a city without public files, without asking for them',
			'nebenan',
			withIndex([{ id: 'nebenan', public: false }]),
			'testdorf',
			true,
			['/data/index.json', ...DEFAULT_FILES]
		],
		[
			'the default for a city the index does not list, without asking for it',
			'gibt-es-nicht',
			withIndex([{ id: 'nebenan', public: true }]),
			'testdorf',
			true,
			['/data/index.json', ...DEFAULT_FILES]
		],
		[
			'another city when the index cannot tell',
			'nebenan',
			CITIES,
			'nebenan',
			false,
			['/data/index.json', ...NEBENAN_FILES]
		],
		[
			'the default when the index cannot tell and the city has no files',
			'gibt-es-nicht',
			withIndex([{ id: 'gibt-es-nicht' }]),
			'testdorf',
			true,
			[
				'/data/gibt-es-nicht/public/areas.topo.json',
				'/data/gibt-es-nicht/public/catalog.json',
				'/data/index.json',
				...DEFAULT_FILES
			]
		]
	])('loads %s', async (_, wanted, files, city, fellBack, requests) => {
		const seen: string[] = [];
		const loaded = await loadEmbedCity(fakeFetch(files, seen), '', wanted, 'testdorf');
		expect(loaded.city).toBe(city);
		expect(loaded.fellBack).toBe(fellBack);
		expect(loaded.catalog.indicators.map((i) => i.id)).toEqual(['quote', 'einwohner']);
		expect(loaded.topology.type).toBe('Topology');
		expect(seen.sort()).toEqual(requests.sort());
	});

	it.each([
		[
			'the default city is missing',
			'testdorf',
			{},
			/testdorf\/public\/catalog\.json: antwortete mit HTTP 404/
		],
		[
			'another city has broken files',
			'nebenan',
			{
				...withIndex([{ id: 'nebenan', public: true }]),
				'/data/nebenan/public/catalog.json': () => new Response('{')
			},
			/nebenan\/public\/catalog\.json: ist kein gültiges JSON/
		],
		[
			'the default city is missing after a fallback',
			'nebenan',
			{ '/data/index.json': () => json({ cities: [{ id: 'nebenan', public: false }] }) },
			/testdorf\/public\/.+HTTP 404/
		]
	])('throws a DataError when %s', async (_, wanted, files, message) => {
		const err = await loadEmbedCity(fakeFetch(files), '', wanted, 'testdorf').catch((e: unknown) => e);
		expect(err).toBeInstanceOf(DataError);
		expect((err as DataError).message).toMatch(message);
	});
});
