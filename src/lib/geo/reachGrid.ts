/**
 * Where children are and how far they have to the next Lernort: a regular grid of sample points
 * over the areas (Stadtteile), straight-line distances from every sample to the nearest site,
 * and per area the share of samples that reach a site within its walking distance.
 *
 * Children are assumed to be spread evenly over an area: every sample of an area weighs the
 * same, so an area's share is the fraction of its area within reach. A layer of settled land
 * sets `AreaGrid.weights` (`settlementWeights`, or `cityGrid` for both cases); `reachShares`
 * then weighs each sample by it.
 *
 * All geometry happens on one local plane (`createLocalPlane`) around the centre of the areas'
 * extent, so distances are Euclidean in metres and flatbush indexes plain boxes.
 */
import { pointOnFeature } from '@turf/turf';
import Flatbush from 'flatbush';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { createLocalPlane, type LocalPlane } from './localPlane';
import { createSiteIndex } from './siteIndex';

/** Default cell size: about two minutes' walk, fine enough for Stadtteile of 0.2–10 km². */
export const DEFAULT_CELL_METRES = 150;

/** Upper bound for the cells of the raster behind a grid, to catch a unit mistake in `cellMetres`. */
const MAX_CELLS = 50_000_000;

export type GridArea = Feature<Polygon | MultiPolygon> & { id: string };

/**
 * Sample points over a set of areas, stored as parallel typed arrays. The samples of area `a`
 * are `areaOffsets[a]` to `areaOffsets[a + 1] - 1`, by row (south to north) then column.
 */
export interface AreaGrid {
	/** Area ids in input order; `area[i]` indexes this list. */
	readonly areaIds: readonly string[];
	/** The plane of `x` and `y`, centred on the areas' extent. */
	readonly plane: LocalPlane;
	/** Edge length of a cell in metres; cell edges lie at multiples of it from the plane origin. */
	readonly cellMetres: number;
	/** Number of samples. */
	readonly size: number;
	/** Sample position on the plane, metres east of the origin. */
	readonly x: Float64Array;
	/** Sample position on the plane, metres north of the origin. */
	readonly y: Float64Array;
	readonly lon: Float64Array;
	readonly lat: Float64Array;
	/** Index into `areaIds` per sample. */
	readonly area: Uint32Array;
	/** CSR offsets into the samples per area (length = areas + 1). */
	readonly areaOffsets: Uint32Array;
	/**
	 * 1 for a sample that is no cell centre but a point on an area too small to hold one (turf
	 * `pointOnFeature`); such a sample stands for the whole area and should not be drawn as a cell.
	 */
	readonly interior: Uint8Array;
	/**
	 * Optional weight per sample (e.g. children living there); absent means every sample of an
	 * area weighs the same. `buildAreaGrid` does not set it; `settlementWeights` does.
	 */
	readonly weights?: Float32Array;
}

/** One area's rings projected to the plane: per polygon, rings as interleaved x, y. */
type PlaneRings = Float64Array[][];

function forEachPosition(area: GridArea, visit: (p: Position) => void): void {
	const g = area.geometry;
	const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
	for (const polygon of polygons) for (const ring of polygon) for (const p of ring) visit(p);
}

function projectArea(area: GridArea, plane: LocalPlane): PlaneRings {
	const g = area.geometry;
	const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
	return polygons.map((polygon) =>
		polygon.map((ring) => {
			const out = new Float64Array(ring.length * 2);
			ring.forEach(([lon, lat], k) => {
				const [x, y] = plane.toXY(lon!, lat!);
				out[2 * k] = x;
				out[2 * k + 1] = y;
			});
			return out;
		})
	);
}

/**
 * Smallest k with (k + 0.5) * cell >= v: the first cell centre at or after v. Shared by every
 * scanline over a grid's cells, so that all of them place a centre on the same side of an edge.
 *
 * `firstCentreAtOrAfter(160, 100)` -> 2 (the centre at 250)
 */
export function firstCentreAtOrAfter(v: number, cell: number): number {
	let k = Math.ceil(v / cell - 0.5);
	while ((k + 0.5) * cell < v) k++;
	while ((k - 0.5) * cell >= v) k--;
	return k;
}

/**
 * Regular grid samples over the areas: the centres of the `cellMetres` cells that lie inside an
 * area (even-odd rule, as `createAreaLocator`; where areas overlap the one listed first wins),
 * plus one interior point for every area that no cell centre falls into, so that each area with
 * a ring gets at least one sample. Runs in O(V · R) for V vertices and R grid rows an area
 * spans, plus O(cells) over the extent.
 *
 * `buildAreaGrid(stuttgartStadtteile).size` -> 9214 (152 Stadtteile, 207 km², 150 m cells)
 */
