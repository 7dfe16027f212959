import { describe, expect, it } from 'vitest';
import { apportion, hashString, mulberry32, normal, stream } from './random';

describe('mulberry32', () => {
	it('is deterministic and in [0, 1)', () => {
		const a = mulberry32(42);
		const b = mulberry32(42);
		const xs = Array.from({ length: 1000 }, () => a());
		expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
		expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
		expect(new Set(xs).size).toBeGreaterThan(990);
		expect(mulberry32(43)()).not.toBe(mulberry32(42)());
	});
	it('has a plausible mean', () => {
		const r = mulberry32(1);
		const mean = Array.from({ length: 10000 }, () => r()).reduce((s, x) => s + x, 0) / 10000;
		expect(mean).toBeCloseTo(0.5, 1);
	});
});

describe('stream and normal', () => {
	it('gives independent, repeatable streams per label', () => {
		expect(stream(1, 'a')()).toBe(stream(1, 'a')());
		expect(stream(1, 'a')()).not.toBe(stream(1, 'b')());
		expect(hashString('kita')).not.toBe(hashString('kitb'));
	});
	it('draws roughly standard normal values', () => {
		const r = mulberry32(7);
		const xs = Array.from({ length: 20000 }, () => normal(r));
		const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
		const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
		expect(Math.abs(mean)).toBeLessThan(0.03);
		expect(sd).toBeCloseTo(1, 1);
	});
});

describe('apportion', () => {
	it.each<[number, number[], number[]]>([
		[10, [1, 1, 1], [4, 3, 3]],
		[7, [0.5, 0.25, 0.25], [3, 2, 2]],
		[100, [3, 0, 1], [75, 0, 25]],
		[0, [1, 2], [0, 0]],
		[23723, [2.3, 7.1, 0.01, 4], [4069, 12560, 18, 7076]]
	])('%i by %j', (total, weights, expected) => {
		const out = apportion(total, weights);
		expect(out).toEqual(expected);
		expect(out.reduce((a, b) => a + b, 0)).toBe(total);
	});
	it('throws without positive weights', () => {
		expect(() => apportion(5, [0, 0])).toThrow();
	});
	it('does not mutate the weights', () => {
		const w = [3, 1, 2];
		apportion(10, w);
		expect(w).toEqual([3, 1, 2]);
	});
});
