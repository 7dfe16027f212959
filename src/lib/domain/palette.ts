import { schemeBlues, schemeOrRd, schemePurples, schemeRdBu } from 'd3';
import { MAX_CLASSES, MIN_CLASSES } from './classify';
import { hexToRgb } from './color';
import type { GapClass } from './gaps';
import type { Direction, LernortCategory } from './types';

/**
 * Colours of the map. Area fills use ColorBrewer single-hue or two-hue sequential schemes, which
 * stay ordered for the common colour-vision deficiencies; the darkest class is always the
 * "most" of what the indicator measures:
 * - `need` (higher = more need): OrRd, warm;
 * - `better` (higher = better provision): Blues;
 * - `context` (neither): Purples, calm and without a judgement.
 */
const SCHEMES: Readonly<Record<Direction, ReadonlyArray<readonly string[]>>> = {
	need: schemeOrRd,
	better: schemeBlues,
	context: schemePurples
};

/** Areas without data: a mid-light grey that is no class of any palette. */
export const NO_DATA_COLOR = '#c8c8c8';

/** Suppressed areas (disclosure control): a darker neutral, drawn with a hatch pattern. */
export const SUPPRESSED_COLOR = '#8c8c8c';

/**
 * Lernort points by category, from the Okabe–Ito palette (safe for colour-vision deficiencies),
 * picked to stand apart from the orange, blue and purple area fills: bluish green, reddish purple
 * and yellow.
 */
export const CATEGORY_COLORS: Readonly<Record<LernortCategory, string>> = {
	formal: '#009e73',
	nonformal: '#cc79a7',
	informal: '#f0e442'
};

/**
 * Fills of the Förderlücken classes: warm for the urgent ones (a strong orange for the
 * Förderlücke, a light orange for "im Blick behalten"), calm blues for the covered ones, so
 * that the order of urgency survives the common colour-vision deficiencies (orange–blue).
 * "Keine Aussage möglich" uses the grey of missing data.
 */
export const GAP_CLASS_COLORS: Readonly<Record<GapClass, string>> = {
	foerderluecke: '#c4520d',
	im_blick: '#f5b971',
	gut_versorgt: '#5b8fc4',
	unauffaellig: '#dbe6f1',
	unbekannt: NO_DATA_COLOR
};

/**
 * The k fill colours (light to dark) for an indicator direction.
 * `paletteFor('need', 3)` -> ["#fee8c8", "#fdbb84", "#e34a33"]. k must be an integer from 3 to 7.
 */
export function paletteFor(direction: Direction, k: number): string[] {
	const scheme = SCHEMES[direction];
	if (!scheme) throw new RangeError(`paletteFor: unknown direction ${String(direction)}`);
	if (!Number.isInteger(k) || k < MIN_CLASSES || k > MAX_CLASSES) {
		throw new RangeError(`paletteFor: k must be an integer from ${MIN_CLASSES} to ${MAX_CLASSES}, got ${k}`);
	}
	return [...scheme[k]!];
}

/** Class counts a diverging palette offers: odd, so that one class holds zero. */
export const DIVERGING_CLASSES = [3, 5, 7] as const;

/**
 * The k fill colours of a change map, from the strongest decrease to the strongest increase,
 * with a light neutral grey in the middle for "about unchanged". ColorBrewer RdBu: red and blue
 * stay apart for the common colour-vision deficiencies, both arms darken at the same pace (equal
 * changes up and down look equally strong), and neither arm is close to a Lernort point colour.
 * The warm (red) arm always points to the less favourable change, as in the sequential palettes:
 * - `need`: an increase (more need) is red;
 * - `better` and `context`: an increase is blue (for `context` without a judgement).
 *
 * `divergingPaletteFor('need', 3)` -> ["#67a9cf", "#f7f7f7", "#ef8a62"]. k must be 3, 5 or 7.
 */
export function divergingPaletteFor(direction: Direction, k: number): string[] {
	if (!SCHEMES[direction])
		throw new RangeError(`divergingPaletteFor: unknown direction ${String(direction)}`);
	if (!(DIVERGING_CLASSES as readonly number[]).includes(k)) {
		throw new RangeError(`divergingPaletteFor: k must be 3, 5 or 7, got ${k}`);
	}
	// schemeRdBu runs from red to blue.
	const colors = [...schemeRdBu[k]!];
	return direction === 'need' ? colors.reverse() : colors;
}

/**
 * Text colour for a label drawn on a fill: black or white, whichever has the higher WCAG 2
 * contrast ratio with the fill. `contrastText('#08306b')` -> "#fff"; accepts "#rgb" and "#rrggbb".
 */
export function contrastText(hex: string): '#000' | '#fff' {
	const l = relativeLuminance(hex);
	// Contrast with black is (l + 0.05) / 0.05, with white 1.05 / (l + 0.05).
	return (l + 0.05) * (l + 0.05) >= 1.05 * 0.05 ? '#000' : '#fff';
}

/** WCAG 2 contrast ratio of two colours, from 1 to 21: `contrastRatio('#000', '#fff')` -> 21. */
export function contrastRatio(a: string, b: string): number {
	const la = relativeLuminance(a);
	const lb = relativeLuminance(b);
	return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** WCAG 2 relative luminance of an sRGB hex colour, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
	const [r, g, b] = hexToRgb(hex)
		.slice(0, 3)
		.map((c) => {
			const s = c / 255;
			return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
		}) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
