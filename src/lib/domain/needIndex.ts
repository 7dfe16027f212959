import type { Cell, Direction, IndicatorMeta } from './types';
import { DEFAULT_MIN_COVERAGE, type WeightedIndicator } from './bildungskette';

/**
 * A composite need index per area, in the manner of Berlin's Monitoring Soziale
 * Stadtentwicklung and Hamburg's Sozialmonitoring: every indicator is standardised across the
 * areas (z-score), signed by its direction and combined as a weighted mean.
 *
 * Choices:
 * - The standard deviation is the population SD (divide by n): the areas are the whole city,
 *   not a sample of it, which is how the Sozialmonitoring reports treat them.
 * - Missing and suppressed values are left out of an area's mean, never read as 0 (a 0 would
 *   be "exactly average" on the z scale, which nobody knows). The area's coverage says which
 *   share of the weight it has values for; below `minCoverage` it gets no index.
 * - An indicator without spread (fewer than two values, or all equal) cannot say which area
 *   needs more; it is left out for every area and reported.
 * - Weight 0 removes an indicator entirely: it is not used, not listed, not in the coverage.
 * - For Stadtbezirke the caller passes the Bezirk cells (sum of numerators / sum of
 *   denominators of the Stadtteile) and the index is standardised across the Bezirke; Stadtteil
 *   indices are never averaged.
 */

export interface NeedInput {
	indicator: string;
	/** Relative weight ≥ 0. */
	weight: number;
	/** `need`: higher = more need (+z); `better`: higher = less need (−z). */
	direction: Exclude<Direction, 'context'>;
	/** Cells per area key; ratios use `value`. Areas absent from the map count as missing. */
	cells: ReadonlyMap<string, Cell>;
}

export interface NeedIndicatorStats {
	indicator: string;
	weight: number;
	direction: Exclude<Direction, 'context'>;
	/** Number of areas with a value. */
	n: number;
	mean: number | null;
	/** Population standard deviation. */
	sd: number | null;
	/** False when the indicator has weight 0 or no spread; then it counts for no area. */
	included: boolean;
	/** German reason when not included. */
	reason?: string;
}

export interface AreaNeed {
	/** Weighted mean of the signed z-scores; null when coverage is too low. */
	index: number | null;
	/** Φ(index), the standard normal CDF: 0.5 = city average, 0.84 = one SD above. */
	level: number | null;
	/** Indicators with a value in this area. */
	used: string[];
	/** Indicators without data ("keine Daten") for this area. */
	missing: string[];
	/** Indicators withheld ("geheim gehalten") for this area. */
	suppressed: string[];
	/** Share 0..1 of the included weight the area has values for. */
	coverage: number;
	/** Signed z-score per used indicator (positive = more need than average). */
	z: Record<string, number>;
	/** German reason when `index` is null. */
	reason?: string;
}

export interface NeedIndex {
	areas: Map<string, AreaNeed>;
	indicators: NeedIndicatorStats[];
	minCoverage: number;
}

/** Tolerance for comparing shares that are sums of floating-point weights. */
const EPS = 1e-9;

/**
 * Standard normal cumulative distribution Φ(x) (Zelen & Severo, Abramowitz–Stegun 26.2.17,
 * absolute error < 7.5e-8). `normalCdf(0)` -> 0.5; `normalCdf(1)` -> 0.8413
 */
export function normalCdf(x: number): number {
	if (Number.isNaN(x)) return NaN;
	if (x === Infinity) return 1;
	if (x === -Infinity) return 0;
	const t = 1 / (1 + 0.2316419 * Math.abs(x));
	const poly =
		t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
	const tail = (Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI)) * poly;
	return x >= 0 ? 1 - tail : tail;
}

/** Mean and population SD of a list: `meanSd([1, 3])` -> { mean: 2, sd: 1 }. */
export function meanSd(values: readonly number[]): { mean: number; sd: number } {
	if (values.length === 0) throw new Error('meanSd: no values');
	const mean = values.reduce((s, v) => s + v, 0) / values.length;
	const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
	return { mean, sd: Math.sqrt(variance) };
}

/** "42 %" for a share. */
const percent = (share: number) => `${Math.round(share * 100)}\u00a0%`;

/**
 * The need index of every area in `areas` from weighted, directed indicator cells.
 * `needIndex(['a', 'b', 'c'], [{ indicator: 'sgb2', weight: 1, direction: 'need', cells }]).areas.get('a')` with cells 10, 20, 30 %
 * -> `{ index: −1.22, level: 0.11, used: ['sgb2'], coverage: 1, … }`
 */
