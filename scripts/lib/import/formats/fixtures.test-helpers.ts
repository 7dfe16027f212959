/**
 * Writers for small (and, for benchmarks, large) boundary files built in tests: GeoPackage
 * via sql.js, Shapefile (.shp/.shx/.dbf per the ESRI whitepaper and dBASE III) by hand, and
 * ZIP via fflate. Nothing binary is committed; every test makes what it reads.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { zipSync } from 'fflate';
import type { Geometry, Polygon, Position } from 'geojson';
import initSqlJs, { type SqlValue } from 'sql.js';
import * as wkx from 'wkx';

/** ETRS89 / UTM zone 32N as the EPSG registry writes it (OGC WKT 1). */
export const EPSG_25832_WKT =
	'PROJCS["ETRS89 / UTM zone 32N",GEOGCS["ETRS89",DATUM["European_Terrestrial_Reference_System_1989",' +
	'SPHEROID["GRS 1980",6378137,298.257222101,AUTHORITY["EPSG","7019"]],AUTHORITY["EPSG","6258"]],' +
	'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],' +
	'AUTHORITY["EPSG","4258"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],' +
	'PARAMETER["central_meridian",9],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],' +
	'PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],' +
	'AXIS["Northing",NORTH],AUTHORITY["EPSG","25832"]]';

/** ETRS89 / UTM zone 32N as ArcGIS writes it into a `.prj` (ESRI WKT, no authority). */
export const ESRI_25832_PRJ =
	'PROJCS["ETRS_1989_UTM_Zone_32N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",' +
	'SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],' +
	'PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],' +
	'PARAMETER["Central_Meridian",9.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],' +
	'UNIT["Meter",1.0]]';

/** A feature to write: attribute values by (long) field name, geometry in file coordinates. */
export interface FixtureFeature {
	properties: Record<string, string | number | null>;
	geometry: Geometry | null;
}

