import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../src/lib/domain/types';
import { validateSettlementSource } from '../../../src/lib/domain/validateSources';
import { SUPPORTED_CRS } from '../../../src/lib/geo/crs';
import { buildCity } from '../build';
import { writeTestort } from '../testort.test-helpers';
import { CityDraft } from './cityDraft';
import { makeTempDir, writeGeoPackage } from './formats/fixtures.test-helpers';
import { issuesOf, snapshotDir, writeInput } from './importer.test-helpers';
import { initCity } from './init';
import { importSiedlung, type SiedlungImportOptions } from './siedlung';

/**
 * Testort is a 10 x 10 km square from lon 9.0, lat 48.0; its schematic Stadtteile split it at
 * lon 9.05 and lat 48.05 into 11 (south-west), 12 (south-east), 21 (north-west), 22 (north-east).
 */
const toUtm = proj4('EPSG:4326', SUPPORTED_CRS.get(25832)!.proj4);
const utm = (lon: number, lat: number) => toUtm.forward([lon, lat]) as [number, number];

/**
 * A square block of `size` metres at a WGS84 point, in UTM 32N; each side is cut into `steps`
 * pieces whose inner points stray by up to 0.1 m from the straight line, as digitised borders do.
 */
function block(lon: number, lat: number, size = 1000, steps = 1): Polygon {
	const [x0, y0] = utm(lon, lat);
	const corners: Array<[number, number]> = [
		[x0, y0],
		[x0 + size, y0],
		[x0 + size, y0 + size],
		[x0, y0 + size]
	];
	const ring: Position[] = [];
	corners.forEach(([ax, ay], c) => {
		const [bx, by] = corners[(c + 1) % 4]!;
		for (let k = 0; k < steps; k++) {
			const t = k / steps;
			const wobble = k === 0 ? 0 : ((k % 3) - 1) * 0.1;
			ring.push([
				ax + (bx - ax) * t + (ay === by ? 0 : wobble),
				ay + (by - ay) * t + (ax === bx ? 0 : wobble)
			]);
		}
	});
	ring.push(ring[0]!);
	return { type: 'Polygon', coordinates: [ring] };
}

const wgs84 = (p: Polygon): Polygon => ({
	type: 'Polygon',
	coordinates: p.coordinates.map((r) =>
		r.map(([x, y]) => proj4(SUPPORTED_CRS.get(25832)!.proj4, 'EPSG:4326', [x!, y!]))
	)
});

let tmp: { dir: string; cleanup: () => void };
let geodata: string;
let cityDir: string;

beforeEach(() => {
	tmp = makeTempDir('bildungslandkarte-siedlung-');
	geodata = join(tmp.dir, 'geodata');
	cityDir = writeTestort(geodata);
});
afterEach(() => tmp.cleanup());

const run = (draft: CityDraft, opts: Partial<SiedlungImportOptions> & { file: string }) =>
	importSiedlung(draft, { simplify: 5, attribution: 'Stadt Testort – ALKIS (Testdaten)', ...opts });
const facts = (report: { facts: Array<[string, string]> }) => Object.fromEntries(report.facts);
const geojson = (features: Array<{ geometry: unknown }>, extra: Record<string, unknown> = {}) =>
	JSON.stringify({
		type: 'FeatureCollection',
		...extra,
		features: features.map((f) => ({ type: 'Feature', properties: {}, ...f }))
	});

