import type {
	DataDrivenPropertyValueSpecification,
	ExpressionSpecification,
	StyleSpecification
} from 'maplibre-gl';
import { CLASS_SUPPRESSED } from '$lib/domain/choropleth';

/** Prefix of the area sources and layers; the map counts as drawn once they exist. */
export const AREA_PREFIX = 'areas-';

/** Id of the hatch image registered for suppressed areas. */
export const HATCH_IMAGE = 'bl-hatch';

export const MAP_COLORS = {
	background: '#f3f1ec',
	outsideCity: '#e9e6df',
	areaLine: '#ffffff',
	parentLine: '#4a4a4a',
	hoverLine: '#1a1a1a',
	selectedLine: '#000000',
	regionLine: '#005a8c'
} as const;

/**
 * The base style without any remote source: a plain background. Areas, labels and
 * Lernorte are added by their layer components. With `basemapStyleUrl` MapLibre loads
 * that style instead (for example basemap.de), and our layers go on top.
 * `baseStyle()` -> { version: 8, sources: {}, layers: [background] }
 */
export function baseStyle(basemapStyleUrl?: string): StyleSpecification | string {
	if (basemapStyleUrl) return basemapStyleUrl;
	return {
		version: 8,
		name: 'Bildungslandkarte (ohne Hintergrundkarte)',
		// No animated paint transitions: a recolour is one frame, which keeps software GL
		// (locked-down office PCs, projectors) responsive and the map reaches idle sooner.
		transition: { duration: 0, delay: 0 },
		sources: {},
		layers: [{ id: 'background', type: 'background', paint: { 'background-color': MAP_COLORS.background } }]
	};
}

/**
 * Fill colour read from the feature-state `fill` that AreaLayer sets per area. The expression
 * itself never changes: replacing a data-driven paint expression makes MapLibre re-tile the
 * source in its worker, while a feature-state update only rewrites paint buffers.
 * `fillColor('#c8c8c8')` -> ['to-color', ['coalesce', ['feature-state', 'fill'], '#c8c8c8']]
 */
export function fillColor(fallback: string): ExpressionSpecification {
	return ['to-color', ['coalesce', ['feature-state', 'fill'], fallback]];
}

/**
 * The colour of a class index: `classColor(1, ['#a', '#b'], '#n', '#s')` -> '#b';
 * CLASS_SUPPRESSED -> the suppressed colour; CLASS_MISSING or an unknown index -> no-data colour.
 */
export function classColor(
	cls: number,
	classColors: readonly string[],
	noDataColor: string,
	suppressedColor: string
): string {
	if (cls === CLASS_SUPPRESSED) return suppressedColor;
	return classColors[cls] ?? noDataColor;
}

/** Opacity of the hatch overlay: 1 on suppressed areas, 0 elsewhere. */
export function hatchOpacity(): ExpressionSpecification {
	return ['case', ['==', ['feature-state', 'cls'], CLASS_SUPPRESSED], 1, 0];
}

/**
 * Outline width that grows on hover, selection and marking (areas in a comparison), so each
 * stays visible on any fill.
 */
export function outlineWidth(base: number): DataDrivenPropertyValueSpecification<number> {
	return [
		'case',
		['boolean', ['feature-state', 'selected'], false],
		base + 2.5,
		['boolean', ['feature-state', 'hover'], false],
		base + 1.5,
		['boolean', ['feature-state', 'marked'], false],
		base + 1.8,
		base
	];
}

export function outlineColor(): DataDrivenPropertyValueSpecification<string> {
	return [
		'case',
		['boolean', ['feature-state', 'selected'], false],
		MAP_COLORS.selectedLine,
		['boolean', ['feature-state', 'hover'], false],
		MAP_COLORS.hoverLine,
		['boolean', ['feature-state', 'marked'], false],
		MAP_COLORS.selectedLine,
		MAP_COLORS.areaLine
	];
}

/**
 * Fill opacity: `opacity`, and a quarter of it on areas faded by a selection elsewhere (the
 * points brushed in a scatter plot), so the chosen ones stand out.
 * `fillOpacity(0.9)` -> ['case', ['boolean', ['feature-state', 'faded'], false], 0.225, 0.9]
 */
export function fillOpacity(opacity: number): DataDrivenPropertyValueSpecification<number> {
	return ['case', ['boolean', ['feature-state', 'faded'], false], opacity / 4, opacity];
}

/**
 * A small diagonal hatch as RGBA pixels, so suppressed areas read as "withheld" even in
 * greyscale print and for colour-blind readers. `hatchPattern(8).data.length` -> 256.
 */
export function hatchPattern(
	size = 8,
	ink: [number, number, number, number] = [90, 90, 90, 255]
): { width: number; height: number; data: Uint8Array } {
	const data = new Uint8Array(size * size * 4);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			const onLine = (x + y) % size < 2;
			const o = (y * size + x) * 4;
			if (onLine) data.set(ink, o);
		}
	}
	return { width: size, height: size, data };
}
