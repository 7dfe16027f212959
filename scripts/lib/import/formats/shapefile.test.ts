import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Geometry, MultiPolygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../types';
import {
	ESRI_25832_PRJ,
	dbfFieldNames,
	encodeShapefile,
	makeTempDir,
	squarePolygon,
	writeShapefile,
	zipFiles,
	type FixtureFeature,
	type ShapefileFixture
} from './fixtures.test-helpers';
import { dbfEncoding, encodingFromCpg, readShapefile } from './shapefile';

const MUENSTER = squarePolygon(516250.375, 5407100.625, 900, 200);
const FEUERBACH_OST: MultiPolygon = {
	type: 'MultiPolygon',
	coordinates: [
		squarePolygon(509100, 5408200, 700).coordinates,
		squarePolygon(510000, 5408200, 250).coordinates
	]
};

const TEILE: FixtureFeature[] = [
	{
		properties: { STADTTEILNR: 901, STADTTEILNAME: 'Bad Cannstatt', STADTBEZIRKNR: 9 },
		geometry: squarePolygon(514000, 5405000, 1500)
	},
	{ properties: { STADTTEILNR: 913, STADTTEILNAME: 'Münster', STADTBEZIRKNR: 9 }, geometry: MUENSTER },
	{
		properties: { STADTTEILNR: 517, STADTTEILNAME: 'Feuerbach-Ost', STADTBEZIRKNR: 5 },
		geometry: FEUERBACH_OST
	},
	{
		properties: { STADTTEILNR: 518, STADTTEILNAME: 'Lemberg/Föhrich', STADTBEZIRKNR: 5 },
		geometry: squarePolygon(508000, 5407000, 600)
	},
	{ properties: { STADTTEILNR: 118, STADTTEILNAME: 'Weißenhof', STADTBEZIRKNR: 1 }, geometry: null }
];

const BEZIRKE: FixtureFeature[] = [
	{
		properties: { STADTBEZIRKNR: 9, STADTBEZIRKNAME: 'Bad Cannstatt' },
		geometry: squarePolygon(514000, 5405000, 3000)
	},
	{
		properties: { STADTBEZIRKNR: 5, STADTBEZIRKNAME: 'Feuerbach' },
		geometry: squarePolygon(508000, 5407000, 3000)
	}
];

const NAMES = ['Bad Cannstatt', 'Münster', 'Feuerbach-Ost', 'Lemberg/Föhrich', 'Weißenhof'];

/** Shapefiles store outer rings clockwise: every ring of the RFC 7946 fixture comes back reversed. */
function asStored(geometry: Geometry | null): Geometry | null {
	if (geometry?.type === 'Polygon')
		return { type: 'Polygon', coordinates: geometry.coordinates.map((r) => [...r].reverse()) };
	if (geometry?.type === 'MultiPolygon')
		return {
			type: 'MultiPolygon',
			coordinates: geometry.coordinates.map((p) => p.map((r) => [...r].reverse()))
		};
	return geometry;
}

let root: string;
let cleanup: () => void;
let n = 0;

function freshDir(): string {
	const dir = join(root, `case-${++n}`);
	mkdirSync(dir);
	return dir;
}

function writeFiles(dir: string, files: Record<string, Uint8Array>): void {
	for (const [name, bytes] of Object.entries(files)) {
		mkdirSync(join(dir, name, '..'), { recursive: true });
		writeFileSync(join(dir, name), bytes);
	}
}

async function importError(promise: Promise<unknown>): Promise<ImportError> {
	const err = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(ImportError);
	return err as ImportError;
}

beforeAll(() => {
	({ dir: root, cleanup } = makeTempDir('shapefile-test-'));
});

afterAll(() => cleanup());

