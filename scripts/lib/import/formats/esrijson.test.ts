import type { Position } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import { ImportError } from '../types';
import { esriCrs, isEsriJson, readEsriJson } from './esrijson';

/** Esri rings: outer rings clockwise, holes counter-clockwise (y up). */
function clockwiseSquare(x: number, y: number, s: number): Position[] {
	return [
		[x, y],
		[x, y + s],
		[x + s, y + s],
		[x + s, y],
		[x, y]
	];
}
const reversed = (ring: Position[]) => [...ring].reverse();

const OUTER = clockwiseSquare(514000.5, 5405000.25, 2000);
const HOLE = reversed(clockwiseSquare(514750.5, 5405750.25, 500));
const PART_A = clockwiseSquare(508000, 5408000, 800);
const PART_B = clockwiseSquare(509000, 5408000, 300);

const LAYER = {
	displayFieldName: 'STADTBEZIRKNAME',
	fieldAliases: { OBJECTID: 'OBJECTID', STADTBEZIRKNR: 'Nummer', STADTBEZIRKNAME: 'Name' },
	geometryType: 'esriGeometryPolygon',
	spatialReference: { wkid: 25832, latestWkid: 25832 },
	fields: [
		{ name: 'OBJECTID', type: 'esriFieldTypeOID', alias: 'OBJECTID' },
		{ name: 'STADTBEZIRKNR', type: 'esriFieldTypeString', alias: 'Nummer', length: 2 },
		{ name: 'STADTBEZIRKNAME', type: 'esriFieldTypeString', alias: 'Name', length: 50 }
	],
	features: [
		{
			attributes: { OBJECTID: 1, STADTBEZIRKNR: '09', STADTBEZIRKNAME: 'Bad Cannstatt' },
			geometry: { rings: [OUTER, HOLE] }
		},
		{
			attributes: { OBJECTID: 2, STADTBEZIRKNR: '05', STADTBEZIRKNAME: 'Feuerbach' },
			geometry: { rings: [PART_A, PART_B] }
		},
		{ attributes: { OBJECTID: 3, STADTBEZIRKNR: '99', STADTBEZIRKNAME: 'Ohne Geometrie' } },
		{ attributes: { OBJECTID: 4, STADTBEZIRKNR: '98', STADTBEZIRKNAME: 'Leer' }, geometry: { rings: [] } }
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

describe('readEsriJson', () => {
	it('turns rings into a Polygon with its hole and a multipart feature into a MultiPolygon', () => {
		const input = structuredClone(LAYER);
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const source = readEsriJson('bezirke.json', input);
		expect(warn).not.toHaveBeenCalled();
		warn.mockRestore();
		expect(source).toMatchObject({ file: 'bezirke.json', format: 'esrijson', layers: [] });
		expect(source.fields).toEqual(['OBJECTID', 'STADTBEZIRKNR', 'STADTBEZIRKNAME']);
		expect(source.crs).toEqual({
			epsg: 25832,
			origin: 'EsriJSON spatialReference (wkid 25832, latestWkid 25832)'
		});
		expect(source.features.map((f) => f.properties.STADTBEZIRKNAME)).toEqual([
			'Bad Cannstatt',
			'Feuerbach',
			'Ohne Geometrie',
			'Leer'
		]);
		// RFC 7946 winding: outer rings counter-clockwise, holes clockwise; coordinates unchanged.
		expect(source.features[0]!.geometry).toEqual({
			type: 'Polygon',
			coordinates: [reversed(OUTER), reversed(HOLE)]
		});
		expect(source.features[1]!.geometry).toEqual({
			type: 'MultiPolygon',
			coordinates: [[reversed(PART_A)], [reversed(PART_B)]]
		});
		expect(source.features[2]!.geometry).toBeNull();
		expect(source.features[3]!.geometry).toBeNull();
		expect(input).toEqual(LAYER);
	});

	it('reads point features and takes the fields from the first attributes when `fields` is missing', () => {
		const source = readEsriJson('schulen.json', {
			spatialReference: { wkid: 102100, latestWkid: 3857 },
			features: [
				{ attributes: { NAME: 'Schule am Löwentor', ART: 'GS' }, geometry: { x: 1022345.5, y: 6231234.25 } }
			]
		});
		expect(source.fields).toEqual(['NAME', 'ART']);
		expect(source.crs).toEqual({
			epsg: 3857,
			origin: 'EsriJSON spatialReference (wkid 102100, latestWkid 3857)'
		});
		expect(source.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [1022345.5, 6231234.25] });
	});

	it('quotes an ArcGIS error object', () => {
		const err = thrown(() =>
			readEsriJson('antwort.json', {
				error: {
					code: 400,
					message: 'Unable to complete operation.',
					details: ["'where' parameter is invalid"]
				}
			})
		);
		expect(err.issues[0]!.file).toBe('antwort.json');
		expect(err.issues[0]!.message).toContain('Fehler 400 „Unable to complete operation.“');
		expect(err.issues[0]!.message).toContain("'where' parameter is invalid");
		expect(err.issues[0]!.hint).toContain('f=json');
	});

	it('refuses a partial result and says how to page', () => {
		const err = thrown(() =>
			readEsriJson('teil.json', { ...structuredClone(LAYER), exceededTransferLimit: true })
		);
		expect(err.issues[0]!.message).toContain('nur einen Teil der Objekte');
		expect(err.issues[0]!.message).toContain('4 Objekte');
		expect(err.issues[0]!.hint).toContain('resultOffset=4');
		expect(err.issues[0]!.hint).toContain('vollständig exportieren');
	});

	it.each([
		[{ geometryType: 'esriGeometryPolygon', fields: [] }, 'ohne features-Liste'],
		[{ geometryType: 'esriGeometryPolygon', features: [] }, 'keine Objekte'],
		[{ features: [{ attributes: {}, geometry: { curveRings: [] } }] }, 'Kurvengeometrien']
	])('names the problem in %j', (value, message) => {
		expect(thrown(() => readEsriJson('x.json', value)).issues[0]!.message).toContain(message);
	});
});

describe('esriCrs', () => {
	it.each([
		[{ wkid: 25832 }, { epsg: 25832, origin: 'EsriJSON spatialReference (wkid 25832)' }],
		[
			{ wkid: 102100, latestWkid: 3857 },
			{ epsg: 3857, origin: 'EsriJSON spatialReference (wkid 102100, latestWkid 3857)' }
		],
		[{ wkt: 'PROJCS["x"]' }, { wkt: 'PROJCS["x"]', origin: 'EsriJSON spatialReference (wkt)' }],
		[{}, null],
		[undefined, null]
	])('%j -> %j', (sr, expected) => {
		expect(esriCrs(sr)).toEqual(expected);
	});
});

describe('isEsriJson', () => {
	it.each([
		[LAYER, true],
		[{ error: { code: 498, message: 'Invalid token.' } }, true],
		[{ features: [{ attributes: { A: 1 }, geometry: { x: 1, y: 2 } }] }, true],
		[{ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: null }] }, false],
		[[1, 2], false]
	])('%#', (value, expected) => {
		expect(isEsriJson(value)).toBe(expected);
	});
});
