/**
 * Entry point of the format readers: a boundary or point file -> FeatureSource, dispatched
 * by extension (and, for `.json`, by content: GeoJSON or EsriJSON).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { ImportError, type FeatureSource } from '../types';
import { isEsriJson, readEsriJson } from './esrijson';
import { readGeoJson } from './geojson';
import { readGeoPackage } from './gpkg';
import { parseJsonText } from './json';
import { readShapefile } from './shapefile';

/** The inputs readFeatureFile accepts, for messages. */
export const SUPPORTED_INPUTS =
	'GeoPackage (.gpkg), Shapefile (.shp, Ordner mit Shapefiles oder .zip), GeoJSON (.geojson/.json), EsriJSON (.json)';

const SHAPEFILE_PARTS = new Set(['.dbf', '.shx', '.prj', '.cpg']);

function readJsonFeatures(file: string): FeatureSource {
	const bytes = readFileSync(file);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		// JSON must be UTF-8, but hand-saved files are sometimes Windows-1252; umlauts survive this way.
		text = new TextDecoder('windows-1252').decode(bytes);
	}
	const value = parseJsonText(file, text);
	return isEsriJson(value) ? readEsriJson(file, value) : readGeoJson(file, value);
}

/**
 * Read one layer of a boundary/point file into a FeatureSource; throws ImportError for bad
 * input (unknown format, damaged file, ambiguous or unknown layer, no features).
 *
 * `await readFeatureFile('geodata/stuttgart/KLGL.gpkg', { layer: 'KLGL_BRUTTO_STADTTEIL' })`
 *   -> `{ file: 'geodata/stuttgart/KLGL.gpkg', format: 'gpkg', layer: 'KLGL_BRUTTO_STADTTEIL', … }`
 */
export async function readFeatureFile(
	path: string,
	options: { layer?: string } = {}
): Promise<FeatureSource> {
	if (!existsSync(path))
		throw new ImportError({
			file: path,
			message: 'Datei oder Ordner nicht gefunden',
			hint: 'Pfad prüfen (relativ zum Projektordner oder absolut angeben)'
		});
	if (statSync(path).isDirectory()) return readShapefile(path, options);
	const ext = extname(path).toLowerCase();
	switch (ext) {
		case '.gpkg':
			return readGeoPackage(path, options);
		case '.shp':
		case '.zip':
			return readShapefile(path, options);
		case '.geojson':
		case '.json':
			return readJsonFeatures(path);
	}
	if (SHAPEFILE_PARTS.has(ext))
		throw new ImportError({
			file: path,
			message: `${ext}-Datei ist nur ein Teil eines Shapefiles`,
			hint: 'Die zugehörige .shp-Datei, den Ordner oder die ZIP-Datei angeben'
		});
	throw new ImportError({
		file: path,
		message: `Dateiformat „${ext || 'ohne Endung'}“ wird nicht unterstützt`,
		hint: `Unterstützt: ${SUPPORTED_INPUTS}; andere Formate z. B. in QGIS als GeoPackage exportieren`
	});
}
