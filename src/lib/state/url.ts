import { byCodeUnits, quoteInput as quote } from '../domain/quoteText';
import {
	DEFAULT_CLASSES,
	MAX_CLASSES,
	MIN_CLASSES,
	parseClassCount,
	type ClassMethod
} from '../domain/classify';
import { parseBreaksText, parsePlainDecimal } from '../domain/classMethods';
import { BILDUNGSPHASEN } from '../domain/phases';
import { CHAIN_PHASES, type ChainPhase, type SupportWeights } from '../domain/bildungskette';
import { isWeight, MAX_WEIGHT, roundWeight, SUPPORT_COMPONENTS } from '../domain/whatIf';
import { defaultIndicatorId } from '../domain/defaultIndicator';
import type { Bildungsphase, Catalog, IndicatorMeta, Level } from '../domain/types';

/**
 * The shareable view state and its URL form. Everything a link should reproduce lives here;
 * hover and open panels stay local to components. Parameter names are German, values short:
 *
 * | field     | parameter   | URL form                                | default                      |
 * |-----------|-------------|-----------------------------------------|------------------------------|
 * | level     | `ebene`     | `stadtteil` \| `stadtbezirk`            | `stadtteil`                  |
 * | mode      | `modus`     | `luecken` (Förderlücken)                | indicator map                |
 * | phase     | `phase`     | `fruehe` … `sek2` (only with `luecken`) | `fruehe`                     |
 * | needThreshold | `bedarf` | need index threshold −3 … 3, e.g. `0.5` | the city's setting         |
 * | supportThreshold | `versorgung` | support level in % (`80`) or `stadt` | the city's setting   |
 * | needWeights | `gewichte` | `sgb2_u15:2,migration_u6:0` (id:weight, 0 … 10) | the city's weights |
 * | supportWeights | `unterstuetzung` | `erreichbarkeit:1,plaetze:0.5,angebote:1` | the city's weights |
 * | indicator | `indikator` | indicator id                            | `ctx.defaultIndicator`       |
 * | year      | `jahr`      | `2024`                                  | newest year of the indicator |
 * | since     | `seit`      | `2021`, an earlier year of the indicator | none (no change map)        |
 * | method    | `methode`   | `quantile` \| `gleich` \| `jenks` \| `manuell` | `quantile`            |
 * | classes   | `klassen`   | `3` … `7` (not written for `manuell`)   | 5                            |
 * | breaks    | `grenzen`   | `12.5,20,30` or `12,5;20;30`            | none (only with `manuell`)   |
 * | fixedBreaks | `grenzen_fest` | `1`                                  | off                          |
 * | selection | `gebiet`    | area key of the level                   | none                         |
 * | regionen  | `regionen`  | `1`                                     | off                          |
 * | lernorte  | `lernorte`  | `0`                                     | on                           |
 * | types     | `typen`     | `kita,grundschule`                      | all types                    |
 * | phases    | `phasen`    | `fruehe,primar`                         | all phases                   |
 * | view      | `karte`     | `9.1800,48.7800,11.25` (lon,lat,zoom)   | the city's initial view      |
 *
 * `grenzen` is written with decimal points and commas between the thresholds. For hand-typed
 * German decimals, thresholds may instead be separated by semicolons, and then a comma is the
 * decimal separator: `grenzen=12,5;20;30`. With commas as separators, "12,5" reads as 12 and 5.
 *
 * `seit` turns the indicator map into a change map: the difference of every area from `seit` to
 * `jahr`. `grenzen_fest=1` computes the class breaks from the values of all years of the indicator
 * (quantile, gleich, jenks), so that the maps of different years share their classes; own
 * thresholds (`manuell`) are the same in every year anyway and keep the flag for later.
 *
 * `bedarf`, `versorgung`, `gewichte` and `unterstuetzung` are the "what if" of the gaps mode and
 * are written only there. Weights are written with decimal points and at most two decimals,
 * need weights sorted by indicator id and support weights in the fixed order above, so equal
 * weights give equal links.
 *
 * Parameters the view does not know (e.g. an embed flag) are left alone by `patchParams`.
 */
