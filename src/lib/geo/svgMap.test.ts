import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { innerBorders, levelFeatures, mergedArea, neighbourInDirection, svgMap, toPlane } from './svgMap';

const square = (id: string, x: number, y: number, size = 0.01, clockwise = false): Feature<Polygon> => {
	const ring = [
		[x, y],
		[x + size, y],
		[x + size, y + size],
		[x, y + size],
		[x, y]
	];
	return {
		type: 'Feature',
		id,
		properties: {},
		geometry: { type: 'Polygon', coordinates: [clockwise ? ring.reverse() : ring] }
	};
};

/** Four squares near Stuttgart: a (south-west), b (south-east), c (north-west), d (north-east). */
const AREAS = [
	square('a', 9.0, 48.7),
	square('b', 9.01, 48.7, 0.01, true),
	square('c', 9.0, 48.71),
	square('d', 9.01, 48.71, 0.01, true)
];

/** Parse all numbers of a path. */
const numbers = (d: string) => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

describe('svgMap', () => {
	it('fits all areas into the width, north up, whatever the ring orientation', () => {
		const map = svgMap(AREAS, { width: 400, padding: 10, maxAspect: 2 });
		expect(map.width).toBe(400);
		expect(map.areas.map((a) => a.key)).toEqual(['a', 'b', 'c', 'd']);
		const xs = map.areas.flatMap((a) => numbers(a.d).filter((_, i) => i % 2 === 0));
		const ys = map.areas.flatMap((a) => numbers(a.d).filter((_, i) => i % 2 === 1));
		expect(Math.min(...xs)).toBeCloseTo(10, 0);
		expect(Math.max(...xs)).toBeCloseTo(390, 0);
		expect(Math.min(...ys)).toBeGreaterThanOrEqual(9.9);
		expect(Math.max(...ys)).toBeLessThanOrEqual(map.height - 9.9);
		const at = (key: string) => map.areas.find((a) => a.key === key)!;
		// North is up: c lies above a; east is right: b right of a.
		expect(at('c').cy).toBeLessThan(at('a').cy);
		expect(at('b').cx).toBeGreaterThan(at('a').cx);
		expect(map.focus).toBeNull();
	});

	it('keeps Mercator proportions: a square in degrees is taller than wide at 48.7° N', () => {
		const map = svgMap([square('a', 9, 48.7)], { width: 100, padding: 0, maxAspect: 2 });
		// 1 / cos(48.7°) ≈ 1.51
		expect(map.height / map.width).toBeCloseTo(1.51, 1);
	});

	it('clamps the height to the aspect bounds', () => {
		const wide = square('w', 9, 48.7);
		wide.geometry.coordinates[0] = [
			[9, 48.7],
			[9.2, 48.7],
			[9.2, 48.701],
			[9, 48.701],
			[9, 48.7]
		];
		expect(svgMap([wide], { width: 200 }).height).toBe(110);
	});

	it('zooms to a focus area with its surroundings and outlines it', () => {
		// A 5 x 5 block of squares; the focus is the one in the middle.
		const grid = Array.from({ length: 25 }, (_, i) =>
			square(`s${i}`, 9 + (i % 5) * 0.01, 48.7 + Math.floor(i / 5) * 0.01)
		);
		const zoomed = svgMap(grid, { width: 440, padding: 0, maxAspect: 2 }, grid[12]!);
		expect(zoomed.focus).toMatch(/^M/);
		const xs = numbers(zoomed.focus!).filter((_, i) => i % 2 === 0);
		// The focus spans 1 / (1 + 2 x 0.6) of the width: 200 px.
		expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(200, 0);
	});

	it('keeps a tiny focus area in a view of at least a share of the city', () => {
		// 10 x 10 squares; the focus is one of them in the middle: 0.3 of the city is 3 squares wide.
		const grid = Array.from({ length: 100 }, (_, i) =>
			square(`s${i}`, 9 + (i % 10) * 0.01, 48.7 + Math.floor(i / 10) * 0.01)
		);
		const zoomed = svgMap(grid, { width: 300, padding: 0, maxAspect: 2 }, grid[55]!);
		const xs = numbers(zoomed.focus!).filter((_, i) => i % 2 === 0);
		expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(100, 0);
	});

	it('never zooms out beyond all areas for a focus near the edge', () => {
		const whole = svgMap(AREAS, { width: 400, padding: 0, maxAspect: 2 });
		const zoomed = svgMap(AREAS, { width: 400, padding: 0, maxAspect: 2 }, AREAS[0]!);
		const xs = numbers(zoomed.focus!).filter((_, i) => i % 2 === 0);
		// a is half of the width of all four: widened by 0.6 on each side it would pass the edge.
		expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(200);
		expect(numbers(whole.areas[0]!.d)).not.toEqual(numbers(zoomed.areas[0]!.d));
	});

	it('rejects a bad width and areas without ids', () => {
		expect(() => svgMap(AREAS, { width: 0 })).toThrow(RangeError);
		expect(() => svgMap([{ ...AREAS[0]!, id: undefined }], { width: 100 })).toThrow(/string id/);
	});

	it('does not mutate its input', () => {
		const before = structuredClone(AREAS);
		svgMap(AREAS, { width: 300 }, AREAS[1]!);
		toPlane(AREAS[2]!);
		expect(AREAS).toEqual(before);
	});
});

