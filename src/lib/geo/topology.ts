import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature, mergeArcs } from 'topojson-client';
import type {
	GeometryCollection,
	MultiPolygon as TopoMultiPolygon,
	Polygon as TopoPolygon,
	Topology
} from 'topojson-specification';

export type AreaProperties = { name: string; parent?: string };
type AreaGeometry = (TopoPolygon<AreaProperties> | TopoMultiPolygon<AreaProperties>) & { id: string };

/**
 * The geometries of an area object, which must be a GeometryCollection of (Multi)Polygons
 * with string ids; a different shape is a bug in the builder or importer.
 */
export function areaGeometries(topo: Topology, object: string): AreaGeometry[] {
	const collection = topo.objects[object];
	if (!collection || collection.type !== 'GeometryCollection')
		throw new Error(`Topologie hat kein Objekt "${object}" (GeometryCollection)`);
	return (collection as GeometryCollection).geometries.map((g) => {
		if (g.type !== 'Polygon' && g.type !== 'MultiPolygon')
			throw new Error(`Objekt "${object}": Geometrie ${String(g.id)} ist kein Polygon`);
		if (typeof g.id !== 'string') throw new Error(`Objekt "${object}": Geometrie ohne Schlüssel`);
		return g as AreaGeometry;
	});
}

/**
 * Add a parent level to a topology by merging the child geometries that share
 * `properties.parent` (topojson-client `mergeArcs`): parent borders are exactly the child
 * arcs. Returns a new topology object; the input's arcs are shared, not copied.
 *
 * `addMergedLevel(topo, 'stadtteil', 'stadtbezirk', [{ key: '1', name: 'Mitte' }])`
 */
export function addMergedLevel(
	topo: Topology,
	childObject: string,
	parentObject: string,
	parents: ReadonlyArray<{ key: string; name: string }>
): Topology {
	const children = areaGeometries(topo, childObject);
	const geometries = parents.map((parent) => {
		const members = children.filter((g) => g.properties?.parent === parent.key);
		if (members.length === 0) throw new Error(`Übergeordnete Einheit ${parent.key} hat keine Teilgebiete`);
		const merged = mergeArcs(topo, members);
		const properties = { name: parent.name };
		return merged.arcs.length === 1
			? { type: 'Polygon' as const, arcs: merged.arcs[0]!, id: parent.key, properties }
			: { type: 'MultiPolygon' as const, arcs: merged.arcs, id: parent.key, properties };
	});
	return {
		...topo,
		objects: { ...topo.objects, [parentObject]: { type: 'GeometryCollection', geometries } }
	};
}

/** GeoJSON features of an area object (id = key): `decodeAreas(topo, 'stadtteil')`. */
export function decodeAreas(
	topo: Topology,
	object: string
): Array<Feature<Polygon | MultiPolygon, AreaProperties>> {
	areaGeometries(topo, object);
	const fc = feature(topo, topo.objects[object] as GeometryCollection<AreaProperties>) as FeatureCollection<
		Polygon | MultiPolygon,
		AreaProperties
	>;
	return fc.features;
}

/** Name of the object that holds the polygons of a settlement layer (siedlungsflaechen.topo.json). */
export const SETTLEMENT_OBJECT = 'siedlung';

/**
 * The polygons of a settlement layer as GeoJSON features, for `cityGrid` / `settlementWeights`.
 * The object must be a GeometryCollection of (Multi)Polygons; a different shape is a bug in the
 * data build (the loader checks the file first).
 *
 * `decodeSettlement(topology)` -> `[{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', … } }, …]`
 */
export function decodeSettlement(topo: Topology): Array<Feature<Polygon | MultiPolygon>> {
	const collection = topo.objects[SETTLEMENT_OBJECT];
	if (!collection || collection.type !== 'GeometryCollection')
		throw new Error(`Topologie hat kein Objekt "${SETTLEMENT_OBJECT}" (GeometryCollection)`);
	for (const g of (collection as GeometryCollection).geometries)
		if (g.type !== 'Polygon' && g.type !== 'MultiPolygon')
			throw new Error(`Objekt "${SETTLEMENT_OBJECT}": Geometrie vom Typ ${String(g.type)} ist keine Fläche`);
	return (feature(topo, collection as GeometryCollection) as FeatureCollection<Polygon | MultiPolygon>)
		.features;
}
