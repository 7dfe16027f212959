import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import type { Catalog, DataIndex, ValuesWire } from '../../src/lib/domain/types';
import { formatIssue, type ValidationIssue } from '../../src/lib/domain/validateSources';
import { decodeSettlement } from '../../src/lib/geo/topology';
import { buildCity, listCities, pruneCities, type BuildResult } from './build';
import { TESTORT_CATALOG, TESTORT_CITY, TESTORT_FILES, writeTestort } from './testort.test-helpers';

const CITY = TESTORT_CITY;
const FILES = TESTORT_FILES;

let root: string;
let geodata: string;
let out: string;

function writeCity(overrides: Record<string, string | null> = {}) {
	writeTestort(geodata, overrides);
}

function build(overrides: Record<string, string | null> = {}): BuildResult {
	writeCity(overrides);
	return buildCity({ city: 'testort', geodataDir: geodata, outDir: out });
}

function issuesOf(result: BuildResult): ValidationIssue[] {
	if (result.ok) throw new Error('expected the build to fail');
	return result.issues;
}

const replaceLine = (file: string, from: string, to: string) => FILES[file]!.replace(from, to);

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'bildungslandkarte-build-'));
	geodata = join(root, 'geodata');
	out = join(root, 'out');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('buildCity', () => {
	it('writes all files and the index', () => {
		const result = build();
		expect(result.ok).toBe(true);
		for (const f of ['areas.topo.json', 'catalog.json', 'values.json', 'lernorte.json'])
			expect(existsSync(join(out, 'testort', f))).toBe(true);
		const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
		expect(index).toEqual({
			cities: [
				{
					id: 'testort',
					name: 'Testort',
					geometry: 'schematic',
					demo: true,
					built: '2023-12-31',
					public: true
				}
			]
		});
		if (result.ok) expect(result.summary).toMatchObject({ indicators: 2, years: [2022, 2023], lernorte: 2 });
		// No settlement layer: no file, nothing about it in the catalog.
		expect(existsSync(join(out, 'testort', 'siedlungsflaechen.topo.json'))).toBe(false);
		expect(JSON.parse(readFileSync(join(out, 'testort', 'catalog.json'), 'utf8'))).not.toHaveProperty(
			'settlement'
		);
	});

	it('writes the public files of the embed, and none without a public indicator', () => {
		expect(build().ok).toBe(true);
		for (const f of ['catalog.json', 'areas.topo.json', 'values/quote.json', 'values/anzahl.json'])
			expect(existsSync(join(out, 'testort', 'public', f)), f).toBe(true);
		const internal = {
			...TESTORT_CATALOG,
			indicators: TESTORT_CATALOG.indicators.map((i) => ({ ...i, public: false }))
		};
		const result = build({ 'indicators.catalog.json': JSON.stringify(internal) });
		expect(result.ok).toBe(true);
		expect(existsSync(join(out, 'testort', 'public'))).toBe(false);
		if (result.ok) expect(result.summary.warnings.join(' ')).toMatch(/keine Dateien für die Einbettung/);
		// The index says so, for the embed to know without asking for a missing file.
		const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as DataIndex;
		expect(index.cities.map((c) => [c.id, c.public])).toEqual([['testort', false]]);
	});

	it('aggregates sum/sum, marks partial aggregates and suppresses after aggregation', () => {
		build();
		const values = JSON.parse(readFileSync(join(out, 'testort', 'values.json'), 'utf8')) as ValuesWire;
		expect(values.units).toEqual({
			stadtteil: ['11', '12', '21', '22'],
			stadtbezirk: ['1', '2'],
			bildungsregion: ['sued', 'nordwest'],
			stadt: ['08999000']
		});
		const q22 = values.indicators.quote!['2022']!;
		expect(q22.stadtteil).toEqual({ n: [10, 30, 'g', null], d: [40, 60, null, null] });
		// Bezirk 2 has no member with a value (21 suppressed at source, 22 missing).
		expect(q22.stadtbezirk).toEqual({ n: [40, null], d: [100, null] });
		expect(q22.stadt).toEqual({ n: [40], d: [100], p: [0] });
		const q23 = values.indicators.quote!['2023']!;
		// 11 has 2 < 3: suppressed, and 12 (its only sibling) secondarily; the Bezirk stays.
		expect(q23.stadtteil?.n).toEqual(['g', 'g', 25, 20]);
		expect(q23.stadtbezirk).toEqual({ n: [32, 45], d: [100, 100] });
		expect(q23.bildungsregion).toEqual({ n: [32, 25], d: [100, 50] });
		expect(values.indicators.anzahl!['2023']!.stadt).toEqual({ n: [1000] });
	});

	it('derives years and units in the catalog and is reproducible', () => {
		build();
		const first = readFileSync(join(out, 'testort', 'catalog.json'), 'utf8');
		const catalog = JSON.parse(first) as Catalog;
		expect(catalog.indicators.map((i) => [i.id, i.years])).toEqual([
			['quote', [2022, 2023]],
			['anzahl', [2023]]
		]);
		expect(catalog.units.stadtteil[0]).toEqual({ key: '11', name: 'Südwest', parent: '1' });
		expect(catalog.units.stadt).toEqual([{ key: '08999000', name: 'Testort' }]);
		expect(catalog.built).toBe('2023-12-31');
		build();
		expect(readFileSync(join(out, 'testort', 'catalog.json'), 'utf8')).toBe(first);
	});

	it('takes the built date from SOURCE_DATE_EPOCH when given', () => {
		writeCity();
		buildCity({ city: 'testort', geodataDir: geodata, outDir: out, sourceDateEpoch: '1700000000' });
		const catalog = JSON.parse(readFileSync(join(out, 'testort', 'catalog.json'), 'utf8')) as Catalog;
		expect(catalog.built).toBe('2023-11-14');
	});

	it('assigns Lernorte to Stadtteile and rounds coordinates', () => {
		build({
			'lernorte.csv': FILES['lernorte.csv']!.replace('48.021,9.021', '48.0212345,9.0212345')
		});
		const { lernorte } = JSON.parse(readFileSync(join(out, 'testort', 'lernorte.json'), 'utf8'));
		expect(lernorte[0]).toMatchObject({
			stadtteil: '11',
			lat: 48.02123,
			lon: 9.02123,
			capacity: 40,
			category: 'formal'
		});
		expect(lernorte[1]).toMatchObject({ stadtteil: '22' });
		expect(lernorte[1]).not.toHaveProperty('capacity');
	});

	it.each<[string, Record<string, string | null>, Partial<ValidationIssue>]>([
		[
			'unknown area key',
			{ 'indicators.csv': replaceLine('indicators.csv', 'quote,2022,12,30,60', 'quote,2022,13,30,60') },
			{ row: 3, column: 'area', message: 'Unbekannter Gebietsschlüssel „13“' }
		],
		[
			'duplicate area key',
			{ 'stadtteile.csv': replaceLine('stadtteile.csv', '12,Südost', '11,Südost') },
			{ row: 3, column: 'nr', message: 'Stadtteil 11 kommt doppelt vor (zuerst in Zeile 2)' }
		],
		[
			'duplicate indicator row',
			{ 'indicators.csv': FILES['indicators.csv'] + '\nquote,2023,22,1,50' },
			{ row: 14, column: 'area', message: 'Doppelte Zeile für quote 2023 22 (zuerst in Zeile 9)' }
		],
		[
			'value not a number',
			{ 'indicators.csv': replaceLine('indicators.csv', 'quote,2023,12,30,60', 'quote,2023,12,"30,5",60') },
			{ row: 7, column: 'numerator', message: 'Wert „30,5“ ist keine Zahl' }
		],
		[
			'numerator > denominator',
			{ 'indicators.csv': replaceLine('indicators.csv', 'quote,2023,12,30,60', 'quote,2023,12,60,30') },
			{ row: 7, column: 'numerator', message: 'Zähler 60 ist größer als der Nenner 30' }
		],
		[
			'indicator missing from the catalog',
			{ 'indicators.csv': FILES['indicators.csv'] + '\nquota,2023,22,1,50' },
			{ row: 14, column: 'indicator', message: 'Indikator „quota“ fehlt im Katalog' }
		],
		[
			'Lernort outside every area',
			{ 'lernorte.csv': replaceLine('lernorte.csv', '48.021,9.021', '9.021,48.021') },
			{ row: 2, column: 'lat' }
		],
		[
			'unknown Lernort type',
			{ 'lernorte.csv': replaceLine('lernorte.csv', ',kita,', ',krippe,') },
			{ row: 2, column: 'type', message: 'Unbekannter Lernort-Typ „krippe“' }
		],
		['missing required file', { 'indicators.csv': null }, { message: 'Pflichtdatei fehlt' }],
		[
			'count with a denominator',
			{ 'indicators.csv': replaceLine('indicators.csv', 'anzahl,2023,11,100,', 'anzahl,2023,11,100,5') },
			{ row: 10, column: 'denominator' }
		],
		[
			'region with an unknown area',
			{
				'city.json': JSON.stringify({
					...CITY,
					bildungsregionen: [{ id: 'x', name: 'X', level: 'stadtteil', areas: ['99'] }]
				})
			},
			{ column: 'bildungsregionen[0].areas' }
		],
		[
			'region listing an area twice',
			{
				'city.json': JSON.stringify({
					...CITY,
					bildungsregionen: [{ id: 'x', name: 'X', level: 'stadtteil', areas: ['11', '11'] }]
				})
			},
			{ column: 'bildungsregionen[0].areas', message: 'Schlüssel „11“ steht doppelt in der Gebietsliste' }
		],
		[
			'a row with an unquoted comma',
			{ 'lernorte.csv': replaceLine('lernorte.csv', ',kita,', ',kita,extra,') },
			{ row: 2, message: 'Zeile hat 9 statt 8 Felder' }
		],
		[
			'broken JSON',
			{ 'indicators.catalog.json': '{ "indicators": [' },
			{ file: expect.stringContaining('indicators.catalog.json') as unknown as string }
		],
		[
			'bildungsregionen.csv disagreeing with city.json',
			{ 'bildungsregionen.csv': 'name,ebene,gebiete\nSüd,stadtbezirk,2\n' },
			{ row: 2, column: 'gebiete' }
		]
	])('reports %s and writes nothing', (_name, overrides, expected) => {
		const issues = issuesOf(build(overrides));
		expect(issues).toContainEqual(expect.objectContaining(expected));
		for (const issue of issues) expect(issue.hint.length).toBeGreaterThan(5);
		expect(existsSync(join(out, 'testort'))).toBe(false);
	});

	it('leaves existing output untouched on failure', () => {
		expect(build().ok).toBe(true);
		const before = readFileSync(join(out, 'testort', 'values.json'), 'utf8');
		const index = readFileSync(join(out, 'index.json'), 'utf8');
		const result = build({ 'indicators.csv': FILES['indicators.csv'] + '\nquote,2023,99,1,x1' });
		expect(result.ok).toBe(false);
		expect(readFileSync(join(out, 'testort', 'values.json'), 'utf8')).toBe(before);
		expect(readFileSync(join(out, 'index.json'), 'utf8')).toBe(index);
	});

	it('reports every error at once, in file:row:column form', () => {
		const issues = issuesOf(
			build({
				'indicators.csv': FILES['indicators.csv'] + '\nquote,2023,99,1,2\nquote,20x3,11,1,2',
				'lernorte.csv': replaceLine('lernorte.csv', ',kita,', ',krippe,')
			})
		);
		expect(issues.length).toBeGreaterThanOrEqual(3);
		expect(formatIssue(issues[0]!)).toMatch(/testort\/indicators\.csv:14:area — .+ — .+/);
	});

	it('uses an official areas.topo.json when present', () => {
		expect(build().ok).toBe(true);
		const topo = readFileSync(join(out, 'testort', 'areas.topo.json'), 'utf8');
		const official = JSON.parse(topo);
		delete official.objects.stadtbezirk;
		official.objects.stadtteil.geometries[0].properties.name = 'Amtlich';
		const result = build({ 'areas.topo.json': JSON.stringify(official), 'stadtgrenze.geojson': null });
		expect(result.ok).toBe(true);
		const written = JSON.parse(readFileSync(join(out, 'testort', 'areas.topo.json'), 'utf8'));
		expect(written.objects.stadtteil.geometries[0].properties.name).toBe('Amtlich');
		expect(written.objects.stadtbezirk.geometries.map((g: { id: string }) => g.id)).toEqual(['1', '2']);
	});

	it('rejects an official topology whose keys do not match', () => {
		expect(build().ok).toBe(true);
		const official = JSON.parse(readFileSync(join(out, 'testort', 'areas.topo.json'), 'utf8'));
		official.objects.stadtteil.geometries[0].id = '19';
		const issues = issuesOf(build({ 'areas.topo.json': JSON.stringify(official) }));
		expect(issues).toContainEqual(
			expect.objectContaining({ column: 'objects.stadtteil', message: 'Geometrie fehlt für 11' })
		);
	});
});

