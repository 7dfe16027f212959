/**
 * Shapefile reader: a `.shp` with its `.dbf`, `.prj` and `.cpg` beside it, a folder with
 * one or more shapefiles, or a ZIP of them -> FeatureSource. All parts are read into memory;
 * the structure is checked first so that a cut-off file is reported with the feature where
 * reading stops, and the attribute encoding is taken from `.cpg`, the dBASE header or the
 * bytes themselves.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Geometry } from 'geojson';
import * as shapefile from 'shapefile';
import { ImportError, type FeatureSource, type RawFeature } from '../types';
import { chooseLayer, requireFeatures } from './layers';

/** The parts of a shapefile this reader looks at (`.shx` is not needed to read in order). */
const PART_EXTENSIONS = ['shp', 'dbf', 'prj', 'cpg'] as const;
type PartExtension = (typeof PART_EXTENSIONS)[number];

/** Shape types the shapefile package decodes (Z and M variants lose Z and M). */
const SHAPE_TYPES: Record<number, string> = {
	0: 'Null',
	1: 'Point',
	3: 'PolyLine',
	5: 'Polygon',
	8: 'MultiPoint',
	11: 'PointZ',
	13: 'PolyLineZ',
	15: 'PolygonZ',
	18: 'MultiPointZ',
	21: 'PointM',
	23: 'PolyLineM',
	25: 'PolygonM',
	28: 'MultiPointM'
};

/** dBASE language driver ids (header byte 29) of Windows code pages a TextDecoder knows. */
const LANGUAGE_DRIVERS: Record<number, string> = {
	0x03: 'windows-1252',
	0x57: 'windows-1252', // "ANSI": ArcGIS writes it for the Windows code page, in Germany 1252
	0x58: 'windows-1252',
	0x59: 'windows-1252',
	0x66: 'ibm866',
	0x7c: 'windows-874',
	0x7d: 'windows-1255',
	0x7e: 'windows-1256',
	0xc8: 'windows-1250',
	0xc9: 'windows-1251',
	0xca: 'windows-1254',
	0xcb: 'windows-1253',
	0xcc: 'windows-1257'
};

const FIX_TRUNCATED =
	'Datei erneut herunterladen bzw. exportieren; beim Kopieren oder Entpacken wurde sie abgeschnitten';

function canonicalEncoding(label: string): string | undefined {
	try {
		return new TextDecoder(label).encoding;
	} catch {
		return undefined;
	}
}

/**
 * TextDecoder label for the content of a `.cpg` file; undefined when it names no code page
 * a TextDecoder knows (DOS code pages such as 850 are among those).
 *
 * `encodingFromCpg('ANSI 1252')` -> `'windows-1252'`; `encodingFromCpg('65001')` -> `'utf-8'`
 */
export function encodingFromCpg(text: string): string | undefined {
	const s = text.trim().toUpperCase().replace(/\s+/g, ' ');
	if (s === '') return undefined;
	if (s === '65001' || /^UTF-?8$/.test(s)) return 'utf-8';
	const windows = /^(?:ANSI ?|CP ?|WINDOWS-?|WIN)?(125\d|874)$/.exec(s);
	if (windows) return canonicalEncoding(`windows-${windows[1]}`);
	const iso = /^(?:ISO[-_ ]?)?8859[-_ ]?(\d{1,2})$/.exec(s);
	if (iso) return canonicalEncoding(`iso-8859-${iso[1]}`);
	return canonicalEncoding(text.trim());
}

/**
 * The encoding of a `.dbf`: from the `.cpg` text when it names one, else from the language
 * driver id in the header, else UTF-8 when the attribute bytes are valid UTF-8 and
 * windows-1252 otherwise.
 *
 * `dbfEncoding(dbfBytes, 'UTF-8')` -> `'utf-8'`
 */
export function dbfEncoding(dbf: Uint8Array, cpg?: string): string {
	const fromCpg = cpg === undefined ? undefined : encodingFromCpg(cpg);
	if (fromCpg) return fromCpg;
	const fromHeader = dbf.length > 29 ? LANGUAGE_DRIVERS[dbf[29]!] : undefined;
	if (fromHeader) return fromHeader;
	const headerLength = dbf.length >= 10 ? dbf[8]! | (dbf[9]! << 8) : dbf.length;
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(dbf.subarray(Math.min(headerLength, dbf.length)));
		return 'utf-8';
	} catch {
		return 'windows-1252';
	}
}

