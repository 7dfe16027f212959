/**
 * Children live where people live: a layer of settled land (Siedlungsflächen, e.g. the ALKIS
 * objects of the group "Siedlung" or the settlement areas of a regional plan) moves the weight
 * of an area's samples from parks, forests and fields onto the land where homes are.
 *
 * The grid's cell-centre samples are tested against the layer with the same scanline and the
 * same even-odd rule on the same plane as `buildAreaGrid` fills the areas, so a settlement
 * polygon equal to an area selects exactly that area's samples. Overlapping settlement polygons
 * count once (union). The few off-grid `interior` samples of small areas are looked up with the
 * flatbush-backed `createAreaLocator`.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { createAreaLocator, type AreaLocator } from './locate';
import { firstCentreAtOrAfter, type AreaGrid } from './reachGrid';

/** One polygon or multipolygon of settled land, WGS84. Properties are ignored. */
export type SettlementFeature = Feature<Polygon | MultiPolygon>;

export interface SettlementWeighting {
	/**
	 * The input grid with `weights` (any weights it had are replaced): 1 for a sample on settled
	 * land, 0 elsewhere, and 1 for every sample of a fallback area. The typed arrays of the input
	 * are shared, not copied; none of them is changed.
	 */
	grid: AreaGrid;
	/**
	 * Ids of the areas that have samples but none on settled land, in grid order. They keep even
	 * weights, so their children are not lost; callers report them.
	 */
	fallbackAreas: string[];
	/** Number of samples on settled land (fallback areas not counted). */
	settledSamples: number;
}

/**
 * Marks the cells whose centre lies inside one polygon (outer ring and holes, even-odd) on a
 * raster of `cols` x `rows` cells starting at cell (`col0`, `row0`). Crossings are collected per
 * edge for just the rows the edge spans, so a polygon costs O(V + C log C) for V vertices and
 * C crossings, however many rows it covers. The crossing formula and the half-open runs are
 * those of `buildAreaGrid`.
 */
function fillPolygon(
	rings: readonly Float64Array[],
	cell: number,
	raster: { col0: number; row0: number; cols: number; rows: number; settled: Uint8Array }
): void {
	const { col0, row0, cols, rows, settled } = raster;
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const ring of rings)
		for (let k = 0; k < ring.length; k += 2) {
			minX = Math.min(minX, ring[k]!);
			maxX = Math.max(maxX, ring[k]!);
			minY = Math.min(minY, ring[k + 1]!);
			maxY = Math.max(maxY, ring[k + 1]!);
		}
	if (!(minY <= maxY) || maxX < col0 * cell || minX > (col0 + cols) * cell) return;
	const rowFrom = Math.max(row0, firstCentreAtOrAfter(minY, cell));
	const rowTo = Math.min(row0 + rows, firstCentreAtOrAfter(maxY, cell));
	if (rowFrom >= rowTo) return;

	// A row's centre line y crosses the edge from p_j to p_i when min(y_i, y_j) <= y < max(y_i, y_j).
	const edgeRows = (yi: number, yj: number): [number, number] => [
		Math.max(rowFrom, firstCentreAtOrAfter(Math.min(yi, yj), cell)),
		Math.min(rowTo, firstCentreAtOrAfter(Math.max(yi, yj), cell))
	];
	const offsets = new Uint32Array(rowTo - rowFrom + 1);
	for (const ring of rings) {
		const n = ring.length >> 1;
		for (let i = 0, j = n - 1; i < n; j = i++) {
			const yi = ring[2 * i + 1]!;
			const yj = ring[2 * j + 1]!;
			if (yi === yj) continue;
			const [from, to] = edgeRows(yi, yj);
			for (let row = from; row < to; row++) offsets[row - rowFrom + 1]!++;
		}
	}
	for (let r = 1; r < offsets.length; r++) offsets[r]! += offsets[r - 1]!;
	const crossings = new Float64Array(offsets[offsets.length - 1]!);
	const next = offsets.slice(0, offsets.length - 1);
	for (const ring of rings) {
		const n = ring.length >> 1;
		for (let i = 0, j = n - 1; i < n; j = i++) {
			const xi = ring[2 * i]!;
			const yi = ring[2 * i + 1]!;
			const xj = ring[2 * j]!;
			const yj = ring[2 * j + 1]!;
			if (yi === yj) continue;
			const [from, to] = edgeRows(yi, yj);
			for (let row = from; row < to; row++) {
				const yc = (row + 0.5) * cell;
				crossings[next[row - rowFrom]!++] = ((xj - xi) * (yc - yi)) / (yj - yi) + xi;
			}
		}
	}
	for (let row = rowFrom; row < rowTo; row++) {
		const sorted = crossings.subarray(offsets[row - rowFrom]!, offsets[row - rowFrom + 1]!).sort();
		const base = (row - row0) * cols;
		for (let k = 0; k + 1 < sorted.length; k += 2) {
			const from = Math.max(col0, firstCentreAtOrAfter(sorted[k]!, cell));
			const to = Math.min(col0 + cols, firstCentreAtOrAfter(sorted[k + 1]!, cell));
			for (let col = from; col < to; col++) settled[base + col - col0] = 1;
		}
	}
}

