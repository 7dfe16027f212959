import {
	CHAIN_PHASES,
	phaseModel,
	type ChainPhase,
	type GapSettings,
	type SupportWeights
} from './bildungskette';
import { formatNumber } from './format';
import { byCodeUnits, quoteInput as quote } from './quoteText';
import { phaseLabel } from './phases';
import type { IndicatorMeta } from './types';

/**
 * "What if": a workshop changes the thresholds and weights of the Förderlücken analysis for a
 * moment, without touching the city's settings. The overrides come from the link (see
 * `state/url.ts`); `applyWhatIf` merges them over the city's settings and says in German what it
 * could not apply. Need weights are set per indicator and hold in every phase whose need list
 * contains the indicator, so one change reads the same along the whole Bildungskette.
 */

/** Largest weight a link or the UI may set; weights are relative, so 10 is plenty. */
export const MAX_WEIGHT = 10;

/** Weights are kept with at most this many decimals, so links stay short and stable. */
export const WEIGHT_DECIMALS = 2;

/** Weights offered in the UI: off, half, normal, double, triple. */
export const WEIGHT_CHOICES: readonly number[] = [0, 0.5, 1, 2, 3];

/** Limit of the need threshold on the z scale (−3 … 3, as the link allows). */
export const NEED_THRESHOLD_LIMIT = 3;

/** The support components in display order, with their German labels. */
export const SUPPORT_COMPONENTS: ReadonlyArray<{ key: keyof SupportWeights; label: string }> = [
	{ key: 'reach', label: 'Erreichbarkeit' },
	{ key: 'places', label: 'Plätze je Kind' },
	{ key: 'supply', label: 'Angebotsquoten' }
];

/** Overrides of a "what if"; `null` and missing keys mean the city's setting. */
export interface WhatIf {
	/** Need threshold on the z scale. */
	needThreshold: number | null;
	/** Support threshold 0..1, or `city` for the city's own level. */
	supportThreshold: number | 'city' | null;
	/** Need weight by indicator id, applied in every phase whose need list contains it. */
	needWeights: Readonly<Record<string, number>>;
	/** Weights of the support components. */
	supportWeights: Readonly<Partial<SupportWeights>>;
}

/** A change of the weights, as the weights control reports it; field names match the view state. */
export type WeightPatch = {
	needWeights?: Record<string, number>;
	supportWeights?: Partial<SupportWeights>;
};

/** No overrides: `applyWhatIf(settings, NO_WHAT_IF).settings` equals `settings`. */
export const NO_WHAT_IF: Readonly<WhatIf> = Object.freeze({
	needThreshold: null,
	supportThreshold: null,
	needWeights: Object.freeze({}),
	supportWeights: Object.freeze({})
});

/** `isWeight(0.5)` -> true; `isWeight(-1)`, `isWeight(11)`, `isWeight(NaN)` -> false */
export function isWeight(v: unknown): v is number {
	return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_WEIGHT;
}

/** `roundWeight(0.3333)` -> 0.33; `roundWeight(-0)` -> 0 */
export function roundWeight(v: number): number {
	return Number(v.toFixed(WEIGHT_DECIMALS)) + 0;
}

/**
 * The city's settings with the overrides merged over them, and German problems for what was not
 * applied. Never mutates its inputs. Not applied are: unknown need indicators, unknown support
 * components, weights outside 0 … 10, thresholds out of range, need weights that would leave a
 * phase with only weights 0 (that phase keeps its own weights) and support weights that would all
 * be 0 (all three keep the city's weights).
 *
 * `applyWhatIf(settings, { ...NO_WHAT_IF, needWeights: { kinder_sgb2: 2 } }).settings.phases[0].need`
 * -> `[{ indicator: 'kinder_sgb2', weight: 2 }, { indicator: 'alleinerziehende', weight: 1 }]`
 */
