/**
 * `#rrggbb` or `#rgb` -> [r, g, b, a], for deck.gl accessors and contrast maths.
 * `hexToRgb('#ff8000')` -> [255, 128, 0, 255]; `hexToRgb('#fff', 0)` -> [255, 255, 255, 0]
 */
export function hexToRgb(hex: string, alpha = 255): [number, number, number, number] {
	const m = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex);
	if (!m) throw new RangeError(`Not a hex colour (#rrggbb or #rgb): ${hex}`);
	const body = m[1]!.length === 3 ? [...m[1]!].map((ch) => ch + ch).join('') : m[1]!;
	const n = parseInt(body, 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}
