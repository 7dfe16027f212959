import { untrack } from 'svelte';
import type { GapOverview } from '$lib/domain/gapOverview';
import { gapChoropleth, type GapChoropleth } from '$lib/domain/gapChoropleth';
import { childSpreadNote, settlementProblemText } from '$lib/domain/gapMethod';
import { gapSettingsFor } from '$lib/domain/gapSettings';
import { applyWhatIf, whatIfNote, type WhatIf } from '$lib/domain/whatIf';
import type { ChainPhase, GapSettings } from '$lib/domain/bildungskette';
import type { Catalog, Level, ValuesWire } from '$lib/domain/types';
import type { ValidationIssue } from '$lib/domain/validateSources';
import { gapQueryKey, type GapQuery } from '$lib/data/gapService';
import type { LernorteState, SettlementState } from '$lib/data/load';
import type { FeatureCollection, Geometry } from 'geojson';
import type { AreaProps } from '$lib/geo/areaFeatures';
import type { GridArea } from '$lib/geo/reachGrid';
import { whenIdle } from '$lib/ui/whenIdle';
import { GapClient, type GapWorkerLike } from './gapClient.svelte';

/** What of a view the Förderlücken analysis depends on: the mode, the level, the phase, the what-if. */
export interface GapView extends WhatIf {
	mode: 'indicator' | 'gaps';
	level: Level;
	phase: ChainPhase;
}

/** The city a page analyses, and how it reaches the worker and the settlement layer. */
export interface GapCity {
	catalog: Catalog;
	values: ValuesWire;
	/** The Stadtteile, over whose grid the children are spread. */
	stadtteile: FeatureCollection<Geometry, AreaProps>;
	/** Fetches the settlement layer; called once, for a city whose catalog has one. */
	loadSettlement: () => Promise<SettlementState>;
	createWorker: () => GapWorkerLike;
}

/**
 * The overview a page shows for `level`: the fresh answer, else, while a changed what-if is
 * computed, the previous answer of the same level (so the map and the matrix never empty for a
 * moment); nothing outside the gaps mode or after a failure.
 *
 * `shownOverview('gaps', null, null, previous, 'stadtteil')` -> previous (when it is of the Stadtteile)
 */
export function shownOverview(
	mode: GapView['mode'],
	error: string | null,
	fresh: GapOverview | null,
	previous: GapOverview | null,
	level: Level
): GapOverview | null {
	if (mode !== 'gaps' || error) return null;
	return fresh ?? (previous?.level === level ? previous : null);
}

/**
 * The settings a view asks the analysis for: the city's settings with the view's what-if
 * (thresholds and weights from the link) applied, and the link's values it could not take.
 * Null settings when the city has no valid Förderlücken settings.
 */
export function gapQueryFor(
	settings: GapSettings | undefined,
	view: GapView
): { query: GapQuery | null; problems: string[] } {
	if (!settings) return { query: null, problems: [] };
	const applied = applyWhatIf(settings, view);
	return { query: { settings: applied.settings, level: view.level }, problems: applied.problems };
}

/** How a page drives its analysis: all reactive. */
export interface GapAnalysisOptions {
	/** The view on screen. */
	view: () => GapView;
	/** The Lernorte: the analysis starts once they are loaded. */
	lernorte: () => LernorteState;
	/**
	 * Whether the page may compute ahead of time while it is idle (the dashboard and the
	 * Werkstatt: once their first map has drawn).
	 */
	ahead: () => boolean;
	/**
	 * The view shown next, computed ahead of time (the Werkstatt: the next Förderlücken step of
	 * the agenda); without it, the view on screen is computed ahead, for when its mode is switched.
	 */
	next?: () => GapView | null;
}

/**
 * The Förderlücken analysis of one page (the dashboard, the Werkstatt): the city's settings,
 * the worker (`GapClient`), the settlement layer, and the answer for the view on screen.
 *
 * Create it while a component initialises (it sets up effects) and `destroy()` it with the
 * component. The analysis runs in a worker so the page stays responsive; answers are cached per
 * query (settings and level). The query on screen is asked for in the gaps mode; the next one
 * (see `GapAnalysisOptions.next`) once `ahead()` says so and the page is idle: starting the
 * worker while MapLibre's worker tiles the areas would delay the first picture.
 *
 * `const gaps = new GapAnalysis(city, { view: () => view.state, lernorte: () => lernorteState, ahead: () => mapDrawn })`;
 * then `gaps.overview`, `gaps.result` (the phase on screen) and `gaps.map` (its classes) are reactive.
 */
export class GapAnalysis {
	readonly client: GapClient;
	/** The city's settings (defaults merged with city.json) and their validation issues. */
	readonly setup: { settings?: GapSettings; issues: ValidationIssue[] };

	readonly #city: GapCity;
	readonly #view: () => GapView;
	readonly #next: (() => GapView | null) | null;
	/**
	 * The settlement layer: fetched once, for the first analysis. Should it fail, the analysis
	 * spreads children evenly over the Stadtteile and `settlementProblem` says so.
	 */
	#settlement = $state.raw<SettlementState | 'none' | 'loading'>('none');
	#settlementAsked = false;
	#previous: GapOverview | null = null;

