import { describe, expect, it } from 'vitest';
import type { Cell } from './types';
import { decodeSeries, encodeSeries } from './wire';

const PCT = { kind: 'ratio', scale: 100 } as const;

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