/** A temp directory and a function that removes it. */
export function makeTempDir(prefix = 'bildungslandkarte-'): { dir: string; cleanup: () => void } {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * An axis-aligned square as a GeoJSON Polygon (outer ring counter-clockwise as in
 * RFC 7946), optionally with a square hole in the middle.
 *
 * `squarePolygon(513000, 5402000, 100)` -> `{ type: 'Polygon', coordinates: [[[513000, 5402000], [513100, 5402000], …]] }`
 */
export function squarePolygon(x: number, y: number, size: number, hole?: number): Polygon {
	const ring = (x0: number, y0: number, s: number, ccw: boolean): Position[] => {
		const r: Position[] = [
			[x0, y0],
			[x0 + s, y0],
			[x0 + s, y0 + s],
			[x0, y0 + s],
			[x0, y0]
		];
		return ccw ? r : r.reverse();
	};
	const rings = [ring(x, y, size, true)];
	if (hole !== undefined) rings.push(ring(x + (size - hole) / 2, y + (size - hole) / 2, hole, false));
	return { type: 'Polygon', coordinates: rings };
}

/**
 * `count` adjacent squares in rows, in UTM 32N around Stuttgart by default; for benchmarks.
 *
 * `gridPolygons(2)` -> `[{ properties: { NR: 1, NAME: 'Gebiet 1' }, geometry: Polygon }, …]`
 */
export function gridPolygons(
	count: number,
	{ x = 505000, y = 5395000, size = 250, perRow = 100 } = {}
): FixtureFeature[] {
	return Array.from({ length: count }, (_, i) => ({
		properties: { NR: i + 1, NAME: `Gebiet ${i + 1}` },
		geometry: squarePolygon(x + (i % perRow) * size, y + Math.floor(i / perRow) * size, size)
	}));
}

// ---------------------------------------------------------------------------------------------
// GeoPackage

/** One feature table of a GeoPackage to write. */
export interface GpkgLayerFixture {
	name: string;
	fields: Array<{ name: string; type: 'INTEGER' | 'TEXT' | 'REAL' }>;
	/** A geometry, null for SQL NULL, or a ready-made blob (see `gpkgGeometry`). */
	features: Array<{ properties: Record<string, SqlValue>; geometry: Geometry | null | Uint8Array }>;
	/** srs_id of the layer and its geometries; 25832 (written with WKT) by default. */
	srsId?: number;
}

function forEachPosition(geometry: Geometry, fn: (p: Position) => void): void {
	switch (geometry.type) {
		case 'Point':
			fn(geometry.coordinates);
			break;
		case 'MultiPoint':
		case 'LineString':
			geometry.coordinates.forEach(fn);
			break;
		case 'MultiLineString':
		case 'Polygon':
			for (const line of geometry.coordinates) line.forEach(fn);
			break;
		case 'MultiPolygon':
			for (const poly of geometry.coordinates) for (const ring of poly) ring.forEach(fn);
			break;
		case 'GeometryCollection':
			for (const g of geometry.geometries) forEachPosition(g, fn);
	}
}

function bounds(geometries: Iterable<Geometry | null>): [number, number, number, number] | null {
	let box: [number, number, number, number] | null = null;
	for (const g of geometries) {
		if (!g) continue;
		forEachPosition(g, ([x, y]) => {
			if (x === undefined || y === undefined) return;
			if (!box) box = [x, y, x, y];
			else {
				box[0] = Math.min(box[0], x);
				box[1] = Math.min(box[1], y);
				box[2] = Math.max(box[2], x);
				box[3] = Math.max(box[3], y);
			}
		});
	}
	return box;
}

/**
 * A GeoPackage geometry blob: "GP", version 0, flags, srs_id, envelope, WKB. `'empty'`
 * writes an empty polygon with the empty flag set.
 *
 * `gpkgGeometry({ type: 'Point', coordinates: [513000, 5402000] })` -> `Uint8Array [0x47, 0x50, 0, 3, …]`
 */
export function gpkgGeometry(
	geometry: Geometry | 'empty',
	srsId = 25832,
	{ envelope = true, bigEndian = false }: { envelope?: boolean; bigEndian?: boolean } = {}
): Uint8Array {
	const empty = geometry === 'empty';
	const wkb = empty ? new wkx.Polygon().toWkb() : wkx.Geometry.parseGeoJSON(geometry).toWkb();
	const box = empty || !envelope ? null : bounds([geometry]);
	const header = new Uint8Array(8 + (box ? 32 : 0));
	const view = new DataView(header.buffer);
	header[0] = 0x47;
	header[1] = 0x50;
	header[2] = 0;
	header[3] = (bigEndian ? 0 : 1) | ((box ? 1 : 0) << 1) | (empty ? 0x10 : 0);
	view.setInt32(4, srsId, !bigEndian);
	if (box) [box[0], box[2], box[1], box[3]].forEach((v, i) => view.setFloat64(8 + i * 8, v, !bigEndian));
	const blob = new Uint8Array(header.length + wkb.length);
	blob.set(header);
	blob.set(wkb, header.length);
	return blob;
}

/** The sql.js module, with its WebAssembly binary from node_modules. */
export async function loadSqlJs(): Promise<initSqlJs.SqlJsStatic> {
	const dist = dirname(createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm'));
	return initSqlJs({ locateFile: (name: string) => join(dist, name) });
}

/** Write a SQLite file from SQL statements (for "SQLite but not a GeoPackage" cases). */
export async function writeSqlite(path: string, statements: string[]): Promise<void> {
	const SQL = await loadSqlJs();
	const db = new SQL.Database();
	for (const s of statements) db.run(s);
	writeFileSync(path, db.export());
	db.close();
}

function quote(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Write a GeoPackage with the minimal tables (gpkg_spatial_ref_sys incl. EPSG:25832 with
 * WKT, gpkg_contents, gpkg_geometry_columns) and one feature table per layer with
 * `fid INTEGER PRIMARY KEY`, `geom` and the given fields.
 *
 * `await writeGeoPackage('/tmp/x.gpkg', [{ name: 'KLGL_BRUTTO_STADTBEZIRK', fields: [...], features: [...] }])`
 */
export async function writeGeoPackage(path: string, layers: GpkgLayerFixture[]): Promise<void> {
	const SQL = await loadSqlJs();
	const db = new SQL.Database();
	db.run('PRAGMA application_id = 1196444487'); // "GPKG"
	db.run('PRAGMA user_version = 10300');
	db.run(`CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
		organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
		description TEXT)`);
	const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
	for (const row of [
		['Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', null],
		['Undefined geographic SRS', 0, 'NONE', 0, 'undefined', null],
		[
			'WGS 84 geodetic',
			4326,
			'EPSG',
			4326,
			'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]',
			null
		],
		['ETRS89 / UTM zone 32N', 25832, 'EPSG', 25832, EPSG_25832_WKT, null]
	] as SqlValue[][])
		srs.run(row);
	srs.free();
	db.run(`CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
		identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT '2024-01-01T00:00:00.000Z',
		min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER)`);
	db.run(`CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
		geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
		CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name))`);
	for (const layer of layers) {
		const srsId = layer.srsId ?? 25832;
		const columns = layer.fields.map((f) => `${quote(f.name)} ${f.type}`).join(', ');
		db.run(
			`CREATE TABLE ${quote(layer.name)} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom MULTIPOLYGON${columns ? `, ${columns}` : ''})`
		);
		const box = bounds(layer.features.map((f) => (f.geometry instanceof Uint8Array ? null : f.geometry)));
		db.run(
			'INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
			[layer.name, 'features', layer.name, ...(box ?? [null, null, null, null]), srsId]
		);
		db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)', [
			layer.name,
			'geom',
			'GEOMETRY',
			srsId
		]);
		const names = ['geom', ...layer.fields.map((f) => f.name)];
		const insert = db.prepare(
			`INSERT INTO ${quote(layer.name)} (${names.map(quote).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`
		);
		db.run('BEGIN');
		for (const f of layer.features) {
			const geom =
				f.geometry === null || f.geometry instanceof Uint8Array
					? f.geometry
					: gpkgGeometry(f.geometry, srsId);
			insert.run([geom, ...layer.fields.map((field) => f.properties[field.name] ?? null)]);
		}
		db.run('COMMIT');
		insert.free();
	}
	writeFileSync(path, db.export());
	db.close();
}

