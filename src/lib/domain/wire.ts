import { cellFromCounts, type IndicatorShape } from './aggregate';
import type { Cell, SeriesWire } from './types';

/**
 * Encode cells in key order as a `SeriesWire`: `n` numerators (`null` missing, `"g"`
 * suppressed), `d` denominators for ratios, `p` indices of partial aggregates.
 *
 * `encodeSeries([{ status: 'ok', value: 50, numerator: 1, denominator: 2 }, { status: 'suppressed' }], 'ratio')`
 * -> `{ n: [1, 'g'], d: [2, null] }`
 */
export function encodeSeries(cells: readonly Cell[], kind: IndicatorShape['kind']): SeriesWire {
	const n: SeriesWire['n'] = [];
	const d: Array<number | null> = [];
	const p: number[] = [];
	cells.forEach((cell, i) => {
		if (cell.status === 'ok') {
			n.push(cell.numerator);
			d.push(cell.denominator ?? null);
			if (cell.partial) p.push(i);
		} else {
			n.push(cell.status === 'suppressed' ? 'g' : null);
			d.push(null);
		}
	});
	const wire: SeriesWire = { n };
	if (kind === 'ratio') wire.d = d;
	if (p.length > 0) wire.p = p;
	return wire;
}

/**
 * Decodes one cell of the wire form (see `SeriesWire`).
 *
 * `cellFromWire({ n: [12], d: [48] }, 0, pct)` -> `{ status: 'ok', value: 25, numerator: 12, denominator: 48 }`
 *
 * `null` -> missing, `"g"` -> suppressed; a ratio without a positive denominator is missing;
 * an index listed in `p` gives a `partial` aggregate. An index outside the series or a
 * non-finite number is a bug in the data build (RangeError).
 */
export function cellFromWire(series: SeriesWire, index: number, shape: IndicatorShape): Cell {
	if (!Number.isInteger(index) || index < 0 || index >= series.n.length) {
		throw new RangeError(`cellFromWire: index ${index} outside series of length ${series.n.length}`);
	}
	const n = series.n[index];
	if (n === null || n === undefined) return { status: 'missing' };
	if (n === 'g') return { status: 'suppressed' };
	if (!Number.isFinite(n))
		throw new RangeError(`cellFromWire: numerator ${n} at index ${index} is not finite`);
	const d = shape.kind === 'ratio' ? (series.d?.[index] ?? undefined) : undefined;
	if (d !== undefined && (!Number.isFinite(d) || d < 0)) {
		throw new RangeError(`cellFromWire: denominator ${d} at index ${index} is not a positive number`);
	}
	return cellFromCounts(n, d, shape, series.p?.includes(index) ?? false);
}

/**
 * Decode a `SeriesWire` into cells, computing values with the indicator's scale.
 *
 * `decodeSeries({ n: [1, null], d: [4, null] }, { kind: 'ratio', scale: 100 })` ->
 * `[{ status: 'ok', value: 25, numerator: 1, denominator: 4 }, { status: 'missing' }]`
 */
export function decodeSeries(wire: SeriesWire, shape: IndicatorShape): Cell[] {
	return wire.n.map((_, i) => cellFromWire(wire, i, shape));
}
