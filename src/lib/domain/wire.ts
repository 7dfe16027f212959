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
 * Decode a `SeriesWire` into cells, computing values with the indicator's scale.
 *
 * `decodeSeries({ n: [1, null], d: [4, null] }, { kind: 'ratio', scale: 100 })` ->
 * `[{ status: 'ok', value: 25, numerator: 1, denominator: 4 }, { status: 'missing' }]`
 */
export function decodeSeries(wire: SeriesWire, shape: IndicatorShape): Cell[] {
	const partial = new Set(wire.p ?? []);
	return wire.n.map((n, i) => {
		if (n === 'g') return { status: 'suppressed' };
		if (n === null) return { status: 'missing' };
		const d = shape.kind === 'ratio' ? (wire.d?.[i] ?? undefined) : undefined;
		return cellFromCounts(n, d, shape, partial.has(i));
	});
}
