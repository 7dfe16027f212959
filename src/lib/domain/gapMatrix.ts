import { CHAIN_PHASES, type ChainPhase } from './bildungskette';
import { formatCount, formatNumber } from './format';
import { GAP_CLASS_ORDER, GAP_CLASSES, type AreaGap, type GapClass } from './gaps';
import { contrastText } from './palette';
import { phaseLabel } from './phases';
import type { BildungsregionDef, Catalog, Level } from './types';

/**
 * The Bildungsketten-Matrix: areas × phases of the Bildungskette, each cell with the gap class
 * and score of one area in one phase, so that a break in the chain shows as a row of warm
 * cells. Rows are built, filtered, sorted and summarised here; the table only draws them.
 */

/** One cell of the matrix: the gap of one area in one phase. */
export interface MatrixCell {
	phase: ChainPhase;
	gapClass: GapClass;
	/** Gap score 0..1; null when unknown. */
	score: number | null;
	/** German reason, given for `unbekannt` cells. */
	reason?: string;
}

/** One row of the matrix: an area with one cell per analysed phase, in phase order. */
export interface MatrixRow {
	key: string;
	name: string;
	parent?: string;
	cells: MatrixCell[];
}

/** What `matrixRows` reads of an analysis; `CityGaps` fits. */
export interface MatrixSource {
	phases: ReadonlyArray<{
		phase: ChainPhase;
		areas: ReadonlyMap<string, Pick<AreaGap, 'score' | 'gapClass' | 'reason'>>;
	}>;
}

/** Which rows to show: all, the areas of one Stadtbezirk, or the areas of one Bildungsregion. */
export type MatrixFilter =
	{ kind: 'alle' } | { kind: 'bezirk'; key: string } | { kind: 'region'; id: string };

/** What `filterRows` needs to know about the city. */
export interface MatrixFilterContext {
	bildungsregionen: readonly BildungsregionDef[];
	/** Stadtbezirk key of every Stadtteil key. */
	parentOf: ReadonlyMap<string, string>;
}

/** Column to sort by: a phase's gap score or the area name. */
export type MatrixSortBy = { phase: ChainPhase } | { by: 'name' };
export type SortDir = 'asc' | 'desc';
/** Sort state of the matrix: `{ phase: 'elementar', dir: 'desc' }` or `{ by: 'name', dir: 'asc' }`. */
export type MatrixSort = MatrixSortBy & { dir: SortDir };

/** Counts per class of one phase, and the German one-sentence summary of all phases. */
export interface MatrixSummary {
	/** Number of rows summarised. */
	total: number;
	phases: Array<{ phase: ChainPhase; counts: Record<GapClass, number> }>;
	text: string;
}

/**
 * Short marks that show the class next to its colour, so that the class is not told by colour
 * alone. `unauffaellig` has none: most cells are unremarkable, and a quiet table lets the marked
 * ones stand out.
 */
export const GAP_CLASS_MARKS: Readonly<Record<GapClass, string>> = {
	foerderluecke: '!',
	im_blick: '◐',
	gut_versorgt: '✓',
	unauffaellig: '',
	unbekannt: '?'
};

/** Reason of a cell whose area is missing from the analysis of a phase. */
export const NOT_ANALYSED_REASON = 'Für dieses Gebiet liegt in dieser Phase keine Auswertung vor';

const phaseIndex = (p: ChainPhase) => CHAIN_PHASES.indexOf(p);
const classIndex = (c: GapClass) => GAP_CLASS_ORDER.indexOf(c);
const byName = (a: { name: string; key: string }, b: { name: string; key: string }) =>
	a.name.localeCompare(b.name, 'de') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

const cellOf = (row: MatrixRow, phase: ChainPhase): MatrixCell | undefined =>
	row.cells.find((c) => c.phase === phase);

function unknownCell(phase: ChainPhase, reason: string): MatrixCell {
	return { phase, gapClass: 'unbekannt', score: null, reason };
}

/**
 * Rows of the matrix, one per unit in the given order, with one cell per phase of the analysis in
 * the order of the Bildungskette. An area the analysis of a phase does not know gets an
 * `unbekannt` cell with `NOT_ANALYSED_REASON`; a non-finite score counts as unknown.
 * `matrixRows(analysis, [{ key: '214', name: 'Hallschlag', parent: '2' }])`
 * -> [{ key: '214', name: 'Hallschlag', parent: '2', cells: [{ phase: 'fruehe', gapClass: 'foerderluecke', score: 0.41 }, …] }]
 * Throws on a duplicate unit key or phase (a bug upstream).
 */