/** One file in a folder or ZIP, by its path relative to the given folder or ZIP root. */
interface Entry {
	path: string;
	read: () => Uint8Array;
}

interface ShapefileParts {
	layer: string;
	/** File names for messages (relative to the folder or ZIP). */
	names: Record<PartExtension, string>;
	parts: Partial<Record<PartExtension, Entry>>;
}

function extensionOf(path: string): string {
	const dot = path.lastIndexOf('.');
	return dot > path.lastIndexOf('/') ? path.slice(dot + 1).toLowerCase() : '';
}

function stem(path: string): string {
	const dot = path.lastIndexOf('.');
	return dot > path.lastIndexOf('/') ? path.slice(0, dot) : path;
}

function ignored(path: string): boolean {
	// Resource forks and metadata folders that macOS puts into ZIP files.
	return path.split('/').some((p) => p === '__MACOSX' || p.startsWith('._'));
}

/** Group entries into shapefiles by their base name, matching extensions case-insensitively. */
function groupShapefiles(entries: Entry[]): ShapefileParts[] {
	const byKey = new Map<string, Entry>();
	for (const e of entries)
		if (!ignored(e.path)) byKey.set(`${stem(e.path).toLowerCase()}.${extensionOf(e.path)}`, e);
	const shps = entries.filter((e) => !ignored(e.path) && extensionOf(e.path) === 'shp');
	shps.sort((a, b) => a.path.localeCompare(b.path));
	const baseCount = new Map<string, number>();
	for (const e of shps) {
		const base = basename(stem(e.path));
		baseCount.set(base, (baseCount.get(base) ?? 0) + 1);
	}
	return shps.map((shp) => {
		const root = stem(shp.path);
		const base = basename(root);
		const parts: Partial<Record<PartExtension, Entry>> = {};
		const names = {} as Record<PartExtension, string>;
		for (const ext of PART_EXTENSIONS) {
			const found = byKey.get(`${root.toLowerCase()}.${ext}`);
			if (found) parts[ext] = found;
			names[ext] = found?.path ?? `${root}.${ext}`;
		}
		return { layer: baseCount.get(base)! > 1 ? root : base, names, parts };
	});
}

function listFolder(dir: string): Entry[] {
	const entries: Entry[] = [];
	const walk = (rel: string): void => {
		for (const d of readdirSync(join(dir, rel), { withFileTypes: true })) {
			if (d.name.startsWith('.')) continue;
			const path = rel === '' ? d.name : `${rel}/${d.name}`;
			if (d.isDirectory()) walk(path);
			else if (d.isFile()) entries.push({ path, read: () => new Uint8Array(readFileSync(join(dir, path))) });
		}
	};
	walk('');
	return entries;
}

function listZip(file: string): Entry[] {
	const seen: string[] = [];
	let files: Record<string, Uint8Array>;
	try {
		files = unzipSync(new Uint8Array(readFileSync(file)), {
			filter: (f) => {
				if (!f.name.endsWith('/')) seen.push(f.name);
				return (PART_EXTENSIONS as readonly string[]).includes(extensionOf(f.name));
			}
		});
	} catch (err) {
		throw new ImportError({
			file,
			message: `ZIP-Datei ist beschädigt oder unvollständig (${(err as Error).message})`,
			hint: FIX_TRUNCATED
		});
	}
	if (!Object.keys(files).some((n) => extensionOf(n) === 'shp' && !ignored(n))) {
		const others = seen.filter((n) => !ignored(n)).slice(0, 8);
		throw new ImportError({
			file,
			message: `ZIP-Datei enthält kein Shapefile (.shp)${others.length ? `; enthalten: ${others.join(', ')}` : ''}`,
			hint: 'ZIP mit .shp, .shx, .dbf und .prj angeben, oder eine andere Datei entpacken und direkt angeben'
		});
	}
	return Object.entries(files).map(([path, bytes]) => ({ path, read: () => bytes }));
}

