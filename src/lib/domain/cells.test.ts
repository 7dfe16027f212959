import { describe, expect, it } from 'vitest';
import { parseCell } from './cells';

describe('parseCell', () => {
	it.each([
		['', { kind: 'missing' }],
		['  ', { kind: 'missing' }],
		['-', { kind: 'missing' }],
		['...', { kind: 'missing' }],
		['.', { kind: 'suppressed' }],
		['x', { kind: 'suppressed' }],
		[' X ', { kind: 'suppressed' }],
		['0', { kind: 'number', value: 0 }],
		['12', { kind: 'number', value: 12 }],
		[' 12.5 ', { kind: 'number', value: 12.5 }],
		['-3', { kind: 'number', value: -3 }],
		['1,5', { kind: 'invalid', raw: '1,5' }],
		['1.000,5', { kind: 'invalid', raw: '1.000,5' }],
		['1e3', { kind: 'invalid', raw: '1e3' }],
		['12 %', { kind: 'invalid', raw: '12 %' }],
		['.5', { kind: 'invalid', raw: '.5' }],
		['NaN', { kind: 'invalid', raw: 'NaN' }]
	])('%j', (raw, expected) => {
		expect(parseCell(raw)).toEqual(expected);
	});
});
