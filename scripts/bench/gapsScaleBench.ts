/**
 * The geometry of the Förderlücken analysis at scale, for `npm run bench`: 10,000 generated
 * areas (jittered blocks of 100–300 m with jagged shared borders, around Stuttgart) and a million
 * sites with a walking distance each. Measured: locating every site in its area and counting
 * sites per area (createAreaLocator), building the sample grid (buildAreaGrid) and the reach
 * shares (reachShares). The baseline, in the same run, is the naive loop with turf: every site
 * against every area (booleanPointInPolygon), every sample against every site (distance), timed
 * on a subsample and extrapolated linearly to the full size.
 */
import { booleanPointInPolygon, distance, point } from '@turf/turf';
import type { Position } from 'geojson';
import { stream } from '../../src/lib/domain/random';
import { createAreaLocator } from '../../src/lib/geo/locate';
import { createLocalPlane } from '../../src/lib/geo/localPlane';
import { buildAreaGrid, reachShares, type GridArea } from '../../src/lib/geo/reachGrid';

const SEED = 20240601;
const CENTRE = [9.18, 48.78] as const;
/** Mean block size in metres; corners move by up to a quarter of it, so blocks are 100–300 m. */
const BLOCK = 200;
/** Walking distances of the generated sites (Kita, Grundschule, weiterführende Schule, ...). */
const WALKS = [300, 500, 800, 1000, 1500];
const DETOUR = 1.3;

export interface GapsScaleBench {
	areas: number;
	sites: number;
	samples: number;
	/** Wall time of the real code, full size. */
	ms: { locate: number; grid: number; reach: number; total: number };
	/** Wall time of the naive turf loops, measured on a subsample and scaled to the full size. */
	naiveMsExtrapolated: { locate: number; reach: number; total: number };
	/** naiveMsExtrapolated.total / ms.total. */
	speedup: number;
	note: string;
}

type Site = { lon: number; lat: number; reachMetres: number };

/**
 * `count` blocks in a square of rows on a local plane around CENTRE; corners are jittered and
 * every edge has three inner points offset across it, shared by both blocks along the edge.
 */
export function generateAreas(count: number): GridArea[] {
	const side = Math.ceil(Math.sqrt(count));
	const plane = createLocalPlane(CENTRE[0], CENTRE[1]);
	const rand = stream(SEED, 'corners');
	const half = (side * BLOCK) / 2;
	const corner: Array<Array<[number, number]>> = [];
	for (let i = 0; i <= side; i++) {
		const column: Array<[number, number]> = [];
		for (let j = 0; j <= side; j++) {
			const inner = i > 0 && i < side && j > 0 && j < side;
			column.push([
				i * BLOCK - half + (inner ? (rand() - 0.5) * BLOCK * 0.5 : 0),
				j * BLOCK - half + (inner ? (rand() - 0.5) * BLOCK * 0.5 : 0)
			]);
		}
		corner.push(column);
	}
	const wiggle = stream(SEED, 'edges');
	const edgeCache = new Map<string, Array<[number, number]>>();
	/** Corner a to corner b without b, walked in either direction with the same inner points. */
	const edge = (a: [number, number], b: [number, number], key: string, forward: boolean) => {
		let inner = edgeCache.get(key);
		if (!inner) {
			const [p, q] = forward ? [a, b] : [b, a];
			const [dx, dy] = [q[0] - p[0], q[1] - p[1]];
			const length = Math.hypot(dx, dy);
			inner = [0.25, 0.5, 0.75].map((t) => {
				const offset = (wiggle() - 0.5) * 0.1 * length;
				return [p[0] + dx * t - (dy / length) * offset, p[1] + dy * t + (dx / length) * offset];
			});
			edgeCache.set(key, inner);
		}
		return [a, ...(forward ? inner : [...inner].reverse())];
	};
	const areas: GridArea[] = [];
	for (let n = 0; n < count; n++) {
		const i = n % side;
		const j = Math.floor(n / side);
		const [sw, se, ne, nw] = [corner[i]![j]!, corner[i + 1]![j]!, corner[i + 1]![j + 1]!, corner[i]![j + 1]!];
		const ring = [
			...edge(sw, se, `h${i},${j}`, true),
			...edge(se, ne, `v${i + 1},${j}`, true),
			...edge(ne, nw, `h${i},${j + 1}`, false),
			...edge(nw, sw, `v${i},${j}`, false)
		];
		ring.push(ring[0]!);
		areas.push({
			type: 'Feature',
			id: `b${n}`,
			properties: {},
			geometry: { type: 'Polygon', coordinates: [ring.map(([x, y]): Position => plane.toLonLat(x, y))] }
		});
	}
	return areas;
}

/** Sites spread over the blocks and 5 % beyond on every side, each with a walking distance. */
export function generateSites(count: number, areaCount: number): Site[] {
	const side = Math.ceil(Math.sqrt(areaCount)) * BLOCK * 1.1;
	const plane = createLocalPlane(CENTRE[0], CENTRE[1]);
	const rand = stream(SEED, 'sites');
	return Array.from({ length: count }, () => {
		const [lon, lat] = plane.toLonLat((rand() - 0.5) * side, (rand() - 0.5) * side);
		return { lon, lat, reachMetres: WALKS[Math.floor(rand() * WALKS.length)]! };
	});
}

