import { scaleLinear } from 'd3';
import { median } from 'simple-statistics';
import { cellsFor } from './choropleth';
import { formatNumber, formatValue } from './format';
import type { Catalog, IndicatorMeta, Level, ValuesWire } from './types';

/**
 * A scatter plot of two indicators over the areas of a level (for instance a need indicator
 * against a support indicator), with the medians of the areas as reference lines, the
 * quadrants they form, and the areas inside a brushed rectangle.
 */

export interface ScatterPoint {
	key: string;
	name: string;
	x: number;
	y: number;
}

export interface ScatterData {
	points: ScatterPoint[];
	/** Areas without a value on either axis, with the German reason. */
	left: Array<{ key: string; name: string; reason: string }>;
	/** Medians of the plotted areas; null without points. */
	medianX: number | null;
	medianY: number | null;
}

/** An axis: the indicator and the one year its values are from. */
export interface ScatterAxis {
	meta: IndicatorMeta;
	year: number;
}

/**
 * The areas of `level` that have a value on both axes, and the medians of those values. Areas
 * that lack one are listed with the reason ("keine Daten 2024 für …", "… geheim gehalten").
 * `scatterData(catalog, values, { meta: a, year: 2024 }, { meta: b, year: 2024 }, 'stadtteil')`
 * -> { points: [{ key: '101', x: 31.2, y: 12.4 }, …], medianX: 30.1, medianY: 11.8, left: [] }
 */
export function scatterData(
	catalog: Pick<Catalog, 'units'>,
	values: ValuesWire,
	xAxis: ScatterAxis,
	yAxis: ScatterAxis,
	level: Level
): ScatterData {
	const xs = cellsFor(values, xAxis.meta, level, xAxis.year);
	const ys = cellsFor(values, yAxis.meta, level, yAxis.year);
	const points: ScatterPoint[] = [];
	const left: ScatterData['left'] = [];
	for (const u of catalog.units[level]) {
		const cx = xs.get(u.key) ?? { status: 'missing' as const };
		const cy = ys.get(u.key) ?? { status: 'missing' as const };
		if (cx.status === 'ok' && cy.status === 'ok') {
			points.push({ key: u.key, name: u.name, x: cx.value, y: cy.value });
			continue;
		}
		const reasons: string[] = [];
		for (const [cell, axis] of [
			[cx, xAxis],
			[cy, yAxis]
		] as const) {
			if (cell.status === 'suppressed') reasons.push(`${axis.meta.title} ${axis.year} geheim gehalten`);
			else if (cell.status === 'missing') reasons.push(`keine Daten ${axis.year} für ${axis.meta.title}`);
		}
		left.push({ key: u.key, name: u.name, reason: reasons.join('; ') });
	}
	return {
		points,
		left,
		medianX: points.length > 0 ? median(points.map((p) => p.x)) : null,
		medianY: points.length > 0 ? median(points.map((p) => p.y)) : null
	};
}

/** A rectangle in data units: x from x0 to x1, y from y0 to y1 (either order). */
export interface DataExtent {
	x: [number, number];
	y: [number, number];
}

/**
 * Keys of the points inside a rectangle, edges included.
 * `pointsIn(points, { x: [20, 40], y: [0, 10] })` -> Set { '101', '214' }
 */
export function pointsIn(points: readonly ScatterPoint[], extent: DataExtent): Set<string> {
	const [x0, x1] = [Math.min(...extent.x), Math.max(...extent.x)];
	const [y0, y1] = [Math.min(...extent.y), Math.max(...extent.y)];
	return new Set(points.filter((p) => p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1).map((p) => p.key));
}

/** Counts of points per quadrant around the medians; points on a median line count as above. */
export interface Quadrants {
	bothHigh: number;
	bothLow: number;
	highXLowY: number;
	lowXHighY: number;
}

/** A quadrant around the medians: x high or low, y high or low ("on the median" counts as high). */
export type Quadrant = 'hh' | 'hl' | 'lh' | 'll';

/**
 * The quadrant of a point, or null without medians. `quadrantOf({ x: 3, y: 1 }, data)` -> 'hl'
 */
export function quadrantOf(
	p: Pick<ScatterPoint, 'x' | 'y'>,
	data: Pick<ScatterData, 'medianX' | 'medianY'>
): Quadrant | null {
	if (data.medianX === null || data.medianY === null) return null;
	return `${p.x >= data.medianX ? 'h' : 'l'}${p.y >= data.medianY ? 'h' : 'l'}` as Quadrant;
}

/** Keys of the points in a quadrant. `pointsInQuadrant(data, 'hh')` -> Set { '214', … } */
export function pointsInQuadrant(data: ScatterData, q: Quadrant): Set<string> {
	return new Set(data.points.filter((p) => quadrantOf(p, data) === q).map((p) => p.key));
}

export function quadrants(data: ScatterData): Quadrants {
	const q: Quadrants = { bothHigh: 0, bothLow: 0, highXLowY: 0, lowXHighY: 0 };
	const field = { hh: 'bothHigh', ll: 'bothLow', hl: 'highXLowY', lh: 'lowXHighY' } as const;
	for (const p of data.points) {
		const at = quadrantOf(p, data);
		if (at) q[field[at]]++;
	}
	return q;
}

