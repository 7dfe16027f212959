import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { mulberry32 } from '$lib/domain/random';
import { createLocalPlane } from './localPlane';
import { buildAreaGrid, reachShares, type AreaGrid, type GridArea } from './reachGrid';
import { settlementWeights, type SettlementFeature } from './settlementWeights';

/**
 * Fixtures in metres on a plane around Stuttgart's centre, as in reachGrid.test.ts: with an
 * extent symmetric around the origin, the grid's cell centres sit at (k + 0.5) x cell size.
 */
const PLANE = createLocalPlane(9.18, 48.78);

type XY = [number, number];

const rect = (x0: number, y0: number, x1: number, y1: number): XY[] => [
	[x0, y0],
	[x1, y0],
	[x1, y1],
	[x0, y1]
];

const lonLatRing = (ring: XY[]): Position[] => [...ring, ring[0]!].map(([x, y]) => PLANE.toLonLat(x, y));

function area(id: string, ...rings: XY[][]): GridArea {
	return {
		type: 'Feature',
		id,
		properties: {},
		geometry: { type: 'Polygon', coordinates: rings.map(lonLatRing) }
	};
}

function settled(...rings: XY[][]): SettlementFeature {
	return {
		type: 'Feature',
		properties: {},
		geometry: { type: 'Polygon', coordinates: rings.map(lonLatRing) }
	};
}

function settledMulti(...polygons: XY[][][]): SettlementFeature {
	return {
		type: 'Feature',
		properties: {},
		geometry: { type: 'MultiPolygon', coordinates: polygons.map((rings) => rings.map(lonLatRing)) }
	};
}

/**
 * A = [-600, 0] x [-200, 200] and B = [0, 600] x [-200, 200] with 100 m cells: 24 centres each,
 * at x = ±50 … ±550 and y = ±50, ±150, in rows from south to north.
 */
const TWO = [area('A', rect(-600, -200, 0, 200)), area('B', rect(0, -200, 600, 200))];
const GRID = buildAreaGrid(TWO, { cellMetres: 100 });

/** The x of each sample of area `a` whose weight is 1, rounded, sorted and deduplicated. */
function settledColumns(grid: AreaGrid, a: number): number[] {
	const xs = new Set<number>();
	for (let i = grid.areaOffsets[a]!; i < grid.areaOffsets[a + 1]!; i++)
		if (grid.weights![i] === 1) xs.add(Math.round(grid.x[i]!));
	return [...xs].sort((p, q) => p - q);
}

const weightsOf = (grid: AreaGrid, a: number) => [
	...grid.weights!.subarray(grid.areaOffsets[a], grid.areaOffsets[a + 1])
];

