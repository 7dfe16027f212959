/**
 * The Förderlücken analysis on the Stuttgart demo, through the same loading as `npm run gaps`:
 * shape of the result, the properties a workshop relies on (a new Lernort never raises a gap
 * score), the Bezirk level, and the CLI itself.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyseCityGaps, type CityGaps } from '../../src/lib/domain/cityGaps';
import { GAP_CLASS_ORDER } from '../../src/lib/domain/gaps';
import type { Lernort } from '../../src/lib/domain/types';
import { parseCsv } from '../../src/lib/domain/csv';
import { buildAreaGrid, reachShares, type GridArea } from '../../src/lib/geo/reachGrid';
import { areaSpread, gapRows, GAP_ROW_HEADER, loadGapCity, type GapCity } from './gapsCli';
import { makeTempDir } from './import/formats/fixtures.test-helpers';
import { copyStuttgart } from './import/stuttgart.test-helpers';

const ROOT = resolve(import.meta.dirname, '../..');

let city: GapCity;
let areas: GridArea[];
let settlement: unknown;
let analyse: (level: 'stadtteil' | 'stadtbezirk', year?: number) => CityGaps;
let base: CityGaps;

beforeAll(() => {
	const loaded = loadGapCity(join(ROOT, 'geodata'), 'stuttgart', { publicOnly: false });
	if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join('\n'));
	city = loaded.city;
	areas = loaded.areas;
	settlement = loaded.settlement;
	analyse = loaded.analyse;
	base = analyse('stadtteil');
}, 30_000);

const scores = (a: CityGaps, phase: string) =>
	new Map([...a.phases.find((p) => p.phase === phase)!.areas].map(([k, g]) => [k, g.score]));

describe('the analysis of the Stuttgart demo', () => {
	test('covers every Stadtteil and phase, with every class and a reason for each unknown', () => {
		expect(base.year).toBe(2024);
		expect(base.phases.map((p) => p.phase)).toEqual(['fruehe', 'elementar', 'primar', 'sek1', 'sek2']);
		const seen = new Set<string>();
		for (const phase of base.phases) {
			expect(phase.areas.size).toBe(152);
			for (const gap of phase.areas.values()) {
				seen.add(gap.gapClass);
				if (gap.gapClass === 'unbekannt') expect(gap.reason, `${phase.phase}`).toBeTruthy();
				else {
					expect(gap.score).toBeGreaterThanOrEqual(0);
					expect(gap.score).toBeLessThanOrEqual(1);
				}
			}
		}
		expect([...seen].sort()).toEqual([...GAP_CLASS_ORDER].sort());
	});

	test('informal sites do not hide missing formal ones: reach is averaged per kind of Lernort', () => {
		const fruehe = base.phases.find((p) => p.phase === 'fruehe')!;
		let differs = 0;
		for (const [key, byCategory] of fruehe.reachByCategory) {
			const parts = Object.values(byCategory);
			const mean = parts.reduce((s, v) => s + v, 0) / parts.length;
			expect(fruehe.inputs.get(key)!.reachShare).toBeCloseTo(mean, 12);
			if ((byCategory.informal ?? 0) - (byCategory.formal ?? 0) > 0.3) differs++;
		}
		// Many Stadtteile have playgrounds close by but Kitas further away.
		expect(differs).toBeGreaterThan(10);
	});

	test('a new Kita never raises any gap score and lowers some; removing a Grundschule never lowers one', () => {
		const grid = buildAreaGrid(areas);
		const run = (lernorte: Lernort[]) => analyseCityGaps({ ...city, lernorte, grid, level: 'stadtteil' });
		// A Kita in the Stadtteil with the highest early-years gap.
		const worst = [...scores(base, 'fruehe')].sort((a, b) => (b[1] ?? -1) - (a[1] ?? -1))[0]![0];
		const inside = city.lernorte.find((l) => l.stadtteil === worst) ?? city.lernorte[0]!;
		const kita: Lernort = {
			...city.lernorte.find((l) => l.type === 'kita')!,
			id: 'neue-kita',
			lon: inside.lon + 0.0005,
			lat: inside.lat,
			stadtteil: worst,
			capacity: 80
		};
		const withKita = run([...city.lernorte, kita]);
		for (const phase of ['fruehe', 'elementar']) {
			const before = scores(base, phase);
			const after = scores(withKita, phase);
			let lowered = 0;
			for (const [key, score] of after) {
				if (score === null || before.get(key) === null) continue;
				expect(score, `${phase} ${key}`).toBeLessThanOrEqual(before.get(key)! + 1e-12);
				if (score < before.get(key)! - 1e-12) lowered++;
			}
			expect(lowered, phase).toBeGreaterThan(0);
		}

		const school = city.lernorte.find((l) => l.type === 'grundschule')!;
		const without = run(city.lernorte.filter((l) => l.id !== school.id));
		const before = scores(base, 'primar');
		for (const [key, score] of scores(without, 'primar'))
			if (score !== null && before.get(key) !== null)
				expect(score, key).toBeGreaterThanOrEqual(before.get(key)! - 1e-12);
	});

	test('at Bezirk level the children and Lernorte of the Stadtteile are summed', () => {
		const bezirke = analyse('stadtbezirk');
		expect(bezirke.areas).toHaveLength(23);
		const st = base.phases.find((p) => p.phase === 'primar')!;
		const bz = bezirke.phases.find((p) => p.phase === 'primar')!;
		for (const b of city.catalog.units.stadtbezirk) {
			const members = city.catalog.units.stadtteil
				.filter((s) => s.parent === b.key)
				.map((s) => st.inputs.get(s.key)!);
			expect(bz.inputs.get(b.key)!.sites).toBe(members.reduce((n, m) => n + m.sites, 0));
		}
		// Need at Bezirk level is standardised across the 23 Bezirke.
		const indices = [...bz.areas.values()].map((g) => g.need.index).filter((v): v is number => v !== null);
		expect(indices.length).toBeGreaterThan(15);
		expect(Math.abs(indices.reduce((s, v) => s + v, 0) / indices.length)).toBeLessThan(0.5);
	});

	test('without a settlement layer the children are spread evenly, as before', () => {
		expect(city.childSpread).toEqual({ method: 'gleichmaessig', fallbackAreas: [] });
		expect(settlement).toBeNull();
		expect(new Set(gapRows(city, base).map((r) => r[GAP_ROW_HEADER.indexOf('kinder_verteilung')]))).toEqual(
			new Set(['gleichmaessig'])
		);
	});

	test('names the spread per area: a Stadtteil its own, a Bezirk that of its Stadtteile', () => {
		const weighted = {
			...city,
			childSpread: { method: 'siedlungsflaeche' as const, fallbackAreas: ['101'] }
		};
		expect(areaSpread(weighted, 'stadtteil', '101')).toBe('gleichmaessig');
		expect(areaSpread(weighted, 'stadtteil', '102')).toBe('siedlungsflaeche');
		expect(areaSpread(weighted, 'stadtbezirk', '1')).toBe('gemischt');
		expect(areaSpread(weighted, 'stadtbezirk', '2')).toBe('siedlungsflaeche');
		expect(areaSpread(city, 'stadtbezirk', '1')).toBe('gleichmaessig');
	});

	test('the CSV has one row per Stadtteil and phase with the measures', () => {
		const rows = gapRows(city, base);
		expect(rows).toHaveLength(152 * 5);
		const row = Object.fromEntries(GAP_ROW_HEADER.map((h, i) => [h, rows[0]![i]]));
		expect(row).toMatchObject({
			ebene: 'stadtteil',
			gebiet: '101',
			name: 'Oberer Schlossgarten',
			phase: 'fruehe',
			jahr: '2024'
		});
		expect(GAP_CLASS_ORDER).toContain(row.klasse);
	});
});

describe('npm run gaps', () => {
	let tmp: { dir: string; cleanup: () => void };
	beforeAll(() => {
		tmp = makeTempDir('bildungslandkarte-gaps-');
	});
	afterAll(() => tmp.cleanup());

	const cli = (args: string[]) =>
		spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/gaps.ts'), ...args], {
			cwd: ROOT,
			encoding: 'utf8',
			maxBuffer: 64 << 20
		});

	test('tests a change on a copy of the city without touching the demo', { timeout: 60_000 }, () => {
		const geodata = join(tmp.dir, 'geodata');
		const dir = copyStuttgart(geodata);
		const before = cli(['--city', 'stuttgart', '--geodata', geodata, '--format', 'json']);
		expect(before.status, before.stderr).toBe(0);
		const demoBefore = readFileSync(join(ROOT, 'geodata/stuttgart/lernorte.csv'), 'utf8');
		// A new Kita in Hallschlag (Stadtteil 214).
		const hallschlag = readFileSync(join(dir, 'stadtteile.csv'), 'utf8')
			.split('\n')
			.find((l) => l.startsWith('214,'))!
			.split(',');
		appendFileSync(
			join(dir, 'lernorte.csv'),
			`kita-neu,Kita am Hallschlag,kita,${hallschlag[4]},${hallschlag[5]},"Testweg 1, 70376 Stuttgart",90,Planung\n`
		);
		const after = cli(['--city', 'stuttgart', '--geodata', geodata, '--format', 'json']);
		expect(after.status, after.stderr).toBe(0);
		const pick = (out: string) =>
			(
				JSON.parse(out) as {
					phases: Array<{
						phase: string;
						areas: Array<{ key: string; score: number | null; support: { input: { sites: number } } }>;
					}>;
				}
			).phases
				.find((p) => p.phase === 'elementar')!
				.areas.find((a) => a.key === '214')!;
		expect(pick(after.stdout).support.input.sites).toBe(pick(before.stdout).support.input.sites + 1);
		expect(pick(after.stdout).score!).toBeLessThan(pick(before.stdout).score!);
		expect(readFileSync(join(ROOT, 'geodata/stuttgart/lernorte.csv'), 'utf8')).toBe(demoBefore);
	});

	test(
		'a settlement layer away from the Kitas lowers the formal reach of that Stadtteil and no other',
		{ timeout: 60_000 },
		() => {
			// A Stadtteil where Kitas reach some but not all of the area.
			const elementar = base.phases.find((p) => p.phase === 'elementar')!;
			const key = [...elementar.reachByCategory].find(
				([, r]) => (r.formal ?? 0) > 0.2 && (r.formal ?? 1) < 0.8
			)![0];
			const before = elementar.reachByCategory.get(key)!.formal!;

			// The layer: a 120 m square around every sample of that Stadtteil that no Kita of the
			// phase reaches, i.e. the settled land lies only where the Kitas are far.
			const grid = buildAreaGrid(areas);
			const types = new Set(elementar.model.lernortTypes);
			const kitas = city.lernorte
				.filter((l) => l.category === 'formal' && types.has(l.type))
				.map((l) => ({ lon: l.lon, lat: l.lat, reachMetres: city.settings.reachMetres[l.type]! }));
			const { reached } = reachShares(grid, kitas, city.settings.detourFactor);
			const a = grid.areaIds.indexOf(key);
			const squares: number[][][][] = [];
			for (let i = grid.areaOffsets[a]!; i < grid.areaOffsets[a + 1]!; i++)
				if (!reached[i])
					squares.push([
						[
							[-60, -60],
							[60, -60],
							[60, 60],
							[-60, 60],
							[-60, -60]
						].map(([dx, dy]) => grid.plane.toLonLat(grid.x[i]! + dx!, grid.y[i]! + dy!))
					]);
			expect(squares.length).toBeGreaterThan(0);
			const geodata = join(tmp.dir, 'siedlung');
			const dir = copyStuttgart(geodata);
			writeFileSync(
				join(dir, 'siedlungsflaechen.geojson'),
				JSON.stringify({
					type: 'FeatureCollection',
					attribution: 'Testdaten',
					year: 2024,
					features: [
						{ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: squares } }
					]
				})
			);

			const json = cli(['--city', 'stuttgart', '--geodata', geodata, '--format', 'json']);
			expect(json.status, json.stderr).toBe(0);
			const report = JSON.parse(json.stdout) as {
				childSpread: { method: string; label: string; layer: unknown; fallbackStadtteile: string[] };
				phases: Array<{
					phase: string;
					areas: Array<{ key: string; support: { reachByCategory: { formal?: number } } }>;
				}>;
			};
			expect(report.childSpread).toEqual({
				method: 'siedlungsflaeche',
				label: 'über die Siedlungsflächen',
				layer: { attribution: 'Testdaten', year: 2024, polygons: 1 },
				fallbackStadtteile: city.catalog.units.stadtteil.map((u) => u.key).filter((k) => k !== key)
			});
			const formal = (k: string) =>
				report.phases.find((p) => p.phase === 'elementar')!.areas.find((x) => x.key === k)!.support
					.reachByCategory.formal;
			expect(formal(key)).toBe(0);
			expect(formal(key)!).toBeLessThan(before);
			// Every other Stadtteil keeps the even spread and its share.
			for (const [other, r] of elementar.reachByCategory)
				if (other !== key) expect(formal(other), other).toBeCloseTo(r.formal ?? NaN, 12);

			const csv = cli(['--city', 'stuttgart', '--geodata', geodata, '--level', 'stadtbezirk']);
			expect(csv.status, csv.stderr).toBe(0);
			const table = parseCsv(csv.stdout);
			expect(table.header).toEqual([...GAP_ROW_HEADER]);
			const parent = city.catalog.units.stadtteil.find((u) => u.key === key)!.parent!;
			const spreadOf = new Map(
				table.records.map((r) => [r.fields[1]!, r.fields[table.header.indexOf('kinder_verteilung')]])
			);
			expect(spreadOf.get(parent)).toBe('gemischt');
			expect([...spreadOf].filter(([, v]) => v !== 'gleichmaessig').map(([k]) => k)).toEqual([parent]);
		}
	);

	test('bad arguments and a missing city get a German message and exit code 1', { timeout: 30_000 }, () => {
		const unknown = cli(['--city', 'gibt-es-nicht', '--geodata', join(tmp.dir, 'leer')]);
		expect(unknown.status).toBe(1);
		expect(unknown.stderr).toContain('Verzeichnis der Stadt fehlt');
		const level = cli(['--level', 'land']);
		expect(level.status).toBe(1);
		expect(level.stderr).toContain('--level „land“ gibt es nicht');
	});
});
