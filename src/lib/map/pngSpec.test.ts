import { describe, expect, test } from 'vitest';
import { buildChoropleth } from '$lib/domain/choropleth';
import { CATALOG, RATIO } from '$lib/domain/fixtures.test-helpers';
import type { Cell } from '$lib/domain/types';
import { changeCells } from '$lib/domain/change';
import { buildChangeChoropleth } from '$lib/domain/changeChoropleth';
import { VALUES } from '$lib/domain/fixtures.test-helpers';
import type { ValuesWire } from '$lib/domain/types';
import { changePicture, gapPicture, indicatorPicture, pictureFooter } from './pngSpec';

const ctx = {
	city: CATALOG.city,
	built: '2024-12-31',
	today: '2026-12-03',
	url: 'https://example.org/?indikator=quote'
};
const ok = (value: number): Cell => ({ status: 'ok', value, numerator: value, denominator: 100 });

describe('indicatorPicture', () => {
	const cells = new Map<string, Cell>([
		['1', ok(10)],
		['2', ok(20)],
		['3', ok(30)],
		['4', ok(40)],
		['5', { status: 'suppressed' }],
		['6', { status: 'missing' }]
	]);
	const choropleth = buildChoropleth(cells, RATIO, 'equal', 3, []);

	test('title, year, unit and level; classes highest first with counts; withheld and missing', () => {
		const spec = indicatorPicture(RATIO, 2024, 'Stadtteile', choropleth, 'gleiche Abstände, 3 Klassen', ctx);
		expect(spec.title).toBe('Betreuungsquote U3');
		expect(spec.subtitle).toBe('2024 · % · Stadtteile · Bildungslandkarte Testdorf');
		expect(spec.legend.map((l) => l.count)).toEqual([
			'2 Gebiete',
			'1 Gebiet',
			'1 Gebiet',
			'1 Gebiet',
			'1 Gebiet'
		]);
		expect(spec.legend.at(-2)).toMatchObject({ label: 'geheim gehalten', hatch: true });
		expect(spec.legend.at(-1)).toMatchObject({ label: 'keine Daten' });
		expect(spec.notes[0]).toBe('Dunkler = bessere Versorgung. Einteilung: gleiche Abstände, 3 Klassen.');
		expect(spec.notes[1]).toBe('Quelle: Test, 2024.');
		expect(spec.demo).toBe('Demodaten – nicht amtlich');
	});

	test('Lernorte shown on the map follow the classes as points', () => {
		const spec = indicatorPicture(RATIO, 2024, 'Stadtteile', choropleth, 'x', {
			...ctx,
			points: [{ label: 'formale Lernorte', color: '#1b9e77' }]
		});
		expect(spec.legend.at(-1)).toEqual({ label: 'formale Lernorte', color: '#1b9e77', dot: true });
	});

	test('no withheld or missing rows when there are none; no demo band for official data', () => {
		const clean = buildChoropleth(
			new Map([
				['1', ok(1)],
				['2', ok(2)],
				['3', ok(3)]
			]),
			RATIO,
			'equal',
			3,
			[]
		);
		const spec = indicatorPicture({ ...RATIO, demo: false }, 2024, 'Stadtteile', clean, 'x', ctx);
		expect(spec.legend.map((l) => l.label)).not.toContain('keine Daten');
		expect(spec.legend.map((l) => l.label)).not.toContain('geheim gehalten');
		expect(spec.demo).toBeUndefined();
	});
});

describe('pictureFooter', () => {
	test('geometry, schematic note, dates in German form, the link', () => {
		expect(pictureFooter(ctx)).toEqual([
			'Geometrie: Test',
			'Schematische Gebietsgrenzen: aus den Mittelpunkten der Stadtteile abgeleitet, nicht amtlich.',
			'Stand der Daten: 31.12.2024 · erstellt am 03.12.2026 mit der Bildungslandkarte Testdorf',
			'Ansicht: https://example.org/?indikator=quote'
		]);
		expect(pictureFooter({ ...ctx, city: { ...ctx.city, geometry: 'official' } })).toHaveLength(3);
	});
});

describe('changePicture', () => {
	test('years, unit of the difference, classes from the strongest increase, reading and sources', () => {
		const values: ValuesWire = {
			...VALUES,
			indicators: {
				quote: {
					'2023': { stadtteil: { n: [10, 20, 'g', 5], d: [100, 100, null, 100] } },
					'2024': { stadtteil: { n: [14, 18, 6, 5], d: [100, 100, 20, 100] } }
				}
			}
		};
		const change = buildChangeChoropleth(changeCells(values, RATIO, 'stadtteil', 2023, 2024), RATIO, 3);
		const spec = changePicture(RATIO, 2023, 2024, 'Stadtteile', change, ctx);
		expect(spec.subtitle).toContain('2023 → 2024');
		expect(spec.legendTitle).toBe('Veränderung (Prozentpunkte), oben die stärkste Zunahme');
		expect(spec.legend[0]!.color).toBe(change.colors.at(-1));
		expect(spec.legend.at(-1)).toMatchObject({ label: 'geheim gehalten', count: '1 Gebiet', hatch: true });
		expect(spec.notes[0]).toMatch(
			/^Zunahme: Verbesserung; Abnahme: Verschlechterung\. 3 Klassen gleicher Breite um null/
		);
		expect(spec.notes[1]).toBe('Quelle: Test, 2023 und 2024.');
	});
});

describe('gapPicture', () => {
	test('phase, classes with counts, thresholds and footer', () => {
		const spec = gapPicture(
			'Frühe Bildung',
			'0–3 Jahre',
			2024,
			'Stadtteile',
			[
				{ gapClass: 'luecke', label: 'Förderlücke', description: '', color: '#b00', count: 12 },
				{ gapClass: 'gut', label: 'gut versorgt', description: '', color: '#0b0', count: 1 }
			] as never,
			'Bedarf über der Schwelle 0,5.',
			true,
			ctx
		);
		expect(spec.title).toBe('Förderlücken · Frühe Bildung');
		expect(spec.subtitle).toBe('0–3 Jahre · 2024 · Stadtteile · Bildungslandkarte Testdorf');
		expect(spec.legend.map((l) => `${l.label} ${l.count}`)).toEqual([
			'Förderlücke 12 Gebiete',
			'gut versorgt 1 Gebiet'
		]);
		expect(spec.notes[0]).toBe('Bedarf über der Schwelle 0,5.');
		expect(spec.demo).toBeTruthy();
	});
});
