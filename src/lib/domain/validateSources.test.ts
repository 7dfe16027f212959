import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { LERNORT_TYPES } from './lernortTypes';
import {
	checkBildungsregionenCsv,
	formatIssue,
	readIndicatorRows,
	readLernorte,
	readStadtbezirke,
	readStadtteile,
	validateCatalogSource,
	validateCityConfig,
	validateSettlementSource
} from './validateSources';

const SHAPES = new Map([
	['quote', { kind: 'ratio', scale: 100 }],
	['anzahl', { kind: 'count', scale: 1 }]
] as const);
const AREAS = new Set(['101', '102']);
const HEAD = 'indicator,year,area,numerator,denominator\n';

describe('formatIssue', () => {
	it('prints file:row:column — message — hint', () => {
		expect(formatIssue({ file: 'a.csv', row: 3, column: 'area', message: 'M', hint: 'H' })).toBe(
			'a.csv:3:area — M — H'
		);
		expect(formatIssue({ file: 'a.csv', message: 'M', hint: 'H' })).toBe('a.csv — M — H');
	});
});

describe('readIndicatorRows', () => {
	it('reads valid rows into cells', () => {
		const { rows, issues } = readIndicatorRows(
			parseCsv(HEAD + 'quote,2023,101,1,4\nquote,2023,102,.,4\nanzahl,2023,101,7,\nanzahl,2023,102,-,\n'),
			'i.csv',
			SHAPES,
			AREAS
		);
		expect(issues).toEqual([]);
		expect(rows.map((r) => [r.line, r.cell])).toEqual([
			[2, { status: 'ok', value: 25, numerator: 1, denominator: 4 }],
			[3, { status: 'suppressed' }],
			[4, { status: 'ok', value: 7, numerator: 7 }],
			[5, { status: 'missing' }]
		]);
	});

	it.each([
		['unknown indicator', 'quota,2023,101,1,4', 'indicator', /fehlt im Katalog/],
		['bad year', 'quote,23,101,1,4', 'year', /Jahr/],
		['unknown area', 'quote,2023,999,1,4', 'area', /Unbekannter Gebietsschlüssel/],
		['decimal comma', 'quote,2023,101,"1,5",4', 'numerator', /keine Zahl/],
		['fraction', 'quote,2023,101,1.5,4', 'numerator', /keine Anzahl/],
		['negative', 'quote,2023,101,1,-4', 'denominator', /keine Anzahl/],
		['numerator > denominator', 'quote,2023,101,5,4', 'numerator', /größer als der Nenner/],
		['ratio without denominator', 'quote,2023,101,5,', 'denominator', /Nenner fehlt/],
		['count with denominator', 'anzahl,2023,101,5,9', 'denominator', /Anzahl/]
	])('%s', (_name, line, column, message) => {
		const { rows, issues } = readIndicatorRows(parseCsv(HEAD + line + '\n'), 'i.csv', SHAPES, AREAS);
		expect(rows).toEqual([]);
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({ file: 'i.csv', row: 2, column });
		expect(issues[0]!.message).toMatch(message);
	});

	it('reports duplicates with the first line', () => {
		const { issues } = readIndicatorRows(
			parseCsv(HEAD + 'quote,2023,101,1,4\n\nquote,2023,101,1,4\n'),
			'i.csv',
			SHAPES,
			AREAS
		);
		expect(issues).toEqual([
			expect.objectContaining({ row: 4, message: expect.stringContaining('zuerst in Zeile 2') })
		]);
	});

	it('reports missing columns once', () => {
		const { issues } = readIndicatorRows(
			parseCsv('indicator,year,area\nquote,2023,101\n'),
			'i.csv',
			SHAPES,
			AREAS
		);
		expect(issues).toEqual([
			expect.objectContaining({ row: 1, message: expect.stringContaining('numerator, denominator') })
		]);
	});
});

