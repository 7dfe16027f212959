import { describe, expect, test } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import { areasGeoJson } from './geoExport';
import { RATIO } from './fixtures.test-helpers';
import type { Cell } from './types';

const areas: FeatureCollection<Geometry, { key: string; name: string }> = {
	type: 'FeatureCollection',
	features: ['1', '2', '3'].map((key, i) => ({
		type: 'Feature',
		properties: { key, name: `Gebiet ${key}` },
		geometry: {
			type: 'Polygon',
			coordinates: [
				[
					[9.123456789 + i, 48.1],
					[9.2, 48.1],
					[9.2, 48.2],
					[9.123456789 + i, 48.1]
				]
			]
		}
	}))
};
const cells = new Map<string, Cell>([
	['1', { status: 'ok', value: 31.25, numerator: 125, denominator: 400, partial: true }],
	['2', { status: 'suppressed' }]
]);
const info = {
	levelLabel: 'Stadtteil',
	levelPlural: 'Stadtteile',
	built: '2024-12-31',
	demoNote: 'Demodaten – nicht amtlich',
	geometryNote: 'schematisch'
};

describe('areasGeoJson', () => {
	test('every area with the value as shown, its counts, status and source', () => {
		const fc = areasGeoJson(areas, cells, RATIO, 2024, info);
		expect(fc.features.map((f) => f.properties)).toEqual([
			expect.objectContaining({
				schluessel: '1',
				wert: 31.3,
				zaehler: 125,
				nenner: 400,
				status: 'Wert',
				teilweise: true
			}),
			expect.objectContaining({ schluessel: '2', wert: null, zaehler: null, status: 'geheim gehalten' }),
			expect.objectContaining({ schluessel: '3', wert: null, status: 'keine Daten', teilweise: false })
		]);
		expect(fc.features[0]!.properties).toMatchObject({
			jahr: 2024,
			einheit: '%',
			quelle: 'Test',
			demodaten: true,
			indikator: 'Betreuungsquote U3'
		});
		expect(fc.metadaten).toEqual({
			titel: 'Betreuungsquote U3 2024 nach Stadtteilen',
			quelle: 'Test',
			stand: '2024-12-31',
			geometrie: 'schematisch',
			hinweis: 'Demodaten – nicht amtlich'
		});
	});

	test('coordinates rounded to 6 decimals; the input is not changed', () => {
		const fc = areasGeoJson(areas, cells, { ...RATIO, demo: false }, 2024, info);
		const ring = (fc.features[0]!.geometry as { coordinates: number[][][] }).coordinates[0]!;
		expect(ring[0]).toEqual([9.123457, 48.1]);
		expect((areas.features[0]!.geometry as { coordinates: number[][][] }).coordinates[0]![0]).toEqual([
			9.123456789, 48.1
		]);
		expect(fc.metadaten.hinweis).toBeUndefined();
		expect(JSON.parse(JSON.stringify(fc))).toEqual(fc);
	});
});
