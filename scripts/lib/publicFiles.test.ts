import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPrimarySensitive } from '../../src/lib/domain/suppress';
import type { Catalog, PublicCatalog, ValuesWire } from '../../src/lib/domain/types';
import { buildCity, readCity, type CityInputs } from './build';

/*
 * The public files of the Stuttgart demo, built for real into a temporary folder and read back
 * as a host would publish them: no internal indicator, no value below the disclosure thresholds.
 */

const CITY = 'stuttgart';
let out: string;
let full: { catalog: Catalog; values: ValuesWire };
let inputs: CityInputs;
let files: Map<string, string>;

function listFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]
	);
}

beforeAll(() => {
	out = mkdtempSync(join(tmpdir(), 'bildungslandkarte-public-'));
	const result = buildCity({ city: CITY, geodataDir: 'geodata', outDir: out });
	if (!result.ok) throw new Error(`build failed: ${result.issues.map((i) => i.message).join('; ')}`);
	const read = (name: string) => JSON.parse(readFileSync(join(out, CITY, name), 'utf8'));
	full = { catalog: read('catalog.json'), values: read('values.json') };
	const source = readCity(join('geodata', CITY), CITY, CITY);
	if (!source.inputs) throw new Error('sources of the demo do not validate');
	inputs = source.inputs;
	const dir = join(out, CITY, 'public');
	files = new Map(listFiles(dir).map((f) => [relative(dir, f), readFileSync(f, 'utf8')]));
}, 60_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('public files of the Stuttgart demo', () => {
	it('has internal indicators to keep out (else this test proves nothing)', () => {
		expect(full.catalog.indicators.filter((i) => !i.public).map((i) => i.id)).toContain(
			'klassenwiederholungen'
		);
	});

	it('holds the catalog, the areas and one values file per public indicator, nothing else', () => {
		const pub = full.catalog.indicators.filter((i) => i.public).map((i) => `values/${i.id}.json`);
		expect([...files.keys()].sort()).toEqual(['areas.topo.json', 'catalog.json', ...pub].sort());
		const catalog = JSON.parse(files.get('catalog.json')!) as PublicCatalog;
		expect(catalog.indicators.every((i) => i.public)).toBe(true);
	});

	it('mentions no internal indicator by id or title in any file', () => {
		const internal = full.catalog.indicators.filter((i) => !i.public);
		for (const [name, text] of files)
			for (const meta of internal) {
				expect(text, `${name} names ${meta.id}`).not.toContain(meta.id);
				expect(text, `${name} names „${meta.title}“`).not.toContain(meta.title);
			}
	});

	it('publishes every cell below the thresholds as "g", never its raw counts', () => {
		const rules = full.catalog.city.disclosure;
		const keys = full.values.units.stadtteil;
		let checked = 0;
		for (const row of inputs.rows) {
			const meta = full.catalog.indicators.find((i) => i.id === row.indicator)!;
			if (!meta.public || !isPrimarySensitive(row.cell, meta.kind, rules)) continue;
			const values = JSON.parse(files.get(`values/${meta.id}.json`)!) as ValuesWire;
			const series = values.indicators[meta.id]![String(row.year)]!.stadtteil!;
			const i = keys.indexOf(row.area);
			expect(series.n[i], `${meta.id} ${row.year} ${row.area}`).toBe('g');
			expect(series.d?.[i] ?? null).toBeNull();
			checked++;
		}
		expect(checked).toBeGreaterThan(0);
	});

	it('publishes the disclosure-controlled values of the full build unchanged', () => {
		for (const meta of full.catalog.indicators.filter((i) => i.public)) {
			const values = JSON.parse(files.get(`values/${meta.id}.json`)!) as ValuesWire;
			expect(values.indicators).toEqual({ [meta.id]: full.values.indicators[meta.id] });
			expect(values.units).toEqual(full.values.units);
		}
	});

	it('is lighter geometry with the same areas', () => {
		const topo = JSON.parse(files.get('areas.topo.json')!);
		expect(Object.keys(topo.objects).sort()).toEqual(['stadtbezirk', 'stadtteil']);
		expect(topo.objects.stadtteil.geometries.map((g: { id: string }) => g.id)).toEqual(
			full.values.units.stadtteil
		);
		expect(files.get('areas.topo.json')!.length).toBeLessThan(
			readFileSync(join(out, CITY, 'areas.topo.json'), 'utf8').length
		);
	});
});
