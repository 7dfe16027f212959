import { describe, expect, test } from 'vitest';
import { compareUnits } from './compare';
import {
	changeTable,
	compareTable,
	matrixTable,
	rankingTable,
	scatterTable,
	shownValue
} from './compareTables';
import { changeCells } from './change';
import { GAP_CLASSES } from './gaps';
import type { ValuesWire } from './types';
import { CATALOG, COUNT, RATIO, VALUES } from './fixtures.test-helpers';
import { rankAreas } from './ranking';
import { scatterData } from './scatter';
import { tableCsv } from './tableExport';

describe('shownValue', () => {
	test.each([
		[{ status: 'ok' as const, value: 31.249, numerator: 1 }, 31.2],
		[{ status: 'ok' as const, value: 31.25, numerator: 1 }, 31.3],
		[{ status: 'ok' as const, value: -1.25, numerator: 1 }, -1.3],
		[{ status: 'ok' as const, value: -0.04, numerator: 1 }, 0],
		[{ status: 'missing' as const }, 'keine Daten'],
		[{ status: 'suppressed' as const }, 'geheim gehalten']
	])('%j -> %s', (cell, shown) => expect(shownValue(cell, { decimals: 1 })).toBe(shown));
});

describe('compareTable', () => {
	test('a value and a difference column per unit, the city, source and notes', () => {
		const c = compareUnits(
			CATALOG,
			VALUES,
			[
				{ kind: 'stadtteil', key: '101' },
				{ kind: 'stadtbezirk', key: '2' }
			],
			['quote'],
			2024
		);
		const t = compareTable(c);
		expect(t.header).toEqual([
			'Indikator',
			'Jahr',
			'Einheit',
			'Eins-Nord (Stadtteil)',
			'Eins-Nord: Abweichung von der Stadt',
			'Zwei (Stadtbezirk)',
			'Zwei: Abweichung von der Stadt',
			'Stadt',
			'Einheit der Abweichung',
			'Quelle',
			'Hinweis'
		]);
		// 101: 10 %; city: 55 / 300 = 18.3 %; Bezirk 2 geheim gehalten.
		expect(t.rows).toEqual([
			[
				'Betreuungsquote U3',
				2024,
				'%',
				10,
				-8.3,
				'geheim gehalten',
				null,
				18.3,
				'Prozentpunkte',
				'Test',
				'Demodaten'
			]
		]);
		expect(tableCsv(t.header, t.rows, { german: true })).toContain(
			'Betreuungsquote U3;2024;%;10;-8,3;geheim gehalten;;18,3;'
		);
	});
});

describe('rankingTable', () => {
	test('the rows in their order with rank, counts and flags; the Bezirk only for Stadtteile', () => {
		const rows = rankAreas(CATALOG, VALUES, RATIO, 'stadtteil', 2024);
		const t = rankingTable(rows, RATIO, 2024, 'Stadtteil', true);
		expect(t.header.slice(0, 6)).toEqual([
			'Rang',
			'Stadtteil',
			'Stadtbezirk',
			'Betreuungsquote U3',
			'Kinder in Betreuung',
			'Kinder unter 3'
		]);
		expect(t.rows[0]).toEqual([2, 'Eins-Nord', 'Eins', 10, 10, 100, 2024, '%', 'Test', 'Demodaten']);
		expect(t.rows[2]).toEqual([
			null,
			'Zwei-West',
			'Zwei',
			'geheim gehalten',
			null,
			null,
			2024,
			'%',
			'Test',
			'Demodaten'
		]);
		// A count has no denominator column; a level labelled otherwise keeps the Bezirk column.
		const bezirke = rankingTable(
			rankAreas(CATALOG, VALUES, COUNT, 'stadtbezirk', 2024),
			COUNT,
			2024,
			'Stadtbezirk',
			false
		);
		expect(bezirke.header).toEqual([
			'Rang',
			'Stadtbezirk',
			'Einwohner',
			'Anzahl',
			'Jahr',
			'Einheit',
			'Quelle',
			'Hinweis'
		]);
		expect(bezirke.rows[0]).toEqual([1, 'Eins', 3000, 3000, 2024, 'Personen', 'Test', 'Demodaten']);
		const viertel = rankingTable(rows, RATIO, 2024, 'Viertel', true);
		expect(viertel.header.slice(0, 3)).toEqual(['Rang', 'Viertel', 'Stadtbezirk']);
		expect(viertel.rows[0]![2]).toBe('Eins');
	});
});

