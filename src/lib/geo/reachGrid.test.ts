import { describe, expect, it } from 'vitest';
import { mulberry32 } from '$lib/domain/random';
import { createAreaLocator } from './locate';
import { createLocalPlane } from './localPlane';
import { buildAreaGrid, nearestSiteDistances, reachShares, type AreaGrid, type GridArea } from './reachGrid';

/**
 * Fixtures are drawn in metres on a plane around Stuttgart's centre. When the areas' extent is
 * symmetric around the origin, the grid's own plane has the same centre (to a few centimetres),
 * so cell centres sit at known positions: (k + 0.5) x cell size.
 */
const PLANE = createLocalPlane(9.18, 48.78);

type XY = [number, number];

function polygon(id: string, ...rings: XY[][]): GridArea {
	return {
		type: 'Feature',
		id,
		properties: {},
		geometry: {
			type: 'Polygon',
			coordinates: rings.map((ring) => [...ring, ring[0]!].map(([x, y]) => PLANE.toLonLat(x, y)))
		}
	};
}

const rect = (x0: number, y0: number, x1: number, y1: number): XY[] => [
	[x0, y0],
	[x1, y0],
	[x1, y1],
	[x0, y1]
];

const site = (x: number, y: number, reachMetres: number) => {
	const [lon, lat] = PLANE.toLonLat(x, y);
	return { lon, lat, reachMetres };
};

/** Samples of one area as [x, y] rounded to the metre, in grid order. */
function samplesOf(grid: AreaGrid, a: number): XY[] {
	const out: XY[] = [];
	for (let i = grid.areaOffsets[a]!; i < grid.areaOffsets[a + 1]!; i++)
		out.push([Math.round(grid.x[i]!), Math.round(grid.y[i]!)]);
	return out;
}

/**
 * Two areas side by side, A = [-600, 0] x [-200, 200] and B = [0, 600] x [-200, 200], with
 * 100 m cells: 6 x 4 = 24 cell centres each, at x = ±50, ±150, ..., ±550 and y = ±50, ±150.
 */
const TWO = [polygon('A', rect(-600, -200, 0, 200)), polygon('B', rect(0, -200, 600, 200))];

