/**
 * GeoJSON reader: FeatureCollection, Feature or bare geometry -> FeatureSource. RFC 7946
 * files are WGS84; older files (2008 spec) may name their CRS in a `crs` member, which is
 * passed on as a hint (e.g. Gauss-Krüger, EPSG:31467).
 */
import type { Geometry } from 'geojson';
import { ImportError, type CrsHint, type FeatureSource, type RawFeature } from '../types';
import { requireFeatures } from './layers';

const GEOMETRY_TYPES = new Set([
	'Point',
	'MultiPoint',
	'LineString',
	'MultiLineString',
	'Polygon',
	'MultiPolygon',
	'GeometryCollection'
]);

const EPSG_PATTERNS: readonly RegExp[] = [
	// EPSG:25832, EPSG::25832, urn:ogc:def:crs:EPSG:25832, urn:ogc:def:crs:EPSG::25832
	/^(?:urn:ogc:def:crs:)?EPSG:{1,2}(\d+)$/i,
	// urn:ogc:def:crs:EPSG:6.6:25832 (with a registry version)
	/^urn:ogc:def:crs:EPSG:[^:]*:(\d+)$/i,
	// http://www.opengis.net/def/crs/EPSG/0/25832
	/^https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/[^/]*\/(\d+)$/i,
	// http://www.opengis.net/gml/srs/epsg.xml#25832
	/^https?:\/\/www\.opengis\.net\/gml\/srs\/epsg\.xml#(\d+)$/i
];

// OGC CRS84 is WGS84 with longitude first, which is what GeoJSON coordinates are anyway.
const CRS84_PATTERNS: readonly RegExp[] = [
	/^(?:urn:ogc:def:crs:)?OGC:[^:]*:CRS:?84$/i,
	/^(?:OGC:)?CRS:?84$/i,
	/^https?:\/\/www\.opengis\.net\/def\/crs\/OGC\/[^/]*\/CRS84$/i
];

/**
 * EPSG code of a CRS name as written in GeoJSON `crs` members; undefined when it is not
 * an EPSG (or CRS84) identifier.
 *
 * `parseCrsName('urn:ogc:def:crs:EPSG::25832')` -> `25832`; `parseCrsName('CRS84')` -> `4326`
 */
