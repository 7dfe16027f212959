import type { ChainPhase, GapSettings, PhaseModel, SupportWeights } from './bildungskette';
import type { AreaNeed } from './needIndex';
import type { Cell } from './types';

/**
 * Support, gap score and gap class per area for one phase of the Bildungskette.
 *
 * The support level of an area depends only on that area's own measures and on fixed inputs
 * (settings, city values of indicators), never on other areas' Lernorte. So adding a Lernort
 * can never raise any area's gap score, and removing one never lowers it. Only the class may
 * change elsewhere when the support threshold is the city's own level.
 */

/** What is known about the support of one phase in one area. */
export interface SupportInput {
	/** Children of the phase's age group; null when unknown (missing or suppressed). */
	children: number | null;
	/** Lernorte of the phase in the area. */
	sites: number;
	/** Places of the phase in the area (known capacities); null when not scored or unknown city-wide. */
	places: number | null;
	/** Sites of the place types whose capacity is unknown: `places` is then a lower bound. */
	placesUnknown?: number;
	/** Share 0..1 of the area's children within walking distance of a Lernort of the phase. */
	reachShare: number | null;
	/** Cells of the phase's supply indicators for this area. */
	supply: Readonly<Record<string, Cell>>;
}

export interface SupportMeasures {
	/** Lernorte of the phase per 1,000 children (shown, not scored: it has no absolute yardstick). */
	sitesPer1000: number | null;
	placesPerChild: number | null;
	reachShare: number | null;
	/** Value of each supply indicator (null: keine Daten / geheim gehalten). */
	supply: Record<string, number | null>;
}

export interface SupportResult {
	/** Weighted mean of the available components, 0..1; null when none is available. */
	level: number | null;
	measures: SupportMeasures;
	/** Component scores 0..1; null when not available. */
	components: { reach: number | null; places: number | null; supply: number | null };
	/** min(1, value / target) per supply indicator with a value and a target. */
	supplyScores: Record<string, number>;
	/** Supply indicators the area has no value for (or that have no target). */
	supplyMissing: string[];
	/** True when some places of the area have unknown capacity. */
	placesLowerBound: boolean;
	/** German reason when `level` is null. */
	reason?: string;
}

/** Gap classes: need above/below the need threshold × support below/above the support threshold. */
export type GapClass = 'foerderluecke' | 'gut_versorgt' | 'im_blick' | 'unauffaellig' | 'unbekannt';

/** Order for legends: most urgent first. */
export const GAP_CLASS_ORDER: readonly GapClass[] = [
	'foerderluecke',
	'im_blick',
	'gut_versorgt',
	'unauffaellig',
	'unbekannt'
];

/** German label and short explanation of each class. */
export const GAP_CLASSES: Readonly<Record<GapClass, { label: string; description: string }>> = {
	foerderluecke: {
		label: 'Förderlücke',
		description:
			'Hoher Bedarf und dünne Unterstützung: Der Bedarf liegt über der Schwelle, die Unterstützung darunter. Hier zuerst hinschauen.'
	},
	gut_versorgt: {
		label: 'Hoher Bedarf, gut versorgt',
		description:
			'Der Bedarf liegt über der Schwelle, die Unterstützung auf oder über der Schwelle. Angebote sichern und ihre Wirkung prüfen.'
	},
	im_blick: {
		label: 'Im Blick behalten',
		description:
			'Die Unterstützung liegt unter der Schwelle, der Bedarf (noch) nicht darüber. Dünnes Angebot beobachten, bevor eine Lücke entsteht.'
	},
	unauffaellig: {
		label: 'Unauffällig',
		description: 'Der Bedarf liegt höchstens auf der Schwelle, die Unterstützung auf oder über der Schwelle.'
	},
	unbekannt: {
		label: 'Keine Aussage möglich',
		description: 'Für Bedarf oder Unterstützung fehlen Daten; der Grund steht beim Gebiet.'
	}
};

