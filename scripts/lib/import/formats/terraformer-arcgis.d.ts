/** The one function of @terraformer/arcgis (which ships no types) the EsriJSON reader uses. */
declare module '@terraformer/arcgis' {
	import type { GeoJSON } from 'geojson';

	/** ArcGIS JSON geometry, feature or feature set -> GeoJSON; unknown input yields `{}`. */
	export function arcgisToGeoJSON(arcgis: object, idAttribute?: string): GeoJSON | Record<string, never>;
}
