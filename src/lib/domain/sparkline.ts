import { formatValue } from './format';
import type { Cell, IndicatorMeta } from './types';

/**
 * Scales of a sparkline: one unit's values over the years as a small line, with gaps where a
 * year has no value ("keine Daten", "geheim gehalten") instead of a line drawn through them.
 */

export interface SparklinePoint {
	year: number;
	/** Horizontal position, by year (uneven year steps stay uneven). */
	x: number;
	/** Vertical position; null when the year has no value. */
	y: number | null;
	status: Cell['status'];
}

export interface SparklineGeometry {
	/** SVG path data: one `M … L …` run per stretch of consecutive years with values. */
	path: string;
	/** One point per year, oldest first. */
	points: SparklinePoint[];
	/** Smallest and largest value drawn; null when no year has a value. */
	min: number | null;
	max: number | null;
}

/**
 * Positions a series in a `width` × `height` box, `pad` pixels inside its edges; larger values
 * higher. A single year sits in the middle, equal values on the middle line.
 * `sparkline([{ year: 2021, cell: ok(10) }, { year: 2022, cell: missing }, { year: 2023, cell: ok(20) }], 100, 20, 0)`
 * -> { path: 'M0,20M100,0', points: [{ x: 0, y: 20 }, { x: 50, y: null }, { x: 100, y: 0 }], … }
 */
export function sparkline(
	series: ReadonlyArray<{ year: number; cell: Cell }>,
	width: number,
	height: number,
	pad = 3
): SparklineGeometry {
	if (!(width > 2 * pad && height > 2 * pad))
		throw new RangeError(`sparkline: a ${width}×${height} box leaves no room inside ${pad} px padding`);
	for (let i = 1; i < series.length; i++)
		if (!(series[i]!.year > series[i - 1]!.year))
			throw new RangeError('sparkline: years must be strictly ascending');

	const values = series.flatMap((s) => (s.cell.status === 'ok' ? [s.cell.value] : []));
	const min = values.length > 0 ? Math.min(...values) : null;
	const max = values.length > 0 ? Math.max(...values) : null;
	const first = series[0]?.year ?? 0;
	const span = (series.at(-1)?.year ?? 0) - first;
	const xOf = (year: number) => (span === 0 ? width / 2 : pad + ((year - first) / span) * (width - 2 * pad));
	const yOf = (v: number) =>
		min === null || max === null || max === min
			? height / 2
			: height - pad - ((v - min) / (max - min)) * (height - 2 * pad);

	const points: SparklinePoint[] = series.map(({ year, cell }) => ({
		year,
		x: round(xOf(year)),
		y: cell.status === 'ok' ? round(yOf(cell.value)) : null,
		status: cell.status
	}));
	let path = '';
	let previousDrawn = false;
	for (const p of points) {
		if (p.y === null) {
			previousDrawn = false;
			continue;
		}
		path += `${previousDrawn ? 'L' : 'M'}${p.x},${p.y}`;
		previousDrawn = true;
	}
	return { path, points, min, max };
}

/**
 * The text alternative of a sparkline: every year with its value as the page shows it.
 * `sparklineText(series, quote)` -> "2021: 31,2 %, 2022: geheim gehalten, 2023: 33,0 %"
 */
export function sparklineText(
	series: ReadonlyArray<{ year: number; cell: Cell }>,
	meta: IndicatorMeta
): string {
	return series.map(({ year, cell }) => `${year}: ${formatValue(cell, meta)}`).join(', ');
}

function round(v: number): number {
	return Math.round(v * 100) / 100;
}
