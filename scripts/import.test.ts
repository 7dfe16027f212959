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
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Catalog, ValuesWire } from '../src/lib/domain/types';
import { makeTempDir, writeGeoPackage } from './lib/import/formats/fixtures.test-helpers';
import { copyStuttgart } from './lib/import/stuttgart.test-helpers';
import {
	MUSTERSTADT_NAMES,
	writeMusterstadtSources,
	type MusterstadtFiles
} from './lib/import/musterstadt.test-helpers';

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

let tmp: { dir: string; cleanup: () => void };
const files = {} as MusterstadtFiles;
let geodata: string;
const file = (name: string) => join(tmp.dir, name);

beforeAll(async () => {
	tmp = makeTempDir('bildungslandkarte-cli-');
	geodata = file('geodata');
	copyStuttgart(geodata);

	Object.assign(files, writeMusterstadtSources(tmp.dir));

	await writeGeoPackage(file('zwei-ebenen.gpkg'), [
		{ name: 'EBENE_A', fields: [{ name: 'NR', type: 'TEXT' }], features: [] },
		{ name: 'EBENE_B', fields: [{ name: 'NR', type: 'TEXT' }], features: [] }
	]);
}, 60_000);
afterAll(() => tmp.cleanup());

describe('npm run import', { timeout: 60_000 }, () => {
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
			files.bezirke,
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
			files.stadtteile,
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
			files.indicators,
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

		const lernorte = cli(['lernorte', files.lernorte, '--city', 'musterstadt', '--geodata', geodata]);
		expect(lernorte.status, lernorte.stderr).toBe(0);
		expect(lernorte.stdout).toContain('EPSG:25832');
		expect(lernorte.stdout).toContain('2 gelesen');

		const out = file('out');
		const built = dataBuild(['--city', 'musterstadt', '--geodata', geodata, '--out', out]);
		expect(built.status, built.stderr).toBe(0);
		const catalog = JSON.parse(readFileSync(join(out, 'musterstadt', 'catalog.json'), 'utf8')) as Catalog;
		expect(catalog.city.geometry).toBe('official');
		expect(catalog.units.stadtteil.map((u) => u.name)).toEqual(MUSTERSTADT_NAMES);
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
	});

	test('siedlung: a settlement layer for the new city, with a summary; lines are refused', () => {
		const square = (lon: number, lat: number) => [
			[
				[lon, lat],
				[lon + 0.01, lat],
				[lon + 0.01, lat + 0.01],
				[lon, lat + 0.01],
				[lon, lat]
			]
		];
		const layer = (geometries: unknown[]) =>
			JSON.stringify({
				type: 'FeatureCollection',
				features: geometries.map((geometry) => ({ type: 'Feature', properties: {}, geometry }))
			});
		// Blocks in Altstadt (101) and Am Stadtpark (203).
		writeFileSync(
			file('siedlung.geojson'),
			layer([
				{ type: 'Polygon', coordinates: square(7.17, 51.51) },
				{ type: 'Polygon', coordinates: square(7.25, 51.54) }
			])
		);
		writeFileSync(
			file('strassen.geojson'),
			layer([
				{
					type: 'LineString',
					coordinates: [
						[7.17, 51.51],
						[7.2, 51.52]
					]
				}
			])
		);
		const args = ['--city', 'musterstadt', '--geodata', geodata];

		const before = fingerprint(geodata);
		const lines = cli(['siedlung', file('strassen.geojson'), ...args, '--attribution', 'Test']);
		expect(lines.status).toBe(1);
		expect(lines.stderr).toContain('strassen.geojson:1 — Objekt 1 ist ein LineString, keine Fläche');
		expect(lines.stderr).toContain('es wurde nichts geschrieben');
		const dry = cli(['siedlung', file('siedlung.geojson'), ...args, '--attribution', 'Test', '--dry-run']);
		expect(dry.status, dry.stderr).toBe(0);
		expect(dry.stdout).toContain(
			`Würde schreiben: ${join(geodata, 'musterstadt', 'siedlungsflaechen.geojson')}`
		);
		expect(fingerprint(geodata)).toBe(before);

		const imported = cli([
			'siedlung',
			file('siedlung.geojson'),
			...args,
			'--attribution',
			'Stadt Musterstadt – ALKIS (Testdaten)',
			'--year',
			'2024'
		]);
		expect(imported.status, imported.stderr).toBe(0);
		expect(imported.stdout).toContain('Siedlungsflächen für Musterstadt importiert');
		expect(imported.stdout).toMatch(/Stadtteile: +2 von 6 mit Siedlungsfläche/);
		expect(imported.stdout).toContain('4 Stadtteile haben keinen Rasterpunkt auf Siedlungsfläche');
		expect(imported.stdout).toMatch(/Dauer: +\d/);

		const out = file('out-siedlung');
		const built = dataBuild(['--city', 'musterstadt', '--geodata', geodata, '--out', out]);
		expect(built.status, built.stderr).toBe(0);
		expect(built.stdout).toContain('Kinder über die Siedlungsflächen verteilt: 2 Flächen');
		const catalog = JSON.parse(readFileSync(join(out, 'musterstadt', 'catalog.json'), 'utf8')) as Catalog;
		expect(catalog.settlement).toEqual({
			attribution: 'Stadt Musterstadt – ALKIS (Testdaten)',
			year: 2024,
			polygons: 2
		});
		expect(existsSync(join(out, 'musterstadt', 'siedlungsflaechen.topo.json'))).toBe(true);
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
			files.stadtteile,
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

		const usage = cli(['boundaries', files.stadtteile, '--geodata', geodata, '--level', 'stadtteil']);
		expect(usage.status).toBe(1);
		expect(usage.stderr).toContain('--city fehlt');
		expect(fingerprint(geodata)).toBe(before);
	});

	test('--dry-run prints the report and writes nothing', () => {
		const before = fingerprint(geodata);
		const dry = cli(['lernorte', files.lernorte, '--city', 'musterstadt', '--geodata', geodata, '--dry-run']);
		expect(dry.status, dry.stderr).toBe(0);
		expect(dry.stdout).toContain('Probelauf, es wurde nichts geschrieben');
		expect(dry.stdout).toContain('Würde schreiben');
		expect(fingerprint(geodata)).toBe(before);
	});
});
