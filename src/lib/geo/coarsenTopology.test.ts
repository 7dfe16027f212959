import { describe, expect, it } from 'vitest';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection, Polygon } from 'geojson';
import { coarsenTopology } from './coarsenTopology';

/** Two unit squares side by side sharing arc 0 (x = 1), quantized on a 1001 grid over [0, 2] x [0, 1]. */
const TOPO: Topology = {
	type: 'Topology',
	bbox: [0, 0, 2, 1],
	transform: { scale: [0.002, 0.001], translate: [0, 0] },
	objects: {
		a: {
			type: 'GeometryCollection',
			geometries: [
				{ type: 'Polygon', id: 'l', arcs: [[0, 1]], properties: { name: 'Links' } },
				{ type: 'Polygon', id: 'r', arcs: [[~0, 2]], properties: { name: 'Rechts' } }
			]
		},
		other: { type: 'GeometryCollection', geometries: [] }
	},
	arcs: [
		// x = 1 from y = 0 to y = 1, with a point just beside the start that a coarse grid merges into it.
		[
			[500, 0],
			[1, 1],
			[-1, 999]
		],
		// Back around the left square: (1,1) -> (0,1) -> (0,0) -> (1,0).
		[
			[500, 1000],
			[-500, 0],
			[0, -1000],
			[500, 0]
		],
		// Around the right square: (1,0) -> (2,0) -> (2,1) -> (1,1).
		[
			[500, 0],
			[500, 0],
			[0, 1000],
			[-500, 0]
		]
	]
};

const decode = (t: Topology, name: string) =>
	feature(t, t.objects[name] as GeometryCollection) as FeatureCollection<Polygon>;

describe('coarsenTopology', () => {
	it('snaps to the coarser grid, drops repeated points and keeps shared borders', () => {
		const out = coarsenTopology(TOPO, ['a'], 11);
		expect(out.transform).toEqual({ scale: [0.2, 0.1], translate: [0, 0] });
		// The second point falls into the cell of the first and goes.
		expect(out.arcs[0]).toEqual([
			[5, 0],
			[0, 10]
		]);
		const [l, r] = decode(out, 'a').features;
		const ring = (f: typeof l) =>
			f!.geometry.coordinates[0]!.map(([x, y]) => [+x!.toFixed(6), +y!.toFixed(6)]);
		expect(ring(l)).toEqual([
			[1, 0],
			[1, 1],
			[0, 1],
			[0, 0],
			[1, 0]
		]);
		expect(ring(r)).toContainEqual([1, 1]);
		expect(ring(r)).toContainEqual([2, 0]);
	});

	it('keeps only the named objects, ids without properties', () => {
		const out = coarsenTopology(TOPO, ['a'], 11);
		expect(Object.keys(out.objects)).toEqual(['a']);
		const geoms = (out.objects.a as GeometryCollection).geometries;
		expect(geoms.map((g) => g.id)).toEqual(['l', 'r']);
		expect(geoms.every((g) => !('properties' in g))).toBe(true);
	});

	it('keeps two points of an arc that collapses into one cell', () => {
		const out = coarsenTopology(TOPO, ['a'], 2);
		for (const arc of out.arcs) expect(arc.length).toBeGreaterThanOrEqual(2);
	});

	it.each([
		['grid below 2', TOPO, 1, /grid/],
		['a fractional grid', TOPO, 10.5, /grid/],
		['an unquantized topology', { ...TOPO, transform: undefined }, 10, /quantized/],
		['an unknown object', TOPO, 10, /GeometryCollection "nope"/]
	] as const)('rejects %s', (_, topo, grid, message) => {
		const names = message.source.includes('nope') ? ['nope'] : ['a'];
		expect(() => coarsenTopology(topo as Topology, names, grid)).toThrow(message);
	});

	it('does not mutate its input', () => {
		const before = structuredClone(TOPO);
		coarsenTopology(TOPO, ['a'], 11);
		expect(TOPO).toEqual(before);
	});
});
