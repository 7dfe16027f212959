import { describe, expect, test } from 'vitest';
import type { Geometry, Polygon } from 'geojson';
import { addRepairs, checkPolygon, countVertices, noRepairs, repairsText, ringArea2 } from './checkPolygon';

const square = (x = 0, y = 0, s = 1) => [
	[x, y],
	[x + s, y],
	[x + s, y + s],
	[x, y + s],
	[x, y]
];

describe('checkPolygon', () => {
	test.each<[string, Geometry | null, string]>([
		['null geometry', null, 'hat keine Geometrie'],
		['a point', { type: 'Point', coordinates: [9, 48] }, 'ist ein Point, keine Fläche'],
		['an empty polygon', { type: 'Polygon', coordinates: [] }, 'leere Geometrie'],
		['an empty multipolygon', { type: 'MultiPolygon', coordinates: [[]] }, 'leere Geometrie'],
		[
			'a degenerate outer ring',
			{
				type: 'Polygon',
				coordinates: [
					[
						[0, 0],
						[1, 1],
						[0, 0]
					]
				]
			},
			'weniger als drei verschiedene Punkte'
		],
		[
			'a NaN coordinate',
			{
				type: 'Polygon',
				coordinates: [
					[
						[0, 0],
						[1, NaN],
						[1, 1],
						[0, 0]
					]
				]
			},
			'ungültige Koordinate'
		]
	])('%s is an error', (_, geometry, message) => {
		const result = checkPolygon(geometry);
		expect(result.geometry).toBeUndefined();
		expect(result.findings).toHaveLength(1);
		expect(result.findings[0]!.severity).toBe('error');
		expect(result.findings[0]!.message).toContain(message);
		expect(result.findings[0]!.hint.length).toBeGreaterThan(10);
	});

	test('closes rings, drops repeated points and rewinds to RFC 7946', () => {
		// Clockwise outer ring, not closed, with a repeated point; counter-clockwise hole.
		const input: Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[0, 10],
					[0, 10],
					[10, 10],
					[10, 0]
				],
				[
					[2, 2],
					[4, 2],
					[4, 4],
					[2, 4],
					[2, 2]
				]
			]
		};
		const copy = structuredClone(input);
		const { geometry, findings, repairs } = checkPolygon(input);
		expect(input).toEqual(copy);
		expect(findings).toEqual([]);
		expect(repairs).toEqual({ closedRings: 1, rewoundRings: 2, droppedHoles: 0, duplicatePoints: 1 });
		const [outer, hole] = (geometry as Polygon).coordinates;
		expect(ringArea2(outer!)).toBeGreaterThan(0);
		expect(ringArea2(hole!)).toBeLessThan(0);
		expect(outer![0]).toEqual(outer![outer!.length - 1]);
		expect(outer).toHaveLength(5);
	});

	test('keeps a valid multipolygon as it is and drops a degenerate hole', () => {
		const { geometry, findings, repairs } = checkPolygon({
			type: 'MultiPolygon',
			coordinates: [
				[square(0, 0)],
				[
					square(5, 5, 3),
					[
						[6, 6],
						[6, 6.5],
						[6, 6]
					]
				]
			]
		});
		expect(findings).toEqual([]);
		expect(repairs.droppedHoles).toBe(1);
		expect(geometry).toEqual({ type: 'MultiPolygon', coordinates: [[square(0, 0)], [square(5, 5, 3)]] });
	});

	test('reports a self-intersection with its place, as a warning', () => {
		// A bow tie crossing itself at (9.5, 48.5).
		const { geometry, findings } = checkPolygon({
			type: 'Polygon',
			coordinates: [
				[
					[9, 48],
					[10, 49],
					[10, 48],
					[9, 49],
					[9, 48]
				]
			]
		});
		expect(geometry).toBeDefined();
		expect(findings).toHaveLength(1);
		expect(findings[0]!.severity).toBe('warning');
		expect(findings[0]!.message).toContain('schneidet sich selbst');
		expect(findings[0]!.message).toContain('48.5, 9.5');
	});
});

test('countVertices counts every position, closing points included', () => {
	expect(countVertices({ type: 'Polygon', coordinates: [square(), square(0.2, 0.2, 0.1)] })).toBe(10);
	expect(countVertices({ type: 'MultiPolygon', coordinates: [[square()], [square(3)]] })).toBe(10);
});

describe('repair counts for a summary', () => {
	test('add up over polygons and read in German', () => {
		const total = noRepairs();
		expect(repairsText(total)).toBe('gültig, nichts zu bereinigen');
		addRepairs(total, { closedRings: 2, rewoundRings: 0, droppedHoles: 0, duplicatePoints: 1 });
		addRepairs(total, { closedRings: 1, rewoundRings: 1, droppedHoles: 0, duplicatePoints: 0 });
		expect(total).toEqual({ closedRings: 3, rewoundRings: 1, droppedHoles: 0, duplicatePoints: 1 });
		expect(repairsText(total)).toBe(
			'bereinigt: 3 Ringe geschlossen, 1 Ringe nach RFC 7946 umgedreht, 1 doppelte Punkte entfernt'
		);
	});
});
