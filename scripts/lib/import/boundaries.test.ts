import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Polygon, Position } from 'geojson';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CityConfig } from '../../../src/lib/domain/types';
import { decodeAreas } from '../../../src/lib/geo/topology';
import { buildCity } from '../build';
import { writeTestort } from '../testort.test-helpers';
import { importStadtbezirke, importStadtteile, type BoundaryOptions } from './boundaries';
import { CityDraft } from './cityDraft';
import {
	ESRI_25832_PRJ,
	makeTempDir,
	squarePolygon,
	writeGeoPackage,
	writeShapefile,
	type FixtureFeature
} from './formats/fixtures.test-helpers';
import { ImportError } from './types';

/**
 * Testort's four Stadtteile as official polygons in ETRS89 / UTM 32N: a 2 x 2 grid of
 * 4.5 km squares from (500000, 5316600) – lon 9.0, lat 48.0 lies at about (500000, 5316592).
 */
const SIZE = 4500;
const X0 = 500000;
const Y0 = 5316600;
const QUADRANTS: Array<{ key: string; name: string; parent: string; col: number; row: number }> = [
	{ key: '11', name: 'Südwest', parent: '1', col: 0, row: 0 },
	{ key: '12', name: 'Südost', parent: '1', col: 1, row: 0 },
	{ key: '21', name: 'Nordwest', parent: '2', col: 0, row: 1 },
	{ key: '22', name: 'Nordost', parent: '2', col: 1, row: 1 }
];

function stadtteilFeatures(
	edit: (f: FixtureFeature, i: number) => FixtureFeature = (f) => f
): FixtureFeature[] {
	return QUADRANTS.map((q, i) =>
		edit(
			{
				properties: { STADTTEILNR: q.key, STADTTEILNAME: q.name, STADTBEZIRKNR: q.parent },
				geometry: squarePolygon(X0 + q.col * SIZE, Y0 + q.row * SIZE, SIZE)
			},
			i
		)
	);
}

function bezirkFeatures(names = ['Süd', 'Nord']): FixtureFeature[] {
	return [0, 1].map((row) => ({
		properties: { STADTBEZIRKNR: String(row + 1), STADTBEZIRKNAME: names[row]! },
		geometry: {
			type: 'Polygon',
			coordinates: [
				[
					[X0, Y0 + row * SIZE],
					[X0 + 2 * SIZE, Y0 + row * SIZE],
					[X0 + 2 * SIZE, Y0 + (row + 1) * SIZE],
					[X0, Y0 + (row + 1) * SIZE],
					[X0, Y0 + row * SIZE]
				]
			]
		} satisfies Polygon
	}));
}

const FIELDS = {
	stadtteil: [
		{ name: 'STADTTEILNR', type: 'TEXT' as const },
		{ name: 'STADTTEILNAME', type: 'TEXT' as const },
		{ name: 'STADTBEZIRKNR', type: 'TEXT' as const }
	],
	stadtbezirk: [
		{ name: 'STADTBEZIRKNR', type: 'TEXT' as const },
		{ name: 'STADTBEZIRKNAME', type: 'TEXT' as const }
	]
};

let tmp: { dir: string; cleanup: () => void };
let geodata: string;
let gpkg: string;

async function writeOfficialGpkg(
	stadtteile = stadtteilFeatures(),
	bezirke = bezirkFeatures()
): Promise<string> {
	await writeGeoPackage(gpkg, [
		{ name: 'GRENZEN_STADTTEIL', fields: FIELDS.stadtteil, features: stadtteile },
		{ name: 'GRENZEN_STADTBEZIRK', fields: FIELDS.stadtbezirk, features: bezirke }
	]);
	return gpkg;
}

const options = (extra: Partial<BoundaryOptions> = {}): BoundaryOptions => ({
	file: gpkg,
	level: 'stadtteil',
	layer: 'GRENZEN_STADTTEIL',
	simplify: 2,
	attribution: 'Testort – Vermessungsamt, CC BY 4.0',
	...extra
});