describe('listCities and pruneCities', () => {
	it('lists the folders with a city.json, skipping working copies', () => {
		writeCity();
		mkdirSync(join(geodata, '.testort-import-abc'), { recursive: true });
		writeFileSync(join(geodata, '.testort-import-abc', 'city.json'), '{}');
		mkdirSync(join(geodata, 'leer'));
		expect(listCities(geodata)).toEqual(['testort']);
		expect(listCities(join(root, 'fehlt'))).toEqual([]);
	});

	it('removes the output and index entry of a city that left geodata/, nothing else', () => {
		build();
		mkdirSync(join(out, 'assets'));
		expect(pruneCities(out, ['testort'])).toEqual([]);
		expect(pruneCities(out, ['andere'])).toEqual(['testort']);
		expect(existsSync(join(out, 'testort'))).toBe(false);
		expect(existsSync(join(out, 'assets'))).toBe(true);
		expect(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'))).toEqual({ cities: [] });
	});
});

describe('buildCity with a settlement layer', () => {
	const square = (lon: number, lat: number, size: number) => [
		[lon, lat],
		[lon + size, lat],
		[lon + size, lat + size],
		[lon, lat + size],
		[lon, lat]
	];
	const layer = (features: unknown[], extra: Record<string, unknown> = {}) =>
		JSON.stringify({
			type: 'FeatureCollection',
			attribution: 'Stadt Testort – ALKIS (Testdaten)',
			year: 2024,
			features,
			...extra
		});
	const polygon = (lon: number, lat: number, size = 0.01) => ({
		type: 'Feature',
		properties: { nutzung: 'Wohnen' },
		geometry: { type: 'Polygon', coordinates: [square(lon, lat, size)] }
	});
	const FILE = 'siedlungsflaechen.geojson';

	it('writes the layer as TopoJSON and records it in the catalog', () => {
		const result = build({ [FILE]: layer([polygon(9.01, 48.01), polygon(9.06, 48.06)]) });
		expect(result.ok).toBe(true);
		const catalog = JSON.parse(readFileSync(join(out, 'testort', 'catalog.json'), 'utf8')) as Catalog;
		expect(catalog.settlement).toEqual({
			attribution: 'Stadt Testort – ALKIS (Testdaten)',
			year: 2024,
			polygons: 2
		});
		const topo = JSON.parse(
			readFileSync(join(out, 'testort', 'siedlungsflaechen.topo.json'), 'utf8')
		) as Topology;
		const features = decodeSettlement(topo);
		expect(features).toHaveLength(2);
		expect(features[1]!.geometry.coordinates[0]).toContainEqual([
			expect.closeTo(9.07, 5),
			expect.closeTo(48.07, 5)
		]);
		if (result.ok) {
			expect(result.summary.settlement).toEqual(catalog.settlement);
			expect(result.summary.files.map((f) => f.name)).toContain('testort/siedlungsflaechen.topo.json');
		}
		// Without the layer the next build drops the file and the catalog entry.
		expect(build().ok).toBe(true);
		expect(existsSync(join(out, 'testort', 'siedlungsflaechen.topo.json'))).toBe(false);
	});

	it.each<[string, string, string]>([
		[
			'a line',
			layer([
				{ ...polygon(9.01, 48.01), geometry: { type: 'LineString', coordinates: square(9.01, 48.01, 0.01) } }
			]),
			'features[0] — Objekt 1 ist ein LineString, keine Fläche'
		],
		[
			'a layer of another town',
			layer([polygon(9.01, 48.01), polygon(9.5, 48.5)]),
			'features[1] — Objekt 2 liegt außerhalb der Stadt'
		],
		['UTM coordinates', layer([polygon(501000, 5320000, 100)]), 'ist kein Längen-/Breitengrad'],
		[
			'no attribution',
			layer([polygon(9.01, 48.01)], { attribution: undefined }),
			'attribution — Quellenvermerk fehlt'
		],
		['broken JSON', '{"type": "FeatureCollection", ', 'Kein gültiges JSON']
	])('rejects %s, naming file and feature, and writes nothing', (_name, content, expected) => {
		expect(build().ok).toBe(true);
		const before = readFileSync(join(out, 'testort', 'catalog.json'), 'utf8');
		const issues = issuesOf(build({ [FILE]: content }));
		expect(issues.map(formatIssue).join('\n')).toContain(`testort/${FILE}`);
		expect(issues.map(formatIssue).join('\n')).toContain(expected);
		expect(readFileSync(join(out, 'testort', 'catalog.json'), 'utf8')).toBe(before);
	});
});
