import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import type { Topology } from 'topojson-specification';
import { SETTLEMENT_OBJECT } from './topology';

/**
 * Grid steps across the layer's extent: about 2 m across a city of 20 km, far below the 150 m
 * cells the layer is used for, and one digit less per coordinate than the areas' 1e5.
 */
export const SETTLEMENT_QUANTIZATION = 1e4;

/**
 * The compact form of a settlement layer for static/data/<city>/: one quantized, delta-encoded
 * TopoJSON object `siedlung` with the polygons only (no properties, no ids). Borders shared by
 * neighbouring polygons (ALKIS blocks) are stored once. Read back with `decodeSettlement`.
 *
 * `settlementTopology(features)` -> `{ type: 'Topology', objects: { siedlung: { type: 'GeometryCollection', … } }, arcs, transform }`
 */
export function settlementTopology(features: ReadonlyArray<Feature<Polygon | MultiPolygon>>): Topology {
	const collection: FeatureCollection<Polygon | MultiPolygon> = {
		type: 'FeatureCollection',
		features: features.map((f) => ({ type: 'Feature', properties: null, geometry: f.geometry }))
	};
	return topology({ [SETTLEMENT_OBJECT]: collection }, SETTLEMENT_QUANTIZATION) as Topology;
}