/**
 * A plain German summary of the plot for screen readers and the caption.
 * -> "148 Stadtteile mit Werten für beide Indikatoren. Median Kinder in SGB-II: 18,4 %; Median
 *     Betreuungsquote: 33,0 %. 41 liegen bei beiden über dem Median, …"
 */
export function scatterSummary(
	data: ScatterData,
	xAxis: ScatterAxis,
	yAxis: ScatterAxis,
	levelPlural: string
): string {
	const n = data.points.length;
	if (n === 0 || data.medianX === null || data.medianY === null)
		return `Keine ${levelPlural} haben Werte für beide Indikatoren.`;
	const q = quadrants(data);
	const med = (v: number, meta: IndicatorMeta) => formatValue({ status: 'ok', value: v, numerator: v }, meta);
	const parts = [
		`${formatNumber(n, 0)} ${levelPlural} mit Werten für beide Indikatoren.`,
		`Median ${xAxis.meta.title} (${xAxis.year}): ${med(data.medianX, xAxis.meta)}; Median ${yAxis.meta.title} (${yAxis.year}): ${med(data.medianY, yAxis.meta)}.`,
		`${q.bothHigh} ${q.bothHigh === 1 ? 'liegt' : 'liegen'} bei beiden auf oder über dem Median, ${q.bothLow} bei beiden darunter, ${q.highXLowY} nur bei ${xAxis.meta.title} und ${q.lowXHighY} nur bei ${yAxis.meta.title} auf oder über dem Median.`
	];
	if (data.left.length > 0)
		parts.push(
			`${data.left.length} ohne Wert für einen der beiden Indikatoren ${data.left.length === 1 ? 'fehlt' : 'fehlen'}.`
		);
	return parts.join(' ');
}

/** Pixel scales of a plot: the data's range with a little room, rounded to nice ticks. */
export interface ScatterScales {
	x: (v: number) => number;
	y: (v: number) => number;
	/** Pixel to data, for a brush drawn in pixels. */
	invertX: (px: number) => number;
	invertY: (px: number) => number;
	xTicks: number[];
	yTicks: number[];
}

/**
 * Linear scales from the points' extent (padded, nice, not below 0 for non-negative data) to
 * the plot's inner box; y grows upwards.
 * `scatterScales(points, { left: 48, top: 12, right: 412, bottom: 300 })` -> { x, y, xTicks: [10, 20, 30], … }
 */
export function scatterScales(
	points: readonly ScatterPoint[],
	box: { left: number; top: number; right: number; bottom: number }
): ScatterScales {
	const range = (vs: number[]): [number, number] => {
		if (vs.length === 0) return [0, 1];
		let lo = Math.min(...vs);
		let hi = Math.max(...vs);
		if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
		const pad = (hi - lo) * 0.04;
		// Rates and counts are never negative: the axis does not reach below 0 for them.
		return [lo >= 0 ? Math.max(0, lo - pad) : lo - pad, hi + pad];
	};
	const sx = scaleLinear()
		.domain(range(points.map((p) => p.x)))
		.range([box.left, box.right])
		.nice(6);
	const sy = scaleLinear()
		.domain(range(points.map((p) => p.y)))
		.range([box.bottom, box.top])
		.nice(6);
	return {
		x: (v) => sx(v),
		y: (v) => sy(v),
		invertX: (px) => sx.invert(px),
		invertY: (px) => sy.invert(px),
		xTicks: sx.ticks(6),
		yTicks: sy.ticks(6)
	};
}

/**
 * The axes a scatter plot starts with when the link names none: a need indicator (x) against
 * a support indicator (y), each the one with values for the most areas of the level, taken
 * from `preferred` (the compared indicators) first and from all indicators otherwise.
 * `defaultAxes(catalog, values, ['betreuungsquote_u3', 'kinder_sgb2'], 'stadtteil', null)`
 * -> { x: 'kinder_sgb2', y: 'betreuungsquote_u3' }
 */
export function defaultAxes(
	catalog: Pick<Catalog, 'indicators'>,
	values: ValuesWire,
	preferred: readonly string[],
	level: Level,
	year: number | null
): { x: string; y: string } {
	const usable = catalog.indicators.filter((m) => m.years.length > 0 && m.kind === 'ratio');
	const known = (m: IndicatorMeta) => {
		const y = year !== null && m.years.includes(year) ? year : Math.max(...m.years);
		let n = 0;
		for (const c of cellsFor(values, m, level, y).values()) if (c.status === 'ok') n++;
		return n;
	};
	const best = (direction: IndicatorMeta['direction'], exclude?: string) => {
		for (const pool of [usable.filter((m) => preferred.includes(m.id)), usable]) {
			const candidates = pool.filter((m) => m.direction === direction && m.id !== exclude);
			if (candidates.length === 0) continue;
			return candidates.reduce((a, b) => (known(b) > known(a) ? b : a)).id;
		}
		return undefined;
	};
	const all = catalog.indicators.filter((m) => m.years.length > 0);
	if (all.length === 0) throw new Error('defaultAxes: no indicator has values');
	const x = best('need') ?? all[0]!.id;
	const y = best('better', x) ?? all.find((m) => m.id !== x)?.id ?? x;
	return { x, y };
}