// ---------------------------------------------------------------------------------------------
// Shapefile

/** A dBASE field; `name` is the long name used in the features' properties. */
export interface DbfField {
	name: string;
	type: 'C' | 'N';
	length: number;
	decimals?: number;
}

export interface ShapefileFixture {
	features: FixtureFeature[];
	/** Field definitions; inferred from the properties (C or N, fitting lengths) when absent. */
	fields?: DbfField[];
	/** Encoding of the .dbf text; windows-1252 by default. */
	encoding?: 'windows-1252' | 'utf-8';
	/** dBASE language driver id (header byte 29); 0 ("none") by default. */
	ldid?: number;
	/** Content of the .prj; no .prj when absent. */
	prj?: string;
	/** Content of the .cpg; no .cpg when absent. */
	cpg?: string;
}

const WINDOWS_1252 = ((): Map<string, number> => {
	const map = new Map<string, number>();
	const decoder = new TextDecoder('windows-1252');
	for (let b = 0; b < 256; b++) map.set(decoder.decode(new Uint8Array([b])), b);
	return map;
})();

function encodeText(text: string, encoding: 'windows-1252' | 'utf-8'): Uint8Array {
	if (encoding === 'utf-8') return new TextEncoder().encode(text);
	return Uint8Array.from([...text], (ch) => {
		const b = WINDOWS_1252.get(ch);
		if (b === undefined) throw new Error(`"${ch}" has no windows-1252 byte`);
		return b;
	});
}

/**
 * dBASE field names as GIS programs store them: at most 10 characters, made unique with
 * `_1`, `_2`, … where truncation collides.
 *
 * `dbfFieldNames(['STADTTEILNR', 'STADTTEILNAME'])` -> `['STADTTEILN', 'STADTTEI_1']`
 */
export function dbfFieldNames(names: string[]): string[] {
	const used = new Set<string>();
	return names.map((name) => {
		let candidate = name.slice(0, 10);
		for (let i = 1; used.has(candidate); i++) candidate = `${name.slice(0, 10 - String(i).length - 1)}_${i}`;
		used.add(candidate);
		return candidate;
	});
}

function inferFields(features: FixtureFeature[], encoding: 'windows-1252' | 'utf-8'): DbfField[] {
	const names: string[] = [];
	for (const f of features)
		for (const key of Object.keys(f.properties)) if (!names.includes(key)) names.push(key);
	return names.map((name) => {
		const values = features.map((f) => f.properties[name]).filter((v) => v !== null && v !== undefined);
		if (values.length > 0 && values.every((v) => typeof v === 'number')) {
			const texts = values.map(String);
			const decimals = Math.max(
				0,
				...texts.map((t) => (t.includes('.') ? t.length - t.indexOf('.') - 1 : 0))
			);
			return { name, type: 'N', length: Math.max(1, ...texts.map((t) => t.length)), decimals };
		}
		const bytes = values.map((v) => encodeText(String(v), encoding).length);
		return { name, type: 'C', length: Math.min(254, Math.max(1, ...bytes)) };
	});
}

