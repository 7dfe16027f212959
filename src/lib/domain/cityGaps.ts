import { reachShares, type AreaGrid } from '../geo/reachGrid';
import { CHAIN_PHASES, type ChainPhase, type GapSettings, type PhaseModel } from './bildungskette';
import { cellsFor, unitCell } from './choropleth';
import {
	aggregateSupportInputs,
	analyseGaps,
	phasePlaces,
	type GapAnalysis,
	type SupportInput
} from './gaps';
import { needIndex, needInputs, type NeedIndex } from './needIndex';
import type { Catalog, Cell, Level, Lernort, LernortCategory, ValuesWire } from './types';

/**
 * The Förderlücken analysis of a whole city: for every area of a level and every phase of the
 * Bildungskette, need (from the indicators), support (Lernorte, places, reach, provision
 * indicators) and the gap between them. One implementation for the page, the CLI
 * (`npm run gaps`) and the bench.
 */

export interface CityGapInput {
	catalog: Catalog;
	values: ValuesWire;
	lernorte: readonly Lernort[];
	/** Child samples of the Stadtteile (`buildAreaGrid` over the Stadtteil features). */
	grid: AreaGrid;
	settings: GapSettings;
	level: Level;
	/** Year of the indicators; default: the newest year any need or population indicator has. */
	year?: number;
	/**
	 * Reach shares computed by earlier analyses of the same `grid` and `lernorte` (see
	 * `ReachCache`); filled as they are computed. Without one, an analysis still computes each
	 * distinct set of sites only once.
	 */
	reachCache?: ReachCache;
}

/** Reach shares of one phase per Stadtteil (index of `grid.areaIds`), combined and per category. */
interface PhaseReach {
	combined: Float64Array;
	byCategory: Map<LernortCategory, Float64Array>;
}

/**
 * Reach shares per Stadtteil of a set of sites (the Lernorte of some types of one category),
 * kept under a key of those types, their walking distances and the detour factor. Reach depends
 * on nothing else besides where children and sites are, so a "what if" of thresholds or
 * weights, the other level, and phases that share a set of sites (the sports clubs of Primar
 * and Sekundarstufe I) reuse it; reach is most of an analysis's time. One cache belongs to one
 * grid and one list of Lernorte: make a new one when either changes.
 */
export type ReachCache = Map<string, Float64Array>;

/** An empty `ReachCache`. */
export function createReachCache(): ReachCache {
	return new Map();
}

/** Reach per category of Lernort (formal, non-formal, informal) of one area and phase. */
export type CategoryReach = Partial<Record<LernortCategory, number>>;

export interface PhaseGaps extends GapAnalysis {
	model: PhaseModel;
	need: NeedIndex;
	/** The support inputs per area, as scored (children, sites, places, reach, supply cells). */
	inputs: Map<string, SupportInput>;
	/** Reach share per category and area (Stadtteile; for Bezirke children-weighted). */
	reachByCategory: Map<string, CategoryReach>;
	/** City values of the supply indicators (the yardstick where no target is set). */
	cityValues: Record<string, number | null>;
}

export interface CityGaps {
	level: Level;
	year: number;
	/** Area keys of the level in catalog order. */
	areas: string[];
	phases: PhaseGaps[];
}

const CATEGORIES: readonly LernortCategory[] = ['formal', 'nonformal', 'informal'];

/** The newest year among the population and need indicators of the settings. */
export function defaultGapYear(catalog: Catalog, settings: GapSettings): number {
	const ids = new Set(settings.phases.flatMap((p) => [p.population, ...p.need.map((n) => n.indicator)]));
	const years = catalog.indicators.filter((m) => ids.has(m.id)).flatMap((m) => m.years);
	if (years.length === 0) throw new Error('Keine Jahre für die Indikatoren der Bildungskette');
	return Math.max(...years);
}

