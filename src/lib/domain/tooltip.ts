import type { ChangeCell } from './change';
import { changeText } from './changeChoropleth';
import { formatCount, formatNumber, formatValue, PARTIAL_NOTE } from './format';
import type { AreaGapOverview } from './gapOverview';
import { GAP_CLASSES } from './gaps';
import { LERNORT_CATEGORY_LABELS } from './lernortTypes';
import { phaseLabel } from './phases';
import type { Cell, IndicatorMeta, Lernort, LernortTypeDef } from './types';

/** Plain-text content of a map tooltip: a title and a few lines, all German. */
export interface TooltipContent {
	title: string;
	lines: string[];
}

export const DEMO_NOTE = 'Demodaten – keine amtliche Statistik';
export const SUPPRESSED_NOTE = 'Wegen kleiner Fallzahlen aus Datenschutzgründen nicht ausgewiesen';

/**
 * Tooltip of an area for the shown indicator and year.
 *
 * `areaTooltip('Bad Cannstatt', 'Stadtbezirk', cell, quote, 2024)` ->
 * `{ title: 'Bad Cannstatt', lines: ['Stadtbezirk', 'Betreuungsquote U3 2024: 34,5 %',
 *   'Kinder in Betreuung: 123', 'Kinder unter 3: 356'] }`
 *
 * Numerator and denominator lines appear for ratios when their labels are known; suppressed
 * cells get a short reason, demo indicators a note.
 *
 * On the change map (`change` given) the lines are both years' values and the change, or why
 * there is none: `['Stadtbezirk', 'Betreuungsquote U3', '2021: 31,1 %', '2024: 34,5 %',
 * 'Veränderung: +3,4 Prozentpunkte']`.
 */
export function areaTooltip(
	name: string,
	levelLabel: string,
	cell: Cell,
	meta: IndicatorMeta,
	year: number,
	change?: { fromYear: number; cell: ChangeCell }
): TooltipContent {
	if (change) return changeTooltip(name, levelLabel, meta, year, change.fromYear, change.cell);
	const lines = [levelLabel, `${meta.title} ${year}: ${formatValue(cell, meta)}`];
	if (cell.status === 'ok' && meta.kind === 'ratio') {
		if (meta.numeratorLabel) lines.push(`${meta.numeratorLabel}: ${formatCount(cell.numerator)}`);
		if (meta.denominatorLabel && cell.denominator !== undefined) {
			lines.push(`${meta.denominatorLabel}: ${formatCount(cell.denominator)}`);
		}
	}
	if (cell.status === 'suppressed') lines.push(SUPPRESSED_NOTE);
	if (cell.status === 'ok' && cell.partial) lines.push(`Wert ${PARTIAL_NOTE}`);
	if (meta.demo) lines.push(DEMO_NOTE);
	return { title: name, lines };
}

function changeTooltip(
	name: string,
	levelLabel: string,
	meta: IndicatorMeta,
	year: number,
	fromYear: number,
	change: ChangeCell
): TooltipContent {
	const lines = [
		levelLabel,
		meta.title,
		`${fromYear}: ${formatValue(change.from, meta)}`,
		`${year}: ${formatValue(change.to, meta)}`
	];
	lines.push(`Veränderung: ${changeText(change, meta)}`);
	if ([change.from, change.to].some((c) => c.status === 'ok' && c.partial))
		lines.push(`Wert ${PARTIAL_NOTE}`);
	if (meta.demo) lines.push(DEMO_NOTE);
	return { title: name, lines };
}

/**
 * Tooltip of a Lernort point.
 *
 * `lernortTooltip(kita, kitaType)` -> `{ title: 'Kita Sonnenschein', lines: ['Kita (formal)',
 *   'Hauptstraße 1, 70173 Stuttgart', 'Bildungsphasen: Frühe Bildung, Elementarbereich', 'Kapazität: 75'] }`
 *
 * Without a type definition (unknown type id) the raw type id is shown.
 */
export function lernortTooltip(l: Lernort, typeDef: LernortTypeDef | undefined): TooltipContent {
	const typeLabel = typeDef?.label ?? l.type;
	const lines = [`${typeLabel} (${LERNORT_CATEGORY_LABELS[l.category]})`];
	if (l.address.trim()) lines.push(l.address.trim());
	if (l.phases.length > 0) lines.push(`Bildungsphasen: ${l.phases.map(phaseLabel).join(', ')}`);
	if (l.capacity !== undefined && Number.isFinite(l.capacity))
		lines.push(`Kapazität: ${formatCount(l.capacity)}`);
	if (l.demo) lines.push(DEMO_NOTE);
	return { title: l.name, lines };
}

/**
 * Tooltip of an area on the Förderlücken map.
 *
 * `gapTooltip('Hallschlag', 'Stadtteil', 'Elementarbereich', gap)` -> `{ title: 'Hallschlag',
 *   lines: ['Stadtteil', 'Elementarbereich: Förderlücke', 'Förderlücken-Wert 0,41',
 *   'Bedarfsindex +1,20 (Stadtmittel 0)', 'Unterstützung 54 %'] }`
 */
export function gapTooltip(
	name: string,
	levelLabel: string,
	phase: string,
	gap: AreaGapOverview
): TooltipContent {
	const lines = [levelLabel, `${phase}: ${GAP_CLASSES[gap.gapClass].label}`];
	if (gap.score !== null) lines.push(`Förderlücken-Wert ${formatNumber(gap.score, 2)}`);
	if (gap.need.index !== null) {
		const sign = gap.need.index > 0 ? '+' : '';
		lines.push(`Bedarfsindex ${sign}${formatNumber(gap.need.index, 2)} (Stadtmittel 0)`);
	}
	if (gap.support.level !== null) lines.push(`Unterstützung ${formatNumber(gap.support.level * 100, 0)} %`);
	if (gap.reason) lines.push(gap.reason);
	return { title: name, lines };
}