const time = <T>(run: () => T): [T, number] => {
	const start = performance.now();
	const result = run();
	return [result, performance.now() - start];
};

/**
 * Run the scale bench; targets (total under 10 s, at least 20 times faster than the naive
 * loop) are for the report, not asserted. A disagreement between the real and the naive
 * results on the subsample is a bug and throws.
 *
 * `benchGapsScale()` -> `{ areas: 10000, sites: 1000000, samples: 18065, ms: { total: 1594, … }, speedup: 1513, … }`
 */
export function benchGapsScale(
	opts: { areas?: number; sites?: number; naiveSample?: number } = {}
): GapsScaleBench {
	const areaCount = opts.areas ?? 10_000;
	const siteCount = opts.sites ?? 1_000_000;
	const naiveSites = Math.min(opts.naiveSample ?? 1000, siteCount);
	const areas = generateAreas(areaCount);
	const sites = generateSites(siteCount, areaCount);

	const [located, locateMs] = time(() => {
		const { locate } = createAreaLocator(areas);
		const slot = new Map(areas.map((a, k) => [a.id, k]));
		const perArea = new Uint32Array(areas.length);
		const keys: Array<string | undefined> = new Array(sites.length);
		for (let k = 0; k < sites.length; k++) {
			const key = locate(sites[k]!.lon, sites[k]!.lat);
			keys[k] = key;
			if (key !== undefined) perArea[slot.get(key)!]!++;
		}
		return { keys, perArea };
	});
	const [grid, gridMs] = time(() => buildAreaGrid(areas));
	const [, reachMs] = time(() => reachShares(grid, sites, DETOUR));

	// Naive baseline on a subsample: evenly spaced sites and samples, points built beforehand.
	const siteStep = siteCount / naiveSites;
	const subSites = Array.from({ length: naiveSites }, (_, k) => sites[Math.floor(k * siteStep)]!);
	const sitePoints = subSites.map((s) => point([s.lon, s.lat]));
	const naiveSamples = Math.min(grid.size, Math.max(1, Math.round(naiveSites / 5)));
	const sampleStep = grid.size / naiveSamples;
	const sampleIndex = Array.from({ length: naiveSamples }, (_, k) => Math.floor(k * sampleStep));
	const samplePoints = sampleIndex.map((i) => point([grid.lon[i]!, grid.lat[i]!]));

	const [naiveKeys, naiveLocateMs] = time(() =>
		sitePoints.map((p) => {
			for (const area of areas) if (booleanPointInPolygon(p, area)) return area.id;
			return undefined;
		})
	);
	const [naiveReached, naiveReachMs] = time(() =>
		samplePoints.map((p) => {
			// A full scan, as for the nearest distance too; no early exit.
			let reached = false;
			for (let k = 0; k < sitePoints.length; k++) {
				const d = distance(p, sitePoints[k]!, { units: 'meters' });
				if (d * DETOUR <= subSites[k]!.reachMetres) reached = true;
			}
			return reached;
		})
	);

	const mismatchedSites = naiveKeys.filter((key, k) => key !== located.keys[Math.floor(k * siteStep)]).length;
	const subReach = reachShares(grid, subSites, DETOUR).reached;
	// turf's distance is spherical, the plane ellipsoidal: they may disagree right at a circle.
	const mismatchedSamples = naiveReached.filter((r, k) => r !== (subReach[sampleIndex[k]!] === 1)).length;
	if (mismatchedSites > 0 || mismatchedSamples > naiveSamples * 0.01)
		throw new Error(
			`gapsScaleBench: naive and indexed results differ (${mismatchedSites} sites, ${mismatchedSamples} samples)`
		);

	const naiveLocate = naiveLocateMs * (siteCount / naiveSites);
	const naiveReach = naiveReachMs * (grid.size / naiveSamples) * (siteCount / naiveSites);
	const total = locateMs + gridMs + reachMs;
	const round = (v: number) => Math.round(v * 10) / 10;
	return {
		areas: areaCount,
		sites: siteCount,
		samples: grid.size,
		ms: { locate: round(locateMs), grid: round(gridMs), reach: round(reachMs), total: round(total) },
		naiveMsExtrapolated: {
			locate: Math.round(naiveLocate),
			reach: Math.round(naiveReach),
			total: Math.round(naiveLocate + naiveReach)
		},
		speedup: round((naiveLocate + naiveReach) / total),
		note:
			`Naive turf loops timed on ${naiveSites} sites (locate: every area per site, first hit wins) ` +
			`and ${naiveSamples} samples x ${naiveSites} sites (reach: distance to every site, no early ` +
			`exit), extrapolated linearly to ${siteCount} sites and ${grid.size} samples; the naive ` +
			`figures have no grid step. Same results on the subsample: ${naiveSites - mismatchedSites}/` +
			`${naiveSites} sites, ${naiveSamples - mismatchedSamples}/${naiveSamples} samples.`
	};
}