/**
 * Weighs the samples of a grid by settled land: 1 on it, 0 off it. An area with samples but
 * none on settled land keeps even weights (all 1) and is listed in `fallbackAreas`, so that no
 * area silently loses its children. An area too small for a cell has a single `interior`
 * sample; it weighs 1 either way (one sample's share cannot depend on its weight) and the area
 * is a fallback area when that point is off settled land. Costs O(V + C log C) for the V
 * vertices and C row crossings of the layer, plus O(cells) over the grid's extent. Does not
 * mutate its inputs; throws a RangeError for a coordinate that is not a number, a feature that
 * is no (Multi)Polygon or a sample off the grid's cell centres (bugs: loaders validate).
 *
 * `settlementWeights(grid, [parkFreeHalfOfA]).grid.weights` -> `Float32Array [1, 1, 0, 0, …]`;
 * `.fallbackAreas` -> `['wald']`
 */
export function settlementWeights(
	grid: AreaGrid,
	settlement: ReadonlyArray<SettlementFeature>
): SettlementWeighting {
	const cell = grid.cellMetres;
	const cellOf = new Int32Array(grid.size).fill(-1);
	let [col0, row0, col1, row1] = [Infinity, Infinity, -Infinity, -Infinity];
	for (let i = 0; i < grid.size; i++) {
		if (grid.interior[i]) continue;
		const c = grid.x[i]! / cell - 0.5;
		const r = grid.y[i]! / cell - 0.5;
		const col = Math.round(c);
		const row = Math.round(r);
		if (Math.abs(c - col) > 1e-6 || Math.abs(r - row) > 1e-6)
			throw new RangeError(`settlementWeights: sample ${i} is no cell centre of the grid`);
		col0 = Math.min(col0, col);
		col1 = Math.max(col1, col);
		row0 = Math.min(row0, row);
		row1 = Math.max(row1, row);
	}
	const cols = col0 <= col1 ? col1 - col0 + 1 : 0;
	const rows = row0 <= row1 ? row1 - row0 + 1 : 0;
	const raster = { col0, row0, cols, rows, settled: new Uint8Array(cols * rows) };
	for (let i = 0; i < grid.size; i++)
		if (!grid.interior[i])
			cellOf[i] =
				(Math.round(grid.y[i]! / cell - 0.5) - row0) * cols + Math.round(grid.x[i]! / cell - 0.5) - col0;

	settlement.forEach((feature, f) => {
		const g = feature.geometry;
		if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon'))
			throw new RangeError(`settlementWeights: feature ${f} is no Polygon or MultiPolygon`);
		const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
		for (const polygon of polygons) {
			const rings = polygon.map((ring) => {
				const out = new Float64Array(ring.length * 2);
				ring.forEach(([lon, lat], k) => {
					if (!Number.isFinite(lon) || !Number.isFinite(lat))
						throw new RangeError(`settlementWeights: feature ${f} has a coordinate that is not a number`);
					[out[2 * k], out[2 * k + 1]] = grid.plane.toXY(lon!, lat!);
				});
				return out;
			});
			fillPolygon(rings, cell, raster);
		}
	});

	let locator: AreaLocator | undefined;
	const weights = new Float32Array(grid.size);
	for (let i = 0; i < grid.size; i++) {
		if (!grid.interior[i]) weights[i] = raster.settled[cellOf[i]!]!;
		else {
			locator ??= createAreaLocator(settlement);
			weights[i] = locator.locate(grid.lon[i]!, grid.lat[i]!) === undefined ? 0 : 1;
		}
	}

	const fallbackAreas: string[] = [];
	let settledSamples = 0;
	grid.areaIds.forEach((id, a) => {
		const from = grid.areaOffsets[a]!;
		const to = grid.areaOffsets[a + 1]!;
		let settled = 0;
		for (let i = from; i < to; i++) settled += weights[i]!;
		settledSamples += settled;
		if (to > from && settled === 0) {
			weights.fill(1, from, to);
			fallbackAreas.push(id);
		}
	});
	return { grid: { ...grid, weights }, fallbackAreas, settledSamples };
}
