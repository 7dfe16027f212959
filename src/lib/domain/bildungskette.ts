import type { Bildungsphase, IndicatorMeta, LernortTypeDef } from './types';
import type { ValidationIssue } from './validateSources';

/**
 * The Bildungskette as the Förderlücken analysis sees it: per phase, whose children are counted,
 * which indicators describe need and support, which Lernorte serve the phase, and how far
 * children walk to them. Every city starts from defaults derived from its catalog and may
 * override them in the optional `bildungskette` member of city.json.
 */

/** A phase of the Bildungskette proper (without `kontext`). */
export type ChainPhase = Exclude<Bildungsphase, 'kontext'>;

/** The chain phases in order, youngest first. */
export const CHAIN_PHASES: readonly ChainPhase[] = ['fruehe', 'elementar', 'primar', 'sek1', 'sek2'];

export interface WeightedIndicator {
	indicator: string;
	/** Relative weight ≥ 0; 0 removes the indicator's influence entirely. */
	weight: number;
}

export interface SupplyIndicator extends WeightedIndicator {
	/** Value regarded as full provision; without it the city's own value is the yardstick. */
	target?: number;
}

export interface PhaseModel {
	id: ChainPhase;
	/** Count indicator of the age group, e.g. `kinder_0_3`. */
	population: string;
	/** Need indicators; the sign comes from each indicator's direction (`better` counts reversed). */
	need: WeightedIndicator[];
	/** Provision indicators (direction `better`), scored against a target or the city value. */
	supply: SupplyIndicator[];
	/** Lernort types that serve the phase. */
	lernortTypes: string[];
	/** Places per child aimed at (Kindertagesbetreuung); without it places are not scored. */
	placeTarget?: number;
	/** Lernort types whose capacity counts as places of the phase (a subset of `lernortTypes`). */
	placeTypes?: string[];
}

export interface SupportWeights {
	reach: number;
	places: number;
	supply: number;
}

export interface GapSettings {
	phases: PhaseModel[];
	/** Walking distance in metres per Lernort type within which a child counts as reached. */
	reachMetres: Record<string, number>;
	/** Walking path ÷ straight line; the straight-line radius is `reachMetres / detourFactor`. */
	detourFactor: number;
	/** Weights of the support components. */
	weights: SupportWeights;
	thresholds: {
		/** On the need index (z scale); 0 = city average. */
		need: number;
		/** Support level 0..1, or `city` for the city's own children-weighted level. */
		support: number | 'city';
	};
	/** Share of the need weight an area must have values for to get a need index. */
	minCoverage: number;
}

/*
 * Reach. Walking distances as used in German social-infrastructure planning: the youngest
 * children and Grundschule pupils walk short distances with their parents ("kurze Beine, kurze
 * Wege"), secondary pupils walk or ride further, and youth and leisure sites have a wider
 * catchment that young people cover on their own.
 */
/** Kita, Kindertagespflege, Grundschule: formal sites of the phases up to age 10. */
export const REACH_NEAR_METRES = 500;
/** Secondary schools (Gemeinschafts-, Werkreal-, Realschule, Gymnasium, SBBZ, berufliche Schule). */
export const REACH_SCHOOL_METRES = 1000;
/** Non-formal and informal sites: Jugendhaus, Bibliothek, Musikschule, Spielplatz, … */
export const REACH_YOUTH_METRES = 1500;

/**
 * Straight-line distance × 1.3 ≈ walking path. Detour (Umweg-) factors of 1.2–1.4 are the
 * usual range in German accessibility planning; 1.3 is the middle of it.
 */
export const DEFAULT_DETOUR_FACTOR = 1.3;

/** Reach, places and supply indicators count equally: the simplest mix to explain. */
export const DEFAULT_SUPPORT_WEIGHTS: Readonly<SupportWeights> = { reach: 1, places: 1, supply: 1 };

/** An area needs values for at least half of the need weight to get an index. */
export const DEFAULT_MIN_COVERAGE = 0.5;

/** Need threshold 0 on the z scale = city average; support threshold = the city's own level. */
export const DEFAULT_THRESHOLDS: Readonly<GapSettings['thresholds']> = { need: 0, support: 'city' };

/**
 * Places per child aimed at in Kindertagesbetreuung. Ü3: legal entitlement from the third
 * birthday, so one place per child. U3: about half of the parents of children under 3 ask for a
 * place (order of magnitude of the national parent surveys), so 0.5; a city sets its own
 * Ausbauziel in city.json. Schools have no place target: every child has a school place.
 */
