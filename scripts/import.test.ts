/**
 * The import CLI end to end, as a coordinator uses it for a new city: init, Bezirke from an
 * ArcGIS service export, Stadtteile from a Gauß-Krüger GeoJSON, indicators from an Excel CSV,
 * Lernorte with UTM coordinates, then `npm run data`. And what a wrong file gets: exit code 1,
 * a message naming file and fix, and an unchanged geodata/.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Catalog, CityConfig, ValuesWire } from '../src/lib/domain/types';
import { SUPPORTED_CRS } from '../src/lib/geo/crs';
import { makeTempDir, writeGeoPackage } from './lib/import/formats/fixtures.test-helpers';
import { copyStuttgart } from './lib/import/stuttgart.test-helpers';

const ROOT = resolve(import.meta.dirname, '..');

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
	const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/import.ts'), ...args], {
		cwd: ROOT,
		encoding: 'utf8'
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function dataBuild(args: string[]) {
	return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build-data.ts'), ...args], {
		cwd: ROOT,
		encoding: 'utf8'
	});
}

/** A fingerprint of every file under a directory (names and contents). */
function fingerprint(dir: string): string {
	const hash = createHash('sha256');
	const walk = (d: string) => {
		for (const name of readdirSync(d).sort()) {
			const path = join(d, name);
			if (statSync(path).isDirectory()) walk(path);
			else hash.update(`${path}\0`).update(readFileSync(path));
		}
	};
	walk(dir);
	return hash.digest('hex');
}

/**
 * Musterstadt: six Stadtteile in a 3 x 2 grid of 0.04° x 0.03° cells from lon 7.16, lat 51.50,
 * in two Stadtbezirke (south row 1, north row 2). Keys 101–103 and 201–203.
 */
const CELL = { lon: 0.04, lat: 0.03, lon0: 7.16, lat0: 51.5 };
const NAMES = ['Altstadt', 'Hafen', 'Mühlenfeld', 'Nordhöhe', 'Weißer Berg', 'Am Stadtpark'];
function cellRing(col: number, row: number): Position[] {
	const x = CELL.lon0 + col * CELL.lon;
	const y = CELL.lat0 + row * CELL.lat;
	return [
		[x, y],
		[x + CELL.lon, y],
		[x + CELL.lon, y + CELL.lat],
		[x, y + CELL.lat],
		[x, y]
	];
}
const projector = (epsg: number) => proj4('EPSG:4326', SUPPORTED_CRS.get(epsg)!.proj4);
const project = (ring: Position[], epsg: number) => ring.map((p) => projector(epsg).forward([p[0]!, p[1]!]));

let tmp: { dir: string; cleanup: () => void };
let geodata: string;
const file = (name: string) => join(tmp.dir, name);