export function applyWhatIf(
	settings: GapSettings,
	whatIf: Readonly<WhatIf>
): { settings: GapSettings; problems: string[] } {
	const problems: string[] = [];

	// Thresholds
	const thresholds = { ...settings.thresholds };
	const { needThreshold, supportThreshold } = whatIf;
	if (needThreshold !== null) {
		if (Number.isFinite(needThreshold) && Math.abs(needThreshold) <= NEED_THRESHOLD_LIMIT)
			thresholds.need = needThreshold;
		else
			problems.push(
				`Parameter 'bedarf': ${quoteNumber(needThreshold)} ist keine Schwelle von −3 bis 3; verwendet wird die Voreinstellung.`
			);
	}
	if (supportThreshold !== null) {
		if (
			supportThreshold === 'city' ||
			(Number.isFinite(supportThreshold) && supportThreshold >= 0 && supportThreshold <= 1)
		)
			thresholds.support = supportThreshold;
		else
			problems.push(
				`Parameter 'versorgung': ${quoteNumber(supportThreshold)} ist kein Anteil von 0 bis 1; verwendet wird die Voreinstellung.`
			);
	}

	// Need weights: unknown ids and invalid weights are dropped first, then phase by phase.
	const needIds = needIndicatorIds(settings);
	const needWeights = new Map<string, number>();
	const unknown: string[] = [];
	const invalid: string[] = [];
	for (const [id, weight] of Object.entries(whatIf.needWeights)) {
		if (!needIds.has(id)) unknown.push(id);
		else if (!isWeight(weight)) invalid.push(`${quote(id)} (${quoteNumber(weight)})`);
		else needWeights.set(id, roundWeight(weight));
	}
	if (unknown.length > 0)
		problems.push(
			`Parameter 'gewichte': ${listText(unknown.map(quote))} ${unknown.length === 1 ? 'ist' : 'sind'} in keiner Phase ein Bedarfsindikator und ${unknown.length === 1 ? 'wird' : 'werden'} ignoriert; nur Bedarfsindikatoren der Bildungskette gewichten.`
		);
	if (invalid.length > 0)
		problems.push(
			`Parameter 'gewichte': ungültiges Gewicht bei ${listText(invalid)}; dort gilt die Voreinstellung. Ein Gewicht von 0 bis ${MAX_WEIGHT} angeben.`
		);
	const phases = settings.phases.map((phase) => {
		const need = phase.need.map((n) => {
			const weight = needWeights.get(n.indicator);
			return weight === undefined ? { ...n } : { ...n, weight };
		});
		const touched = phase.need.some((n) => needWeights.has(n.indicator));
		if (touched && need.length > 0 && need.every((n) => n.weight === 0)) {
			problems.push(
				`Parameter 'gewichte': In der Phase ${quote(phaseLabel(phase.id))} hätten alle Bedarfsindikatoren das Gewicht 0; dort gelten die voreingestellten Gewichte. Mindestens einem Bedarfsindikator ein Gewicht über 0 geben.`
			);
			return { ...phase, need: phase.need.map((n) => ({ ...n })) };
		}
		return { ...phase, need };
	});

	// Support weights
	let weights: SupportWeights = { ...settings.weights };
	const known = new Set<string>(SUPPORT_COMPONENTS.map((c) => c.key));
	const badSupport: string[] = [];
	let supportTouched = false;
	for (const [key, weight] of Object.entries(whatIf.supportWeights)) {
		if (weight === undefined) continue;
		if (!known.has(key) || !isWeight(weight)) badSupport.push(`${quote(key)} (${quoteNumber(weight)})`);
		else {
			weights[key as keyof SupportWeights] = roundWeight(weight);
			supportTouched = true;
		}
	}
	if (badSupport.length > 0)
		problems.push(
			`Parameter 'unterstuetzung': ungültige Angabe ${listText(badSupport)}; dort gilt die Voreinstellung. Erreichbarkeit, Plätze und Angebote mit Gewichten von 0 bis ${MAX_WEIGHT} angeben.`
		);
	if (supportTouched && SUPPORT_COMPONENTS.every((c) => weights[c.key] === 0)) {
		problems.push(
			`Parameter 'unterstuetzung': Erreichbarkeit, Plätze und Angebotsquoten hätten alle das Gewicht 0; verwendet werden die voreingestellten Gewichte. Mindestens einer Komponente ein Gewicht über 0 geben.`
		);
		weights = { ...settings.weights };
	}

	return {
		settings: {
			...settings,
			phases,
			reachMetres: { ...settings.reachMetres },
			weights,
			thresholds
		},
		problems
	};
}

