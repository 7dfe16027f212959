import { describe, expect, it } from 'vitest';
import type { Cell, SeriesWire } from './types';
import { cellFromWire, decodeSeries, encodeSeries } from './wire';

const PCT = { kind: 'ratio', scale: 100 } as const;
const PERCENT = PCT;
const PER_1000 = { kind: 'ratio', scale: 1000 } as const;
const PERSONS = { kind: 'count', scale: 1 } as const;

describe('encodeSeries / decodeSeries', () => {
	const cells: Cell[] = [
		{ status: 'ok', value: 50, numerator: 1, denominator: 2 },
		{ status: 'missing' },
		{ status: 'suppressed' },
		{ status: 'ok', value: 25, numerator: 5, denominator: 20, partial: true }
	];
	it('encodes ratios with d and p', () => {
		expect(encodeSeries(cells, 'ratio')).toEqual({ n: [1, null, 'g', 5], d: [2, null, null, 20], p: [3] });
	});
	it('encodes counts without d and omits empty p', () => {
		expect(
			encodeSeries([{ status: 'ok', value: 4, numerator: 4 }, { status: 'suppressed' }], 'count')
		).toEqual({
			n: [4, 'g']
		});
	});
	it('round-trips', () => {
		expect(decodeSeries(encodeSeries(cells, 'ratio'), PCT)).toEqual(cells);
	});
	it('decodes a ratio with a missing denominator as missing', () => {
		expect(decodeSeries({ n: [3], d: [null] }, PCT)).toEqual([{ status: 'missing' }]);
	});
});

describe('cellFromWire', () => {
	const ratio: SeriesWire = { n: [12, null, 'g', 5, 0, 3], d: [48, null, null, 0, 20, null] };
	it.each<[number, Cell]>([
		[0, { status: 'ok', value: 25, numerator: 12, denominator: 48 }],
		[1, { status: 'missing' }],
		[2, { status: 'suppressed' }],
		[3, { status: 'missing' }],
		[4, { status: 'ok', value: 0, numerator: 0, denominator: 20 }],
		[5, { status: 'missing' }]
	])('ratio index %s', (i, expected) => {
		expect(cellFromWire(ratio, i, PERCENT)).toEqual(expected);
	});

	it('applies the scale of the indicator', () => {
		expect(cellFromWire({ n: [3], d: [600] }, 0, PER_1000)).toEqual({
			status: 'ok',
			value: 5,
			numerator: 3,
			denominator: 600
		});
	});

	it('treats a ratio series without denominators as missing', () => {
		expect(cellFromWire({ n: [3] }, 0, PERCENT)).toEqual({ status: 'missing' });
	});

	it.each<[number, Cell]>([
		[0, { status: 'ok', value: 1234, numerator: 1234 }],
		[1, { status: 'missing' }],
		[2, { status: 'suppressed' }],
		[3, { status: 'ok', value: 0, numerator: 0 }]
	])('count index %s', (i, expected) => {
		expect(cellFromWire({ n: [1234, null, 'g', 0] }, i, PERSONS)).toEqual(expected);
	});

	it.each([-1, 2, 0.5, Number.NaN])('throws for index %s', (i) => {
		expect(() => cellFromWire({ n: [1, 2] }, i, PERSONS)).toThrow(RangeError);
	});

	it('throws for numbers a data build never writes', () => {
		expect(() => cellFromWire({ n: [Number.NaN] }, 0, PERSONS)).toThrow(RangeError);
		expect(() => cellFromWire({ n: [1], d: [-4] }, 0, PERCENT)).toThrow(RangeError);
		expect(() => cellFromWire({ n: [1], d: [Infinity] }, 0, PERCENT)).toThrow(RangeError);
	});

	it('does not mutate input', () => {
		const series = { n: [12, null, 'g'] as SeriesWire['n'], d: [48, null, null] };
		const copy = structuredClone(series);
		Object.freeze(series.n);
		Object.freeze(series.d);
		for (let i = 0; i < 3; i++) cellFromWire(series, i, PERCENT);
		expect(series).toEqual(copy);
	});
});

describe('cellFromWire partial aggregates', () => {
	it('flags the indices listed in p', () => {
		const series: SeriesWire = { n: [3, 4], d: [10, 10], p: [1] };
		expect(cellFromWire(series, 0, PCT)).toEqual({ status: 'ok', value: 30, numerator: 3, denominator: 10 });
		expect(cellFromWire(series, 1, PCT)).toEqual({
			status: 'ok',
			value: 40,
			numerator: 4,
			denominator: 10,
			partial: true
		});
	});
});
