import { describe, expect, test } from 'vitest';
import { buildChoropleth } from '$lib/domain/choropleth';
import { CATALOG, RATIO } from '$lib/domain/fixtures.test-helpers';
import type { Cell } from '$lib/domain/types';
import { indicatorPicture, pictureFooter } from './pngSpec';

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