export interface ViewState {
	level: Level;
	/** `indicator`: the choropleth of one indicator; `gaps`: the Förderlücken of one phase. */
	mode: MapMode;
	/** Phase of the Bildungskette shown in the gaps mode. */
	phase: ChainPhase;
	/** "What if": need threshold on the z scale; null = the city's setting. Gaps mode only. */
	needThreshold: number | null;
	/** "What if": support threshold 0..1 or the city's own level; null = the city's setting. */
	supportThreshold: number | 'city' | null;
	/**
	 * "What if": need weight 0 … 10 by indicator id, for every phase whose need list contains the
	 * indicator; missing ids keep the city's weights. Gaps mode only.
	 */
	needWeights: Record<string, number>;
	/** "What if": weights 0 … 10 of the support components; missing keys keep the city's weights. */
	supportWeights: Partial<SupportWeights>;
	indicator: string;
	year: number;
	/** Earlier year of the indicator for the change map (`year` minus `since`); null = values of `year`. */
	since: number | null;
	method: ClassMethod;
	/** Number of classes, 3..7; with `manual` always `breaks.length + 1`. */
	classes: number;
	/** Inner thresholds (2..6, strictly ascending) with `manual`; empty otherwise. */
	breaks: number[];
	/** Class breaks from the values of all years, the same for every year. */
	fixedBreaks: boolean;
	/** Area key of the current level, or null. */
	selection: string | null;
	/** Bildungsregionen outline overlay. */
	regionen: boolean;
	/** Lernorte layer shown. */
	lernorte: boolean;
	/** Lernort type ids to show, in catalog order; empty = no filter (all types). */
	types: string[];
	/** Phases to show Lernorte for, in Bildungskette order; empty = no filter (all phases). */
	phases: Bildungsphase[];
	/** Map view, lon/lat rounded to 4 decimals and zoom to 2; null = the city's initial view. */
	view: { lon: number; lat: number; zoom: number } | null;
}

export type MapMode = 'indicator' | 'gaps';

/** URL values of the map modes. */
const MODE_PARAM: Readonly<Record<MapMode, string>> = { indicator: 'indikator', gaps: 'luecken' };

/** Phase shown when the gaps mode is opened without one. */
export const DEFAULT_PHASE: ChainPhase = 'fruehe';

/** What the URL is checked against: the catalog of the current city. */
export interface UrlContext {
	indicators: IndicatorMeta[];
	levels: Level[];
	areaKeys: Record<Level, ReadonlySet<string>>;
	lernortTypes: string[];
	defaultIndicator: string;
}

/**
 * The context of a city's map views, from its catalog; the dashboard and the Werkstatt read
 * and write their links with the same one.
 * `urlContextFor(catalog).areaKeys.stadtteil.has('214')` -> true
 */
export function urlContextFor(
	catalog: Pick<Catalog, 'city' | 'indicators' | 'units' | 'lernortTypes'>
): UrlContext {
	return {
		indicators: catalog.indicators,
		levels: catalog.city.levels.map((l) => l.id),
		areaKeys: {
			stadtteil: new Set(catalog.units.stadtteil.map((u) => u.key)),
			stadtbezirk: new Set(catalog.units.stadtbezirk.map((u) => u.key))
		},
		lernortTypes: catalog.lernortTypes.map((t) => t.id),
		defaultIndicator: defaultIndicatorId(catalog.indicators)
	};
}

/** Zoom range of the dashboard map: a city fits at 8, a street block at 17. */
export const MIN_ZOOM = 8;
export const MAX_ZOOM = 17;

/** Parameter names in the order they are written. */
export const VIEW_PARAMS = [
	'ebene',
	'modus',
	'phase',
	'bedarf',
	'versorgung',
	'gewichte',
	'unterstuetzung',
	'indikator',
	'jahr',
	'seit',
	'methode',
	'klassen',
	'grenzen',
	'grenzen_fest',
	'gebiet',
	'regionen',
	'lernorte',
	'typen',
	'phasen',
	'karte'
] as const;

const VIEW_PARAM_SET: ReadonlySet<string> = new Set(VIEW_PARAMS);

/** URL keys of the support components in `unterstuetzung`, in the order they are written. */
export const SUPPORT_WEIGHT_PARAM: Readonly<Record<keyof SupportWeights, string>> = {
	reach: 'erreichbarkeit',
	places: 'plaetze',
	supply: 'angebote'
};
const SUPPORT_BY_PARAM: ReadonlyMap<string, keyof SupportWeights> = new Map(
	SUPPORT_COMPONENTS.map((c) => [SUPPORT_WEIGHT_PARAM[c.key], c.key])
);

