import { describe, expect, it } from 'vitest';
import { aggregateCells, aggregateGroups, cellFromCounts } from './aggregate';
import type { Cell } from './types';

const PCT = { kind: 'ratio', scale: 100 } as const;
const COUNT = { kind: 'count', scale: 1 } as const;
const ok = (n: number, d?: number): Cell => cellFromCounts(n, d, d === undefined ? COUNT : PCT);
const MISSING: Cell = { status: 'missing' };
const SUPPRESSED: Cell = { status: 'suppressed' };

describe('cellFromCounts', () => {
	it('computes the value with the scale', () => {
		expect(cellFromCounts(3, 12, PCT)).toEqual({ status: 'ok', value: 25, numerator: 3, denominator: 12 });
		expect(cellFromCounts(3, 12, { kind: 'ratio', scale: 1000 })).toMatchObject({ value: 250 });
		expect(cellFromCounts(7, undefined, COUNT)).toEqual({ status: 'ok', value: 7, numerator: 7 });
	});
	it('treats a zero denominator as missing', () => {
		expect(cellFromCounts(0, 0, PCT)).toEqual(MISSING);
	});
});

describe('aggregateCells', () => {
	it('sums numerators and denominators instead of averaging rates', () => {
		// 1/10 = 10 %, 9/90 = 10 %, 45/60 = 75 %: mean of rates 31.7 %, sum/sum 55/160 = 34.4 %.
		const cells = [ok(1, 10), ok(9, 90), ok(45, 60)];
		const agg = aggregateCells(cells, PCT);
		expect(agg).toMatchObject({ status: 'ok', numerator: 55, denominator: 160 });
		if (agg.status !== 'ok') throw new Error('expected ok');
		expect(agg.value).toBeCloseTo((55 / 160) * 100, 10);
		const meanOfRates = (10 + 10 + 75) / 3;
		expect(Math.abs(agg.value - meanOfRates)).toBeGreaterThan(0.1);
	});

	it('weights by denominator: 1/10 and 27/90 give 28 %, not the mean of rates 20 %', () => {
		const agg = aggregateCells([ok(1, 10), ok(27, 90)], PCT);
		expect(agg).toMatchObject({ value: 28, numerator: 28, denominator: 100 });
	});

	it.each<[string, Cell[], Cell]>([
		['no members', [], MISSING],
		['all missing', [MISSING, MISSING], MISSING],
		[
			'missing members contribute nothing',
			[ok(2, 10), MISSING, ok(3, 10)],
			{ status: 'ok', value: 25, numerator: 5, denominator: 20 }
		],
		['only suppressed', [SUPPRESSED, MISSING], MISSING],
		[
			'suppressed member -> partial',
			[ok(2, 10), SUPPRESSED, ok(3, 10)],
			{ status: 'ok', value: 25, numerator: 5, denominator: 20, partial: true }
		],
		[
			'partial propagates upwards',
			[{ status: 'ok', value: 50, numerator: 5, denominator: 10, partial: true }, ok(5, 10)],
			{ status: 'ok', value: 50, numerator: 10, denominator: 20, partial: true }
		]
	])('ratio: %s', (_name, members, expected) => {
		expect(aggregateCells(members, PCT)).toEqual(expected);
	});

	it('sums counts', () => {
		expect(aggregateCells([ok(4), MISSING, ok(6)], COUNT)).toEqual({
			status: 'ok',
			value: 10,
			numerator: 10
		});
	});

	it('throws on a ratio cell without denominator (a bug, not user error)', () => {
		expect(() => aggregateCells([{ status: 'ok', value: 1, numerator: 1 }], PCT)).toThrow();
	});

	it('does not mutate its input', () => {
		const cells = [ok(1, 10), SUPPRESSED, ok(2, 20)];
		const copy = structuredClone(cells);
		aggregateCells(cells, PCT);
		expect(cells).toEqual(copy);
	});
});

describe('aggregateGroups', () => {
	const base = new Map<string, Cell>([
		['101', ok(1, 10)],
		['102', ok(9, 90)],
		['201', MISSING],
		['202', MISSING]
	]);
	it('aggregates each group from base cells', () => {
		const out = aggregateGroups(
			base,
			[
				{ key: '1', members: ['101', '102'] },
				{ key: '2', members: ['201', '202'] }
			],
			PCT
		);
		expect(out.get('1')).toMatchObject({ numerator: 10, denominator: 100, value: 10 });
		expect(out.get('2')).toEqual(MISSING);
	});
	it('throws on an unknown member key', () => {
		expect(() => aggregateGroups(base, [{ key: '1', members: ['999'] }], PCT)).toThrow(/999/);
	});
	it('does not mutate the base map', () => {
		const before = structuredClone([...base]);
		aggregateGroups(base, [{ key: '1', members: ['101', '102'] }], PCT);
		expect([...base]).toEqual(before);
	});
});
