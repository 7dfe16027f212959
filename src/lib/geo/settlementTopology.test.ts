import { describe, expect, it } from 'vitest';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { settlementTopology } from './settlementTopology';
import { decodeSettlement } from './topology';

const square = (lon: number, lat: number, size: number): Position[] => [
	[lon, lat],
	[lon + size, lat],
	[lon + size, lat + size],
	[lon, lat + size],
	[lon, lat]
];
const feature = (geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> => ({
	type: 'Feature',
	properties: { nutzung: 'Wohnbaufläche', flaeche_m2: 12345 },
	geometry
});

/** Two blocks sharing a border and a block with a yard, across 0.02° (about 1.5 x 2.2 km). */
const LAYER = [
	feature({ type: 'Polygon', coordinates: [square(9.0, 48.0, 0.01)] }),
	feature({ type: 'Polygon', coordinates: [square(9.01, 48.0, 0.01)] }),
	feature({
		type: 'MultiPolygon',
		coordinates: [[square(9.0, 48.01, 0.01), square(9.004, 48.014, 0.002).reverse()]]
	})
];

describe('settlementTopology and decodeSettlement', () => {
	it('round-trips the polygons to within the quantization step, without properties', () => {
		const topo = settlementTopology(LAYER);
		expect(Object.keys(topo.objects)).toEqual(['siedlung']);
		expect(JSON.stringify(topo)).not.toContain('nutzung');
		const back = decodeSettlement(JSON.parse(JSON.stringify(topo)) as Topology);
		expect(back.map((f) => f.geometry.type)).toEqual(['Polygon', 'Polygon', 'MultiPolygon']);
		// 0.02° over 1e4 steps: 2e-6° per step.
		const flat = (f: Feature<Polygon | MultiPolygon>) =>
			(f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2);
		// Rings may start at another vertex (arcs are cut where borders meet): compare as sets.
		back.forEach((f, i) => {
			const want = flat(LAYER[i]!);
			const got = flat(f);
			expect(got).toHaveLength(want.length);
			for (const p of want)
				expect(
					got.some((q) => Math.abs(p[0]! - q[0]!) < 2e-6 && Math.abs(p[1]! - q[1]!) < 2e-6),
					JSON.stringify(p)
				).toBe(true);
		});
		expect(back[2]!.geometry.coordinates[0]).toHaveLength(2);
	});

	it('stores a border shared by two blocks once', () => {
		const topo = settlementTopology(LAYER.slice(0, 2));
		// Left block: 3 own sides; right block: 3 own sides; the shared side once.
		expect(topo.arcs).toHaveLength(3);
	});

	it('does not mutate the features', () => {
		const before = structuredClone(LAYER);
		settlementTopology(LAYER);
		expect(LAYER).toEqual(before);
	});

	it('rejects a topology without the layer or with lines in it', () => {
		const topo = settlementTopology(LAYER);
		expect(() => decodeSettlement({ ...topo, objects: {} })).toThrow(/kein Objekt "siedlung"/);
		expect(() =>
			decodeSettlement({
				...topo,
				objects: { siedlung: { type: 'GeometryCollection', geometries: [{ type: 'LineString', arcs: [0] }] } }
			})
		).toThrow(/keine Fläche/);
	});
});
