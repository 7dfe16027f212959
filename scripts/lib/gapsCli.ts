import { join } from 'node:path';
import { GAP_CLASSES } from '../../src/lib/domain/gaps';
import { analyseCityGaps, type CityGaps } from '../../src/lib/domain/cityGaps';
import { gapSettingsFor } from '../../src/lib/domain/gapSettings';
import type { GapSettings } from '../../src/lib/domain/bildungskette';
import type { Catalog, Level, Lernort, ValuesWire } from '../../src/lib/domain/types';
import type { ValidationIssue } from '../../src/lib/domain/validateSources';
import { buildAreaGrid, type GridArea } from '../../src/lib/geo/reachGrid';
import { decodeAreas } from '../../src/lib/geo/topology';
import { computeOutputs, readCity } from './build';
import { displayPath, SOURCE_FILES } from './sources';

/** A city as the analysis sees it: the data the page gets, built in memory from the sources. */
export interface GapCity {
	catalog: Catalog;
	values: ValuesWire;
	lernorte: Lernort[];
	settings: GapSettings;
}

export type LoadedGapCity =
	| {
			ok: true;
			city: GapCity;
			/** The Stadtteile as the grid of child samples is built from (for benches and tests). */
			areas: GridArea[];
			analyse: (level: Level, year?: number) => CityGaps;
	  }
	| { ok: false; issues: ValidationIssue[] };

/**
 * Reads geodata/<city>/ with the data build's validation and computes what `npm run data`
 * would write (aggregation and disclosure control included), without writing anything.
 */
export function loadGapCity(
	geodataDir: string,
	cityId: string,
	opts: { publicOnly: boolean }
): LoadedGapCity {
	const dir = join(geodataDir, cityId);
	const { inputs, issues } = readCity(dir, displayPath(dir), cityId);
	if (!inputs) return { ok: false, issues };
	const out = computeOutputs(inputs);
	const { settings, issues: settingsIssues } = gapSettingsFor(out.catalog, {
		file: `${displayPath(dir)}/${SOURCE_FILES.city}`,
		publicOnly: opts.publicOnly
	});
	if (!settings) return { ok: false, issues: settingsIssues };
	const areas: GridArea[] = decodeAreas(out.topology, 'stadtteil').map((f) => ({ ...f, id: String(f.id) }));
	const grid = buildAreaGrid(areas);
	const city: GapCity = {
		catalog: out.catalog,
		values: out.values,
		lernorte: out.lernorte.lernorte,
		settings
	};
	return {
		ok: true,
		city,
		areas,
		analyse: (level, year) => analyseCityGaps({ ...city, grid, level, ...(year !== undefined && { year }) })
	};
}

/** Columns of the CSV output, one row per area and phase. */
export const GAP_ROW_HEADER = [
	'ebene',
	'gebiet',
	'name',
	'phase',
	'jahr',
	'bedarfsindex',
	'bedarfsniveau',
	'bedarf_abdeckung',
	'kinder',
	'lernorte',
	'lernorte_je_1000_kinder',
	'plaetze_je_kind',
	'erreichbarkeit',
	'erreichbarkeit_formal',
	'erreichbarkeit_nonformal',
	'erreichbarkeit_informell',
	'unterstuetzung',
	'luecke',
	'klasse',
	'grund'
] as const;

const round = (v: number | null | undefined, digits = 4) =>
	v === null || v === undefined || Number.isNaN(v) ? '' : String(Math.round(v * 10 ** digits) / 10 ** digits);

/** One CSV row per area and phase: `gapRows(city, analysis)[0]` -> ['stadtteil', '101', 'Oberer Schlossgarten', 'fruehe', …]. */
export function gapRows(city: GapCity, analysis: CityGaps): string[][] {
	const names = new Map(city.catalog.units[analysis.level].map((u) => [u.key, u.name]));
	const rows: string[][] = [];
	for (const phase of analysis.phases)
		for (const key of analysis.areas) {
			const gap = phase.areas.get(key)!;
			const input = phase.inputs.get(key);
			const reach = phase.reachByCategory.get(key) ?? {};
			const m = gap.support.measures;
			rows.push([
				analysis.level,
				key,
				names.get(key) ?? key,
				phase.phase,
				String(analysis.year),
				round(gap.need.index),
				round(gap.need.level),
				round(gap.need.coverage),
				input?.children === null || input?.children === undefined ? '' : String(input.children),
				String(input?.sites ?? 0),
				round(m.sitesPer1000, 2),
				round(m.placesPerChild),
				round(m.reachShare),
				round(reach.formal),
				round(reach.nonformal),
				round(reach.informal),
				round(gap.support.level),
				round(gap.score),
				gap.gapClass,
				gap.reason ?? ''
			]);
		}
	return rows;
}

/** The analysis as a JSON-ready object: settings, thresholds and per area all measures. */
export function gapReport(city: GapCity, analysis: CityGaps) {
	const names = new Map(city.catalog.units[analysis.level].map((u) => [u.key, u.name]));
	return {
		city: city.catalog.city.id,
		level: analysis.level,
		year: analysis.year,
		settings: city.settings,
		classes: GAP_CLASSES,
		phases: analysis.phases.map((phase) => ({
			phase: phase.phase,
			thresholds: phase.thresholds,
			cityValues: phase.cityValues,
			needIndicators: phase.need.indicators,
			areas: analysis.areas.map((key) => {
				const gap = phase.areas.get(key)!;
				return {
					key,
					name: names.get(key) ?? key,
					need: gap.need,
					support: {
						...gap.support,
						input: phase.inputs.get(key),
						reachByCategory: phase.reachByCategory.get(key)
					},
					score: gap.score,
					class: gap.gapClass,
					...(gap.reason !== undefined && { reason: gap.reason })
				};
			})
		}))
	};
}
