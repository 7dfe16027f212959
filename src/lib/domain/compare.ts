import { differenceUnit, roundNoise } from './change';
import { unitCell } from './choropleth';
import type { Catalog, Cell, IndicatorMeta, UnitKind, ValuesWire } from './types';

/**
 * Side-by-side comparison of a few units of any kind (Stadtteile, Stadtbezirke,
 * Bildungsregionen, the city) for chosen indicators, each against the city value. Values come
 * from the built data, where every aggregate is a sum of numerators over a sum of denominators;
 * nothing here averages rates. One row uses one year for every unit: years are never mixed
 * silently.
 */

/** A unit to compare: `{ kind: 'bildungsregion', key: 'hallschlag' }`. */
export interface CompareUnit {
	kind: UnitKind;
	key: string;
}

/** German labels of the unit kinds, singular. */
export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, string>> = {
	stadtteil: 'Stadtteil',
	stadtbezirk: 'Stadtbezirk',
	bildungsregion: 'Bildungsregion',
	stadt: 'Stadt'
};

export interface ComparedUnit extends CompareUnit {
	name: string;
	kindLabel: string;
}

export interface CompareCell {
	cell: Cell;
	/** Value minus the city value, in the indicator's unit; null unless both are known. */
	difference: number | null;
}

export interface CompareRow {
	indicator: IndicatorMeta;
	/** The one year of every value in the row. */
	year: number;
	/** Set when the row could not use the year asked for: "Werte von 2023; für 2024 liegen keine vor". */
	yearNote?: string;
	city: Cell;
	/** One per compared unit, in their order. */
	cells: CompareCell[];
	/** Unit of the differences: "Prozentpunkte" for percentages, else the indicator's unit. */
	differenceUnit: string;
}

export interface Comparison {
	units: ComparedUnit[];
	rows: CompareRow[];
	/** German notes on what was left out (unknown units or indicators). */
	problems: string[];
}

/**
 * The year of an indicator's row: the year asked for when the indicator has it, else its
 * newest year (with a note). `rowYear(meta, 2024)` -> { year: 2024 }; for years [2022, 2023]
 * -> { year: 2023, note: 'Werte von 2023; für 2024 liegen keine vor' }
 */
export function rowYear(meta: IndicatorMeta, asked: number | null): { year: number; note?: string } {
	if (meta.years.length === 0) throw new Error(`rowYear: ${meta.id} has no years`);
	const newest = Math.max(...meta.years);
	if (asked === null || meta.years.includes(asked)) return { year: asked ?? newest };
	return { year: newest, note: `Werte von ${newest}; für ${asked} liegen keine vor` };
}

/**
 * Compares `units` for the indicators `indicatorIds` (in that order) in `year` (null: each
 * indicator's newest year). Unknown units and indicators, and indicators without any year, are
 * left out and named in `problems`.
 * `compareUnits(catalog, values, [{ kind: 'stadtteil', key: '214' }, { kind: 'bildungsregion', key: 'hallschlag' }], ['betreuungsquote_u3'], 2024)`
 * -> { units: [{ name: 'Hallschlag', kindLabel: 'Stadtteil', … }, …], rows: [{ year: 2024, city: …, cells: [{ cell, difference: -4.2 }, …] }] }
 */
export function compareUnits(
	catalog: Catalog,
	values: ValuesWire,
	units: readonly CompareUnit[],
	indicatorIds: readonly string[],
	year: number | null
): Comparison {
	const problems: string[] = [];
	const compared: ComparedUnit[] = [];
	for (const u of units) {
		const unit = catalog.units[u.kind]?.find((x) => x.key === u.key);
		if (!unit) {
			problems.push(`${UNIT_KIND_LABELS[u.kind] ?? u.kind} „${u.key}“ gibt es nicht`);
			continue;
		}
		if (compared.some((c) => c.kind === u.kind && c.key === u.key)) continue;
		compared.push({ kind: u.kind, key: u.key, name: unit.name, kindLabel: UNIT_KIND_LABELS[u.kind] });
	}
	const cityKey = catalog.units.stadt[0]?.key;
	const rows: CompareRow[] = [];
	for (const id of indicatorIds) {
		const meta = catalog.indicators.find((m) => m.id === id);
		if (!meta) {
			problems.push(`Indikator „${id}“ gibt es nicht`);
			continue;
		}
		if (meta.years.length === 0) {
			problems.push(`Für „${meta.title}“ liegen keine Werte vor`);
			continue;
		}
		const { year: y, note } = rowYear(meta, year);
		const city: Cell = cityKey ? unitCell(values, meta, 'stadt', cityKey, y) : { status: 'missing' };
		const cells = compared.map((u): CompareCell => {
			const cell = unitCell(values, meta, u.kind, u.key, y);
			const difference =
				cell.status === 'ok' && city.status === 'ok' ? roundNoise(cell.value - city.value) : null;
			return { cell, difference };
		});
		const row: CompareRow = {
			indicator: meta,
			year: y,
			city,
			cells,
			differenceUnit: differenceUnit(meta)
		};
		if (note) row.yearNote = note;
		rows.push(row);
	}
	return { units: compared, rows, problems };
}

/**
 * The indicators a comparison starts with when the link names none: the first ratio indicator
 * of each Bildungsphase, in the order of the phases, so the table walks along the Bildungskette.
 * `defaultCompareIndicators(catalog)` -> ['betreuungsquote_u3', 'betreuungsquote_3_6', …, 'kinder_sgb2']
 */
export function defaultCompareIndicators(
	catalog: Pick<Catalog, 'phases' | 'indicators'>,
	max: number
): string[] {
	const out: string[] = [];
	for (const phase of catalog.phases) {
		const first = catalog.indicators.find(
			(m) => m.phases[0] === phase.id && m.kind === 'ratio' && m.years.length > 0
		);
		if (first && !out.includes(first.id)) out.push(first.id);
	}
	return out.slice(0, max);
}