function checkShare(name: string, v: number | null): void {
	if (v !== null && !(v >= 0 && v <= 1)) throw new Error(`${name} must be in [0, 1], got ${v}`);
}

function checkCount(name: string, v: number | null): void {
	if (v !== null && !(Number.isFinite(v) && v >= 0)) throw new Error(`${name} must be ≥ 0, got ${v}`);
}

/** Weighted mean over the entries with a value and a weight > 0; null when there is none. */
function weightedMean(entries: ReadonlyArray<{ value: number | null; weight: number }>): number | null {
	let weight = 0;
	let sum = 0;
	for (const e of entries) {
		if (e.value === null || e.weight <= 0) continue;
		weight += e.weight;
		sum += e.weight * e.value;
	}
	return weight > 0 ? sum / weight : null;
}

/**
 * The support of one phase in one area.
 * Components: reach = reachShare; places = min(1, placesPerChild / placeTarget) when the phase
 * has a place target; supply = weighted mean of min(1, value / target) over the supply
 * indicators, with target = the indicator's target or else its city value.
 * `supportLevel({ children: 100, sites: 2, places: 40, reachShare: 0.8, supply: {} }, { ...fruehe, placeTarget: 0.5, supply: [] }, { reach: 1, places: 1, supply: 1 }, {})`
 * -> level (0.8 + 0.8) / 2 = 0.8
 */
export function supportLevel(
	input: SupportInput,
	model: Pick<PhaseModel, 'supply' | 'placeTarget'>,
	weights: SupportWeights,
	cityValues: Readonly<Record<string, number | null>>
): SupportResult {
	checkCount('children', input.children);
	checkCount('sites', input.sites);
	checkCount('places', input.places);
	checkShare('reachShare', input.reachShare);

	const children = input.children;
	const hasChildren = children !== null && children > 0;
	const placesPerChild = hasChildren && input.places !== null ? input.places / children : null;
	const measures: SupportMeasures = {
		sitesPer1000: hasChildren ? (input.sites * 1000) / children : null,
		placesPerChild,
		reachShare: input.reachShare,
		supply: {}
	};
	const supplyScores: Record<string, number> = {};
	const supplyMissing: string[] = [];
	const supplyEntries: Array<{ value: number | null; weight: number }> = [];
	for (const item of model.supply) {
		const cell = input.supply[item.indicator];
		const value = cell?.status === 'ok' ? cell.value : null;
		measures.supply[item.indicator] = value;
		if (item.weight === 0) continue;
		const target = item.target ?? cityValues[item.indicator] ?? null;
		if (value === null || target === null || !(target > 0)) {
			supplyMissing.push(item.indicator);
			continue;
		}
		const score = Math.min(1, value / target);
		supplyScores[item.indicator] = score;
		supplyEntries.push({ value: score, weight: item.weight });
	}

	const components = {
		reach: input.reachShare,
		places:
			model.placeTarget !== undefined && placesPerChild !== null
				? Math.min(1, placesPerChild / model.placeTarget)
				: null,
		supply: weightedMean(supplyEntries)
	};
	const result: SupportResult = {
		level: null,
		measures,
		components,
		supplyScores,
		supplyMissing,
		placesLowerBound: input.places !== null && (input.placesUnknown ?? 0) > 0
	};
	if (children === 0) {
		result.reason = 'Keine Kinder dieser Altersgruppe im Gebiet';
		return result;
	}
	result.level = weightedMean([
		{ value: components.reach, weight: weights.reach },
		{ value: components.places, weight: weights.places },
		{ value: components.supply, weight: weights.supply }
	]);
	if (result.level === null)
		result.reason = 'Keine Angaben zur Unterstützung (Erreichbarkeit, Plätze, Angebotsquoten)';
	return result;
}

/**
 * Gap score = needLevel × (1 − supportLevel), 0..1; null when either is unknown.
 * `gapScore(0.8, 0.25)` -> 0.6
 */
export function gapScore(needLevel: number | null, support: number | null): number | null {
	if (needLevel === null || support === null) return null;
	checkShare('needLevel', needLevel);
	checkShare('supportLevel', support);
	return needLevel * (1 - support);
}

