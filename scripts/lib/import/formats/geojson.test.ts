import { describe, expect, it } from 'vitest';
import { ImportError } from '../types';
import { geoJsonCrs, isGeoJson, parseCrsName, readGeoJson } from './geojson';
import { lineColumn, parseJsonText } from './json';

/** Gauss-Krüger zone 3 (EPSG:31467) as older ALKIS/ATKIS exports wrote it. */
const GAUSS_KRUEGER = {
	type: 'FeatureCollection',
	crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::31467' } },
	features: [
		{
			type: 'Feature',
			properties: { STADTTEILNR: 913, STADTTEILNAME: 'Münster' },
			geometry: {
				type: 'Polygon',
				coordinates: [
					[
						[3516250.375, 5408950.625],
						[3517150.375, 5408950.625],
						[3517150.375, 5409850.625],
						[3516250.375, 5408950.625]
					]
				]
			}
		},
		{
			type: 'Feature',
			properties: { STADTTEILNR: 118, STADTTEILNAME: 'Weißenhof', EXTRA: true },
			geometry: null
		}
	]
};

function thrown(fn: () => unknown): ImportError {
	try {
		fn();
	} catch (err) {
		expect(err).toBeInstanceOf(ImportError);
		return err as ImportError;
	}
	throw new Error('expected an ImportError');
}

describe('parseCrsName', () => {
	it.each([
		['urn:ogc:def:crs:EPSG::25832', 25832],
		['urn:ogc:def:crs:EPSG:6.6:31467', 31467],
		['urn:ogc:def:crs:EPSG:25832', 25832],
		['EPSG:31467', 31467],
		['epsg:4326', 4326],
		['http://www.opengis.net/def/crs/EPSG/0/25832', 25832],
		['http://www.opengis.net/gml/srs/epsg.xml#31467', 31467],
		['urn:ogc:def:crs:OGC:1.3:CRS84', 4326],
		['CRS84', 4326],
		['ETRS89 / UTM zone 32N', undefined],
		['ESRI:102100', undefined]
	])('%s -> %s', (name, expected) => {
		expect(parseCrsName(name)).toBe(expected);
	});
});

describe('geoJsonCrs', () => {
	it.each([
		[
			{ type: 'FeatureCollection', features: [] },
			{ epsg: 4326, origin: 'GeoJSON (RFC 7946)' }
		],
		[
			{ crs: { type: 'name', properties: { name: 'EPSG:25832' } } },
			{ epsg: 25832, origin: 'GeoJSON-Eintrag crs („EPSG:25832“)' }
		],
		[
			{ crs: { type: 'EPSG', properties: { code: 31467 } } },
			{ epsg: 31467, origin: 'GeoJSON-Eintrag crs (EPSG 31467)' }
		],
		[
			{ crs: { type: 'name', properties: { name: 'DHDN / 3-degree Gauss-Kruger zone 3' } } },
			{ origin: 'GeoJSON-Eintrag crs („DHDN / 3-degree Gauss-Kruger zone 3“)' }
		],
		[
			{ crs: { type: 'link', properties: { href: 'stadtteile.prj', type: 'esriwkt' } } },
			{
				origin:
					'GeoJSON-Eintrag crs ({"type":"link","properties":{"href":"stadtteile.prj","type":"esriwkt"}})'
			}
		],
		[{ crs: null }, null]
	])('%j -> %j', (value, expected) => {
		expect(geoJsonCrs(value as Record<string, unknown>)).toEqual(expected);
	});
});

