import type { FeatureCollection, GeoJSON } from 'geojson';
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';

/**
 * What a hidden layer's source holds until the layer is first shown. The source and its
 * layers are added at once, so their order on the map is fixed, but MapLibre's one worker
 * indexes only the data on screen: on a first load it tiles the visible areas sooner.
 */
export const NOT_YET_SHOWN: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * Hands `data` to the source the first time its layer is visible; returns whether the
 * source now holds it. `loaded = showOnce(map, id, data, visible, loaded)`.
 */
export function showOnce(
	map: MaplibreMap,
	sourceId: string,
	data: GeoJSON,
	visible: boolean,
	loaded: boolean
): boolean {
	if (loaded || !visible) return loaded;
	map.getSource<GeoJSONSource>(sourceId)?.setData(data);
	return true;
}
