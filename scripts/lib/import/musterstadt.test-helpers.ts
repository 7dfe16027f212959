/**
 * Musterstadt, a made-up city for tests: its source files as a coordinator would receive
 * them (Bezirke from an ArcGIS service, Stadtteile as Gauß-Krüger GeoJSON, an Excel CSV of
 * indicator values, Lernorte with UTM coordinates), and a ready build of it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import { SUPPORTED_CRS } from '../../../src/lib/geo/crs';
import { buildCity } from '../build';
import { importStadtbezirke, importStadtteile } from './boundaries';
import { CityDraft } from './cityDraft';
import { importIndicators } from './indicators';
import { initCity } from './init';
import { importLernorte } from './lernorte';

/**
 * Musterstadt: six Stadtteile in a 3 x 2 grid of 0.04° x 0.03° cells from lon 7.16, lat 51.50,
 * in two Stadtbezirke (south row 1, north row 2). Keys 101–103 and 201–203.
 */
const CELL = { lon: 0.04, lat: 0.03, lon0: 7.16, lat0: 51.5 };
export const MUSTERSTADT_NAMES = [
	'Altstadt',
	'Hafen',
	'Mühlenfeld',
	'Nordhöhe',
	'Weißer Berg',
	'Am Stadtpark'
];
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

/** Paths of the source files written by `writeMusterstadtSources`. */
export interface MusterstadtFiles {
	bezirke: string;
	stadtteile: string;
	indicators: string;
	lernorte: string;
}

/** Writes Musterstadt's source files into `dir`. */
export function writeMusterstadtSources(dir: string): MusterstadtFiles {
	const file = (name: string) => join(dir, name);
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
			features: MUSTERSTADT_NAMES.map((name, i) => ({
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

	return {
		bezirke: file('bezirke.json'),
		stadtteile: file('stadtteile.geojson'),
		indicators: file('betreuung.csv'),
		lernorte: file('lernorte.csv')
	};
}

/**
 * Musterstadt through the importer into `geodataDir` (which must hold the Stuttgart catalog as
 * the template of indicator definitions) and built into `outDir/musterstadt/`.
 */
export async function buildMusterstadt(geodataDir: string, sourceDir: string, outDir: string): Promise<void> {
	const files = writeMusterstadtSources(sourceDir);
	const init = new CityDraft(geodataDir, 'musterstadt');
	initCity(init, { name: 'Musterstadt', ags: '05999000' });
	init.commit();
	const steps: Array<(draft: CityDraft) => Promise<unknown>> = [
		(d) => importStadtbezirke(d, { file: files.bezirke, level: 'stadtbezirk', simplify: 2 }),
		(d) =>
			importStadtteile(d, {
				file: files.stadtteile,
				level: 'stadtteil',
				parentField: 'BEZ',
				simplify: 2,
				attribution: 'Stadt Musterstadt – Vermessung (Testdaten)'
			}),
		(d) =>
			importIndicators(d, {
				file: files.indicators,
				indicator: 'betreuungsquote_u3',
				source: 'Statistikstelle Musterstadt (Testdaten)'
			}),
		(d) => importLernorte(d, { file: files.lernorte, replace: false })
	];
	for (const step of steps) {
		const draft = new CityDraft(geodataDir, 'musterstadt');
		await step(draft);
		draft.commit();
	}
	const built = buildCity({ city: 'musterstadt', geodataDir, outDir });
	if (!built.ok) throw new Error(built.issues.map((i) => `${i.file}: ${i.message}`).join('\n'));
}
