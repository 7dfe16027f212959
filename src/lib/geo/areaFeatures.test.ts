import { describe, expect, test } from 'vitest';
import { topology } from 'topojson-server';
import type { Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { cityGeometry } from './areaFeatures';

/** A rectangle `width` wide and 1 high with its south-west corner at (x, y). */
function rect(id: string, x: number, width: number, parent?: string): Feature<Polygon> {
	const ring = [
		[x, 0],
		[x, 1],
		[x + width, 1],
		[x + width, 0],
		[x, 0]
	];
	return {
		type: 'Feature',
		id,
		properties: { name: `Gebiet ${id}`, ...(parent ? { parent } : {}) },
		geometry: { type: 'Polygon', coordinates: [ring] }
	};
}

const collection = (features: Feature<Polygon>[]): FeatureCollection<Polygon> => ({
	type: 'FeatureCollection',
	features
});

/** Four Stadtteile in a row, two per Stadtbezirk, as one topology of both levels. */
function city(): Topology {
	return topology({
		stadtteil: collection([
			rect('101', 0, 1, '1'),
			rect('102', 1, 1, '1'),
			rect('201', 2, 1, '2'),
			rect('202', 3, 1, '2')
		]),
		stadtbezirk: collection([rect('1', 0, 2), rect('2', 2, 2)])
	}) as Topology;
}

describe('cityGeometry', () => {
	const geometry = cityGeometry(city(), [
		{ id: 'west', name: 'Region West', level: 'stadtteil', areas: ['101', '102'] }
	]);

	test('areas of both levels keyed by their official key, with name and parent', () => {
		expect(geometry.features.stadtteil.features.map((f) => f.properties)).toEqual([
			{ key: '101', name: 'Gebiet 101', parent: '1' },
			{ key: '102', name: 'Gebiet 102', parent: '1' },
			{ key: '201', name: 'Gebiet 201', parent: '2' },
			{ key: '202', name: 'Gebiet 202', parent: '2' }
		]);
		expect(geometry.features.stadtbezirk.features.map((f) => f.id)).toEqual(['1', '2']);
	});

	test('the Bezirk borders are the inner borders only: one line between the two Bezirke', () => {
		const lines = geometry.bezirkBorders.coordinates;
		const xs = new Set(lines.flat().map((p) => p[0]));
		expect([...xs]).toEqual([2]);
	});

	test('a region is merged from its members into one outline', () => {
		expect(geometry.regions.features).toHaveLength(1);
		expect(geometry.regions.features[0]!.properties).toEqual({ id: 'west', name: 'Region West' });
		const ring = geometry.regions.features[0]!.geometry.coordinates[0]![0]!;
		const xs = ring.map((p) => p[0]!);
		expect(Math.min(...xs)).toBe(0);
		expect(Math.max(...xs)).toBe(2);
	});

	test('bounds span the city', () => {
		expect(geometry.bounds).toEqual([0, 0, 4, 1]);
	});
});
