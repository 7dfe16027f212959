/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

/**
 * Bounds grown by `factor` of their size on every side, at least `min` degrees, so a small
 * area is shown with its surroundings.
 * `padBounds([9, 48, 9.1, 48.1], 0.5)` -> [8.95, 47.95, 9.15, 48.15]
 */
export function padBounds(bounds: Readonly<Bounds>, factor: number, min = 0): Bounds {
	const [w, s, e, n] = bounds;
	if (!(w <= e && s <= n)) throw new RangeError(`padBounds: not bounds: ${bounds.join(', ')}`);
	const dx = Math.max((e - w) * factor, min);
	const dy = Math.max((n - s) * factor, min);
	return [w - dx, s - dy, e + dx, n + dy];
}
