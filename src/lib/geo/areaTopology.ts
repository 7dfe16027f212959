import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { quantize } from 'topojson-client';
import { topology as buildTopology } from 'topojson-server';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { Objects, Topology } from 'topojson-specification';
import { countVertices } from './checkPolygon';

/** Mean earth radius in metres (IUGG), to turn steradians into square metres. */
const EARTH_RADIUS = 6_371_008.8;

export type AreaInput = Feature<Polygon | MultiPolygon, { name: string; parent?: string }> & { id: string };

export interface TopologyOptions {
	/**
	 * Simplification tolerance in metres: a vertex goes when the triangle it forms with its
	 * neighbours is smaller than tolerance² (Visvalingam–Whyatt). 0 keeps every vertex.
	 */
	toleranceMetres: number;
	/** Grid steps across the extent for the quantized output (1e5 ≈ 0.3 m across a city). */
	quantization: number;
}

export interface TopologyStats {
	verticesBefore: number;
	verticesAfter: number;
	/** Bytes of the input as GeoJSON text and of the output topology as JSON text. */
	bytesBefore: number;
	bytesAfter: number;
	arcs: number;
}

/**
 * Builds one topology from the areas of a level (object `name`), simplifies its arcs once
 * (so neighbouring areas keep exactly the same border) and quantizes it. Every arc keeps
 * its end points and at least one inner point, closed arcs two, so no ring collapses.
 *
 * `buildAreaTopology('stadtteil', features, { toleranceMetres: 5, quantization: 1e5 })`
 *   -> { topology: { type: 'Topology', objects: { stadtteil }, arcs, transform }, stats }
 */
export function buildAreaTopology(
	name: string,
	features: readonly AreaInput[],
	options: TopologyOptions
): { topology: Topology; stats: TopologyStats } {
	const collection: FeatureCollection<Polygon | MultiPolygon> = {
		type: 'FeatureCollection',
		features: [...features]
	};
	const verticesBefore = features.reduce((n, f) => n + countVertices(f.geometry), 0);
	const bytesBefore = JSON.stringify(collection).length;

	let topo = buildTopology({ [name]: collection }) as Topology<Objects<Record<string, unknown>>>;
	if (options.toleranceMetres > 0) {
		const pre = presimplify(topo, sphericalTriangleArea);
		protectArcShapes(pre);
		const minWeight = options.toleranceMetres ** 2 / EARTH_RADIUS ** 2;
		topo = simplify(pre, minWeight);
	}
	const quantized = quantize(topo, options.quantization) as Topology;
	const verticesAfter = quantized.arcs.reduce((n, arc) => n + arc.length, 0);
	return {
		topology: quantized,
		stats: {
			verticesBefore,
			verticesAfter,
			bytesBefore,
			bytesAfter: JSON.stringify(quantized).length,
			arcs: quantized.arcs.length
		}
	};
}

/** Marks the heaviest inner point of every arc (two for closed arcs) as never removable. */
function protectArcShapes(topo: Topology<Objects<Record<string, unknown>>>): void {
	for (const arc of topo.arcs as unknown as number[][][]) {
		const n = arc.length;
		if (n < 3) continue;
		const first = arc[0]!;
		const last = arc[n - 1]!;
		const closed = first[0] === last[0] && first[1] === last[1];
		const inner = arc.slice(1, n - 1).sort((a, b) => b[2]! - a[2]!);
		for (const p of inner.slice(0, closed ? 2 : 1)) p[2] = Infinity;
	}
}