/**
 * The class of an area: need above the threshold means index > threshold; support below means
 * level < threshold (a value on a threshold counts as "not above" / "not below").
 * `classifyGap(0.4, 0.3, { need: 0, support: 0.5 })` -> 'foerderluecke'
 */
export function classifyGap(
	needIndex: number | null,
	support: number | null,
	thresholds: { need: number; support: number | null }
): GapClass {
	if (needIndex === null || support === null || thresholds.support === null) return 'unbekannt';
	const high = needIndex > thresholds.need;
	const thin = support < thresholds.support;
	if (high) return thin ? 'foerderluecke' : 'gut_versorgt';
	return thin ? 'im_blick' : 'unauffaellig';
}

/**
 * The city's overall support level: the children-weighted mean of the areas' levels (areas
 * without children count or level are left out). `citySupportLevel([{ children: 100, level: 0.2 }, { children: 300, level: 0.6 }])` -> 0.5
 */
export function citySupportLevel(
	areas: Iterable<{ children: number | null; level: number | null }>
): number | null {
	const entries: Array<{ value: number | null; weight: number }> = [];
	for (const a of areas) entries.push({ value: a.level, weight: a.children ?? 0 });
	return weightedMean(entries);
}

export interface AreaGap {
	need: AreaNeed;
	support: SupportResult;
	/** needLevel × (1 − supportLevel); null when need or support is unknown. */
	score: number | null;
	gapClass: GapClass;
	/** German reason for `unbekannt`. */
	reason?: string;
}

export interface GapAnalysis {
	phase: ChainPhase;
	areas: Map<string, AreaGap>;
	/** Thresholds as applied; `support` is the city level when configured as `city`. */
	thresholds: { need: number; support: number | null; supportIsCity: boolean };
}

/**
 * Gap scores and classes of every area of one level for one phase. Areas are the keys of
 * `need`; an area without support input has unknown support.
 * `analyseGaps(model, settings, needIndex(...).areas, supportByArea, cityValues).areas.get('214')`
 * -> { score: 0.41, gapClass: 'foerderluecke', … }
 */
export function analyseGaps(
	model: PhaseModel,
	settings: Pick<GapSettings, 'weights' | 'thresholds'>,
	need: ReadonlyMap<string, AreaNeed>,
	support: ReadonlyMap<string, SupportInput>,
	cityValues: Readonly<Record<string, number | null>>
): GapAnalysis {
	const supports = new Map<string, { input: SupportInput | undefined; result: SupportResult | undefined }>();
	for (const key of need.keys()) {
		const input = support.get(key);
		supports.set(key, {
			input,
			result: input ? supportLevel(input, model, settings.weights, cityValues) : undefined
		});
	}
	const supportIsCity = settings.thresholds.support === 'city';
	const supportThreshold =
		settings.thresholds.support === 'city'
			? citySupportLevel(
					[...supports.values()].map((s) => ({
						children: s.input?.children ?? null,
						level: s.result?.level ?? null
					}))
				)
			: settings.thresholds.support;
	const thresholds = { need: settings.thresholds.need, support: supportThreshold, supportIsCity };

	const areas = new Map<string, AreaGap>();
	for (const [key, areaNeed] of need) {
		const s = supports.get(key)!;
		const result: SupportResult = s.result ?? {
			level: null,
			measures: { sitesPer1000: null, placesPerChild: null, reachShare: null, supply: {} },
			components: { reach: null, places: null, supply: null },
			supplyScores: {},
			supplyMissing: [],
			placesLowerBound: false,
			reason: 'Keine Angaben zur Unterstützung für dieses Gebiet'
		};
		const gap: AreaGap = {
			need: areaNeed,
			support: result,
			score: gapScore(areaNeed.level, result.level),
			gapClass: classifyGap(areaNeed.index, result.level, thresholds)
		};
		if (gap.gapClass === 'unbekannt') {
			const reasons = [
				areaNeed.index === null ? (areaNeed.reason ?? 'Kein Bedarfsindex') : undefined,
				result.reason
			];
			if (thresholds.support === null) reasons.push('Kein Unterstützungsniveau der Gesamtstadt berechenbar');
			gap.reason = reasons.filter((r) => r !== undefined).join('; ');
		}
		areas.set(key, gap);
	}
	return { phase: model.id, areas, thresholds };
}