/** Check the `.shp` structure; returns the number of records or throws naming where it breaks. */
function checkShp(file: string, name: string, shp: Uint8Array): number {
	const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
	if (shp.length < 100)
		throw new ImportError({
			file,
			message: `${name} ist unvollständig (Dateikopf fehlt)`,
			hint: FIX_TRUNCATED
		});
	if (view.getInt32(0, false) !== 9994)
		throw new ImportError({
			file,
			message: `${name} ist keine Shapefile-Geometriedatei (Kennung 9994 fehlt)`,
			hint: 'Die .shp-Datei aus dem Original-Export verwenden'
		});
	const type = view.getInt32(32, true);
	if (!(type in SHAPE_TYPES))
		throw new ImportError({
			file,
			message: `${name}: Geometrietyp ${type}${type === 31 ? ' (MultiPatch)' : ''} wird nicht unterstützt`,
			hint: 'Als Polygon- oder Punkt-Shapefile bzw. als GeoPackage exportieren'
		});
	const declared = view.getInt32(24, false) * 2;
	let offset = 100;
	let count = 0;
	while (offset < shp.length) {
		const at = count + 1;
		if (offset + 8 > shp.length || offset + 8 + view.getInt32(offset + 4, false) * 2 > shp.length)
			throw new ImportError({
				file,
				row: at,
				message: `${name} ist unvollständig: Lesen bricht bei Objekt ${at} ab (Datei hat ${shp.length} Bytes)`,
				hint: FIX_TRUNCATED
			});
		offset += 8 + view.getInt32(offset + 4, false) * 2;
		count++;
	}
	if (declared > shp.length)
		throw new ImportError({
			file,
			row: count + 1,
			message: `${name} ist unvollständig: nach Objekt ${count} fehlen ${declared - shp.length} Bytes (Lesen bricht bei Objekt ${count + 1} ab)`,
			hint: FIX_TRUNCATED
		});
	return count;
}

/** Check the `.dbf` structure; returns the record count and the field names as stored. */
function checkDbf(
	file: string,
	name: string,
	dbf: Uint8Array,
	encoding: string
): { count: number; fields: string[] } {
	if (dbf.length < 32)
		throw new ImportError({
			file,
			message: `${name} ist unvollständig (Dateikopf fehlt)`,
			hint: FIX_TRUNCATED
		});
	const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
	const count = view.getUint32(4, true);
	const headerLength = view.getUint16(8, true);
	const recordLength = view.getUint16(10, true);
	if (dbf.length < headerLength || recordLength === 0)
		throw new ImportError({
			file,
			message: `${name} ist unvollständig oder beschädigt (Feldliste abgeschnitten)`,
			hint: FIX_TRUNCATED
		});
	const complete = Math.floor((dbf.length - headerLength) / recordLength);
	if (complete < count)
		throw new ImportError({
			file,
			row: complete + 1,
			message: `${name} ist unvollständig: Lesen bricht bei Objekt ${complete + 1} von ${count} ab`,
			hint: FIX_TRUNCATED
		});
	const decoder = new TextDecoder(encoding);
	const fields: string[] = [];
	for (let n = 32; n + 32 <= headerLength && dbf[n] !== 0x0d; n += 32) {
		let end = n;
		while (end < n + 11 && dbf[end] !== 0) end++;
		fields.push(decoder.decode(dbf.subarray(n, end)).trim());
	}
	const twice = fields.find((f, i) => fields.indexOf(f) !== i);
	if (twice !== undefined)
		throw new ImportError({
			file,
			column: twice,
			message: `${name}: Feldname „${twice}“ kommt doppelt vor, die Werte wären nicht zu unterscheiden`,
			hint: 'Felder vor dem Export eindeutig benennen (höchstens 10 Zeichen) oder als GeoPackage exportieren'
		});
	return { count, fields };
}

