/**
 * Format readers of the importer: `readFeatureFile` picks the reader by extension and
 * content; the per-format readers are exported for callers that know the format.
 */
export { readFeatureFile, SUPPORTED_INPUTS } from './readFeatureFile';
export { readGeoPackage, decodeGeoPackageGeometry } from './gpkg';
export { readShapefile, dbfEncoding, encodingFromCpg } from './shapefile';
export { readGeoJson, geoJsonCrs, parseCrsName } from './geojson';
export { readEsriJson, esriCrs } from './esrijson';