/** Longer parameter values are ignored unread. */
const MAX_PARAM_LENGTH = 1000;

/** URL values of the class methods. */
export const METHOD_PARAM: Readonly<Record<ClassMethod, string>> = {
	quantile: 'quantile',
	equal: 'gleich',
	jenks: 'jenks',
	manual: 'manuell'
};
const METHOD_BY_PARAM: ReadonlyMap<string, ClassMethod> = new Map(
	Object.entries(METHOD_PARAM).map(([method, param]) => [param, method as ClassMethod])
);
const DEFAULT_METHOD: ClassMethod = 'quantile';
const DEFAULT_METHOD_TEXT = 'gezeigt wird die Einteilung nach Quantilen';

const LEVEL_SINGULAR: Readonly<Record<Level, string>> = {
	stadtteil: 'Stadtteil',
	stadtbezirk: 'Stadtbezirk'
};
const LEVEL_PLURAL: Readonly<Record<Level, string>> = {
	stadtteil: 'Stadtteile',
	stadtbezirk: 'Stadtbezirke'
};

/** Phases that Lernorte can serve (`kontext` describes the setting and has none). */
const LERNORT_PHASES: readonly Bildungsphase[] = BILDUNGSPHASEN.map((p) => p.id).filter(
	(id) => id !== 'kontext'
);

// Lives in the domain so that the embed can use it without the dashboard's URL model.
export { defaultIndicatorId } from '../domain/defaultIndicator';

/**
 * Reads single-valued parameters: of a repeated one the first value, of a too long one none;
 * each problem as a German sentence in `problems`.
 * `paramReader(new URLSearchParams('a=1&a=2'), problems)('a')` -> '1' (and one problem)
 */
export function paramReader(params: URLSearchParams, problems: string[]): (name: string) => string | null {
	return (name) => {
		const all = params.getAll(name);
		if (all.length === 0) return null;
		if (all.length > 1) {
			problems.push(`Parameter '${name}' ist ${all.length}-mal angegeben; verwendet wird der erste Wert.`);
		}
		const value = all[0]!;
		if (value.length > MAX_PARAM_LENGTH) {
			problems.push(`Parameter '${name}' ist zu lang (${value.length} Zeichen) und wird ignoriert.`);
			return null;
		}
		return value;
	};
}

/**
 * Reads the view state from URL parameters. Never throws on any parameter value: whatever cannot
 * be used falls back to its default, and `problems` says so in German, one sentence per
 * parameter, for a calm notice in the UI. Unknown parameters are ignored silently.
 *
 * `parseView(new URLSearchParams('jahr=1999'), ctx)` ->
 * `{ state: { …defaults }, problems: ["Parameter 'jahr': 1999 gibt es für ‚…‘ nicht; gezeigt wird 2024."] }`
 *
 * A context that breaks its own invariants (no levels, unknown default indicator, an indicator
 * without years) is a bug and throws.
 */