export function buildAreaGrid(
	areas: ReadonlyArray<GridArea>,
	options: { cellMetres?: number } = {}
): AreaGrid {
	const cell = options.cellMetres ?? DEFAULT_CELL_METRES;
	if (!(cell > 0) || !Number.isFinite(cell))
		throw new RangeError(`buildAreaGrid: cellMetres must be a positive number, got ${cell}`);
	if (areas.length === 0) throw new RangeError('buildAreaGrid: no areas');

	let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const area of areas)
		forEachPosition(area, ([lon, lat]) => {
			if (!Number.isFinite(lon) || !Number.isFinite(lat))
				throw new RangeError(`buildAreaGrid: area ${area.id} has a coordinate that is not a number`);
			west = Math.min(west, lon!);
			east = Math.max(east, lon!);
			south = Math.min(south, lat!);
			north = Math.max(north, lat!);
		});
	if (!(west <= east)) throw new RangeError('buildAreaGrid: the areas have no coordinates');
	const plane = createLocalPlane((west + east) / 2, (south + north) / 2);

	const projected = areas.map((a) => projectArea(a, plane));
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const polygons of projected)
		for (const rings of polygons)
			for (const ring of rings)
				for (let k = 0; k < ring.length; k += 2) {
					minX = Math.min(minX, ring[k]!);
					maxX = Math.max(maxX, ring[k]!);
					minY = Math.min(minY, ring[k + 1]!);
					maxY = Math.max(maxY, ring[k + 1]!);
				}
	const col0 = Math.floor(minX / cell);
	const row0 = Math.floor(minY / cell);
	const cols = Math.max(1, Math.ceil(maxX / cell) - col0);
	const rows = Math.max(1, Math.ceil(maxY / cell) - row0);
	if (cols * rows > MAX_CELLS)
		throw new RangeError(
			`buildAreaGrid: ${cols} x ${rows} cells of ${cell} m are too many; use a larger cellMetres`
		);

	// Scanline fill: for each row of cell centres, the crossings of the row with the polygon's
	// edges, sorted, bound the inside runs [c0, c1), [c2, c3), ...; the crossing formula and the
	// half-open runs match even-odd ray casting exactly.
	const owner = new Int32Array(cols * rows).fill(-1);
	let crossings = new Float64Array(64);
	projected.forEach((polygons, a) => {
		for (const rings of polygons) {
			let lo = Infinity;
			let hi = -Infinity;
			for (const ring of rings)
				for (let k = 1; k < ring.length; k += 2) {
					lo = Math.min(lo, ring[k]!);
					hi = Math.max(hi, ring[k]!);
				}
			if (!(lo <= hi)) continue;
			const rowFrom = Math.max(row0, firstCentreAtOrAfter(lo, cell));
			for (let row = rowFrom; row < row0 + rows; row++) {
				const yc = (row + 0.5) * cell;
				if (yc > hi) break;
				let m = 0;
				for (const ring of rings) {
					const n = ring.length >> 1;
					for (let i = 0, j = n - 1; i < n; j = i++) {
						const xi = ring[2 * i]!;
						const yi = ring[2 * i + 1]!;
						const xj = ring[2 * j]!;
						const yj = ring[2 * j + 1]!;
						if (yi > yc !== yj > yc) {
							if (m === crossings.length) {
								const grown = new Float64Array(m * 2);
								grown.set(crossings);
								crossings = grown;
							}
							crossings[m++] = ((xj - xi) * (yc - yi)) / (yj - yi) + xi;
						}
					}
				}
				if (m < 2) continue;
				const sorted = crossings.subarray(0, m).sort();
				const base = (row - row0) * cols;
				for (let k = 0; k + 1 < m; k += 2) {
					const from = Math.max(col0, firstCentreAtOrAfter(sorted[k]!, cell));
					const to = Math.min(col0 + cols, firstCentreAtOrAfter(sorted[k + 1]!, cell));
					for (let col = from; col < to; col++) {
						const at = base + col - col0;
						if (owner[at] === -1) owner[at] = a;
					}
				}
			}
		}
	});

	const counts = new Uint32Array(areas.length);
	for (const a of owner) if (a >= 0) counts[a]!++;
	const fallback: Array<[number, number] | undefined> = areas.map((area, a) => {
		if (counts[a]! > 0 || projected[a]!.every((rings) => (rings[0]?.length ?? 0) < 6)) return undefined;
		const [lon, lat] = pointOnFeature(area).geometry.coordinates;
		counts[a] = 1;
		return plane.toXY(lon!, lat!);
	});

	const areaOffsets = new Uint32Array(areas.length + 1);
	for (let a = 0; a < areas.length; a++) areaOffsets[a + 1] = areaOffsets[a]! + counts[a]!;
	const size = areaOffsets[areas.length]!;
	const x = new Float64Array(size);
	const y = new Float64Array(size);
	const area = new Uint32Array(size);
	const interior = new Uint8Array(size);
	const next = areaOffsets.slice(0, areas.length);
	for (let row = 0; row < rows; row++)
		for (let col = 0; col < cols; col++) {
			const a = owner[row * cols + col]!;
			if (a < 0) continue;
			const i = next[a]!++;
			x[i] = (col0 + col + 0.5) * cell;
			y[i] = (row0 + row + 0.5) * cell;
			area[i] = a;
		}
	fallback.forEach((p, a) => {
		if (!p) return;
		const i = next[a]!++;
		[x[i], y[i]] = p;
		area[i] = a;
		interior[i] = 1;
	});
	const lon = new Float64Array(size);
	const lat = new Float64Array(size);
	for (let i = 0; i < size; i++) [lon[i], lat[i]] = plane.toLonLat(x[i]!, y[i]!);

	return {
		areaIds: areas.map((a) => a.id),
		plane,
		cellMetres: cell,
		size,
		x,
		y,
		lon,
		lat,
		area,
		areaOffsets,
		interior
	};
}

