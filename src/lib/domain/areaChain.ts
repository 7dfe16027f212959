import { createLocalPlane } from '../geo/localPlane';
import { createSiteIndex } from '../geo/siteIndex';
import { CHAIN_PHASES, type ChainPhase } from './bildungskette';
import type { CityGaps, PhaseGaps } from './cityGaps';
import { formatCount, formatNumber, formatValue, MINUS, NBSP } from './format';
import { formatGapScore, GAP_CLASS_MARKS, NOT_ANALYSED_REASON } from './gapMatrix';
import { GAP_CLASSES, type AreaGap, type GapClass } from './gaps';
import { LERNORT_CATEGORY_LABELS, LERNORT_TYPES } from './lernortTypes';
import { contrastText, GAP_CLASS_COLORS } from './palette';
import { BILDUNGSPHASEN } from './phases';
import type { Bildungsphase, IndicatorMeta, Lernort, LernortCategory, LernortTypeDef } from './types';

/**
 * "The chain of one area": for every phase of the Bildungskette the need, the support, the
 * nearest Lernorte and the gap class of one area, prepared as German text for the side panel of
 * the Förderlücken map. A missing link of the chain is a phase whose class is a Förderlücke.
 */

/** Shown where a number is not known. */
export const UNKNOWN_TEXT = 'keine Angabe';
/** The reference of the need index, said next to it. */
export const NEED_REFERENCE = 'Stadtmittel = 0';
/** Default number of nearest Lernorte per phase. */
export const DEFAULT_NEAREST = 3;

/** One of the nearest Lernorte of a phase, with its straight-line distance. */
export interface NearestSite {
	id: string;
	name: string;
	type: string;
	typeLabel: string;
	/** Straight-line distance in metres from the area's label point. */
	distance: number;
	/** "320 m" (rounded to 10 m). */
	distanceText: string;
	/** "Kita Sonnenschein · Kita · 320 m". */
	text: string;
}

export interface ChainNeedView {
	/** Need index on the z scale (0 = city average); null when unknown. */
	index: number | null;
	/** "+1,20", "−0,35", "±0,00" or "keine Angabe". */
	indexText: string;
	/** True when the index lies above the need threshold; null when unknown. */
	high: boolean | null;
	/** "über der Schwelle (±0,00)"; null when the index is unknown. */
	verdict: string | null;
	/** "Werte für 75 % des Gewichts". */
	coverageText: string;
	/** Titles of need indicators without data for the area. */
	missing: string[];
	/** Titles of need indicators withheld for the area (small numbers). */
	suppressed: string[];
	/** Why there is no index. */
	reason?: string;
}

export interface ChainReachView {
	category: LernortCategory;
	/** "formal", "non-formal", "informell". */
	label: string;
	/** Share 0..1 of the area's children within walking distance; null without such sites. */
	share: number | null;
	/** "64 %" or "keine Angabe". */
	text: string;
}

export interface ChainSupportView {
	children: number | null;
	/** "1.234" or "keine Angabe". */
	childrenText: string;
	/** Lernorte of the phase in the area. */
	sites: number;
	sitesText: string;
	/** "2,4" or "keine Angabe". */
	sitesPer1000Text: string;
	/** Places per child; null where the phase has no place target (places are not scored). */
	places: { perChild: number | null; text: string; targetText: string; lowerBound: boolean } | null;
	reachShare: number | null;
	/** Reach over all categories: "58 %" or "keine Angabe". */
	reachText: string;
	reachByCategory: ChainReachView[];
	/** Supply indicators of the phase with the area's value ("34,5 %", "geheim gehalten"). */
	supply: Array<{ indicator: string; title: string; text: string }>;
	/** Support level 0..1; null when unknown. */
	level: number | null;
	/** "54 %" or "keine Angabe". */
	levelText: string;
	/** "Schwelle 48 % (Niveau der Gesamtstadt)"; null when there is no threshold. */
	thresholdText: string | null;
	reason?: string;
}

/** Everything one phase card of the chain shows. */
export interface ChainPhaseView {
	phase: ChainPhase;
	/** "Frühe Bildung". */
	label: string;
	/** "0–3 Jahre". */
	ages?: string;
	/** False when the analysis has no result for this phase and area. */
	analysed: boolean;
	gapClass: GapClass;
	classLabel: string;
	classDescription: string;
	/** Short mark beside the colour ("!", "◐", "✓", "?"; none for unauffällig). */
	mark: string;
	color: string;
	/** Black or white, whichever reads better on `color`. */
	textColor: string;
	score: number | null;
	/** "0,41" or "–". */
	scoreText: string;
	/** Why the class is `unbekannt`. */
	reason?: string;
	/** "Bedarf +1,20 · Unterstützung 54 %": the line of a collapsed card. */
	summaryText: string;
	need: ChainNeedView | null;
	support: ChainSupportView | null;
	nearest: NearestSite[];
	/** Said instead of the nearest Lernorte when there are none. */
	nearestNote: string | null;
}

