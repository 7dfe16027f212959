import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MultiPolygon, Point } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../types';
import {
	EPSG_25832_WKT,
	gpkgGeometry,
	makeTempDir,
	squarePolygon,
	writeGeoPackage,
	writeSqlite,
	type GpkgLayerFixture
} from './fixtures.test-helpers';
import { decodeGeoPackageGeometry, readGeoPackage } from './gpkg';

const MITTE = squarePolygon(512345.678, 5403210.125, 1000);
const CANNSTATT = squarePolygon(514000.5, 5405000.25, 2000, 500);
const FEUERBACH: MultiPolygon = {
	type: 'MultiPolygon',
	coordinates: [
		squarePolygon(508000, 5408000, 800).coordinates,
		squarePolygon(509000, 5408000, 300).coordinates
	]
};

const BEZIRKE: GpkgLayerFixture = {
	name: 'KLGL_BRUTTO_STADTBEZIRK',
	fields: [
		{ name: 'STADTBEZIRKNR', type: 'TEXT' },
		{ name: 'STADTBEZIRKNAME', type: 'TEXT' }
	],
	features: [
		{ properties: { STADTBEZIRKNR: '01', STADTBEZIRKNAME: 'Mitte' }, geometry: MITTE },
		{ properties: { STADTBEZIRKNR: '09', STADTBEZIRKNAME: 'Bad Cannstatt' }, geometry: CANNSTATT },
		{ properties: { STADTBEZIRKNR: '05', STADTBEZIRKNAME: 'Feuerbach' }, geometry: FEUERBACH },
		{ properties: { STADTBEZIRKNR: '98', STADTBEZIRKNAME: 'Ohne Geometrie' }, geometry: null },
		{
			properties: { STADTBEZIRKNR: '99', STADTBEZIRKNAME: 'Leere Geometrie' },
			geometry: gpkgGeometry('empty')
		}
	]
};

const TEILE: GpkgLayerFixture = {
	name: 'KLGL_BRUTTO_STADTTEIL',
	fields: [
		{ name: 'STADTTEILNR', type: 'INTEGER' },
		{ name: 'STADTTEILNAME', type: 'TEXT' },
		{ name: 'STADTBEZIRKNR', type: 'TEXT' }
	],
	features: [
		{
			properties: { STADTTEILNR: 111, STADTTEILNAME: 'Oberer Schlossgarten', STADTBEZIRKNR: '01' },
			geometry: MITTE
		},
		{ properties: { STADTTEILNR: 913, STADTTEILNAME: 'Münster', STADTBEZIRKNR: '09' }, geometry: CANNSTATT },
		{
			properties: { STADTTEILNR: 517, STADTTEILNAME: 'Feuerbach-Ost', STADTBEZIRKNR: '05' },
			geometry: FEUERBACH
		}
	]
};

const LEER: GpkgLayerFixture = { name: 'KLGL_LEER', fields: [{ name: 'NR', type: 'INTEGER' }], features: [] };

let dir: string;
let cleanup: () => void;
let official: string;
let single: string;

beforeAll(async () => {
	({ dir, cleanup } = makeTempDir('gpkg-test-'));
	official = join(dir, 'KLGL_BRUTTO.gpkg');
	await writeGeoPackage(official, [BEZIRKE, TEILE, LEER]);
	single = join(dir, 'single.gpkg');
	await writeGeoPackage(single, [TEILE]);
});

afterAll(() => cleanup());

async function importError(promise: Promise<unknown>): Promise<ImportError> {
	const err = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(ImportError);
	return err as ImportError;
}

