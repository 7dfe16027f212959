import { describe, expect, it, test } from 'vitest';
import { NBSP } from './format';
import { LERNORT_TYPES } from './lernortTypes';
import { areaTooltip, DEMO_NOTE, gapTooltip, lernortTooltip, SUPPRESSED_NOTE } from './tooltip';
import type { ChangeCell } from './change';
import type { Cell, IndicatorMeta, Lernort } from './types';

const QUOTE: IndicatorMeta = {
	id: 'betreuung_u3',
	title: 'Betreuungsquote U3',
	definition: 'Kinder unter 3 Jahren in Betreuung je 100 Kinder unter 3 Jahren',
	kind: 'ratio',
	scale: 100,
	unit: '%',
	decimals: 1,
	numeratorLabel: 'Kinder in Betreuung',
	denominatorLabel: 'Kinder unter 3',
	phases: ['fruehe'],
	direction: 'better',
	source: 'Statistisches Amt',
	years: [2023, 2024],
	public: true,
	demo: false
};
const PERSONS: IndicatorMeta = {
	...QUOTE,
	id: 'einwohner',
	title: 'Einwohner',
	kind: 'count',
	scale: 1,
	unit: 'Personen',
	decimals: 0,
	numeratorLabel: undefined,
	denominatorLabel: undefined
};

const KITA_TYPE = LERNORT_TYPES.find((t) => t.id === 'kita')!;
const KITA: Lernort = {
	id: 'k1',
	name: 'Kita Sonnenschein',
	type: 'kita',
	category: 'formal',
	phases: ['fruehe', 'elementar'],
	lon: 9.18,
	lat: 48.78,
	address: 'Hauptstraße 1, 70173 Stuttgart',
	capacity: 1075,
	source: 'Jugendamt',
	stadtteil: '101',
	demo: false
};

const nb = (s: string) => s.replaceAll('_', NBSP);

describe('areaTooltip', () => {
	it.each<{ name: string; cell: Cell; meta: IndicatorMeta; lines: string[] }>([
		{
			name: 'ratio with numerator and denominator',
			cell: { status: 'ok', value: 34.55, numerator: 123, denominator: 356 },
			meta: QUOTE,
			lines: [
				'Stadtbezirk',
				nb('Betreuungsquote U3 2024: 34,6_%'),
				'Kinder in Betreuung: 123',
				'Kinder unter 3: 356'
			]
		},
		{
			name: 'ratio without labels',
			cell: { status: 'ok', value: 10, numerator: 1, denominator: 10 },
			meta: { ...QUOTE, numeratorLabel: undefined, denominatorLabel: undefined },
			lines: ['Stadtbezirk', nb('Betreuungsquote U3 2024: 10,0_%')]
		},
		{
			name: 'count',
			cell: { status: 'ok', value: 12345, numerator: 12345 },
			meta: PERSONS,
			lines: ['Stadtbezirk', nb('Einwohner 2024: 12.345_Personen')]
		},
		{
			name: 'missing',
			cell: { status: 'missing' },
			meta: QUOTE,
			lines: ['Stadtbezirk', 'Betreuungsquote U3 2024: keine Daten']
		},
		{
			name: 'suppressed with the reason',
			cell: { status: 'suppressed' },
			meta: QUOTE,
			lines: ['Stadtbezirk', 'Betreuungsquote U3 2024: geheim gehalten', SUPPRESSED_NOTE]
		},
		{
			name: 'demo data',
			cell: { status: 'ok', value: 5, numerator: 5 },
			meta: { ...PERSONS, demo: true },
			lines: ['Stadtbezirk', nb('Einwohner 2024: 5_Personen'), DEMO_NOTE]
		}
	])('$name', ({ cell, meta, lines }) => {
		expect(areaTooltip('Bad Cannstatt', 'Stadtbezirk', cell, meta, 2024)).toEqual({
			title: 'Bad Cannstatt',
			lines
		});
	});

	it('does not mutate input', () => {
		const cell: Cell = Object.freeze({ status: 'ok', value: 34.5, numerator: 123, denominator: 356 });
		const meta = Object.freeze({ ...QUOTE });
		areaTooltip('Mitte', 'Stadtteil', cell, meta, 2024);
		expect(cell).toEqual({ status: 'ok', value: 34.5, numerator: 123, denominator: 356 });
		expect(meta).toEqual(QUOTE);
	});

	describe('on the change map', () => {
		const ok = (value: number): Cell => ({ status: 'ok', value, numerator: value });
		it.each<{ name: string; change: ChangeCell; meta: IndicatorMeta; last: string[] }>([
			{
				name: 'both values and the change in percentage points',
				change: { from: ok(31.1), to: ok(34.5), change: 3.4 },
				meta: QUOTE,
				last: [nb('2021: 31,1_%'), nb('2024: 34,5_%'), nb('Veränderung: +3,4_Prozentpunkte')]
			},
			{
				name: 'a fall of a count, with the demo note',
				change: { from: ok(1200), to: ok(1150), change: -50 },
				meta: { ...PERSONS, demo: true },
				last: [
					nb('2021: 1.200_Personen'),
					nb('2024: 1.150_Personen'),
					nb('Veränderung: −50_Personen'),
					DEMO_NOTE
				]
			},
			{
				name: 'no change when a year is withheld, with the reason',
				change: {
					from: ok(31.1),
					to: { status: 'suppressed' },
					change: null,
					reason: '2024 geheim gehalten'
				},
				meta: QUOTE,
				last: [
					nb('2021: 31,1_%'),
					'2024: geheim gehalten',
					'Veränderung: nicht berechenbar (2024 geheim gehalten)'
				]
			}
		])('$name', ({ change, meta, last }) => {
			const t = areaTooltip('Mitte', 'Stadtteil', change.to, meta, 2024, { fromYear: 2021, cell: change });
			expect(t).toEqual({ title: 'Mitte', lines: ['Stadtteil', meta.title, ...last] });
		});
	});
});