describe('importSiedlung', () => {
	it('takes a GeoPackage in UTM, leaves out what lies outside, simplifies and the city builds with it', async () => {
		const file = join(tmp.dir, 'siedlung.gpkg');
		await writeGeoPackage(file, [
			{
				name: 'SIEDLUNG',
				fields: [{ name: 'NUTZUNG', type: 'TEXT' }],
				features: [
					{ properties: { NUTZUNG: 'Wohnbaufläche' }, geometry: block(9.02, 48.02, 1000, 30) },
					{ properties: { NUTZUNG: 'Fläche gemischter Nutzung' }, geometry: block(9.08, 48.08) },
					// Another town, 40 km away.
					{ properties: { NUTZUNG: 'Wohnbaufläche' }, geometry: block(9.5, 48.3) }
				]
			}
		]);
		const draft = new CityDraft(geodata, 'testort');
		const report = await run(draft, { file, year: '2024' });

		expect(report.title).toBe('Siedlungsflächen für Testort importiert');
		const f = facts(report);
		expect(f['Koordinatensystem']).toContain('EPSG:25832');
		expect(f['Flächen']).toBe('2 übernommen, 1 außerhalb der Stadt ausgelassen');
		expect(f['Stadtteile']).toBe('2 von 4 mit Siedlungsfläche');
		expect(f['Quelle']).toBe('Stadt Testort – ALKIS (Testdaten), Stand 2024');
		const [before, after] = f['Stützpunkte']!.split(' → ').map((n) => Number(n.replace('.', '')));
		// The block in the other town is left out before simplifying.
		expect(before).toBe(121 + 5);
		expect(after).toBeLessThan(20);
		expect(report.warnings).toEqual([
			'2 Stadtteile haben keinen Rasterpunkt auf Siedlungsfläche; dort werden die Kinder gleichmäßig verteilt: 12 Südost, 21 Nordwest'
		]);

		const stored = JSON.parse(draft.text('siedlungsflaechen.geojson')!);
		expect(stored).toMatchObject({
			type: 'FeatureCollection',
			attribution: 'Stadt Testort – ALKIS (Testdaten)',
			year: 2024
		});
		expect(stored.features).toHaveLength(2);
		const [lon, lat] = stored.features[0].geometry.coordinates[0][0];
		expect(lon).toBeCloseTo(9.02, 3);
		expect(lat).toBeCloseTo(48.02, 3);
		expect(draft.text('siedlungsflaechen.geojson')).not.toMatch(/\d\.\d{7}/);
		// The same check as npm run data, with the city's extent.
		expect(validateSettlementSource(stored, 'x', [9, 48, 9.1, 48.1]).issues).toEqual([]);

		expect(draft.check().blocking).toEqual([]);
		draft.commit();
		const out = join(tmp.dir, 'out');
		const built = buildCity({ city: 'testort', geodataDir: geodata, outDir: out });
		expect(built.ok).toBe(true);
		const catalog = JSON.parse(readFileSync(join(out, 'testort', 'catalog.json'), 'utf8')) as Catalog;
		expect(catalog.settlement).toEqual({
			attribution: 'Stadt Testort – ALKIS (Testdaten)',
			year: 2024,
			polygons: 2
		});
	});

	it('refuses points and lines, naming the feature, and writes nothing', async () => {
		const before = snapshotDir(cityDir);
		const lines = writeInput(
			tmp.dir,
			'strassen.geojson',
			geojson([
				{ geometry: wgs84(block(9.02, 48.02)) },
				{
					geometry: {
						type: 'LineString',
						coordinates: [
							[9.01, 48.01],
							[9.02, 48.02]
						]
					}
				},
				{
					geometry: {
						type: 'LineString',
						coordinates: [
							[9.03, 48.01],
							[9.04, 48.02]
						]
					}
				}
			])
		);
		const draft = new CityDraft(geodata, 'testort');
		const [issue] = await issuesOf(() => run(draft, { file: lines }));
		expect(issue).toMatchObject({
			file: lines,
			row: 2,
			message: 'Objekt 2 ist ein LineString, keine Fläche (2 von 3 Objekten sind keine Flächen)'
		});
		expect(issue!.hint).toContain('Polygone');
		const points = writeInput(
			tmp.dir,
			'punkte.geojson',
			geojson([{ geometry: { type: 'Point', coordinates: [9.02, 48.02] } }])
		);
		expect((await issuesOf(() => run(draft, { file: points })))[0]!.message).toBe(
			'Objekt 1 ist ein Point, keine Fläche'
		);
		expect(draft.changes).toEqual([]);
		expect(snapshotDir(cityDir)).toEqual(before);
	});

	it('detects UTM coordinates in a GeoJSON without CRS and takes them with --crs', async () => {
		const file = writeInput(tmp.dir, 'utm.geojson', geojson([{ geometry: block(9.02, 48.02) }]));
		const [issue] = await issuesOf(() => run(new CityDraft(geodata, 'testort'), { file }));
		expect(issue!.message).toContain('EPSG:25832');
		expect(issue!.hint).toContain('--crs');
		const report = await run(new CityDraft(geodata, 'testort'), { file, crs: 'EPSG:25832' });
		expect(facts(report)['Koordinatensystem']).toBe('EPSG:25832 (ETRS89 / UTM Zone 32N), aus --crs');
	});

	it('needs a source; a new version keeps the one the city has', async () => {
		const file = writeInput(tmp.dir, 'siedlung.geojson', geojson([{ geometry: wgs84(block(9.02, 48.02)) }]));
		const [issue] = await issuesOf(() =>
			run(new CityDraft(geodata, 'testort'), { file, attribution: undefined })
		);
		expect(issue).toMatchObject({
			file: '--attribution',
			message: 'Quellenvermerk der Siedlungsflächen fehlt'
		});

		const first = new CityDraft(geodata, 'testort');
		await run(first, { file, attribution: 'Regionalplan (Test)' });
		first.commit();
		const second = new CityDraft(geodata, 'testort');
		const report = await run(second, { file, attribution: undefined, year: '2025' });
		expect(facts(report)['Quelle']).toBe('Regionalplan (Test), Stand 2025 (bisheriger Vermerk)');
		expect(facts(report)['Bestand']).toBe('ersetzt');
		expect(JSON.parse(second.text('siedlungsflaechen.geojson')!)).toMatchObject({
			attribution: 'Regionalplan (Test)',
			year: 2025
		});
	});

	it.each<[string, Partial<SiedlungImportOptions>, string]>([
		['a year that is none', { year: '24' }, '„24“ ist kein Jahr'],
		['no polygon in the city', {}, 'Keine der 1 Flächen liegt in Testort']
	])('stops on %s', async (name, opts, message) => {
		const geometry = wgs84(block(9.02, name === 'no polygon in the city' ? 48.3 : 48.02));
		const file = writeInput(tmp.dir, 'siedlung.geojson', geojson([{ geometry }]));
		const issues = await issuesOf(() => run(new CityDraft(geodata, 'testort'), { file, ...opts }));
		expect(issues.map((i) => i.message)).toContain(message);
	});

	it('reports a broken polygon with its feature', async () => {
		const file = writeInput(
			tmp.dir,
			'siedlung.geojson',
			geojson([
				{ geometry: wgs84(block(9.02, 48.02)) },
				{
					geometry: {
						type: 'Polygon',
						coordinates: [
							[
								[9.03, 48.03],
								[9.04, 48.04],
								[9.03, 48.03]
							]
						]
					}
				}
			])
		);
		const [issue] = await issuesOf(() => run(new CityDraft(geodata, 'testort'), { file }));
		expect(issue).toMatchObject({
			row: 2,
			message: 'Objekt 2 Ring 1 hat weniger als drei verschiedene Punkte'
		});
	});

	it('needs the Stadtteile of the city first', async () => {
		const init = new CityDraft(geodata, 'neustadt');
		initCity(init, { name: 'Neustadt', ags: '08999001' });
		init.commit();
		const file = writeInput(tmp.dir, 'siedlung.geojson', geojson([{ geometry: wgs84(block(9.02, 48.02)) }]));
		const [issue] = await issuesOf(() => run(new CityDraft(geodata, 'neustadt'), { file }));
		expect(issue!.message).toBe('Neustadt hat noch keine Stadtteile');
		expect(issue!.hint).toContain('boundaries');
	});
});