export const DEFAULT_PLACE_TARGETS: Readonly<Partial<Record<ChainPhase, number>>> = {
	fruehe: 0.5,
	elementar: 1
};

/**
 * Phases for which the social situation of families (context indicators with direction `need`,
 * e.g. kinder_sgb2, alleinerziehende) is part of the need: before and in Grundschule the family
 * is the main learning environment and phase outcomes are few (none before age 3).
 */
export const DEFAULT_SOCIAL_CONTEXT_PHASES: readonly ChainPhase[] = ['fruehe', 'elementar', 'primar'];

/**
 * A `better` indicator is a provision indicator (support) when its id or title names care,
 * all-day offers, places or coverage; every other `better` indicator is an outcome and counts
 * as reversed need (a low Übergang aufs Gymnasium signals need).
 */
export const PROVISION_PATTERN = /betreuung|ganztag|versorgung|plätze|plaetze|platzangebot/i;

/** `isProvisionIndicator(betreuungsquote_u3)` -> true; `isProvisionIndicator(uebergang_gymnasium)` -> false */
export function isProvisionIndicator(meta: Pick<IndicatorMeta, 'id' | 'title' | 'direction'>): boolean {
	return (
		meta.direction === 'better' && (PROVISION_PATTERN.test(meta.id) || PROVISION_PATTERN.test(meta.title))
	);
}

export interface GapDefaultsOptions {
	/** Leave out internal indicators (`public: false`); default true, so nothing internal leaks. */
	publicOnly?: boolean;
	/** Which `better` indicators are provision (support) rather than outcomes. */
	isProvision?: (meta: IndicatorMeta) => boolean;
	/** Phases whose need includes the social-situation context indicators. */
	socialContextPhases?: readonly ChainPhase[];
}

/**
 * The count indicator of a phase's age group: the first `count` indicator whose only phase is
 * that phase. `populationIndicator('fruehe', stuttgart)` -> "kinder_0_3"; none -> undefined.
 */
export function populationIndicator(
	phase: ChainPhase,
	indicators: readonly IndicatorMeta[]
): string | undefined {
	return indicators.find((m) => m.kind === 'count' && m.phases.length === 1 && m.phases[0] === phase)?.id;
}

/**
 * Need indicators of a phase by the default rule, weight 1 each:
 * ratios with direction `need` of the phase; for the social-context phases also `need`
 * indicators of `kontext`; `better` outcome indicators of the phase (counted reversed).
 * `defaultNeed('primar', stuttgart)` -> zurueckstellungen, uebergang_gymnasium, kinder_sgb2, alleinerziehende
 */
export function defaultNeed(
	phase: ChainPhase,
	indicators: readonly IndicatorMeta[],
	options: GapDefaultsOptions = {}
): WeightedIndicator[] {
	const { publicOnly = true, isProvision = isProvisionIndicator } = options;
	const social = options.socialContextPhases ?? DEFAULT_SOCIAL_CONTEXT_PHASES;
	return indicators
		.filter((m) => m.kind === 'ratio' && (m.public || !publicOnly))
		.filter(
			(m) =>
				(m.direction === 'need' && m.phases.includes(phase)) ||
				(m.direction === 'need' && m.phases.includes('kontext') && social.includes(phase)) ||
				(m.direction === 'better' && m.phases.includes(phase) && !isProvision(m))
		)
		.map((m) => ({ indicator: m.id, weight: 1 }));
}

/**
 * Supply indicators of a phase by the default rule: `better` provision ratios of the phase,
 * weight 1, measured against the city value.
 * `defaultSupply('elementar', stuttgart)` -> betreuungsquote_3_6, kita_ganztag
 */
export function defaultSupply(
	phase: ChainPhase,
	indicators: readonly IndicatorMeta[],
	options: GapDefaultsOptions = {}
): SupplyIndicator[] {
	const { publicOnly = true, isProvision = isProvisionIndicator } = options;
	return indicators
		.filter((m) => m.kind === 'ratio' && (m.public || !publicOnly))
		.filter((m) => m.direction === 'better' && m.phases.includes(phase) && isProvision(m))
		.map((m) => ({ indicator: m.id, weight: 1 }));
}