/** What a "what if" changes against the city's settings. */
export interface WhatIfChanges {
	needThreshold: boolean;
	supportThreshold: boolean;
	/** Need indicators whose weight differs in at least one phase, sorted by id. */
	needWeights: string[];
	/** Support components whose weight differs, in display order. */
	supportWeights: Array<keyof SupportWeights>;
	/** Any weight differs (need or support): the weights control offers its reset. */
	weights: boolean;
	/** Anything differs. */
	any: boolean;
}

/**
 * Which settings differ between the city's settings and the applied "what if" (the `settings`
 * of `applyWhatIf`), so overrides that could not be applied never show as changes.
 * `whatIfChanges(city, applyWhatIf(city, { ...NO_WHAT_IF, supportWeights: { places: 0 } }).settings)`
 * -> `{ supportWeights: ['places'], weights: true, any: true, … }`
 */
export function whatIfChanges(defaults: GapSettings, applied: GapSettings): WhatIfChanges {
	const changedNeed = new Set<string>();
	for (const phase of defaults.phases) {
		const other = phaseModel(applied, phase.id)?.need;
		for (const n of phase.need)
			if (other?.find((m) => m.indicator === n.indicator)?.weight !== n.weight) changedNeed.add(n.indicator);
	}
	const uniqueNeed = [...changedNeed].sort(byCodeUnits);
	const supportWeights = SUPPORT_COMPONENTS.map((c) => c.key).filter(
		(key) => defaults.weights[key] !== applied.weights[key]
	);
	const needThreshold = defaults.thresholds.need !== applied.thresholds.need;
	const supportThreshold = defaults.thresholds.support !== applied.thresholds.support;
	const weights = uniqueNeed.length > 0 || supportWeights.length > 0;
	return {
		needThreshold,
		supportThreshold,
		needWeights: uniqueNeed,
		supportWeights,
		weights,
		any: weights || needThreshold || supportThreshold
	};
}

/** One need indicator of a phase, as the weights control shows it. */
export interface NeedWeightRow {
	indicator: string;
	/** German title from the catalog (the id when the catalog lacks it). */
	title: string;
	/** The city's weight in this phase. */
	defaultWeight: number;
	/** The weight in effect in this phase. */
	weight: number;
	changed: boolean;
	/** Phases whose need list contains the indicator, in chain order; a change holds in all of them. */
	phases: ChainPhase[];
}

/**
 * The need indicators of a phase in the order of its need list, with the city's and the
 * applied weight. `needWeightRows(city, applied, 'fruehe', catalog)[0]` ->
 * `{ indicator: 'kinder_sgb2', title: 'Kinder in SGB-II-Bedarfsgemeinschaften', defaultWeight: 1, weight: 2, changed: true, phases: ['fruehe', 'elementar', 'primar'] }`
 */
export function needWeightRows(
	defaults: GapSettings,
	applied: GapSettings,
	phase: ChainPhase,
	indicators: readonly IndicatorMeta[]
): NeedWeightRow[] {
	const model = phaseModel(defaults, phase);
	if (!model) return [];
	const current = phaseModel(applied, phase);
	const titles = new Map(indicators.map((m) => [m.id, m.title]));
	return model.need.map(({ indicator, weight: defaultWeight }) => {
		const weight = current?.need.find((n) => n.indicator === indicator)?.weight ?? defaultWeight;
		return {
			indicator,
			title: titles.get(indicator) ?? indicator,
			defaultWeight,
			weight,
			changed: weight !== defaultWeight,
			phases: CHAIN_PHASES.filter((p) => phaseModel(defaults, p)?.need.some((n) => n.indicator === indicator))
		};
	});
}

/** One support component, as the weights control shows it. */
export interface SupportWeightRow {
	component: keyof SupportWeights;
	label: string;
	defaultWeight: number;
	weight: number;
	changed: boolean;
	/**
	 * False when the component cannot count in the phase: places without a place target, supply
	 * without supply indicators. The weight still holds for the other phases.
	 */
	applies: boolean;
}

/**
 * The three support components with the city's and the applied weight, and whether each counts
 * in `phase`. `supportWeightRows(city, applied, 'sek1').map((r) => r.applies)` -> [true, false, false]
 */
