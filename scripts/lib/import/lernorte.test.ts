import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, Point } from 'geojson';
import proj4 from 'proj4';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CityConfig, Lernort } from '../../../src/lib/domain/types';
import { SUPPORTED_CRS } from '../../../src/lib/geo/crs';
import { buildCity } from '../build';
import { TESTORT_CITY, writeTestort } from '../testort.test-helpers';
import { CityDraft } from './cityDraft';
import {
	ESRI_25832_PRJ,
	makeTempDir,
	writeGeoPackage,
	writeShapefile
} from './formats/fixtures.test-helpers';
import { importLernorte, type LernorteImportOptions } from './lernorte';
import { cp1252, issuesOf, lines, snapshotDir, writeInput } from './importer.test-helpers';
import type { ValidationIssue } from './types';

/** Testort with official Lernorte (no demo mark). */
const REAL_CITY: CityConfig = { ...TESTORT_CITY, demo: { ...TESTORT_CITY.demo, lernorte: false } };
const REAL = { 'city.json': JSON.stringify(REAL_CITY) };

/**
 * One point in each quadrant of Testort (the schematic Stadtteile split the square at
 * lon 9.05, lat 48.05), in WGS84 and in ETRS89 / UTM 32N.
 */
const POINTS: Array<{ stadtteil: string; lon: number; lat: number }> = [
	{ stadtteil: '11', lon: 9.021, lat: 48.021 },
	{ stadtteil: '12', lon: 9.079, lat: 48.022 },
	{ stadtteil: '21', lon: 9.023, lat: 48.078 },
	{ stadtteil: '22', lon: 9.081, lat: 48.079 }
];
const toUtm = proj4('EPSG:4326', SUPPORTED_CRS.get(25832)!.proj4);
const utm = (p: { lon: number; lat: number }) => toUtm.forward([p.lon, p.lat]) as [number, number];
/** German notation with a decimal comma and one decimal: 501567.3 -> "501567,3". */
const de = (v: number, digits = 1) => v.toFixed(digits).replace('.', ',');

let tmp: { dir: string; cleanup: () => void };
let geodata: string;
let cityDir: string;

beforeEach(() => {
	tmp = makeTempDir('bildungslandkarte-lernorte-');
	geodata = join(tmp.dir, 'geodata');
	cityDir = writeTestort(geodata);
});
afterEach(() => tmp.cleanup());

const input = (name: string, content: string | Uint8Array) => writeInput(tmp.dir, name, content);

const snapshot = () => snapshotDir(cityDir);

const run = (draft: CityDraft, opts: Partial<LernorteImportOptions> & { file: string }) =>
	importLernorte(draft, { replace: false, ...opts });

const facts = (report: { facts: Array<[string, string]> }) => Object.fromEntries(report.facts);

/** Builds the committed city and returns its Lernorte by id. */
function built(): Map<string, Lernort> {
	const out = join(tmp.dir, 'out');
	const result = buildCity({ city: 'testort', geodataDir: geodata, outDir: out });
	if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
	const { lernorte } = JSON.parse(readFileSync(join(out, 'testort', 'lernorte.json'), 'utf8')) as {
		lernorte: Lernort[];
	};
	return new Map(lernorte.map((l) => [l.id, l]));
}

/** An Excel list of Kitas and schools: Windows-1252, `;`, decimal commas, address in parts. */
const EXCEL_LIST = [
	'Einrichtung;Art;Breite;Länge;Straße;Nr;PLZ;Ort;Plätze',
	`Kita Sonnenschein;Kindertagesstätte;${de(POINTS[0]!.lat, 3)};${de(POINTS[0]!.lon, 3)};Südweg;1;70000;Testort;45`,
	`Grundschule Südost;Grundschule;${de(POINTS[1]!.lat, 3)};${de(POINTS[1]!.lon, 3)};Ostweg;2;70000;Testort;`,
	`Stadtteilbibliothek;Bibliothek;${de(POINTS[2]!.lat, 3)};${de(POINTS[2]!.lon, 3)};Nordweg;3;70000;Testort;`,
	`Jugendhaus Nordost;Jugendtreff;${de(POINTS[3]!.lat, 3)};${de(POINTS[3]!.lon, 3)};Ringstraße;4a;70000;Testort;`
].join('\r\n');