describe('readStadtbezirke / readStadtteile', () => {
	const bz = parseCsv('bezirk_nr,bezirk_name\n1,Mitte\n2,Nord\n');
	it('reads Bezirke and reports duplicates', () => {
		expect(readStadtbezirke(bz, 'b.csv').rows.map((r) => r.key)).toEqual(['1', '2']);
		const dup = readStadtbezirke(parseCsv('bezirk_nr,bezirk_name\n1,A\n1,B\n'), 'b.csv');
		expect(dup.issues).toEqual([expect.objectContaining({ row: 3, column: 'bezirk_nr' })]);
	});
	it.each([
		['duplicate key', '101,A,1,48.7,9.1\n101,B,2,48.8,9.2', 3, 'nr'],
		['non-numeric key', 'A1,A,1,48.7,9.1\n102,B,2,48.8,9.2', 2, 'nr'],
		['unknown Bezirk', '101,A,1,48.7,9.1\n102,B,7,48.8,9.2', 3, 'bezirk_nr'],
		['bad coordinate', '101,A,1,48.7,9.1\n102,B,2,"48,8",9.2', 3, 'lat'],
		['same point twice', '101,A,1,48.7,9.1\n102,B,2,48.7,9.1', 3, 'lat']
	])('%s', (_name, body, row, column) => {
		const { issues } = readStadtteile(
			parseCsv('nr,name,bezirk_nr,lat,lon\n' + body + '\n'),
			's.csv',
			new Set(['1', '2'])
		);
		expect(issues[0]).toMatchObject({ file: 's.csv', row, column });
	});
});

describe('readLernorte', () => {
	const types = new Map(LERNORT_TYPES.map((t) => [t.id, t]));
	const head = 'id,name,type,lat,lon,address,capacity,source\n';
	it('reads a row with and without capacity', () => {
		const { rows, issues } = readLernorte(
			parseCsv(head + 'a,Kita A,kita,48.7,9.1,"W 1, 70173 S",40,D\nb,B,vhs,48.7,9.1,,,D\n'),
			'l.csv',
			types
		);
		expect(issues).toEqual([]);
		expect(rows[0]).toMatchObject({ id: 'a', capacity: 40, address: 'W 1, 70173 S' });
		expect(rows[1]!.capacity).toBeUndefined();
	});
	it.each([
		['unknown type', 'a,A,krippe,48.7,9.1,,,D', 'type'],
		['missing name', 'a,,kita,48.7,9.1,,,D', 'name'],
		['bad capacity', 'a,A,kita,48.7,9.1,,viele,D', 'capacity'],
		['bad lon', 'a,A,kita,48.7,abc,,,D', 'lon']
	])('%s', (_name, line, column) => {
		const { rows, issues } = readLernorte(parseCsv(head + line + '\n'), 'l.csv', types);
		expect(rows).toEqual([]);
		expect(issues[0]).toMatchObject({ row: 2, column });
	});
});

describe('validateCityConfig', () => {
	const keys = { stadtteil: new Set(['101']), stadtbezirk: new Set(['1']) };
	const valid = {
		id: 'stuttgart',
		name: 'Stuttgart',
		ags: '08111000',
		levels: [
			{ id: 'stadtbezirk', label: 'Stadtbezirk', labelPlural: 'Stadtbezirke', count: 1, keyField: 'B' },
			{ id: 'stadtteil', label: 'Stadtteil', labelPlural: 'Stadtteile', count: 1, keyField: 'T' }
		],
		attribution: 'X',
		geometry: 'schematic',
		bildungsregionen: [{ id: 'mitte', name: 'Mitte', level: 'stadtbezirk', areas: ['1'] }],
		demo: { indicators: true, lernorte: true, population: true, note: 'Demo' },
		disclosure: { minCount: 3, minDenominator: 10 },
		view: { center: [9.18, 48.78], zoom: 10.6 }
	};
	it('accepts a valid config', () => {
		expect(validateCityConfig(valid, 'c.json', keys)).toEqual({ config: valid, issues: [] });
	});
	it.each<[string, Record<string, unknown>, string]>([
		['bad ags', { ags: '8111000' }, 'ags'],
		['bad geometry', { geometry: 'real' }, 'geometry'],
		[
			'bad region key',
			{ bildungsregionen: [{ id: 'x', name: 'X', level: 'stadtteil', areas: ['1'] }] },
			'bildungsregionen[0].areas'
		],
		['bad center', { view: { center: [9], zoom: 3 } }, 'view.center'],
		['missing disclosure', { disclosure: undefined }, 'disclosure']
	])('%s', (_name, patch, column) => {
		const { config, issues } = validateCityConfig({ ...valid, ...patch }, 'c.json', keys);
		expect(config).toBeUndefined();
		expect(issues[0]).toMatchObject({ file: 'c.json', column });
	});
});

