/**
 * GeoPackage reader: one feature table of an OGC GeoPackage (SQLite) -> FeatureSource.
 * SQLite runs as WebAssembly (sql.js) on the file read into memory, so nothing native is
 * built and the file is never written.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Geometry } from 'geojson';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';
import * as wkx from 'wkx';
import { ImportError, type CrsHint, type FeatureSource, type RawFeature } from '../types';
import { chooseLayer, requireFeatures } from './layers';

const SQLITE_MAGIC = 'SQLite format 3\0';

/** Envelope length in bytes by the header's envelope contents indicator (0–4). */
const ENVELOPE_BYTES = [0, 32, 48, 48, 64] as const;

/** A geometry blob that is not a valid GeoPackage geometry; the reader names the feature. */
export class GeoPackageGeometryError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'GeoPackageGeometryError';
	}
}

/**
 * Decode a GeoPackage geometry blob (header "GP", version, flags, srs_id, envelope, then
 * WKB) to GeoJSON; empty geometries -> null. Throws GeoPackageGeometryError for bad blobs.
 *
 * `decodeGeoPackageGeometry(blob)` -> `{ type: 'Polygon', coordinates: [[[513000, 5403000], …]] }`
 */
export function decodeGeoPackageGeometry(blob: Uint8Array): Geometry | null {
	if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50)
		throw new GeoPackageGeometryError('keine GeoPackage-Geometrie (Kennung „GP“ fehlt)');
	const version = blob[2]!;
	if (version !== 0) throw new GeoPackageGeometryError(`unbekannte GeoPackage-Geometrieversion ${version}`);
	const flags = blob[3]!;
	if (flags & 0x20)
		throw new GeoPackageGeometryError(
			'erweiterte GeoPackage-Geometrie (ExtendedGeoPackageBinary) wird nicht unterstützt'
		);
	const indicator = (flags >> 1) & 0x07;
	const envelope = ENVELOPE_BYTES[indicator as 0 | 1 | 2 | 3 | 4];
	if (envelope === undefined)
		throw new GeoPackageGeometryError(`ungültige Hüllrechteck-Angabe ${indicator} im Geometriekopf`);
	if (flags & 0x10) return null;
	const start = 8 + envelope;
	if (blob.length <= start) throw new GeoPackageGeometryError('Geometrie ist abgeschnitten (WKB fehlt)');
	let parsed: wkx.Geometry;
	try {
		parsed = wkx.Geometry.parse(Buffer.from(blob.buffer, blob.byteOffset + start, blob.length - start));
	} catch (err) {
		throw new GeoPackageGeometryError(`WKB nicht lesbar (${(err as Error).message})`);
	}
	const geometry = parsed.toGeoJSON() as Geometry;
	return isEmpty(geometry) ? null : geometry;
}

function isEmpty(geometry: Geometry): boolean {
	if (geometry.type === 'GeometryCollection') return geometry.geometries.length === 0;
	if (geometry.type === 'Point')
		return geometry.coordinates.length === 0 || geometry.coordinates.some(Number.isNaN);
	return geometry.coordinates.length === 0;
}

