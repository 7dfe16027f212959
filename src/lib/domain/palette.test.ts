import { lab } from 'd3';
import { describe, expect, it } from 'vitest';
import {
	CATEGORY_COLORS,
	DIVERGING_CLASSES,
	divergingPaletteFor,
	contrastRatio,
	contrastText,
	NO_DATA_COLOR,
	paletteFor,
	relativeLuminance,
	SUPPRESSED_COLOR
} from './palette';
import type { Direction } from './types';

const DIRECTIONS: Direction[] = ['need', 'better', 'context'];
const KS = [3, 4, 5, 6, 7];
const ALL_AREA_COLORS = [...new Set(DIRECTIONS.flatMap((d) => KS.flatMap((k) => paletteFor(d, k))))];

/** CIE76 colour difference; about 10 and more reads as a different colour at a glance. */
function deltaE(a: string, b: string): number {
	const x = lab(a);
	const y = lab(b);
	return Math.hypot(x.l - y.l, x.a - y.a, x.b - y.b);
}

describe('paletteFor', () => {
	it.each(DIRECTIONS.flatMap((d) => KS.map((k) => [d, k] as const)))('%s with %i classes', (direction, k) => {
		const colors = paletteFor(direction, k);
		expect(colors).toHaveLength(k);
		expect(new Set(colors).size).toBe(k);
		for (const c of colors) expect(c).toMatch(/^#[0-9a-f]{6}$/);
		// Sequential: each class darker than the one before.
		const lum = colors.map(relativeLuminance);
		for (let i = 1; i < k; i++) expect(lum[i]).toBeLessThan(lum[i - 1]!);
	});

	it('uses warm colours for need, blues for better and purples for context', () => {
		expect(paletteFor('need', 3)).toEqual(['#fee8c8', '#fdbb84', '#e34a33']);
		expect(paletteFor('better', 3)).toEqual(['#deebf7', '#9ecae1', '#3182bd']);
		expect(paletteFor('context', 3)).toEqual(['#efedf5', '#bcbddc', '#756bb1']);
	});

	it('gives distinct palettes per direction', () => {
		for (const k of KS) {
			const [need, better, context] = DIRECTIONS.map((d) => paletteFor(d, k).at(-1)!);
			expect(new Set([need, better, context]).size).toBe(3);
		}
	});

	it('returns a fresh array that callers may change', () => {
		const a = paletteFor('need', 5);
		a[0] = '#000000';
		expect(paletteFor('need', 5)[0]).not.toBe('#000000');
	});

	it.each([2, 8, 0, 4.5, Number.NaN])('throws a RangeError for k = %s', (k) => {
		expect(() => paletteFor('need', k)).toThrow(RangeError);
	});

	it('throws a RangeError for an unknown direction', () => {
		expect(() => paletteFor('worse' as Direction, 5)).toThrow(RangeError);
	});
});

describe('neutral colours', () => {
	it('no-data and suppressed colours are no palette colour and clearly different from all', () => {
		for (const neutral of [NO_DATA_COLOR, SUPPRESSED_COLOR]) {
			expect(ALL_AREA_COLORS).not.toContain(neutral);
			for (const c of ALL_AREA_COLORS) expect(deltaE(neutral, c), `${neutral} vs ${c}`).toBeGreaterThan(10);
		}
	});

	it('are grey and differ from each other', () => {
		for (const neutral of [NO_DATA_COLOR, SUPPRESSED_COLOR]) {
			const { a, b } = lab(neutral);
			expect(Math.hypot(a, b)).toBeLessThan(1);
		}
		expect(deltaE(NO_DATA_COLOR, SUPPRESSED_COLOR)).toBeGreaterThan(15);
	});
});

describe('CATEGORY_COLORS', () => {
	const colors = Object.values(CATEGORY_COLORS);

	it('has a colour for every Lernort category', () => {
		expect(Object.keys(CATEGORY_COLORS).sort()).toEqual(['formal', 'informal', 'nonformal']);
	});

	it('stands apart from the area fills and the neutral colours', () => {
		for (const c of colors) {
			for (const other of [...ALL_AREA_COLORS, NO_DATA_COLOR, SUPPRESSED_COLOR]) {
				expect(deltaE(c, other), `${c} vs ${other}`).toBeGreaterThan(25);
			}
		}
	});

	it('keeps the categories far apart from each other', () => {
		for (const a of colors) for (const b of colors) if (a !== b) expect(deltaE(a, b)).toBeGreaterThan(40);
	});
});

describe('contrastText', () => {
	it.each([
		['#ffffff', '#000'],
		['#fff', '#000'],
		['#FEE8C8', '#000'],
		['#fdbb84', '#000'],
		['#000000', '#fff'],
		['#08306b', '#fff'],
		['#3f007d', '#fff'],
		['#b30000', '#fff'],
		// The switch lies between these greys (relative luminance about 0.179).
		['#767676', '#000'],
		['#757575', '#fff']
	] as const)('%s -> %s', (fill, expected) => {
		expect(contrastText(fill)).toBe(expected);
	});

	it('always picks the colour with the higher contrast, at least 4.5:1 on every palette colour', () => {
		for (const fill of [
			...ALL_AREA_COLORS,
			...Object.values(CATEGORY_COLORS),
			NO_DATA_COLOR,
			SUPPRESSED_COLOR
		]) {
			const text = contrastText(fill);
			const other = text === '#000' ? '#fff' : '#000';
			expect(contrastRatio(fill, text)).toBeGreaterThanOrEqual(contrastRatio(fill, other));
			expect(contrastRatio(fill, text), fill).toBeGreaterThanOrEqual(4.5);
		}
	});

	it.each(['red', '#12345', '#ggg', '123456', '', '#1234567'])('throws for %j', (bad) => {
		expect(() => contrastText(bad)).toThrow(RangeError);
	});
});

describe('contrastRatio', () => {
	it('is 21 for black on white, 1 for equal colours and symmetric', () => {
		expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 10);
		expect(contrastRatio('#abcdef', '#abcdef')).toBe(1);
		expect(contrastRatio('#336699', '#ffcc00')).toBe(contrastRatio('#ffcc00', '#336699'));
	});

	it('matches the WCAG reference value for #777 on white (4.48)', () => {
		expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
	});
});

