import { describe, expect, it } from 'vitest';
import {
	formatClassLabels,
	formatCount,
	dativePlural,
	formatDifference,
	formatNumber,
	formatRange,
	formatValue,
	MINUS,
	NBSP
} from './format';
import type { Cell, IndicatorMeta } from './types';

function meta(overrides: Partial<IndicatorMeta> = {}): IndicatorMeta {
	return {
		id: 'betreuung_u3',
		title: 'Betreuungsquote U3',
		definition: 'Kinder unter 3 Jahren in Betreuung je 100 Kinder unter 3 Jahren',
		kind: 'ratio',
		scale: 100,
		unit: '%',
		decimals: 1,
		phases: ['fruehe'],
		direction: 'better',
		source: 'Statistisches Amt',
		years: [2022, 2023, 2024],
		public: true,
		demo: false,
		...overrides
	};
}

const PERCENT = meta();
const PER_1000 = meta({ scale: 1000, unit: 'je 1.000 Kinder', decimals: 1 });
const PERSONS = meta({ kind: 'count', scale: 1, unit: 'Personen', decimals: 0 });
const UNITLESS = meta({ kind: 'count', scale: 1, unit: '', decimals: 0 });

/** Readable expectations: "_" stands for the no-break space, "−" is the minus sign. */
const nb = (s: string) => s.replaceAll('_', NBSP);

describe('formatNumber', () => {
	it.each<[number, number | undefined, string]>([
		[1234.5, 1, '1.234,5'],
		[1234.56, 1, '1.234,6'],
		[1234, 0, '1.234'],
		[1234567.891, 2, '1.234.567,89'],
		[0.5, 0, '1'],
		[12, 1, '12,0'],
		[-2, 0, `${MINUS}2`],
		[-1234.5, 1, `${MINUS}1.234,5`],
		[-0.04, 1, '0,0'],
		[-0, 0, '0'],
		[12.5, undefined, '12,5'],
		[1 / 3, undefined, '0,333333'],
		[1000, undefined, '1.000']
	])('formatNumber(%s, %s) -> %s', (v, decimals, expected) => {
		expect(formatNumber(v, decimals)).toBe(expected);
	});

	it.each([Number.NaN, Infinity, -Infinity])('throws for %s', (v) => {
		expect(() => formatNumber(v, 1)).toThrow(RangeError);
	});

	it.each([-1, 7, 1.5])('throws for %s decimals', (d) => {
		expect(() => formatNumber(1, d)).toThrow(RangeError);
	});
});

describe('formatCount', () => {
	it.each([
		[0, '0'],
		[999, '999'],
		[1234, '1.234'],
		[1000000, '1.000.000']
	])('%s -> %s', (n, expected) => {
		expect(formatCount(n)).toBe(expected);
	});
});

describe('formatValue', () => {
	it.each<[Cell, IndicatorMeta, string]>([
		[{ status: 'ok', value: 12.34, numerator: 1, denominator: 8 }, PERCENT, nb('12,3_%')],
		[{ status: 'ok', value: 1234, numerator: 1234 }, PERSONS, nb('1.234_Personen')],
		[{ status: 'ok', value: 4.56, numerator: 4, denominator: 877 }, PER_1000, nb('4,6_je 1.000 Kinder')],
		[{ status: 'ok', value: 7, numerator: 7 }, UNITLESS, '7'],
		[{ status: 'missing' }, PERCENT, 'keine Daten'],
		[{ status: 'suppressed' }, PERSONS, 'geheim gehalten']
	])('%j -> %s', (cell, m, expected) => {
		expect(formatValue(cell, m)).toBe(expected);
	});
});

describe('formatRange', () => {
	it.each<[number, number, IndicatorMeta, string]>([
		[12, 15.44, PERCENT, nb('12,0_–_15,4_%')],
		[0, 1234, PERSONS, nb('0_–_1.234_Personen')],
		[12.01, 12.04, PERCENT, nb('12,0_%')],
		[-1.5, 2, PERCENT, nb(`${MINUS}1,5_–_2,0_%`)]
	])('(%s, %s) -> %s', (lo, hi, m, expected) => {
		expect(formatRange(lo, hi, m)).toBe(expected);
	});

	it('uses an en dash, not a hyphen', () => {
		expect(formatRange(1, 2, PERCENT)).toContain('–');
		expect(formatRange(1, 2, PERCENT)).not.toContain('-');
	});

	it('labels every class of a classification', () => {
		expect(formatClassLabels([1, 2.8, 4.6, 10], PERCENT)).toEqual([
			nb('1,0_–_2,8_%'),
			nb('2,8_–_4,6_%'),
			nb('4,6_–_10,0_%')
		]);
		expect(formatClassLabels([1, 123, 1244, 1244], PERSONS).at(-1)).toBe(nb('1.244_Personen'));
		expect(formatClassLabels([], PERCENT)).toEqual([]);
	});
});

describe('formatDifference', () => {
	it.each<[number, number, IndicatorMeta, string]>([
		[35.2, 34, PERCENT, nb('+1,2_Prozentpunkte')],
		[30, 34.5, PERCENT, nb(`${MINUS}4,5_Prozentpunkte`)],
		[30, 30.04, PERCENT, nb('±0,0_Prozentpunkte')],
		[31, 30, meta({ decimals: 0 }), nb('+1_Prozentpunkt')],
		[1000, 1012, PERSONS, nb(`${MINUS}12_Personen`)],
		[5.6, 4.8, PER_1000, nb('+0,8_je 1.000 Kinder')],
		[2500, 1000, PERSONS, nb('+1.500_Personen')],
		[3, 3, UNITLESS, '±0']
	])('(%s, %s) -> %s', (a, b, m, expected) => {
		expect(formatDifference(a, b, m)).toBe(expected);
	});

	it('short: percentage points as "Pp.", other units as they are', () => {
		expect(formatDifference(30, 34.5, PERCENT, { short: true })).toBe(nb(`${MINUS}4,5_Pp.`));
		expect(formatDifference(1000, 1012, PERSONS, { short: true })).toBe(nb(`${MINUS}12_Personen`));
	});
});

describe('dativePlural', () => {
	it.each([
		['Stadtteile', 'Stadtteilen'],
		['Stadtbezirke', 'Stadtbezirken'],
		['Viertel', 'Vierteln'],
		['Ortsteilgebieter', 'Ortsteilgebietern'],
		['Bezirken', 'Bezirken'],
		['Quartiers', 'Quartiers']
	])('%s -> %s', (plural, dative) => expect(dativePlural(plural)).toBe(dative));
});