/**
 * Walking distance of a Lernort type: formal sites serving only children up to 10 → 500 m,
 * other formal sites → 1,000 m, non-formal and informal sites → 1,500 m.
 * `defaultReachMetres(kita)` -> 500; `defaultReachMetres(gymnasium)` -> 1000
 */
export function defaultReachMetres(type: LernortTypeDef): number {
	if (type.category !== 'formal') return REACH_YOUTH_METRES;
	const young: readonly Bildungsphase[] = ['fruehe', 'elementar', 'primar'];
	return type.phases.every((p) => young.includes(p)) ? REACH_NEAR_METRES : REACH_SCHOOL_METRES;
}

/** The default model of one phase, or undefined when the catalog has no age-group count for it. */
function defaultPhaseModel(
	phase: ChainPhase,
	indicators: readonly IndicatorMeta[],
	types: readonly LernortTypeDef[],
	options: GapDefaultsOptions
): PhaseModel | undefined {
	const population = populationIndicator(phase, indicators);
	if (population === undefined) return undefined;
	return {
		id: phase,
		population,
		...defaultParts(phase, indicators, types, options)
	};
}

function defaultParts(
	phase: ChainPhase,
	indicators: readonly IndicatorMeta[],
	types: readonly LernortTypeDef[],
	options: GapDefaultsOptions
): Omit<PhaseModel, 'id' | 'population'> {
	const serving = types.filter((t) => t.phases.includes(phase));
	const parts: Omit<PhaseModel, 'id' | 'population'> = {
		need: defaultNeed(phase, indicators, options),
		supply: defaultSupply(phase, indicators, options),
		lernortTypes: serving.map((t) => t.id)
	};
	const placeTarget = DEFAULT_PLACE_TARGETS[phase];
	if (placeTarget !== undefined) {
		parts.placeTarget = placeTarget;
		parts.placeTypes = serving.filter((t) => t.category === 'formal').map((t) => t.id);
	}
	return parts;
}

/**
 * The default settings for a city's catalog and Lernort types. Phases without an age-group
 * count in the catalog are left out.
 * `defaultGapSettings(stuttgart.indicators, LERNORT_TYPES).phases[0]` ->
 * `{ id: 'fruehe', population: 'kinder_0_3', need: [kinder_sgb2, alleinerziehende], supply: [betreuungsquote_u3], … }`
 */
export function defaultGapSettings(
	indicators: readonly IndicatorMeta[],
	types: readonly LernortTypeDef[],
	options: GapDefaultsOptions = {}
): GapSettings {
	const phases: PhaseModel[] = [];
	for (const phase of CHAIN_PHASES) {
		const model = defaultPhaseModel(phase, indicators, types, options);
		if (model) phases.push(model);
	}
	return {
		phases,
		reachMetres: Object.fromEntries(types.map((t) => [t.id, defaultReachMetres(t)])),
		detourFactor: DEFAULT_DETOUR_FACTOR,
		weights: { ...DEFAULT_SUPPORT_WEIGHTS },
		thresholds: { ...DEFAULT_THRESHOLDS },
		minCoverage: DEFAULT_MIN_COVERAGE
	};
}

/**
 * The settings without internal indicators, for public pages; returns a new object.
 * `withoutInternal(settings, catalog)` drops e.g. klassenwiederholungen from sek1's need.
 */
export function withoutInternal(settings: GapSettings, indicators: readonly IndicatorMeta[]): GapSettings {
	const internal = new Set(indicators.filter((m) => !m.public).map((m) => m.id));
	return {
		...settings,
		phases: settings.phases.map((p) => ({
			...p,
			need: p.need.filter((n) => !internal.has(n.indicator)),
			supply: p.supply.filter((s) => !internal.has(s.indicator))
		}))
	};
}

/** The phase model of a phase: `phaseModel(settings, 'sek1')?.population` -> "kinder_10_16". */
export function phaseModel(settings: GapSettings, phase: ChainPhase): PhaseModel | undefined {
	return settings.phases.find((p) => p.id === phase);
}

/**
 * Straight-line radius in metres within which a Lernort of the type counts as reachable:
 * `straightLineRadius(defaults, 'kita')` -> 500 / 1.3 ≈ 384.6. Unknown types are a bug.
 */
export function straightLineRadius(
	settings: Pick<GapSettings, 'reachMetres' | 'detourFactor'>,
	type: string
): number {
	const metres = settings.reachMetres[type];
	if (metres === undefined) throw new Error(`Keine Fußwegdistanz für Lernort-Typ ${type}`);
	return metres / settings.detourFactor;
}