/** Walking distance of a Lernort type; a type without one is a bug (settings validation covers all types). */
function walkingMetres(settings: GapSettings, type: string): number {
	const metres = settings.reachMetres[type];
	if (metres === undefined) throw new Error(`Keine Fußwegdistanz für Lernort-Typ ${type}`);
	return metres;
}

const valueOf = (cell: Cell | undefined): number | null => (cell?.status === 'ok' ? cell.value : null);

/**
 * Reach of one phase per Stadtteil: for each category of Lernort the share of the area's
 * children within walking distance of a site of that category, and their mean over the
 * categories the phase has sites of. Averaging per category keeps a missing Kita visible even
 * where playgrounds abound: the 1,500 m of informal sites would otherwise reach nearly every
 * child and hide the short distances of the formal ones.
 */
function phaseReach(
	grid: AreaGrid,
	sites: readonly Lernort[],
	settings: GapSettings,
	cache: ReachCache
): PhaseReach {
	const byCategory = new Map<LernortCategory, Float64Array>();
	for (const category of CATEGORIES) {
		const own = sites.filter((s) => s.category === category);
		if (own.length === 0) continue;
		// The types present decide which sites these are; with their distances, the reach.
		const types = [...new Set(own.map((s) => s.type))].sort();
		const key = JSON.stringify([
			category,
			types.map((t) => [t, walkingMetres(settings, t)]),
			settings.detourFactor
		]);
		let share = cache.get(key);
		if (!share) {
			share = reachShares(
				grid,
				own.map((s) => ({ lon: s.lon, lat: s.lat, reachMetres: walkingMetres(settings, s.type) })),
				settings.detourFactor
			).share;
			cache.set(key, share);
		}
		byCategory.set(category, share);
	}
	const combined = new Float64Array(grid.areaIds.length).fill(Number.NaN);
	if (byCategory.size > 0)
		for (let a = 0; a < combined.length; a++) {
			let sum = 0;
			let n = 0;
			for (const share of byCategory.values())
				if (!Number.isNaN(share[a]!)) {
					sum += share[a]!;
					n++;
				}
			combined[a] = n > 0 ? sum / n : Number.NaN;
		}
	return { combined, byCategory };
}

/**
 * Need, support and gap of every area of `input.level` for every phase of the settings.
 * `analyseCityGaps({ catalog, values, lernorte, grid, settings, level: 'stadtteil' }).phases[0].areas.get('214')`
 * -> { score: 0.41, gapClass: 'foerderluecke', need: …, support: … }
 */