export interface AreaChainOptions {
	/** Indicator metadata: titles of need inputs and units of supply values. */
	indicators?: readonly IndicatorMeta[];
	/** Labels of the Lernort types (default: the types known to the app). */
	lernortTypes?: ReadonlyArray<Pick<LernortTypeDef, 'id' | 'label'>>;
	/** Labels and age groups of the phases (default: `BILDUNGSPHASEN`). */
	phases?: ReadonlyArray<{ id: Bildungsphase; label: string; ages?: string }>;
	/** Number of nearest Lernorte per phase (default 3). */
	nearest?: number;
	/** Class colours (default: `GAP_CLASS_COLORS`). */
	colors?: Readonly<Record<GapClass, string>>;
}

const CATEGORIES: readonly LernortCategory[] = ['formal', 'nonformal', 'informal'];

const percentText = (share: number | null): string =>
	share === null ? UNKNOWN_TEXT : `${formatNumber(share * 100, 0)}${NBSP}%`;

/** A z value with an explicit sign: `signedText(1.2)` -> "+1,20", a value that rounds to 0 -> "±0,00". */
export function signedText(v: number): string {
	const body = formatNumber(Math.abs(v), 2);
	const isZero = ![...body].some((ch) => ch >= '1' && ch <= '9');
	return `${isZero ? '±' : v > 0 ? '+' : MINUS}${body}`;
}

/** A straight-line distance rounded to 10 m: `distanceText(318)` -> "320 m"; below 5 m -> "unter 10 m". */
export function distanceText(metres: number): string {
	const rounded = Math.round(metres / 10) * 10;
	return rounded === 0 ? `unter${NBSP}10${NBSP}m` : `${formatCount(rounded)}${NBSP}m`;
}

/**
 * The `k` Lernorte nearest to (x, y), nearest first; equally near ones by name, then id.
 * Widens a radius query from the nearest distance until it holds `k` sites.
 */
function nearestSites(
	sites: readonly Lernort[],
	xy: ReadonlyArray<readonly [number, number]>,
	k: number
): Array<{ site: Lernort; distance: number }> {
	if (k === 0 || sites.length === 0) return [];
	const index = createSiteIndex(xy);
	let radius = index.nearestDistance(0, 0);
	let hits = index.within(0, 0, radius);
	while (hits.length < Math.min(k, index.size)) {
		radius = Math.max(radius * 2, 50);
		hits = index.within(0, 0, radius);
	}
	return hits
		.map((i) => ({ site: sites[i]!, distance: Math.hypot(xy[i]![0], xy[i]![1]) }))
		.sort(
			(a, b) =>
				a.distance - b.distance ||
				a.site.name.localeCompare(b.site.name, 'de') ||
				(a.site.id < b.site.id ? -1 : a.site.id > b.site.id ? 1 : 0)
		)
		.slice(0, k);
}

function needView(gap: AreaGap, threshold: number, titleOf: (id: string) => string): ChainNeedView {
	const { need } = gap;
	const view: ChainNeedView = {
		index: need.index,
		indexText: need.index === null ? UNKNOWN_TEXT : signedText(need.index),
		high: need.index === null ? null : need.index > threshold,
		verdict:
			need.index === null
				? null
				: `${need.index > threshold ? 'über' : 'nicht über'} der Schwelle (${signedText(threshold)})`,
		coverageText: `Werte für ${percentText(need.coverage)} des Gewichts`,
		missing: need.missing.map(titleOf),
		suppressed: need.suppressed.map(titleOf)
	};
	if (need.reason !== undefined) view.reason = need.reason;
	return view;
}

function supportView(
	phase: PhaseGaps,
	key: string,
	gap: AreaGap,
	meta: ReadonlyMap<string, IndicatorMeta>
): ChainSupportView {
	const input = phase.inputs.get(key);
	const { support } = gap;
	const children = input?.children ?? null;
	const byCategory = phase.reachByCategory.get(key) ?? {};
	const target = phase.model.placeTarget;
	const perChild = support.measures.placesPerChild;
	const threshold = phase.thresholds.support;
	const view: ChainSupportView = {
		children,
		childrenText: children === null ? UNKNOWN_TEXT : formatCount(children),
		sites: input?.sites ?? 0,
		sitesText: formatCount(input?.sites ?? 0),
		sitesPer1000Text:
			support.measures.sitesPer1000 === null ? UNKNOWN_TEXT : formatNumber(support.measures.sitesPer1000, 1),
		places:
			target === undefined
				? null
				: {
						perChild,
						text:
							perChild === null
								? UNKNOWN_TEXT
								: `${support.placesLowerBound ? 'mindestens ' : ''}${formatNumber(perChild, 2)} Plätze je Kind`,
						targetText: `Ziel ${formatNumber(target, 2)}`,
						lowerBound: support.placesLowerBound
					},
		reachShare: support.measures.reachShare,
		reachText: percentText(support.measures.reachShare),
		reachByCategory: CATEGORIES.map((category) => {
			const share = byCategory[category] ?? null;
			return { category, label: LERNORT_CATEGORY_LABELS[category], share, text: percentText(share) };
		}),
		supply: phase.model.supply.map(({ indicator }) => {
			const m = meta.get(indicator);
			const cell = input?.supply[indicator];
			const value = support.measures.supply[indicator] ?? null;
			const text =
				m && cell
					? formatValue(cell, m)
					: value === null
						? UNKNOWN_TEXT
						: formatNumber(value, m?.decimals ?? 1);
			return { indicator, title: m?.title ?? indicator, text };
		}),
		level: support.level,
		levelText: percentText(support.level),
		thresholdText:
			threshold === null
				? null
				: `Schwelle ${percentText(threshold)}${phase.thresholds.supportIsCity ? ' (Niveau der Gesamtstadt)' : ''}`
	};
	if (support.reason !== undefined) view.reason = support.reason;
	return view;
}