export function parseCrsName(name: string): number | undefined {
	const s = name.trim();
	for (const pattern of EPSG_PATTERNS) {
		const m = pattern.exec(s);
		if (m) return Number(m[1]);
	}
	return CRS84_PATTERNS.some((p) => p.test(s)) ? 4326 : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The CRS a GeoJSON object states: WGS84 when it has no `crs` member (RFC 7946), the EPSG
 * code of an old-style `crs` member, or only the raw member in `origin` when that is not an
 * EPSG identifier. `crs: null` means "unknown" in the 2008 spec -> null.
 *
 * `geoJsonCrs({ type: 'FeatureCollection', features: [] })` -> `{ epsg: 4326, origin: 'GeoJSON (RFC 7946)' }`
 */
export function geoJsonCrs(value: Record<string, unknown>): CrsHint | null {
	if (!('crs' in value)) return { epsg: 4326, origin: 'GeoJSON (RFC 7946)' };
	const crs = value.crs;
	if (crs === null || crs === undefined) return null;
	const props = isObject(crs) && isObject(crs.properties) ? crs.properties : {};
	if (isObject(crs) && crs.type === 'name' && typeof props.name === 'string') {
		const origin = `GeoJSON-Eintrag crs („${props.name}“)`;
		const epsg = parseCrsName(props.name);
		return epsg === undefined ? { origin } : { epsg, origin };
	}
	if (isObject(crs) && String(crs.type).toUpperCase() === 'EPSG' && /^\d+$/.test(String(props.code))) {
		return { epsg: Number(props.code), origin: `GeoJSON-Eintrag crs (EPSG ${String(props.code)})` };
	}
	const raw = JSON.stringify(crs);
	return { origin: `GeoJSON-Eintrag crs (${raw.length > 120 ? `${raw.slice(0, 117)}...` : raw})` };
}

/** True for a value that looks like GeoJSON (a FeatureCollection, Feature or geometry). */
export function isGeoJson(value: unknown): boolean {
	if (!isObject(value) || typeof value.type !== 'string') return false;
	return value.type === 'FeatureCollection' || value.type === 'Feature' || GEOMETRY_TYPES.has(value.type);
}

function isGeometry(value: unknown): value is Geometry {
	if (!isObject(value) || typeof value.type !== 'string' || !GEOMETRY_TYPES.has(value.type)) return false;
	if (value.type === 'GeometryCollection')
		return Array.isArray(value.geometries) && value.geometries.every(isGeometry);
	return Array.isArray(value.coordinates);
}

function toFeature(file: string, value: unknown, index: number): RawFeature {
	const at = { file, row: index };
	if (!isObject(value) || value.type !== 'Feature')
		throw new ImportError({
			...at,
			message: `Objekt ${index} ist kein GeoJSON-Feature (type „${isObject(value) ? String(value.type) : typeof value}“)`,
			hint: 'Jedes Element von features muss {"type": "Feature", "geometry": …, "properties": …} sein'
		});
	const geometry = value.geometry ?? null;
	if (geometry !== null && !isGeometry(geometry))
		throw new ImportError({
			...at,
			column: 'geometry',
			message: `Objekt ${index}: Geometrie ist ungültig (type „${isObject(geometry) ? String(geometry.type) : typeof geometry}“ oder coordinates fehlen)`,
			hint: 'Geometrie als Polygon, MultiPolygon oder Point mit coordinates angeben bzw. Datei neu exportieren'
		});
	const properties = value.properties ?? {};
	if (!isObject(properties))
		throw new ImportError({
			...at,
			column: 'properties',
			message: `Objekt ${index}: properties ist kein Objekt`,
			hint: 'properties als {"Feld": Wert, …} angeben'
		});
	return { index, properties: { ...properties }, geometry };
}

/**
 * A parsed GeoJSON value -> FeatureSource; throws an ImportError for non-GeoJSON content,
 * invalid features and an empty collection.
 *
 * `readGeoJson('a.geojson', { type: 'Point', coordinates: [9.18, 48.78] })`
 *   -> `{ format: 'geojson', features: [{ index: 1, properties: {}, geometry: { type: 'Point', … } }], … }`
 */
export function readGeoJson(file: string, value: unknown): FeatureSource {
	if (!isObject(value) || !isGeoJson(value)) {
		const topo = isObject(value) && value.type === 'Topology';
		throw new ImportError({
			file,
			message: topo
				? 'TopoJSON wird nicht unterstützt'
				: 'Kein GeoJSON: es fehlt "type": "FeatureCollection", "Feature" oder ein Geometrietyp',
			hint: topo
				? 'Datei als GeoJSON exportieren (z. B. mit mapshaper: -o format=geojson)'
				: 'Datei als GeoJSON (RFC 7946) exportieren'
		});
	}
	let features: RawFeature[];
	if (value.type === 'FeatureCollection') {
		if (!Array.isArray(value.features))
			throw new ImportError({
				file,
				column: 'features',
				message: 'FeatureCollection ohne features-Liste',
				hint: 'Datei neu exportieren; "features" muss eine Liste sein'
			});
		features = value.features.map((f: unknown, i) => toFeature(file, f, i + 1));
	} else if (value.type === 'Feature') {
		features = [toFeature(file, value, 1)];
	} else {
		if (!isGeometry(value))
			throw new ImportError({
				file,
				message: `Geometrie vom Typ „${String(value.type)}“ ohne coordinates`,
				hint: 'Datei neu exportieren'
			});
		features = [{ index: 1, properties: {}, geometry: value }];
	}
	requireFeatures(file, undefined, features);
	const fields = new Set<string>();
	for (const f of features) for (const key of Object.keys(f.properties)) fields.add(key);
	return { file, format: 'geojson', layers: [], fields: [...fields], crs: geoJsonCrs(value), features };
}
