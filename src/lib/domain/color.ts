/**
 * `#rrggbb` -> [r, g, b, a] for deck.gl accessors. `hexToRgb('#ff8000')` -> [255, 128, 0, 255]
 */
export function hexToRgb(hex: string, alpha = 255): [number, number, number, number] {
	const m = /^#([0-9a-f]{6})$/i.exec(hex);
	if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
	const n = parseInt(m[1]!, 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}
