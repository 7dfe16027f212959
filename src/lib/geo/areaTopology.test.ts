import { describe, expect, test } from 'vitest';
import type { Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import { buildAreaTopology, type AreaInput } from './areaTopology';

/** A jagged north–south border at lon 9.2 between lat 48.7 and 48.8 with tiny (≈0.2 m) wiggles. */
function jaggedBorder(points: number): Position[] {
	const out: Position[] = [];
	for (let i = 0; i <= points; i++) {
		const wiggle = i % 2 === 0 ? 0 : 0.000003; // ≈ 0.2 m east–west
		out.push([9.2 + wiggle, 48.7 + (0.1 * i) / points]);
	}
	return out;
}

function areas(): AreaInput[] {
	const border = jaggedBorder(200);
	const west: Position[] = [[9.1, 48.7], ...border, [9.1, 48.8], [9.1, 48.7]];
	const east: Position[] = [[9.3, 48.8], ...[...border].reverse(), [9.3, 48.7], [9.3, 48.8]];
	// A small island (about 30 m across) that must survive any simplification.
	const island: Position[] = [
		[9.25, 48.75],
		[9.2504, 48.75],
		[9.2504, 48.7503],
		[9.25, 48.7503],
		[9.25, 48.75]
	];
	return [
		{
			type: 'Feature',
			id: '1',
			properties: { name: 'West' },
			geometry: { type: 'Polygon', coordinates: [west.reverse()] }
		},
		{
			type: 'Feature',
			id: '2',
			properties: { name: 'Ost' },
			geometry: { type: 'MultiPolygon', coordinates: [[east.reverse()], [island]] }
		}
	];
}

function decode(topology: ReturnType<typeof buildAreaTopology>['topology']) {
	return feature(topology, topology.objects.stadtteil as GeometryCollection).features;
}

describe('buildAreaTopology', () => {
	test('simplifies shared borders once, so neighbours keep the same border', () => {
		const input = areas();
		const copy = structuredClone(input);
		const { topology, stats } = buildAreaTopology('stadtteil', input, {
			toleranceMetres: 5,
			quantization: 1e5
		});
		expect(input).toEqual(copy);
		expect(stats.verticesBefore).toBe(2 * (1 + 201 + 2) + 5);
		expect(stats.verticesAfter).toBeLessThan(stats.verticesBefore / 5);
		expect(stats.bytesAfter).toBeLessThan(stats.bytesBefore);

		const [west, east] = decode(topology);
		const onBorder = (p: Position) => Math.abs(p[0]! - 9.2) < 0.0001;
		const westRing = (west!.geometry as { coordinates: Position[][] }).coordinates[0]!;
		const eastPolys = (east!.geometry as { coordinates: Position[][][] }).coordinates;
		const westBorder = [...new Set(westRing.filter(onBorder).map((p) => p.join()))].sort();
		const eastBorder = [...new Set(eastPolys[0]![0]!.filter(onBorder).map((p) => p.join()))].sort();
		expect(westBorder.length).toBeGreaterThanOrEqual(2);
		expect(westBorder).toEqual(eastBorder);
		// The island is still a ring of at least three distinct points.
		expect(eastPolys).toHaveLength(2);
		expect(new Set(eastPolys[1]![0]!.map((p) => p.join())).size).toBeGreaterThanOrEqual(3);
	});

	test('tolerance 0 keeps every vertex', () => {
		const { stats } = buildAreaTopology('stadtteil', areas(), { toleranceMetres: 0, quantization: 1e6 });
		// Shared border points are stored once in the topology's arcs.
		expect(stats.verticesAfter).toBeGreaterThanOrEqual(201 + 4 + 5);
	});

	test('ids and properties travel into the topology', () => {
		const { topology } = buildAreaTopology('stadtteil', areas(), { toleranceMetres: 5, quantization: 1e5 });
		const geoms = (topology.objects.stadtteil as GeometryCollection<{ name: string }>).geometries;
		expect(geoms.map((g) => [g.id, (g.properties as { name?: string } | undefined)?.name])).toEqual([
			['1', 'West'],
			['2', 'Ost']
		]);
	});
});
