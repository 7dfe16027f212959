import { cellsFor } from './choropleth';
import { fold } from './indicatorGroups';
import type { Catalog, Cell, IndicatorMeta, Level } from './types';

/**
 * The ranking of every area of a level for one indicator: rank, value, numerator and
 * denominator, with the flags a reader needs (demo data, "geheim gehalten", partial
 * aggregates). Rank 1 is the highest value, whatever the indicator's direction: the table says
 * "höchster Wert zuerst", and the direction is named beside it.
 */

export interface RankingRow {
	key: string;
	name: string;
	/** Name of the parent Stadtbezirk (Stadtteile only). */
	parentName?: string;
	parent?: string;
	cell: Cell;
	/** 1 for the highest value; ties share a rank ("1, 2, 2, 4"); null without a value. */
	rank: number | null;
}

export type RankingColumn = 'rang' | 'name' | 'wert' | 'zaehler' | 'nenner';
export type SortDirection = 'auf' | 'ab';

export const RANKING_COLUMNS: readonly RankingColumn[] = ['rang', 'name', 'wert', 'zaehler', 'nenner'];

/**
 * Every area of `level` for `meta` in `year`, ranked by value (highest first, competition
 * ranking for ties). Areas without a value keep their place in the list with rank null.
 * `rankAreas(catalog, values, meta, 'stadtteil', 2024)` -> [{ key: '214', rank: 1, cell }, …]
 */
export function rankAreas(
	catalog: Pick<Catalog, 'units'>,
	values: Parameters<typeof cellsFor>[0],
	meta: IndicatorMeta,
	level: Level,
	year: number
): RankingRow[] {
	const cells = cellsFor(values, meta, level, year);
	const parents = new Map(catalog.units.stadtbezirk.map((u) => [u.key, u.name]));
	const known = [...cells.values()]
		.filter((c): c is Extract<Cell, { status: 'ok' }> => c.status === 'ok')
		.map((c) => c.value)
		.sort((a, b) => b - a);
	// Competition ranking: one more than the number of strictly higher values.
	const rankOf = (v: number) => {
		let lo = 0;
		let hi = known.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (known[mid]! > v) lo = mid + 1;
			else hi = mid;
		}
		return lo + 1;
	};
	return catalog.units[level].map((u) => {
		const cell = cells.get(u.key) ?? { status: 'missing' as const };
		const row: RankingRow = {
			key: u.key,
			name: u.name,
			cell,
			rank: cell.status === 'ok' ? rankOf(cell.value) : null
		};
		if (level === 'stadtteil' && u.parent !== undefined) {
			row.parent = u.parent;
			const parentName = parents.get(u.parent);
			if (parentName) row.parentName = parentName;
		}
		return row;
	});
}

const collator = new Intl.Collator('de');

function numberOf(row: RankingRow, column: RankingColumn): number | null {
	const c = row.cell;
	if (c.status !== 'ok') return null;
	if (column === 'wert') return c.value;
	if (column === 'zaehler') return c.numerator;
	if (column === 'nenner') return c.denominator ?? null;
	return row.rank;
}

/**
 * The rows sorted by a column. Rows without the column's number (no value, or no denominator)
 * go last in both directions, by name; ties keep the name order. Does not mutate `rows`.
 * `sortRanking(rows, 'rang', 'auf')` -> rank 1 first; `sortRanking(rows, 'name', 'ab')` -> Z to A
 */
export function sortRanking(
	rows: readonly RankingRow[],
	column: RankingColumn,
	dir: SortDirection
): RankingRow[] {
	const sign = dir === 'auf' ? 1 : -1;
	const byName = (a: RankingRow, b: RankingRow) =>
		collator.compare(a.name, b.name) || a.key.localeCompare(b.key);
	if (column === 'name') return [...rows].sort((a, b) => sign * byName(a, b));
	return [...rows].sort((a, b) => {
		const x = numberOf(a, column);
		const y = numberOf(b, column);
		if (x === null || y === null) return x === null && y === null ? byName(a, b) : x === null ? 1 : -1;
		return sign * (x - y) || byName(a, b);
	});
}

/** Which areas a ranking shows: all, those whose name matches, those inside a Bezirk or Bildungsregion. */
export interface RankingFilter {
	/** Words that must all occur in the name (or the Bezirk's name), case and accents ignored. */
	text: string;
	/** Area keys to keep (members of a Bezirk or Bildungsregion), or null for all. */
	within: ReadonlySet<string> | null;
}

/**
 * Rows that pass the filter, in their order. Ranks stay the city-wide ranks.
 * `filterRanking(rows, { text: 'cann', within: null })` -> the Bad Cannstatt Stadtteile
 */
export function filterRanking(rows: readonly RankingRow[], filter: RankingFilter): RankingRow[] {
	const words = fold(filter.text).split(/\s+/).filter(Boolean);
	return rows.filter((r) => {
		if (filter.within && !filter.within.has(r.key)) return false;
		if (words.length === 0) return true;
		const haystack = fold(`${r.name} ${r.parentName ?? ''}`);
		return words.every((w) => haystack.includes(w));
	});
}

/**
 * The areas of `level` inside a Stadtbezirk or a Bildungsregion, for the ranking's filter.
 * A Bildungsregion defined on Stadtbezirke contains their Stadtteile; one defined on Stadtteile
 * contains, at Bezirk level, the Bezirke it touches.
 * `areasWithin(catalog, 'stadtteil', { kind: 'stadtbezirk', key: '1' })` -> Set { '101', '102' }
 */
export function areasWithin(
	catalog: Pick<Catalog, 'units' | 'city'>,
	level: Level,
	within: { kind: 'stadtbezirk' | 'bildungsregion'; key: string }
): Set<string> {
	const teile = catalog.units.stadtteil;
	let stadtteile: Set<string>;
	if (within.kind === 'stadtbezirk') {
		if (level === 'stadtbezirk') return new Set([within.key]);
		stadtteile = new Set(teile.filter((u) => u.parent === within.key).map((u) => u.key));
	} else {
		const region = catalog.city.bildungsregionen.find((r) => r.id === within.key);
		if (!region) return new Set();
		if (region.level === level) return new Set(region.areas);
		stadtteile =
			region.level === 'stadtteil'
				? new Set(region.areas)
				: new Set(
						teile.filter((u) => u.parent !== undefined && region.areas.includes(u.parent)).map((u) => u.key)
					);
	}
	if (level === 'stadtteil') return stadtteile;
	return new Set(teile.filter((u) => stadtteile.has(u.key) && u.parent !== undefined).map((u) => u.parent!));
}
