import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { cityGrid } from './cityGrid';
import { createLocalPlane } from './localPlane';
import { buildAreaGrid, reachShares, type GridArea } from './reachGrid';
import type { SettlementFeature } from './settlementWeights';

const PLANE = createLocalPlane(9.18, 48.78);
type XY = [number, number];
const ring = (x0: number, y0: number, x1: number, y1: number): Position[] =>
	(
		[
			[x0, y0],
			[x1, y0],
			[x1, y1],
			[x0, y1],
			[x0, y0]
		] as XY[]
	).map(([x, y]) => PLANE.toLonLat(x, y));

/** Two Stadtteile of 1,200 x 600 m side by side; with 150 m cells 8 x 4 samples each. */
const STADTTEILE: GridArea[] = [
	{
		type: 'Feature',
		id: '101',
		properties: {},
		geometry: { type: 'Polygon', coordinates: [ring(-1200, -300, 0, 300)] }
	},
	{
		type: 'Feature',
		id: '102',
		properties: {},
		geometry: { type: 'Polygon', coordinates: [ring(0, -300, 1200, 300)] }
	}
];
/** Settled land in the western quarter of 101 only. */
const SIEDLUNG: SettlementFeature[] = [
	{
		type: 'Feature',
		properties: {},
		geometry: { type: 'Polygon', coordinates: [ring(-1200, -300, -900, 300)] }
	}
];

describe('cityGrid', () => {
	it('without a layer is the even grid of buildAreaGrid', () => {
		const { grid, method, fallbackAreas } = cityGrid(STADTTEILE, null);
		expect(method).toBe('gleichmaessig');
		expect(fallbackAreas).toEqual([]);
		expect(grid.weights).toBeUndefined();
		// The plane holds closures; everything else must be the same.
		const { plane, ...rest } = grid;
		const { plane: evenPlane, ...even } = buildAreaGrid(STADTTEILE);
		expect(rest).toEqual(even);
		expect([plane.lon0, plane.lat0]).toEqual([evenPlane.lon0, evenPlane.lat0]);
		expect(grid.cellMetres).toBe(150);
	});

	it('with a layer weighs by settled land and names the areas that fall back to the even spread', () => {
		const { grid, method, fallbackAreas } = cityGrid(STADTTEILE, SIEDLUNG);
		expect(method).toBe('siedlungsflaeche');
		expect(fallbackAreas).toEqual(['102']);
		const w = grid.weights!;
		// 101: the two western columns of four rows are settled.
		expect([...w.subarray(0, 32)].filter((v) => v === 1)).toHaveLength(8);
		expect([...w.subarray(32)].every((v) => v === 1)).toBe(true);
		// A Kita in the east of 101 reaches the east of the area, where nobody lives.
		const [lon, lat] = PLANE.toLonLat(-150, 0);
		const kita = [{ lon, lat, reachMetres: 400 }];
		const even = reachShares(cityGrid(STADTTEILE, null).grid, kita, 1).share[0]!;
		expect(even).toBeGreaterThan(0);
		expect(reachShares(grid, kita, 1).share[0]).toBe(0);
	});

	it('passes the cell size on', () => {
		expect(cityGrid(STADTTEILE, SIEDLUNG, { cellMetres: 100 }).grid.size).toBe(2 * 12 * 6);
	});
});
