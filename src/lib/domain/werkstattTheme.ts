import type { AnnotationCategory } from './annotations';

/**
 * The projector theme of the Werkstatt: large type, thick outlines, colours that keep WCAG AAA
 * contrast (7:1) for text even on a washed-out projector. The page sets these as CSS custom
 * properties, so the tested values are the drawn ones.
 */
export const WERKSTATT_THEME = {
	/** Page and panel background. */
	bg: '#ffffff',
	/** Body text. */
	ink: '#000000',
	/** Secondary text (counts, hints). */
	muted: '#333333',
	/** Bars, buttons and the current step: white text on it. */
	accent: '#0b2f57',
	/** Text on `accent`. */
	onAccent: '#ffffff',
	/** Focus ring, thick, visible on white and on the map. */
	focus: '#b34700',
	/** Warnings: dark text on a pale yellow. */
	warnBg: '#fff3bf',
	warnInk: '#3d2a00',
	/** Errors in import reports. */
	error: '#8a0000'
} as const;

/** Body text size in CSS pixels: readable from the back of a room on a projector. */
export const WERKSTATT_BODY_PX = 24;

/**
 * Colours of the note categories on the map (pins, area outlines) and in the list, each drawn
 * with white text on it, so each keeps 7:1 with white.
 */
export const CATEGORY_COLORS_WERKSTATT: Readonly<Record<AnnotationCategory, string>> = {
	foerderluecke: '#a00000',
	gutes_angebot: '#0b5a1e',
	idee: '#5b2a86',
	frage: '#7a3d00'
};

/** Text/background pairs the page uses, for the contrast test. */
export const TEXT_PAIRS: ReadonlyArray<readonly [string, string, string]> = [
	['body text', WERKSTATT_THEME.ink, WERKSTATT_THEME.bg],
	['muted text', WERKSTATT_THEME.muted, WERKSTATT_THEME.bg],
	['bar text', WERKSTATT_THEME.onAccent, WERKSTATT_THEME.accent],
	['accent text', WERKSTATT_THEME.accent, WERKSTATT_THEME.bg],
	['warning', WERKSTATT_THEME.warnInk, WERKSTATT_THEME.warnBg],
	['error', WERKSTATT_THEME.error, WERKSTATT_THEME.bg],
	...Object.entries(CATEGORY_COLORS_WERKSTATT).map(
		([c, color]) => [`category ${c}`, WERKSTATT_THEME.bg, color] as const
	)
];

/**
 * The theme as CSS custom properties: `themeStyle()` -> '--w-bg: #ffffff; --w-ink: #000000; …'
 */
export function themeStyle(): string {
	const vars = Object.entries(WERKSTATT_THEME).map(
		([k, v]) => `--w-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${v}`
	);
	const cats = Object.entries(CATEGORY_COLORS_WERKSTATT).map(([k, v]) => `--w-cat-${k}: ${v}`);
	return [...vars, ...cats, `--w-body: ${WERKSTATT_BODY_PX}px`].join('; ');
}