describe('neighbourInDirection', () => {
	const map = svgMap(AREAS, { width: 400 });
	it.each([
		['a', 'right', 'b'],
		['a', 'up', 'c'],
		['d', 'left', 'c'],
		['d', 'down', 'b'],
		['a', 'left', null],
		['a', 'down', null],
		['nope', 'up', null]
	] as const)('%s %s -> %s', (from, dir, to) => {
		expect(neighbourInDirection(map.areas, from, dir)).toBe(to);
	});

	it('prefers an area straight ahead over a closer one to the side', () => {
		const areas = [
			{ key: 'o', cx: 0, cy: 0 },
			{ key: 'side', cx: 3, cy: 3 },
			{ key: 'ahead', cx: 5, cy: 0 }
		];
		expect(neighbourInDirection(areas, 'o', 'right')).toBe('ahead');
	});
});

/** Two unit squares l and r sharing an arc, as in a real area topology. */
const TOPO: Topology = {
	type: 'Topology',
	objects: {
		t: {
			type: 'GeometryCollection',
			geometries: [
				{ type: 'Polygon', id: 'l', arcs: [[0, 1]] },
				{ type: 'Polygon', id: 'r', arcs: [[~0, 2]] }
			]
		}
	},
	arcs: [
		[
			[1, 0],
			[1, 1]
		],
		[
			[1, 1],
			[0, 1],
			[0, 0],
			[1, 0]
		],
		[
			[1, 0],
			[2, 0],
			[2, 1],
			[1, 1]
		]
	]
};

describe('levelFeatures and mergedArea', () => {
	it('decodes the areas with their keys', () => {
		expect(levelFeatures(TOPO, 't').map((f) => f.id)).toEqual(['l', 'r']);
		expect(() => levelFeatures(TOPO, 'x')).toThrow(RangeError);
	});

	it('merges areas into one outline without the shared border', () => {
		const merged = mergedArea(TOPO, 't', ['l', 'r'])!;
		expect(merged.geometry.type).toBe('MultiPolygon');
		const rings = (merged.geometry.coordinates as number[][][][]).flat();
		expect(rings).toHaveLength(1);
		expect(rings[0]).not.toContainEqual([1, 0.5]);
		expect(mergedArea(TOPO, 't', ['nope'])).toBeNull();
		expect(mergedArea(TOPO, 'x', ['l'])).toBeNull();
	});

	it('finds the shared border once, without the outer edge, and draws it with the areas', () => {
		const borders = innerBorders(TOPO, 't')!;
		expect(borders.geometry.coordinates).toEqual([
			[
				[1, 0],
				[1, 1]
			]
		]);
		expect(innerBorders(TOPO, 'x')).toBeNull();
		const map = svgMap(levelFeatures(TOPO, 't'), { width: 200, padding: 0 }, null, borders);
		// The shared border runs down the middle of the map.
		expect(map.borders).toMatch(/^M100,/);
		expect(svgMap(levelFeatures(TOPO, 't'), { width: 200 }).borders).toBeNull();
	});
});