export function parseView(
	params: URLSearchParams,
	ctx: UrlContext
): { state: ViewState; problems: string[] } {
	checkContext(ctx);
	const problems: string[] = [];
	const read: (name: (typeof VIEW_PARAMS)[number]) => string | null = paramReader(params, problems);

	// Level
	let level = defaultLevel(ctx);
	const rawLevel = read('ebene');
	if (rawLevel !== null) {
		const wanted = rawLevel.trim().toLowerCase();
		const found = ctx.levels.find((l) => l === wanted);
		if (found) level = found;
		else {
			problems.push(
				`Parameter 'ebene': ${quote(rawLevel)} ist keine Ebene dieser Karte; gezeigt werden die ${LEVEL_PLURAL[level]}.`
			);
		}
	}

	// Map mode and phase
	let mode: MapMode = 'indicator';
	const rawMode = read('modus');
	if (rawMode !== null) {
		const wanted = rawMode.trim().toLowerCase();
		const found = (Object.keys(MODE_PARAM) as MapMode[]).find((m) => MODE_PARAM[m] === wanted);
		if (found) mode = found;
		else
			problems.push(
				`Parameter 'modus': ${quote(rawMode)} gibt es nicht (indikator oder luecken); gezeigt wird die Indikatorkarte.`
			);
	}
	let phase: ChainPhase = DEFAULT_PHASE;
	const rawPhase = read('phase');
	if (rawPhase !== null) {
		const wanted = rawPhase.trim().toLowerCase();
		const found = CHAIN_PHASES.find((p) => p === wanted);
		if (found) phase = found;
		else
			problems.push(
				`Parameter 'phase': ${quote(rawPhase)} ist keine Phase der Bildungskette; gezeigt wird die frühe Bildung.`
			);
	}

	// "What if" thresholds of the gaps mode
	let needThreshold: number | null = null;
	const rawNeed = read('bedarf');
	if (rawNeed !== null) {
		const v = parsePlainDecimal(rawNeed.trim().replace(',', '.'));
		if (v !== null && v >= -3 && v <= 3) needThreshold = Math.round(v * 100) / 100;
		else
			problems.push(
				`Parameter 'bedarf': ${quote(rawNeed)} ist keine Schwelle von −3 bis 3; verwendet wird die Voreinstellung.`
			);
	}
	let supportThreshold: number | 'city' | null = null;
	const rawSupport = read('versorgung');
	if (rawSupport !== null) {
		const text = rawSupport.trim().toLowerCase();
		const v = parsePlainDecimal(text.replace(',', '.'));
		if (text === 'stadt') supportThreshold = 'city';
		else if (v !== null && v >= 0 && v <= 100) supportThreshold = Math.round(v) / 100;
		else
			problems.push(
				`Parameter 'versorgung': ${quote(rawSupport)} ist weder ein Prozentwert von 0 bis 100 noch „stadt“; verwendet wird die Voreinstellung.`
			);
	}

	// "What if" weights of the gaps mode
	let needWeights: Record<string, number> = {};
	const rawNeedWeights = read('gewichte');
	if (rawNeedWeights !== null) {
		const byLowerCase = new Map(
			ctx.indicators
				.filter((m) => m.kind === 'ratio' && m.direction !== 'context')
				.map((m) => [m.id.toLowerCase(), m.id])
		);
		const { weights, bad } = readWeights(
			rawNeedWeights,
			'Indikator',
			(name) => byLowerCase.get(name.toLowerCase()),
			'ist kein Bedarfsindikator dieser Karte'
		);
		needWeights = weights;
		if (bad.length > 0)
			problems.push(
				`Parameter 'gewichte': ${listPhrases(bad)}. Dafür gilt die Voreinstellung; ` +
					`erwartet wird Indikator:Gewicht mit Gewichten von 0 bis ${MAX_WEIGHT}, durch Kommas getrennt.`
			);
	}
	let supportWeights: Partial<SupportWeights> = {};
	const rawSupportWeights = read('unterstuetzung');
	if (rawSupportWeights !== null) {
		const { weights, bad } = readWeights(
			rawSupportWeights,
			'Komponente',
			(name) => SUPPORT_BY_PARAM.get(name.toLowerCase()),
			`ist keine Komponente (${[...SUPPORT_BY_PARAM.keys()].join(', ')})`
		);
		supportWeights = weights as Partial<SupportWeights>;
		if (bad.length > 0)
			problems.push(
				`Parameter 'unterstuetzung': ${listPhrases(bad)}. Dafür gilt die Voreinstellung; ` +
					`erwartet wird z. B. erreichbarkeit:1,plaetze:0.5,angebote:1 mit Gewichten von 0 bis ${MAX_WEIGHT}.`
			);
	}

	// Indicator
	let meta = indicatorById(ctx, ctx.defaultIndicator)!;
	const rawIndicator = read('indikator');
	if (rawIndicator !== null) {
		const found = indicatorById(ctx, rawIndicator.trim());
		if (found) meta = found;
		else {
			problems.push(
				`Parameter 'indikator': ${quote(rawIndicator)} gibt es nicht; gezeigt wird ${title(meta)}.`
			);
		}
	}

	// Year
	const newest = newestYear(meta);
	let year = newest;
	const rawYear = read('jahr');
	if (rawYear !== null) {
		const text = rawYear.trim();
		const candidate = text.length === 4 && isDigits(text) ? Number(text) : null;
		if (candidate === null) {
			problems.push(`Parameter 'jahr': ${quote(rawYear)} ist keine Jahreszahl; gezeigt wird ${newest}.`);
		} else if (!meta.years.includes(candidate)) {
			problems.push(
				`Parameter 'jahr': ${candidate} gibt es für ${title(meta)} nicht; gezeigt wird ${newest}.`
			);
		} else year = candidate;
	}

	// Change map: an earlier year of the same indicator
	let since: number | null = null;
	const rawSince = read('seit');
	if (rawSince !== null) {
		const text = rawSince.trim();
		const candidate = text.length === 4 && isDigits(text) ? Number(text) : null;
		const fallback = `gezeigt werden die Werte von ${year} ohne Veränderung`;
		if (candidate === null) {
			problems.push(`Parameter 'seit': ${quote(rawSince)} ist keine Jahreszahl; ${fallback}.`);
		} else if (!meta.years.includes(candidate)) {
			problems.push(`Parameter 'seit': ${candidate} gibt es für ${title(meta)} nicht; ${fallback}.`);
		} else if (candidate >= year) {
			problems.push(
				`Parameter 'seit': ${candidate} liegt nicht vor dem gezeigten Jahr ${year}; ${fallback}.`
			);
		} else since = candidate;
	}

	// Method, classes, breaks
	let method = DEFAULT_METHOD;
	const rawMethod = read('methode');
	if (rawMethod !== null) {
		const found = METHOD_BY_PARAM.get(rawMethod.trim().toLowerCase());
		if (found) method = found;
		else {
			problems.push(
				`Parameter 'methode': ${quote(rawMethod)} ist unbekannt (möglich: ` +
					`${Object.values(METHOD_PARAM).join(', ')}); ${DEFAULT_METHOD_TEXT}.`
			);
		}
	}

	const rawClasses = read('klassen');
	const rawBreaks = read('grenzen');
	let breaks: number[] = [];
	if (method === 'manual') {
		if (rawBreaks === null) {
			problems.push(
				`Parameter 'methode': eigene Klassen brauchen den Parameter 'grenzen'; ${DEFAULT_METHOD_TEXT}.`
			);
		} else {
			const parsed = parseBreaksText(rawBreaks);
			if (typeof parsed === 'string') {
				problems.push(`Parameter 'grenzen': ${parsed} ${capitalize(DEFAULT_METHOD_TEXT)}.`);
			} else breaks = parsed;
		}
		if (breaks.length === 0) method = DEFAULT_METHOD;
	} else if (rawBreaks !== null) {
		problems.push(`Parameter 'grenzen' gilt nur mit methode=manuell und wird ignoriert.`);
	}

	let classes = DEFAULT_CLASSES;
	if (method === 'manual') {
		classes = breaks.length + 1;
		if (rawClasses !== null && parseClassCount(rawClasses) !== classes) {
			problems.push(
				`Parameter 'klassen': bei eigenen Grenzen ergibt sich die Zahl der Klassen aus 'grenzen'; ` +
					`gezeigt werden ${classes} Klassen.`
			);
		}
	} else if (rawClasses !== null) {
		const parsed = parseClassCount(rawClasses);
		if (parsed === null) {
			problems.push(
				`Parameter 'klassen': ${quote(rawClasses)} ist nicht möglich (${MIN_CLASSES} bis ${MAX_CLASSES}); gezeigt werden ${classes} Klassen.`
			);
		} else classes = parsed;
	}

	const fixedBreaks = readFlag(read('grenzen_fest'), false, (raw) =>
		problems.push(
			`Parameter 'grenzen_fest': ${quote(raw)} ist weder 0 noch 1; die Klassengrenzen gelten für das gezeigte Jahr.`
		)
	);

	// Selection
	let selection: string | null = null;
	const rawSelection = read('gebiet');
	if (rawSelection !== null) {
		const key = rawSelection.trim();
		if (ctx.areaKeys[level]?.has(key)) selection = key;
		else {
			problems.push(
				`Parameter 'gebiet': ${quote(rawSelection)} ist kein ${LEVEL_SINGULAR[level]} dieser Karte; ` +
					`es ist kein Gebiet ausgewählt.`
			);
		}
	}

	// Overlays
	const regionen = readFlag(read('regionen'), false, (raw) =>
		problems.push(
			`Parameter 'regionen': ${quote(raw)} ist weder 0 noch 1; die Bildungsregionen werden nicht gezeigt.`
		)
	);
	const lernorte = readFlag(read('lernorte'), true, (raw) =>
		problems.push(`Parameter 'lernorte': ${quote(raw)} ist weder 0 noch 1; die Lernorte werden gezeigt.`)
	);

	// Lernort filters
	const types = readList(read('typen'), ctx.lernortTypes, (unknown, none) =>
		problems.push(
			`Parameter 'typen': ${unknownList(unknown, 'kein bekannter Lernort-Typ', 'keine bekannten Lernort-Typen')}` +
				(none ? '; gezeigt werden alle Typen.' : '.')
		)
	);
	const phases = readList(read('phasen'), LERNORT_PHASES, (unknown, none) =>
		problems.push(
			`Parameter 'phasen': ${unknownList(unknown, 'keine Bildungsphase mit Lernorten', 'keine Bildungsphasen mit Lernorten')}` +
				(none ? '; gezeigt werden alle Phasen.' : '.')
		)
	);

	// Map view
	let view: ViewState['view'] = null;
	const rawView = read('karte');
	if (rawView !== null) {
		view = parseMapView(rawView);
		if (view === null) {
			problems.push(
				`Parameter 'karte': ${quote(rawView)} ist kein Kartenausschnitt (Länge,Breite,Zoom); ` +
					`gezeigt wird der Standardausschnitt.`
			);
		}
	}

	return {
		state: {
			level,
			mode,
			phase,
			needThreshold,
			supportThreshold,
			needWeights,
			supportWeights,
			indicator: meta.id,
			year,
			since,
			method,
			classes,
			breaks,
			fixedBreaks,
			selection,
			regionen,
			lernorte,
			types,
			phases,
			view
		},
		problems
	};
}

