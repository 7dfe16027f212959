import { quantileSorted } from 'd3';
import { ckmeans } from 'simple-statistics';
import { formatNumber } from './format';

/** How class breaks are found: quantiles, equal intervals, natural breaks (Jenks) or user thresholds. */
export type ClassMethod = 'quantile' | 'equal' | 'jenks' | 'manual';

export const CLASS_METHODS: readonly ClassMethod[] = ['quantile', 'equal', 'jenks', 'manual'];

export const MIN_CLASSES = 3;
export const MAX_CLASSES = 7;
export const DEFAULT_CLASSES = 5;

/**
 * The result of a classification.
 * - `k`: the actual number of classes; fewer than asked when the data has fewer distinct values,
 *   0 for empty input, 1 when all values are equal.
 * - `breaks`: k + 1 ascending edges, the first is the lower end of the first class and the last
 *   the upper end of the last class. Class i spans `breaks[i] <= v < breaks[i + 1]`; the last
 *   class also holds its upper edge (see `classOf`). Edges are strictly ascending with two
 *   exceptions: the last class may be just the max (`[…, 1244, 1244]`, a lone outlier), and with
 *   `manual` thresholds outside the data give empty outer classes (`[0, 0, 20, 20]`).
 * - `counts`: how many values fall in each class.
 */
export interface Classification {
	method: ClassMethod;
	k: number;
	breaks: number[];
	counts: number[];
}

/** Thrown by `classify` for unusable user thresholds; the message is German and meant for the UI. */
export class ManualBreaksError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ManualBreaksError';
	}
}

/**
 * Splits values into classes for a choropleth.
 *
 * `classify([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'quantile', 5).breaks` -> `[1, 2.8, 4.6, 6.4, 8.2, 10]`
 *
 * - `quantile`: inner edges are the d3 (R-7) quantiles at i/k; equal edges are merged, so there
 *   may be fewer classes. Interpolated edges can leave a class empty on lumpy data.
 * - `equal`: k intervals of equal width between min and max.
 * - `jenks`: natural breaks by Ckmeans (optimal 1-D k-means); each class starts at the first
 *   value of its cluster, the last edge is the max.
 * - `manual`: `manualBreaks` holds the k - 1 inner thresholds (2 to 6 of them, strictly ascending);
 *   the class count follows from them and `k` is not used. The outer edges are the data min and
 *   max, widened to the first/last threshold when the data does not reach it.
 *
 * For the automatic methods `k` must be an integer from 3 to 7 (a RangeError otherwise: URL input
 * goes through `parseClassCount` first); it is lowered to the number of distinct values.
 * Values must be finite: filter missing values before (a RangeError otherwise).
 * Invalid manual thresholds throw a `ManualBreaksError` with a German message.
 */
export function classify(
	values: readonly number[],
	method: ClassMethod,
	k: number,
	manualBreaks?: readonly number[]
): Classification {
	if (!CLASS_METHODS.includes(method)) throw new RangeError(`classify: unknown method ${String(method)}`);
	if (method === 'manual') {
		if (!manualBreaks) throw new RangeError('classify: method "manual" needs manualBreaks');
		const problem = manualBreaksProblem(manualBreaks);
		if (problem) throw new ManualBreaksError(problem);
	} else if (!Number.isInteger(k) || k < MIN_CLASSES || k > MAX_CLASSES) {
		throw new RangeError(`classify: k must be an integer from ${MIN_CLASSES} to ${MAX_CLASSES}, got ${k}`);
	}
	values.forEach((v, i) => {
		if (!Number.isFinite(v)) {
			throw new RangeError(
				`classify: values must be finite, got ${v} at index ${i}; filter missing values first`
			);
		}
	});
	if (values.length === 0) return { method, k: 0, breaks: [], counts: [] };

	const sorted = [...values].sort((a, b) => a - b);
	const min = sorted[0]!;
	const max = sorted[sorted.length - 1]!;

	let breaks: number[];
	if (method === 'manual') {
		const inner = manualBreaks!;
		breaks = [Math.min(min, inner[0]!), ...inner, Math.max(max, inner[inner.length - 1]!)];
	} else if (min === max) {
		breaks = [min, max];
	} else {
		const kk = Math.min(k, distinctCount(sorted));
		if (method === 'quantile') {
			const inner = Array.from({ length: kk - 1 }, (_, i) => quantileSorted(sorted, (i + 1) / kk)!);
			breaks = mergeEqualEdges([min, ...inner], max);
		} else if (method === 'equal') {
			const inner = Array.from({ length: kk - 1 }, (_, i) => min + ((i + 1) * (max - min)) / kk);
			breaks = [min, ...inner, max];
		} else {
			const starts = ckmeans(sorted, kk).map((cluster) => cluster[0]!);
			breaks = mergeEqualEdges(starts, max);
		}
	}

	const counts = new Array<number>(breaks.length - 1).fill(0);
	for (const v of sorted) counts[classOf(v, breaks)]!++;
	return { method, k: breaks.length - 1, breaks, counts };
}

