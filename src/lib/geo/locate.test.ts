import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '$lib/domain/random';
import { createAreaLocator } from './locate';

const box = (x0: number, y0: number, x1: number, y1: number) => [
	[x0, y0],
	[x1, y0],
	[x1, y1],
	[x0, y1],
	[x0, y0]
];

const features: Array<Feature<Polygon | MultiPolygon>> = [
	// "ring": a square with a hole
	{
		type: 'Feature',
		id: 'ring',
		properties: {},
		geometry: { type: 'Polygon', coordinates: [box(0, 0, 10, 10), box(4, 4, 6, 6)] }
	},
	// "hole": fills the hole of "ring"
	{
		type: 'Feature',
		id: 'hole',
		properties: {},
		geometry: { type: 'Polygon', coordinates: [box(4, 4, 6, 6)] }
	},
	// "multi": two separate squares
	{
		type: 'Feature',
		id: 'multi',
		properties: {},
		geometry: { type: 'MultiPolygon', coordinates: [[box(20, 0, 22, 2)], [box(30, 0, 32, 2)]] }
	},
	// "tri": a triangle whose bbox overlaps "multi" at [20..30]
	{
		type: 'Feature',
		id: 'tri',
		properties: {},
		geometry: {
			type: 'Polygon',
			coordinates: [
				[
					[12, 0],
					[28, 8],
					[12, 8],
					[12, 0]
				]
			]
		}
	}
];

describe('createAreaLocator', () => {
	const { locate } = createAreaLocator(features);
	it.each<[string, number, number, string | undefined]>([
		['inside the ring', 1, 1, 'ring'],
		['in the hole', 5, 5, 'hole'],
		['first part of a multipolygon', 21, 1, 'multi'],
		['second part of a multipolygon', 31, 1, 'multi'],
		['inside the triangle', 14, 6, 'tri'],
		['in the bbox of the triangle but outside it', 26, 1, undefined],
		['between the parts of the multipolygon', 25, 1, undefined],
		['outside everything', -1, -1, undefined]
	])('%s', (_name, lon, lat, expected) => {
		expect(locate(lon, lat)).toBe(expected);
	});

	it('does not mutate the features', () => {
		const before = structuredClone(features);
		createAreaLocator(features).locate(1, 1);
		expect(features).toEqual(before);
	});
});

describe('createAreaLocator edge cases', () => {
	it('finds nothing without areas', () => {
		expect(createAreaLocator([]).locate(0, 0)).toBeUndefined();
	});

	it('skips an area without rings', () => {
		const empty: Feature<Polygon> = {
			type: 'Feature',
			id: 'empty',
			properties: {},
			geometry: { type: 'Polygon', coordinates: [] }
		};
		const { locate } = createAreaLocator([empty, features[0]!]);
		expect(locate(1, 1)).toBe('ring');
		expect(locate(5, 5)).toBeUndefined();
	});

	it('gives a point on overlapping areas to the one listed first', () => {
		const a: Feature<Polygon> = {
			type: 'Feature',
			id: 'a',
			properties: {},
			geometry: { type: 'Polygon', coordinates: [box(0, 0, 4, 4)] }
		};
		const b: Feature<Polygon> = {
			type: 'Feature',
			id: 'b',
			properties: {},
			geometry: { type: 'Polygon', coordinates: [box(2, 2, 6, 6)] }
		};
		expect(createAreaLocator([a, b]).locate(3, 3)).toBe('a');
		expect(createAreaLocator([b, a]).locate(3, 3)).toBe('b');
		expect(createAreaLocator([a, b]).locate(5, 5)).toBe('b');
	});
});

describe('createAreaLocator with many areas', () => {
	// A 100 x 100 grid of quadrilaterals with jittered shared corners (0.002 degrees apart, like
	// 150-200 m blocks), plus three large overlapping squares, one with a hole, spread through
	// the list so that "first listed wins" is exercised.
	const N = 100;
	const STEP = 0.002;
	const rand = mulberry32(2024);
	const corner: Position[][] = Array.from({ length: N + 1 }, (_, i) =>
		Array.from({ length: N + 1 }, (_, j) => [
			9 + i * STEP + (i > 0 && i < N ? (rand() - 0.5) * STEP * 0.6 : 0),
			48.6 + j * STEP + (j > 0 && j < N ? (rand() - 0.5) * STEP * 0.6 : 0)
		])
	);
	const grid: Array<Feature<Polygon | MultiPolygon>> = [];
	for (let i = 0; i < N; i++)
		for (let j = 0; j < N; j++) {
			const ring = [
				corner[i]![j]!,
				corner[i + 1]![j]!,
				corner[i + 1]![j + 1]!,
				corner[i]![j + 1]!,
				corner[i]![j]!
			];
			grid.push({
				type: 'Feature',
				id: `g${i}-${j}`,
				properties: {},
				geometry: { type: 'Polygon', coordinates: [ring] }
			});
		}
	const big = (id: string, x0: number, y0: number, size: number, hole = false): Feature<Polygon> => ({
		type: 'Feature',
		id,
		properties: {},
		geometry: {
			type: 'Polygon',
			coordinates: hole
				? [
						box(x0, y0, x0 + size, y0 + size),
						box(x0 + size / 4, y0 + size / 4, x0 + (3 * size) / 4, y0 + (3 * size) / 4)
					]
				: [box(x0, y0, x0 + size, y0 + size)]
		}
	});
	const areas = [
		big('first', 9.02, 48.62, 0.03, true),
		...grid.slice(0, 5000),
		big('middle', 9.1, 48.7, 0.05),
		...grid.slice(5000),
		big('last', 9.15, 48.75, 0.08)
	];

	/** The reference: every area in list order, with turf's point-in-polygon test. */
	function bruteForce(lon: number, lat: number): string | undefined {
		for (const f of areas) if (booleanPointInPolygon([lon, lat], f)) return String(f.id);
		return undefined;
	}

	it('agrees with a scan over all areas', () => {
		const { locate } = createAreaLocator(areas);
		const points = mulberry32(7);
		const found = new Set<string | undefined>();
		for (let k = 0; k < 1000; k++) {
			// A little beyond the grid on every side, so some points fall outside all areas.
			const lon = 8.99 + points() * (N * STEP + 0.02);
			const lat = 48.59 + points() * (N * STEP + 0.02);
			const expected = bruteForce(lon, lat);
			expect(locate(lon, lat)).toBe(expected);
			found.add(expected === undefined ? undefined : expected.startsWith('g') ? 'grid' : expected);
		}
		expect(found).toEqual(new Set([undefined, 'grid', 'first', 'middle', 'last']));
	});
});