describe('readGeoJson', () => {
	it('reads a Gauss-Krüger FeatureCollection with an old crs member exactly', () => {
		const input = structuredClone(GAUSS_KRUEGER);
		const source = readGeoJson('gk.geojson', input);
		expect(source).toMatchObject({ file: 'gk.geojson', format: 'geojson', layers: [] });
		expect(source.layer).toBeUndefined();
		expect(source.crs).toEqual({
			epsg: 31467,
			origin: 'GeoJSON-Eintrag crs („urn:ogc:def:crs:EPSG::31467“)'
		});
		expect(source.fields).toEqual(['STADTTEILNR', 'STADTTEILNAME', 'EXTRA']);
		expect(source.features).toEqual([
			{
				index: 1,
				properties: GAUSS_KRUEGER.features[0]!.properties,
				geometry: GAUSS_KRUEGER.features[0]!.geometry
			},
			{ index: 2, properties: GAUSS_KRUEGER.features[1]!.properties, geometry: null }
		]);
		expect(input).toEqual(GAUSS_KRUEGER);
	});

	it('reads RFC 7946 GeoJSON as WGS84', () => {
		const source = readGeoJson('rfc.geojson', {
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: { name: 'Mitte' },
					geometry: { type: 'Point', coordinates: [9.1829, 48.7758] }
				}
			]
		});
		expect(source.crs).toEqual({ epsg: 4326, origin: 'GeoJSON (RFC 7946)' });
		expect(source.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [9.1829, 48.7758] });
	});

	it('reads a single Feature, a Feature without geometry and a bare geometry', () => {
		expect(readGeoJson('f.json', { type: 'Feature', properties: null }).features).toEqual([
			{ index: 1, properties: {}, geometry: null }
		]);
		const polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[1, 0],
					[1, 1],
					[0, 0]
				]
			]
		};
		expect(readGeoJson('g.json', polygon).features).toEqual([
			{ index: 1, properties: {}, geometry: polygon }
		]);
	});

	it('refuses an empty FeatureCollection', () => {
		const err = thrown(() => readGeoJson('leer.geojson', { type: 'FeatureCollection', features: [] }));
		expect(err.issues[0]).toMatchObject({ file: 'leer.geojson', message: 'Datei enthält keine Objekte' });
	});

	it.each([
		[
			{ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Polygon' } }] },
			'Objekt 1: Geometrie ist ungültig'
		],
		[
			{ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null }, { type: 'Point' }] },
			'Objekt 2 ist kein GeoJSON-Feature'
		],
		[
			{ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null, properties: [1] }] },
			'properties ist kein Objekt'
		],
		[{ type: 'FeatureCollection' }, 'ohne features-Liste'],
		[{ type: 'Topology', objects: {} }, 'TopoJSON'],
		[{ name: 'stadtteile' }, 'Kein GeoJSON']
	])('names the problem in %j', (value, message) => {
		const err = thrown(() => readGeoJson('x.geojson', value));
		expect(err.issues[0]!.file).toBe('x.geojson');
		expect(err.issues[0]!.message).toContain(message);
	});

	it('recognises GeoJSON by its type', () => {
		expect(isGeoJson({ type: 'FeatureCollection', features: [] })).toBe(true);
		expect(isGeoJson({ type: 'MultiPolygon', coordinates: [] })).toBe(true);
		expect(isGeoJson({ geometryType: 'esriGeometryPolygon', features: [] })).toBe(false);
	});
});

describe('parseJsonText', () => {
	it('parses JSON with a BOM', () => {
		expect(parseJsonText('a.json', '\uFEFF{"a": 1}')).toEqual({ a: 1 });
	});

	it('names line and column of a syntax error', () => {
		const text =
			'{\n  "type": "FeatureCollection",\n  "features": [\n    {"type": "Feature" "geometry": null}\n  ]\n}\n';
		const err = thrown(() => parseJsonText('kaputt.geojson', text));
		expect(err.issues[0]).toMatchObject({ file: 'kaputt.geojson', row: 4, column: '24' });
		expect(err.issues[0]!.message).toContain('Zeile 4, Spalte 24');
		expect(err.issues[0]!.hint).toContain('Kommas');
	});

	it.each([
		['{"a": }', 1, 7],
		['{"abc": x, "defghijklmnopqrstuvwxyz": 1}', 1, 9],
		['{"type": "FeatureCollection", "features": [}', 1, 44],
		['[1, 2, 3, 4, 5, 6, 7, 8, 9, 10,\n 11, 12, 13, x, 15, 16, 17, 18, 19]', 2, 14],
		['{"a": 1}}', 1, 9]
	])('finds the position in %j', (text, row, column) => {
		expect(thrown(() => parseJsonText('x.json', text)).issues[0]).toMatchObject({
			row,
			column: String(column)
		});
	});

	it('says that a cut-off file ends too early', () => {
		const err = thrown(() =>
			parseJsonText('halb.geojson', '{\n  "type": "FeatureCollection",\n  "features": [\n')
		);
		expect(err.issues[0]!.row).toBe(4);
		expect(err.issues[0]!.hint).toContain('endet mitten im Inhalt');
	});

	it('counts lines and columns from 1', () => {
		expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
		expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
		expect(lineColumn('ab\ncd', 99)).toEqual({ line: 2, column: 3 });
	});
});
