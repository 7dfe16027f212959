import type { Cell, IndicatorKind } from './types';

/** What aggregation needs to know about an indicator. */
export interface IndicatorShape {
	kind: IndicatorKind;
	scale: number;
}

/**
 * A cell from counts: `cellFromCounts(3, 12, { kind: 'ratio', scale: 100 })` ->
 * `{ status: 'ok', value: 25, numerator: 3, denominator: 12 }`. A ratio over a zero or
 * absent denominator has no value and is missing.
 */
export function cellFromCounts(
	numerator: number,
	denominator: number | undefined,
	shape: IndicatorShape,
	partial = false
): Cell {
	if (shape.kind === 'count') {
		const cell: Cell = { status: 'ok', value: numerator, numerator };
		if (partial) cell.partial = true;
		return cell;
	}
	if (denominator === undefined || denominator <= 0) return { status: 'missing' };
	const cell: Cell = { status: 'ok', value: (numerator * shape.scale) / denominator, numerator, denominator };
	if (partial) cell.partial = true;
	return cell;
}

/**
 * Aggregate member cells into one cell: numerators and denominators are summed over the
 * members that have values, and a ratio is sum(numerator) / sum(denominator) x scale,
 * never a mean of the member rates.
 *
 * Rules for members without a value:
 * - `missing` ("keine Daten") members contribute nothing; if every member is missing (or
 *   there are no members) the aggregate is missing.
 * - `suppressed` members (geheim gehalten in the source, so their counts are unknown) are
 *   left out and the aggregate is flagged `partial`, so the UI can say "ohne geheim
 *   gehaltene Teilgebiete". If no member has a value, the aggregate is missing.
 *
 * `aggregateCells([ok(1, 10), ok(9, 10)], ratio%)` -> 50 % (10 / 20), while the mean of
 * the rates would also be 50 %; with `[ok(1, 10), ok(9, 90)]` it is 10 %, not 15 %.
 */
export function aggregateCells(members: readonly Cell[], shape: IndicatorShape): Cell {
	let numerator = 0;
	let denominator = 0;
	let known = 0;
	let partial = false;
	for (const m of members) {
		if (m.status === 'ok') {
			known++;
			numerator += m.numerator;
			if (shape.kind === 'ratio') {
				if (m.denominator === undefined) throw new Error('Ratio-Zelle ohne Nenner');
				denominator += m.denominator;
			}
			if (m.partial) partial = true;
		} else if (m.status === 'suppressed') {
			partial = true;
		}
	}
	if (known === 0) return { status: 'missing' };
	return cellFromCounts(numerator, shape.kind === 'ratio' ? denominator : undefined, shape, partial);
}

/**
 * Aggregate base cells (by key) into groups of member keys; unknown member keys are a bug.
 *
 * `aggregateGroups(stadtteilCells, [{ key: '6', members: ['201', '202'] }], shape)` -> Map { '6' => Cell }
 */
export function aggregateGroups(
	base: ReadonlyMap<string, Cell>,
	groups: ReadonlyArray<{ key: string; members: readonly string[] }>,
	shape: IndicatorShape
): Map<string, Cell> {
	const out = new Map<string, Cell>();
	for (const group of groups) {
		const cells = group.members.map((key) => {
			const cell = base.get(key);
			if (!cell) throw new Error(`Unbekanntes Teilgebiet ${key} in ${group.key}`);
			return cell;
		});
		out.set(group.key, aggregateCells(cells, shape));
	}
	return out;
}
