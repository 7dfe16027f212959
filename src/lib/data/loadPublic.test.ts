import { describe, expect, it, vi } from 'vitest';
import { CATALOG, VALUES } from '$lib/domain/fixtures.test-helpers';
import { publicCatalog, publicValues } from '$lib/domain/publicData';
import { DataError } from './load';
import { loadPublicCity, loadPublicValues, publicDir } from './loadPublic';

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
	vi.spyOn(console, 'error').mockImplementation(() => undefined);

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
