import { describe, expect, test } from 'vitest';
import { padBounds, type Bounds } from './bounds';

describe('padBounds', () => {
	test.each([
		[[9, 48, 9.1, 48.1], 0.5, 0, [8.95, 47.95, 9.15, 48.15]],
		[[9, 48, 9.1, 48.2], 0, 0, [9, 48, 9.1, 48.2]],
		// A tiny area still shows some surroundings.
		[[9, 48, 9.001, 48.001], 0.5, 0.01, [8.99, 47.99, 9.011, 48.011]]
	] as Array<[Bounds, number, number, Bounds]>)('%j by %d (min %d)', (b, factor, min, expected) => {
		const got = padBounds(b, factor, min);
		got.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 9));
	});

	test('empty bounds (from no features) are a bug', () => {
		expect(() => padBounds([Infinity, Infinity, -Infinity, -Infinity], 0.5)).toThrow(RangeError);
	});

	test('does not mutate its input', () => {
		const b: Bounds = [9, 48, 9.1, 48.1];
		padBounds(b, 1);
		expect(b).toEqual([9, 48, 9.1, 48.1]);
	});
});
