import Flatbush from 'flatbush';

/** Nearest-site and radius queries over points on a local plane (metres). */
export interface SiteIndex {
	/** Number of indexed points. */
	readonly size: number;
	/**
	 * The nearest point and its distance, or null when there is none within `maxDistance`
	 * (inclusive; default unlimited). Of equally near points the one with the lowest index wins.
	 */
	nearest(x: number, y: number, maxDistance?: number): { index: number; distance: number } | null;
	/** Distance to the nearest point, Infinity without points: `nearest` without the tie-break. */
	nearestDistance(x: number, y: number): number;
	/** Indexes of all points within `radius` (inclusive), ascending. */
	within(x: number, y: number, radius: number): number[];
}

const EMPTY: SiteIndex = {
	size: 0,
	nearest: () => null,
	nearestDistance: () => Infinity,
	within: () => []
};

const byNumber = (a: number, b: number) => a - b;

/**
 * Index points (e.g. Lernorte projected with `createLocalPlane`) for nearest and radius
 * queries with flatbush: O(n log n) to build, about O(log n) per nearest query.
 *
 * `createSiteIndex([[0, 0], [100, 0]]).nearest(90, 0)` -> `{ index: 1, distance: 10 }`
 */
export function createSiteIndex(points: ReadonlyArray<readonly [number, number]>): SiteIndex {
	const n = points.length;
	if (n === 0) return EMPTY;
	const xs = new Float64Array(n);
	const ys = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const [x, y] = points[i]!;
		if (!Number.isFinite(x) || !Number.isFinite(y))
			throw new RangeError(`createSiteIndex: point ${i} (${x}, ${y}) is not finite`);
		xs[i] = x;
		ys[i] = y;
	}
	const index = new Flatbush(n);
	for (let i = 0; i < n; i++) index.add(xs[i]!, ys[i]!, xs[i]!, ys[i]!);
	index.finish();

	const squared = (i: number, x: number, y: number) => {
		const dx = xs[i]! - x;
		const dy = ys[i]! - y;
		return dx * dx + dy * dy;
	};
	const check = (x: number, y: number) => {
		if (!Number.isFinite(x) || !Number.isFinite(y))
			throw new RangeError(`SiteIndex: query point (${x}, ${y}) is not finite`);
	};

	/** Indexes within the box around (x, y), filtered by exact squared distance. */
	const inDisc = (x: number, y: number, r2: number, keep: (d2: number) => boolean) => {
		// The box gets a hair of slack so rounding in sqrt never drops a point on the circle; the
		// exact test on squared distances decides.
		const r = Math.sqrt(r2) * (1 + 1e-12) + 1e-9;
		return index.search(x - r, y - r, x + r, y + r, (i) => keep(squared(i, x, y)));
	};

	return {
		size: n,
		nearest(x, y, maxDistance = Infinity) {
			check(x, y);
			if (!(maxDistance >= 0)) return null;
			const [first] = index.neighbors(x, y, 1, maxDistance);
			if (first === undefined) return null;
			const d2 = squared(first, x, y);
			// flatbush returns one of several equally near points in no defined order.
			let best = first;
			for (const i of inDisc(x, y, d2, (e2) => e2 === d2)) if (i < best) best = i;
			return { index: best, distance: Math.sqrt(d2) };
		},
		nearestDistance(x, y) {
			check(x, y);
			const [first] = index.neighbors(x, y, 1);
			return first === undefined ? Infinity : Math.sqrt(squared(first, x, y));
		},
		within(x, y, radius) {
			check(x, y);
			if (!(radius >= 0)) return [];
			const r2 = radius * radius;
			return inDisc(x, y, r2, (d2) => d2 <= r2).sort(byNumber);
		}
	};
}
