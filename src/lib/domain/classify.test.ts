import { describe, expect, it } from 'vitest';
import {
	classify,
	classOf,
	manualBreaksProblem,
	ManualBreaksError,
	parseClassCount,
	type ClassMethod
} from './classify';
import { mulberry32 as prng } from './random';

const ONE_TO_TEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const SS_EXAMPLE = [1, 2, 4, 5, 12, 43, 52, 123, 234, 1244];

describe('classify', () => {
	it.each<{
		name: string;
		values: number[];
		method: ClassMethod;
		k: number;
		manual?: number[];
		breaks: number[];
		counts: number[];
	}>([
		{
			name: 'quantile 1..10 into 5 (R-7: p=0.2 -> index 1.8 -> 2.8)',
			values: ONE_TO_TEN,
			method: 'quantile',
			k: 5,
			breaks: [1, 2.8, 4.6, 6.4, 8.2, 10],
			counts: [2, 2, 2, 2, 2]
		},
		{
			name: 'quantile 1..10 into 4 (p=0.25 -> index 2.25 -> 3.25)',
			values: ONE_TO_TEN,
			method: 'quantile',
			k: 4,
			breaks: [1, 3.25, 5.5, 7.75, 10],
			counts: [3, 2, 2, 3]
		},
		{
			name: 'quantile merges equal edges',
			values: [1, 1, 1, 1, 2, 3, 4],
			method: 'quantile',
			k: 4,
			breaks: [1, 2.5, 4],
			counts: [5, 2]
		},
		{
			name: 'quantile with two distinct values makes two classes',
			values: [0, 0, 0, 10, 10, 10],
			method: 'quantile',
			k: 5,
			breaks: [0, 5, 10],
			counts: [3, 3]
		},
		{
			name: 'quantile keeps a last class of only the max',
			values: [0, 10, 10, 10, 10],
			method: 'quantile',
			k: 3,
			breaks: [0, 10, 10],
			counts: [1, 4]
		},
		{
			// Interpolated quantiles can fall between the same two data values: such a class stays empty.
			name: 'quantile on lumpy data may leave a class empty',
			values: [0.3, 0.4, 1, 1.3, 1.4, 1.5, 2.1, 2.1, 2.2, 2.9, 4.2, 4.6, 4.9],
			method: 'quantile',
			k: 7,
			breaks: [0.3, 0.8285714286, 1.3428571429, 1.5857142857, 2.1, 2.6, 4.3142857143, 4.9],
			counts: [2, 2, 2, 0, 3, 2, 2]
		},
		{
			name: 'equal 1..10 into 3',
			values: ONE_TO_TEN,
			method: 'equal',
			k: 3,
			breaks: [1, 4, 7, 10],
			counts: [3, 3, 4]
		},
		{
			name: 'equal 0..100 into 4 with empty classes',
			values: [0, 1, 2, 100],
			method: 'equal',
			k: 4,
			breaks: [0, 25, 50, 75, 100],
			counts: [3, 0, 0, 1]
		},
		{
			name: 'equal handles negative values',
			values: [-6, 0, 3],
			method: 'equal',
			k: 3,
			breaks: [-6, -3, 0, 3],
			counts: [1, 0, 2]
		},
		{
			name: 'jenks: the clusters simple-statistics documents, lone outlier as last class',
			values: SS_EXAMPLE,
			method: 'jenks',
			k: 3,
			breaks: [1, 123, 1244, 1244],
			counts: [7, 2, 1]
		},
		{
			name: 'jenks with two obvious groups and k capped at distinct values',
			values: [1, 1, 2, 2, 9, 9],
			method: 'jenks',
			k: 3,
			breaks: [1, 2, 9, 9],
			counts: [2, 2, 2]
		},
		{
			name: 'manual thresholds inside the data',
			values: ONE_TO_TEN,
			method: 'manual',
			k: 3,
			manual: [3, 6],
			breaks: [1, 3, 6, 10],
			counts: [2, 3, 5]
		},
		{
			name: 'manual thresholds outside the data widen the outer edges',
			values: ONE_TO_TEN,
			method: 'manual',
			k: 5,
			manual: [0, 20],
			breaks: [0, 0, 20, 20],
			counts: [0, 10, 0]
		},
		{
			name: 'manual keeps the user classes for all-equal data',
			values: [5, 5],
			method: 'manual',
			k: 3,
			manual: [1, 2, 3],
			breaks: [1, 1, 2, 3, 5],
			counts: [0, 0, 0, 2]
		}
	])('$name', ({ values, method, k, manual, breaks, counts }) => {
		const result = classify(values, method, k, manual);
		expect(result.method).toBe(method);
		expect(result.breaks.length).toBe(result.k + 1);
		expect(result.breaks.map((b) => Number(b.toFixed(10)))).toEqual(breaks);
		expect(result.counts).toEqual(counts);
		expect(result.k).toBe(counts.length);
	});

	it.each<ClassMethod>(['quantile', 'equal', 'jenks', 'manual'])(
		'%s: empty input gives no classes',
		(method) => {
			expect(classify([], method, 5, [1, 2])).toEqual({ method, k: 0, breaks: [], counts: [] });
		}
	);

	it.each<ClassMethod>(['quantile', 'equal', 'jenks'])('%s: all-equal values give one class', (method) => {
		expect(classify([4.2, 4.2, 4.2], method, 5)).toEqual({ method, k: 1, breaks: [4.2, 4.2], counts: [3] });
	});

	it('works on a single value', () => {
		expect(classify([7], 'quantile', 3)).toEqual({ method: 'quantile', k: 1, breaks: [7, 7], counts: [1] });
	});

	it('does not depend on input order', () => {
		const shuffled = [10, 3, 7, 1, 9, 2, 8, 4, 6, 5];
		for (const method of ['quantile', 'equal', 'jenks'] as const) {
			expect(classify(shuffled, method, 4)).toEqual(classify(ONE_TO_TEN, method, 4));
		}
	});

	it('does not mutate input', () => {
		const values = Object.freeze([5, 3, 1, 4, 2]);
		const manual = Object.freeze([2, 4]);
		for (const method of ['quantile', 'equal', 'jenks', 'manual'] as const) {
			classify(values, method, 3, manual);
		}
		expect(values).toEqual([5, 3, 1, 4, 2]);
		expect(manual).toEqual([2, 4]);
	});

	it.each([2, 8, 0, -5, 4.5, Number.NaN, Infinity])('throws a RangeError for k = %s', (k) => {
		expect(() => classify(ONE_TO_TEN, 'quantile', k)).toThrow(RangeError);
	});

	it('ignores k for manual thresholds', () => {
		expect(classify(ONE_TO_TEN, 'manual', 99, [3, 6]).k).toBe(3);
	});

	it.each([Number.NaN, Infinity, -Infinity])('throws a RangeError for the value %s', (bad) => {
		expect(() => classify([1, bad, 3], 'equal', 3)).toThrow(/index 1/);
	});

	it('throws a RangeError for an unknown method or manual without thresholds', () => {
		expect(() => classify(ONE_TO_TEN, 'median' as ClassMethod, 3)).toThrow(RangeError);
		expect(() => classify(ONE_TO_TEN, 'manual', 3)).toThrow(RangeError);
	});

	it('throws a ManualBreaksError with a German message for bad thresholds', () => {
		expect(() => classify(ONE_TO_TEN, 'manual', 3, [6, 3])).toThrow(ManualBreaksError);
		expect(() => classify(ONE_TO_TEN, 'manual', 3, [6, 3])).toThrow(
			'Die Grenzen müssen aufsteigen: 3 folgt auf 6.'
		);
	});

	describe('properties on random data', () => {
		const random = prng(20240611);
		const cases = Array.from({ length: 200 }, (_, i) => {
			const n = 1 + Math.floor(random() * 60);
			const spread = random() < 0.3 ? 5 : 1000;
			const values = Array.from({ length: n }, () => Math.round(random() * spread * 10) / 10);
			const method = (['quantile', 'equal', 'jenks'] as const)[i % 3]!;
			const k = 3 + Math.floor(random() * 5);
			return { values, method, k };
		});

		it('covers min..max, counts every value once and never exceeds k or the distinct values', () => {
			for (const { values, method, k } of cases) {
				const result = classify(values, method, k);
				const distinct = new Set(values).size;
				expect(result.k).toBeLessThanOrEqual(Math.min(k, distinct));
				expect(result.k).toBeGreaterThanOrEqual(1);
				expect(result.breaks[0]).toBe(Math.min(...values));
				expect(result.breaks.at(-1)).toBe(Math.max(...values));
				for (let i = 1; i < result.breaks.length; i++) {
					expect(result.breaks[i]).toBeGreaterThanOrEqual(result.breaks[i - 1]!);
				}
				expect(result.counts.reduce((a, b) => a + b, 0)).toBe(values.length);
				if (method === 'jenks') expect(result.counts.every((c) => c > 0)).toBe(true);
			}
		});

		it('equal intervals have equal widths', () => {
			for (const { values, k } of cases) {
				const { breaks } = classify(values, 'equal', k);
				const width = breaks[1]! - breaks[0]!;
				for (let i = 1; i < breaks.length; i++) expect(breaks[i]! - breaks[i - 1]!).toBeCloseTo(width, 9);
			}
		});
	});
});

