/**
 * EsriJSON reader: a feature set as an ArcGIS REST service returns it from `query?f=json`
 * -> FeatureSource. Rings become (Multi)Polygons with their holes assigned; the CRS is the
 * service's wkid, mapped to EPSG later.
 */
import { arcgisToGeoJSON } from '@terraformer/arcgis';
import type { Geometry } from 'geojson';
import { ImportError, type CrsHint, type FeatureSource, type RawFeature } from '../types';
import { requireFeatures } from './layers';

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ESRI_GEOMETRY_KEYS = ['rings', 'paths', 'points', 'x', 'curveRings', 'curvePaths'];

/**
 * True for an ArcGIS REST response: a feature set (`geometryType`, `spatialReference`,
 * features with `attributes`) or an error object.
 */
export function isEsriJson(value: unknown): boolean {
	if (!isObject(value)) return false;
	if (isObject(value.error) && !('type' in value)) return true;
	if ('geometryType' in value || 'spatialReference' in value) return true;
	const first: unknown = Array.isArray(value.features) ? value.features[0] : undefined;
	return (
		isObject(first) &&
		('attributes' in first || (isObject(first.geometry) && hasEsriGeometry(first.geometry)))
	);
}

function hasEsriGeometry(geometry: Record<string, unknown>): boolean {
	return ESRI_GEOMETRY_KEYS.some((k) => k in geometry);
}

/**
 * CRS of a feature set from its `spatialReference`: `latestWkid ?? wkid` as given (Esri
 * codes such as 102100 are mapped to EPSG by the caller), plus `wkt` when present.
 *
 * `esriCrs({ wkid: 102100, latestWkid: 3857 })` -> `{ epsg: 3857, origin: 'EsriJSON spatialReference (wkid 102100, latestWkid 3857)' }`
 */
export function esriCrs(spatialReference: unknown): CrsHint | null {
	if (!isObject(spatialReference)) return null;
	const { wkid, latestWkid, wkt } = spatialReference;
	const code = typeof latestWkid === 'number' ? latestWkid : typeof wkid === 'number' ? wkid : undefined;
	const parts = [
		typeof wkid === 'number' ? `wkid ${wkid}` : undefined,
		typeof latestWkid === 'number' ? `latestWkid ${latestWkid}` : undefined,
		typeof wkt === 'string' ? 'wkt' : undefined
	].filter((p) => p !== undefined);
	if (parts.length === 0) return null;
	const hint: CrsHint = { origin: `EsriJSON spatialReference (${parts.join(', ')})` };
	if (code !== undefined) hint.epsg = code;
	if (typeof wkt === 'string') hint.wkt = wkt;
	return hint;
}

function isEmptyGeometry(geometry: Geometry): boolean {
	return geometry.type === 'GeometryCollection'
		? geometry.geometries.length === 0
		: !Array.isArray(geometry.coordinates) || geometry.coordinates.length === 0;
}

function toGeometry(file: string, index: number, value: unknown): Geometry | null {
	if (value === null || value === undefined) return null;
	const at = { file, row: index, column: 'geometry' };
	if (!isObject(value))
		throw new ImportError({
			...at,
			message: `Objekt ${index}: Geometrie ist kein Objekt`,
			hint: 'Abfrage mit returnGeometry=true wiederholen bzw. Datei neu speichern'
		});
	if ('curveRings' in value || 'curvePaths' in value)
		throw new ImportError({
			...at,
			message: `Objekt ${index} enthält Kurvengeometrien (curveRings), die nicht umgerechnet werden können`,
			hint: 'Dienst ohne echte Kurven abfragen (returnTrueCurves=false)'
		});
	// Without its spatialReference the converter does not warn about non-WGS84 coordinates;
	// the CRS is handled once for the whole layer.
	const { spatialReference: _sr, ...bare } = value;
	const converted = arcgisToGeoJSON(bare);
	if (!('type' in converted) || converted.type === 'Feature' || converted.type === 'FeatureCollection')
		return null;
	return isEmptyGeometry(converted) ? null : converted;
}

function serviceError(file: string, error: Record<string, unknown>): ImportError {
	const details = Array.isArray(error.details)
		? error.details.filter((d) => typeof d === 'string' && d !== '').join('; ')
		: '';
	const code = error.code !== undefined ? ` ${String(error.code)}` : '';
	const text = typeof error.message === 'string' ? error.message : JSON.stringify(error);
	return new ImportError({
		file,
		message: `Datei enthält eine Fehlermeldung des ArcGIS-Dienstes statt Daten: Fehler${code} „${text}“${details ? ` (${details})` : ''}`,
		hint: 'Abfrage-URL prüfen (z. B. …/query?where=1%3D1&outFields=*&f=json) und die Antwort erneut speichern'
	});
}

/**
 * A parsed EsriJSON feature set -> FeatureSource; throws an ImportError for an ArcGIS error
 * object, a partial result (`exceededTransferLimit`), a missing feature list or 0 features.
 *
 * `readEsriJson('a.json', { spatialReference: { wkid: 25832 }, features: [{ attributes: { NR: 1 }, geometry: { x: 513000, y: 5403000 } }] })`
 *   -> `{ format: 'esrijson', fields: ['NR'], crs: { epsg: 25832, … }, features: [{ index: 1, properties: { NR: 1 }, geometry: { type: 'Point', coordinates: [513000, 5403000] } }] }`
 */
export function readEsriJson(file: string, value: unknown): FeatureSource {
	if (!isObject(value))
		throw new ImportError({
			file,
			message: 'Kein EsriJSON-Objekt',
			hint: 'Antwort des Dienstes mit f=json speichern'
		});
	if (isObject(value.error)) throw serviceError(file, value.error);
	if (!Array.isArray(value.features))
		throw new ImportError({
			file,
			column: 'features',
			message: 'EsriJSON ohne features-Liste',
			hint: 'Abfrage mit …/query?where=1%3D1&outFields=*&f=json speichern (nicht die Layer-Beschreibung)'
		});
	const list: unknown[] = value.features;
	if (value.exceededTransferLimit === true)
		throw new ImportError({
			file,
			message: `Der ArcGIS-Dienst hat nur einen Teil der Objekte geliefert (exceededTransferLimit: true, ${list.length} Objekte in der Datei)`,
			hint: `Weitere Seiten mit resultOffset=${list.length}, ${list.length * 2}, … (und resultRecordCount=${list.length}) abfragen und zusammenführen, oder den Layer vollständig exportieren (z. B. als GeoPackage)`
		});
	const features: RawFeature[] = list.map((item, i) => {
		const index = i + 1;
		if (!isObject(item))
			throw new ImportError({
				file,
				row: index,
				message: `Objekt ${index} ist kein EsriJSON-Feature`,
				hint: 'Jedes Element von features muss {"attributes": …, "geometry": …} sein'
			});
		const attributes = isObject(item.attributes) ? { ...item.attributes } : {};
		return { index, properties: attributes, geometry: toGeometry(file, index, item.geometry) };
	});
	requireFeatures(file, undefined, features);
	const declared = Array.isArray(value.fields)
		? value.fields.flatMap((f: unknown) => (isObject(f) && typeof f.name === 'string' ? [f.name] : []))
		: [];
	const fields = declared.length > 0 ? declared : Object.keys(features[0]!.properties);
	const firstGeometry: unknown = list.map((f) => (isObject(f) ? f.geometry : undefined)).find(isObject);
	const crs =
		esriCrs(value.spatialReference) ??
		(isObject(firstGeometry) ? esriCrs(firstGeometry.spatialReference) : null);
	return { file, format: 'esrijson', layers: [], fields, crs, features };
}
