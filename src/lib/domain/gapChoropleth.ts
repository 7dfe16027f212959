import { formatNumber } from './format';
import { CLASS_MISSING } from './choropleth';
import { GAP_CLASSES, GAP_CLASS_ORDER, type AreaGap, type GapClass } from './gaps';
import { GAP_CLASS_COLORS } from './palette';

/** The classes that are drawn as classes; `unbekannt` is drawn as missing data. */
const DRAWN: readonly GapClass[] = GAP_CLASS_ORDER.filter((c) => c !== 'unbekannt');

export interface GapLegendItem {
	gapClass: GapClass;
	label: string;
	description: string;
	color: string;
	count: number;
}

export interface GapChoropleth {
	/** Class index per area key into `colors`, or CLASS_MISSING for `unbekannt`. */
	classes: Map<string, number>;
	colors: string[];
	/** Every class, most urgent first, with the number of areas. */
	legend: GapLegendItem[];
}

/**
 * The gap classes of a phase as a choropleth for the area layer.
 * `gapChoropleth(phase.areas).classes.get('214')` -> 0 (Förderlücke)
 */
export function gapChoropleth(areas: ReadonlyMap<string, Pick<AreaGap, 'gapClass'>>): GapChoropleth {
	const classes = new Map<string, number>();
	const counts = new Map<GapClass, number>(GAP_CLASS_ORDER.map((c) => [c, 0]));
	for (const [key, gap] of areas) {
		const index = DRAWN.indexOf(gap.gapClass);
		classes.set(key, index >= 0 ? index : CLASS_MISSING);
		counts.set(gap.gapClass, counts.get(gap.gapClass)! + 1);
	}
	return {
		classes,
		colors: DRAWN.map((c) => GAP_CLASS_COLORS[c]),
		legend: GAP_CLASS_ORDER.map((c) => ({
			gapClass: c,
			label: GAP_CLASSES[c].label,
			description: GAP_CLASSES[c].description,
			color: GAP_CLASS_COLORS[c],
			count: counts.get(c)!
		}))
	};
}

/**
 * The thresholds of a gap map as one German sentence, for its legend and its exported picture.
 * `thresholdSentence({ need: 0.5, support: 0.8, supportIsCity: false })`
 * -> 'Bedarf über der Schwelle 0,5 (Stadtmittel = 0) und Unterstützung unter 80 %.'
 */
export function thresholdSentence(t: {
	need: number;
	support: number | null;
	supportIsCity: boolean;
}): string {
	const support =
		t.support === null
			? 'nicht berechenbar'
			: `${formatNumber(t.support * 100, 0)} %${t.supportIsCity ? ' (Stadtniveau)' : ''}`;
	return `Bedarf über der Schwelle ${formatNumber(t.need, 1)} (Stadtmittel = 0) und Unterstützung unter ${support}.`;
}
