import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import { markedAreas, notePins } from './annotationMap';
import type { Annotation } from './annotations';

const COLORS = { foerderluecke: '#a00', gutes_angebot: '#0a0', idee: '#00a', frage: '#840' };
const T = (m: number) => `2026-03-12T09:${String(m).padStart(2, '0')}:00.000Z`;
const AREA = (id: string, key: string, category: Annotation['category'], m: number, level = 'stadtteil') =>
	({ id, kind: 'area', category, text: '', level, key, created: T(m), updated: T(m) }) as Annotation;
const PIN = (id: string, m: number): Annotation => ({
	id,
	kind: 'point',
	category: 'idee',
	text: '',
	lon: 9,
	lat: 48,
	created: T(m),
	updated: T(m)
});
const SQUARE: Geometry = {
	type: 'Polygon',
	coordinates: [
		[
			[0, 0],
			[1, 0],
			[1, 1],
			[0, 0]
		]
	]
};
const FEATURES: FeatureCollection<Geometry, { key: string; name: string }> = {
	type: 'FeatureCollection',
	features: ['101', '214'].map((key) => ({
		type: 'Feature',
		geometry: SQUARE,
		properties: { key, name: key }
	}))
};

describe('notePins', () => {
	it('numbers the pins as the list, areas counted', () => {
		const pins = notePins([PIN('p2', 30), AREA('a', '214', 'frage', 10), PIN('p1', 20)], COLORS);
		expect(pins.map((p) => [p.id, p.n, p.color])).toEqual([
			['p1', 2, '#00a'],
			['p2', 3, '#00a']
		]);
	});
});

describe('markedAreas', () => {
	it('draws the areas of the level, the newest note colouring', () => {
		const fc = markedAreas(
			[
				AREA('a', '214', 'frage', 10),
				AREA('b', '214', 'foerderluecke', 20),
				AREA('c', '1', 'idee', 5, 'stadtbezirk'),
				AREA('d', '999', 'idee', 5),
				PIN('p', 1)
			],
			FEATURES,
			'stadtteil',
			COLORS
		);
		expect(fc.features.map((f) => f.properties)).toEqual([{ key: '214', color: '#a00' }]);
	});
});