describe('importLernorte: tables', () => {
	it('replaces the demo Lernorte with an Excel list in degrees; the build finds each Stadtteil', async () => {
		const file = input('Einrichtungen 2024.csv', cp1252(EXCEL_LIST));
		const draft = new CityDraft(geodata, 'testort');
		const report = await run(draft, { file, replace: true });

		expect(lines(draft.text('lernorte.csv'))).toEqual([
			'id,name,type,lat,lon,address,capacity,source',
			'einrichtungen-2024-2,Kita Sonnenschein,kita,48.02100,9.02100,"Südweg 1, 70000 Testort",45,Einrichtungen 2024.csv',
			'einrichtungen-2024-3,Grundschule Südost,grundschule,48.02200,9.07900,"Ostweg 2, 70000 Testort",,Einrichtungen 2024.csv',
			'einrichtungen-2024-4,Stadtteilbibliothek,bibliothek,48.07800,9.02300,"Nordweg 3, 70000 Testort",,Einrichtungen 2024.csv',
			'einrichtungen-2024-5,Jugendhaus Nordost,jugendhaus,48.07900,9.08100,"Ringstraße 4a, 70000 Testort",,Einrichtungen 2024.csv'
		]);
		expect(draft.json<CityConfig>('city.json')!.demo).toEqual({ ...TESTORT_CITY.demo, lernorte: false });
		expect(facts(report)).toMatchObject({
			Koordinaten: 'WGS84 (Längen- und Breitengrad)',
			Lernorte:
				'4 gelesen (1 Kita, 1 Grundschule, 1 Stadtteilbibliothek, 1 Jugendhaus / Kinder- und Jugendtreff)',
			Bestand: 'ersetzt (Demodaten entfernt)'
		});
		expect(facts(report)['Datei']).toContain('windows-1252');

		expect(draft.check().blocking).toEqual([]);
		draft.commit();
		const lernorte = built();
		expect(POINTS.map((_, i) => lernorte.get(`einrichtungen-2024-${i + 2}`)?.stadtteil)).toEqual([
			'11',
			'12',
			'21',
			'22'
		]);
		expect(lernorte.get('einrichtungen-2024-2')).toMatchObject({ capacity: 45, demo: false });
	});

	it('reads UTM Rechtswert/Hochwert, reports the guessed CRS and places the points right', async () => {
		const text = [
			'ID;Name;Typ;Rechtswert;Hochwert',
			...POINTS.map((p, i) => {
				const [x, y] = utm(p);
				return `gs-${i + 1};Grundschule ${p.stadtteil};Grundschule;${de(x)};${de(y)}`;
			})
		].join('\n');
		const file = input('schulen.csv', text);
		const draft = new CityDraft(geodata, 'testort');
		const report = await run(draft, { file, replace: true, source: 'Schulverwaltungsamt' });
		expect(facts(report)['Koordinaten']).toBe('EPSG:25832 (ETRS89 / UTM Zone 32N) (aus den Werten erkannt)');
		const csv = lines(draft.text('lernorte.csv'));
		expect(csv[1]).toBe('gs-1,Grundschule 11,grundschule,48.02100,9.02100,,,Schulverwaltungsamt');
		expect(csv).toHaveLength(5);
		draft.commit();
		const lernorte = built();
		expect(POINTS.map((_, i) => lernorte.get(`gs-${i + 1}`)?.stadtteil)).toEqual(['11', '12', '21', '22']);
	});

	it('takes the CRS given with --crs and checks that the coordinates fit it', async () => {
		const [x, y] = utm(POINTS[0]!);
		const file = input('schulen.csv', `Name;Typ;X;Y\nGrundschule;GS;${de(x)};${de(y)}\n`);
		const report = await run(new CityDraft(geodata, 'testort'), {
			file,
			replace: true,
			crs: 'EPSG:25832'
		});
		expect(facts(report)['Koordinaten']).toBe('EPSG:25832 (ETRS89 / UTM Zone 32N)');

		const before = snapshot();
		const issues = await issuesOf(() =>
			run(new CityDraft(geodata, 'testort'), { file, replace: true, crs: 'EPSG:31467' })
		);
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({ file, column: 'X/Y' });
		expect(issues[0]!.message).toContain('passen nicht zu EPSG:31467');
		expect(issues[0]!.message).toContain('EPSG:25832');
		expect(snapshot()).toEqual(before);
	});

	it('names the columns when latitude and longitude look swapped', async () => {
		const before = snapshot();
		const file = input('kitas.csv', 'Name;Typ;lat;lon\nKita A;Kita;9,021;48,021\nKita B;Kita;9,079;48,022\n');
		const issues = await issuesOf(() => run(new CityDraft(geodata, 'testort'), { file, replace: true }));
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({ file, column: 'lon/lat' });
		expect(issues[0]!.message).toBe(
			'Breite und Länge scheinen vertauscht: die Spalte lon hat Werte um 48.02, die Spalte lat um 9.02'
		);
		expect(issues[0]!.hint).toContain('Spaltenüberschriften');
		expect(snapshot()).toEqual(before);
	});

	const WITH_BAD_ROWS = [
		'Name;Typ;Breite;Länge',
		'Kita Süd;Kita;48,021;9,021',
		'Kita ohne Lage;Kita;;',
		'Kita Nachbarstadt;Kita;48,5;9,5',
		'Kita Nord;Kita;48,079;9,081'
	].join('\n');

	it('stops at rows without coordinates or outside the city, naming their lines', async () => {
		const before = snapshot();
		const file = input('kitas.csv', WITH_BAD_ROWS);
		const draft = new CityDraft(geodata, 'testort');
		const issues = await issuesOf(() => run(draft, { file, replace: true }));
		expect(issues.map((i) => [i.file, i.row, i.column])).toEqual([
			[file, 3, 'Länge'],
			[file, 4, 'Länge/Breite']
		]);
		expect(issues[0]!.message).toBe('Keine verwendbaren Koordinaten (Länge „“, Breite „“)');
		expect(issues[1]!.message).toBe(
			'Lernort „Kita Nachbarstadt“ (48.5, 9.5) liegt außerhalb der Stadt Testort'
		);
		expect(draft.changes).toEqual([]);
		expect(snapshot()).toEqual(before);
	});

	it('with skipInvalid imports the good rows and lists the others as warnings', async () => {
		const file = input('kitas.csv', WITH_BAD_ROWS);
		const draft = new CityDraft(geodata, 'testort');
		const report = await run(draft, { file, replace: true, skipInvalid: true });
		expect(lines(draft.text('lernorte.csv')).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
			'id,name,type',
			'kitas-2,Kita Süd,kita',
			'kitas-5,Kita Nord,kita'
		]);
		expect(report.warnings).toEqual(
			expect.arrayContaining([
				'Zeile 3 übersprungen: Keine verwendbaren Koordinaten (Länge „“, Breite „“)',
				'Zeile 4 übersprungen: Lernort „Kita Nachbarstadt“ (48.5, 9.5) liegt außerhalb der Stadt Testort'
			])
		);
		expect(facts(report)['Übersprungen']).toBe('2 Zeilen (siehe Warnungen)');
		expect(draft.check().blocking).toEqual([]);
	});

	it.each<[string, string, Partial<ValidationIssue>, string]>([
		[
			'an unknown type',
			'Name;Typ;Breite;Länge\nHallenbad;Schwimmbad;48,02;9,02\n',
			{ row: 2, column: 'Typ', message: 'Unbekannter Lernort-Typ „Schwimmbad“' },
			'kita (Kita)'
		],
		[
			'a row naming two types',
			'Name;Typ;Breite;Länge\nSchule am Park;Grund- und Werkrealschule;48,02;9,02\n',
			{ row: 2, column: 'Typ', message: 'Lernort-Typ „Grund- und Werkrealschule“ nennt mehrere Typen' },
			'Eine Zeile je Typ'
		],
		[
			'the same id twice',
			'ID;Name;Typ;Breite;Länge\nk1;Kita A;Kita;48,02;9,02\nk1;Kita B;Kita;48,03;9,03\n',
			{ row: 3, column: 'ID', message: 'ID „k1“ kommt doppelt vor (Zeile 2 und Zeile 3)' },
			'nur einmal'
		],
		[
			'a table without coordinates',
			'Name;Typ;Adresse\nKita A;Kita;Südweg 1\n',
			{ row: 1, message: 'Keine Koordinatenspalten gefunden' },
			'nicht geokodiert'
		]
	])('%s is an error naming line and column', async (_, text, expected, hint) => {
		writeTestort(geodata, REAL);
		const before = snapshot();
		const file = input('liste.csv', text);
		const issues = await issuesOf(() => run(new CityDraft(geodata, 'testort'), { file }));
		expect(issues).toEqual([expect.objectContaining({ file, ...expected })]);
		expect(issues[0]!.hint).toContain(hint);
		expect(snapshot()).toEqual(before);
	});
});

