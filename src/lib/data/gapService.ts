/*
 * What the Förderlücken worker does, as plain functions over plain messages, so it runs the
 * same in a Web Worker, in node (tests) and on the main thread if ever needed. The page posts
 * the city once; then each request names the settings and level it is about. Whole analyses
 * stay here: the page gets the overview it draws, and the chain of one area or the
 * reachability raster of one phase when it asks for them.
 */
import { areaChain, type ChainPhaseView } from '$lib/domain/areaChain';
import type { GapSettings } from '$lib/domain/bildungskette';
import { analyseCityGaps, createReachCache, type CityGaps } from '$lib/domain/cityGaps';
import { gapOverview, type GapOverview } from '$lib/domain/gapOverview';
import type { Catalog, Level, Lernort, ValuesWire } from '$lib/domain/types';
import { cityGrid, type CityGrid } from '$lib/geo/cityGrid';
import { nearestSiteDistances, type GridArea } from '$lib/geo/reachGrid';
import { decodeSettlement } from '$lib/geo/topology';
import type { Topology } from 'topojson-specification';
import { reachRaster, type ReachRaster, type Rgba } from '$lib/geo/reachRaster';

/** The data of one city, as the page has it. */
export interface GapCityData {
	catalog: Catalog;
	values: ValuesWire;
	lernorte: Lernort[];
	/** The Stadtteile, from which the grid of child samples is built. */
	areas: GridArea[];
	/**
	 * The city's settlement layer (`siedlungsflaechen.topo.json`), over which children are
	 * spread; null: evenly over each area. Decoded here, off the page's thread.
	 */
	settlement: Topology | null;
}

/** What one analysis is about: the settings (thresholds and weights included) and the level. */
export interface GapQuery {
	settings: GapSettings;
	level: Level;
}

export type GapRequest =
	| { kind: 'city'; city: GapCityData }
	| ({ kind: 'analyse'; id: number } & GapQuery)
	| ({ kind: 'chain'; id: number; area: string; point: [number, number] } & GapQuery)
	| {
			kind: 'raster';
			id: number;
			/** Lernort types of the phase; the surface measures to the formal ones among them. */
			lernortTypes: string[];
			breaks: number[];
			colors: Rgba[];
	  };

/** Result type of each request kind. */
export interface GapResults {
	analyse: GapOverview;
	chain: ChainPhaseView[];
	raster: ReachRaster;
}

export type GapReply = { id: number; result: GapResults[keyof GapResults] } | { id: number; error: string };

/**
 * A stable key of a query: equal settings and level give equal keys.
 * `gapQueryKey({ settings, level: 'stadtteil' })` -> '["stadtteil",{…}]'
 */
export const gapQueryKey = (q: GapQuery): string => JSON.stringify([q.level, q.settings]);

/** Analyses kept for chain requests: the current what-if, the previous one, both levels. */
const KEPT = 4;

export interface GapService {
	/** Answers one request; `city` requests answer nothing. Throws on a request before the city. */
	handle(msg: GapRequest): { reply: GapReply; transfer: Transferable[] } | null;
}

/**
 * A service for one city at a time. The grid of child samples is built on the first request
 * that needs it and kept; analyses are kept for the last few queries.
 */
export function createGapService(): GapService {
	let city: GapCityData | null = null;
	let grid: CityGrid | null = null;
	const analyses = new Map<string, CityGaps>();
	// Reach of the phases: a what-if of thresholds or weights, or the other level, reuses it.
	let reachCache = createReachCache();

	const cityOrThrow = () => {
		if (!city) throw new Error('Förderlücken: keine Daten der Stadt geladen');
		return city;
	};
	const gridOf = (c: GapCityData) =>
		(grid ??= cityGrid(c.areas, c.settlement && decodeSettlement(c.settlement)));
	const analysis = (q: GapQuery): CityGaps => {
		const key = gapQueryKey(q);
		let gaps = analyses.get(key);
		if (gaps) {
			// Most recently used last.
			analyses.delete(key);
		} else {
			const c = cityOrThrow();
			gaps = analyseCityGaps({
				...c,
				grid: gridOf(c).grid,
				settings: q.settings,
				level: q.level,
				reachCache
			});
		}
		analyses.set(key, gaps);
		while (analyses.size > KEPT) analyses.delete(analyses.keys().next().value!);
		return gaps;
	};

	function answer(msg: Exclude<GapRequest, { kind: 'city' }>): {
		result: GapResults[keyof GapResults];
		transfer: Transferable[];
	} {
		switch (msg.kind) {
			case 'analyse': {
				const overview = gapOverview(analysis(msg));
				const { method, fallbackAreas } = gridOf(cityOrThrow());
				return { result: { ...overview, childSpread: { method, fallbackAreas } }, transfer: [] };
			}
			case 'chain': {
				const c = cityOrThrow();
				const chain = areaChain(analysis(msg), msg.area, c.lernorte, msg.point, {
					indicators: c.catalog.indicators,
					lernortTypes: c.catalog.lernortTypes,
					phases: c.catalog.phases
				});
				return { result: chain, transfer: [] };
			}
			case 'raster': {
				const c = cityOrThrow();
				const g = gridOf(c).grid;
				const types = new Set(msg.lernortTypes);
				const formal = c.lernorte.filter((l) => l.category === 'formal' && types.has(l.type));
				const raster = reachRaster(g, nearestSiteDistances(g, formal), msg.breaks, msg.colors);
				return { result: raster, transfer: [raster.data.buffer] };
			}
		}
	}

	return {
		handle(msg) {
			if (msg.kind === 'city') {
				city = msg.city;
				grid = null;
				analyses.clear();
				reachCache = createReachCache();
				return null;
			}
			try {
				const { result, transfer } = answer(msg);
				return { reply: { id: msg.id, result }, transfer };
			} catch (err) {
				return {
					reply: { id: msg.id, error: err instanceof Error ? err.message : String(err) },
					transfer: []
				};
			}
		}
	};
}