export function needIndex(
	areas: readonly string[],
	inputs: readonly NeedInput[],
	options: { minCoverage?: number } = {}
): NeedIndex {
	const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
	if (!(minCoverage > 0 && minCoverage <= 1))
		throw new Error(`needIndex: minCoverage ${minCoverage} not in (0, 1]`);
	const ids = new Set<string>();
	for (const input of inputs) {
		if (!(Number.isFinite(input.weight) && input.weight >= 0))
			throw new Error(`needIndex: weight of ${input.indicator} must be ≥ 0, got ${input.weight}`);
		if (input.direction !== 'need' && input.direction !== 'better')
			throw new Error(`needIndex: ${input.indicator} has no direction`);
		if (ids.has(input.indicator)) throw new Error(`needIndex: ${input.indicator} given twice`);
		ids.add(input.indicator);
	}

	const stats: NeedIndicatorStats[] = inputs.map((input) => {
		const values: number[] = [];
		for (const key of areas) {
			const cell = input.cells.get(key);
			if (cell?.status === 'ok') values.push(cell.value);
		}
		const base = {
			indicator: input.indicator,
			weight: input.weight,
			direction: input.direction,
			n: values.length
		};
		const { mean, sd } = values.length > 0 ? meanSd(values) : { mean: null, sd: null };
		if (input.weight === 0) return { ...base, mean, sd, included: false, reason: 'Gewicht 0: ohne Einfluss' };
		if (values.length < 2 || sd === null || !(sd > EPS * Math.max(1, Math.abs(mean ?? 0))))
			return {
				...base,
				mean,
				sd,
				included: false,
				reason: 'Keine Streuung zwischen den Gebieten (weniger als zwei Werte oder alle gleich)'
			};
		return { ...base, mean, sd, included: true };
	});

	const included = inputs.map((input, i) => ({ input, stat: stats[i]! })).filter((x) => x.stat.included);
	const totalWeight = included.reduce((s, x) => s + x.input.weight, 0);

	const out = new Map<string, AreaNeed>();
	for (const key of areas) {
		const area: AreaNeed = {
			index: null,
			level: null,
			used: [],
			missing: [],
			suppressed: [],
			coverage: 0,
			z: {}
		};
		let weight = 0;
		let sum = 0;
		for (const { input, stat } of included) {
			const cell = input.cells.get(key) ?? { status: 'missing' };
			if (cell.status === 'suppressed') area.suppressed.push(input.indicator);
			else if (cell.status === 'missing') area.missing.push(input.indicator);
			else {
				const sign = input.direction === 'need' ? 1 : -1;
				const z = (sign * (cell.value - stat.mean!)) / stat.sd!;
				area.used.push(input.indicator);
				area.z[input.indicator] = z;
				weight += input.weight;
				sum += input.weight * z;
			}
		}
		if (totalWeight === 0) {
			area.reason = 'Kein Bedarfsindikator mit Werten und Gewicht über 0';
		} else {
			area.coverage = weight / totalWeight;
			if (weight === 0 || area.coverage + EPS < minCoverage)
				area.reason = `Zu wenige Bedarfsindikatoren: Werte für ${percent(area.coverage)} des Gewichts, nötig sind ${percent(minCoverage)}`;
			else {
				area.index = sum / weight;
				area.level = normalCdf(area.index);
			}
		}
		out.set(key, area);
	}
	return { areas: out, indicators: stats, minCoverage };
}

/**
 * The inputs of `needIndex` for a phase's need list: direction from the catalog, cells from
 * `cellsOf`. `needInputs(model.need, catalog, (m) => cellsFor(values, m, 'stadtteil', 2024))`.
 * Unknown indicators and indicators without direction are a bug (validation rules them out).
 */
export function needInputs(
	need: readonly WeightedIndicator[],
	indicators: readonly IndicatorMeta[],
	cellsOf: (meta: IndicatorMeta) => ReadonlyMap<string, Cell>
): NeedInput[] {
	return need.map(({ indicator, weight }) => {
		const meta = indicators.find((m) => m.id === indicator);
		if (!meta) throw new Error(`needInputs: unknown indicator ${indicator}`);
		if (meta.direction === 'context') throw new Error(`needInputs: ${indicator} has no direction`);
		return { indicator, weight, direction: meta.direction, cells: cellsOf(meta) };
	});
}