describe('buildAreaGrid', () => {
	const grid = buildAreaGrid(TWO, { cellMetres: 100 });

	it('keeps the cell centres inside each area, grouped by area', () => {
		expect(grid.areaIds).toEqual(['A', 'B']);
		expect(grid.cellMetres).toBe(100);
		expect(grid.size).toBe(48);
		expect([...grid.areaOffsets]).toEqual([0, 24, 48]);
		const xs = (sign: number) => [50, 150, 250, 350, 450, 550].map((x) => sign * x).sort((p, q) => p - q);
		const expected = (sign: number) => [-150, -50, 50, 150].flatMap((y) => xs(sign).map((x) => [x, y]));
		expect(samplesOf(grid, 0)).toEqual(expected(-1));
		expect(samplesOf(grid, 1)).toEqual(expected(1));
		expect([...grid.area]).toEqual([...Array(24).fill(0), ...Array(24).fill(1)]);
		expect(grid.interior.every((v) => v === 0)).toBe(true);
		expect(grid.weights).toBeUndefined();
	});

	it('centres its plane on the extent and gives every sample its lon/lat', () => {
		expect(grid.plane.lon0).toBeCloseTo(9.18, 9);
		expect(grid.plane.lat0).toBeCloseTo(48.78, 6);
		for (let i = 0; i < grid.size; i++) {
			const [x, y] = PLANE.toXY(grid.lon[i]!, grid.lat[i]!);
			expect(Math.abs(x - grid.x[i]!)).toBeLessThan(0.1);
			expect(Math.abs(y - grid.y[i]!)).toBeLessThan(0.1);
		}
	});

	it('uses 150 m cells by default', () => {
		const g = buildAreaGrid([polygon('S', rect(-600, -300, 600, 300))]);
		expect(g.cellMetres).toBe(150);
		expect(g.size).toBe(8 * 4);
	});

	it('leaves out holes and gives multipolygon parts to their area', () => {
		const ring = polygon('ring', rect(-400, -400, 400, 400), rect(-200, -200, 200, 200));
		const multi: GridArea = {
			type: 'Feature',
			id: 'multi',
			properties: {},
			geometry: {
				type: 'MultiPolygon',
				coordinates: [rect(-200, -200, 0, 0), rect(0, 0, 200, 200)].map((r) => [
					[...r, r[0]!].map(([x, y]) => PLANE.toLonLat(x, y))
				])
			}
		};
		const g = buildAreaGrid([ring, multi], { cellMetres: 100 });
		expect(g.areaOffsets[1]! - g.areaOffsets[0]!).toBe(64 - 16);
		expect(samplesOf(g, 1)).toEqual([
			[-150, -150],
			[-50, -150],
			[-150, -50],
			[-50, -50],
			[50, 50],
			[150, 50],
			[50, 150],
			[150, 150]
		]);
	});

	it('gives an area without a cell centre one interior sample', () => {
		// "tiny" lies between the centres at 150 and 250; "covered" lies under A, which is listed
		// first and so owns the cell centres.
		const tiny = polygon('tiny', rect(160, 160, 190, 190));
		const covered = polygon('covered', rect(-300, -100, -100, 100));
		const g = buildAreaGrid([...TWO, tiny, covered], { cellMetres: 100 });
		expect(g.areaIds).toEqual(['A', 'B', 'tiny', 'covered']);
		expect([...g.areaOffsets]).toEqual([0, 24, 48, 49, 50]);
		expect([...g.interior.subarray(48)]).toEqual([1, 1]);
		expect(g.x[48]).toBeGreaterThan(160);
		expect(g.x[48]).toBeLessThan(190);
		expect(g.y[48]).toBeGreaterThan(160);
		expect(g.y[48]).toBeLessThan(190);
		expect(g.x[49]).toBeGreaterThan(-300);
		expect(g.x[49]).toBeLessThan(-100);
		const { share } = reachShares(g, [site(175, 175, 20)], 1);
		expect([...share]).toEqual([0, 0, 1, 0]);
	});

	it('agrees with createAreaLocator on every cell centre of jittered areas', () => {
		const areas = jitteredGrid(mulberry32(5), 12, 9, 230);
		const g = buildAreaGrid(areas, { cellMetres: 70 });
		const locate = createAreaLocator(areas).locate;
		const byCentre = new Map<string, number>();
		for (let i = 0; i < g.size; i++) if (!g.interior[i]) byCentre.set(`${g.x[i]},${g.y[i]}`, g.area[i]!);
		let inside = 0;
		for (let x = -1500 + 35; x < 1500; x += 70)
			for (let y = -1200 + 35; y < 1200; y += 70) {
				const [cx, cy] = [Math.round((x - 35) / 70) * 70 + 35, Math.round((y - 35) / 70) * 70 + 35];
				const [lon, lat] = g.plane.toLonLat(cx, cy);
				const expected = locate(lon, lat);
				const got = byCentre.get(`${cx},${cy}`);
				expect(got === undefined ? undefined : g.areaIds[got]).toBe(expected);
				if (expected !== undefined) inside++;
			}
		expect(inside).toBe(byCentre.size);
		// Every area has at least one sample.
		for (let a = 0; a < areas.length; a++) expect(g.areaOffsets[a + 1]!).toBeGreaterThan(g.areaOffsets[a]!);
	});

	it('gives an area without rings no samples', () => {
		const empty: GridArea = {
			type: 'Feature',
			id: 'empty',
			properties: {},
			geometry: { type: 'Polygon', coordinates: [] }
		};
		const g = buildAreaGrid([TWO[0]!, empty, TWO[1]!], { cellMetres: 100 });
		expect([...g.areaOffsets]).toEqual([0, 24, 24, 48]);
		expect(reachShares(g, [], 1.2).share[1]).toBeNaN();
	});

	it.each<[string, ReadonlyArray<GridArea>, number | undefined, RegExp]>([
		['no areas', [], undefined, /no areas/],
		['a zero cell size', TWO, 0, /cellMetres/],
		['a negative cell size', TWO, -5, /cellMetres/],
		['a NaN cell size', TWO, NaN, /cellMetres/],
		['a cell size that makes too many cells', TWO, 0.01, /too many/],
		[
			'areas without coordinates',
			[{ type: 'Feature', id: 'e', properties: {}, geometry: { type: 'Polygon', coordinates: [] } }],
			undefined,
			/no coordinates/
		]
	])('rejects %s', (_name, areas, cellMetres, message) => {
		expect(() => buildAreaGrid(areas, { cellMetres })).toThrow(message);
	});

	it('does not mutate the areas', () => {
		const before = structuredClone(TWO);
		buildAreaGrid(TWO, { cellMetres: 100 });
		expect(TWO).toEqual(before);
	});
});

/**
 * Sites for the two-area fixture, each with its straight-line distances to the cell centres:
 * - S1 (-550, 0) in A, 240 m on foot: centres at 50, 111.8, 150, 180.3 | 206.2 | 250 m.
 * - S2 (700, 0) east of B, outside both areas: 158.1 | 212.1 | 254.95 m to B's centres.
 * - S3 (0, 0) on the border, 96 m: 70.7 m to the four centres around it, the next at 158.1 m.
 * With detour factor 1.2 a site reaches reachMetres / 1.2 in a straight line (S1 and S2: 200 m,
 * S3: 80 m); with 1.0, the full distance (240 m, 96 m).
 */
