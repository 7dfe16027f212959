import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../types';
import {
	ESRI_25832_PRJ,
	encodeShapefile,
	gridPolygons,
	makeTempDir,
	squarePolygon,
	writeGeoPackage,
	writeShapefile,
	zipFiles
} from './fixtures.test-helpers';
import { readFeatureFile } from './readFeatureFile';

let dir: string;
let cleanup: () => void;

beforeAll(() => {
	({ dir, cleanup } = makeTempDir('read-feature-file-test-'));
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

const FEATURES = [
	{ properties: { NR: 1, NAME: 'Mitte' }, geometry: squarePolygon(512000, 5403000, 1000) },
	{ properties: { NR: 2, NAME: 'Nord' }, geometry: squarePolygon(512000, 5404000, 1000) }
];

describe('readFeatureFile', () => {
	it('reads a GeoPackage by extension', async () => {
		const path = join(dir, 'gebiete.GPKG');
		await writeGeoPackage(path, [
			{
				name: 'stadtteile',
				fields: [
					{ name: 'NR', type: 'INTEGER' },
					{ name: 'NAME', type: 'TEXT' }
				],
				features: FEATURES
			}
		]);
		const source = await readFeatureFile(path);
		expect(source).toMatchObject({ format: 'gpkg', layer: 'stadtteile', crs: { epsg: 25832 } });
	});

	it('reads a .shp, a folder and a .zip as shapefile', async () => {
		const folder = join(dir, 'shape');
		mkdirSync(folder);
		const shp = writeShapefile(folder, 'Stadtteile', { features: FEATURES, prj: ESRI_25832_PRJ });
		const zip = join(dir, 'stadtteile.zip');
		zipFiles(zip, encodeShapefile('Stadtteile', { features: FEATURES }));
		for (const path of [shp, folder, zip]) {
			const source = await readFeatureFile(path);
			expect(source).toMatchObject({ file: path, format: 'shapefile', layer: 'Stadtteile' });
			expect(source.features).toHaveLength(2);
		}
	});

	it('tells GeoJSON from EsriJSON by content', async () => {
		const geojson = join(dir, 'gebiete.json');
		writeFileSync(
			geojson,
			JSON.stringify({
				type: 'FeatureCollection',
				features: FEATURES.map((f) => ({ type: 'Feature', ...f }))
			})
		);
		const esri = join(dir, 'dienst.json');
		writeFileSync(
			esri,
			JSON.stringify({
				geometryType: 'esriGeometryPoint',
				spatialReference: { wkid: 25832 },
				features: [{ attributes: { NR: 1 }, geometry: { x: 512000, y: 5403000 } }]
			})
		);
		expect((await readFeatureFile(geojson)).format).toBe('geojson');
		expect((await readFeatureFile(esri)).format).toBe('esrijson');
	});

	it('reads a Windows-1252 GeoJSON without losing umlauts', async () => {
		const path = join(dir, 'ansi.geojson');
		const text = JSON.stringify({ type: 'Feature', properties: { NAME: 'Münster' }, geometry: null });
		writeFileSync(path, Buffer.from(text, 'latin1'));
		expect((await readFeatureFile(path)).features[0]!.properties.NAME).toBe('Münster');
	});

	it('reports broken JSON with its position', async () => {
		const path = join(dir, 'kaputt.geojson');
		writeFileSync(path, '{"type": "FeatureCollection", "features": [}');
		const err = await importError(readFeatureFile(path));
		expect(err.issues[0]).toMatchObject({ file: path, row: 1, column: '44' });
	});

	it.each([
		['stadtteile.csv', 'Dateiformat „.csv“ wird nicht unterstützt', '.gpkg'],
		['stadtteile.kml', 'Dateiformat „.kml“ wird nicht unterstützt', 'GeoJSON'],
		['Stadtteile.dbf', 'nur ein Teil eines Shapefiles', '.shp-Datei']
	])('refuses %s and lists what works', async (name, message, hint) => {
		const path = join(dir, name);
		writeFileSync(path, 'x');
		const err = await importError(readFeatureFile(path));
		expect(err.issues[0]!.file).toBe(path);
		expect(err.issues[0]!.message).toContain(message);
		expect(err.issues[0]!.hint).toContain(hint);
	});

	it('reports a missing path', async () => {
		const err = await importError(readFeatureFile(join(dir, 'gibt-es-nicht.gpkg')));
		expect(err.issues[0]!.message).toContain('nicht gefunden');
	});

	it('handles a few thousand generated polygons in every binary format', async () => {
		const features = gridPolygons(3000);
		const gpkg = join(dir, 'gross.gpkg');
		await writeGeoPackage(gpkg, [
			{
				name: 'gebiete',
				fields: [
					{ name: 'NR', type: 'INTEGER' },
					{ name: 'NAME', type: 'TEXT' }
				],
				features
			}
		]);
		const zip = join(dir, 'gross.zip');
		zipFiles(zip, encodeShapefile('gebiete', { features }));
		for (const path of [gpkg, zip]) {
			const source = await readFeatureFile(path);
			expect(source.features).toHaveLength(3000);
			expect(source.features[2999]!.properties.NAME).toBe('Gebiet 3000');
		}
	});
});
