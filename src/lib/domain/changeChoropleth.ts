import { divergingBreaks, type ChangeCell } from './change';
import { CLASS_MISSING, CLASS_SUPPRESSED, type LegendClass } from './choropleth';
import { classOf, MAX_CLASSES, MIN_CLASSES } from './classify';
import { formatDifference, formatNumber, MINUS } from './format';
import { divergingPaletteFor } from './palette';
import type { Direction, IndicatorMeta } from './types';

/**
 * The change map: classes of the difference between two years, centred on zero, for AreaLayer
 * (the same `classes`/`colors` contract as `buildChoropleth`), and the texts of its legend.
 */

export interface ChangeChoropleth {
	/** Change per area key, as given. */
	cells: ReadonlyMap<string, ChangeCell>;
	/** Class index per area key (>= 0, 0 = strongest decrease), CLASS_MISSING or CLASS_SUPPRESSED. */
	classes: ReadonlyMap<string, number>;
	/** k + 1 edges from −m to +m (m = largest absolute change); [] when no area has a change. */
	breaks: number[];
	/** Colours of the classes, decrease to increase. */
	colors: string[];
	/** One entry per class, decrease to increase; labels are signed ranges without unit. */
	legend: LegendClass[];
	/** Areas without a change because a year has no data / is withheld. */
	missing: number;
	suppressed: number;
}

/**
 * The odd class count of the change map for the chosen class count: even counts round up, so
 * that one class is centred on zero. `changeClassCount(4)` -> 5; `changeClassCount(7)` -> 7.
 */
export function changeClassCount(classes: number): 3 | 5 | 7 {
	if (!Number.isInteger(classes) || classes < MIN_CLASSES || classes > MAX_CLASSES)
		throw new RangeError(
			`changeClassCount: ${classes} is no class count from ${MIN_CLASSES} to ${MAX_CLASSES}`
		);
	return (classes % 2 === 1 ? classes : classes + 1) as 3 | 5 | 7;
}

/**
 * Classes and colours of a change map with `k` (3, 5 or 7) classes of equal width around zero
 * (`divergingBreaks`). An area whose change is unknown gets CLASS_SUPPRESSED when the first of
 * its two years without a value is withheld, else CLASS_MISSING (the same order as the reason
 * `changeCells` gives). When every known change is zero, all of them share one neutral class.
 *
 * `buildChangeChoropleth(changeCells(…, 2021, 2024), quote, 5).classes.get('101')` -> 3
 * (a rise of 2 points when the largest change is ±5)
 */
export function buildChangeChoropleth(
	cells: ReadonlyMap<string, ChangeCell>,
	meta: Pick<IndicatorMeta, 'direction' | 'decimals'>,
	k: number
): ChangeChoropleth {
	const palette = divergingPaletteFor(meta.direction, k);
	const known: number[] = [];
	for (const cell of cells.values()) if (cell.change !== null) known.push(cell.change);
	const inner = divergingBreaks(known, k);
	// The outer edges are ±m, the largest absolute change, as in divergingBreaks.
	const m = known.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
	const breaks = inner.length > 0 ? [-m, ...inner, m] : [];
	const colors = breaks.length > 0 ? palette : known.length > 0 ? [palette[(k - 1) / 2]!] : [];

	const classes = new Map<string, number>();
	const counts = colors.map(() => 0);
	let missing = 0;
	let suppressed = 0;
	for (const [key, cell] of cells) {
		if (cell.change === null) {
			const first = cell.from.status !== 'ok' ? cell.from : cell.to;
			const cls = first.status === 'suppressed' ? CLASS_SUPPRESSED : CLASS_MISSING;
			if (cls === CLASS_SUPPRESSED) suppressed++;
			else missing++;
			classes.set(key, cls);
			continue;
		}
		const cls = breaks.length > 0 ? classOf(cell.change, breaks) : 0;
		counts[cls]!++;
		classes.set(key, cls);
	}

	const legend: LegendClass[] =
		breaks.length > 0
			? colors.map((color, i) => ({
					label: formatChangeRange(breaks[i]!, breaks[i + 1]!, meta.decimals),
					color,
					count: counts[i]!,
					from: breaks[i]!,
					to: breaks[i + 1]!
				}))
			: colors.map((color) => ({
					label: formatSigned(0, meta.decimals),
					color,
					count: counts[0]!,
					from: 0,
					to: 0
				}));
	return { cells, classes, breaks, colors, legend, missing, suppressed };
}