/**
 * The chain of one area: one view per phase of the Bildungskette, in chain order, with every
 * number the panel shows as German text, and the nearest Lernorte of each phase (straight-line
 * distance from `point` on a local metric plane). A phase the analysis lacks, or lacks the area
 * for, is `unbekannt` with `analysed: false`.
 * `areaChain(gaps, '214', lernorte, [9.19, 48.81])[1]`
 * -> { phase: 'elementar', classLabel: 'Förderlücke', scoreText: '0,41',
 *      need: { indexText: '+1,20', … }, nearest: [{ text: 'Kita Sonnenschein · Kita · 320 m', … }], … }
 * Throws when `key` is not an area of the analysis or `point` is not a valid position.
 */
export function areaChain(
	gaps: CityGaps,
	key: string,
	lernorte: readonly Lernort[],
	point: readonly [number, number],
	options: AreaChainOptions = {}
): ChainPhaseView[] {
	if (!gaps.areas.includes(key)) throw new Error(`areaChain: ${key} is no area of the analysis`);
	const [lon, lat] = point;
	if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) >= 90)
		throw new RangeError(`areaChain: point (${lon}, ${lat}) is not a valid position`);
	const k = options.nearest ?? DEFAULT_NEAREST;
	if (!Number.isInteger(k) || k < 0)
		throw new RangeError(`areaChain: nearest must be an integer ≥ 0, got ${k}`);

	const colors = options.colors ?? GAP_CLASS_COLORS;
	const meta = new Map((options.indicators ?? []).map((m) => [m.id, m]));
	const titleOf = (id: string) => meta.get(id)?.title ?? id;
	const typeLabels = new Map<string, string>(LERNORT_TYPES.map((t) => [t.id, t.label]));
	for (const t of options.lernortTypes ?? []) typeLabels.set(t.id, t.label);
	const phaseDefs = options.phases ?? BILDUNGSPHASEN;

	// One plane centred on the label point: distances from it are plain Euclidean norms.
	const plane = createLocalPlane(lon, lat);
	const xyOf = new Map<Lernort, [number, number]>();
	const xy = (l: Lernort) => {
		let p = xyOf.get(l);
		if (!p) xyOf.set(l, (p = plane.toXY(l.lon, l.lat)));
		return p;
	};

	return CHAIN_PHASES.map((id): ChainPhaseView => {
		const def = phaseDefs.find((p) => p.id === id) ?? BILDUNGSPHASEN.find((p) => p.id === id)!;
		const phase = gaps.phases.find((p) => p.phase === id);
		const gap = phase?.areas.get(key);
		const gapClass: GapClass = gap?.gapClass ?? 'unbekannt';
		const color = colors[gapClass];

		let nearest: NearestSite[] = [];
		if (phase) {
			const types = new Set(phase.model.lernortTypes);
			const sites = lernorte.filter((l) => types.has(l.type));
			nearest = nearestSites(sites, sites.map(xy), k).map(({ site, distance }) => {
				const typeLabel = typeLabels.get(site.type) ?? site.type;
				const dist = distanceText(distance);
				return {
					id: site.id,
					name: site.name,
					type: site.type,
					typeLabel,
					distance,
					distanceText: dist,
					text: `${site.name} · ${typeLabel} · ${dist}`
				};
			});
		}

		const need = phase && gap ? needView(gap, phase.thresholds.need, titleOf) : null;
		const support = phase && gap ? supportView(phase, key, gap, meta) : null;
		const view: ChainPhaseView = {
			phase: id,
			label: def.label,
			analysed: gap !== undefined,
			gapClass,
			classLabel: GAP_CLASSES[gapClass].label,
			classDescription: GAP_CLASSES[gapClass].description,
			mark: GAP_CLASS_MARKS[gapClass],
			color,
			textColor: contrastText(color),
			score: gap?.score ?? null,
			scoreText: formatGapScore(gap?.score ?? null),
			summaryText:
				need && support
					? `Bedarf ${need.indexText} · Unterstützung ${support.levelText}`
					: NOT_ANALYSED_REASON,
			need,
			support,
			nearest,
			nearestNote:
				nearest.length > 0 || k === 0
					? null
					: phase
						? 'Keine Lernorte dieser Phase in der Stadt.'
						: 'Für diese Phase sind keine Lernorte festgelegt.'
		};
		if (def.ages !== undefined) view.ages = def.ages;
		const reason = gap ? gap.reason : NOT_ANALYSED_REASON;
		if (reason !== undefined) view.reason = reason;
		return view;
	});
}
