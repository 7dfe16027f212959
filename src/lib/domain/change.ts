import { cellsFor, unitCell } from './choropleth';
import type { Cell, IndicatorMeta, UnitKind, ValuesWire } from './types';

/**
 * Change over time: the difference of each unit between two years (for the change map), the
 * series of one unit over all years (for sparklines), class breaks that stay the same across
 * years, and symmetric breaks for a diverging palette centred on zero.
 */

/**
 * The unit of a difference of two values of an indicator: percentage points for percentages,
 * else the indicator's own unit. `differenceUnit({ unit: '%' })` -> 'Prozentpunkte'
 */
export function differenceUnit(meta: Pick<IndicatorMeta, 'unit'>): string {
	return meta.unit === '%' ? 'Prozentpunkte' : meta.unit;
}

/** One unit's change between two years. */
export interface ChangeCell {
	from: Cell;
	to: Cell;
	/** `to − from` in the indicator's unit; null unless both years have a value. */
	change: number | null;
	/** German reason when `change` is null. */
	reason?: string;
}

function reasonOf(from: Cell, to: Cell, fromYear: number, toYear: number): string | undefined {
	for (const [cell, year] of [
		[from, fromYear],
		[to, toYear]
	] as const) {
		if (cell.status === 'suppressed') return `${year} geheim gehalten`;
		if (cell.status === 'missing') return `keine Daten für ${year}`;
	}
	return undefined;
}

/**
 * The change of every unit of a kind from `fromYear` to `toYear` (both years of the indicator,
 * `fromYear` before `toYear`). A value that is missing or "geheim gehalten" in either year gives
 * no change, never a change from or to 0.
 * `changeCells(values, meta, 'stadtteil', 2021, 2024).get('214')` -> { from, to, change: 3.4 }
 */
export function changeCells(
	values: ValuesWire,
	meta: IndicatorMeta,
	kind: UnitKind,
	fromYear: number,
	toYear: number
): Map<string, ChangeCell> {
	for (const y of [fromYear, toYear])
		if (!meta.years.includes(y)) throw new RangeError(`changeCells: ${meta.id} has no year ${y}`);
	if (!(fromYear < toYear)) throw new RangeError(`changeCells: ${fromYear} is not before ${toYear}`);
	const before = cellsFor(values, meta, kind, fromYear);
	const after = cellsFor(values, meta, kind, toYear);
	const out = new Map<string, ChangeCell>();
	for (const [key, from] of before) {
		const to = after.get(key) ?? { status: 'missing' as const };
		const change = from.status === 'ok' && to.status === 'ok' ? roundNoise(to.value - from.value) : null;
		const cell: ChangeCell = { from, to, change };
		const reason = change === null ? reasonOf(from, to, fromYear, toYear) : undefined;
		if (reason) cell.reason = reason;
		out.set(key, cell);
	}
	return out;
}

/**
 * Breaks for a diverging palette centred on zero: `k` (odd, 3 to 7) classes of equal width from
 * −m to +m, where m is the largest absolute change, so the middle class holds zero and equal
 * changes up and down get equally strong colours. Empty when nothing changed.
 * `divergingBreaks([-2, 1, 5], 5)` -> [-3, -1, 1, 3]
 */
export function divergingBreaks(changes: readonly number[], k: number): number[] {
	if (!Number.isInteger(k) || k < 3 || k > 7 || k % 2 === 0)
		throw new RangeError(`divergingBreaks: k must be 3, 5 or 7, got ${k}`);
	let m = 0;
	for (const c of changes) {
		if (!Number.isFinite(c)) throw new RangeError(`divergingBreaks: ${c} is no change`);
		m = Math.max(m, Math.abs(c));
	}
	if (m === 0) return [];
	const step = (2 * m) / k;
	return Array.from({ length: k - 1 }, (_, i) => roundNoise(-m + step * (i + 1)));
}

/**
 * One unit's cells over all years of the indicator, oldest first, for a sparkline.
 * `unitSeries(values, meta, 'stadtteil', '214')` -> [{ year: 2021, cell }, …, { year: 2024, cell }]
 */
export function unitSeries(
	values: ValuesWire,
	meta: IndicatorMeta,
	kind: UnitKind,
	key: string
): Array<{ year: number; cell: Cell }> {
	return [...meta.years]
		.sort((a, b) => a - b)
		.map((year) => ({ year, cell: unitCell(values, meta, kind, key, year) }));
}

/**
 * The known values of a kind over all years, for class breaks that stay the same whichever
 * year is shown (`classify(pooledValues(…), method, k)`).
 * `pooledValues(values, meta, 'stadtteil')` -> [31.2, 29.8, …] (every unit, every year)
 */
export function pooledValues(values: ValuesWire, meta: IndicatorMeta, kind: UnitKind): number[] {
	const out: number[] = [];
	for (const year of meta.years)
		for (const cell of cellsFor(values, meta, kind, year).values())
			if (cell.status === 'ok') out.push(cell.value);
	return out;
}

/** Rounds away floating-point noise: `roundNoise(31.2 − 29.1)` -> 2.1, not 2.0999999999999996. */
export function roundNoise(v: number): number {
	return Math.round(v * 1e10) / 1e10;
}
