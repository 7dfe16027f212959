import { describe, expect, test } from 'vitest';
import { RATIO } from './fixtures.test-helpers';
import { NBSP } from './format';
import { sparkline, sparklineText } from './sparkline';
import type { Cell } from './types';

const ok = (value: number): Cell => ({ status: 'ok', value, numerator: value });
const MISSING: Cell = { status: 'missing' };
const SUPPRESSED: Cell = { status: 'suppressed' };

describe('sparkline', () => {
	test('scales years across and values up, inside the padding', () => {
		const g = sparkline(
			[
				{ year: 2021, cell: ok(10) },
				{ year: 2022, cell: ok(15) },
				{ year: 2024, cell: ok(20) }
			],
			64,
			24,
			2
		);
		expect(g.points).toEqual([
			{ year: 2021, x: 2, y: 22, status: 'ok' },
			// 2022 is a third of the way from 2021 to 2024.
			{ year: 2022, x: 22, y: 12, status: 'ok' },
			{ year: 2024, x: 62, y: 2, status: 'ok' }
		]);
		expect(g.path).toBe('M2,22L22,12L62,2');
		expect([g.min, g.max]).toEqual([10, 20]);
	});

	test('leaves gaps for years without a value instead of drawing through them', () => {
		const g = sparkline(
			[
				{ year: 2021, cell: ok(10) },
				{ year: 2022, cell: ok(20) },
				{ year: 2023, cell: SUPPRESSED },
				{ year: 2024, cell: ok(30) },
				{ year: 2025, cell: MISSING },
				{ year: 2026, cell: ok(20) }
			],
			100,
			20,
			0
		);
		expect(g.path).toBe('M0,20L20,10M60,0M100,10');
		expect(g.points.map((p) => p.y)).toEqual([20, 10, null, 0, null, 10]);
		expect(g.points.map((p) => p.status)).toEqual(['ok', 'ok', 'suppressed', 'ok', 'missing', 'ok']);
	});

	test('one year in the middle; equal values on the middle line; nothing known', () => {
		expect(sparkline([{ year: 2024, cell: ok(5) }], 40, 20).points[0]).toMatchObject({ x: 20, y: 10 });
		const flat = sparkline(
			[
				{ year: 2023, cell: ok(5) },
				{ year: 2024, cell: ok(5) }
			],
			40,
			20
		);
		expect(flat.points.map((p) => p.y)).toEqual([10, 10]);
		const none = sparkline([{ year: 2024, cell: MISSING }], 40, 20);
		expect(none).toEqual({
			path: '',
			points: [{ year: 2024, x: 20, y: null, status: 'missing' }],
			min: null,
			max: null
		});
		expect(sparkline([], 40, 20)).toEqual({ path: '', points: [], min: null, max: null });
	});

	test('refuses a box too small and years out of order', () => {
		expect(() => sparkline([], 6, 20, 3)).toThrow(RangeError);
		expect(() =>
			sparkline(
				[
					{ year: 2024, cell: ok(1) },
					{ year: 2023, cell: ok(2) }
				],
				40,
				20
			)
		).toThrow('ascending');
	});
});

describe('sparklineText', () => {
	test('every year with its value in German', () => {
		expect(
			sparklineText(
				[
					{ year: 2021, cell: ok(31.25) },
					{ year: 2022, cell: SUPPRESSED },
					{ year: 2023, cell: MISSING }
				],
				RATIO
			)
		).toBe(`2021: 31,3${NBSP}%, 2022: geheim gehalten, 2023: keine Daten`);
	});
});