describe('readShapefile', () => {
	it('reads a Windows-1252 .dbf without .cpg and .prj: truncated names, numbers, exact coordinates', async () => {
		const shp = writeShapefile(freshDir(), 'KLGL_BRUTTO_STADTTEIL', {
			features: TEILE,
			encoding: 'windows-1252'
		});
		const source = await readShapefile(shp);
		expect(source).toMatchObject({ file: shp, format: 'shapefile', layer: 'KLGL_BRUTTO_STADTTEIL' });
		expect(source.layers).toEqual(['KLGL_BRUTTO_STADTTEIL']);
		expect(source.fields).toEqual(['STADTTEILN', 'STADTTEI_1', 'STADTBEZIR']);
		expect(source.crs).toBeNull();
		expect(source.features.map((f) => f.properties)).toEqual(
			TEILE.map((f) => ({
				STADTTEILN: f.properties.STADTTEILNR,
				STADTTEI_1: f.properties.STADTTEILNAME,
				STADTBEZIR: f.properties.STADTBEZIRKNR
			}))
		);
		expect(source.features.map((f) => f.index)).toEqual([1, 2, 3, 4, 5]);
		expect(source.features.map((f) => f.geometry)).toEqual(TEILE.map((f) => asStored(f.geometry)));
	});

	it.each<[string, Partial<ShapefileFixture>]>([
		['windows-1252, .cpg "1252"', { encoding: 'windows-1252', cpg: '1252' }],
		['windows-1252, .cpg "ANSI 1252"', { encoding: 'windows-1252', cpg: 'ANSI 1252\r\n' }],
		['windows-1252, .cpg "ISO-8859-1"', { encoding: 'windows-1252', cpg: 'ISO-8859-1' }],
		['windows-1252, language driver 0x57', { encoding: 'windows-1252', ldid: 0x57 }],
		['windows-1252, no hint at all', { encoding: 'windows-1252' }],
		['utf-8, .cpg "UTF-8"', { encoding: 'utf-8', cpg: 'UTF-8' }],
		['utf-8, .cpg "65001"', { encoding: 'utf-8', cpg: '65001' }],
		['utf-8, .cpg wins over language driver 0x57', { encoding: 'utf-8', cpg: 'UTF-8', ldid: 0x57 }],
		['utf-8, no hint at all', { encoding: 'utf-8' }]
	])('keeps umlauts and ß: %s', async (_label, options) => {
		const shp = writeShapefile(freshDir(), 'Stadtteile', { features: TEILE, ...options });
		const source = await readShapefile(shp);
		expect(source.features.map((f) => f.properties.STADTTEI_1)).toEqual(NAMES);
	});

	it('passes the .prj on as WKT', async () => {
		const shp = writeShapefile(freshDir(), 'KLGL_BRUTTO_STADTTEIL', { features: TEILE, prj: ESRI_25832_PRJ });
		expect((await readShapefile(shp)).crs).toEqual({
			wkt: ESRI_25832_PRJ,
			origin: 'KLGL_BRUTTO_STADTTEIL.prj'
		});
	});

	it('finds the parts with upper-case extensions', async () => {
		const files = encodeShapefile('STADTTEILE', {
			features: TEILE,
			prj: ESRI_25832_PRJ,
			cpg: 'UTF-8',
			encoding: 'utf-8'
		});
		const dir = freshDir();
		writeFiles(
			dir,
			Object.fromEntries(
				Object.entries(files).map(([name, bytes]) => [
					name.replace(/\.(\w+)$/, (e) => e.toUpperCase()),
					bytes
				])
			)
		);
		const source = await readShapefile(join(dir, 'STADTTEILE.SHP'));
		expect(source.features.map((f) => f.properties.STADTTEI_1)).toEqual(NAMES);
		expect(source.crs?.origin).toBe('STADTTEILE.PRJ');
	});

	it('reads a point shapefile', async () => {
		const shp = writeShapefile(freshDir(), 'Schulen', {
			features: [
				{
					properties: { NAME: 'Schule am Löwentor' },
					geometry: { type: 'Point', coordinates: [513500.5, 5406250.25] }
				}
			]
		});
		const source = await readShapefile(shp);
		expect(source.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [513500.5, 5406250.25] });
	});

	describe('folders', () => {
		let dir: string;
		beforeAll(() => {
			dir = freshDir();
			writeShapefile(dir, 'KLGL_BRUTTO_STADTTEIL', { features: TEILE, prj: ESRI_25832_PRJ });
			writeShapefile(dir, 'KLGL_BRUTTO_STADTBEZIRK', { features: BEZIRKE, prj: ESRI_25832_PRJ });
			writeFileSync(join(dir, 'liesmich.txt'), 'Stadtteile und Stadtbezirke');
		});

		it('asks for --layer when a folder holds several shapefiles', async () => {
			const err = await importError(readShapefile(dir));
			expect(err.issues[0]!.file).toBe(dir);
			expect(err.issues[0]!.message).toContain('2 Shapefiles');
			expect(err.issues[0]!.message).toContain('KLGL_BRUTTO_STADTBEZIRK');
			expect(err.issues[0]!.message).toContain('KLGL_BRUTTO_STADTTEIL');
			expect(err.issues[0]!.hint).toContain('--layer');
		});

		it('reads the chosen shapefile of a folder', async () => {
			const source = await readShapefile(dir, { layer: 'KLGL_BRUTTO_STADTBEZIRK' });
			expect(source.layers).toEqual(['KLGL_BRUTTO_STADTBEZIRK', 'KLGL_BRUTTO_STADTTEIL']);
			expect(source.fields).toEqual(['STADTBEZIR', 'STADTBEZ_1']);
			expect(source.features.map((f) => f.properties.STADTBEZ_1)).toEqual(['Bad Cannstatt', 'Feuerbach']);
		});

		it('lists the shapefiles for an unknown layer', async () => {
			const err = await importError(readShapefile(dir, { layer: 'Stadtteile' }));
			expect(err.issues[0]!.message).toContain('„Stadtteile“ gibt es nicht');
			expect(err.issues[0]!.message).toContain('KLGL_BRUTTO_STADTTEIL');
		});

		it('reports a folder without shapefiles', async () => {
			const empty = freshDir();
			writeFileSync(join(empty, 'stadtteile.csv'), 'nr,name\n');
			const err = await importError(readShapefile(empty));
			expect(err.issues[0]!.message).toContain('kein Shapefile');
		});
	});

	describe('ZIP files', () => {
		it('reads a shapefile from a subfolder of a ZIP and ignores macOS metadata', async () => {
			const zip = join(freshDir(), 'stadtteile.zip');
			const files = encodeShapefile('KLGL_BRUTTO_STADTTEIL', {
				features: TEILE,
				prj: ESRI_25832_PRJ,
				cpg: 'UTF-8',
				encoding: 'utf-8'
			});
			zipFiles(zip, {
				...Object.fromEntries(
					Object.entries(files).map(([name, bytes]) => [`Daten/Stadtteile/${name}`, bytes])
				),
				'__MACOSX/Daten/Stadtteile/._KLGL_BRUTTO_STADTTEIL.shp': new Uint8Array([0, 5, 22, 7]),
				'Daten/Lizenz.txt': 'dl-de/by-2-0'
			});
			const source = await readShapefile(zip);
			expect(source).toMatchObject({
				file: zip,
				layer: 'KLGL_BRUTTO_STADTTEIL',
				layers: ['KLGL_BRUTTO_STADTTEIL']
			});
			expect(source.crs).toEqual({ wkt: ESRI_25832_PRJ, origin: 'KLGL_BRUTTO_STADTTEIL.prj' });
			expect(source.features.map((f) => f.properties.STADTTEI_1)).toEqual(NAMES);
			expect(source.features[1]!.geometry).toEqual(asStored(MUENSTER));
		});

		it('needs --layer for a ZIP with several shapefiles', async () => {
			const zip = join(freshDir(), 'klgl.zip');
			zipFiles(zip, {
				...encodeShapefile('KLGL_BRUTTO_STADTTEIL', { features: TEILE }),
				...encodeShapefile('KLGL_BRUTTO_STADTBEZIRK', { features: BEZIRKE })
			});
			const err = await importError(readShapefile(zip));
			expect(err.issues[0]!.message).toContain('KLGL_BRUTTO_STADTBEZIRK');
			const source = await readShapefile(zip, { layer: 'KLGL_BRUTTO_STADTTEIL' });
			expect(source.features).toHaveLength(TEILE.length);
		});

		it('names shapefiles with the same base name by their folder', async () => {
			const zip = join(freshDir(), 'jahre.zip');
			const prefix = (folder: string, files: Record<string, Uint8Array>) =>
				Object.fromEntries(Object.entries(files).map(([name, bytes]) => [`${folder}/${name}`, bytes]));
			zipFiles(zip, {
				...prefix('2022', encodeShapefile('Stadtteile', { features: TEILE.slice(0, 2) })),
				...prefix('2023', encodeShapefile('Stadtteile', { features: TEILE }))
			});
			const err = await importError(readShapefile(zip));
			expect(err.issues[0]!.message).toContain('„2022/Stadtteile“, „2023/Stadtteile“');
			const source = await readShapefile(zip, { layer: '2023/Stadtteile' });
			expect(source.features).toHaveLength(TEILE.length);
		});

		it('says what a ZIP without shapefile contains', async () => {
			const zip = join(freshDir(), 'falsch.zip');
			zipFiles(zip, { 'stadtteile.gpkg': 'x', 'liesmich.txt': 'y' });
			const err = await importError(readShapefile(zip));
			expect(err.issues[0]!.message).toContain('kein Shapefile');
			expect(err.issues[0]!.message).toContain('stadtteile.gpkg');
		});

		it('reports a damaged ZIP', async () => {
			const zip = join(freshDir(), 'kaputt.zip');
			zipFiles(zip, encodeShapefile('Stadtteile', { features: TEILE }));
			const bytes = readFileSync(zip);
			writeFileSync(zip, bytes.subarray(0, bytes.length - 30));
			const err = await importError(readShapefile(zip));
			expect(err.issues[0]!.message).toContain('ZIP-Datei ist beschädigt');
		});
	});

	describe('damaged shapefiles', () => {
		it('reports a missing .dbf and how to fix it', async () => {
			const dir = freshDir();
			const files = encodeShapefile('Stadtteile', { features: TEILE });
			delete files['Stadtteile.dbf'];
			writeFiles(dir, files);
			const err = await importError(readShapefile(join(dir, 'Stadtteile.shp')));
			expect(err.issues[0]!.message).toContain('Stadtteile.dbf fehlt');
			expect(err.issues[0]!.message).toContain('.shp, .shx, .dbf');
			expect(err.issues[0]!.hint).toContain('denselben Ordner oder dieselbe ZIP-Datei');
		});

		it('names the feature where a cut-off .shp stops', async () => {
			const dir = freshDir();
			const files = encodeShapefile('Stadtteile', { features: TEILE });
			const shp = files['Stadtteile.shp']!;
			// Record 3 (the MultiPolygon) starts after the header and two 5-point polygons (one with a hole).
			const third = 100 + (8 + 44 + 4 + 16 * 5) + (8 + 44 + 8 + 16 * 10);
			writeFiles(dir, { ...files, 'Stadtteile.shp': shp.subarray(0, third + 40) });
			const err = await importError(readShapefile(join(dir, 'Stadtteile.shp')));
			expect(err.issues[0]).toMatchObject({ file: join(dir, 'Stadtteile.shp'), row: 3 });
			expect(err.issues[0]!.message).toContain('Stadtteile.shp ist unvollständig');
			expect(err.issues[0]!.message).toContain('Objekt 3');
		});

		it('notices a .shp cut at a record boundary', async () => {
			const dir = freshDir();
			const files = encodeShapefile('Stadtteile', { features: TEILE });
			const third = 100 + (8 + 44 + 4 + 16 * 5) + (8 + 44 + 8 + 16 * 10);
			writeFiles(dir, { ...files, 'Stadtteile.shp': files['Stadtteile.shp']!.subarray(0, third) });
			const err = await importError(readShapefile(join(dir, 'Stadtteile.shp')));
			expect(err.issues[0]!.message).toContain('Objekt 3');
		});

		it('names the feature where a cut-off .dbf stops', async () => {
			const dir = freshDir();
			const files = encodeShapefile('Stadtteile', { features: TEILE });
			const dbf = files['Stadtteile.dbf']!;
			writeFiles(dir, { ...files, 'Stadtteile.dbf': dbf.subarray(0, dbf.length - 60) });
			const err = await importError(readShapefile(join(dir, 'Stadtteile.shp')));
			expect(err.issues[0]!.message).toContain('Stadtteile.dbf ist unvollständig');
			expect(err.issues[0]!.message).toMatch(/Objekt \d von 5/);
		});

		it('reports .shp and .dbf from different exports', async () => {
			const dir = freshDir();
			const files = encodeShapefile('Stadtteile', { features: TEILE });
			const other = encodeShapefile('Stadtteile', { features: TEILE.slice(0, 3) });
			writeFiles(dir, { ...files, 'Stadtteile.dbf': other['Stadtteile.dbf']! });
			const err = await importError(readShapefile(join(dir, 'Stadtteile.shp')));
			expect(err.issues[0]!.message).toContain('5 Objekte');
			expect(err.issues[0]!.message).toContain('3 Zeilen');
		});

		it('refuses a .dbf with a field name twice', async () => {
			const dir = freshDir();
			const files = encodeShapefile('Stadtteile', { features: TEILE });
			const dbf = files['Stadtteile.dbf']!;
			// Give the second field descriptor the first one's name, as careless truncation does.
			dbf.copyWithin(64, 32, 43);
			writeFiles(dir, files);
			const err = await importError(readShapefile(join(dir, 'Stadtteile.shp')));
			expect(err.issues[0]).toMatchObject({ column: 'STADTTEILN' });
			expect(err.issues[0]!.message).toContain('Feldname „STADTTEILN“ kommt doppelt vor');
		});

		it('refuses an empty shapefile', async () => {
			const shp = writeShapefile(freshDir(), 'Leer', {
				features: [],
				fields: [{ name: 'NR', type: 'N', length: 5 }]
			});
			const err = await importError(readShapefile(shp));
			expect(err.issues[0]!.message).toContain('keine Objekte');
		});
	});

	it('does not modify the files', async () => {
		const dir = freshDir();
		writeShapefile(dir, 'Stadtteile', { features: TEILE, prj: ESRI_25832_PRJ, cpg: '1252' });
		const snapshot = () =>
			readdirSync(dir)
				.sort()
				.map((name) => [
					name,
					readFileSync(join(dir, name)).toString('base64'),
					statSync(join(dir, name)).mtimeMs
				]);
		const before = snapshot();
		await readShapefile(join(dir, 'Stadtteile.shp'));
		await readShapefile(dir);
		expect(snapshot()).toEqual(before);
	});
});