export function analyseCityGaps(input: CityGapInput): CityGaps {
	const { catalog, values, lernorte, grid, settings, level } = input;
	const reachCache = input.reachCache ?? createReachCache();
	const year = input.year ?? defaultGapYear(catalog, settings);
	const meta = new Map(catalog.indicators.map((m) => [m.id, m]));
	const stadtteile = catalog.units.stadtteil.map((u) => u.key);
	const areas = catalog.units[level].map((u) => u.key);
	const gridIndex = new Map(grid.areaIds.map((id, i) => [id, i]));
	const cityKey = catalog.units.stadt[0]?.key;
	const children = (phase: PhaseModel, kind: Level) => {
		const m = meta.get(phase.population);
		return m ? cellsFor(values, m, kind, year) : new Map<string, Cell>();
	};

	// Children of every phase per Stadtteil: places of a Kita are shared between U3 and Ü3 by them.
	const childrenByStadtteil = new Map<string, Partial<Record<ChainPhase, number | null>>>();
	for (const phase of settings.phases) {
		const cells = children(phase, 'stadtteil');
		for (const key of stadtteile) {
			const row = childrenByStadtteil.get(key) ?? {};
			row[phase.id] = valueOf(cells.get(key));
			childrenByStadtteil.set(key, row);
		}
	}
	const sitesByStadtteil = new Map<string, Lernort[]>();
	for (const l of lernorte) {
		const list = sitesByStadtteil.get(l.stadtteil);
		if (list) list.push(l);
		else sitesByStadtteil.set(l.stadtteil, [l]);
	}
	const places = new Map(
		stadtteile.map((key) => [
			key,
			phasePlaces(sitesByStadtteil.get(key) ?? [], childrenByStadtteil.get(key)!, settings.phases)
		])
	);
	const parentOf = new Map(catalog.units.stadtteil.map((u) => [u.key, u.parent ?? '']));

	const phases: PhaseGaps[] = [];
	for (const phaseId of CHAIN_PHASES) {
		const model = settings.phases.find((p) => p.id === phaseId);
		if (!model) continue;
		const types = new Set(model.lernortTypes);
		const sites = lernorte.filter((l) => types.has(l.type));
		const reach = phaseReach(grid, sites, settings, reachCache);
		const childCells = children(model, 'stadtteil');

		// Support inputs per Stadtteil.
		const stInputs = new Map<string, SupportInput>();
		const stReach = new Map<string, CategoryReach>();
		for (const key of stadtteile) {
			const g = gridIndex.get(key);
			const share = g === undefined ? Number.NaN : reach.combined[g]!;
			const byCategory: CategoryReach = {};
			if (g !== undefined)
				for (const [c, shares] of reach.byCategory) if (!Number.isNaN(shares[g]!)) byCategory[c] = shares[g];
			stReach.set(key, byCategory);
			const own = places.get(key)!.get(model.id);
			const supply: Record<string, Cell> = {};
			for (const s of model.supply) {
				const m = meta.get(s.indicator);
				if (m) supply[s.indicator] = unitCell(values, m, 'stadtteil', key, year);
			}
			const inputRow: SupportInput = {
				children: valueOf(childCells.get(key)),
				sites: (sitesByStadtteil.get(key) ?? []).filter((l) => types.has(l.type)).length,
				places: own ? own.places : null,
				reachShare: Number.isNaN(share) ? null : share,
				supply
			};
			if (own && own.unknown > 0) inputRow.placesUnknown = own.unknown;
			stInputs.set(key, inputRow);
		}

		// At Bezirk level the members' inputs are summed (reach weighted by children).
		let inputs = stInputs;
		let reachByCategory = stReach;
		if (level === 'stadtbezirk') {
			inputs = new Map();
			reachByCategory = new Map();
			for (const key of areas) {
				const members = stadtteile.filter((s) => parentOf.get(s) === key);
				const supply: Record<string, Cell> = {};
				for (const s of model.supply) {
					const m = meta.get(s.indicator);
					if (m) supply[s.indicator] = unitCell(values, m, 'stadtbezirk', key, year);
				}
				const memberInputs = members.map((s) => stInputs.get(s)!);
				inputs.set(key, aggregateSupportInputs(memberInputs, undefined, supply));
				const byCategory: CategoryReach = {};
				for (const c of CATEGORIES) {
					let sum = 0;
					let weight = 0;
					members.forEach((s, i) => {
						const share = stReach.get(s)![c];
						const w = memberInputs[i]!.children ?? 0;
						if (share !== undefined && w > 0) {
							sum += share * w;
							weight += w;
						}
					});
					if (weight > 0) byCategory[c] = sum / weight;
				}
				reachByCategory.set(key, byCategory);
			}
		}

		const need = needIndex(
			areas,
			needInputs(model.need, catalog.indicators, (m) => cellsFor(values, m, level, year)),
			{ minCoverage: settings.minCoverage }
		);
		const cityValues: Record<string, number | null> = {};
		for (const s of model.supply) {
			const m = meta.get(s.indicator);
			cityValues[s.indicator] = m && cityKey ? valueOf(unitCell(values, m, 'stadt', cityKey, year)) : null;
		}
		const gaps = analyseGaps(model, settings, need.areas, inputs, cityValues);
		phases.push({ ...gaps, model, need, inputs, reachByCategory, cityValues });
	}
	return { level, year, areas, phases };
}
