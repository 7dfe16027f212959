import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Catalog, CityConfig } from '../../../src/lib/domain/types';
import { buildCity } from '../build';
import { CityDraft } from './cityDraft';
import { makeTempDir } from './formats/fixtures.test-helpers';
import { importStuttgart, STUTTGART_KLGL } from './stuttgart';
import { copyStuttgart, writeKlglStandIn } from './stuttgart.test-helpers';

let tmp: { dir: string; cleanup: () => void };
let geodata: string;
let gpkg: string;

beforeAll(async () => {
	tmp = makeTempDir('bildungslandkarte-stuttgart-');
	geodata = join(tmp.dir, 'geodata');
	gpkg = join(tmp.dir, 'OpenData_KLGL_GENERALISIERT.gpkg');
	copyStuttgart(geodata);
	expect(await writeKlglStandIn(gpkg)).toEqual({ stadtteile: 152, bezirke: 23 });
}, 60_000);
afterAll(() => tmp.cleanup());

test(
	'one command turns the official GeoPackage into the real geometry of both levels',
	{ timeout: 60_000 },
	async () => {
		const draft = new CityDraft(geodata, 'stuttgart');
		const lines: string[] = [];
		const report = await importStuttgart(draft, { file: gpkg, simplify: 2, progress: (l) => lines.push(l) });
		expect(draft.check().blocking).toEqual([]);
		draft.commit();

		const facts = Object.fromEntries(report.facts);
		expect(facts['Stadtteile – Objekte']).toBe('152 Stadtteile');
		expect(facts['Stadtbezirke – Objekte']).toBe('23 Stadtbezirke');
		expect(facts['Stadtteile – Koordinatensystem']).toContain('EPSG:25832');
		expect(lines.some((l) => l.includes('Baue Topologie'))).toBe(true);

		const city = JSON.parse(readFileSync(join(geodata, 'stuttgart', 'city.json'), 'utf8')) as CityConfig;
		expect(city.geometry).toBe('official');
		expect(city.attribution).toBe(STUTTGART_KLGL.attribution);
		// Bezirk keys "01" in the file are matched to the official "1".
		expect(readFileSync(join(geodata, 'stuttgart', 'stadtbezirke.csv'), 'utf8')).toContain('\n1,Mitte,');

		// The demo indicators and Lernorte still build on the new geometry.
		const out = join(tmp.dir, 'out');
		const built = buildCity({ city: 'stuttgart', geodataDir: geodata, outDir: out });
		if (!built.ok) throw new Error(built.issues.map((i) => i.message).join('\n'));
		expect(built.summary.units).toMatchObject({ stadtteil: 152, stadtbezirk: 23, bildungsregion: 6 });
		const catalog = JSON.parse(readFileSync(join(out, 'stuttgart', 'catalog.json'), 'utf8')) as Catalog;
		expect(catalog.city.geometry).toBe('official');
		expect(catalog.city.attribution).toBe('Landeshauptstadt Stuttgart – Stadtmessungsamt, CC BY 4.0');
	}
);