/** The issues of an ImportError thrown by `run`, as `message — hint` lines. */
async function issuesOf(run: () => Promise<unknown>): Promise<string[]> {
	try {
		await run();
	} catch (err) {
		if (err instanceof ImportError) return err.issues.map((i) => `${i.row ?? ''} ${i.message} — ${i.hint}`);
		throw err;
	}
	throw new Error('expected an ImportError');
}

beforeEach(() => {
	tmp = makeTempDir('bildungslandkarte-boundaries-');
	geodata = join(tmp.dir, 'geodata');
	gpkg = join(tmp.dir, 'grenzen.gpkg');
	writeTestort(geodata);
});
afterEach(() => tmp.cleanup());

describe('importStadtteile', () => {
	test('replaces the schematic geometry with the official one, which the build then uses', async () => {
		await writeOfficialGpkg();
		const draft = new CityDraft(geodata, 'testort');
		const report = await importStadtteile(draft, options());
		expect(draft.check().blocking).toEqual([]);
		draft.commit();

		const facts = Object.fromEntries(report.facts);
		expect(facts['Koordinatensystem']).toContain('EPSG:25832');
		expect(facts['Objekte']).toBe('4 Stadtteile');
		expect(facts['Stützpunkte']).toMatch(/^\d+ → \d+$/);
		expect(facts['Größe']).toContain('TopoJSON');

		const city = JSON.parse(readFileSync(join(geodata, 'testort', 'city.json'), 'utf8')) as CityConfig;
		expect(city.geometry).toBe('official');
		expect(city.attribution).toBe('Testort – Vermessungsamt, CC BY 4.0');
		const csv = readFileSync(join(geodata, 'testort', 'stadtteile.csv'), 'utf8')
			.trim()
			.split('\n');
		expect(csv[0]).toBe('nr,name,bezirk_nr,bezirk_name,lat,lon');
		// The interior point of Südwest lies inside its square (lon 9.0–9.06, lat 48.0–48.04).
		const [, , , , lat, lon] = csv[1]!.split(',');
		expect(Number(lon)).toBeGreaterThan(9.0);
		expect(Number(lon)).toBeLessThan(9.061);
		expect(Number(lat)).toBeGreaterThan(48.0);
		expect(Number(lat)).toBeLessThan(48.041);

		const out = join(tmp.dir, 'out');
		const built = buildCity({ city: 'testort', geodataDir: geodata, outDir: out });
		expect(built.ok).toBe(true);
		const topo = JSON.parse(readFileSync(join(out, 'testort', 'areas.topo.json'), 'utf8'));
		const bezirke = decodeAreas(topo, 'stadtbezirk');
		expect(bezirke.map((b) => [b.id, b.properties.name])).toEqual([
			['1', 'Süd'],
			['2', 'Nord']
		]);
		// Reprojected corner of the grid (500000, 5316600) is at lon 9.0 exactly (central meridian).
		const corners = decodeAreas(topo, 'stadtteil')[0]!.geometry.coordinates.flat(2) as unknown as number[];
		expect(Math.min(...corners.filter((_, i) => i % 2 === 0))).toBeCloseTo(9.0, 4);
	});

	test('a shapefile without .prj stops with the CRS its coordinates look like; --crs lets it in', async () => {
		const dir = join(tmp.dir, 'shp');
		const { mkdirSync } = await import('node:fs');
		mkdirSync(dir);
		const shp = writeShapefile(dir, 'stadtteile', { features: stadtteilFeatures() });
		const draft = new CityDraft(geodata, 'testort');
		const issues = await issuesOf(() => importStadtteile(draft, options({ file: shp, layer: undefined })));
		expect(issues).toHaveLength(1);
		expect(issues[0]).toContain('EPSG:25832');
		expect(issues[0]).toContain('--crs');
		expect(issues[0]).toContain('.prj');

		// dBASE cut STADTTEILNAME to STADTTEI_1; the key and the name are still told apart.
		const report = await importStadtteile(draft, options({ file: shp, layer: undefined, crs: 'EPSG:25832' }));
		expect(Object.fromEntries(report.facts)['Felder']).toBe(
			'Schlüssel STADTTEILN, Name STADTTEI_1, Stadtbezirk STADTBEZIR'
		);
		expect(draft.check().blocking).toEqual([]);
	});

	test('a .prj that names the CRS is read', async () => {
		const dir = join(tmp.dir, 'shp');
		const { mkdirSync } = await import('node:fs');
		mkdirSync(dir);
		const shp = writeShapefile(dir, 'stadtteile', { features: stadtteilFeatures(), prj: ESRI_25832_PRJ });
		const report = await importStadtteile(
			new CityDraft(geodata, 'testort'),
			options({ file: shp, layer: undefined })
		);
		expect(Object.fromEntries(report.facts)['Koordinatensystem']).toContain('EPSG:25832');
	});

	test('coordinates that cannot belong to the stated CRS are refused', async () => {
		await writeOfficialGpkg();
		const issues = await issuesOf(() =>
			importStadtteile(new CityDraft(geodata, 'testort'), options({ crs: 'EPSG:31467' }))
		);
		expect(issues.join('\n')).toContain('EPSG:25832');
	});

	test.each<[string, (f: FixtureFeature, i: number) => FixtureFeature, string]>([
		[
			'an unknown key',
			(f, i) => (i === 3 ? { ...f, properties: { ...f.properties, STADTTEILNR: '99' } } : f),
			'Stadtteil 99 steht nicht in'
		],
		[
			'a duplicate key',
			(f, i) => (i === 3 ? { ...f, properties: { ...f.properties, STADTTEILNR: '11' } } : f),
			'Schlüssel 11 kommt doppelt vor (zuerst Objekt 1)'
		],
		['a missing geometry', (f, i) => (i === 2 ? { ...f, geometry: null } : f), 'hat keine Geometrie'],
		[
			'a key that is text',
			(f, i) => (i === 0 ? { ...f, properties: { ...f.properties, STADTTEILNR: 'elf' } } : f),
			'Schlüssel „elf“ ist keine Zahl'
		],
		[
			'an unknown Bezirk',
			(f, i) => (i === 0 ? { ...f, properties: { ...f.properties, STADTBEZIRKNR: '7' } } : f),
			'Stadtbezirk 7 steht nicht in'
		]
	])('%s is reported with the feature and the fix', async (_, edit, message) => {
		await writeOfficialGpkg(stadtteilFeatures(edit));
		const before = readFileSync(join(geodata, 'testort', 'city.json'), 'utf8');
		const issues = await issuesOf(() => importStadtteile(new CityDraft(geodata, 'testort'), options()));
		expect(issues.join('\n')).toContain(message);
		expect(readFileSync(join(geodata, 'testort', 'city.json'), 'utf8')).toBe(before);
	});

	test('an area missing from the file is named', async () => {
		await writeOfficialGpkg(stadtteilFeatures().slice(0, 3));
		const issues = await issuesOf(() => importStadtteile(new CityDraft(geodata, 'testort'), options()));
		expect(issues.join('\n')).toContain('1 Stadtteil aus');
		expect(issues.join('\n')).toContain('fehlen in der Datei: 22');
	});

	test('a layer that does not exist lists the layers that do', async () => {
		await writeOfficialGpkg();
		const issues = await issuesOf(() =>
			importStadtteile(new CityDraft(geodata, 'testort'), options({ layer: 'STADTTEILE' }))
		);
		expect(issues.join('\n')).toContain('GRENZEN_STADTTEIL');
		expect(issues.join('\n')).toContain('GRENZEN_STADTBEZIRK');
	});

	test('a field that does not exist lists the fields there are', async () => {
		await writeOfficialGpkg();
		const issues = await issuesOf(() =>
			importStadtteile(new CityDraft(geodata, 'testort'), options({ idField: 'STT_NR' }))
		);
		expect(issues.join('\n')).toContain('Feld „STT_NR“');
		expect(issues.join('\n')).toContain('STADTTEILNR, STADTTEILNAME, STADTBEZIRKNR');
	});

	test('a self-intersecting area is imported with a warning that says where', async () => {
		await writeOfficialGpkg(
			stadtteilFeatures((f, i) => {
				if (i !== 0) return f;
				const ring = (f.geometry as Polygon).coordinates[0]!.map((p) => [...p]) as Position[];
				// Swap two corners: the outline crosses itself in the middle of the square.
				[ring[1], ring[2]] = [ring[2]!, ring[1]!];
				return { ...f, geometry: { type: 'Polygon', coordinates: [ring] } };
			})
		);
		const report = await importStadtteile(new CityDraft(geodata, 'testort'), options());
		expect(report.warnings.join('\n')).toContain('Objekt 1 (Schlüssel 11): Umriss schneidet sich selbst');
	});

	test('a working city must keep building: an import that would break it is refused', async () => {
		// Stadtteil 22 becomes 23: indicators.csv and the Bildungsregionen still name 22.
		await writeOfficialGpkg(
			stadtteilFeatures((f, i) =>
				i === 3 ? { ...f, properties: { ...f.properties, STADTTEILNR: '23' } } : f
			)
		);
		const draft = new CityDraft(geodata, 'testort');
		await importStadtteile(draft, options({ newKeys: true }));
		const { blocking } = draft.check();
		expect(blocking.map((i) => `${i.file}:${i.row ?? ''} ${i.message}`).join('\n')).toContain(
			'indicators.csv'
		);
	});

	test('without a Bezirk field the Bezirke come from the city list', async () => {
		await writeOfficialGpkg(
			stadtteilFeatures((f) => ({
				...f,
				properties: { STADTTEILNR: f.properties.STADTTEILNR!, STADTTEILNAME: f.properties.STADTTEILNAME! }
			}))
		);
		const draft = new CityDraft(geodata, 'testort');
		await importStadtteile(draft, options());
		expect(draft.check().blocking).toEqual([]);
		expect(draft.text('stadtteile.csv')).toContain('22,Nordost,2,Nord,');
	});
});