// ---------------------------------------------------------------------------------------------
// Validation of the `bildungskette` member of city.json

const ROOT = 'bildungskette';
const SETTINGS_KEYS = ['phases', 'reachMetres', 'detourFactor', 'weights', 'thresholds', 'minCoverage'];
const PHASE_KEYS = ['id', 'population', 'need', 'supply', 'lernortTypes', 'placeTarget', 'placeTypes'];

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

class Issues {
	readonly list: ValidationIssue[] = [];
	constructor(readonly file: string) {}
	add(path: string, message: string, hint: string): void {
		this.list.push({ file: this.file, column: path, message, hint });
	}
	unknownKeys(o: Obj, allowed: readonly string[], path: string): void {
		for (const key of Object.keys(o))
			if (!allowed.includes(key))
				this.add(
					`${path}.${key}`,
					`Unbekanntes Feld „${key}“`,
					`Schreibweise prüfen; erlaubt sind: ${allowed.join(', ')}`
				);
	}
}

/**
 * Reads the optional `bildungskette` member of city.json and merges it over the defaults:
 * scalar fields and `weights`/`thresholds`/`reachMetres` by key; `phases` by `id`, where each given
 * field of a phase replaces the default field (a given `need` list replaces the whole list).
 * `undefined` gives the defaults. Any issue means no settings.
 * `validateGapSettings({ thresholds: { need: 0.5 } }, 'city.json', catalog, types).settings.thresholds`
 * -> `{ need: 0.5, support: 'city' }`
 */
