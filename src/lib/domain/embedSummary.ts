import { formatValue, formatValueWithNote } from './format';
import type { Cell, IndicatorMeta } from './types';

export interface EmbedSummaryInput {
	meta: IndicatorMeta;
	year: number;
	cityName: string;
	/** The value of the whole city. */
	cityCell: Cell;
	/** Plural label of the level shown ("Stadtteile"). */
	levelPlural: string;
	/** Cells of the level shown with their names. */
	areas: ReadonlyArray<{ name: string; cell: Cell }>;
	/** The focus area, when the embed shows one. */
	focus?: { label: string; cell: Cell } | null;
}

/**
 * A short German text that says what the map shows, for readers who cannot see it: the city
 * value, the range over the areas with the names at both ends, and how many areas have no
 * value. Ties at either end name the first area in the list.
 *
 * `embedSummary({ meta: quote, year: 2024, cityName: 'Stuttgart', … })` ->
 * "Betreuungsquote 2024 in Stuttgart: 34,5 % in der ganzen Stadt. Die 152 Stadtteile reichen
 * von 12,0 % (Hedelfingen) bis 55,3 % (Degerloch). 8 Stadtteile geheim gehalten, 4 ohne Daten."
 */
export function embedSummary(input: EmbedSummaryInput): string {
	const { meta, year, cityName, cityCell, levelPlural, areas, focus } = input;
	const parts: string[] = [
		`${meta.title} ${year} in ${cityName}: ${formatValueWithNote(cityCell, meta)} in der ganzen Stadt.`
	];
	if (focus) parts.push(`Hervorgehoben: ${focus.label} mit ${formatValueWithNote(focus.cell, meta)}.`);
	type End = { name: string; cell: Cell & { status: 'ok' } };
	let lo: End | null = null as End | null;
	let hi: End | null = null as End | null;
	let suppressed = 0;
	let missing = 0;
	for (const { name, cell } of areas) {
		if (cell.status === 'suppressed') suppressed++;
		else if (cell.status === 'missing') missing++;
		else {
			if (!lo || cell.value < lo.cell.value) lo = { name, cell };
			if (!hi || cell.value > hi.cell.value) hi = { name, cell };
		}
	}
	if (lo && hi)
		parts.push(
			`Die ${areas.length} ${levelPlural} reichen von ${formatValue(lo.cell, meta)} (${lo.name}) bis ${formatValue(hi.cell, meta)} (${hi.name}).`
		);
	const gaps = [
		suppressed > 0 ? `${suppressed} geheim gehalten` : '',
		missing > 0 ? `${missing} ohne Daten` : ''
	].filter(Boolean);
	if (gaps.length > 0) parts.push(`${levelPlural}: ${gaps.join(', ')}.`);
	return parts.join(' ');
}