describe('validateCatalogSource', () => {
	const entry = {
		id: 'quote',
		title: 'Q',
		definition: 'D',
		kind: 'ratio',
		scale: 100,
		unit: '%',
		decimals: 1,
		phases: ['primar'],
		direction: 'need',
		source: 'S',
		public: true,
		demo: true
	};
	it('accepts a valid entry', () => {
		expect(validateCatalogSource({ indicators: [entry] }, 'k.json').issues).toEqual([]);
	});
	it.each<[string, unknown, string]>([
		['not a list', { indicators: {} }, 'indicators'],
		['unknown phase', { indicators: [{ ...entry, phases: ['uni'] }] }, 'indicators[0].phases'],
		['count with scale', { indicators: [{ ...entry, kind: 'count', scale: 100 }] }, 'indicators[0].scale'],
		['years given', { indicators: [{ ...entry, years: [2023] }] }, 'indicators[0].years'],
		['duplicate id', { indicators: [entry, entry] }, 'indicators[1].id']
	])('%s', (_name, value, column) => {
		expect(validateCatalogSource(value, 'k.json').issues[0]).toMatchObject({ column });
	});
});

describe('checkBildungsregionenCsv', () => {
	const regions = [{ id: 'hallschlag', name: 'Hallschlag', level: 'stadtteil' as const, areas: ['214'] }];
	it('accepts agreeing files and reports differences', () => {
		expect(
			checkBildungsregionenCsv(parseCsv('name,ebene,gebiete\nHallschlag,stadtteil,214\n'), 'r.csv', regions)
		).toEqual([]);
		expect(
			checkBildungsregionenCsv(
				parseCsv('name,ebene,gebiete\nHallschlag,stadtteil,213\n'),
				'r.csv',
				regions
			)[0]
		).toMatchObject({
			row: 2,
			column: 'gebiete'
		});
		expect(
			checkBildungsregionenCsv(parseCsv('name,ebene,gebiete\nWangen,stadtbezirk,21\n'), 'r.csv', regions)[0]
		).toMatchObject({
			column: 'name'
		});
	});
});