describe('encodingFromCpg', () => {
	it.each([
		['UTF-8', 'utf-8'],
		['utf8', 'utf-8'],
		['65001', 'utf-8'],
		['1252', 'windows-1252'],
		['CP1252', 'windows-1252'],
		['ANSI 1252', 'windows-1252'],
		['Windows-1252', 'windows-1252'],
		['ISO-8859-1', 'windows-1252'], // WHATWG decodes Latin-1 as its superset windows-1252
		['88591', 'windows-1252'],
		['ISO 8859-15', 'iso-8859-15'],
		['1250', 'windows-1250'],
		['latin1', 'windows-1252'],
		['850', undefined],
		['OEM', undefined],
		['', undefined]
	])('%s -> %s', (cpg, expected) => {
		expect(encodingFromCpg(cpg)).toBe(expected);
	});
});

describe('dbfEncoding', () => {
	const dbf = (options: Partial<ShapefileFixture>) =>
		encodeShapefile('x', { features: TEILE, ...options })['x.dbf']!;

	it('prefers the .cpg, then the language driver, then the bytes', () => {
		expect(dbfEncoding(dbf({ encoding: 'utf-8', ldid: 0x57 }), 'UTF-8')).toBe('utf-8');
		expect(dbfEncoding(dbf({ encoding: 'windows-1252', ldid: 0xc8 }))).toBe('windows-1250');
		expect(dbfEncoding(dbf({ encoding: 'utf-8' }))).toBe('utf-8');
		expect(dbfEncoding(dbf({ encoding: 'windows-1252' }))).toBe('windows-1252');
		expect(dbfEncoding(dbf({ encoding: 'windows-1252' }), 'OEM')).toBe('windows-1252');
	});
});

describe('dbfFieldNames (fixture writer)', () => {
	it('truncates to 10 characters and keeps names unique like GIS programs', () => {
		expect(dbfFieldNames(['STADTTEILNR', 'STADTTEILNAME', 'STADTBEZIRKNR', 'NR'])).toEqual([
			'STADTTEILN',
			'STADTTEI_1',
			'STADTBEZIR',
			'NR'
		]);
	});
});