describe('classOf', () => {
	const breaks = [0, 10, 20, 30];
	it.each([
		[0, 0],
		[9.99, 0],
		[10, 1],
		[19.5, 1],
		[20, 2],
		[29, 2],
		[30, 2],
		[-5, 0],
		[35, 2],
		[-Infinity, 0],
		[Infinity, 2]
	])('puts %s in class %s (inner edge -> upper class, max -> last class)', (value, expected) => {
		expect(classOf(value, breaks)).toBe(expected);
	});

	it('puts the max in a last class that holds only the max', () => {
		expect(classOf(1244, [1, 123, 1244, 1244])).toBe(2);
		expect(classOf(1243, [1, 123, 1244, 1244])).toBe(1);
	});

	it('works with a single class', () => {
		expect(classOf(3, [3, 3])).toBe(0);
		expect(classOf(5, [1, 9])).toBe(0);
	});

	it('agrees with a linear scan on many classes', () => {
		const edges = [0, 1, 2, 3, 4, 5, 6, 7];
		for (let v = -1; v <= 8; v += 0.25) {
			const linear = Math.min(edges.length - 2, Math.max(0, edges.filter((e, i) => i > 0 && e <= v).length));
			expect(classOf(v, edges)).toBe(linear);
		}
	});

	it('throws for fewer than two edges or NaN', () => {
		expect(() => classOf(1, [])).toThrow(RangeError);
		expect(() => classOf(1, [1])).toThrow(RangeError);
		expect(() => classOf(Number.NaN, breaks)).toThrow(RangeError);
	});
});