beforeAll(async () => {
	tmp = makeTempDir('bildungslandkarte-cli-');
	geodata = file('geodata');
	copyStuttgart(geodata);

	// Stadtbezirke as an ArcGIS REST export (EsriJSON, Web Mercator, wkid 102100).
	const bezirke = [1, 2].map((b) => {
		const row = b - 1;
		const ring = project(
			[
				[CELL.lon0, CELL.lat0 + row * CELL.lat],
				[CELL.lon0 + 3 * CELL.lon, CELL.lat0 + row * CELL.lat],
				[CELL.lon0 + 3 * CELL.lon, CELL.lat0 + (row + 1) * CELL.lat],
				[CELL.lon0, CELL.lat0 + (row + 1) * CELL.lat],
				[CELL.lon0, CELL.lat0 + row * CELL.lat]
			],
			3857
		).reverse(); // Esri outer rings run clockwise
		return { attributes: { BEZ_NR: b, BEZ_NAME: b === 1 ? 'Süd' : 'Nord' }, geometry: { rings: [ring] } };
	});
	writeFileSync(
		file('bezirke.json'),
		JSON.stringify({
			geometryType: 'esriGeometryPolygon',
			spatialReference: { wkid: 102100, latestWkid: 3857 },
			fields: [
				{ name: 'BEZ_NR', type: 'esriFieldTypeInteger' },
				{ name: 'BEZ_NAME', type: 'esriFieldTypeString' }
			],
			features: bezirke
		})
	);

	// Stadtteile as GeoJSON in Gauß-Krüger zone 2 with the old-style crs member.
	writeFileSync(
		file('stadtteile.geojson'),
		JSON.stringify({
			type: 'FeatureCollection',
			crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::31466' } },
			features: NAMES.map((name, i) => ({
				type: 'Feature',
				properties: {
					STT_NR: `${Math.floor(i / 3) + 1}0${(i % 3) + 1}`,
					STT_NAME: name,
					BEZ: Math.floor(i / 3) + 1
				},
				geometry: {
					type: 'Polygon',
					coordinates: [project(cellRing(i % 3, Math.floor(i / 3)), 31466)]
				} satisfies Polygon
			}))
		})
	);

	// Indicators as German Excel writes them: Windows-1252, ';', decimal comma, title and footnote.
	const csv = [
		'Tabelle 4: Kinder unter 3 Jahren in Tagesbetreuung',
		'Stadtteil;2023 Zähler;2023 Nenner;2024 Zähler;2024 Nenner',
		'101 Altstadt;41;120;45;118',
		'102 Hafen;12;80;.;79',
		'103 Mühlenfeld;1.020;2.400;1.050;2.410',
		'201 Nordhöhe;30;95;33;96',
		'202 Weißer Berg;-;-;...;...',
		'203 Am Stadtpark;25;70;26;71',
		'Quelle: Statistikstelle Musterstadt; . = geheim gehalten'
	].join('\r\n');
	writeFileSync(file('betreuung.csv'), Buffer.from(csv, 'latin1'));

	// Lernorte with UTM 32 coordinates (Rechtswert/Hochwert), German decimal comma.
	const toUtm = projector(25832);
	const site = (lon: number, lat: number) =>
		toUtm.forward([lon, lat]).map((v) => v.toFixed(1).replace('.', ','));
	const lernorte = [
		'Nr;Name;Art;Rechtswert;Hochwert;Adresse;Plätze',
		`K1;Kita Hafenstraße;Kita;${site(7.215, 51.51).join(';')};Hafenstraße 1;60`,
		`S1;Grundschule Nordhöhe;Grundschule;${site(7.17, 51.545).join(';')};Schulweg 2;`
	].join('\n');
	writeFileSync(file('lernorte.csv'), lernorte);

	await writeGeoPackage(file('zwei-ebenen.gpkg'), [
		{ name: 'EBENE_A', fields: [{ name: 'NR', type: 'TEXT' }], features: [] },
		{ name: 'EBENE_B', fields: [{ name: 'NR', type: 'TEXT' }], features: [] }
	]);
});
afterAll(() => tmp.cleanup());