const S1 = site(-550, 0, 240);
const S2 = site(700, 0, 240);
const S3 = site(0, 0, 96);

describe('reachShares', () => {
	const grid = buildAreaGrid(TWO, { cellMetres: 100 });

	it.each<[string, Array<ReturnType<typeof site>>, number, [number, number], number]>([
		// S1 reaches 8 centres of A, S3 2 of A and 2 of B, S2 2 of B.
		['all three sites, detour 1.2', [S1, S2, S3], 1.2, [10 / 24, 4 / 24], 14],
		// S1 adds the two centres at 206.2 m, S2 the two at 212.1 m.
		['all three sites, no detour', [S1, S2, S3], 1, [12 / 24, 6 / 24], 18],
		['only the site across the border', [S2], 1.2, [0, 2 / 24], 2],
		['only the site on the border', [S3], 1.2, [2 / 24, 2 / 24], 4],
		['the border site with a 60 m walk', [site(0, 0, 60)], 1, [0, 0], 0],
		// 70.7 m to four centres, 158.1 m to eight more, the next at 212.1 m.
		['the border site with a 170 m walk', [site(0, 0, 170)], 1, [6 / 24, 6 / 24], 12],
		['no sites', [], 1.2, [0, 0], 0],
		['a detour that halves the reach', [S1], 2, [4 / 24, 0], 4]
	])('%s', (_name, sites, detour, [a, b], count) => {
		const { reached, share } = reachShares(grid, sites, detour);
		expect(share[0]).toBeCloseTo(a, 12);
		expect(share[1]).toBeCloseTo(b, 12);
		expect(reached.reduce((s, v) => s + v, 0)).toBe(count);
	});

	it('marks exactly the samples within reach', () => {
		const { reached } = reachShares(grid, [S1], 1.2);
		const hit: XY[] = [];
		for (let i = 0; i < grid.size; i++) if (reached[i]) hit.push([grid.x[i]!, grid.y[i]!]);
		expect(hit).toEqual([
			[-550, -150],
			[-450, -150],
			[-550, -50],
			[-450, -50],
			[-550, 50],
			[-450, 50],
			[-550, 150],
			[-450, 150]
		]);
	});

	it('weighs samples by grid.weights when set', () => {
		// All of A's weight on the two centres nearest to S1.
		const weights = new Float32Array(grid.size);
		for (let i = 0; i < grid.size; i++) weights[i] = grid.area[i] === 1 ? 1 : 0;
		weights[grid.areaOffsets[0]! + 6 * 1] = 1; // (-550, -50)
		weights[grid.areaOffsets[0]! + 6 * 2] = 1; // (-550, 50)
		const { share } = reachShares({ ...grid, weights }, [S1, S2], 1.2);
		expect([...share]).toEqual([1, 2 / 24]);
		const { share: none } = reachShares({ ...grid, weights: new Float32Array(grid.size) }, [S1], 1.2);
		expect(none.every(Number.isNaN)).toBe(true);
	});

	it('agrees with a brute-force check of every site', () => {
		const rand = mulberry32(17);
		const areas = jitteredGrid(rand, 10, 10, 250);
		const g = buildAreaGrid(areas, { cellMetres: 60 });
		const sites = Array.from({ length: 60 }, () =>
			site(rand() * 3600 - 1800, rand() * 3600 - 1800, 100 + rand() * 400)
		);
		const detour = 1.3;
		const { reached } = reachShares(g, sites, detour);
		const xy = sites.map((s) => g.plane.toXY(s.lon, s.lat));
		for (let i = 0; i < g.size; i++) {
			const expected = xy.some(
				([x, y], k) => Math.hypot(x - g.x[i]!, y - g.y[i]!) <= sites[k]!.reachMetres / detour
			);
			expect(reached[i]).toBe(expected ? 1 : 0);
		}
	});

	it('never lowers a share when a site is added, never raises one when a site is removed', () => {
		for (let seed = 1; seed <= 25; seed++) {
			const rand = mulberry32(seed);
			const g = buildAreaGrid(jitteredGrid(rand, 4 + Math.floor(rand() * 5), 4, 150 + rand() * 200), {
				cellMetres: 40 + rand() * 60
			});
			const sites = Array.from({ length: Math.floor(rand() * 12) }, () =>
				site(rand() * 2400 - 1200, rand() * 2400 - 1200, rand() * 600)
			);
			const detour = 1 + rand() * 0.5;
			const base = reachShares(g, sites, detour);
			const added = reachShares(
				g,
				[...sites, site(rand() * 2400 - 1200, rand() * 2400 - 1200, rand() * 600)],
				detour
			);
			for (let a = 0; a < g.areaIds.length; a++)
				expect(added.share[a]).toBeGreaterThanOrEqual(base.share[a]!);
			for (let i = 0; i < g.size; i++) expect(added.reached[i]).toBeGreaterThanOrEqual(base.reached[i]!);
			if (sites.length === 0) continue;
			const drop = Math.floor(rand() * sites.length);
			const removed = reachShares(
				g,
				sites.filter((_, k) => k !== drop),
				detour
			);
			for (let a = 0; a < g.areaIds.length; a++) expect(removed.share[a]).toBeLessThanOrEqual(base.share[a]!);
		}
	});

	it.each<[string, Array<{ lon: number; lat: number; reachMetres: number }>, number, RegExp]>([
		['a detour factor below 1', [S1], 0.9, /detourFactor/],
		['a NaN detour factor', [S1], NaN, /detourFactor/],
		['an infinite detour factor', [S1], Infinity, /detourFactor/],
		['a negative walking distance', [S1, { ...S2, reachMetres: -1 }], 1.2, /site 1 .*reachMetres/],
		['a NaN walking distance', [{ ...S1, reachMetres: NaN }], 1.2, /site 0 .*reachMetres/],
		['a site without position', [S1, S2, { ...S3, lon: NaN }], 1.2, /site 2/]
	])('rejects %s', (_name, sites, detour, message) => {
		expect(() => reachShares(grid, sites, detour)).toThrow(message);
	});

	it('does not mutate the grid or the sites', () => {
		const sites = [S1, S2, S3];
		const before = structuredClone(sites);
		const x = grid.x.slice();
		reachShares(grid, sites, 1.2);
		expect(sites).toEqual(before);
		expect(grid.x).toEqual(x);
	});
});