	constructor(city: GapCity, options: GapAnalysisOptions) {
		const { lernorte, ahead } = options;
		this.#city = city;
		this.#view = options.view;
		this.#next = options.next ?? null;
		this.setup = gapSettingsFor(city.catalog, { file: 'city.json', publicOnly: false });
		this.client = new GapClient(city.createWorker);
		this.#settlement = city.catalog.settlement ? 'loading' : 'none';

		$effect(() => {
			if (lernorte().status !== 'ok' || this.#settlement !== 'loading' || this.#settlementAsked) return;
			if (this.#mode !== 'gaps' && !ahead()) return;
			this.#settlementAsked = true;
			void city.loadSettlement().then((state) => (this.#settlement = state));
		});
		$effect(() => {
			const sites = lernorte();
			const settlement = this.#settlement;
			if (sites.status !== 'ok' || settlement === 'loading' || untrack(() => this.client.hasCity)) return;
			const layer = typeof settlement === 'object' && settlement.status === 'ok' ? settlement.topology : null;
			this.client.setCity(() => ({
				catalog: city.catalog,
				values: city.values,
				lernorte: sites.lernorte,
				areas: city.stadtteile.features.map((f) => ({ ...f, id: f.properties.key })) as GridArea[],
				settlement: layer
			}));
		});
		$effect(() => {
			const query = this.query;
			if (!query || !this.client.hasCity || this.#mode !== 'gaps') return;
			void this.client.request(query).catch(() => {});
		});
		$effect(() => {
			const next = this.#nextQuery;
			if (!next || !this.client.hasCity || !ahead()) return;
			// Behind the query on screen, which is with the worker first.
			return whenIdle(() => void this.client.request(next).catch(() => {}));
		});
	}

	// One derived per field of the view: a map move or an indicator change asks nothing again.
	readonly #mode = $derived.by(() => this.#view().mode);
	readonly #level = $derived.by(() => this.#view().level);
	readonly #phase = $derived.by(() => this.#view().phase);
	readonly #needThreshold = $derived.by(() => this.#view().needThreshold);
	readonly #supportThreshold = $derived.by(() => this.#view().supportThreshold);
	readonly #needWeights = $derived.by(() => this.#view().needWeights);
	readonly #supportWeights = $derived.by(() => this.#view().supportWeights);
	readonly #asked = $derived.by(() =>
		gapQueryFor(this.setup.settings, {
			mode: this.#mode,
			level: this.#level,
			phase: this.#phase,
			needThreshold: this.#needThreshold,
			supportThreshold: this.#supportThreshold,
			needWeights: this.#needWeights,
			supportWeights: this.#supportWeights
		})
	);
	// The next view's query, kept while its settings and level stay the same.
	readonly #nextKey = $derived.by(() => {
		if (!this.#next) return null;
		const next = this.#next();
		const query = next ? gapQueryFor(this.setup.settings, next).query : null;
		return query ? gapQueryKey(query) : null;
	});
	readonly #nextQuery = $derived.by(() => {
		if (!this.#next) return this.query;
		if (this.#nextKey === null) return null;
		const next = untrack(() => this.#next!());
		return next ? gapQueryFor(this.setup.settings, next).query : null;
	});
	/** The settings and level asked for (null without valid settings). */
	readonly query = $derived.by(() => this.#asked.query);
	/** The what-if values of the link that the city's settings cannot take (German sentences). */
	readonly problems = $derived.by(() => this.#asked.problems);
	/** The German error of the query on screen in the gaps mode, or null. */
	readonly error = $derived.by(() =>
		this.#mode === 'gaps' && this.query ? this.client.error(this.query) : null
	);
	readonly #fresh = $derived.by(() =>
		this.#mode === 'gaps' && this.query ? this.client.overview(this.query) : null
	);
	/** The overview on screen (gaps mode only): fresh, or the previous one while recomputing. */
	readonly overview = $derived.by(() => {
		const shown = shownOverview(this.#mode, this.error, this.#fresh, this.#previous, this.#level);
		if (this.#fresh) this.#previous = this.#fresh;
		return shown;
	});
	/** True while the overview shown is the previous one and a changed what-if is computed. */
	readonly stale = $derived.by(() => this.overview !== null && this.#fresh === null);
	/** The analysis of the phase on screen. */
	readonly result = $derived.by(() => this.overview?.phases.find((p) => p.phase === this.#phase) ?? null);
	/** The classes and colours of the phase on screen. */
	readonly map: GapChoropleth | null = $derived.by(() =>
		this.result ? gapChoropleth(this.result.areas) : null
	);
	/** How children are spread for the reachability, as a sentence for the page. */
	readonly childSpread = $derived.by(() =>
		childSpreadNote(this.overview?.childSpread, this.#city.catalog.settlement)
	);
	/** The weights of the phase on screen that differ from the city's, as one sentence, or null. */
	readonly whatIfNote = $derived.by(() =>
		this.setup.settings && this.query
			? whatIfNote(this.setup.settings, this.query.settings, this.#phase, this.#city.catalog.indicators)
			: null
	);
	/** The settlement layer's failure as a German sentence with its fix, or null. */
	readonly settlementProblem = $derived.by(() => {
		const s = this.#settlement;
		return typeof s === 'object' && s.status === 'error' ? settlementProblemText(s.message, s.hint) : null;
	});

	destroy(): void {
		this.client.destroy();
	}
}