export function supportWeightRows(
	defaults: GapSettings,
	applied: GapSettings,
	phase: ChainPhase
): SupportWeightRow[] {
	const model = phaseModel(defaults, phase);
	const applies: Record<keyof SupportWeights, boolean> = {
		reach: true,
		places: model === undefined || model.placeTarget !== undefined,
		supply: model === undefined || model.supply.some((s) => s.weight > 0)
	};
	return SUPPORT_COMPONENTS.map(({ key, label }) => ({
		component: key,
		label,
		defaultWeight: defaults.weights[key],
		weight: applied.weights[key],
		changed: defaults.weights[key] !== applied.weights[key],
		applies: applies[key]
	}));
}

/**
 * The need-weight overrides after setting one indicator's weight; an override equal to the
 * city's weight in every phase is dropped, so links name only real changes. Returns a new object.
 * `withNeedWeight(city, { a: 2 }, 'a', 1)` -> `{}` when the city weighs `a` with 1;
 * `withNeedWeight(city, {}, 'b', 0)` -> `{ b: 0 }`
 */
export function withNeedWeight(
	defaults: GapSettings,
	needWeights: Readonly<Record<string, number>>,
	indicator: string,
	weight: number
): Record<string, number> {
	const out: Record<string, number> = { ...needWeights };
	const rounded = roundWeight(weight);
	const own = defaults.phases.flatMap((p) => p.need.filter((n) => n.indicator === indicator));
	if (own.length > 0 && own.every((n) => n.weight === rounded)) delete out[indicator];
	else out[indicator] = rounded;
	return out;
}

/**
 * The support-weight overrides after setting one component; an override equal to the city's
 * weight is dropped. Returns a new object.
 * `withSupportWeight(city, {}, 'places', 0.5)` -> `{ places: 0.5 }`; back to 1 -> `{}`
 */
export function withSupportWeight(
	defaults: GapSettings,
	supportWeights: Readonly<Partial<SupportWeights>>,
	component: keyof SupportWeights,
	weight: number
): Partial<SupportWeights> {
	const out: Partial<SupportWeights> = { ...supportWeights };
	const rounded = roundWeight(weight);
	if (defaults.weights[component] === rounded) delete out[component];
	else out[component] = rounded;
	return out;
}

/**
 * The weights to offer for one control: the standard choices plus the current and the city's
 * weight, ascending. `weightChoices(1.5, 1)` -> [0, 0.5, 1, 1.5, 2, 3]
 */
export function weightChoices(...extra: number[]): number[] {
	const all = new Set([...WEIGHT_CHOICES, ...extra.filter(isWeight).map(roundWeight)]);
	return [...all].sort((a, b) => a - b);
}

/** Need indicator ids of every phase. */
function needIndicatorIds(settings: GapSettings): Set<string> {
	return new Set(settings.phases.flatMap((p) => p.need.map((n) => n.indicator)));
}

/** "‚a‘, ‚b‘, ‚c‘ …" for at most three items. */
function listText(items: readonly string[]): string {
	return items.slice(0, 3).join(', ') + (items.length > 3 ? ' …' : '');
}

/** A number for a message in German notation; anything else as text. */
function quoteNumber(v: unknown): string {
	return typeof v === 'number' && Number.isFinite(v) ? formatNumber(v) : quote(String(v));
}

/**
 * One German sentence naming the weights of a phase that differ from the city's, for the legend
 * of a projected or exported map; null when the phase uses the city's weights.
 * `whatIfNote(city, applied, 'elementar', catalog.indicators)`
 * -> 'Gewichte geändert: Intensiver Sprachförderbedarf (ESU) 0 statt 1; Erreichbarkeit 2 statt 1.'
 */
export function whatIfNote(
	defaults: GapSettings,
	applied: GapSettings,
	phase: ChainPhase,
	indicators: readonly IndicatorMeta[]
): string | null {
	const parts = [
		...needWeightRows(defaults, applied, phase, indicators)
			.filter((r) => r.changed)
			.map((r) => `${r.title} ${formatNumber(r.weight)} statt ${formatNumber(r.defaultWeight)}`),
		...supportWeightRows(defaults, applied, phase)
			.filter((r) => r.changed)
			.map((r) => `${r.label} ${formatNumber(r.weight)} statt ${formatNumber(r.defaultWeight)}`)
	];
	return parts.length === 0 ? null : `Gewichte geändert: ${parts.join('; ')}.`;
}
