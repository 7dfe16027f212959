import { join } from 'node:path';
import { GAP_CLASSES } from '../../src/lib/domain/gaps';
import { analyseCityGaps, type CityGaps } from '../../src/lib/domain/cityGaps';
import { CHILD_SPREAD_LABELS } from '../../src/lib/domain/gapMethod';
import { gapSettingsFor } from '../../src/lib/domain/gapSettings';
import type { GapSettings } from '../../src/lib/domain/bildungskette';
import type { Catalog, Level, Lernort, ValuesWire } from '../../src/lib/domain/types';
import type { ValidationIssue } from '../../src/lib/domain/validateSources';
import { cityGrid, type ChildSpread } from '../../src/lib/geo/cityGrid';
import { settlementTopology } from '../../src/lib/geo/settlementTopology';
import type { GridArea } from '../../src/lib/geo/reachGrid';
import type { SettlementFeature } from '../../src/lib/geo/settlementWeights';
import { decodeAreas, decodeSettlement } from '../../src/lib/geo/topology';
import { computeOutputs, readCity } from './build';
import { displayPath, SOURCE_FILES } from './sources';

/** A city as the analysis sees it: the data the page gets, built in memory from the sources. */
export interface GapCity {
	catalog: Catalog;
	values: ValuesWire;
	lernorte: Lernort[];
	settings: GapSettings;
	/** How the children are spread over the Stadtteile (`cityGrid`), and which fell back to the even spread. */
	childSpread: { method: ChildSpread; fallbackAreas: string[] };
}

export type LoadedGapCity =
	| {
			ok: true;
			city: GapCity;
			/** The Stadtteile as the grid of child samples is built from (for benches and tests). */
			areas: GridArea[];
			/** The settlement layer of the city, or null (for benches and tests). */
			settlement: SettlementFeature[] | null;
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
	// The layer as the page gets it (quantised, see settlementTopology), so both count the same
	// samples as settled.
	const settlement = inputs.settlement
		? decodeSettlement(settlementTopology(inputs.settlement.features))
		: null;
	const { grid, method, fallbackAreas } = cityGrid(areas, settlement);
	const city: GapCity = {
		catalog: out.catalog,
		values: out.values,
		lernorte: out.lernorte.lernorte,
		settings,
		childSpread: { method, fallbackAreas }
	};
	return {
		ok: true,
		city,
		areas,
		settlement,
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
	'grund',
	'kinder_verteilung'
] as const;

const round = (v: number | null | undefined, digits = 4) =>
	v === null || v === undefined || Number.isNaN(v) ? '' : String(Math.round(v * 10 ** digits) / 10 ** digits);

/**
 * How the children of one area were spread: a Stadtteil's own method (`gleichmaessig` where the
 * settlement layer has no sample in it); for a Bezirk the method of its Stadtteile, `gemischt`
 * when they differ. `areaSpread(city, 'stadtbezirk', '1')` -> 'siedlungsflaeche'
 */
export function areaSpread(city: GapCity, level: Level, key: string): ChildSpread | 'gemischt' {
	const { method, fallbackAreas } = city.childSpread;
	const fallback = new Set(fallbackAreas);
	const of = (stadtteil: string): ChildSpread => (fallback.has(stadtteil) ? 'gleichmaessig' : method);
	if (level === 'stadtteil') return of(key);
	const members = new Set(city.catalog.units.stadtteil.filter((u) => u.parent === key).map((u) => of(u.key)));
	return members.size === 1 ? [...members][0]! : members.size === 0 ? method : 'gemischt';
}

/** One CSV row per area and phase: `gapRows(city, analysis)[0]` -> ['stadtteil', '101', 'Oberer Schlossgarten', 'fruehe', …]. */
export function gapRows(city: GapCity, analysis: CityGaps): string[][] {
	const names = new Map(city.catalog.units[analysis.level].map((u) => [u.key, u.name]));
	const spread = new Map(analysis.areas.map((key) => [key, areaSpread(city, analysis.level, key)]));
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
				gap.reason ?? '',
				spread.get(key)!
			]);
		}
	return rows;
}

/**
 * The analysis as a JSON-ready object: settings, how the children were spread (`childSpread`:
 * method, label, the settlement layer's source and the Stadtteile that fell back to the even
 * spread), thresholds and per area all measures.
 */
export function gapReport(city: GapCity, analysis: CityGaps) {
	const names = new Map(city.catalog.units[analysis.level].map((u) => [u.key, u.name]));
	return {
		city: city.catalog.city.id,
		level: analysis.level,
		year: analysis.year,
		settings: city.settings,
		childSpread: {
			method: city.childSpread.method,
			label: CHILD_SPREAD_LABELS[city.childSpread.method],
			layer: city.catalog.settlement ?? null,
			fallbackStadtteile: city.childSpread.fallbackAreas
		},
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