describe('readGeoPackage', () => {
	it('reads the requested layer with fields, exact coordinates and the CRS', async () => {
		const source = await readGeoPackage(official, { layer: 'KLGL_BRUTTO_STADTTEIL' });
		expect(source).toMatchObject({ file: official, format: 'gpkg', layer: 'KLGL_BRUTTO_STADTTEIL' });
		expect(source.layers).toEqual(['KLGL_BRUTTO_STADTBEZIRK', 'KLGL_BRUTTO_STADTTEIL', 'KLGL_LEER']);
		expect(source.fields).toEqual(['fid', 'STADTTEILNR', 'STADTTEILNAME', 'STADTBEZIRKNR']);
		expect(source.crs).toEqual({
			epsg: 25832,
			wkt: EPSG_25832_WKT,
			origin: 'gpkg_spatial_ref_sys (srs_id 25832)'
		});
		expect(source.features.map((f) => f.properties)).toEqual([
			{ fid: 1, STADTTEILNR: 111, STADTTEILNAME: 'Oberer Schlossgarten', STADTBEZIRKNR: '01' },
			{ fid: 2, STADTTEILNR: 913, STADTTEILNAME: 'Münster', STADTBEZIRKNR: '09' },
			{ fid: 3, STADTTEILNR: 517, STADTTEILNAME: 'Feuerbach-Ost', STADTBEZIRKNR: '05' }
		]);
		expect(source.features.map((f) => f.index)).toEqual([1, 2, 3]);
		expect(source.features[0]!.geometry).toEqual(MITTE);
		expect(source.features[1]!.geometry).toEqual(CANNSTATT);
		expect(source.features[2]!.geometry).toEqual(FEUERBACH);
	});

	it('returns null for NULL and empty geometries', async () => {
		const source = await readGeoPackage(official, { layer: 'KLGL_BRUTTO_STADTBEZIRK' });
		expect(source.features.map((f) => f.geometry === null)).toEqual([false, false, false, true, true]);
		expect(source.features[3]!.properties.STADTBEZIRKNAME).toBe('Ohne Geometrie');
	});

	it('matches the layer name case-insensitively when unique', async () => {
		const source = await readGeoPackage(official, { layer: 'klgl_brutto_stadtbezirk' });
		expect(source.layer).toBe('KLGL_BRUTTO_STADTBEZIRK');
	});

	it('needs no --layer for a single feature table', async () => {
		const source = await readGeoPackage(single);
		expect(source.layer).toBe('KLGL_BRUTTO_STADTTEIL');
		expect(source.layers).toEqual(['KLGL_BRUTTO_STADTTEIL']);
	});

	it('lists the layers and asks for --layer when there are several', async () => {
		const err = await importError(readGeoPackage(official));
		const issue = err.issues[0]!;
		expect(issue.file).toBe(official);
		expect(issue.message).toContain('3 Ebenen');
		for (const name of ['KLGL_BRUTTO_STADTBEZIRK', 'KLGL_BRUTTO_STADTTEIL', 'KLGL_LEER'])
			expect(issue.message).toContain(name);
		expect(issue.hint).toContain('--layer <name>');
	});

	it('names the existing layers for an unknown --layer', async () => {
		const err = await importError(readGeoPackage(official, { layer: 'STADTTEILE' }));
		expect(err.issues[0]!.message).toContain('„STADTTEILE“ gibt es nicht');
		expect(err.issues[0]!.message).toContain('KLGL_BRUTTO_STADTTEIL');
		expect(err.issues[0]!.hint).toContain('--layer');
	});

	it('refuses an empty layer', async () => {
		const err = await importError(readGeoPackage(official, { layer: 'KLGL_LEER' }));
		expect(err.issues[0]!.message).toContain('„KLGL_LEER“ enthält keine Objekte');
	});

	it('gives crs null for the undefined srs_id 0 and -1', async () => {
		const path = join(dir, 'undefined-srs.gpkg');
		await writeGeoPackage(path, [{ ...TEILE, srsId: 0 }]);
		expect((await readGeoPackage(path)).crs).toBeNull();
	});

	it('reports a truncated file', async () => {
		const path = join(dir, 'half.gpkg');
		const bytes = readFileSync(official);
		writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
		const err = await importError(readGeoPackage(path));
		expect(err.issues[0]!.file).toBe(path);
		expect(err.issues[0]!.message).toContain('unvollständig');
		expect(err.issues[0]!.hint).toContain('erneut herunterladen');
	});

	it('reports a text file with a .gpkg extension', async () => {
		const path = join(dir, 'notiz.gpkg');
		writeFileSync(path, 'Stadtteile Stuttgart – bitte als GeoPackage nachliefern\n');
		const err = await importError(readGeoPackage(path));
		expect(err.issues[0]!.message).toContain('keine SQLite-Datenbank');
		expect(err.issues[0]!.hint).toContain('GeoPackage');
	});

	it('reports a SQLite file that is not a GeoPackage', async () => {
		const path = join(dir, 'plain.gpkg');
		await writeSqlite(path, [
			'CREATE TABLE stadtteile (nr INTEGER, name TEXT)',
			"INSERT INTO stadtteile VALUES (1, 'Mitte')"
		]);
		const err = await importError(readGeoPackage(path));
		expect(err.issues[0]!.message).toContain('gpkg_contents');
	});

	it('names the feature with a broken geometry blob', async () => {
		const path = join(dir, 'broken-geom.gpkg');
		await writeGeoPackage(path, [
			{
				...TEILE,
				features: [
					TEILE.features[0]!,
					{ properties: { STADTTEILNR: 2 }, geometry: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]) }
				]
			}
		]);
		const err = await importError(readGeoPackage(path));
		expect(err.issues[0]).toMatchObject({ file: path, row: 2, column: 'geom' });
		expect(err.issues[0]!.message).toContain('Objekt 2');
	});

	it('does not modify the file', async () => {
		const before = readFileSync(official);
		const mtime = statSync(official).mtimeMs;
		await readGeoPackage(official, { layer: 'KLGL_BRUTTO_STADTTEIL' });
		expect(readFileSync(official).equals(before)).toBe(true);
		expect(statSync(official).mtimeMs).toBe(mtime);
	});
});