describe('manualBreaksProblem', () => {
	it.each<[number[], string | null]>([
		[[10, 20], null],
		[[-1.5, 0, 2.25, 7, 8, 9], null],
		[[], 'Für eigene Klassen werden 2 bis 6 Grenzen gebraucht (3 bis 7 Klassen); angegeben sind 0.'],
		[[5], 'Für eigene Klassen werden 2 bis 6 Grenzen gebraucht (3 bis 7 Klassen); angegeben ist 1 Grenze.'],
		[
			[1, 2, 3, 4, 5, 6, 7],
			'Für eigene Klassen werden 2 bis 6 Grenzen gebraucht (3 bis 7 Klassen); angegeben sind 7.'
		],
		[[1, Number.NaN], 'Die 2. Grenze ist keine gültige Zahl.'],
		[[Infinity, 2], 'Die 1. Grenze ist keine gültige Zahl.'],
		[[1.5, 1.5], 'Die Grenze 1,5 ist doppelt angegeben.'],
		[[1000.5, 20], 'Die Grenzen müssen aufsteigen: 20 folgt auf 1.000,5.']
	])('%j -> %s', (breaks, expected) => {
		expect(manualBreaksProblem(breaks)).toBe(expected);
	});
});

describe('parseClassCount', () => {
	it.each<[string | null | undefined, number | null]>([
		['3', 3],
		['5', 5],
		['7', 7],
		[' 4 ', 4],
		['2', null],
		['8', null],
		['05', null],
		['5.0', null],
		['-5', null],
		['', null],
		['fünf', null],
		['٥', null],
		[null, null],
		[undefined, null]
	])('%j -> %s', (input, expected) => {
		expect(parseClassCount(input)).toBe(expected);
	});
});