describe('npm run import', () => {
	test('a new city: init, boundaries, indicators and Lernorte, then npm run data builds it', () => {
		const init = cli([
			'init',
			'musterstadt',
			'--name',
			'Musterstadt',
			'--ags',
			'05999000',
			'--geodata',
			geodata
		]);
		expect(init.status, init.stderr).toBe(0);
		expect(init.stdout).toContain('Stadt „Musterstadt“ angelegt');
		expect(cli(['init', 'musterstadt', '--geodata', geodata]).stderr).toContain('Verzeichnis gibt es schon');

		const bezirke = cli([
			'boundaries',
			file('bezirke.json'),
			'--city',
			'musterstadt',
			'--geodata',
			geodata,
			'--level',
			'stadtbezirk'
		]);
		expect(bezirke.status, bezirke.stderr).toBe(0);
		expect(bezirke.stdout).toContain('EPSG:3857');
		expect(bezirke.stdout).toContain('2 Stadtbezirke');

		const stadtteile = cli([
			'boundaries',
			file('stadtteile.geojson'),
			'--city',
			'musterstadt',
			'--geodata',
			geodata,
			'--level',
			'stadtteil',
			'--parent-field',
			'BEZ',
			'--attribution',
			'Stadt Musterstadt – Vermessung, dl-de/by-2-0'
		]);
		expect(stadtteile.status, stadtteile.stderr).toBe(0);
		expect(stadtteile.stdout).toContain('EPSG:31466');
		expect(stadtteile.stdout).toMatch(/Stützpunkte: +\d+ → \d+/);
		expect(stadtteile.stdout).toContain('Dauer:');

		const indicators = cli([
			'indicators',
			file('betreuung.csv'),
			'--city',
			'musterstadt',
			'--geodata',
			geodata,
			'--indicator',
			'betreuungsquote_u3',
			'--source',
			'Statistikstelle Musterstadt, Kinder- und Jugendhilfestatistik'
		]);
		// The definition comes from the Stuttgart catalog next door; the source is Musterstadt's.
		expect(indicators.status, indicators.stderr).toBe(0);
		expect(indicators.stdout).toContain('Windows-1252');
		expect(indicators.stdout).toContain('6 von 6 Stadtteilen');
		expect(indicators.stdout).toContain('aus der Vorlage in den Katalog übernommen');

		const lernorte = cli(['lernorte', file('lernorte.csv'), '--city', 'musterstadt', '--geodata', geodata]);
		expect(lernorte.status, lernorte.stderr).toBe(0);
		expect(lernorte.stdout).toContain('EPSG:25832');
		expect(lernorte.stdout).toContain('2 gelesen');

		const out = file('out');
		const built = dataBuild(['--city', 'musterstadt', '--geodata', geodata, '--out', out]);
		expect(built.status, built.stderr).toBe(0);
		const catalog = JSON.parse(readFileSync(join(out, 'musterstadt', 'catalog.json'), 'utf8')) as Catalog;
		expect(catalog.city.geometry).toBe('official');
		expect(catalog.units.stadtteil.map((u) => u.name)).toEqual(NAMES);
		expect(catalog.units.stadtbezirk).toEqual([
			{ key: '1', name: 'Süd', parent: '05999000' },
			{ key: '2', name: 'Nord', parent: '05999000' }
		]);
		const values = JSON.parse(readFileSync(join(out, 'musterstadt', 'values.json'), 'utf8')) as ValuesWire;
		const y2023 = values.indicators.betreuungsquote_u3!['2023']!;
		// Thousands dots read as thousands, '-' as no data, never zero; Bezirk Süd is sum/sum.
		expect(y2023.stadtteil).toEqual({ n: [41, 12, 1020, 30, null, 25], d: [120, 80, 2400, 95, null, 70] });
		expect(y2023.stadtbezirk).toEqual({ n: [1073, 55], d: [2600, 165] });
		const lernorteOut = JSON.parse(readFileSync(join(out, 'musterstadt', 'lernorte.json'), 'utf8')) as {
			lernorte: Array<{ id: string; stadtteil: string }>;
		};
		expect(lernorteOut.lernorte.map((l) => [l.id, l.stadtteil])).toEqual([
			['K1', '102'],
			['S1', '201']
		]);
		const city = JSON.parse(readFileSync(join(geodata, 'musterstadt', 'city.json'), 'utf8')) as CityConfig;
		expect(city.view.center[0]).toBeCloseTo(7.22, 1);
		expect(city.view.center[1]).toBeCloseTo(51.53, 1);
	});

	test('a wrong file: exit code 1, a message naming the file and the fix, geodata unchanged', () => {
		expect(existsSync(join(geodata, 'musterstadt'))).toBe(true);
		const before = fingerprint(geodata);
		const wrongLayer = cli([
			'boundaries',
			file('zwei-ebenen.gpkg'),
			'--city',
			'musterstadt',
			'--geodata',
			geodata,
			'--level',
			'stadtteil',
			'--layer',
			'STADTTEILE'
		]);
		expect(wrongLayer.status).toBe(1);
		expect(wrongLayer.stderr).toContain('zwei-ebenen.gpkg');
		expect(wrongLayer.stderr).toContain('EBENE_A');
		expect(wrongLayer.stderr).toContain('es wurde nichts geschrieben');

		const badCrs = cli([
			'boundaries',
			file('stadtteile.geojson'),
			'--city',
			'musterstadt',
			'--geodata',
			geodata,
			'--level',
			'stadtteil',
			'--crs',
			'EPSG:25832'
		]);
		expect(badCrs.status).toBe(1);
		expect(badCrs.stderr).toContain('EPSG:31466');

		const usage = cli([
			'boundaries',
			file('stadtteile.geojson'),
			'--geodata',
			geodata,
			'--level',
			'stadtteil'
		]);
		expect(usage.status).toBe(1);
		expect(usage.stderr).toContain('--city fehlt');
		expect(fingerprint(geodata)).toBe(before);
	});

	test('--dry-run prints the report and writes nothing', () => {
		const before = fingerprint(geodata);
		const dry = cli([
			'lernorte',
			file('lernorte.csv'),
			'--city',
			'musterstadt',
			'--geodata',
			geodata,
			'--dry-run'
		]);
		expect(dry.status, dry.stderr).toBe(0);
		expect(dry.stdout).toContain('Probelauf, es wurde nichts geschrieben');
		expect(dry.stdout).toContain('Würde schreiben');
		expect(fingerprint(geodata)).toBe(before);
	});
});