describe('settlementWeights', () => {
	it('weighs the samples on settled land 1 and the others 0', () => {
		// West end of A (centres at x = -550, -450, -350) and all of B.
		const { grid, fallbackAreas, settledSamples } = settlementWeights(GRID, [
			settled(rect(-620, -220, -300, 220)),
			settled(rect(0, -200, 600, 200))
		]);
		expect(settledColumns(grid, 0)).toEqual([-550, -450, -350]);
		expect(weightsOf(grid, 0).filter((w) => w === 1)).toHaveLength(12);
		expect(weightsOf(grid, 0).filter((w) => w === 0)).toHaveLength(12);
		expect(weightsOf(grid, 1).every((w) => w === 1)).toBe(true);
		expect(fallbackAreas).toEqual([]);
		expect(settledSamples).toBe(36);
	});

	it('leaves out holes, takes every part of a multipolygon and counts overlaps once', () => {
		const { grid } = settlementWeights(GRID, [
			// A ring around the centres at x = -350 and -250, y = ±50 (a park in the middle).
			settled(rect(-400, -200, -200, 200), rect(-380, -100, -220, 100)),
			// Two blocks in B, overlapping a third polygon.
			settledMulti([rect(100, -200, 200, 200)], [rect(400, -200, 500, 0)]),
			settled(rect(120, -200, 180, 0))
		]);
		const a = weightsOf(grid, 0);
		// Rows y = -150, -50, 50, 150; columns x = -550 … -50.
		expect(a).toEqual(
			[
				[0, 0, 1, 1, 0, 0],
				[0, 0, 0, 0, 0, 0],
				[0, 0, 0, 0, 0, 0],
				[0, 0, 1, 1, 0, 0]
			].flat()
		);
		expect(weightsOf(grid, 1)).toEqual(
			[
				[0, 1, 0, 0, 1, 0],
				[0, 1, 0, 0, 1, 0],
				[0, 1, 0, 0, 0, 0],
				[0, 1, 0, 0, 0, 0]
			].flat()
		);
	});

	it('keeps even weights for an area without settled samples and reports it', () => {
		const { grid, fallbackAreas, settledSamples } = settlementWeights(GRID, [
			settled(rect(-600, -200, 0, 200))
		]);
		expect(fallbackAreas).toEqual(['B']);
		expect(weightsOf(grid, 1).every((w) => w === 1)).toBe(true);
		expect(settledSamples).toBe(24);
		// No layer at all: every area falls back, no share is lost.
		const none = settlementWeights(GRID, []);
		expect(none.fallbackAreas).toEqual(['A', 'B']);
		expect(none.grid.weights!.every((w) => w === 1)).toBe(true);
		expect([...reachShares(none.grid, [], 1).share]).toEqual([0, 0]);
	});

	it('tests the single interior sample of a small area as a point', () => {
		// Both small areas lie between cell centres; "klein" is settled, "wiese" is not.
		const klein = area('klein', rect(160, 160, 190, 190));
		const wiese = area('wiese', rect(260, 160, 290, 190));
		const g = buildAreaGrid([...TWO, klein, wiese], { cellMetres: 100 });
		expect([...g.interior.subarray(48)]).toEqual([1, 1]);
		const { grid, fallbackAreas } = settlementWeights(g, [settled(rect(155, 155, 195, 195))]);
		expect([...grid.weights!.subarray(48)]).toEqual([1, 1]);
		expect(fallbackAreas).toEqual(['A', 'B', 'wiese']);
	});

	it('moves the reach share towards the settled part of an area, as computed by hand', () => {
		// A site at (-50, 0) reaching 160 m in a straight line covers 6 of A's 24 centres:
		// (-50, ±50), (-50, ±150) and (-150, ±50); (-150, ±150) lies 180 m away.
		const site = (() => {
			const [lon, lat] = PLANE.toLonLat(-50, 0);
			return { lon, lat, reachMetres: 160 };
		})();
		const shareA = (grid: AreaGrid) => reachShares(grid, [site], 1).share[0];
		expect(shareA(GRID)).toBe(6 / 24);
		// Settled next to the site: 8 centres at x = -150, -50, of which 6 are reached.
		const near = settlementWeights(GRID, [settled(rect(-200, -200, 0, 200))]).grid;
		expect(shareA(near)).toBe(6 / 8);
		// Settled at the far end: 8 centres at x = -550, -450, none reached.
		const far = settlementWeights(GRID, [settled(rect(-600, -200, -400, 200))]).grid;
		expect(shareA(far)).toBe(0);
	});

	it('agrees with a brute-force even-odd test on the grid plane for random polygons', () => {
		const rand = mulberry32(11);
		const blob = (cx: number, cy: number, r: number): XY[] =>
			Array.from({ length: 9 }, (_, k) => {
				const t = (2 * Math.PI * k) / 9;
				const d = r * (0.5 + rand());
				return [cx + d * Math.cos(t), cy + d * Math.sin(t)] as XY;
			});
		const polygons: XY[][][] = Array.from({ length: 14 }, () => {
			const cx = (rand() - 0.5) * 1300;
			const cy = (rand() - 0.5) * 500;
			const r = 40 + rand() * 160;
			return rand() < 0.3 ? [blob(cx, cy, r), blob(cx, cy, r * 0.3)] : [blob(cx, cy, r)];
		});
		const g = buildAreaGrid(TWO, { cellMetres: 37 });
		const { grid, fallbackAreas } = settlementWeights(
			g,
			polygons.map((rings) => settled(...rings))
		);

		// The same rings on the grid's plane, tested by even-odd ray casting per polygon.
		const planeRings = polygons.map((rings) =>
			rings.map((ring) => lonLatRing(ring).map(([lon, lat]) => g.plane.toXY(lon!, lat!)))
		);
		const inRing = (ring: Array<[number, number]>, x: number, y: number) => {
			let inside = false;
			for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
				const [xi, yi] = ring[i]!;
				const [xj, yj] = ring[j]!;
				if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
			}
			return inside;
		};
		let ones = 0;
		for (let i = 0; i < g.size; i++) {
			const inside = planeRings.some(
				(rings) => rings.filter((ring) => inRing(ring, g.x[i]!, g.y[i]!)).length % 2 === 1
			);
			const fallback = fallbackAreas.includes(g.areaIds[g.area[i]!]!);
			expect(grid.weights![i], `sample ${i}`).toBe(inside || fallback ? 1 : 0);
			if (inside) ones++;
		}
		expect(ones).toBeGreaterThan(g.size / 10);
		expect(ones).toBeLessThan(g.size * 0.9);
	});

	it('does not mutate the grid or the layer', () => {
		const layer = [settled(rect(-620, -220, -300, 220))];
		const before = structuredClone(layer);
		const arrays = [GRID.x, GRID.y, GRID.lon, GRID.lat, GRID.area, GRID.areaOffsets, GRID.interior].map((a) =>
			Array.from(a)
		);
		const { grid } = settlementWeights(GRID, layer);
		expect(layer).toEqual(before);
		expect(GRID.weights).toBeUndefined();
		expect(grid).not.toBe(GRID);
		expect(
			[GRID.x, GRID.y, GRID.lon, GRID.lat, GRID.area, GRID.areaOffsets, GRID.interior].map((a) =>
				Array.from(a)
			)
		).toEqual(arrays);
	});

	it.each<[string, SettlementFeature, RegExp]>([
		[
			'a line',
			{
				type: 'Feature',
				properties: {},
				geometry: {
					type: 'LineString',
					coordinates: [
						[9.18, 48.78],
						[9.19, 48.79]
					]
				}
			} as unknown as SettlementFeature,
			/feature 0 is no Polygon/
		],
		[
			'a coordinate that is not a number',
			{
				type: 'Feature',
				properties: {},
				geometry: {
					type: 'Polygon',
					coordinates: [
						[
							[9.18, 48.78],
							[9.19, NaN],
							[9.19, 48.79],
							[9.18, 48.78]
						]
					]
				}
			},
			/feature 0 has a coordinate that is not a number/
		]
	])('rejects %s', (_name, feature, message) => {
		expect(() => settlementWeights(GRID, [feature])).toThrow(message);
	});
});
