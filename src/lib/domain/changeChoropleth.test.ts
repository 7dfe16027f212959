import { describe, expect, test } from 'vitest';
import type { ChangeCell } from './change';
import {
	buildChangeChoropleth,
	changeCaption,
	changeClassCount,
	changeReading,
	changeText,
	fixedBreaksNote,
	formatChangeRange,
	formatSigned
} from './changeChoropleth';
import { CLASS_MISSING, CLASS_SUPPRESSED } from './choropleth';
import { RATIO } from './fixtures.test-helpers';
import { divergingPaletteFor } from './palette';
import type { Cell, IndicatorMeta } from './types';

const ok = (value: number): Cell => ({ status: 'ok', value, numerator: value });
const MISSING: Cell = { status: 'missing' };
const SUPPRESSED: Cell = { status: 'suppressed' };

function change(from: Cell, to: Cell): ChangeCell {
	const c = from.status === 'ok' && to.status === 'ok' ? to.value - from.value : null;
	return { from, to, change: c };
}

type Meta = Pick<IndicatorMeta, 'direction' | 'decimals'>;
const need: Meta = { direction: 'need', decimals: 1 };
const better: Meta = { direction: 'better', decimals: 1 };

// Largest change ±5: five classes of width 2 from −5 to +5, edges at −3, −1, 1, 3.
const CELLS = new Map<string, ChangeCell>([
	['a', change(ok(10), ok(15))],
	['b', change(ok(10), ok(12))],
	['c', change(ok(10), ok(10))],
	['d', change(ok(10), ok(9.5))],
	['e', change(ok(10), ok(6))],
	['f', change(MISSING, ok(6))],
	['g', change(ok(1), SUPPRESSED)],
	['h', change(SUPPRESSED, MISSING)],
	['i', change(MISSING, SUPPRESSED)]
]);

describe('buildChangeChoropleth', () => {
	test('classes of equal width around zero, decrease to increase', () => {
		const c = buildChangeChoropleth(CELLS, need, 5);
		expect(c.breaks).toEqual([-5, -3, -1, 1, 3, 5]);
		expect(Object.fromEntries(c.classes)).toEqual({
			a: 4,
			b: 3,
			c: 2,
			d: 2,
			e: 0,
			f: CLASS_MISSING,
			g: CLASS_SUPPRESSED,
			h: CLASS_SUPPRESSED,
			i: CLASS_MISSING
		});
		expect(c.missing).toBe(2);
		expect(c.suppressed).toBe(2);
		expect(c.colors).toEqual(divergingPaletteFor('need', 5));
		expect(c.legend.map((l) => [l.label, l.count])).toEqual([
			['−5,0 bis −3,0', 1],
			['−3,0 bis −1,0', 0],
			['−1,0 bis +1,0', 2],
			['+1,0 bis +3,0', 1],
			['+3,0 bis +5,0', 1]
		]);
	});

	test('the palette follows the direction: the same rise is warm for need, cool for better', () => {
		const cls = (meta: Meta) => buildChangeChoropleth(CELLS, meta, 5);
		const a = cls(need);
		const b = cls(better);
		expect(a.classes.get('a')).toBe(b.classes.get('a'));
		expect(a.colors[4]).toBe(b.colors[0]);
	});

	test('with 3 and 7 classes the middle class holds zero', () => {
		for (const k of [3, 7]) {
			const c = buildChangeChoropleth(CELLS, need, k);
			expect(c.breaks).toHaveLength(k + 1);
			expect(c.classes.get('c')).toBe((k - 1) / 2);
			expect(c.legend).toHaveLength(k);
		}
	});

	test('no change anywhere: one neutral class', () => {
		const same = new Map([
			['a', change(ok(3), ok(3))],
			['b', change(MISSING, ok(1))]
		]);
		const c = buildChangeChoropleth(same, need, 5);
		expect(c.breaks).toEqual([]);
		expect(c.classes.get('a')).toBe(0);
		expect(c.classes.get('b')).toBe(CLASS_MISSING);
		expect(c.colors).toEqual([divergingPaletteFor('need', 5)[2]]);
		expect(c.legend).toEqual([{ label: '0,0', color: c.colors[0], count: 1, from: 0, to: 0 }]);
	});

	test('no known change at all: no classes', () => {
		const c = buildChangeChoropleth(new Map([['a', change(MISSING, MISSING)]]), need, 5);
		expect(c.colors).toEqual([]);
		expect(c.legend).toEqual([]);
		expect(c.missing).toBe(1);
	});

	test('refuses an even class count', () => {
		expect(() => buildChangeChoropleth(CELLS, need, 4)).toThrow(RangeError);
	});

	test('does not change its input', () => {
		const before = structuredClone([...CELLS]);
		buildChangeChoropleth(CELLS, need, 5);
		expect([...CELLS]).toEqual(before);
	});
});

describe('changeClassCount', () => {
	test.each([
		[3, 3],
		[4, 5],
		[5, 5],
		[6, 7],
		[7, 7]
	])('%i -> %i', (k, expected) => expect(changeClassCount(k)).toBe(expected));

	test.each([2, 8, 4.5, Number.NaN])('throws for %s', (k) => {
		expect(() => changeClassCount(k)).toThrow(RangeError);
	});
});

describe('formatting', () => {
	test.each([
		[2.14, 1, '+2,1'],
		[-2, 0, '−2'],
		[0, 1, '0,0'],
		[-0.04, 1, '0,0'],
		[1234.5, 1, '+1.234,5']
	])('formatSigned(%s, %i) -> %s', (v, d, expected) => expect(formatSigned(v, d)).toBe(expected));

	test('formatChangeRange', () => {
		expect(formatChangeRange(-1.5, 1.5, 1)).toBe('−1,5 bis +1,5');
		expect(formatChangeRange(2, 2.01, 1)).toBe('+2,0');
	});

	test('changeCaption names the span and the unit of a difference', () => {
		expect(changeCaption({ unit: '%' }, 2021, 2024)).toBe('Veränderung 2021 → 2024, in Prozentpunkten');
		expect(changeCaption({ unit: 'je 1.000 Kinder' }, 2022, 2024)).toBe(
			'Veränderung 2022 → 2024 (je 1.000 Kinder)'
		);
		expect(changeCaption({ unit: '' }, 2022, 2024)).toBe('Veränderung 2022 → 2024');
	});

	test('changeText: the difference with its unit, or why there is none', () => {
		const quote = { ...RATIO };
		expect(changeText(change(ok(31.1), ok(34.5)), quote)).toBe('+3,4\u00a0Prozentpunkte');
		expect(changeText(change(ok(3), ok(3)), quote)).toBe('±0,0\u00a0Prozentpunkte');
		expect(changeText({ ...change(MISSING, ok(1)), reason: 'keine Daten für 2021' }, quote)).toBe(
			'nicht berechenbar (keine Daten für 2021)'
		);
	});

	test('fixedBreaksNote names the span of years', () => {
		expect(fixedBreaksNote([2022, 2021, 2024])).toBe('Grenzen über 2021–2024 gleich');
		expect(() => fixedBreaksNote([])).toThrow(RangeError);
	});

	test('changeReading says what a rise means', () => {
		expect(changeReading('need').increase).toBe('Zunahme: mehr Bedarf');
		expect(changeReading('better').decrease).toBe('Abnahme: Verschlechterung');
		expect(changeReading('context')).toEqual({ increase: 'Zunahme', decrease: 'Abnahme' });
		expect(() => changeReading('worse' as 'need')).toThrow(RangeError);
	});
});