export function matrixRows(
	analysis: MatrixSource,
	units: ReadonlyArray<{ key: string; name: string; parent?: string }>
): MatrixRow[] {
	const phases = [...analysis.phases].sort((a, b) => phaseIndex(a.phase) - phaseIndex(b.phase));
	phases.forEach((p, i) => {
		if (i > 0 && phases[i - 1]!.phase === p.phase) throw new Error(`matrixRows: phase ${p.phase} twice`);
	});
	const seen = new Set<string>();
	return units.map((unit) => {
		if (seen.has(unit.key)) throw new Error(`matrixRows: area key ${unit.key} twice`);
		seen.add(unit.key);
		const cells = phases.map(({ phase, areas }): MatrixCell => {
			const gap = areas.get(unit.key);
			if (!gap) return unknownCell(phase, NOT_ANALYSED_REASON);
			const score = gap.score !== null && Number.isFinite(gap.score) ? gap.score : null;
			const cell: MatrixCell = { phase, gapClass: gap.gapClass, score };
			if (gap.reason !== undefined) cell.reason = gap.reason;
			return cell;
		});
		const row: MatrixRow = { key: unit.key, name: unit.name, cells };
		if (unit.parent !== undefined) row.parent = unit.parent;
		return row;
	});
}

/**
 * The cells of a row for the given columns, in their order; a phase the row has no cell for is
 * `unbekannt` with `NOT_ANALYSED_REASON`.
 * `alignCells(row, ['elementar', 'sek2'])` -> [row's Elementar cell, { phase: 'sek2', gapClass: 'unbekannt', … }]
 */
export function alignCells(row: MatrixRow, phases: readonly ChainPhase[]): MatrixCell[] {
	return phases.map((phase) => cellOf(row, phase) ?? unknownCell(phase, NOT_ANALYSED_REASON));
}

/** The context of `filterRows` from a catalog: its Bildungsregionen and each Stadtteil's Bezirk. */
export function matrixFilterContext(catalog: Pick<Catalog, 'city' | 'units'>): MatrixFilterContext {
	const parentOf = new Map<string, string>();
	for (const u of catalog.units.stadtteil) if (u.parent !== undefined) parentOf.set(u.key, u.parent);
	return { bildungsregionen: catalog.city.bildungsregionen, parentOf };
}

/**
 * The rows of `level` that belong to the filter, in their order.
 * - `bezirk`: at Stadtteil level the Stadtteile of that Bezirk, at Bezirk level the Bezirk itself.
 * - `region`: a region of the shown level keeps its areas; at Stadtteil level a region of
 *   Bezirke keeps their Stadtteile; at Bezirk level a region of Stadtteile keeps the Bezirke
 *   that contain at least one of them.
 * An unknown Bezirk or region keeps no rows.
 * `filterRows(rows, { kind: 'bezirk', key: '2' }, ctx, 'stadtteil')` -> the rows of the Stadtteile of Bezirk 2
 */
export function filterRows(
	rows: readonly MatrixRow[],
	filter: MatrixFilter,
	ctx: MatrixFilterContext,
	level: Level
): MatrixRow[] {
	const parentOf = (row: MatrixRow) => ctx.parentOf.get(row.key) ?? row.parent;
	if (filter.kind === 'alle') return [...rows];
	if (filter.kind === 'bezirk')
		return rows.filter((row) => (level === 'stadtbezirk' ? row.key : parentOf(row)) === filter.key);

	const region = ctx.bildungsregionen.find((r) => r.id === filter.id);
	if (!region) return [];
	const areas = new Set(region.areas);
	if (region.level === level) return rows.filter((row) => areas.has(row.key));
	if (level === 'stadtteil') return rows.filter((row) => areas.has(parentOf(row) ?? ''));
	const bezirke = new Set<string>();
	for (const stadtteil of region.areas) {
		const bezirk = ctx.parentOf.get(stadtteil);
		if (bezirk !== undefined) bezirke.add(bezirk);
	}
	return rows.filter((row) => bezirke.has(row.key));
}

/**
 * A sorted copy of the rows.
 * - By a phase: by its gap score (`desc`: highest first), areas without a score always last;
 *   equal scores by class order (Förderlücke first), then by name.
 * - By name: German collation (`ä` beside `a`), `desc` from Z to A.
 * `sortRows(rows, { phase: 'elementar' }, 'desc')` -> the largest gaps of the Elementarbereich first
 */