describe('validateSettlementSource', () => {
	const FILE = 'geodata/testort/siedlungsflaechen.geojson';
	/** Testort: a 10 x 10 km square from lon 9.0, lat 48.0. */
	const EXTENT = [9.0, 48.0, 9.1, 48.1] as const;
	const square = (lon: number, lat: number, size = 0.01) => [
		[lon, lat],
		[lon + size, lat],
		[lon + size, lat + size],
		[lon, lat + size],
		[lon, lat]
	];
	const feature = (geometry: unknown) => ({ type: 'Feature', properties: {}, geometry });
	const layer = (features: unknown[], extra: Record<string, unknown> = {}) => ({
		type: 'FeatureCollection',
		attribution: 'Stadt Testort – ALKIS, dl-de/by-2-0',
		year: 2024,
		features,
		...extra
	});
	const GOOD = layer([
		feature({ type: 'Polygon', coordinates: [square(9.01, 48.01)] }),
		// Reaches over the city border: allowed.
		feature({ type: 'MultiPolygon', coordinates: [[square(9.095, 48.05)], [square(9.05, 48.05)]] })
	]);

	it('accepts polygons and multipolygons in the city and reads attribution and year', () => {
		const { settlement, issues } = validateSettlementSource(GOOD, FILE, EXTENT);
		expect(issues).toEqual([]);
		expect(settlement).toMatchObject({ attribution: 'Stadt Testort – ALKIS, dl-de/by-2-0', year: 2024 });
		expect(settlement!.features).toHaveLength(2);
		const noYear = validateSettlementSource(layer(GOOD.features, { year: undefined }), FILE, EXTENT);
		expect(noYear.settlement).not.toHaveProperty('year');
	});

	it.each<[string, unknown, string]>([
		[
			'a file that is no FeatureCollection',
			{ type: 'Polygon', coordinates: [] },
			':type — Keine GeoJSON-FeatureCollection'
		],
		[
			'a missing attribution',
			layer(GOOD.features, { attribution: ' ' }),
			':attribution — Quellenvermerk fehlt'
		],
		['a year that is no year', layer(GOOD.features, { year: '2024' }), ':year — Jahr „2024“ ist ungültig'],
		['no features', layer([]), ':features — Enthält keine Flächen'],
		[
			'a line',
			layer([feature({ type: 'LineString', coordinates: square(9.01, 48.01) })]),
			':features[0] — Objekt 1 ist ein LineString, keine Fläche — Nur Flächen'
		],
		[
			'a point',
			layer([GOOD.features[0], feature({ type: 'Point', coordinates: [9.05, 48.05] })]),
			':features[1] — Objekt 2 ist ein Point'
		],
		['a feature without geometry', layer([feature(null)]), ':features[0] — Objekt 1 hat keine Geometrie'],
		[
			'an empty polygon',
			layer([feature({ type: 'Polygon', coordinates: [] })]),
			'Objekt 1 hat eine leere Geometrie'
		],
		[
			'an open ring',
			layer([feature({ type: 'Polygon', coordinates: [square(9.01, 48.01).slice(0, 4)] })]),
			'Objekt 1 Ring 1 ist nicht geschlossen'
		],
		[
			'UTM coordinates',
			layer([feature({ type: 'Polygon', coordinates: [square(501000, 5320000, 100)] })]),
			'Objekt 1 Koordinate (501000, 5320000) ist kein Längen-/Breitengrad (WGS84) — Die Datei in WGS84'
		],
		[
			'a polygon outside the city',
			layer([feature({ type: 'Polygon', coordinates: [square(9.3, 48.3)] })]),
			':features[0] — Objekt 1 liegt außerhalb der Stadt (bei 48.3050, 9.3050) — Flächen außerhalb der Stadt entfernen'
		]
	])('reports %s with file, feature and fix', (_name, value, expected) => {
		const { settlement, issues } = validateSettlementSource(value, FILE, EXTENT);
		expect(settlement).toBeUndefined();
		expect(issues.length).toBeGreaterThan(0);
		const text = issues.map(formatIssue).join('\n');
		expect(text).toContain(expected.startsWith(':') ? `${FILE}${expected}` : expected);
		for (const issue of issues) expect(issue.hint.length).toBeGreaterThan(10);
	});

	it('lists at most 20 broken features and counts the rest', () => {
		const lines = Array.from({ length: 30 }, () => feature({ type: 'LineString', coordinates: [] }));
		const { issues } = validateSettlementSource(layer(lines), FILE, EXTENT);
		expect(issues).toHaveLength(21);
		expect(issues[20]!.message).toBe('… und 10 weitere Objekte mit Fehlern (30 von 30)');
	});

	it('does not mutate its input', () => {
		const copy = structuredClone(GOOD);
		validateSettlementSource(GOOD, FILE, EXTENT);
		expect(GOOD).toEqual(copy);
	});
});
