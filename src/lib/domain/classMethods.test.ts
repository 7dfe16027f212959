import { describe, expect, it } from 'vitest';
import { classMethodLabel, formatBreaksInput, parseBreaksInput, startingBreaks } from './classMethods';
import { classify } from './classify';

describe('parseBreaksInput', () => {
	it.each([
		['10; 20; 30', [10, 20, 30]],
		['10;20,5;30', [10, 20.5, 30]],
		[' 1.5 ; 2.5 ', [1.5, 2.5]],
		['1.250; 2.500; 5.000', [1250, 2500, 5000]],
		['-5; 0; 5', [-5, 0, 5]],
		['10; 20; 30;', [10, 20, 30]]
	])('%j -> %j', (text, breaks) => {
		expect(parseBreaksInput(text)).toEqual({ ok: true, breaks });
	});

	it.each([
		['10; abc; 30', /‚abc‘ ist keine Zahl. Bitte Zahlen wie 12,5 durch Semikolon trennen/],
		['10', /2 bis 6 Grenzen/],
		['', /2 bis 6 Grenzen/],
		['30; 20', /aufsteigen/],
		['10; 10', /doppelt/],
		['1; 2; 3; 4; 5; 6; 7', /2 bis 6 Grenzen/],
		['0x10; 20', /keine Zahl/],
		['12,5,3; 20', /keine Zahl/],
		['Infinity; 5', /keine Zahl/]
	])('%j is rejected', (text, message) => {
		const result = parseBreaksInput(text);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(message);
	});
});

describe('formatBreaksInput', () => {
	it('round-trips through parseBreaksInput', () => {
		const breaks = [2.5, 10, 1250.75];
		const text = formatBreaksInput(breaks);
		expect(text).toBe('2,5; 10; 1.250,75');
		expect(parseBreaksInput(text)).toEqual({ ok: true, breaks });
	});
});

describe('classMethodLabel', () => {
	it('names every method in German', () => {
		expect(classMethodLabel('jenks')).toBe('Natürliche Brüche (Jenks)');
		expect(classMethodLabel('equal')).toBe('Gleiche Intervalle');
	});
});

describe('startingBreaks', () => {
	it('takes the inner edges of the current classification, rounded', () => {
		const c = classify([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'quantile', 5);
		expect(startingBreaks(c, 1)).toEqual([2.8, 4.6, 6.4, 8.2]);
		expect(startingBreaks(c, 0)).toEqual([3, 5, 6, 8]);
	});

	it('splits the range in thirds when rounding merges the edges', () => {
		const c = classify([1, 1.01, 1.02, 1.03, 1.04], 'equal', 3);
		expect(startingBreaks(c, 0)).toEqual([1, 2]);
		expect(startingBreaks(classify([0, 30, 60, 90], 'equal', 3), 0)).toEqual([30, 60]);
	});

	it('always returns thresholds the form accepts', () => {
		for (const values of [[5], [5, 5, 5], [0, 0.001], [10, 20, 30, 40, 50, 60, 70]]) {
			const breaks = startingBreaks(classify(values, 'jenks', 3), 1);
			expect(parseBreaksInput(formatBreaksInput(breaks))).toEqual({ ok: true, breaks });
		}
		expect(startingBreaks(null, 1)).toEqual([1, 2]);
	});
});