describe('nearestSiteDistances', () => {
	const grid = buildAreaGrid(TWO, { cellMetres: 100 });

	it('gives straight-line metres to the nearest site, wherever it lies', () => {
		const d = nearestSiteDistances(grid, [S1, S2]);
		expect(d).toBeInstanceOf(Float32Array);
		const at = (x: number, y: number) => {
			for (let i = 0; i < grid.size; i++) if (grid.x[i] === x && grid.y[i] === y) return d[i]!;
			throw new Error(`no sample at ${x}, ${y}`);
		};
		expect(at(-550, 50)).toBeCloseTo(50, 1);
		expect(at(-450, 150)).toBeCloseTo(Math.hypot(100, 150), 1);
		expect(at(550, -50)).toBeCloseTo(Math.hypot(150, 50), 1);
		// Halfway: 600 m to S1, 750 m to S2.
		expect(at(50, 50)).toBeCloseTo(Math.hypot(600, 50), 1);
	});

	it('agrees with a brute-force scan', () => {
		const rand = mulberry32(23);
		const sites = Array.from({ length: 40 }, () => site(rand() * 2000 - 1000, rand() * 1000 - 500, 0));
		const d = nearestSiteDistances(grid, sites);
		const xy = sites.map((s) => grid.plane.toXY(s.lon, s.lat));
		for (let i = 0; i < grid.size; i++) {
			const expected = Math.min(...xy.map(([x, y]) => Math.hypot(x - grid.x[i]!, y - grid.y[i]!)));
			expect(d[i]).toBeCloseTo(expected, 2);
		}
	});

	it('is Infinity everywhere without sites', () => {
		const d = nearestSiteDistances(grid, []);
		expect(d.length).toBe(grid.size);
		expect(d.every((v) => v === Infinity)).toBe(true);
	});

	it('rejects a site without position', () => {
		expect(() => nearestSiteDistances(grid, [S1, { lon: 9, lat: NaN }])).toThrow(/site 1/);
	});
});

/**
 * `nx` x `ny` quadrilaterals of about `size` metres with jittered shared corners, centred on the
 * origin, as GridAreas "q0", "q1", ...
 */
function jitteredGrid(rand: () => number, nx: number, ny: number, size: number): GridArea[] {
	const x0 = (-nx * size) / 2;
	const y0 = (-ny * size) / 2;
	const corner: XY[][] = Array.from({ length: nx + 1 }, (_, i) =>
		Array.from({ length: ny + 1 }, (_, j) => [
			x0 + i * size + (i > 0 && i < nx ? (rand() - 0.5) * size * 0.5 : 0),
			y0 + j * size + (j > 0 && j < ny ? (rand() - 0.5) * size * 0.5 : 0)
		])
	);
	const out: GridArea[] = [];
	for (let i = 0; i < nx; i++)
		for (let j = 0; j < ny; j++)
			out.push(
				polygon(`q${out.length}`, [
					corner[i]![j]!,
					corner[i + 1]![j]!,
					corner[i + 1]![j + 1]!,
					corner[i]![j + 1]!
				])
			);
	return out;
}