export function validateGapSettings(
	raw: unknown,
	file: string,
	indicators: readonly IndicatorMeta[],
	types: readonly LernortTypeDef[],
	options: GapDefaultsOptions = {}
): { settings?: GapSettings; issues: ValidationIssue[] } {
	const defaults = defaultGapSettings(indicators, types, { ...options, publicOnly: false });
	const finish = (s: GapSettings) => (options.publicOnly === false ? s : withoutInternal(s, indicators));
	if (raw === undefined) return { settings: finish(defaults), issues: [] };

	const issues = new Issues(file);
	if (!isObject(raw)) {
		issues.add(
			ROOT,
			'bildungskette muss ein Objekt sein',
			'{ "phases": [...], "thresholds": {...} } angeben oder das Feld weglassen'
		);
		return { issues: issues.list };
	}
	issues.unknownKeys(raw, SETTINGS_KEYS, ROOT);
	const byId = new Map(indicators.map((m) => [m.id, m]));
	const typeIds = new Set(types.map((t) => t.id));
	const settings: GapSettings = {
		...defaults,
		phases: defaults.phases.map((p) => ({ ...p })),
		reachMetres: { ...defaults.reachMetres },
		weights: { ...defaults.weights },
		thresholds: { ...defaults.thresholds }
	};

	if ('detourFactor' in raw) {
		const v = raw.detourFactor;
		if (!isNumber(v) || v < 1)
			issues.add(
				`${ROOT}.detourFactor`,
				`Umwegfaktor „${String(v)}“ ist ungültig`,
				'Zahl ≥ 1 angeben (Fußweg ÷ Luftlinie), üblich sind 1.2 bis 1.4'
			);
		else settings.detourFactor = v;
	}

	if ('minCoverage' in raw) {
		const v = raw.minCoverage;
		if (!isNumber(v) || v <= 0 || v > 1)
			issues.add(
				`${ROOT}.minCoverage`,
				`Mindestabdeckung „${String(v)}“ ist ungültig`,
				'Anteil über 0 bis 1 angeben, z. B. 0.5 für die Hälfte des Gewichts'
			);
		else settings.minCoverage = v;
	}

	if ('reachMetres' in raw) {
		const reach = raw.reachMetres;
		if (!isObject(reach))
			issues.add(`${ROOT}.reachMetres`, 'reachMetres muss ein Objekt sein', '{ "kita": 500, ... } angeben');
		else
			for (const [type, v] of Object.entries(reach)) {
				const path = `${ROOT}.reachMetres.${type}`;
				if (!typeIds.has(type))
					issues.add(
						path,
						`Unbekannter Lernort-Typ „${type}“`,
						`Einen dieser Typen verwenden: ${[...typeIds].join(', ')}`
					);
				else if (!isNumber(v) || v <= 0)
					issues.add(
						path,
						`Fußwegdistanz „${String(v)}“ ist ungültig`,
						'Meter als Zahl über 0 angeben, z. B. 500'
					);
				else settings.reachMetres[type] = v;
			}
	}

	if ('weights' in raw) {
		const w = raw.weights;
		if (!isObject(w))
			issues.add(
				`${ROOT}.weights`,
				'weights muss ein Objekt sein',
				'{ "reach": 1, "places": 1, "supply": 1 } angeben'
			);
		else {
			issues.unknownKeys(w, ['reach', 'places', 'supply'], `${ROOT}.weights`);
			for (const key of ['reach', 'places', 'supply'] as const) {
				if (!(key in w)) continue;
				const v = w[key];
				if (!isNumber(v) || v < 0)
					issues.add(
						`${ROOT}.weights.${key}`,
						`Gewicht „${String(v)}“ ist ungültig`,
						'Zahl ≥ 0 angeben; 0 nimmt den Baustein aus der Rechnung'
					);
				else settings.weights[key] = v;
			}
			const { reach, places, supply } = settings.weights;
			if (reach + places + supply === 0)
				issues.add(
					`${ROOT}.weights`,
					'Alle Gewichte der Unterstützung sind 0',
					'Mindestens einem Baustein (reach, places, supply) ein Gewicht über 0 geben'
				);
		}
	}

	if ('thresholds' in raw) {
		const t = raw.thresholds;
		if (!isObject(t))
			issues.add(
				`${ROOT}.thresholds`,
				'thresholds muss ein Objekt sein',
				'{ "need": 0, "support": "city" } angeben'
			);
		else {
			issues.unknownKeys(t, ['need', 'support'], `${ROOT}.thresholds`);
			if ('need' in t) {
				if (!isNumber(t.need))
					issues.add(
						`${ROOT}.thresholds.need`,
						`Bedarfsschwelle „${String(t.need)}“ ist keine Zahl`,
						'Wert auf der z-Skala angeben, z. B. 0 (Stadtdurchschnitt) oder 0.5'
					);
				else settings.thresholds.need = t.need;
			}
			if ('support' in t) {
				if (t.support === 'city') settings.thresholds.support = 'city';
				else if (!isNumber(t.support) || t.support < 0 || t.support > 1)
					issues.add(
						`${ROOT}.thresholds.support`,
						`Unterstützungsschwelle „${String(t.support)}“ ist ungültig`,
						'"city" (Niveau der Gesamtstadt) oder eine Zahl von 0 bis 1 angeben'
					);
				else settings.thresholds.support = t.support;
			}
		}
	}

	if ('phases' in raw) {
		if (!Array.isArray(raw.phases))
			issues.add(`${ROOT}.phases`, 'phases muss eine Liste sein', '[ { "id": "fruehe", ... } ] angeben');
		else {
			const seen = new Set<string>();
			raw.phases.forEach((entry, i) => {
				const path = `${ROOT}.phases[${i}]`;
				const merged = readPhase(
					entry,
					path,
					seen,
					settings,
					{ byId, typeIds, indicators, types, options },
					issues
				);
				if (!merged) return;
				const at = settings.phases.findIndex((p) => p.id === merged.id);
				if (at >= 0) settings.phases[at] = merged;
				else settings.phases.push(merged);
			});
			settings.phases.sort((a, b) => CHAIN_PHASES.indexOf(a.id) - CHAIN_PHASES.indexOf(b.id));
		}
	}

	for (const phase of settings.phases)
		for (const type of phase.lernortTypes)
			if (settings.reachMetres[type] === undefined)
				issues.add(
					`${ROOT}.reachMetres.${type}`,
					`Keine Fußwegdistanz für Lernort-Typ „${type}“`,
					`In reachMetres eine Distanz in Metern für ${type} eintragen`
				);

	return issues.list.length > 0 ? { issues: issues.list } : { settings: finish(settings), issues: [] };
}

interface PhaseContext {
	byId: ReadonlyMap<string, IndicatorMeta>;
	typeIds: ReadonlySet<string>;
	indicators: readonly IndicatorMeta[];
	types: readonly LernortTypeDef[];
	options: GapDefaultsOptions;
}