type ShapeType = 0 | 1 | 5;

function shapeTypeOf(features: FixtureFeature[]): ShapeType {
	let type: ShapeType = 0;
	for (const { geometry } of features) {
		if (!geometry) continue;
		let t: ShapeType;
		if (geometry.type === 'Point') t = 1;
		else if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') t = 5;
		else throw new Error(`writeShapefile: ${geometry.type} is not supported`);
		if (type !== 0 && t !== type) throw new Error('writeShapefile: mixed geometry types');
		type = t;
	}
	return type;
}

/** Twice the signed area; positive for counter-clockwise rings. */
function signedArea2(ring: Position[]): number {
	let sum = 0;
	for (let i = 0; i + 1 < ring.length; i++)
		sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
	return sum;
}

/** Rings in shapefile order: outer rings clockwise, holes counter-clockwise, all closed. */
function shapeRings(geometry: Polygon | { type: 'MultiPolygon'; coordinates: Position[][][] }): Position[][] {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	const rings: Position[][] = [];
	for (const polygon of polygons)
		polygon.forEach((ring, i) => {
			const closed =
				ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1] ? ring : [...ring, ring[0]!];
			const clockwise = signedArea2(closed) < 0;
			rings.push(clockwise === (i === 0) ? closed : [...closed].reverse());
		});
	return rings;
}

function recordContentLength(geometry: Geometry | null): number {
	if (!geometry) return 4;
	if (geometry.type === 'Point') return 20;
	const rings = shapeRings(geometry as Polygon);
	const points = rings.reduce((n, r) => n + r.length, 0);
	return 44 + 4 * rings.length + 16 * points;
}

function writeMainHeader(view: DataView, type: ShapeType, byteLength: number, box: number[]): void {
	view.setInt32(0, 9994, false);
	view.setInt32(24, byteLength / 2, false);
	view.setInt32(28, 1000, true);
	view.setInt32(32, type, true);
	box.forEach((v, i) => view.setFloat64(36 + i * 8, v, true));
}

function encodeShp(features: FixtureFeature[]): { shp: Uint8Array; shx: Uint8Array } {
	const type = shapeTypeOf(features);
	const lengths = features.map((f) => recordContentLength(f.geometry));
	const shpLength = 100 + lengths.reduce((n, l) => n + 8 + l, 0);
	const shp = new Uint8Array(shpLength);
	const shx = new Uint8Array(100 + 8 * features.length);
	const view = new DataView(shp.buffer);
	const index = new DataView(shx.buffer);
	const b = bounds(features.map((f) => f.geometry)) ?? [0, 0, 0, 0];
	writeMainHeader(view, type, shpLength, b);
	writeMainHeader(index, type, shx.length, b);
	let offset = 100;
	features.forEach((f, i) => {
		const length = lengths[i]!;
		index.setInt32(100 + i * 8, offset / 2, false);
		index.setInt32(104 + i * 8, length / 2, false);
		view.setInt32(offset, i + 1, false);
		view.setInt32(offset + 4, length / 2, false);
		let o = offset + 8;
		const g = f.geometry;
		if (!g) {
			view.setInt32(o, 0, true);
		} else if (g.type === 'Point') {
			view.setInt32(o, 1, true);
			view.setFloat64(o + 4, g.coordinates[0]!, true);
			view.setFloat64(o + 12, g.coordinates[1]!, true);
		} else {
			const rings = shapeRings(g as Polygon);
			const box = bounds([g])!;
			view.setInt32(o, 5, true);
			box.forEach((v, k) => view.setFloat64(o + 4 + k * 8, v, true));
			view.setInt32(o + 36, rings.length, true);
			view.setInt32(
				o + 40,
				rings.reduce((n, r) => n + r.length, 0),
				true
			);
			o += 44;
			let start = 0;
			for (const ring of rings) {
				view.setInt32(o, start, true);
				o += 4;
				start += ring.length;
			}
			for (const ring of rings)
				for (const [x, y] of ring) {
					view.setFloat64(o, x!, true);
					view.setFloat64(o + 8, y!, true);
					o += 16;
				}
		}
		offset += 8 + length;
	});
	return { shp, shx };
}

