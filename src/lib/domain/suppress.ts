import type { Cell, IndicatorKind, UnitKind } from './types';

/** Disclosure-control thresholds, as in `CityConfig.disclosure`. */
export interface DisclosureRules {
	minCount: number;
	minDenominator: number;
}

/**
 * Whether a published cell must be suppressed on its own (primary suppression): a count
 * (numerator) below `minCount` -- zero included, since a zero discloses the attribute of the
 * whole group -- or a ratio over fewer than `minDenominator` persons.
 *
 * `isPrimarySensitive({ status: 'ok', value: 20, numerator: 2, denominator: 10 }, 'ratio', rules)` -> true
 */
export function isPrimarySensitive(cell: Cell, kind: IndicatorKind, rules: DisclosureRules): boolean {
	if (cell.status !== 'ok') return false;
	if (cell.numerator < rules.minCount) return true;
	if (kind !== 'ratio') return false;
	const denominator = cell.denominator ?? 0;
	// The complement is a count too: "9 of 10" tells that one person lacks the attribute.
	return denominator < rules.minDenominator || denominator - cell.numerator < rules.minCount;
}

/** A grouping whose total is published next to its members (Bildungsregion, Stadt). */
export interface Grouping {
	kind: UnitKind;
	key: string;
	memberKind: UnitKind;
	members: readonly string[];
}

export interface DisclosureInput {
	/** Aggregated cells of every unit kind, by key. Not mutated. */
	cells: Readonly<Record<UnitKind, ReadonlyMap<string, Cell>>>;
	/** Stadtteil key -> Stadtbezirk key. */
	stadtteilParent: ReadonlyMap<string, string>;
	/** Totals over members (Bildungsregionen over Stadtteile or Bezirke, the Stadt over Bezirke). */
	groupings: readonly Grouping[];
	kind: IndicatorKind;
	rules: DisclosureRules;
}

const SUPPRESSED: Cell = { status: 'suppressed' };

/**
 * Disclosure control after aggregation, for every unit kind:
 *
 * 1. Primary: every cell that `isPrimarySensitive` is suppressed.
 * 2. Secondary, within each Stadtbezirk whose value is published: if exactly one Stadtteil
 *    was suppressed here (it had a value, so the Bezirk total contains it), the published
 *    sibling with the smallest numerator is suppressed too, so the value cannot be recovered
 *    as Bezirk minus siblings. Without such a sibling, the Bezirk value is suppressed.
 * 3. The same one level up, Stadtbezirke within the Stadt: the second Bezirk to suppress must
 *    itself contain a suppressed Stadtteil (else its Stadtteile would add up to it); without
 *    one, the Stadt total is suppressed.
 * 4. Bildungsregionen: if exactly one member was suppressed here, the region total is
 *    suppressed (regions are few and overlap the Bezirke, so no sibling is sacrificed).
 *
 * Source-suppressed cells are not counted: their counts are not in any total (see
 * `aggregateCells`). Returns new maps; suppressed cells carry no counts.
 */
export function applyDisclosure(input: DisclosureInput): Record<UnitKind, Map<string, Cell>> {
	const { cells, kind, rules } = input;
	const out = {} as Record<UnitKind, Map<string, Cell>>;
	for (const unitKind of Object.keys(cells) as UnitKind[]) {
		const next = new Map<string, Cell>();
		for (const [key, cell] of cells[unitKind])
			next.set(key, isPrimarySensitive(cell, kind, rules) ? SUPPRESSED : cell);
		out[unitKind] = next;
	}
	// Suppressed by this function although the source had a value, i.e. part of totals.
	const hidden = (unitKind: UnitKind, key: string): boolean =>
		cells[unitKind]?.get(key)?.status === 'ok' && out[unitKind]?.get(key)?.status === 'suppressed';

	const children = new Map<string, string[]>();
	for (const [child, parent] of input.stadtteilParent) {
		const list = children.get(parent);
		if (list) list.push(child);
		else children.set(parent, [child]);
	}
	const teile = out.stadtteil;
	const bezirke = out.stadtbezirk;
	if (teile && bezirke) {
		for (const [parent, members] of children)
			protectSingle(
				teile,
				bezirke,
				parent,
				members,
				(m) => hidden('stadtteil', m),
				() => true
			);
		const stadt = input.groupings.find((g) => g.kind === 'stadt' && g.memberKind === 'stadtbezirk');
		if (stadt && out.stadt)
			protectSingle(
				bezirke,
				out.stadt,
				stadt.key,
				stadt.members,
				(m) => hidden('stadtbezirk', m),
				(m) => (children.get(m) ?? []).some((c) => hidden('stadtteil', c))
			);
	}

	for (const g of input.groupings) {
		if (g.kind === 'stadt') continue;
		const target = out[g.kind];
		if (target?.get(g.key)?.status !== 'ok') continue;
		if (g.members.filter((m) => hidden(g.memberKind, m)).length === 1) target.set(g.key, SUPPRESSED);
	}
	return out;
}

/**
 * If exactly one member of a published parent is hidden, hide the eligible published member
 * with the smallest numerator (first in order on ties), or else the parent.
 */
function protectSingle(
	memberCells: Map<string, Cell>,
	parentCells: Map<string, Cell>,
	parent: string,
	members: readonly string[],
	isHidden: (key: string) => boolean,
	eligible: (key: string) => boolean
): void {
	if (parentCells.get(parent)?.status !== 'ok') return;
	if (members.filter(isHidden).length !== 1) return;
	let pick: string | undefined;
	let pickNumerator = Infinity;
	for (const m of members) {
		const c = memberCells.get(m);
		if (c?.status === 'ok' && eligible(m) && c.numerator < pickNumerator) {
			pick = m;
			pickNumerator = c.numerator;
		}
	}
	if (pick !== undefined) memberCells.set(pick, SUPPRESSED);
	else parentCells.set(parent, SUPPRESSED);
}