describe('decodeGeoPackageGeometry', () => {
	const point: Point = { type: 'Point', coordinates: [513000.125, 5402000.5] };

	it.each([
		['little endian with envelope', { envelope: true, bigEndian: false }],
		['big endian with envelope', { envelope: true, bigEndian: true }],
		['without envelope', { envelope: false, bigEndian: false }]
	])('decodes a header %s', (_label, options) => {
		expect(decodeGeoPackageGeometry(gpkgGeometry(CANNSTATT, 25832, options))).toEqual(CANNSTATT);
		expect(decodeGeoPackageGeometry(gpkgGeometry(point, 25832, options))).toEqual(point);
	});

	it('skips envelopes with z and m (indicators 2–4)', () => {
		const plain = gpkgGeometry(point, 25832, { envelope: false });
		for (const [indicator, bytes] of [
			[2, 48],
			[3, 48],
			[4, 64]
		]) {
			const blob = new Uint8Array(plain.length + bytes!);
			blob.set(plain.subarray(0, 8));
			blob[3] = 1 | (indicator! << 1);
			blob.set(plain.subarray(8), 8 + bytes!);
			expect(decodeGeoPackageGeometry(blob)).toEqual(point);
		}
	});

	it('returns null for the empty flag', () => {
		expect(decodeGeoPackageGeometry(gpkgGeometry('empty'))).toBeNull();
	});

	it.each([
		['a wrong magic', new Uint8Array([0x53, 0x50, 0, 1, 0, 0, 0, 0, 1])],
		['a short blob', new Uint8Array([0x47, 0x50, 0])],
		['envelope indicator 5', new Uint8Array([0x47, 0x50, 0, 1 | (5 << 1), 0, 0, 0, 0, 1])],
		['a missing WKB', new Uint8Array([0x47, 0x50, 0, 1, 0xe8, 0x64, 0, 0])]
	])('rejects %s', (_label, blob) => {
		expect(() => decodeGeoPackageGeometry(blob)).toThrow(/Geometrie|GP|Hüllrechteck/);
	});
});