describe('importLernorte: demo data and updates', () => {
	it('refuses to mix official Lernorte into demo ones without replace', async () => {
		const before = snapshot();
		const file = input('kitas.csv', 'Name;Typ;Breite;Länge\nKita Süd;Kita;48,021;9,021\n');
		const draft = new CityDraft(geodata, 'testort');
		const issues = await issuesOf(() => run(draft, { file }));
		expect(issues).toHaveLength(1);
		expect(issues[0]!.file).toMatch(/testort\/lernorte\.csv$/);
		expect(issues[0]!.message).toContain('Demodaten');
		expect(issues[0]!.hint).toContain('--replace');
		expect(draft.changes).toEqual([]);
		expect(snapshot()).toEqual(before);
	});

	it('does not add rows without ids to an existing list: a later import could not find them again', async () => {
		writeTestort(geodata, REAL);
		const before = snapshot();
		const file = input(
			'kitas.csv',
			'Name;Typ;Breite;Länge\nKita Alt;Kita;48,021;9,021\nKita Neu;Kita;48,022;9,022\n'
		);
		const issues = await issuesOf(() => run(new CityDraft(geodata, 'testort'), { file }));
		expect(issues).toHaveLength(1);
		expect(issues[0]!.message).toContain('2 Zeilen haben keine ID');
		expect(issues[0]!.hint).toContain('--replace');
		expect(snapshot()).toEqual(before);
		// Replacing the whole list is fine: nothing has to be found again.
		const draft = new CityDraft(geodata, 'testort');
		await run(draft, { file, replace: true });
		expect(lines(draft.text('lernorte.csv'))).toHaveLength(3);
	});

	it('keeps further columns of the city list: updated rows keep their values, new rows leave them empty', async () => {
		writeTestort(geodata, {
			...REAL,
			'lernorte.csv': [
				'id,name,type,lat,lon,address,capacity,source,telefon',
				'kita-1,Kita Süd,kita,48.021,9.021,,40,Jugendamt,0711 1',
				'gs-1,Grundschule Nord,grundschule,48.079,9.081,,,Schulamt,0711 2'
			].join('\n')
		});
		const file = input(
			'kitas.csv',
			'ID;Name;Typ;Breite;Länge\nkita-1;Kita Süd;Kita;48,021;9,021\nkita-2;Kita Neu;Kita;48,022;9,079\n'
		);
		const draft = new CityDraft(geodata, 'testort');
		await run(draft, { file, source: 'Jugendamt 2024' });
		expect(lines(draft.text('lernorte.csv'))).toEqual([
			'id,name,type,lat,lon,address,capacity,source,telefon',
			'kita-1,Kita Süd,kita,48.02100,9.02100,,,Jugendamt 2024,0711 1',
			'gs-1,Grundschule Nord,grundschule,48.079,9.081,,,Schulamt,0711 2',
			'kita-2,Kita Neu,kita,48.02200,9.07900,,,Jugendamt 2024,'
		]);
		expect(draft.check().blocking).toEqual([]);
	});

	it('without replace updates rows by id in place, adds new ones and keeps the rest', async () => {
		writeTestort(geodata, {
			...REAL,
			'lernorte.csv': [
				'id,name,type,lat,lon,address,capacity,source',
				'kita-1,Kita Süd,kita,48.021,9.021,"Weg 1, 70000 Testort",40,Jugendamt',
				'gs-1,Grundschule Nord,grundschule,48.079,9.081,"Weg 2, 70000 Testort",,Schulamt',
				'bib-1,Bibliothek,bibliothek,48.078,9.023,,,Kulturamt'
			].join('\n')
		});
		const file = input(
			'kitas.csv',
			[
				'ID;Name;Typ;Breite;Länge;Adresse;Plätze;Quelle',
				'kita-1;Kita Süd (erweitert);Kita;48,021;9,021;Weg 1, 70000 Testort;55;Jugendamt 2024',
				'kita-2;Kita Südost;Kita;48,022;9,079;;30;Jugendamt 2024'
			].join('\n')
		);
		const draft = new CityDraft(geodata, 'testort');
		const report = await run(draft, { file });
		expect(facts(report)['Bestand']).toBe('1 aktualisiert, 1 neu, 2 unverändert');
		expect(lines(draft.text('lernorte.csv'))).toEqual([
			'id,name,type,lat,lon,address,capacity,source',
			'kita-1,Kita Süd (erweitert),kita,48.02100,9.02100,"Weg 1, 70000 Testort",55,Jugendamt 2024',
			'gs-1,Grundschule Nord,grundschule,48.079,9.081,"Weg 2, 70000 Testort",,Schulamt',
			'bib-1,Bibliothek,bibliothek,48.078,9.023,,,Kulturamt',
			'kita-2,Kita Südost,kita,48.02200,9.07900,,30,Jugendamt 2024'
		]);
		// The city was official before: city.json stays as it is.
		expect(draft.changes).toEqual(['lernorte.csv']);
		expect(draft.check().blocking).toEqual([]);
		draft.commit();
		const lernorte = built();
		expect([...lernorte.values()].map((l) => [l.id, l.stadtteil])).toEqual([
			['kita-1', '11'],
			['gs-1', '22'],
			['bib-1', '21'],
			['kita-2', '12']
		]);
	});

	it('with replace on an official city drops the Lernorte the file does not name', async () => {
		writeTestort(geodata, REAL);
		const file = input('kitas.csv', 'ID;Name;Typ;Breite;Länge\nkita-9;Kita Nord;Kita;48,079;9,081\n');
		const draft = new CityDraft(geodata, 'testort');
		const report = await run(draft, { file, replace: true });
		expect(facts(report)['Bestand']).toBe('ersetzt');
		expect(lines(draft.text('lernorte.csv'))).toEqual([
			'id,name,type,lat,lon,address,capacity,source',
			'kita-9,Kita Nord,kita,48.07900,9.08100,,,kitas.csv'
		]);
		expect(draft.changes).toEqual(['lernorte.csv']);
	});
});