export function sortRows(rows: readonly MatrixRow[], sort: MatrixSortBy, dir: SortDir): MatrixRow[] {
	const sign = dir === 'asc' ? 1 : -1;
	if ('by' in sort) return [...rows].sort((a, b) => sign * byName(a, b));
	const keyed = rows.map((row) => {
		const cell = cellOf(row, sort.phase);
		return { row, score: cell?.score ?? null, cls: classIndex(cell?.gapClass ?? 'unbekannt') };
	});
	keyed.sort((a, b) => {
		if (a.score !== b.score) {
			if (a.score === null) return 1;
			if (b.score === null) return -1;
			return sign * (a.score - b.score);
		}
		return a.cls - b.cls || byName(a.row, b.row);
	});
	return keyed.map((k) => k.row);
}

const sameColumn = (a: MatrixSortBy, b: MatrixSortBy) =>
	'by' in a ? 'by' in b : !('by' in b) && a.phase === b.phase;

/** Direction the matrix is sorted by a column, or null when it is sorted by another one. */
export function sortDirOf(sort: MatrixSort, column: MatrixSortBy): SortDir | null {
	return sameColumn(sort, column) ? sort.dir : null;
}

/**
 * The sort after a click on a column header: the same column flips its direction; a new phase
 * starts with the largest gaps first, the name column with A.
 * `nextSort({ phase: 'primar', dir: 'desc' }, { phase: 'primar' })` -> `{ phase: 'primar', dir: 'asc' }`
 */
export function nextSort(current: MatrixSort, column: MatrixSortBy): MatrixSort {
	if (sameColumn(current, column)) return { ...column, dir: current.dir === 'asc' ? 'desc' : 'asc' };
	return { ...column, dir: 'by' in column ? 'asc' : 'desc' };
}

/** Rows a PageUp / PageDown moves in the matrix. */
export const PAGE_ROWS = 10;

/**
 * Target of a navigation key in a grid of `size` cells, clamped to its edges; null for a key that
 * does not navigate. Arrows move by one cell, Home / End to the start / end of the row (with Ctrl
 * of the whole grid), PageUp / PageDown by `PAGE_ROWS` rows.
 * `gridStep({ row: 0, col: 2 }, { rows: 5, cols: 5 }, 'ArrowDown')` -> `{ row: 1, col: 2 }`
 */
export function gridStep(
	pos: { row: number; col: number },
	size: { rows: number; cols: number },
	key: string,
	ctrl = false
): { row: number; col: number } | null {
	if (size.rows <= 0 || size.cols <= 0) return null;
	const lastRow = size.rows - 1;
	const lastCol = size.cols - 1;
	const clamp = (v: number, hi: number) => Math.min(hi, Math.max(0, v));
	const { row, col } = pos;
	switch (key) {
		case 'ArrowUp':
			return { row: clamp(row - 1, lastRow), col: clamp(col, lastCol) };
		case 'ArrowDown':
			return { row: clamp(row + 1, lastRow), col: clamp(col, lastCol) };
		case 'ArrowLeft':
			return { row: clamp(row, lastRow), col: clamp(col - 1, lastCol) };
		case 'ArrowRight':
			return { row: clamp(row, lastRow), col: clamp(col + 1, lastCol) };
		case 'PageUp':
			return { row: clamp(row - PAGE_ROWS, lastRow), col: clamp(col, lastCol) };
		case 'PageDown':
			return { row: clamp(row + PAGE_ROWS, lastRow), col: clamp(col, lastCol) };
		case 'Home':
			return { row: ctrl ? 0 : clamp(row, lastRow), col: 0 };
		case 'End':
			return { row: ctrl ? lastRow : clamp(row, lastRow), col: lastCol };
		default:
			return null;
	}
}

/**
 * The one cell of the matrix that Tab reaches (the others follow by arrow keys): the last focused
 * cell while it is shown, else the selected area in the active phase, else the first cell.
 * `tabStop(rows, ['fruehe', 'elementar'], null, '214', 'elementar')` -> `{ row: <index of 214>, col: 1 }`
 */
export function tabStop(
	rows: ReadonlyArray<{ key: string }>,
	phases: readonly ChainPhase[],
	focused: { key: string; phase: ChainPhase } | null,
	selected: string | null,
	activePhase: ChainPhase | null
): { row: number; col: number } | null {
	if (rows.length === 0 || phases.length === 0) return null;
	if (focused) {
		const row = rows.findIndex((r) => r.key === focused.key);
		const col = phases.indexOf(focused.phase);
		if (row >= 0 && col >= 0) return { row, col };
	}
	const row = selected === null ? -1 : rows.findIndex((r) => r.key === selected);
	const col = activePhase === null ? -1 : phases.indexOf(activePhase);
	return { row: Math.max(0, row), col: Math.max(0, col) };
}

