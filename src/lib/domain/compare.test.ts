import { describe, expect, test } from 'vitest';
import { compareUnits, defaultCompareIndicators, rowYear } from './compare';
import { CATALOG, COUNT, RATIO, VALUES } from './fixtures.test-helpers';
import type { Catalog, ValuesWire } from './types';

// The fixture city with values for its Bildungsregionen (as the build writes them: sums of
// numerators over sums of denominators) and a 2023 that only the ratio has.
const values: ValuesWire = {
	...VALUES,
	indicators: {
		...VALUES.indicators,
		quote: {
			...VALUES.indicators.quote,
			'2024': {
				...VALUES.indicators.quote!['2024']!,
				// nord = Bezirk 1 (101 + 102): (10 + 30) / (100 + 100); hallschlag = 202: no data.
				bildungsregion: { n: [40, null], d: [200, null] }
			},
			'2023': {
				stadtteil: { n: [12, 28, 5, 6], d: [100, 100, 20, 30] },
				stadt: { n: [51], d: [250] }
			}
		}
	}
};
const catalog: Catalog = {
	...CATALOG,
	indicators: [
		{ ...RATIO, years: [2023, 2024] },
		{ ...COUNT, years: [2024] }
	]
};

describe('compareUnits', () => {
	test('units of every kind side by side, each with the city value and the difference', () => {
		const c = compareUnits(
			catalog,
			values,
			[
				{ kind: 'stadtteil', key: '101' },
				{ kind: 'stadtteil', key: '102' },
				{ kind: 'bildungsregion', key: 'nord' },
				{ kind: 'stadt', key: '08000000' }
			],
			['quote'],
			2024
		);
		expect(c.problems).toEqual([]);
		expect(c.units.map((u) => `${u.kindLabel} ${u.name}`)).toEqual([
			'Stadtteil Eins-Nord',
			'Stadtteil Eins-Süd',
			'Bildungsregion Nord',
			'Stadt Testdorf'
		]);
		const row = c.rows[0]!;
		expect(row.year).toBe(2024);
		expect(row.yearNote).toBeUndefined();
		expect(row.differenceUnit).toBe('Prozentpunkte');
		// City: 55 of 300 = 18.33 %.
		expect(row.city).toMatchObject({ status: 'ok', numerator: 55, denominator: 300 });
		const city = 55 / 3;
		expect(row.cells.map((x) => x.cell.status === 'ok' && x.cell.value)).toEqual([10, 30, 20, city]);
		// The region is sum over sum of its Stadtteile (40 / 200 = 20 %), not the mean of their rates.
		expect(row.cells[2]!.cell).toMatchObject({ numerator: 40, denominator: 200 });
		row.cells.slice(0, 3).forEach((x, i) => expect(x.difference).toBeCloseTo([10, 30, 20][i]! - city, 9));
		expect(row.cells[3]!.difference).toBe(0);
	});

	test('suppressed and missing values have no difference and stay what they are', () => {
		const c = compareUnits(
			catalog,
			values,
			[
				{ kind: 'stadtteil', key: '201' },
				{ kind: 'stadtteil', key: '202' },
				{ kind: 'bildungsregion', key: 'hallschlag' }
			],
			['quote'],
			2024
		);
		expect(c.rows[0]!.cells).toEqual([
			{ cell: { status: 'suppressed' }, difference: null },
			{ cell: { status: 'missing' }, difference: null },
			{ cell: { status: 'missing' }, difference: null }
		]);
	});

	test('one year per row: an indicator without the year asked for uses its newest, and says so', () => {
		const c = compareUnits(
			catalog,
			values,
			[{ kind: 'stadtteil', key: '101' }],
			['quote', 'einwohner'],
			2023
		);
		expect(c.rows.map((r) => [r.indicator.id, r.year, r.yearNote])).toEqual([
			['quote', 2023, undefined],
			['einwohner', 2024, 'Werte von 2024; für 2023 liegen keine vor']
		]);
		expect(c.rows[0]!.cells[0]!.cell).toMatchObject({ value: 12 });
		expect(c.rows[1]!.differenceUnit).toBe('Personen');
		expect(c.rows[1]!.cells[0]!.difference).toBe(1000 - 5000);
	});

	test('without a year every row takes its indicator’s newest', () => {
		const c = compareUnits(catalog, values, [{ kind: 'stadtteil', key: '101' }], ['quote'], null);
		expect(c.rows[0]!.year).toBe(2024);
		expect(c.rows[0]!.yearNote).toBeUndefined();
	});

	test('unknown units and indicators are left out and named; a unit named twice counts once', () => {
		const c = compareUnits(
			catalog,
			values,
			[
				{ kind: 'stadtteil', key: '101' },
				{ kind: 'stadtteil', key: '999' },
				{ kind: 'stadtteil', key: '101' },
				{ kind: 'bildungsregion', key: 'sued' }
			],
			['quote', 'zirkus'],
			2024
		);
		expect(c.units.map((u) => u.key)).toEqual(['101']);
		expect(c.rows.map((r) => r.indicator.id)).toEqual(['quote']);
		expect(c.problems).toEqual([
			'Stadtteil „999“ gibt es nicht',
			'Bildungsregion „sued“ gibt es nicht',
			'Indikator „zirkus“ gibt es nicht'
		]);
	});

	test('does not change its inputs', () => {
		const before = structuredClone({ catalog, values });
		compareUnits(catalog, values, [{ kind: 'stadtteil', key: '101' }], ['quote', 'einwohner'], 2023);
		expect({ catalog, values }).toEqual(before);
	});
});

describe('rowYear', () => {
	test.each([
		[[2023, 2024], 2024, { year: 2024 }],
		[[2023, 2024], null, { year: 2024 }],
		[[2022, 2023], 2024, { year: 2023, note: 'Werte von 2023; für 2024 liegen keine vor' }],
		[[2024, 2022], 2023, { year: 2024, note: 'Werte von 2024; für 2023 liegen keine vor' }]
	])('years %j, asked %s', (years, asked, expected) => {
		expect(rowYear({ ...RATIO, years }, asked)).toEqual(expected);
	});

	test('an indicator without years is a bug upstream', () => {
		expect(() => rowYear({ ...RATIO, years: [] }, 2024)).toThrow('has no years');
	});
});

describe('defaultCompareIndicators', () => {
	test('the first ratio indicator of each phase, in phase order, at most max', () => {
		const phases = [
			{ id: 'fruehe' as const, label: 'Frühe Bildung' },
			{ id: 'primar' as const, label: 'Primar' },
			{ id: 'kontext' as const, label: 'Kontext' }
		];
		const indicators = [
			{ ...COUNT, id: 'kinder', phases: ['fruehe' as const] },
			{ ...RATIO, id: 'quote_a', phases: ['fruehe' as const] },
			{ ...RATIO, id: 'quote_b', phases: ['fruehe' as const] },
			{ ...RATIO, id: 'sgb2', phases: ['kontext' as const] },
			{ ...RATIO, id: 'leer', phases: ['primar' as const], years: [] }
		];
		expect(defaultCompareIndicators({ phases, indicators }, 6)).toEqual(['quote_a', 'sgb2']);
		expect(defaultCompareIndicators({ phases, indicators }, 1)).toEqual(['quote_a']);
	});
});