/**
 * Writes the view state as URL parameters: defaults are left out and parameters come in the
 * order of `VIEW_PARAMS`, so equal states give equal, short URLs.
 *
 * `serializeView({ …defaults, year: 2022, regionen: true }, ctx).toString()` -> "jahr=2022&regionen=1"
 *
 * Lists are written in catalog order without duplicates; a list naming every option is left out
 * (it means the same as no filter). The state is not validated: `parseView` does that on reading.
 */
export function serializeView(state: ViewState, ctx: UrlContext): URLSearchParams {
	const p = new URLSearchParams();
	if (state.level !== defaultLevel(ctx)) p.set('ebene', state.level);
	if (state.mode !== 'indicator') p.set('modus', MODE_PARAM[state.mode] ?? String(state.mode));
	if (state.mode === 'gaps' && state.phase !== DEFAULT_PHASE) p.set('phase', state.phase);
	if (state.mode === 'gaps' && state.needThreshold !== null) p.set('bedarf', String(state.needThreshold));
	if (state.mode === 'gaps' && state.supportThreshold !== null)
		p.set(
			'versorgung',
			state.supportThreshold === 'city' ? 'stadt' : String(Math.round(state.supportThreshold * 100))
		);
	if (state.mode === 'gaps') {
		const need = Object.keys(state.needWeights)
			.sort(byCodeUnits)
			.map((id) => `${id}:${String(roundWeight(state.needWeights[id]!))}`);
		if (need.length > 0) p.set('gewichte', need.join(','));
		const support = SUPPORT_COMPONENTS.map((c) => c.key)
			.filter((key) => state.supportWeights[key] !== undefined)
			.map((key) => `${SUPPORT_WEIGHT_PARAM[key]}:${String(roundWeight(state.supportWeights[key]!))}`);
		if (support.length > 0) p.set('unterstuetzung', support.join(','));
	}
	if (state.indicator !== ctx.defaultIndicator) p.set('indikator', state.indicator);
	const meta = indicatorById(ctx, state.indicator);
	if (!meta || state.year !== newestYear(meta)) p.set('jahr', String(state.year));
	if (state.since !== null) p.set('seit', String(state.since));
	if (state.method !== DEFAULT_METHOD) p.set('methode', METHOD_PARAM[state.method] ?? String(state.method));
	if (state.method === 'manual') p.set('grenzen', state.breaks.map(String).join(','));
	else if (state.classes !== DEFAULT_CLASSES) p.set('klassen', String(state.classes));
	if (state.fixedBreaks) p.set('grenzen_fest', '1');
	if (state.selection !== null) p.set('gebiet', state.selection);
	if (state.regionen) p.set('regionen', '1');
	if (!state.lernorte) p.set('lernorte', '0');
	const types = canonicalList(state.types, ctx.lernortTypes);
	if (types.length > 0 && types.length < ctx.lernortTypes.length) p.set('typen', types.join(','));
	const phases = canonicalList(state.phases, LERNORT_PHASES);
	if (phases.length > 0 && phases.length < LERNORT_PHASES.length) p.set('phasen', phases.join(','));
	if (state.view) {
		const { lon, lat, zoom } = state.view;
		p.set('karte', `${lon.toFixed(4)},${lat.toFixed(4)},${zoom.toFixed(2)}`);
	}
	return p;
}