describe('divergingPaletteFor', () => {
	const CASES = DIRECTIONS.flatMap((d) => DIVERGING_CLASSES.map((k) => [d, k] as const));

	it.each(CASES)('%s with %i classes: a light grey middle, both arms darkening alike', (direction, k) => {
		const colors = divergingPaletteFor(direction, k);
		expect(colors).toHaveLength(k);
		expect(new Set(colors).size).toBe(k);
		const mid = (k - 1) / 2;
		// The middle is the lightest class and nearly without hue.
		const middle = lab(colors[mid]!);
		expect(Math.hypot(middle.a, middle.b)).toBeLessThan(3);
		expect(middle.l).toBeGreaterThan(95);
		const l = colors.map((c) => lab(c).l);
		for (let i = 1; i <= mid; i++) {
			// Darker with every step away from the middle, on both sides.
			expect(l[mid - i]).toBeLessThan(l[mid - i + 1]!);
			expect(l[mid + i]).toBeLessThan(l[mid + i - 1]!);
			// Symmetric: classes equally far from zero are about equally dark (CIELAB L*).
			expect(Math.abs(l[mid - i]! - l[mid + i]!), `${colors[mid - i]} vs ${colors[mid + i]}`).toBeLessThan(
				12
			);
			// The two arms are told apart by hue, not only by lightness.
			expect(deltaE(colors[mid - i]!, colors[mid + i]!)).toBeGreaterThan(20);
		}
	});

	it.each(CASES)(
		'%s with %i classes: apart from the grey of missing data, readable labels',
		(direction, k) => {
			for (const c of divergingPaletteFor(direction, k)) {
				for (const neutral of [NO_DATA_COLOR, SUPPRESSED_COLOR])
					expect(deltaE(c, neutral), `${c} vs ${neutral}`).toBeGreaterThan(10);
				expect(contrastRatio(c, contrastText(c)), c).toBeGreaterThanOrEqual(4.5);
			}
		}
	);

	it('puts the warm arm on the less favourable change', () => {
		// Lab b > 0: red (warm); b < 0: blue.
		const warm = (c: string) => lab(c).b > 0;
		expect(warm(divergingPaletteFor('need', 5).at(-1)!)).toBe(true);
		expect(warm(divergingPaletteFor('need', 5)[0]!)).toBe(false);
		expect(warm(divergingPaletteFor('better', 5).at(-1)!)).toBe(false);
		expect(warm(divergingPaletteFor('better', 5)[0]!)).toBe(true);
		expect(divergingPaletteFor('need', 3)).toEqual(['#67a9cf', '#f7f7f7', '#ef8a62']);
	});

	it('returns a fresh array', () => {
		const a = divergingPaletteFor('better', 5);
		a.reverse();
		expect(divergingPaletteFor('better', 5)[0]).toBe('#ca0020');
	});

	it.each([1, 2, 4, 6, 8, 9, 5.5, Number.NaN])('throws a RangeError for k = %s', (k) => {
		expect(() => divergingPaletteFor('need', k)).toThrow(RangeError);
	});

	it('throws a RangeError for an unknown direction', () => {
		expect(() => divergingPaletteFor('worse' as Direction, 5)).toThrow(RangeError);
	});
});
