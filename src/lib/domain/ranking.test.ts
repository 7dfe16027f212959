import { describe, expect, test } from 'vitest';
import { areasWithin, filterRanking, rankAreas, sortRanking, type RankingRow } from './ranking';
import { CATALOG, COUNT, RATIO, VALUES } from './fixtures.test-helpers';
import type { ValuesWire } from './types';

// Stadtteile 101 and 201 tie at 30 %, 102 has 10 %, 202 is geheim gehalten.
const values: ValuesWire = {
	...VALUES,
	indicators: {
		quote: {
			'2024': { stadtteil: { n: [30, 10, 6, 'g'], d: [100, 100, 20, null] } }
		}
	}
};

const keys = (rows: RankingRow[]) => rows.map((r) => r.key);

describe('rankAreas', () => {
	test('highest value first, ties share a rank, areas without a value have none', () => {
		const rows = rankAreas(CATALOG, values, RATIO, 'stadtteil', 2024);
		expect(rows.map((r) => [r.key, r.rank])).toEqual([
			['101', 1],
			['102', 3],
			['201', 1],
			['202', null]
		]);
		expect(rows[0]).toMatchObject({ name: 'Eins-Nord', parent: '1', parentName: 'Eins' });
		expect(rows[0]!.cell).toEqual({ status: 'ok', value: 30, numerator: 30, denominator: 100 });
		expect(rows[3]!.cell).toEqual({ status: 'suppressed' });
	});

	test('a level has no parent names; a year without data ranks nothing', () => {
		const bezirke = rankAreas(CATALOG, VALUES, COUNT, 'stadtbezirk', 2024);
		expect(bezirke.map((r) => [r.key, r.rank, r.parentName])).toEqual([
			['1', 1, undefined],
			['2', 2, undefined]
		]);
		expect(rankAreas(CATALOG, VALUES, RATIO, 'stadtteil', 2023).every((r) => r.rank === null)).toBe(true);
	});
});

describe('sortRanking', () => {
	const rows = rankAreas(CATALOG, values, RATIO, 'stadtteil', 2024);

	test.each([
		['rang', 'auf', ['101', '201', '102', '202']],
		['rang', 'ab', ['102', '101', '201', '202']],
		['wert', 'auf', ['102', '101', '201', '202']],
		['wert', 'ab', ['101', '201', '102', '202']],
		['zaehler', 'auf', ['201', '102', '101', '202']],
		['nenner', 'ab', ['101', '102', '201', '202']],
		['name', 'auf', ['101', '102', '202', '201']],
		['name', 'ab', ['201', '202', '102', '101']]
	] as const)('by %s %s', (column, dir, expected) => {
		expect(keys(sortRanking(rows, column, dir))).toEqual(expected);
	});

	test('does not mutate its input', () => {
		const before = keys(rows);
		sortRanking(rows, 'name', 'ab');
		expect(keys(rows)).toEqual(before);
	});
});

describe('filterRanking', () => {
	const rows = rankAreas(CATALOG, values, RATIO, 'stadtteil', 2024);

	test('by words of the name or the Bezirk, accents and case ignored', () => {
		expect(keys(filterRanking(rows, { text: 'eins sud', within: null }))).toEqual(['102']);
		expect(keys(filterRanking(rows, { text: 'ZWEI', within: null }))).toEqual(['201', '202']);
		expect(keys(filterRanking(rows, { text: '  ', within: null }))).toEqual(keys(rows));
	});

	test('within a set of areas, ranks stay city-wide', () => {
		const shown = filterRanking(rows, { text: '', within: new Set(['102', '202']) });
		expect(shown.map((r) => [r.key, r.rank])).toEqual([
			['102', 3],
			['202', null]
		]);
	});
});

describe('areasWithin', () => {
	test('a Bezirk contains its Stadtteile, and at its own level itself', () => {
		expect(areasWithin(CATALOG, 'stadtteil', { kind: 'stadtbezirk', key: '1' })).toEqual(
			new Set(['101', '102'])
		);
		expect(areasWithin(CATALOG, 'stadtbezirk', { kind: 'stadtbezirk', key: '2' })).toEqual(new Set(['2']));
	});

	test('a Bildungsregion of Bezirke or of Stadtteile at either level', () => {
		expect(areasWithin(CATALOG, 'stadtteil', { kind: 'bildungsregion', key: 'nord' })).toEqual(
			new Set(['101', '102'])
		);
		expect(areasWithin(CATALOG, 'stadtbezirk', { kind: 'bildungsregion', key: 'nord' })).toEqual(
			new Set(['1'])
		);
		expect(areasWithin(CATALOG, 'stadtteil', { kind: 'bildungsregion', key: 'hallschlag' })).toEqual(
			new Set(['202'])
		);
		expect(areasWithin(CATALOG, 'stadtbezirk', { kind: 'bildungsregion', key: 'hallschlag' })).toEqual(
			new Set(['2'])
		);
		expect(areasWithin(CATALOG, 'stadtteil', { kind: 'bildungsregion', key: 'gibtsnicht' })).toEqual(
			new Set()
		);
	});
});