describe('scatterTable', () => {
	test('each point with both values and its side of the medians', () => {
		const x = { meta: RATIO, year: 2024 };
		const y = { meta: COUNT, year: 2024 };
		const t = scatterTable(scatterData(CATALOG, VALUES, x, y, 'stadtteil'), x, y, 'Stadtteil');
		expect(t.header).toEqual([
			'Stadtteil',
			'Betreuungsquote U3 (2024, %)',
			'Einwohner (2024, Personen)',
			'Betreuungsquote U3: Lage',
			'Einwohner: Lage',
			'Quelle',
			'Hinweis'
		]);
		expect(t.rows).toEqual([
			['Eins-Nord', 10, 1000, 'unter dem Median', 'unter dem Median', 'Test', 'Demodaten'],
			['Eins-Süd', 30, 2000, 'auf oder über dem Median', 'auf oder über dem Median', 'Test', 'Demodaten']
		]);
	});
});

describe('changeTable', () => {
	test('both years, the change, and the reason where there is none', () => {
		const values: ValuesWire = {
			...VALUES,
			indicators: {
				quote: {
					'2023': { stadtteil: { n: [12, 30, 'g', null], d: [100, 100, null, null] } },
					'2024': VALUES.indicators.quote!['2024']!
				}
			}
		};
		const t = changeTable(
			CATALOG.units.stadtteil,
			changeCells(values, RATIO, 'stadtteil', 2023, 2024),
			RATIO,
			2023,
			2024,
			'Stadtteil'
		);
		expect(t.header).toEqual([
			'Stadtteil',
			'Schlüssel',
			'Betreuungsquote U3 2023',
			'Betreuungsquote U3 2024',
			'Veränderung (Prozentpunkte)',
			'Einheit',
			'Quelle',
			'Hinweis'
		]);
		expect(t.rows[0]).toEqual(['Eins-Nord', '101', 12, 10, -2, '%', 'Test', 'Demodaten']);
		expect(t.rows[1]).toEqual(['Eins-Süd', '102', 30, 30, 0, '%', 'Test', 'Demodaten']);
		expect(t.rows[2]).toEqual([
			'Zwei-West',
			'201',
			'geheim gehalten',
			'geheim gehalten',
			null,
			'%',
			'Test',
			'Demodaten; 2023 geheim gehalten'
		]);
	});
});

describe('matrixTable', () => {
	test('per phase the class label and the score, rows in their order', () => {
		const t = matrixTable(
			[
				{ key: '2', name: 'Zwei', cells: [{ phase: 'fruehe', gapClass: 'foerderluecke', score: 0.42 }] },
				{
					key: '1',
					name: 'Eins',
					cells: [{ phase: 'fruehe', gapClass: 'unbekannt', score: null, reason: 'x' }]
				}
			],
			[
				{ id: 'fruehe', label: 'Frühe Bildung' },
				{ id: 'primar', label: 'Primarbereich' }
			],
			'Stadtbezirk',
			2024,
			'Demodaten'
		);
		expect(t.header).toEqual([
			'Stadtbezirk',
			'Schlüssel',
			'Frühe Bildung: Einordnung',
			'Frühe Bildung: Lückenwert',
			'Primarbereich: Einordnung',
			'Primarbereich: Lückenwert',
			'Jahr',
			'Hinweis'
		]);
		expect(t.rows[0]).toEqual(['Zwei', '2', 'Förderlücke', 0.42, null, null, 2024, 'Demodaten']);
		expect(t.rows[1]![2]).toBe(GAP_CLASSES.unbekannt.label);
	});
});