describe('importLernorte: point files', () => {
	const feature = (
		p: { lon: number; lat: number },
		properties: Record<string, unknown>,
		coordinates: [number, number] = [p.lon, p.lat]
	): Feature<Point> => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates } });

	it('reads GeoJSON points (WGS84)', async () => {
		const file = input(
			'lernorte.geojson',
			JSON.stringify({
				type: 'FeatureCollection',
				features: POINTS.map((p, i) =>
					feature(p, { id: `jh-${i + 1}`, name: `Jugendhaus ${p.stadtteil}`, typ: 'Jugendhaus' })
				)
			})
		);
		const draft = new CityDraft(geodata, 'testort');
		const report = await run(draft, { file, replace: true, source: 'Jugendamt' });
		expect(facts(report)['Koordinaten']).toBe('EPSG:4326 (WGS 84, Länge/Breite) (Punktgeometrie)');
		expect(lines(draft.text('lernorte.csv'))[3]).toBe(
			'jh-3,Jugendhaus 21,jugendhaus,48.07800,9.02300,,,Jugendamt'
		);
		draft.commit();
		const lernorte = built();
		expect(POINTS.map((_, i) => lernorte.get(`jh-${i + 1}`)?.stadtteil)).toEqual(['11', '12', '21', '22']);
	});

	it('takes the point geometry, not stale lat/lon attributes', async () => {
		const file = input(
			'lernorte.geojson',
			JSON.stringify({
				type: 'FeatureCollection',
				features: [
					feature(POINTS[0]!, { name: 'Kita A', typ: 'Kita', lat: null, lon: null }),
					feature(POINTS[3]!, { name: 'Kita B', typ: 'Kita', lat: '0', lon: '0' })
				]
			})
		);
		const draft = new CityDraft(geodata, 'testort');
		await run(draft, { file, replace: true });
		expect(
			lines(draft.text('lernorte.csv'))
				.slice(1)
				.map((l) => l.split(',').slice(1, 5).join(','))
		).toEqual(['Kita A,kita,48.02100,9.02100', 'Kita B,kita,48.07900,9.08100']);
	});

	it('refuses a GeoJSON whose points have latitude and longitude swapped', async () => {
		const file = input(
			'lernorte.geojson',
			JSON.stringify({
				type: 'FeatureCollection',
				features: POINTS.map((p) => feature(p, { name: 'Kita', typ: 'Kita' }, [p.lat, p.lon]))
			})
		);
		const issues = await issuesOf(() => run(new CityDraft(geodata, 'testort'), { file, replace: true }));
		expect(issues).toHaveLength(1);
		expect(issues[0]!.message).toContain('mit vertauschten Achsen (x enthält die Breite, y die Länge)');
	});

	it('refuses a GeoJSON with other geometries than points', async () => {
		const file = input(
			'lernorte.geojson',
			JSON.stringify({
				type: 'FeatureCollection',
				features: [
					feature(POINTS[0]!, { name: 'Kita A', typ: 'Kita' }),
					{
						type: 'Feature',
						properties: { name: 'Park', typ: 'Spielplatz' },
						geometry: {
							type: 'Polygon',
							coordinates: [
								[
									[9.01, 48.01],
									[9.02, 48.01],
									[9.02, 48.02],
									[9.01, 48.01]
								]
							]
						}
					}
				]
			})
		);
		const issues = await issuesOf(() => run(new CityDraft(geodata, 'testort'), { file, replace: true }));
		expect(issues.map((i) => [i.row, i.message])).toEqual([[2, 'Objekt 2 ist ein Polygon, kein Punkt']]);
	});

	it('reads a GeoPackage and a Shapefile with points in UTM', async () => {
		const gpkg = join(tmp.dir, 'schulen.gpkg');
		await writeGeoPackage(gpkg, [
			{
				name: 'schulen',
				fields: [
					{ name: 'SCHULNAME', type: 'TEXT' },
					{ name: 'SCHULART', type: 'TEXT' }
				],
				features: POINTS.map((p) => ({
					properties: { SCHULNAME: `Realschule ${p.stadtteil}`, SCHULART: 'Realschule' },
					geometry: { type: 'Point', coordinates: utm(p) }
				}))
			}
		]);
		const fromGpkg = new CityDraft(geodata, 'testort');
		const report = await run(fromGpkg, { file: gpkg, replace: true });
		expect(facts(report)['Koordinaten']).toBe('EPSG:25832 (ETRS89 / UTM Zone 32N) (Punktgeometrie)');
		// A GeoPackage's fid is a row number, no id (it repeats in every file): ids come from
		// file name and object, as for the shapefile, which has none.
		expect(lines(fromGpkg.text('lernorte.csv'))[1]).toBe(
			'schulen-1,Realschule 11,realschule,48.02100,9.02100,,,schulen.gpkg'
		);

		const shp = writeShapefile(tmp.dir, 'Gymnasien', {
			features: POINTS.map((p) => ({
				properties: { NAME: `Gymnasium ${p.stadtteil}`, ART: 'Gymnasium' },
				geometry: { type: 'Point', coordinates: utm(p) }
			})),
			prj: ESRI_25832_PRJ
		});
		const fromShp = new CityDraft(geodata, 'testort');
		await run(fromShp, { file: shp, replace: true });
		expect(lines(fromShp.text('lernorte.csv'))[4]).toBe(
			'gymnasien-4,Gymnasium 22,gymnasium,48.07900,9.08100,,,Gymnasien.shp'
		);
		expect(fromShp.check().blocking).toEqual([]);
	});
});
