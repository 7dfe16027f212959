import { feature, merge, mesh } from 'topojson-client';
import type {
	GeometryCollection,
	GeometryObject,
	MultiPolygon as TopoMultiPolygon,
	Polygon as TopoPolygon,
	Topology
} from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon, Point } from 'geojson';
import { pointOnFeature } from '@turf/turf';
import type { BildungsregionDef, Level } from '$lib/domain/types';

/** Properties every area feature carries; `key` is the official key, used as feature id. */
export interface AreaProps {
	key: string;
	name: string;
	parent?: string;
}

type AreaObject = GeometryCollection<{ name?: string; parent?: string }>;

function levelObject(topology: Topology, level: Level): AreaObject {
	const obj = topology.objects[level];
	if (!obj || obj.type !== 'GeometryCollection') {
		throw new Error(`Topology has no GeometryCollection "${level}"`);
	}
	return obj as AreaObject;
}

/**
 * The areas of one level as GeoJSON with `properties.key` set to the area key.
 * `areaFeatures(topo, 'stadtbezirk').features.length` -> 23
 */
export function areaFeatures(topology: Topology, level: Level): FeatureCollection<Geometry, AreaProps> {
	const obj = levelObject(topology, level);
	return {
		type: 'FeatureCollection',
		features: obj.geometries.map((g) => {
			const key = String(g.id);
			const f = feature(topology, g as GeometryObject) as Feature<Geometry>;
			const props = (g.properties ?? {}) as { name?: string; parent?: string };
			return {
				type: 'Feature',
				id: key,
				properties: { key, name: props.name ?? key, parent: props.parent },
				geometry: f.geometry
			};
		})
	};
}

/** Inner borders between the areas of a level (each shared arc once), for parent outlines. */
export function innerBorders(topology: Topology, level: Level): MultiLineString {
	const obj = levelObject(topology, level);
	return mesh(topology, obj as GeometryObject, (a, b) => a !== b);
}

/** The outline of each Bildungsregion, merged from its member areas' arcs. */
export function regionOutlines(
	topology: Topology,
	regions: readonly BildungsregionDef[]
): FeatureCollection<MultiPolygon, { id: string; name: string }> {
	return {
		type: 'FeatureCollection',
		features: regions.map((r) => {
			const obj = levelObject(topology, r.level);
			const members = new Set(r.areas);
			const parts = obj.geometries.filter((g) => members.has(String(g.id)));
			return {
				type: 'Feature',
				properties: { id: r.id, name: r.name },
				geometry: merge(topology, parts as Array<TopoPolygon | TopoMultiPolygon>)
			};
		})
	};
}

/**
 * A label position inside each area (the centroid when it lies inside, else a point on the
 * surface). `labelPoints(areas)[0].geometry.type` -> 'Point'
 */
export function labelPoints(areas: FeatureCollection<Geometry, AreaProps>): Array<Feature<Point, AreaProps>> {
	return areas.features.map((f) => ({
		type: 'Feature',
		properties: f.properties,
		geometry: pointOnFeature(f).geometry
	}));
}

/** [west, south, east, north] of a topology's areas. */
export function areaBounds(areas: FeatureCollection): [number, number, number, number] {
	let w = Infinity;
	let s = Infinity;
	let e = -Infinity;
	let n = -Infinity;
	const visit = (c: unknown): void => {
		if (Array.isArray(c) && typeof c[0] === 'number') {
			const [x, y] = c as [number, number];
			w = Math.min(w, x);
			e = Math.max(e, x);
			s = Math.min(s, y);
			n = Math.max(n, y);
		} else if (Array.isArray(c)) c.forEach(visit);
	};
	for (const f of areas.features)
		if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
	return [w, s, e, n];
}

/** The map geometry of a city, derived once per page: areas of both levels and the lines over them. */
export interface CityGeometry {
	features: Record<Level, FeatureCollection<Geometry, AreaProps>>;
	/** Borders between the Stadtbezirke, drawn over the Stadtteile. */
	bezirkBorders: MultiLineString;
	/** The outline of each Bildungsregion. */
	regions: FeatureCollection<MultiPolygon, { id: string; name: string }>;
	/** [west, south, east, north] of the city. */
	bounds: [number, number, number, number];
}

/**
 * Everything a city map draws from the topology.
 * `cityGeometry(topo, city.bildungsregionen).features.stadtbezirk.features.length` -> 23
 */
export function cityGeometry(topology: Topology, regions: readonly BildungsregionDef[]): CityGeometry {
	const stadtbezirk = areaFeatures(topology, 'stadtbezirk');
	return {
		features: { stadtteil: areaFeatures(topology, 'stadtteil'), stadtbezirk },
		bezirkBorders: innerBorders(topology, 'stadtbezirk'),
		regions: regionOutlines(topology, regions),
		bounds: areaBounds(stadtbezirk)
	};
}