function encodeDbf(
	features: FixtureFeature[],
	fields: DbfField[],
	encoding: 'windows-1252' | 'utf-8',
	ldid: number
): Uint8Array {
	const stored = dbfFieldNames(fields.map((f) => f.name));
	const headerLength = 32 + 32 * fields.length + 1;
	const recordLength = 1 + fields.reduce((n, f) => n + f.length, 0);
	const dbf = new Uint8Array(headerLength + recordLength * features.length + 1);
	const view = new DataView(dbf.buffer);
	dbf.set([0x03, 124, 1, 1]); // dBASE III, last update 2024-01-01
	view.setUint32(4, features.length, true);
	view.setUint16(8, headerLength, true);
	view.setUint16(10, recordLength, true);
	dbf[29] = ldid;
	fields.forEach((field, i) => {
		const at = 32 + i * 32;
		dbf.set(encodeText(stored[i]!, 'utf-8').subarray(0, 10), at);
		dbf[at + 11] = field.type.charCodeAt(0);
		dbf[at + 16] = field.length;
		dbf[at + 17] = field.decimals ?? 0;
	});
	dbf[headerLength - 1] = 0x0d;
	let offset = headerLength;
	for (const feature of features) {
		dbf.fill(0x20, offset, offset + recordLength);
		let o = offset + 1;
		for (const field of fields) {
			const value = feature.properties[field.name];
			if (value !== null && value !== undefined) {
				const bytes = encodeText(String(value), encoding);
				if (bytes.length > field.length)
					throw new Error(`writeShapefile: value "${value}" is longer than field ${field.name}`);
				dbf.set(bytes, field.type === 'N' ? o + field.length - bytes.length : o);
			}
			o += field.length;
		}
		offset += recordLength;
	}
	dbf[offset] = 0x1a;
	return dbf;
}

/**
 * The files of a shapefile as bytes by file name (`<base>.shp`, `.shx`, `.dbf`, and `.prj`
 * / `.cpg` when given), e.g. to put into a ZIP.
 *
 * `encodeShapefile('Stadtteile', { features })` -> `{ 'Stadtteile.shp': Uint8Array, 'Stadtteile.shx': …, 'Stadtteile.dbf': … }`
 */
export function encodeShapefile(baseName: string, fixture: ShapefileFixture): Record<string, Uint8Array> {
	const encoding = fixture.encoding ?? 'windows-1252';
	const fields = fixture.fields ?? inferFields(fixture.features, encoding);
	const { shp, shx } = encodeShp(fixture.features);
	const files: Record<string, Uint8Array> = {
		[`${baseName}.shp`]: shp,
		[`${baseName}.shx`]: shx,
		[`${baseName}.dbf`]: encodeDbf(fixture.features, fields, encoding, fixture.ldid ?? 0)
	};
	if (fixture.prj !== undefined) files[`${baseName}.prj`] = new TextEncoder().encode(fixture.prj);
	if (fixture.cpg !== undefined) files[`${baseName}.cpg`] = new TextEncoder().encode(fixture.cpg);
	return files;
}

/**
 * Write a shapefile into `dir`; returns the path of the `.shp`.
 *
 * `writeShapefile(dir, 'Stadtteile', { features, encoding: 'windows-1252', prj: ESRI_25832_PRJ })` -> `'<dir>/Stadtteile.shp'`
 */
export function writeShapefile(dir: string, baseName: string, fixture: ShapefileFixture): string {
	for (const [name, bytes] of Object.entries(encodeShapefile(baseName, fixture)))
		writeFileSync(join(dir, name), bytes);
	return join(dir, `${baseName}.shp`);
}

/**
 * Write a ZIP of the given files (names may contain `/` for subfolders).
 *
 * `zipFiles('/tmp/x.zip', { 'daten/Stadtteile.shp': bytes, 'liesmich.txt': 'Hallo' })`
 */
export function zipFiles(zipPath: string, files: Record<string, Uint8Array | string>): void {
	const entries: Record<string, Uint8Array> = {};
	for (const [name, content] of Object.entries(files))
		entries[name] = typeof content === 'string' ? new TextEncoder().encode(content) : content;
	writeFileSync(zipPath, zipSync(entries, { mtime: new Date('2024-01-01T00:00:00Z') }));
}
