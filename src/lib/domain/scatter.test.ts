import { describe, expect, test } from 'vitest';
import {
	defaultAxes,
	pointsIn,
	pointsInQuadrant,
	quadrantOf,
	quadrants,
	scatterData,
	scatterScales,
	scatterSummary
} from './scatter';
import { CATALOG, COUNT, RATIO, VALUES } from './fixtures.test-helpers';
import type { ValuesWire } from './types';

const values: ValuesWire = {
	...VALUES,
	indicators: {
		quote: { '2024': { stadtteil: { n: [30, 10, 6, 'g'], d: [100, 100, 20, null] } } },
		einwohner: { '2024': { stadtteil: { n: [1000, 2000, null, 1500] } } }
	}
};
const x = { meta: RATIO, year: 2024 };
const y = { meta: COUNT, year: 2024 };

describe('scatterData', () => {
	test('areas with both values are points; the others are named with the reason', () => {
		const d = scatterData(CATALOG, values, x, y, 'stadtteil');
		expect(d.points).toEqual([
			{ key: '101', name: 'Eins-Nord', x: 30, y: 1000 },
			{ key: '102', name: 'Eins-Süd', x: 10, y: 2000 }
		]);
		expect(d.left).toEqual([
			{ key: '201', name: 'Zwei-West', reason: 'keine Daten 2024 für Einwohner' },
			{ key: '202', name: 'Zwei-Ost', reason: 'Betreuungsquote U3 2024 geheim gehalten' }
		]);
		expect(d.medianX).toBe(20);
		expect(d.medianY).toBe(1500);
	});

	test('no points: no medians', () => {
		const d = scatterData(CATALOG, values, { meta: RATIO, year: 2023 }, y, 'stadtteil');
		expect(d.points).toEqual([]);
		expect([d.medianX, d.medianY]).toEqual([null, null]);
		expect(scatterSummary(d, x, y, 'Stadtteile')).toBe('Keine Stadtteile haben Werte für beide Indikatoren.');
	});
});

describe('quadrants and summary', () => {
	const d = {
		points: [
			{ key: 'a', name: 'A', x: 1, y: 1 },
			{ key: 'b', name: 'B', x: 2, y: 2 },
			{ key: 'c', name: 'C', x: 3, y: 3 },
			{ key: 'd', name: 'D', x: 3, y: 0 }
		],
		left: [{ key: 'e', name: 'E', reason: 'x' }],
		medianX: 2.5,
		medianY: 1.5
	};

	test('the points of a quadrant, as the buttons choose them', () => {
		expect(pointsInQuadrant(d, 'hh')).toEqual(new Set(['c']));
		expect(pointsInQuadrant(d, 'hl')).toEqual(new Set(['d']));
		expect(pointsInQuadrant(d, 'lh')).toEqual(new Set(['b']));
		expect(pointsInQuadrant(d, 'll')).toEqual(new Set(['a']));
		expect(quadrantOf({ x: 2.5, y: 1.5 }, d)).toBe('hh');
		expect(quadrantOf({ x: 1, y: 1 }, { medianX: null, medianY: 1 })).toBeNull();
	});

	test('points on the median count as above it', () => {
		expect(quadrants(d)).toEqual({ bothHigh: 1, bothLow: 1, highXLowY: 1, lowXHighY: 1 });
		expect(quadrants({ ...d, medianX: 2, medianY: 2 })).toEqual({
			bothHigh: 2,
			bothLow: 1,
			highXLowY: 1,
			lowXHighY: 0
		});
	});

	test('the summary names counts, medians with units, and what is left out', () => {
		const text = scatterSummary(d, x, y, 'Stadtteile');
		expect(text).toContain('4 Stadtteile mit Werten für beide Indikatoren.');
		expect(text).toContain('Median Betreuungsquote U3 (2024): 2,5\u00a0%');
		expect(text).toContain('Median Einwohner (2024): 2\u00a0Personen');
		expect(text).toContain('1 liegt bei beiden auf oder über dem Median');
		expect(text).toContain('1 ohne Wert für einen der beiden Indikatoren fehlt.');
		const two = scatterSummary(
			{ ...d, left: [...d.left, ...d.left], medianX: 0, medianY: 0 },
			x,
			y,
			'Stadtteile'
		);
		expect(two).toContain('4 liegen bei beiden');
		expect(two).toContain('2 ohne Wert für einen der beiden Indikatoren fehlen.');
	});
});