function quoteIdentifier(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/** Rows of a query as objects, for the small metadata tables. */
function query(db: Database, sql: string, params: SqlValue[] = []): Array<Record<string, SqlValue>> {
	const stmt = db.prepare(sql);
	try {
		stmt.bind(params);
		const rows: Array<Record<string, SqlValue>> = [];
		while (stmt.step()) rows.push(stmt.getAsObject());
		return rows;
	} finally {
		stmt.free();
	}
}

/** Refuse files that are not SQLite or shorter than their header says, before SQLite sees them. */
function checkSqliteFile(file: string, data: Uint8Array): void {
	const magic = new TextDecoder('latin1').decode(data.subarray(0, 16));
	if (magic !== SQLITE_MAGIC)
		throw new ImportError({
			file,
			message: 'Keine GeoPackage-Datei: die Datei ist keine SQLite-Datenbank',
			hint: 'Eine echte .gpkg-Datei angeben (z. B. in QGIS: Exportieren → Objekte speichern als → GeoPackage)'
		});
	if (data.length < 100) throw truncated(file, data.length);
	const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
	const rawPageSize = view.getUint16(16);
	const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
	const pages = view.getUint32(28);
	// The in-header page count is only valid when "version-valid-for" matches the change counter.
	const valid = view.getUint32(92) === view.getUint32(24);
	if (valid && pages > 0 && data.length < pages * pageSize)
		throw truncated(file, data.length, pages * pageSize);
}

function truncated(file: string, actual: number, expected?: number): ImportError {
	return new ImportError({
		file,
		message: `GeoPackage ist unvollständig oder beschädigt${expected ? ` (${actual} statt ${expected} Bytes)` : ''}`,
		hint: 'Datei erneut herunterladen bzw. exportieren; beim Kopieren oder Entpacken wurde sie abgeschnitten'
	});
}

function corrupt(file: string, err: unknown): ImportError {
	return new ImportError({
		file,
		message: `GeoPackage ist beschädigt oder unvollständig (SQLite: ${(err as Error).message})`,
		hint: 'Datei erneut herunterladen bzw. exportieren; in QGIS prüfen, ob sie sich öffnen lässt'
	});
}

interface FeatureTable {
	table: string;
	geometryColumn: string | null;
	srsId: number | null;
}

function featureTables(file: string, db: Database): FeatureTable[] {
	const hasContents = query(
		db,
		"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_contents'"
	);
	if (hasContents.length === 0)
		throw new ImportError({
			file,
			message: 'Keine GeoPackage-Datei: SQLite-Datenbank ohne Tabelle gpkg_contents',
			hint: 'Datei als GeoPackage exportieren (z. B. in QGIS: Objekte speichern als → GeoPackage)'
		});
	const hasColumns = query(
		db,
		"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_geometry_columns'"
	);
	const rows = query(
		db,
		hasColumns.length > 0
			? `SELECT c.table_name AS t, g.column_name AS col, COALESCE(g.srs_id, c.srs_id) AS srs
				FROM gpkg_contents c LEFT JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
				WHERE lower(c.data_type) = 'features' ORDER BY c.table_name`
			: `SELECT table_name AS t, NULL AS col, srs_id AS srs FROM gpkg_contents
				WHERE lower(data_type) = 'features' ORDER BY table_name`
	);
	return rows.map((r) => ({
		table: String(r.t),
		geometryColumn: typeof r.col === 'string' ? r.col : null,
		srsId: typeof r.srs === 'number' ? r.srs : null
	}));
}

function readCrs(db: Database, srsId: number | null): CrsHint | null {
	// srs_id 0 and -1 are the GeoPackage's "undefined geographic/cartesian" systems.
	if (srsId === null || srsId === 0 || srsId === -1) return null;
	const [row] = query(
		db,
		'SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?',
		[srsId]
	);
	if (!row) return null;
	const hint: CrsHint = { origin: `gpkg_spatial_ref_sys (srs_id ${srsId})` };
	const org = typeof row.organization === 'string' ? row.organization.trim().toUpperCase() : '';
	const code = Number(row.organization_coordsys_id);
	if (org === 'EPSG' && Number.isInteger(code) && code > 0) hint.epsg = code;
	const wkt = typeof row.definition === 'string' ? row.definition.trim() : '';
	if (wkt !== '' && wkt.toLowerCase() !== 'undefined') hint.wkt = wkt;
	return hint.epsg === undefined && hint.wkt === undefined ? null : hint;
}

function readFeatures(file: string, db: Database, layer: FeatureTable, fields: string[]): RawFeature[] {
	const geometryColumn = layer.geometryColumn!;
	const columns = [geometryColumn, ...fields].map(quoteIdentifier).join(', ');
	const stmt = db.prepare(`SELECT ${columns} FROM ${quoteIdentifier(layer.table)}`);
	const features: RawFeature[] = [];
	try {
		while (stmt.step()) {
			const index = features.length + 1;
			const row = stmt.get();
			const blob = row[0];
			let geometry: Geometry | null = null;
			if (blob instanceof Uint8Array) {
				try {
					geometry = decodeGeoPackageGeometry(blob);
				} catch (err) {
					if (!(err instanceof GeoPackageGeometryError)) throw err;
					throw new ImportError({
						file,
						row: index,
						column: geometryColumn,
						message: `Objekt ${index} in Ebene „${layer.table}“: ${err.message}`,
						hint: 'Geometrien in QGIS prüfen („Geometrien reparieren“) und die Ebene neu als GeoPackage exportieren'
					});
				}
			} else if (blob !== null && blob !== undefined) {
				throw new ImportError({
					file,
					row: index,
					column: geometryColumn,
					message: `Objekt ${index} in Ebene „${layer.table}“: Geometriespalte enthält ${typeof blob} statt einer Geometrie`,
					hint: 'Ebene in QGIS öffnen und neu als GeoPackage exportieren'
				});
			}
			const properties: Record<string, unknown> = {};
			for (let i = 0; i < fields.length; i++) properties[fields[i]!] = row[i + 1] ?? null;
			features.push({ index, properties, geometry });
		}
	} finally {
		stmt.free();
	}
	return features;
}

/** The directory of sql.js's WebAssembly binary in node_modules. */
function sqlJsDist(): string {
	return dirname(createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm'));
}

/**
 * Read one feature table of a GeoPackage. `layer` is required when the file has several
 * feature tables; all of them are listed in `layers`.
 *
 * `await readGeoPackage('stadtteile.gpkg', { layer: 'KLGL_BRUTTO_STADTTEIL' })`
 *   -> `{ format: 'gpkg', layer: 'KLGL_BRUTTO_STADTTEIL', crs: { epsg: 25832, … }, features: […] }`
 */
export async function readGeoPackage(file: string, options: { layer?: string } = {}): Promise<FeatureSource> {
	const data = new Uint8Array(readFileSync(file));
	checkSqliteFile(file, data);
	const dist = sqlJsDist();
	const SQL = await initSqlJs({ locateFile: (name: string) => join(dist, name) });
	const db = new SQL.Database(data);
	try {
		let tables: FeatureTable[];
		try {
			tables = featureTables(file, db);
		} catch (err) {
			if (err instanceof ImportError) throw err;
			throw corrupt(file, err);
		}
		const layers = tables.map((t) => t.table);
		if (tables.length === 0)
			throw new ImportError({
				file,
				message: 'GeoPackage enthält keine Objektebene (nur Raster- oder Attributtabellen)',
				hint: 'Die Gebiete als Vektorebene (Polygone) in das GeoPackage exportieren'
			});
		const name = chooseLayer(file, layers, options.layer);
		const layer = tables.find((t) => t.table === name)!;
		if (layer.geometryColumn === null)
			throw new ImportError({
				file,
				message: `Ebene „${name}“ hat keinen Eintrag in gpkg_geometry_columns`,
				hint: 'Ebene in QGIS öffnen und neu als GeoPackage exportieren'
			});
		try {
			const columns = query(db, `PRAGMA table_info(${quoteIdentifier(name)})`).map((c) => String(c.name));
			if (columns.length === 0)
				throw new ImportError({
					file,
					message: `Ebene „${name}“ steht in gpkg_contents, die Tabelle fehlt aber`,
					hint: 'Datei neu als GeoPackage exportieren'
				});
			const fields = columns.filter((c) => c !== layer.geometryColumn);
			const features = readFeatures(file, db, layer, fields);
			requireFeatures(file, name, features);
			return { file, format: 'gpkg', layer: name, layers, fields, crs: readCrs(db, layer.srsId), features };
		} catch (err) {
			if (err instanceof ImportError) throw err;
			throw corrupt(file, err);
		}
	} finally {
		db.close();
	}
}
