import { describe, expect, test } from 'vitest';
import { byCodeUnits, oneLine, quoteInput } from './quoteText';

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

describe('oneLine', () => {
	test('control characters become spaces, blanks collapse, the ends are trimmed', () => {
		expect(oneLine('  Kita\nfehlt\t\u0085 im\u001b  Park ', 280)).toBe('Kita fehlt im Park');
	});

	test('cut to the given number of code points, without a trailing blank or a split pair', () => {
		expect(oneLine('abc def', 4)).toBe('abc');
		expect(oneLine('😀😀😀', 2)).toBe('😀😀');
		expect(oneLine('\n\t ', 10)).toBe('');
	});
});

describe('byCodeUnits', () => {
	test('orders by code units, not by locale', () => {
		expect(['b', 'ä', 'B', 'a'].sort(byCodeUnits)).toEqual(['B', 'a', 'b', 'ä']);
		expect(byCodeUnits('a', 'a')).toBe(0);
	});
});
