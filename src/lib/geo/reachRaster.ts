import type { AreaGrid } from './reachGrid';

export type Rgba = readonly [number, number, number, number];

export interface ReachRaster {
	width: number;
	height: number;
	/** RGBA pixels, row 0 at the top (north), one pixel per grid cell; transparent outside the areas. */
	data: Uint8ClampedArray;
	/** Corners of the image as [lon, lat]: bottom-left, top-left, top-right, bottom-right. */
	corners: [[number, number], [number, number], [number, number], [number, number]];
}

/**
 * The distances of the grid's cells as an image for the map, one pixel per cell, coloured by
 * class: a distance below `breaks[i]` gets `colors[i]`, beyond the last break the last colour.
 * Samples that stand in for a whole small area (no cell centre) are left out, and so are cells
 * where nobody is counted (weight 0 of a settlement layer): the surface shows distances where
 * children live.
 * `reachRaster(grid, nearestSiteDistances(grid, kitas), [250, 500, 1000], colors)` -> { width, height, data, corners }
 */
export function reachRaster(
	grid: AreaGrid,
	distances: Float32Array,
	breaks: readonly number[],
	colors: readonly Rgba[]
): ReachRaster {
	if (distances.length !== grid.size)
		throw new Error(`reachRaster: ${distances.length} distances for ${grid.size} samples`);
	if (colors.length !== breaks.length + 1) throw new Error('reachRaster: need one colour more than breaks');
	const cell = grid.cellMetres;
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (let i = 0; i < grid.size; i++) {
		if (grid.interior[i]) continue;
		minX = Math.min(minX, grid.x[i]!);
		maxX = Math.max(maxX, grid.x[i]!);
		minY = Math.min(minY, grid.y[i]!);
		maxY = Math.max(maxY, grid.y[i]!);
	}
	if (!Number.isFinite(minX)) {
		const at = grid.plane.toLonLat(0, 0);
		return { width: 1, height: 1, data: new Uint8ClampedArray(4), corners: [at, at, at, at] };
	}
	const width = Math.round((maxX - minX) / cell) + 1;
	const height = Math.round((maxY - minY) / cell) + 1;
	const data = new Uint8ClampedArray(width * height * 4);
	for (let i = 0; i < grid.size; i++) {
		if (grid.interior[i] || grid.weights?.[i] === 0) continue;
		const col = Math.round((grid.x[i]! - minX) / cell);
		const row = height - 1 - Math.round((grid.y[i]! - minY) / cell);
		const d = distances[i]!;
		let k = breaks.findIndex((b) => d < b);
		if (k < 0) k = breaks.length;
		const c = colors[k]!;
		data.set(c, (row * width + col) * 4);
	}
	// Pixel edges lie half a cell outside the outermost centres.
	const [l, r, b, t] = [minX - cell / 2, maxX + cell / 2, minY - cell / 2, maxY + cell / 2];
	const p = grid.plane;
	return {
		width,
		height,
		data,
		corners: [p.toLonLat(l, b), p.toLonLat(l, t), p.toLonLat(r, t), p.toLonLat(r, b)]
	};
}