function isoDate(date: Date): string | null {
	if (Number.isNaN(date.getTime())) return null;
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function readParts(
	file: string,
	found: ShapefileParts,
	layers: string[],
	multiLayer: boolean
): Promise<FeatureSource> {
	const { names, parts } = found;
	const shpName = basename(names.shp);
	if (!parts.dbf)
		throw new ImportError({
			file,
			message: `${basename(names.dbf)} fehlt – Shapefiles bestehen aus .shp, .shx, .dbf (und .prj)`,
			hint: 'Alle Teile in denselben Ordner oder dieselbe ZIP-Datei legen'
		});
	const dbfName = basename(names.dbf);
	const shp = parts.shp!.read();
	const dbf = parts.dbf.read();
	const cpg = parts.cpg ? new TextDecoder().decode(parts.cpg.read()) : undefined;
	const encoding = dbfEncoding(dbf, cpg);
	const shpCount = checkShp(file, shpName, shp);
	const { count: dbfCount, fields } = checkDbf(file, dbfName, dbf, encoding);
	if (shpCount !== dbfCount)
		throw new ImportError({
			file,
			message: `${shpName} hat ${shpCount} Objekte, ${dbfName} aber ${dbfCount} Zeilen`,
			hint: '.shp und .dbf aus demselben Export verwenden'
		});
	const features: RawFeature[] = [];
	try {
		const source = await shapefile.open(shp, dbf, { encoding });
		for (let r = await source.read(); !r.done; r = await source.read()) {
			const properties: Record<string, unknown> = {};
			for (const [key, value] of Object.entries(r.value.properties ?? {}))
				properties[key.trim()] = value instanceof Date ? isoDate(value) : value;
			features.push({
				index: features.length + 1,
				properties,
				geometry: (r.value.geometry as Geometry | null) ?? null
			});
		}
	} catch (err) {
		throw new ImportError({
			file,
			row: features.length + 1,
			message: `${shpName}: Objekt ${features.length + 1} ist nicht lesbar (${(err as Error).message})`,
			hint: 'Shapefile in QGIS prüfen und neu exportieren (am besten als GeoPackage)'
		});
	}
	requireFeatures(file, multiLayer ? found.layer : undefined, features);
	const prjText = parts.prj ? new TextDecoder().decode(parts.prj.read()).trim() : '';
	return {
		file,
		format: 'shapefile',
		layer: found.layer,
		layers,
		fields,
		crs: prjText === '' ? null : { wkt: prjText, origin: basename(names.prj) },
		features
	};
}

/**
 * Read one shapefile from a `.shp` path, a folder or a `.zip`. A folder or ZIP with several
 * shapefiles needs `layer` (the base name); `layers` lists them all.
 *
 * `await readShapefile('KLGL_BRUTTO_STADTTEIL.shp')`
 *   -> `{ format: 'shapefile', layer: 'KLGL_BRUTTO_STADTTEIL', fields: ['STADTTEILN', …], crs: { wkt: 'PROJCS[…]', origin: 'KLGL_BRUTTO_STADTTEIL.prj' }, … }`
 */
export async function readShapefile(file: string, options: { layer?: string } = {}): Promise<FeatureSource> {
	let entries: Entry[];
	let only: string | undefined;
	if (extensionOf(file.replaceAll('\\', '/')) === 'zip') {
		entries = listZip(file);
	} else if (statSync(file).isDirectory()) {
		entries = listFolder(file);
	} else {
		// A single .shp: its siblings are the other files in the same folder.
		const dir = dirname(file);
		only = basename(file);
		entries = readdirSync(dir, { withFileTypes: true })
			.filter((d) => d.isFile())
			.map((d) => ({ path: d.name, read: () => new Uint8Array(readFileSync(join(dir, d.name))) }));
	}
	const all = groupShapefiles(entries);
	const candidates = only === undefined ? all : all.filter((s) => s.parts.shp?.path === only);
	if (candidates.length === 0)
		throw new ImportError({
			file,
			message: 'Ordner enthält kein Shapefile (.shp)',
			hint: 'Ordner mit .shp, .shx, .dbf und .prj angeben oder die Datei direkt'
		});
	const layers = candidates.map((s) => s.layer);
	const layer = chooseLayer(file, layers, options.layer, 'Shapefile');
	const found = candidates.find((s) => s.layer === layer)!;
	return readParts(file, found, layers, candidates.length > 1);
}
