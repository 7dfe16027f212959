import { describe, expect, test } from 'vitest';
import type { Polygon } from 'geojson';
import { buildAreaGrid, nearestSiteDistances } from './reachGrid';
import { reachRaster, type Rgba } from './reachRaster';

const COLORS: Rgba[] = [
	[0, 100, 0, 200],
	[200, 200, 0, 200],
	[200, 0, 0, 200]
];

/** A 1.2 km x 0.6 km rectangle near Stuttgart (lon 9.18, lat 48.78). */
function rect(): Array<{ type: 'Feature'; id: string; properties: object; geometry: Polygon }> {
	const [x0, y0, w, h] = [9.18, 48.78, 0.0163, 0.0054];
	return [
		{
			type: 'Feature',
			id: 'a',
			properties: {},
			geometry: {
				type: 'Polygon',
				coordinates: [
					[
						[x0, y0],
						[x0 + w, y0],
						[x0 + w, y0 + h],
						[x0, y0 + h],
						[x0, y0]
					]
				]
			}
		}
	];
}

describe('reachRaster', () => {
	test('one pixel per cell, coloured by distance class, north up', () => {
		const grid = buildAreaGrid(rect(), { cellMetres: 100 });
		// A site at the west edge, half way up.
		const distances = nearestSiteDistances(grid, [{ lon: 9.18, lat: 48.7827 }]);
		const raster = reachRaster(grid, distances, [300, 800], COLORS);
		expect(raster.width * raster.height).toBeGreaterThanOrEqual(grid.size);
		expect(raster.width).toBeGreaterThan(raster.height);
		const pixel = (col: number, row: number) => [
			...raster.data.slice((row * raster.width + col) * 4, (row * raster.width + col) * 4 + 4)
		];
		const mid = Math.floor(raster.height / 2);
		expect(pixel(0, mid)).toEqual([...COLORS[0]!]);
		expect(pixel(raster.width - 1, mid)).toEqual([...COLORS[2]!]);
		// Corners frame the area: west edge near lon 9.18, north above south.
		const [bl, tl, tr] = raster.corners;
		expect(bl[0]).toBeCloseTo(9.18, 2);
		expect(tl[1]).toBeGreaterThan(bl[1]);
		expect(tr[0]).toBeGreaterThan(tl[0]);
	});

	test('cells where nobody lives (weight 0) stay transparent; the frame stays that of the grid', () => {
		const grid = buildAreaGrid(rect(), { cellMetres: 100 });
		const distances = nearestSiteDistances(grid, [{ lon: 9.18, lat: 48.7827 }]);
		const all = reachRaster(grid, distances, [300, 800], COLORS);
		// Settled land: the western half of the samples.
		const weights = new Float32Array(grid.size).map((_, i) => (grid.x[i]! < 0 ? 1 : 0));
		const settled = reachRaster({ ...grid, weights }, distances, [300, 800], COLORS);
		expect(settled.corners).toEqual(all.corners);
		const opaque = (data: Uint8ClampedArray) => data.filter((_, k) => k % 4 === 3 && data[k]! > 0).length;
		expect(opaque(settled.data)).toBe(weights.filter((w) => w > 0).length);
		expect(opaque(settled.data)).toBeLessThan(opaque(all.data));
		expect(opaque(settled.data)).toBeGreaterThan(0);
	});

	test('checks its inputs', () => {
		const grid = buildAreaGrid(rect(), { cellMetres: 100 });
		expect(() => reachRaster(grid, new Float32Array(1), [300], COLORS.slice(0, 2))).toThrow();
		expect(() => reachRaster(grid, nearestSiteDistances(grid, []), [300], COLORS)).toThrow();
	});
});