/**
 * Support input of a group (Stadtbezirk, Bildungsregion) from its members: children, sites and
 * places are summed, reach shares averaged with the weights (default: the members' children),
 * supply cells are the group's own cells (aggregated sum/sum by the caller).
 * `aggregateSupportInputs([{ children: 100, sites: 1, places: 50, reachShare: 1, supply: {} }, { children: 300, sites: 0, places: 0, reachShare: 0.2, supply: {} }])`
 * -> { children: 400, sites: 1, places: 50, reachShare: 0.4, supply: {} }
 */
export function aggregateSupportInputs(
	members: readonly SupportInput[],
	weights: ReadonlyArray<number | null> = members.map((m) => m.children),
	supply: Readonly<Record<string, Cell>> = {}
): SupportInput {
	if (weights.length !== members.length)
		throw new Error(`aggregateSupportInputs: ${weights.length} weights for ${members.length} members`);
	const sumKnown = (xs: ReadonlyArray<number | null>) => {
		const known = xs.filter((x): x is number => x !== null);
		return known.length > 0 ? known.reduce((s, x) => s + x, 0) : null;
	};
	const placesUnknown = members.reduce((s, m) => s + (m.placesUnknown ?? 0), 0);
	const out: SupportInput = {
		children: sumKnown(members.map((m) => m.children)),
		sites: members.reduce((s, m) => s + m.sites, 0),
		places: sumKnown(members.map((m) => m.places)),
		reachShare: weightedMean(members.map((m, i) => ({ value: m.reachShare, weight: weights[i] ?? 0 }))),
		supply: { ...supply }
	};
	if (placesUnknown > 0) out.placesUnknown = placesUnknown;
	return out;
}

/**
 * Places per phase from the Lernorte of one area. A site whose type counts for places in
 * several phases (a Kita for U3 and Ü3) is shared between them in proportion to the places
 * aimed at (placeTarget × children); when a children count is missing, it is shared equally.
 * Sites without capacity add nothing and are counted in `unknown`. Only phases with a place
 * target appear.
 * `phasePlaces([{ type: 'kita', capacity: 60 }], { fruehe: 100, elementar: 100 }, settings.phases)`
 * -> Map { fruehe => { places: 20, unknown: 0 }, elementar => { places: 40, unknown: 0 } }
 */
export function phasePlaces(
	sites: ReadonlyArray<{ type: string; capacity?: number }>,
	children: Readonly<Partial<Record<ChainPhase, number | null>>>,
	phases: readonly PhaseModel[]
): Map<ChainPhase, { places: number; unknown: number }> {
	const scored = phases.filter((p) => p.placeTarget !== undefined);
	const out = new Map(scored.map((p) => [p.id, { places: 0, unknown: 0 }]));
	for (const site of sites) {
		const serving = scored.filter((p) => (p.placeTypes ?? []).includes(site.type));
		if (serving.length === 0) continue;
		if (site.capacity === undefined) {
			for (const p of serving) out.get(p.id)!.unknown++;
			continue;
		}
		checkCount('capacity', site.capacity);
		const demand = serving.map((p) => {
			const n = children[p.id];
			return n === null || n === undefined ? null : p.placeTarget! * n;
		});
		const total = demand.reduce<number>((s, d) => s + (d ?? 0), 0);
		const equal = demand.some((d) => d === null) || total <= 0;
		serving.forEach((p, i) => {
			const share = equal ? 1 / serving.length : demand[i]! / total;
			out.get(p.id)!.places += site.capacity! * share;
		});
	}
	return out;
}
