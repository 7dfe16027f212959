import { describe, expect, test } from 'vitest';
import { changeCells, differenceUnit, divergingBreaks, pooledValues, roundNoise, unitSeries } from './change';
import { classify } from './classify';
import { COUNT, RATIO, VALUES } from './fixtures.test-helpers';
import type { ValuesWire } from './types';

// 2021 and 2024 of the ratio for the Stadtteile: 101 rises, 102 falls, 201 is withheld in 2024,
// 202 has no data in 2021.
const values: ValuesWire = {
	...VALUES,
	indicators: {
		...VALUES.indicators,
		quote: {
			'2021': { stadtteil: { n: [8, 33, 4, null], d: [100, 100, 20, null] } },
			'2024': VALUES.indicators.quote!['2024']!
		}
	}
};
const meta = { ...RATIO, years: [2021, 2024] };

describe('changeCells', () => {
	test('to minus from per unit; no change where a year is missing or withheld, with the reason', () => {
		const c = changeCells(values, meta, 'stadtteil', 2021, 2024);
		expect([...c.keys()]).toEqual(['101', '102', '201', '202']);
		expect(c.get('101')).toMatchObject({ change: 2 });
		expect(c.get('102')).toMatchObject({ change: -3 });
		expect(c.get('201')).toMatchObject({ change: null, reason: '2024 geheim gehalten' });
		expect(c.get('202')).toMatchObject({ change: null, reason: 'keine Daten für 2021' });
		expect(c.get('101')!.reason).toBeUndefined();
	});

	test('refuses years the indicator lacks and a reversed span', () => {
		expect(() => changeCells(values, meta, 'stadtteil', 2020, 2024)).toThrow('has no year 2020');
		expect(() => changeCells(values, meta, 'stadtteil', 2024, 2021)).toThrow('is not before');
		expect(() => changeCells(values, meta, 'stadtteil', 2024, 2024)).toThrow('is not before');
	});

	test('does not change its inputs', () => {
		const before = structuredClone(values);
		changeCells(values, meta, 'stadtteil', 2021, 2024);
		expect(values).toEqual(before);
	});
});

describe('divergingBreaks', () => {
	test.each([
		[[-2, 1, 5], 5, [-3, -1, 1, 3]],
		[[-2, 1, 5], 3, [-5 / 3, 5 / 3]],
		[
			[0.3, -0.1],
			7,
			[-0.3 + 0.6 / 7, -0.3 + 1.2 / 7, -0.3 + 1.8 / 7, 0.3 - 1.8 / 7, 0.3 - 1.2 / 7, 0.3 - 0.6 / 7]
		]
	])('%j in %i classes', (changes, k, expected) => {
		const breaks = divergingBreaks(changes, k);
		expect(breaks).toHaveLength(k - 1);
		breaks.forEach((b, i) => expect(b).toBeCloseTo(expected[i]!, 9));
		// Symmetric: zero lies in the middle class.
		breaks.forEach((b, i) => expect(b).toBeCloseTo(-breaks[breaks.length - 1 - i]!, 9));
	});

	test('nothing changed: no breaks; bad input is refused', () => {
		expect(divergingBreaks([0, 0], 5)).toEqual([]);
		expect(divergingBreaks([], 5)).toEqual([]);
		expect(() => divergingBreaks([1], 4)).toThrow('k must be 3, 5 or 7');
		expect(() => divergingBreaks([1], 9)).toThrow();
		expect(() => divergingBreaks([1, Number.NaN], 5)).toThrow('no change');
	});
});

describe('unitSeries', () => {
	test('every year of the indicator, oldest first, missing years as missing', () => {
		const series = unitSeries(values, { ...meta, years: [2024, 2021, 2023] }, 'stadtteil', '101');
		expect(series.map((s) => s.year)).toEqual([2021, 2023, 2024]);
		expect(series.map((s) => s.cell.status)).toEqual(['ok', 'missing', 'ok']);
		expect(series[0]!.cell).toMatchObject({ value: 8 });
	});
});

describe('pooledValues', () => {
	test('known values of all years, so breaks stay the same whichever year is shown', () => {
		const pooled = pooledValues(values, meta, 'stadtteil');
		expect([...pooled].sort((a, b) => a - b)).toEqual([8, 10, 20, 30, 33]);
		// Edges from the smallest to the largest value of any year (2024 alone spans 10 to 30).
		const fixed = classify(pooled, 'equal', 5);
		expect(fixed.breaks[0]).toBe(8);
		expect(fixed.breaks.at(-1)).toBe(33);
	});
});

describe('differenceUnit and roundNoise', () => {
	test('percentage points for percentages, else the unit; float noise rounded away', () => {
		expect(differenceUnit(RATIO)).toBe('Prozentpunkte');
		expect(differenceUnit(COUNT)).toBe('Personen');
		expect(roundNoise(31.2 - 29.1)).toBe(2.1);
		expect(roundNoise(-0.1 - 0.2)).toBe(-0.3);
	});
});
