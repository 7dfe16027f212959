import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { neighbors } from 'topojson-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, type CsvTable } from '../../src/lib/domain/csv';
import { BILDUNGSPHASEN } from '../../src/lib/domain/phases';
import type { IndicatorMeta } from '../../src/lib/domain/types';
import { areaGeometries } from '../../src/lib/geo/topology';
import { buildCity, readAreas, type CityAreas } from './build';
import { DEMO_YEARS, generateDemo, POPULATION_YEAR, type DemoOutputs } from './demo';
import { readDemoPopulation } from './demoSources';
import { SourceReader } from './sources';

const DIR = join(import.meta.dirname, '../../geodata/stuttgart');

let areas: CityAreas;
let bezirke: NonNullable<ReturnType<typeof readDemoPopulation>>;
let first: DemoOutputs;
let indicators: CsvTable;
let lernorte: CsvTable;

beforeAll(() => {
	const reader = new SourceReader(DIR, 'geodata/stuttgart');
	areas = readAreas(reader, 'schematic')!;
	bezirke = readDemoPopulation(reader, areas.bezirke)!;
	expect(reader.issues).toEqual([]);
	first = generateDemo({ bezirke, stadtteile: areas.stadtteile, topology: areas.topology });
	indicators = parseCsv(first.indicatorsCsv);
	lernorte = parseCsv(first.lernorteCsv);
});

/** Numerator of `indicator` in `year` by area key. */
function column(indicator: string, year: number): Map<string, string> {
	return new Map(
		indicators.records
			.filter((r) => r.fields[0] === indicator && r.fields[1] === String(year))
			.map((r) => [r.fields[2]!, r.fields[3]!])
	);
}

describe('generateDemo', () => {
	it('is deterministic (byte-identical output on a second run)', () => {
		const second = generateDemo({ bezirke, stadtteile: areas.stadtteile, topology: areas.topology });
		expect(second.indicatorsCsv).toBe(first.indicatorsCsv);
		expect(second.lernorteCsv).toBe(first.lernorteCsv);
	});

	it('matches the committed demo files (run npm run demo after changing the generator)', () => {
		expect(readFileSync(join(DIR, 'indicators.csv'), 'utf8')).toBe(first.indicatorsCsv);
		expect(readFileSync(join(DIR, 'lernorte.csv'), 'utf8')).toBe(first.lernorteCsv);
	});

	it('sums the 2023 Stadtteil population exactly to the official Bezirk totals', () => {
		const reference = parseCsv(readFileSync(join(DIR, 'stadtbezirke.csv'), 'utf8')).records;
		const pop = column('einwohner', POPULATION_YEAR);
		for (const { fields } of reference) {
			const [key, , total] = fields;
			const sum = areas.stadtteile
				.filter((s) => s.parent === key)
				.reduce((a, s) => a + Number(pop.get(s.key)), 0);
			expect(sum, `Bezirk ${key}`).toBe(Number(total));
		}
		expect([...pop.values()].reduce((a, v) => a + Number(v), 0)).toBe(610392);
	});

	it('covers >= 14 indicators over >= 3 years and every phase', () => {
		const catalog = JSON.parse(readFileSync(join(DIR, 'indicators.catalog.json'), 'utf8')) as {
			indicators: IndicatorMeta[];
		};
		const ids = new Set(indicators.records.map((r) => r.fields[0]));
		expect(ids.size).toBeGreaterThanOrEqual(14);
		expect(new Set(indicators.records.map((r) => r.fields[1])).size).toBeGreaterThanOrEqual(3);
		for (const id of ids) expect(catalog.indicators.some((i) => i.id === id)).toBe(true);
		const phases = new Set(catalog.indicators.filter((i) => ids.has(i.id)).flatMap((i) => i.phases));
		for (const p of BILDUNGSPHASEN) expect(phases.has(p.id)).toBe(true);
		expect(catalog.indicators.every((i) => i.demo)).toBe(true);
		expect(catalog.indicators.some((i) => !i.public)).toBe(true);
	});

	it('has some missing and some source-suppressed cells, and numerators <= denominators', () => {
		const numerators = indicators.records.map((r) => r.fields[3]);
		expect(numerators.filter((n) => n === '').length).toBeGreaterThan(10);
		expect(numerators.filter((n) => n === '.').length).toBeGreaterThan(3);
		for (const { fields } of indicators.records)
			if (fields[3] && fields[3] !== '.' && fields[4])
				expect(Number(fields[3])).toBeLessThanOrEqual(Number(fields[4]));
		expect(new Set(indicators.records.map((r) => r.fields[1]))).toEqual(new Set(DEMO_YEARS.map(String)));
	});

	it('is spatially smooth: neighbouring Stadtteile have correlated rates', () => {
		const num = column('kinder_sgb2', 2023);
		const rate = new Map(
			indicators.records
				.filter((r) => r.fields[0] === 'kinder_sgb2' && r.fields[1] === '2023' && /^\d+$/.test(r.fields[3]!))
				.map((r) => [r.fields[2]!, Number(r.fields[3]) / Number(r.fields[4])])
		);
		expect(num.size).toBe(152);
		const geoms = areaGeometries(areas.topology, 'stadtteil');
		const pairs: Array<[number, number]> = [];
		neighbors(geoms).forEach((nb, i) =>
			nb.forEach((j) => {
				const a = rate.get(geoms[i]!.id);
				const b = rate.get(geoms[j]!.id);
				if (a !== undefined && b !== undefined) pairs.push([a, b]);
			})
		);
		const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
		const ma = mean(pairs.map((p) => p[0]));
		const mb = mean(pairs.map((p) => p[1]));
		const cov = mean(pairs.map(([a, b]) => (a - ma) * (b - mb)));
		const sd = (k: 0 | 1, m: number) => Math.sqrt(mean(pairs.map((p) => (p[k] - m) ** 2)));
		expect(cov / (sd(0, ma) * sd(1, mb))).toBeGreaterThan(0.5);
	});

	it('places >= 900 Lernorte of >= 12 types with unique ids and fictional addresses', () => {
		expect(lernorte.records.length).toBeGreaterThanOrEqual(900);
		expect(new Set(lernorte.records.map((r) => r.fields[2])).size).toBeGreaterThanOrEqual(12);
		expect(new Set(lernorte.records.map((r) => r.fields[0])).size).toBe(lernorte.records.length);
		expect(lernorte.records.filter((r) => r.fields[2] === 'vhs')).toHaveLength(1);
		for (const { fields } of lernorte.records) expect(fields[5]).toMatch(/^\S.* \d+, 7\d{4} Stuttgart$/);
	});

	it('builds into a valid data set with every Lernort in its intended Stadtteil', () => {
		const out = mkdtempSync(join(tmpdir(), 'bildungslandkarte-demo-'));
		try {
			const result = buildCity({ city: 'stuttgart', geodataDir: join(DIR, '..'), outDir: out });
			expect(result.ok).toBe(true);
			const built = JSON.parse(readFileSync(join(out, 'stuttgart', 'lernorte.json'), 'utf8')) as {
				lernorte: Array<{ id: string; stadtteil: string }>;
			};
			for (const l of built.lernorte) expect(l.id.split('-').at(-2), l.id).toBe(l.stadtteil);
		} finally {
			rmSync(out, { recursive: true, force: true });
		}
	});
});