/**
 * Index (0..k-1) of the class a value falls in, by binary search over the inner edges.
 *
 * `classOf(2.8, [1, 2.8, 4.6, 10])` -> 1: a value equal to an inner edge belongs to the upper
 * class; the max (equal to the last edge) belongs to the last class. Values outside the edges are
 * put in the nearest end class.
 */
export function classOf(value: number, breaks: readonly number[]): number {
	if (breaks.length < 2) throw new RangeError('classOf: breaks need at least two edges');
	if (Number.isNaN(value)) throw new RangeError('classOf: value is NaN');
	// Count the inner edges <= value: that count is the class index.
	let lo = 1;
	let hi = breaks.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (breaks[mid]! <= value) lo = mid + 1;
		else hi = mid;
	}
	return lo - 1;
}

/**
 * Why user thresholds cannot be used, as a German sentence for the UI, or null when they are fine.
 *
 * `manualBreaksProblem([10, 5])` -> "Die Grenzen müssen aufsteigen: 5 folgt auf 10."
 */
export function manualBreaksProblem(breaks: readonly number[]): string | null {
	const min = MIN_CLASSES - 1;
	const max = MAX_CLASSES - 1;
	if (breaks.length < min || breaks.length > max) {
		return (
			`Für eigene Klassen werden ${min} bis ${max} Grenzen gebraucht (${MIN_CLASSES} bis ` +
			`${MAX_CLASSES} Klassen); angegeben ${breaks.length === 1 ? 'ist 1 Grenze' : `sind ${breaks.length}`}.`
		);
	}
	for (let i = 0; i < breaks.length; i++) {
		if (!Number.isFinite(breaks[i])) return `Die ${i + 1}. Grenze ist keine gültige Zahl.`;
	}
	for (let i = 1; i < breaks.length; i++) {
		const prev = breaks[i - 1]!;
		const cur = breaks[i]!;
		if (cur === prev) return `Die Grenze ${formatNumber(cur)} ist doppelt angegeben.`;
		if (cur < prev)
			return `Die Grenzen müssen aufsteigen: ${formatNumber(cur)} folgt auf ${formatNumber(prev)}.`;
	}
	return null;
}

/**
 * Reads a class count from untrusted text (URL): `parseClassCount('5')` -> 5; anything that is
 * not a plain integer from 3 to 7 -> null.
 */
export function parseClassCount(input: string | null | undefined): number | null {
	if (input == null) return null;
	const text = input.trim();
	if (text.length !== 1 || text < '0' || text > '9') return null;
	const n = Number(text);
	return n >= MIN_CLASSES && n <= MAX_CLASSES ? n : null;
}

function distinctCount(sorted: readonly number[]): number {
	let n = sorted.length > 0 ? 1 : 0;
	for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) n++;
	return n;
}

/**
 * Lower edges merged where equal, then the max: `mergeEqualEdges([1, 1, 2.5], 4)` -> [1, 2.5, 4].
 * The max may equal the last lower edge: that last class holds only the max (e.g. one outlier).
 */
function mergeEqualEdges(lowerEdges: number[], max: number): number[] {
	return [...lowerEdges.filter((e, i) => i === 0 || e > lowerEdges[i - 1]!), max];
}
