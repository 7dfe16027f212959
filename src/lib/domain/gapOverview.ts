import type { ChainPhase } from './bildungskette';
import type { CityGaps } from './cityGaps';
import type { GapAnalysis, GapClass } from './gaps';
import type { ChildSpread } from '../geo/cityGrid';
import type { Level } from './types';

/**
 * What the Förderlücken map, its legend, tooltips and the Bildungsketten-Matrix draw of an
 * analysis: per phase and area the class, the score, the need index and the support level. It
 * is a small fraction of `CityGaps` (no per-indicator z-values, support inputs or reach by
 * category), so the analysis can run in a worker and hand the page only this; the chain of one
 * area is asked for separately (`areaChain`).
 */

/** The gap of one area in one phase, as drawn. */
export interface AreaGapOverview {
	gapClass: GapClass;
	/** needLevel × (1 − supportLevel); null when unknown. */
	score: number | null;
	need: { index: number | null };
	support: { level: number | null };
	/** German reason for `unbekannt`. */
	reason?: string;
}

export interface PhaseGapOverview {
	phase: ChainPhase;
	/** Lernort types that count for the phase (the map shows these). */
	lernortTypes: readonly string[];
	thresholds: GapAnalysis['thresholds'];
	areas: Map<string, AreaGapOverview>;
}

export interface GapOverview {
	level: Level;
	year: number;
	/** Area keys of the level in catalog order. */
	areas: string[];
	phases: PhaseGapOverview[];
	/**
	 * How the children were spread over the Stadtteile for the reach shares, and the Stadtteile
	 * without settled land (spread evenly); set by whoever built the grid.
	 */
	childSpread?: { method: ChildSpread; fallbackAreas: string[] };
}

/**
 * The drawn part of a city's analysis; does not share mutable parts with its input.
 * `gapOverview(analyseCityGaps(…)).phases[1].areas.get('214')`
 * -> { gapClass: 'foerderluecke', score: 0.41, need: { index: 1.2 }, support: { level: 0.54 } }
 */
export function gapOverview(gaps: CityGaps): GapOverview {
	return {
		level: gaps.level,
		year: gaps.year,
		areas: [...gaps.areas],
		phases: gaps.phases.map((p) => {
			const areas = new Map<string, AreaGapOverview>();
			for (const [key, gap] of p.areas) {
				const area: AreaGapOverview = {
					gapClass: gap.gapClass,
					score: gap.score,
					need: { index: gap.need.index },
					support: { level: gap.support.level }
				};
				if (gap.reason !== undefined) area.reason = gap.reason;
				areas.set(key, area);
			}
			return {
				phase: p.phase,
				lernortTypes: [...p.model.lernortTypes],
				thresholds: { ...p.thresholds },
				areas
			};
		})
	};
}
