import { area, feature, length, polygonToLine } from '@turf/turf';
import type { Feature, LineString, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { mesh, neighbors } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../domain/csv';
import { createAreaLocator } from './locate';
import { buildSchematicTopology, schematicCells, type SchematicSite } from './schematic';
import { areaGeometries, decodeAreas } from './topology';

// The real Stuttgart sources as fixture: the test must hold for the shipped geometry.
const dir = new URL('../../../geodata/stuttgart/', import.meta.url);
const read = (f: string) => readFileSync(new URL(f, dir), 'utf8');
const sites: SchematicSite[] = parseCsv(read('stadtteile.csv')).records.map(
	({ fields: [key, name, parent, , lat, lon] }) => ({
		key: key!,
		name: name!,
		parent: parent!,
		lat: Number(lat),
		lon: Number(lon)
	})
);
const parents = parseCsv(read('stadtbezirke.csv')).records.map(({ fields: [key, name] }) => ({
	key: key!,
	name: name!
}));
const outline = (JSON.parse(read('stadtgrenze.geojson')) as { features: Array<{ geometry: Polygon }> })
	.features[0]!.geometry;

describe('buildSchematicTopology (Stuttgart)', () => {
	let topo: ReturnType<typeof buildSchematicTopology>;
	beforeAll(() => {
		topo = buildSchematicTopology({ sites, parents, outline });
	});

	it('has both levels with string ids and properties', () => {
		const teile = areaGeometries(topo, 'stadtteil');
		expect(teile.map((g) => g.id)).toEqual(sites.map((s) => s.key));
		expect(teile[0]!.properties).toEqual({ name: sites[0]!.name, parent: sites[0]!.parent });
		expect(areaGeometries(topo, 'stadtbezirk').map((g) => g.id)).toEqual(parents.map((p) => p.key));
		expect(topo.transform).toBeDefined();
	});

	it('gives every Stadtteil at least one neighbour (arcs are shared)', () => {
		const nb = neighbors(areaGeometries(topo, 'stadtteil'));
		expect(nb.every((n) => n.length >= 1)).toBe(true);
		// A tiling of 152 cells has far more adjacencies than a chain would.
		expect(nb.reduce((a, n) => a + n.length, 0) / nb.length).toBeGreaterThan(4);
	});

	it('has no interior edge that is used by one cell only (no gaps, no slivers)', () => {
		const uses = new Map<number, number>();
		const visit = (a: unknown): void => {
			if (typeof a === 'number') {
				const i = a < 0 ? ~a : a;
				uses.set(i, (uses.get(i) ?? 0) + 1);
			} else if (Array.isArray(a)) a.forEach(visit);
		};
		areaGeometries(topo, 'stadtteil').forEach((g) => visit(g.arcs));
		expect(Math.max(...uses.values())).toBeLessThanOrEqual(2);
		// Arcs used once form the city outline: same length as the outline itself.
		const outer = mesh(topo, topo.objects.stadtteil as GeometryCollection, (a, b) => a === b);
		const outlineLength = length(polygonToLine(outline) as Feature<LineString>);
		expect(Math.abs(length(feature(outer)) / outlineLength - 1)).toBeLessThan(0.01);
	});

	it('builds Bezirk borders from the same arcs as the Stadtteile', () => {
		const arcsOf = (object: string) => {
			const set = new Set<number>();
			const visit = (a: unknown): void => {
				if (typeof a === 'number') set.add(a < 0 ? ~a : a);
				else if (Array.isArray(a)) a.forEach(visit);
			};
			areaGeometries(topo, object).forEach((g) => visit(g.arcs));
			return set;
		};
		const teile = arcsOf('stadtteil');
		const bezirke = arcsOf('stadtbezirk');
		for (const a of bezirke) expect(teile.has(a)).toBe(true);
		expect(bezirke.size).toBeLessThan(teile.size);

		const key = (c: number[][]) => JSON.stringify(c);
		const teilMesh = new Set(
			mesh(topo, topo.objects.stadtteil as GeometryCollection, (a, b) => a !== b).coordinates.flatMap(
				(line) => line.slice(1).map((p, i) => key([line[i]!, p].sort()))
			)
		);
		const bezirkMesh = mesh(topo, topo.objects.stadtbezirk as GeometryCollection, (a, b) => a !== b);
		expect(bezirkMesh.coordinates.length).toBeGreaterThan(20);
		for (const line of bezirkMesh.coordinates)
			for (let i = 1; i < line.length; i++)
				expect(teilMesh.has(key([line[i - 1]!, line[i]!].sort()))).toBe(true);
	});

	it('covers the city outline: total area within 0.5 %', () => {
		const cells = decodeAreas(topo, 'stadtteil');
		const sum = cells.reduce((a, f) => a + area(f), 0);
		expect(Math.abs(sum / area(outline) - 1)).toBeLessThan(0.005);
		const bezirke = decodeAreas(topo, 'stadtbezirk').reduce((a, f) => a + area(f), 0);
		expect(Math.abs(bezirke / sum - 1)).toBeLessThan(1e-6);
	});

	it('keeps every representative point inside its own cell', () => {
		const locate = createAreaLocator(decodeAreas(topo, 'stadtteil')).locate;
		const wrong = sites.filter((s) => locate(s.lon, s.lat) !== s.key).map((s) => s.key);
		expect(wrong).toEqual([]);
	});

	it('is deterministic', () => {
		expect(JSON.stringify(buildSchematicTopology({ sites, parents, outline }))).toBe(JSON.stringify(topo));
	});
});

describe('schematicCells', () => {
	const square: Polygon = {
		type: 'Polygon',
		coordinates: [
			[
				[0, 0],
				[1, 0],
				[1, 1],
				[0, 1],
				[0, 0]
			]
		]
	};
	const four: SchematicSite[] = [
		{ key: 'a', name: 'A', parent: '1', lon: 0.25, lat: 0.25 },
		{ key: 'b', name: 'B', parent: '1', lon: 0.75, lat: 0.25 },
		{ key: 'c', name: 'C', parent: '2', lon: 0.25, lat: 0.75 },
		{ key: 'd', name: 'D', parent: '2', lon: 0.75, lat: 0.75 }
	];

	it('splits a square into four quarters with identical shared vertices', () => {
		const cells = schematicCells(four, square);
		expect(cells.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
		for (const c of cells) expect(area(c) / area(square)).toBeCloseTo(0.25, 2);
		const vertices = (i: number) =>
			new Set((cells[i]!.geometry as Polygon).coordinates[0]!.map((p) => p.join()));
		const shared = [...vertices(0)].filter((v) => vertices(1).has(v));
		expect(shared).toHaveLength(2);
	});

	it('does not mutate the sites or outline', () => {
		const before = structuredClone([four, square]);
		schematicCells(four, square);
		expect([four, square]).toEqual(before);
	});

	it.each([
		['too few points', four.slice(0, 1)],
		['a duplicate point', [...four, { ...four[0]!, key: 'e' }]],
		['a point far outside', [...four.slice(0, 3), { ...four[3]!, lon: 5, lat: 5 }]]
	])('throws on %s', (_name, input) => {
		expect(() => schematicCells(input, square)).toThrow();
	});
});
