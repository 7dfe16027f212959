import { classify, classOf, type ClassMethod, type Classification } from './classify';
import { formatClassLabels } from './format';
import { cellFromWire } from './wire';
import { paletteFor } from './palette';
import type { Cell, IndicatorMeta, UnitKind, ValuesWire } from './types';

/** Class index used for "keine Daten"; real classes are 0..k-1. */
export const CLASS_MISSING = -1;
/** Class index used for "geheim gehalten". */
export const CLASS_SUPPRESSED = -2;

export interface LegendClass {
	label: string;
	color: string;
	count: number;
	from: number;
	to: number;
}

export interface Choropleth {
	/** Cell per area key. */
	cells: ReadonlyMap<string, Cell>;
	/** Class index per area key (>= 0), CLASS_MISSING or CLASS_SUPPRESSED. */
	classes: ReadonlyMap<string, number>;
	classification: Classification | null;
	colors: string[];
	legend: LegendClass[];
	missing: number;
	suppressed: number;
}

/**
 * All cells of one indicator, year and unit kind, keyed by unit key. Years or unit kinds
 * without data give "missing" cells for every unit.
 * `cellsFor(values, meta, 'stadtbezirk', 2024).get('2')` -> { status: 'ok', value: 31.2, ... }
 */
export function cellsFor(
	values: ValuesWire,
	meta: IndicatorMeta,
	kind: UnitKind,
	year: number
): Map<string, Cell> {
	const keys = values.units[kind] ?? [];
	const series = values.indicators[meta.id]?.[String(year)]?.[kind];
	const cells = new Map<string, Cell>();
	keys.forEach((key, i) => {
		cells.set(key, series ? cellFromWire(series, i, meta) : { status: 'missing' });
	});
	return cells;
}

/** One unit's cell: `unitCell(values, meta, 'stadt', '08111000', 2024)`. */
export function unitCell(
	values: ValuesWire,
	meta: IndicatorMeta,
	kind: UnitKind,
	key: string,
	year: number
): Cell {
	const index = values.units[kind]?.indexOf(key) ?? -1;
	const series = values.indicators[meta.id]?.[String(year)]?.[kind];
	if (index < 0 || !series) return { status: 'missing' };
	return cellFromWire(series, index, meta);
}

/**
 * Classifies the cells of a level and assigns colours by the indicator's direction.
 * Missing and suppressed cells get their own class index and are counted apart.
 *
 * `breakValues`, when given, are the values the breaks are computed from instead of the cells'
 * own, e.g. `pooledValues(…)` of all years, so that maps of different years share their classes;
 * the counts are still those of the cells. Unused with `manual`, whose thresholds are fixed anyway.
 * `buildChoropleth(cells2024, meta, 'quantile', 5, [], pooledValues(values, meta, 'stadtteil'))`
 */
export function buildChoropleth(
	cells: ReadonlyMap<string, Cell>,
	meta: IndicatorMeta,
	method: ClassMethod,
	k: number,
	manualBreaks: readonly number[] = [],
	breakValues?: readonly number[]
): Choropleth {
	const okValues: number[] = [];
	let missing = 0;
	let suppressed = 0;
	for (const cell of cells.values()) {
		if (cell.status === 'ok') okValues.push(cell.value);
		else if (cell.status === 'suppressed') suppressed++;
		else missing++;
	}

	const classification =
		okValues.length > 0 ? classifyCells(okValues, method, k, manualBreaks, breakValues) : null;
	const colors = classification ? paletteFor(meta.direction, Math.max(3, classification.k)) : [];
	// Palettes start at 3 colours; with fewer classes use the darker end for contrast.
	const used = classification ? colors.slice(colors.length - classification.k) : [];

	const classes = new Map<string, number>();
	for (const [key, cell] of cells) {
		if (cell.status === 'ok' && classification) classes.set(key, classOf(cell.value, classification.breaks));
		else classes.set(key, cell.status === 'suppressed' ? CLASS_SUPPRESSED : CLASS_MISSING);
	}

	const labels = classification ? formatClassLabels(classification.breaks, meta) : [];
	const legend: LegendClass[] = classification
		? used.map((color, i) => ({
				label: labels[i]!,
				color,
				count: classification.counts[i] ?? 0,
				from: classification.breaks[i]!,
				to: classification.breaks[i + 1]!
			}))
		: [];

	return { cells, classes, classification, colors: used, legend, missing, suppressed };
}

/** `classify` of the cells' values, or edges from other values with the cells counted in them. */
function classifyCells(
	okValues: readonly number[],
	method: ClassMethod,
	k: number,
	manualBreaks: readonly number[],
	breakValues: readonly number[] | undefined
): Classification {
	if (!breakValues || method === 'manual' || breakValues.length === 0)
		return classify(okValues, method, k, manualBreaks);
	const fixed = classify(breakValues, method, k, manualBreaks);
	const counts = fixed.breaks.slice(1).map(() => 0);
	for (const v of okValues) counts[classOf(v, fixed.breaks)]!++;
	return { ...fixed, counts };
}