describe('pointsIn', () => {
	const points = [
		{ key: 'a', name: 'A', x: 1, y: 1 },
		{ key: 'b', name: 'B', x: 2, y: 5 },
		{ key: 'c', name: 'C', x: 3, y: 3 }
	];
	test('edges included, corners in either order', () => {
		expect(pointsIn(points, { x: [1, 3], y: [1, 3] })).toEqual(new Set(['a', 'c']));
		expect(pointsIn(points, { x: [3, 1.5], y: [6, 2] })).toEqual(new Set(['b', 'c']));
		expect(pointsIn(points, { x: [10, 20], y: [0, 9] })).toEqual(new Set());
	});
});

describe('scatterScales', () => {
	test('maps the data into the box, y upwards, and back', () => {
		const s = scatterScales(
			[
				{ key: 'a', name: 'A', x: 10, y: 100 },
				{ key: 'b', name: 'B', x: 50, y: 300 }
			],
			{ left: 40, top: 10, right: 440, bottom: 310 }
		);
		for (const p of [10, 50]) {
			expect(s.x(p)).toBeGreaterThanOrEqual(40);
			expect(s.x(p)).toBeLessThanOrEqual(440);
		}
		expect(s.y(300)).toBeLessThan(s.y(100));
		expect(s.invertX(s.x(33))).toBeCloseTo(33, 9);
		expect(s.invertY(s.y(123))).toBeCloseTo(123, 9);
		expect(s.xTicks.length).toBeGreaterThan(2);
	});

	test('non-negative data never get a negative axis', () => {
		const s = scatterScales(
			[
				{ key: 'a', name: 'A', x: 0.5, y: 1 },
				{ key: 'b', name: 'B', x: 39, y: 60 }
			],
			{ left: 0, top: 0, right: 100, bottom: 100 }
		);
		expect(Math.min(...s.xTicks)).toBe(0);
		expect(s.invertX(0)).toBe(0);
	});

	test('a single point or none still gives a usable scale', () => {
		const one = scatterScales([{ key: 'a', name: 'A', x: 5, y: 5 }], {
			left: 0,
			top: 0,
			right: 100,
			bottom: 100
		});
		expect(Number.isFinite(one.x(5))).toBe(true);
		expect(one.x(5)).toBeGreaterThan(0);
		expect(one.x(5)).toBeLessThan(100);
		const none = scatterScales([], { left: 0, top: 0, right: 100, bottom: 100 });
		expect(none.xTicks.length).toBeGreaterThan(0);
	});
});

describe('defaultAxes', () => {
	const need = (id: string) => ({ ...RATIO, id, direction: 'need' as const });
	const better = (id: string) => ({ ...RATIO, id, direction: 'better' as const });
	const wire = (n: Array<number | null | 'g'>) => ({
		'2024': { stadtteil: { n, d: n.map((v) => (typeof v === 'number' ? 100 : null)) } }
	});
	const v: ValuesWire = {
		...VALUES,
		indicators: {
			sparse: wire([1, 'g', 'g', null]),
			full: wire([1, 2, 3, 4]),
			quote: wire([5, 6, 7, null]),
			other: wire([5, 6, 7, 8])
		}
	};
	const catalog = { indicators: [need('sparse'), need('full'), better('quote'), better('other'), COUNT] };

	test('need against support, each the one with the most values', () => {
		expect(defaultAxes(catalog, v, [], 'stadtteil', null)).toEqual({ x: 'full', y: 'other' });
	});

	test('the compared indicators come first, even with fewer values', () => {
		expect(defaultAxes(catalog, v, ['sparse', 'quote'], 'stadtteil', 2024)).toEqual({
			x: 'sparse',
			y: 'quote'
		});
	});

	test('without a need or a support indicator any two others', () => {
		expect(defaultAxes({ indicators: [better('quote'), better('other')] }, v, [], 'stadtteil', null)).toEqual(
			{
				x: 'quote',
				y: 'other'
			}
		);
	});
});