/**
 * Applies a change to the current URL parameters and returns the new ones; the one place that
 * keeps the state consistent when a field changes:
 * - a new indicator keeps the year if it has it, else shows its newest year;
 * - `since` is kept while it is a year of the indicator before the year shown, else dropped (a
 *   change map needs two years);
 * - a new level keeps the selection only if the key exists on that level;
 * - a method other than `manual` drops the breaks; `manual` needs `breaks` in the same patch (or
 *   already in the URL), otherwise the method stays quantile.
 *
 * Parameters that are not part of the view are kept, after the view parameters.
 *
 * `patchParams(new URLSearchParams('jahr=2020&embed=1'), { indicator: 'x' }, ctx).toString()` ->
 * "indikator=x&embed=1" (when x has no 2020)
 */
export function patchParams(
	current: URLSearchParams,
	patch: Partial<ViewState>,
	ctx: UrlContext
): URLSearchParams {
	const { state } = parseView(current, ctx);
	const merged: ViewState = { ...state };
	for (const [key, value] of Object.entries(patch) as Array<[keyof ViewState, unknown]>) {
		if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
	}
	// Reading the merged state back applies every fallback of parseView to the patched fields.
	const next = parseView(serializeView(merged, ctx), ctx).state;
	const out = serializeView(next, ctx);
	for (const [key, value] of current) if (!VIEW_PARAM_SET.has(key)) out.append(key, value);
	return out;
}