function readPhase(
	entry: unknown,
	path: string,
	seen: Set<string>,
	settings: GapSettings,
	ctx: PhaseContext,
	issues: Issues
): PhaseModel | undefined {
	if (!isObject(entry)) {
		issues.add(path, 'Phase muss ein Objekt sein', '{ "id": "fruehe", ... } angeben');
		return undefined;
	}
	issues.unknownKeys(entry, PHASE_KEYS, path);
	const id = entry.id;
	if (typeof id !== 'string' || !(CHAIN_PHASES as readonly string[]).includes(id)) {
		issues.add(
			`${path}.id`,
			`Unbekannte Bildungsphase „${String(id)}“`,
			`Eine dieser Phasen verwenden: ${CHAIN_PHASES.join(', ')}`
		);
		return undefined;
	}
	if (seen.has(id)) {
		issues.add(`${path}.id`, `Phase „${id}“ kommt doppelt vor`, 'Jede Phase nur einmal aufführen');
		return undefined;
	}
	seen.add(id);
	const phase = id as ChainPhase;
	const base: Partial<PhaseModel> = settings.phases.find((p) => p.id === phase) ?? {
		id: phase,
		...defaultParts(phase, ctx.indicators, ctx.types, { ...ctx.options, publicOnly: false })
	};
	const model: Partial<PhaseModel> = { ...base, id: phase };
	const before = issues.list.length;

	if ('population' in entry) {
		const v = entry.population;
		const meta = typeof v === 'string' ? ctx.byId.get(v) : undefined;
		if (!meta)
			issues.add(
				`${path}.population`,
				`Bevölkerungsindikator „${String(v)}“ fehlt im Katalog`,
				'ID einer Anzahl der Altersgruppe aus indicators.catalog.json eintragen, z. B. kinder_0_3'
			);
		else if (meta.kind !== 'count')
			issues.add(
				`${path}.population`,
				`„${meta.id}“ ist keine Anzahl`,
				'Einen Indikator mit kind "count" (Kinder der Altersgruppe) verwenden'
			);
		else model.population = meta.id;
	} else if (model.population === undefined)
		issues.add(
			`${path}.population`,
			`Für Phase „${phase}“ fehlt der Bevölkerungsindikator`,
			'population mit der Anzahl der Kinder dieser Altersgruppe angeben; der Katalog hat keine eigene Anzahl für diese Phase'
		);

	if ('need' in entry) {
		const list = readWeighted(entry.need, `${path}.need`, ctx, issues, 'need');
		if (list) model.need = list;
	}
	if ('supply' in entry) {
		const list = readWeighted(entry.supply, `${path}.supply`, ctx, issues, 'supply');
		if (list) model.supply = list;
	}
	if (model.need && model.need.length > 0 && model.need.every((n) => n.weight === 0))
		issues.add(
			`${path}.need`,
			'Alle Bedarfsindikatoren haben Gewicht 0',
			'Mindestens einem Bedarfsindikator ein Gewicht über 0 geben'
		);
	if (model.need && model.supply) {
		const needIds = new Set(model.need.map((n) => n.indicator));
		for (const s of model.supply)
			if (needIds.has(s.indicator))
				issues.add(
					`${path}.supply`,
					`„${s.indicator}“ steht zugleich bei Bedarf und Unterstützung`,
					'Den Indikator nur in einer der beiden Listen führen, sonst zählt er doppelt'
				);
	}

	if ('lernortTypes' in entry) {
		const list = readTypes(entry.lernortTypes, `${path}.lernortTypes`, ctx, issues);
		if (list) model.lernortTypes = list;
	}
	if ('placeTarget' in entry) {
		const v = entry.placeTarget;
		if (!isNumber(v) || v <= 0)
			issues.add(
				`${path}.placeTarget`,
				`Platzziel „${String(v)}“ ist ungültig`,
				'Plätze je Kind als Zahl über 0 angeben, z. B. 0.5 für einen Platz je zwei Kinder'
			);
		else model.placeTarget = v;
	}
	if ('placeTypes' in entry) {
		const list = readTypes(entry.placeTypes, `${path}.placeTypes`, ctx, issues);
		if (list) model.placeTypes = list;
	}
	if (model.placeTarget !== undefined && model.placeTypes === undefined)
		model.placeTypes = ctx.types
			.filter((t) => t.category === 'formal' && model.lernortTypes?.includes(t.id))
			.map((t) => t.id);
	for (const t of model.placeTypes ?? [])
		if (!model.lernortTypes?.includes(t))
			issues.add(
				`${path}.placeTypes`,
				`Platz-Typ „${t}“ gehört nicht zu den Lernort-Typen der Phase`,
				`${t} auch unter lernortTypes aufführen oder aus placeTypes entfernen`
			);

	return issues.list.length > before ? undefined : (model as PhaseModel);
}