describe('lernortTooltip', () => {
	it('shows type, category, address, phases and capacity', () => {
		expect(lernortTooltip(KITA, KITA_TYPE)).toEqual({
			title: 'Kita Sonnenschein',
			lines: [
				'Kita (formal)',
				'Hauptstraße 1, 70173 Stuttgart',
				'Bildungsphasen: Frühe Bildung, Elementarbereich',
				'Kapazität: 1.075'
			]
		});
	});

	it.each<{ name: string; lernort: Lernort; lines: string[] }>([
		{
			name: 'without address, phases and capacity',
			lernort: { ...KITA, address: '  ', phases: [], capacity: undefined },
			lines: ['Kita (formal)']
		},
		{
			name: 'non-formal demo place',
			lernort: {
				...KITA,
				type: 'bibliothek',
				category: 'nonformal',
				phases: ['sek2'],
				capacity: undefined,
				demo: true
			},
			lines: [
				'Stadtteilbibliothek (non-formal)',
				'Hauptstraße 1, 70173 Stuttgart',
				'Bildungsphasen: Sekundarstufe II / Übergang Schule–Beruf',
				DEMO_NOTE
			]
		}
	])('$name', ({ lernort, lines }) => {
		const typeDef = LERNORT_TYPES.find((t) => t.id === lernort.type);
		expect(lernortTooltip(lernort, typeDef).lines).toEqual(lines);
	});

	it('falls back to the type id for an unknown type', () => {
		expect(lernortTooltip({ ...KITA, type: 'zirkus', category: 'informal' }, undefined).lines[0]).toBe(
			'zirkus (informell)'
		);
	});

	it('does not mutate input', () => {
		const lernort = structuredClone(KITA);
		Object.freeze(lernort.phases);
		lernortTooltip(Object.freeze(lernort), KITA_TYPE);
		expect(lernort).toEqual(KITA);
	});
});

describe('gapTooltip', () => {
	// What the map has of an area's gap (gapOverview).
	const need = { index: 1.2 };
	const support = { level: 0.54 };

	test('names the class, the score, the need index with its sign and the support level', () => {
		expect(
			gapTooltip('Hallschlag', 'Stadtteil', 'Elementarbereich', {
				gapClass: 'foerderluecke',
				score: 0.405,
				need,
				support
			})
		).toEqual({
			title: 'Hallschlag',
			lines: [
				'Stadtteil',
				'Elementarbereich: Förderlücke',
				'Förderlücken-Wert 0,41',
				'Bedarfsindex +1,20 (Stadtmittel 0)',
				'Unterstützung 54 %'
			]
		});
	});

	test('an unknown class gives its reason instead of numbers', () => {
		const content = gapTooltip('Rathaus', 'Stadtteil', 'Sekundarstufe I', {
			gapClass: 'unbekannt',
			score: null,
			need: { index: null },
			support: { level: null },
			reason: 'Zu wenige Bedarfsindikatoren mit Wert'
		});
		expect(content.lines).toEqual([
			'Stadtteil',
			'Sekundarstufe I: Keine Aussage möglich',
			'Zu wenige Bedarfsindikatoren mit Wert'
		]);
	});
});