/** Sites on the grid's plane as two coordinate arrays; a site off the globe is a bug. */
function projectSites(
	plane: LocalPlane,
	sites: ReadonlyArray<{ lon: number; lat: number }>
): { xs: Float64Array; ys: Float64Array } {
	const xs = new Float64Array(sites.length);
	const ys = new Float64Array(sites.length);
	sites.forEach(({ lon, lat }, i) => {
		if (!Number.isFinite(lon) || !Number.isFinite(lat))
			throw new RangeError(`site ${i} has no valid position (${lon}, ${lat})`);
		[xs[i], ys[i]] = plane.toXY(lon, lat);
	});
	return { xs, ys };
}

/**
 * Straight-line metres from every sample to the nearest site (Infinity without sites), for the
 * reachability surface on the map. O((S + N) log S) for S sites and N samples.
 *
 * `nearestSiteDistances(grid, [])[0]` -> Infinity; with sites, metres such as 412.5
 */
export function nearestSiteDistances(
	grid: AreaGrid,
	sites: ReadonlyArray<{ lon: number; lat: number }>
): Float32Array {
	const { xs, ys } = projectSites(grid.plane, sites);
	const index = createSiteIndex(Array.from(xs, (x, i) => [x, ys[i]!] as const));
	const out = new Float32Array(grid.size);
	for (let i = 0; i < grid.size; i++) out[i] = index.nearestDistance(grid.x[i]!, grid.y[i]!);
	return out;
}

/**
 * Which samples reach a site on foot, and the reached share per area. A sample is reached when
 * some site lies within `reachMetres / detourFactor` straight-line metres of it: the straight
 * line times the detour factor (paths are longer than the beeline, typically 1.2–1.4) must not
 * exceed the site's walking distance. Every site counts wherever it lies, also in a neighbouring
 * area or outside all areas. The share is reached samples over all samples of the area (weighted
 * by `grid.weights` when set); NaN for an area without samples or weight.
 *
 * Sites are indexed by the box around their reach circle (flatbush); each sample asks whether
 * any box containing it holds a circle that does, stopping at the first. O(S log S) to build,
 * O(N log S) to query, for S sites and N samples.
 *
 * `reachShares(grid, kitas, 1.3).share` -> `Float64Array [0.42, 1, 0.875, …]` (one share per area)
 */
export function reachShares(
	grid: AreaGrid,
	sites: ReadonlyArray<{ lon: number; lat: number; reachMetres: number }>,
	detourFactor: number
): { reached: Uint8Array; share: Float64Array } {
	if (!(detourFactor >= 1) || !Number.isFinite(detourFactor))
		throw new RangeError(`reachShares: detourFactor must be a number >= 1, got ${detourFactor}`);
	const { xs, ys } = projectSites(grid.plane, sites);
	const reached = new Uint8Array(grid.size);

	if (sites.length > 0) {
		const r2 = new Float64Array(sites.length);
		const index = new Flatbush(sites.length);
		sites.forEach(({ reachMetres }, i) => {
			if (!(reachMetres >= 0) || !Number.isFinite(reachMetres))
				throw new RangeError(`reachShares: site ${i} has no valid reachMetres (${reachMetres})`);
			const r = reachMetres / detourFactor;
			r2[i] = r * r;
			// A hair of slack keeps a sample exactly on the circle inside the box; the exact test
			// on squared distances decides.
			const pad = r * (1 + 1e-12) + 1e-9;
			index.add(xs[i]! - pad, ys[i]! - pad, xs[i]! + pad, ys[i]! + pad);
		});
		index.finish();
		let sx = 0;
		let sy = 0;
		const covers = (i: number) => {
			const dx = xs[i]! - sx;
			const dy = ys[i]! - sy;
			return dx * dx + dy * dy <= r2[i]!;
		};
		for (let k = 0; k < grid.size; k++) {
			sx = grid.x[k]!;
			sy = grid.y[k]!;
			if (index.collides(sx, sy, sx, sy, covers)) reached[k] = 1;
		}
	}

	const areas = grid.areaIds.length;
	const share = new Float64Array(areas);
	const weights = grid.weights;
	for (let a = 0; a < areas; a++) {
		let total = 0;
		let hit = 0;
		for (let k = grid.areaOffsets[a]!; k < grid.areaOffsets[a + 1]!; k++) {
			const w = weights ? weights[k]! : 1;
			total += w;
			if (reached[k]) hit += w;
		}
		share[a] = total > 0 ? hit / total : NaN;
	}
	return { reached, share };
}