function checkContext(ctx: UrlContext): void {
	if (ctx.levels.length === 0) throw new RangeError('UrlContext: no levels');
	const meta = indicatorById(ctx, ctx.defaultIndicator);
	if (!meta)
		throw new RangeError(`UrlContext: default indicator ${ctx.defaultIndicator} is not in the catalog`);
	for (const i of ctx.indicators) {
		if (i.years.length === 0) throw new RangeError(`UrlContext: indicator ${i.id} has no years`);
	}
}

function defaultLevel(ctx: UrlContext): Level {
	return ctx.levels.includes('stadtteil') ? 'stadtteil' : ctx.levels[0]!;
}

function indicatorById(ctx: UrlContext, id: string): IndicatorMeta | undefined {
	return ctx.indicators.find((i) => i.id === id);
}

function newestYear(meta: IndicatorMeta): number {
	return Math.max(...meta.years);
}

function title(meta: IndicatorMeta): string {
	return `‚${meta.title}‘`;
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function isDigits(text: string): boolean {
	return text.length > 0 && [...text].every((ch) => ch >= '0' && ch <= '9');
}

function readFlag(raw: string | null, fallback: boolean, onProblem: (raw: string) => void): boolean {
	if (raw === null) return fallback;
	const text = raw.trim();
	if (text === '1') return true;
	if (text === '0') return false;
	onProblem(raw);
	return fallback;
}

/**
 * A comma list of ids, kept in the order of `known`, without duplicates; naming every known id
 * is the same as no filter (empty).
 */
function readList<T extends string>(
	raw: string | null,
	known: readonly T[],
	onUnknown: (unknown: string[], none: boolean) => void
): T[] {
	if (raw === null) return [];
	const byLowerCase = new Map(known.map((id) => [id.toLowerCase(), id]));
	const tokens = raw
		.split(',')
		.map((t) => t.trim())
		.filter((t) => t !== '');
	const unknown = [...new Set(tokens.filter((t) => !byLowerCase.has(t.toLowerCase())))];
	const list = canonicalList(
		tokens.map((t) => byLowerCase.get(t.toLowerCase()) ?? ''),
		known
	);
	if (unknown.length > 0) onUnknown(unknown, list.length === 0);
	return list.length === known.length ? [] : list;
}

/**
 * Weights as `name:weight` pairs separated by commas: "a:2,b:0.5" -> { a: 2, b: 0.5 }. Names
 * are resolved by `keyOf` (undefined = unknown); weights 0 … MAX_WEIGHT with a decimal point or
 * a decimal comma ("a:0,5,b:2" -> { a: 0.5, b: 2 }), rounded to two decimals; of duplicated
 * names the first counts. Unusable entries are left
 * out and described in `bad`, one German phrase each.
 */
function readWeights(
	raw: string,
	nameLabel: string,
	keyOf: (name: string) => string | undefined,
	unknownText: string
): { weights: Record<string, number>; bad: string[] } {
	const weights = new Map<string, number>();
	const bad: string[] = [];
	// A German decimal comma ("a:0,5") splits a weight in two: digits without a name after a
	// whole-number weight are its decimals, so the pair reads 0.5, not 0 and a stray 5.
	const entries: string[] = [];
	for (const token of raw.split(',')) {
		const t = token.trim();
		const last = entries.length - 1;
		if (/^\d+$/.test(t) && last >= 0 && /^[^:]+:\s*\d+$/.test(entries[last]!)) entries[last] += `.${t}`;
		else entries.push(t);
	}
	for (const entry of entries) {
		if (entry === '') continue;
		const parts = entry.split(':');
		const name = parts[0]!.trim();
		if (parts.length !== 2 || name === '') {
			bad.push(`${quote(entry)} ist kein Paar ${nameLabel}:Gewicht`);
			continue;
		}
		const key = keyOf(name);
		if (key === undefined) {
			bad.push(`${quote(name)} ${unknownText}`);
			continue;
		}
		const value = parsePlainDecimal(parts[1]!.trim());
		if (value === null || !isWeight(value)) {
			bad.push(`${quote(entry)} hat kein Gewicht von 0 bis ${MAX_WEIGHT}`);
			continue;
		}
		if (weights.has(key)) {
			bad.push(`${quote(name)} ist mehrfach angegeben (es gilt der erste Wert)`);
			continue;
		}
		weights.set(key, roundWeight(value));
	}
	// fromEntries defines own properties, so no id can reach the prototype.
	return { weights: Object.fromEntries(weights), bad };
}

/** At most three phrases joined by semicolons, then how many more: "a; b; c (und 2 weitere)". */
function listPhrases(phrases: readonly string[]): string {
	const more = phrases.length - 3;
	return phrases.slice(0, 3).join('; ') + (more > 0 ? ` (und ${more} weitere)` : '');
}

function canonicalList<T extends string>(items: readonly string[], known: readonly T[]): T[] {
	const wanted = new Set(items);
	return known.filter((id) => wanted.has(id));
}

function unknownList(unknown: string[], singular: string, plural: string): string {
	const shown = unknown.slice(0, 3).map(quote).join(', ') + (unknown.length > 3 ? ' …' : '');
	return unknown.length === 1
		? `${shown} ist ${singular} und wird ignoriert`
		: `${shown} sind ${plural} und werden ignoriert`;
}

/** "9.18,48.78,11.25" -> { lon, lat, zoom }, rounded and clamped to what the map can show; null if unusable. */
function parseMapView(raw: string): ViewState['view'] {
	const parts = raw.split(',');
	if (parts.length !== 3) return null;
	const [lon, lat, zoom] = parts.map((part) => parsePlainDecimal(part.trim())) as [
		number | null,
		number | null,
		number | null
	];
	if (lon === null || lat === null || zoom === null) return null;
	if (Math.abs(lon) > 180 || Math.abs(lat) > 90 || zoom < 0 || zoom > 24) return null;
	// Web Mercator ends near ±85°; the map zooms between MIN_ZOOM and MAX_ZOOM.
	return {
		lon: round(lon, 4),
		lat: round(Math.min(85, Math.max(-85, lat)), 4),
		zoom: round(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom)), 2)
	};
}

function round(v: number, decimals: number): number {
	return Number(v.toFixed(decimals)) + 0;
}
