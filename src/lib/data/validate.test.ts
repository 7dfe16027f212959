import { describe, expect, it } from 'vitest';
import { CATALOG, VALUES } from '$lib/domain/fixtures.test-helpers';
import {
	validateCatalog,
	validateLernorte,
	validateSettlement,
	validateTopology,
	validateValues
} from './validate';

const clone = <T>(x: T): T => structuredClone(x);

describe('validateCatalog', () => {
	it('accepts a well-formed catalog', () => {
		expect(validateCatalog(CATALOG)).toEqual([]);
	});

	it.each<[string, unknown, RegExp]>([
		['not an object', [], /kein Objekt/],
		['no city', { ...clone(CATALOG), city: undefined }, /city/],
		['no indicators', { ...clone(CATALOG), indicators: [] }, /indicators/],
		[
			'an indicator without unit',
			{ ...clone(CATALOG), indicators: [{ ...CATALOG.indicators[0], unit: 3 }] },
			/unit/
		],
		[
			'years that are no years',
			{ ...clone(CATALOG), indicators: [{ ...CATALOG.indicators[0], years: ['x'] }] },
			/years/
		],
		['missing unit lists', { ...clone(CATALOG), units: { stadtteil: [] } }, /units.stadtbezirk/],
		[
			'a settlement layer without attribution',
			{ ...clone(CATALOG), settlement: { polygons: 3 } },
			/settlement/
		],
		[
			'a settlement layer with a year that is no year',
			{ ...clone(CATALOG), settlement: { attribution: 'ALKIS', polygons: 3, year: '2024' } },
			/settlement/
		]
	])('reports %s', (_name, data, message) => {
		expect(validateCatalog(data).join(' ')).toMatch(message);
	});

	it('accepts a settlement layer with or without year', () => {
		expect(validateCatalog({ ...clone(CATALOG), settlement: { attribution: 'ALKIS', polygons: 3 } })).toEqual(
			[]
		);
		expect(
			validateCatalog({ ...clone(CATALOG), settlement: { attribution: 'ALKIS', polygons: 3, year: 2024 } })
		).toEqual([]);
	});
});

describe('validateSettlement', () => {
	const topo = {
		type: 'Topology',
		arcs: [
			[
				[0, 0],
				[1, 0],
				[0, 1],
				[-1, -1]
			]
		],
		objects: {
			siedlung: {
				type: 'GeometryCollection',
				geometries: [
					{ type: 'Polygon', arcs: [[0]] },
					{ type: 'MultiPolygon', arcs: [[[0]]] }
				]
			}
		}
	};

	it('accepts a collection of polygons', () => {
		expect(validateSettlement(topo)).toEqual([]);
	});

	it.each<[string, unknown, RegExp]>([
		['a GeoJSON instead', { type: 'FeatureCollection', features: [] }, /keine TopoJSON/],
		[
			'the areas instead',
			{ ...topo, objects: { stadtteil: topo.objects.siedlung } },
			/Objekt „siedlung“ fehlt/
		],
		[
			'a line',
			{
				...topo,
				objects: { siedlung: { type: 'GeometryCollection', geometries: [{ type: 'LineString', arcs: [0] }] } }
			},
			/siedlung: Geometrie 0 ist keine Fläche/
		]
	])('reports %s', (_name, data, message) => {
		expect(validateSettlement(data).join(' ')).toMatch(message);
	});
});

describe('validateValues', () => {
	it('accepts values that match the catalog', () => {
		const catalog = {
			...clone(CATALOG),
			indicators: CATALOG.indicators.map((i) => ({ ...i, years: [2024] }))
		};
		expect(validateValues(VALUES, catalog)).toEqual([]);
	});

	it('reports a catalog year without values', () => {
		expect(validateValues(VALUES, CATALOG)).toContain('quote: keine Werte für 2023');
	});

	it('reports series that do not match the unit list, and unknown indicators', () => {
		const values = clone(VALUES);
		values.indicators.quote!['2024']!.stadtteil = { n: [1, 2], d: [2, 3] };
		values.indicators.einwohner!['2024']!.stadtbezirk = { n: [1, 2], d: [1] };
		values.indicators['fremd'] = {};
		const catalog = {
			...clone(CATALOG),
			indicators: CATALOG.indicators.map((i) => ({ ...i, years: [2024] }))
		};
		const problems = validateValues(values, catalog);
		expect(problems).toContain('quote/2024/stadtteil: Werteliste passt nicht zu den 4 Gebieten');
		expect(problems).toContain('einwohner/2024/stadtbezirk: Nennerliste passt nicht zu den 2 Gebieten');
		expect(problems).toContain('Indikator „fremd“ fehlt im Katalog');
	});

	it('does not mutate its input', () => {
		const values = clone(VALUES);
		validateValues(values, CATALOG);
		expect(values).toEqual(VALUES);
	});
});

describe('validateTopology', () => {
	const topo = {
		type: 'Topology',
		arcs: [],
		objects: {
			stadtteil: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', id: '101', arcs: [] }] },
			stadtbezirk: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', id: '1', arcs: [] }] }
		}
	};

	it('accepts both levels with keys', () => {
		expect(validateTopology(topo)).toEqual([]);
	});

	it.each<[string, unknown, RegExp]>([
		['a GeoJSON instead', { type: 'FeatureCollection', features: [] }, /keine TopoJSON/],
		['a missing level', { ...topo, objects: { stadtteil: topo.objects.stadtteil } }, /stadtbezirk/],
		[
			'a geometry without key',
			{
				...topo,
				objects: {
					...topo.objects,
					stadtteil: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [] }] }
				}
			},
			/stadtteil: Geometrie 0 hat keinen Schlüssel/
		]
	])('reports %s', (_name, data, message) => {
		expect(validateTopology(data).join(' ')).toMatch(message);
	});
});

describe('validateLernorte', () => {
	it.each<[string, unknown, string[]]>([
		['a good list', { lernorte: [{ id: 'a', type: 'kita', lon: 9.1, lat: 48.7 }] }, []],
		['no list', {}, ['„lernorte“ fehlt']],
		[
			'swapped or broken coordinates',
			{ lernorte: [{ id: 'a', type: 'kita', lon: 9.1, lat: 148.7 }] },
			['lernorte[0] (a): ungültige Koordinaten']
		],
		['a missing type', { lernorte: [{ id: 'a', lon: 9.1, lat: 48.7 }] }, ['lernorte[0]: id oder type fehlt']]
	])('%s', (_name, data, problems) => {
		expect(validateLernorte(data)).toEqual(problems);
	});
});