/** The score as shown in a cell: two decimals, German: `formatGapScore(0.4123)` -> "0,41"; null -> "–". */
export function formatGapScore(score: number | null): string {
	return score === null ? '–' : formatNumber(score, 2);
}

/**
 * Accessible name of a cell: area, phase, class and score.
 * `cellLabel('Hallschlag', 'Elementarbereich', { gapClass: 'foerderluecke', score: 0.41 })`
 * -> "Hallschlag, Elementarbereich: Förderlücke, Wert 0,41"; an unknown cell ends after the class.
 */
export function cellLabel(
	areaName: string,
	phase: string,
	cell: Pick<MatrixCell, 'gapClass' | 'score'>
): string {
	const head = `${areaName}, ${phase}: ${GAP_CLASSES[cell.gapClass].label}`;
	if (cell.score !== null) return `${head}, Wert ${formatGapScore(cell.score)}`;
	return cell.gapClass === 'unbekannt' ? head : `${head}, kein Wert`;
}

/** Black or white text for each class colour, whichever contrasts more. */
export function matrixTextColors(colors: Readonly<Record<GapClass, string>>): Record<GapClass, string> {
	const out = {} as Record<GapClass, string>;
	for (const c of GAP_CLASS_ORDER) out[c] = contrastText(colors[c]);
	return out;
}

const AREA_WORDS: Readonly<Record<Level, { one: string; dativePlural: string; plural: string }>> = {
	stadtteil: { one: 'Stadtteil', dativePlural: 'Stadtteilen', plural: 'Stadtteile' },
	stadtbezirk: { one: 'Stadtbezirk', dativePlural: 'Stadtbezirken', plural: 'Stadtbezirke' }
};

const emptyCounts = (): Record<GapClass, number> => ({
	foerderluecke: 0,
	im_blick: 0,
	gut_versorgt: 0,
	unauffaellig: 0,
	unbekannt: 0
});

/**
 * Counts per phase and class, and one German sentence for screen readers.
 * `matrixSummary(rows, 'stadtteil').text` -> "In der Phase Frühe Bildung sind 12 von 152 Stadtteilen
 * als Förderlücke eingeordnet, in der Phase Elementarbereich 24 und in der Phase Primarbereich 8;
 * für 3 Stadtteile ist in mindestens einer Phase keine Aussage möglich."
 * A row without a cell of a phase counts as `unbekannt` there. Phase labels default to
 * `BILDUNGSPHASEN`.
 */
export function matrixSummary(
	rows: readonly MatrixRow[],
	level: Level,
	phaseLabels: Readonly<Partial<Record<ChainPhase, string>>> = {}
): MatrixSummary {
	const words = AREA_WORDS[level];
	const present = new Set(rows.flatMap((r) => r.cells.map((c) => c.phase)));
	const order = CHAIN_PHASES.filter((p) => present.has(p));
	const phases = order.map((phase) => {
		const counts = emptyCounts();
		for (const row of rows) counts[cellOf(row, phase)?.gapClass ?? 'unbekannt']++;
		return { phase, counts };
	});
	const total = rows.length;
	if (total === 0) return { total, phases, text: `Keine ${words.plural} in der Auswahl.` };
	if (phases.length === 0) return { total, phases, text: 'Keine Phase der Bildungskette ausgewertet.' };

	const label = (p: ChainPhase) => phaseLabels[p] ?? phaseLabel(p);
	const [first, ...rest] = phases;
	const n = first!.counts.foerderluecke;
	const of = total === 1 ? words.one : words.dativePlural;
	const clauses = [
		`In der Phase ${label(first!.phase)} ${n === 1 ? 'ist' : 'sind'} ${formatCount(n)} von ${formatCount(total)} ${of} als ${GAP_CLASSES.foerderluecke.label} eingeordnet`,
		...rest.map((p) => `in der Phase ${label(p.phase)} ${formatCount(p.counts.foerderluecke)}`)
	];
	let text =
		clauses.length === 1
			? clauses[0]!
			: `${clauses.slice(0, -1).join(', ')} und ${clauses[clauses.length - 1]!}`;
	const unknown = rows.filter((r) =>
		order.some((p) => (cellOf(r, p)?.gapClass ?? 'unbekannt') === 'unbekannt')
	).length;
	if (unknown > 0)
		text += `; für ${formatCount(unknown)} ${unknown === 1 ? words.one : words.plural} ist in ${
			phases.length === 1 ? 'dieser Phase' : 'mindestens einer Phase'
		} keine Aussage möglich`;
	return { total, phases, text: `${text}.` };
}
