import { intersect, featureCollection, feature as turfFeature } from '@turf/turf';
import { Delaunay } from 'd3';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { topology as buildTopology } from 'topojson-server';
import type { Topology } from 'topojson-specification';
import { addMergedLevel } from './topology';

/** A Stadtteil with its representative interior point (WGS84). */
export interface SchematicSite {
	key: string;
	name: string;
	/** Key of the parent Stadtbezirk. */
	parent: string;
	lon: number;
	lat: number;
}

export type AreaFeature = Feature<Polygon | MultiPolygon, { name: string; parent?: string }>;

/** Shared vertices are snapped to this grid (degrees, about 1 cm) so that arcs coincide. */
const SNAP = 1e7;

const snap = (v: number) => Math.round(v * SNAP) / SNAP;

function snapRing(ring: Position[]): Position[] | null {
	const out: Position[] = [];
	for (const [x, y] of ring) {
		const p = [snap(x!), snap(y!)];
		const last = out[out.length - 1];
		if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
	}
	// A closed ring needs at least three distinct vertices plus the closing one.
	return out.length >= 4 ? out : null;
}

function snapGeometry(geom: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
	const polygons = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
	const kept: Position[][][] = [];
	for (const rings of polygons) {
		const outer = rings[0] && snapRing(rings[0]);
		if (!outer) continue;
		const holes: Position[][] = [];
		for (const r of rings.slice(1)) {
			const h = snapRing(r);
			if (h) holes.push(h);
		}
		kept.push([outer, ...holes]);
	}
	if (kept.length === 0) return null;
	return kept.length === 1
		? { type: 'Polygon', coordinates: kept[0]! }
		: { type: 'MultiPolygon', coordinates: kept };
}

/**
 * Schematic Stadtteil polygons: the Voronoi cells of the representative points, clipped to
 * the city outline. The cells tile the city without gaps or overlaps; vertices on shared
 * edges are identical in both cells, so a topology can share their arcs.
 *
 * The Voronoi diagram is computed in a local equirectangular plane (longitude scaled by
 * cos(latitude)) so that cells are not stretched east-west.
 */
export function schematicCells(
	sites: readonly SchematicSite[],
	outline: Polygon | MultiPolygon
): AreaFeature[] {
	if (sites.length < 2) throw new Error('Mindestens zwei Punkte für eine schematische Geometrie nötig');
	const ring =
		outline.type === 'Polygon' ? outline.coordinates[0]! : outline.coordinates.flatMap((p) => p[0]!);
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [lon, lat] of ring) {
		minX = Math.min(minX, lon!);
		maxX = Math.max(maxX, lon!);
		minY = Math.min(minY, lat!);
		maxY = Math.max(maxY, lat!);
	}
	const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
	const padX = (maxX - minX) * 0.1;
	const padY = (maxY - minY) * 0.1;
	const delaunay = Delaunay.from(
		sites,
		(s) => s.lon * k,
		(s) => s.lat
	);
	const voronoi = delaunay.voronoi([(minX - padX) * k, minY - padY, (maxX + padX) * k, maxY + padY]);
	const outlineFeature = turfFeature(outline);
	return sites.map((site, i) => {
		const cell = voronoi.cellPolygon(i);
		if (!cell) throw new Error(`Keine Voronoi-Zelle für ${site.key} (doppelter Punkt?)`);
		const cellPolygon = turfFeature<Polygon>({
			type: 'Polygon',
			coordinates: [cell.map(([x, y]) => [x! / k, y!])]
		});
		const clipped = intersect(featureCollection([cellPolygon, outlineFeature]));
		const geometry = clipped && snapGeometry(clipped.geometry);
		if (!geometry) throw new Error(`Zelle von ${site.key} liegt außerhalb der Stadtgrenze`);
		return {
			type: 'Feature',
			id: site.key,
			properties: { name: site.name, parent: site.parent },
			geometry
		} satisfies AreaFeature;
	});
}

export interface SchematicInput {
	sites: readonly SchematicSite[];
	parents: ReadonlyArray<{ key: string; name: string }>;
	outline: Polygon | MultiPolygon;
	/** Quantization of the topology (grid steps across the extent). */
	quantization?: number;
}

/**
 * One quantized TopoJSON topology with objects `stadtteil` (Voronoi cells, id = key,
 * properties { name, parent }) and `stadtbezirk` (merged from their Stadtteile, so both
 * levels share the same arcs).
 */
export function buildSchematicTopology(input: SchematicInput): Topology {
	const cells = schematicCells(input.sites, input.outline);
	const collection: FeatureCollection = { type: 'FeatureCollection', features: cells };
	const topo = buildTopology({ stadtteil: collection }, input.quantization ?? 1e5);
	return addMergedLevel(topo, 'stadtteil', 'stadtbezirk', input.parents);
}
