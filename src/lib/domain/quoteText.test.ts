import { describe, expect, test } from 'vitest';
import { byCodeUnits, quoteInput } from './quoteText';

describe('quoteInput', () => {
	test.each([
		['sgb2', '‚sgb2‘'],
		['  a b  ', '‚a b‘'],
		['a\nb\tc', '‚abc‘'],
		['a\u0085b\u009bc\u007f', '‚abc‘'],
		['ä€😀', '‚ä€😀‘'],
		['x'.repeat(40), `‚${'x'.repeat(40)}‘`],
		['x'.repeat(41), `‚${'x'.repeat(39)}…‘`],
		['😀'.repeat(41), `‚${'😀'.repeat(39)}…‘`]
	])('%j -> %s', (raw, quoted) => {
		expect(quoteInput(raw)).toBe(quoted);
	});
});

describe('byCodeUnits', () => {
	test('orders by code units, not by locale', () => {
		expect(['b', 'ä', 'B', 'a'].sort(byCodeUnits)).toEqual(['B', 'a', 'b', 'ä']);
		expect(byCodeUnits('a', 'a')).toBe(0);
	});
});
