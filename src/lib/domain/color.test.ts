import { describe, expect, it } from 'vitest';
import { hexToRgb } from './color';

describe('hexToRgb', () => {
	it.each([
		['#000000', [0, 0, 0, 255]],
		['#ffffff', [255, 255, 255, 255]],
		['#FF8000', [255, 128, 0, 255]],
		['#0072b2', [0, 114, 178, 255]],
		['#fff', [255, 255, 255, 255]],
		['#F80', [255, 136, 0, 255]]
	])('%s', (hex, rgb) => {
		expect(hexToRgb(hex)).toEqual(rgb);
	});

	it('takes an alpha', () => {
		expect(hexToRgb('#102030', 128)).toEqual([16, 32, 48, 128]);
	});

	it.each(['fff', '#ffff', 'red', '#12345g', '', '#1234567'])('rejects %j', (bad) => {
		expect(() => hexToRgb(bad)).toThrow(RangeError);
	});
});