/**
 * A change with its sign: `formatSigned(2.14, 1)` -> "+2,1"; `formatSigned(-2, 0)` -> "−2";
 * a value that rounds to zero -> "0,0" (no sign).
 */
export function formatSigned(v: number, decimals: number): string {
	const body = formatNumber(Math.abs(v), decimals);
	if (![...body].some((ch) => ch >= '1' && ch <= '9')) return body;
	return (v > 0 ? '+' : MINUS) + body;
}

/**
 * Label of a change class, both edges signed: `formatChangeRange(-1.5, 1.5, 1)` ->
 * "−1,5 bis +1,5". "bis" instead of a dash, which would stand next to a minus sign.
 */
export function formatChangeRange(lo: number, hi: number, decimals: number): string {
	const a = formatSigned(lo, decimals);
	const b = formatSigned(hi, decimals);
	return a === b ? a : `${a} bis ${b}`;
}

/**
 * One area's change as text: `changeText(cell, quote)` -> "+3,4 Prozentpunkte"; without a change
 * the reason: "nicht berechenbar (2024 geheim gehalten)".
 */
export function changeText(cell: ChangeCell, meta: IndicatorMeta): string {
	if (cell.change !== null && cell.from.status === 'ok' && cell.to.status === 'ok')
		return formatDifference(cell.to.value, cell.from.value, meta);
	return `nicht berechenbar (${cell.reason ?? 'keine Daten'})`;
}

/**
 * What a change map shows, for its legend:
 * `changeCaption({ unit: '%', kind: 'ratio' }, 2021, 2024)` -> "Veränderung 2021 → 2024, in Prozentpunkten";
 * other units in brackets: "Veränderung 2021 → 2024 (je 1.000 Kinder)".
 */
export function changeCaption(meta: Pick<IndicatorMeta, 'unit'>, fromYear: number, toYear: number): string {
	const span = `Veränderung ${fromYear} → ${toYear}`;
	const unit = meta.unit.trim();
	if (unit === '%') return `${span}, in Prozentpunkten`;
	return unit ? `${span} (${unit})` : span;
}

/**
 * The legend's note on class breaks computed from all years:
 * `fixedBreaksNote([2021, 2022, 2023, 2024])` -> "Grenzen über 2021–2024 gleich".
 */
export function fixedBreaksNote(years: readonly number[]): string {
	if (years.length === 0) throw new RangeError('fixedBreaksNote: no years');
	return `Grenzen über ${Math.min(...years)}–${Math.max(...years)} gleich`;
}

/**
 * What a rise and a fall mean for an indicator of a direction, for the ends of the legend:
 * `changeReading('need')` -> { increase: 'Zunahme: mehr Bedarf', decrease: 'Abnahme: weniger Bedarf' }.
 * Context indicators carry no judgement: just "Zunahme" and "Abnahme".
 */
export function changeReading(direction: Direction): { increase: string; decrease: string } {
	switch (direction) {
		case 'need':
			return { increase: 'Zunahme: mehr Bedarf', decrease: 'Abnahme: weniger Bedarf' };
		case 'better':
			return { increase: 'Zunahme: Verbesserung', decrease: 'Abnahme: Verschlechterung' };
		case 'context':
			return { increase: 'Zunahme', decrease: 'Abnahme' };
		default:
			throw new RangeError(`changeReading: unknown direction ${String(direction)}`);
	}
}