function readWeighted(
	raw: unknown,
	path: string,
	ctx: PhaseContext,
	issues: Issues,
	role: 'need' | 'supply'
): SupplyIndicator[] | undefined {
	if (!Array.isArray(raw)) {
		issues.add(path, 'Liste erwartet', '[ { "indicator": "…", "weight": 1 } ] angeben');
		return undefined;
	}
	const out: SupplyIndicator[] = [];
	const seen = new Set<string>();
	const before = issues.list.length;
	raw.forEach((item, i) => {
		const p = `${path}[${i}]`;
		if (!isObject(item)) {
			issues.add(p, 'Eintrag muss ein Objekt sein', '{ "indicator": "…", "weight": 1 } angeben');
			return;
		}
		issues.unknownKeys(
			item,
			role === 'need' ? ['indicator', 'weight'] : ['indicator', 'weight', 'target'],
			p
		);
		const id = item.indicator;
		const meta = typeof id === 'string' ? ctx.byId.get(id) : undefined;
		if (!meta) {
			issues.add(
				`${p}.indicator`,
				`Indikator „${String(id)}“ fehlt im Katalog`,
				'ID aus indicators.catalog.json eintragen oder Schreibweise korrigieren'
			);
			return;
		}
		if (seen.has(meta.id))
			issues.add(
				`${p}.indicator`,
				`Indikator „${meta.id}“ steht doppelt in der Liste`,
				'Jeden Indikator nur einmal aufführen'
			);
		seen.add(meta.id);
		if (meta.kind !== 'ratio')
			issues.add(
				`${p}.indicator`,
				`„${meta.id}“ ist eine Anzahl, keine Quote`,
				'Anzahlen hängen von der Gebietsgröße ab; eine Quote (kind "ratio") verwenden'
			);
		if (role === 'need' && meta.direction === 'context')
			issues.add(
				`${p}.indicator`,
				`„${meta.id}“ hat keine Lesrichtung (direction "context")`,
				'Nur Indikatoren mit direction "need" oder "better" eignen sich für den Bedarf'
			);
		if (role === 'supply' && meta.direction !== 'better')
			issues.add(
				`${p}.indicator`,
				`„${meta.id}“ misst kein Angebot (direction "${meta.direction}")`,
				'Für die Unterstützung nur Indikatoren mit direction "better" verwenden'
			);
		const weight = 'weight' in item ? item.weight : 1;
		if (!isNumber(weight) || weight < 0)
			issues.add(
				`${p}.weight`,
				`Gewicht „${String(weight)}“ ist ungültig`,
				'Zahl ≥ 0 angeben; 0 nimmt den Indikator aus der Rechnung'
			);
		const entry: SupplyIndicator = { indicator: meta.id, weight: isNumber(weight) ? weight : 0 };
		if (role === 'supply' && 'target' in item) {
			if (!isNumber(item.target) || item.target <= 0)
				issues.add(
					`${p}.target`,
					`Zielwert „${String(item.target)}“ ist ungültig`,
					`Zahl über 0 in der Einheit des Indikators (${meta.unit}) angeben oder weglassen (dann gilt der Wert der Gesamtstadt)`
				);
			else entry.target = item.target;
		}
		out.push(entry);
	});
	return issues.list.length > before ? undefined : out;
}

function readTypes(raw: unknown, path: string, ctx: PhaseContext, issues: Issues): string[] | undefined {
	if (!Array.isArray(raw)) {
		issues.add(path, 'Liste erwartet', '[ "kita", ... ] angeben');
		return undefined;
	}
	const before = issues.list.length;
	const seen = new Set<string>();
	for (const t of raw) {
		if (typeof t !== 'string' || !ctx.typeIds.has(t))
			issues.add(
				path,
				`Unbekannter Lernort-Typ „${String(t)}“`,
				`Einen dieser Typen verwenden: ${[...ctx.typeIds].join(', ')}`
			);
		else if (seen.has(t))
			issues.add(path, `Lernort-Typ „${t}“ steht doppelt in der Liste`, 'Jeden Typ nur einmal aufführen');
		else seen.add(t);
	}
	return issues.list.length > before ? undefined : [...seen];
}
