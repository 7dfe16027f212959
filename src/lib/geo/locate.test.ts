import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createAreaLocator } from './locate';

const box = (x0: number, y0: number, x1: number, y1: number) => [
	[x0, y0],
	[x1, y0],
	[x1, y1],
	[x0, y1],
	[x0, y0]
];

const features: Array<Feature<Polygon | MultiPolygon>> = [
	// "ring": a square with a hole
	{
		type: 'Feature',
		id: 'ring',
		properties: {},
		geometry: { type: 'Polygon', coordinates: [box(0, 0, 10, 10), box(4, 4, 6, 6)] }
	},
	// "hole": fills the hole of "ring"
	{
		type: 'Feature',
		id: 'hole',
		properties: {},
		geometry: { type: 'Polygon', coordinates: [box(4, 4, 6, 6)] }
	},
	// "multi": two separate squares
	{
		type: 'Feature',
		id: 'multi',
		properties: {},
		geometry: { type: 'MultiPolygon', coordinates: [[box(20, 0, 22, 2)], [box(30, 0, 32, 2)]] }
	},
	// "tri": a triangle whose bbox overlaps "multi" at [20..30]
	{
		type: 'Feature',
		id: 'tri',
		properties: {},
		geometry: {
			type: 'Polygon',
			coordinates: [
				[
					[12, 0],
					[28, 8],
					[12, 8],
					[12, 0]
				]
			]
		}
	}
];

describe('createAreaLocator', () => {
	const { locate } = createAreaLocator(features);
	it.each<[string, number, number, string | undefined]>([
		['inside the ring', 1, 1, 'ring'],
		['in the hole', 5, 5, 'hole'],
		['first part of a multipolygon', 21, 1, 'multi'],
		['second part of a multipolygon', 31, 1, 'multi'],
		['inside the triangle', 14, 6, 'tri'],
		['in the bbox of the triangle but outside it', 26, 1, undefined],
		['between the parts of the multipolygon', 25, 1, undefined],
		['outside everything', -1, -1, undefined]
	])('%s', (_name, lon, lat, expected) => {
		expect(locate(lon, lat)).toBe(expected);
	});

	it('does not mutate the features', () => {
		const before = structuredClone(features);
		createAreaLocator(features).locate(1, 1);
		expect(features).toEqual(before);
	});
});
