import { describe, expect, it } from 'vitest';
import { mulberry32 } from '$lib/domain/random';
import { createSiteIndex } from './siteIndex';

type Point = readonly [number, number];

function bruteNearest(
	points: readonly Point[],
	x: number,
	y: number,
	maxDistance = Infinity
): { index: number; distance: number } | null {
	let best: { index: number; distance: number } | null = null;
	for (let index = 0; index < points.length; index++) {
		const [px, py] = points[index]!;
		const distance = Math.sqrt((px - x) ** 2 + (py - y) ** 2);
		if (distance <= maxDistance && (best === null || distance < best.distance)) best = { index, distance };
	}
	return best;
}

function bruteWithin(points: readonly Point[], x: number, y: number, radius: number) {
	return points.flatMap(([px, py], i) => ((px - x) ** 2 + (py - y) ** 2 <= radius * radius ? [i] : []));
}

describe('createSiteIndex', () => {
	it('answers like a brute-force scan on random points', () => {
		const rand = mulberry32(99);
		// Clustered and spread points over 10 km, as Lernorte in a city.
		const points: Point[] = Array.from({ length: 3000 }, (_, i) =>
			i % 3 === 0 ? [2000 + rand() * 300, 5000 + rand() * 300] : [rand() * 10000, rand() * 10000]
		);
		const index = createSiteIndex(points);
		expect(index.size).toBe(3000);
		for (let k = 0; k < 500; k++) {
			const x = rand() * 12000 - 1000;
			const y = rand() * 12000 - 1000;
			const expected = bruteNearest(points, x, y);
			expect(index.nearest(x, y)).toEqual(expected);
			expect(index.nearestDistance(x, y)).toBe(expected!.distance);
			const cap = rand() * 300;
			expect(index.nearest(x, y, cap)).toEqual(bruteNearest(points, x, y, cap));
			const radius = rand() * 800;
			expect(index.within(x, y, radius)).toEqual(bruteWithin(points, x, y, radius));
		}
	});

	it('answers nothing on an empty index', () => {
		const index = createSiteIndex([]);
		expect(index.size).toBe(0);
		expect(index.nearest(0, 0)).toBeNull();
		expect(index.nearestDistance(0, 0)).toBe(Infinity);
		expect(index.within(0, 0, 1e9)).toEqual([]);
	});

	// Points on a small integer lattice, where flatbush on its own returns index 20 of the two
	// equally near points 18 and 20.
	const lattice: Point[] = [
		[-1, 1],
		[3, 1],
		[3, 2],
		[-2, -3],
		[-2, -3],
		[-2, 3],
		[0, -3],
		[2, 1],
		[-1, 3],
		[2, 3],
		[-2, -2],
		[2, -2],
		[-1, 2],
		[-3, 1],
		[0, -2],
		[-2, 1],
		[2, 0],
		[1, 1],
		[-1, 0],
		[-2, -3],
		[-1, 0],
		[-3, 1]
	];

	it.each<[string, Point[], Point, number]>([
		[
			'four points on a circle',
			[
				[10, 0],
				[0, 10],
				[-10, 0],
				[0, -10]
			],
			[0, 0],
			0
		],
		[
			'the same point three times',
			[
				[5, 5],
				[1, 1],
				[1, 1],
				[1, 1]
			],
			[0, 0],
			1
		],
		[
			'a tie listed last',
			[
				[30, 0],
				[0, -20],
				[20, 0]
			],
			[0, 0],
			1
		],
		[
			'an exact hit beats a tie further out',
			[
				[3, 4],
				[-3, 4],
				[0, 0]
			],
			[0, 0],
			2
		],
		['duplicates on a lattice', lattice, [0, 0], 18]
	])('breaks ties towards the lowest index: %s', (_name, points, [x, y], expected) => {
		expect(createSiteIndex(points).nearest(x, y)?.index).toBe(expected);
	});

	it('counts points exactly at the limit', () => {
		const index = createSiteIndex([
			[3, 4],
			[6, 8]
		]);
		expect(index.nearest(0, 0, 5)).toEqual({ index: 0, distance: 5 });
		expect(index.nearest(0, 0, 4.999)).toBeNull();
		expect(index.within(0, 0, 10)).toEqual([0, 1]);
		expect(index.within(0, 0, 9.999)).toEqual([0]);
		expect(index.within(0, 0, 0)).toEqual([]);
		expect(index.within(3, 4, 0)).toEqual([0]);
	});

	it.each<[string, number]>([
		['a negative limit', -1],
		['a NaN limit', NaN]
	])('finds nothing for %s', (_name, limit) => {
		const index = createSiteIndex([[0, 0]]);
		expect(index.nearest(0, 0, limit)).toBeNull();
		expect(index.within(0, 0, limit)).toEqual([]);
	});

	it.each<[string, Point]>([
		['NaN', [NaN, 0]],
		['Infinity', [0, Infinity]]
	])('rejects a %s coordinate', (_name, p) => {
		expect(() => createSiteIndex([[0, 0], p])).toThrow(/point 1/);
		expect(() => createSiteIndex([[0, 0]]).nearest(p[0], p[1])).toThrow(RangeError);
	});

	it('does not mutate the input', () => {
		const points: Array<[number, number]> = [
			[3, 1],
			[1, 2],
			[2, 3]
		];
		const before = structuredClone(points);
		createSiteIndex(points).within(0, 0, 10);
		expect(points).toEqual(before);
	});
});