describe('importStadtbezirke', () => {
	test('takes keys and names, keeps further columns and renames the merged Bezirke', async () => {
		writeTestort(geodata, {
			'stadtbezirke.csv': 'bezirk_nr,bezirk_name,einwohner_2023\n1,Süd,1200\n2,Nord,800\n'
		});
		await writeOfficialGpkg(stadtteilFeatures(), bezirkFeatures(['Süd-Stadt', 'Nord-Stadt']));
		const draft = new CityDraft(geodata, 'testort');
		await importStadtteile(draft, options());
		const report = await importStadtbezirke(
			draft,
			options({ level: 'stadtbezirk', layer: 'GRENZEN_STADTBEZIRK', attribution: undefined })
		);
		expect(draft.check().blocking).toEqual([]);
		expect(draft.text('stadtbezirke.csv')).toBe(
			'bezirk_nr,bezirk_name,einwohner_2023\n1,Süd-Stadt,1200\n2,Nord-Stadt,800\n'
		);
		expect(draft.text('stadtteile.csv')).toContain('11,Südwest,1,Süd-Stadt,');
		expect(report.warnings.join('\n')).toContain('2 Bezirksnamen aus der Datei übernommen');
		const topo = JSON.parse(draft.text('areas.topo.json')!);
		expect(decodeAreas(topo, 'stadtbezirk').map((b) => b.properties.name)).toEqual([
			'Süd-Stadt',
			'Nord-Stadt'
		]);
	});

	test('a Stadtteil listed under the wrong Bezirk is reported', async () => {
		writeTestort(geodata, {
			'stadtteile.csv':
				'nr,name,bezirk_nr,bezirk_name,lat,lon\n11,Südwest,1,Süd,48.02,9.02\n12,Südost,1,Süd,48.02,9.08\n21,Nordwest,1,Süd,48.06,9.02\n22,Nordost,2,Nord,48.06,9.08\n'
		});
		await writeOfficialGpkg();
		const report = await importStadtbezirke(
			new CityDraft(geodata, 'testort'),
			options({ level: 'stadtbezirk', layer: 'GRENZEN_STADTBEZIRK' })
		);
		expect(report.warnings.join('\n')).toContain(
			'Stadtteil 21 Nordwest liegt in Stadtbezirk 2, steht aber unter Bezirk 1'
		);
	});

	test('Bezirke that lose or lack their Stadtteile are named, not a crash', async () => {
		await writeOfficialGpkg(stadtteilFeatures(), [
			...bezirkFeatures(),
			{
				properties: { STADTBEZIRKNR: '3', STADTBEZIRKNAME: 'Neu' },
				geometry: squarePolygon(X0, Y0 - SIZE, SIZE)
			}
		]);
		const draft = new CityDraft(geodata, 'testort');
		await importStadtteile(draft, options());
		const issues = await issuesOf(() =>
			importStadtbezirke(
				draft,
				options({ level: 'stadtbezirk', layer: 'GRENZEN_STADTBEZIRK', newKeys: true })
			)
		);
		expect(issues.join('\n')).toContain('Stadtbezirk 3 Neu hat keine Stadtteile');

		await writeOfficialGpkg(stadtteilFeatures(), bezirkFeatures().slice(0, 1));
		const missing = await issuesOf(() =>
			importStadtbezirke(
				draft,
				options({ level: 'stadtbezirk', layer: 'GRENZEN_STADTBEZIRK', newKeys: true })
			)
		);
		expect(missing.join('\n')).toContain(
			'Die Stadtbezirke 2 fehlen in der Datei, haben aber Stadtteile (21 Nordwest, 22 Nordost)'
		);
	});

	test('Bezirk keys written with leading zeros keep the Stadtteile with them', async () => {
		await writeOfficialGpkg(
			stadtteilFeatures(),
			bezirkFeatures().map((f) => ({
				...f,
				properties: { ...f.properties, STADTBEZIRKNR: `0${f.properties.STADTBEZIRKNR}` }
			}))
		);
		const draft = new CityDraft(geodata, 'testort');
		await importStadtteile(draft, options());
		await importStadtbezirke(draft, options({ level: 'stadtbezirk', layer: 'GRENZEN_STADTBEZIRK' }));
		// The city's keys stay as they are ("1", "2"): "01" is matched to "1".
		expect(draft.text('stadtbezirke.csv')).toBe('bezirk_nr,bezirk_name\n1,Süd\n2,Nord\n');
		expect(draft.check().blocking).toEqual([]);
	});
});

describe('a new city', () => {
	test('takes its Bezirke from the Stadtteil file; "01" and "1" are one Bezirk', async () => {
		writeTestort(geodata, {
			'stadtteile.csv': 'nr,name,bezirk_nr,bezirk_name,lat,lon\n',
			'stadtbezirke.csv': 'bezirk_nr,bezirk_name\n'
		});
		await writeOfficialGpkg(
			stadtteilFeatures((f, i) =>
				i === 1 ? { ...f, properties: { ...f.properties, STADTBEZIRKNR: '01' } } : f
			)
		);
		const draft = new CityDraft(geodata, 'testort');
		const report = await importStadtteile(draft, options({ newKeys: true }));
		expect(draft.text('stadtbezirke.csv')).toBe('bezirk_nr,bezirk_name\n1,Stadtbezirk 1\n2,Stadtbezirk 2\n');
		expect(report.warnings.join('\n')).toContain('2 Stadtbezirke nur mit Nummer angelegt');
	});
});
