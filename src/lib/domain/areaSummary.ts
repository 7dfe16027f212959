import { unitCell } from './choropleth';
import { formatValue, formatValueWithNote } from './format';
import { LERNORT_CATEGORY_LABELS } from './lernortTypes';
import type { Catalog, Cell, IndicatorMeta, Level, Lernort, LernortCategory, ValuesWire } from './types';

export interface AreaSummary {
	key: string;
	name: string;
	levelLabel: string;
	parent: { key: string; name: string } | null;
	regions: string[];
	cell: Cell;
	valueText: string;
	comparisons: Array<{ label: string; text: string }>;
	/** Null when the Lernorte are not there (still loading, or their file is broken). */
	lernorte: {
		total: number;
		/** Distinct sources of the Lernorte in the area, for the source line. */
		sources: string[];
		byCategory: Array<{ category: LernortCategory; label: string; count: number }>;
		byType: Array<{ type: string; label: string; count: number }>;
		/** Every Lernort of the area, by type and name: the keyboard way to what the map's tooltip shows. */
		list: Array<{ id: string; name: string; type: string; address: string }>;
	} | null;
}

/**
 * What the side panel says about one area: its value, the values of its Bezirk and the
 * city for comparison, the Bildungsregionen it belongs to and its Lernorte by category and type
 * (`lernorte` null: not available, and the summary says so). Returns null for an unknown key.
 */
export function areaSummary(
	catalog: Catalog,
	values: ValuesWire,
	lernorte: readonly Lernort[] | null,
	meta: IndicatorMeta,
	year: number,
	level: Level,
	key: string
): AreaSummary | null {
	const unit = catalog.units[level].find((u) => u.key === key);
	if (!unit) return null;
	const levelDef = catalog.city.levels.find((l) => l.id === level);
	const cell = unitCell(values, meta, level, key, year);

	const parentKey = level === 'stadtteil' ? unit.parent : undefined;
	const parentUnit = parentKey ? catalog.units.stadtbezirk.find((u) => u.key === parentKey) : undefined;
	const comparisons: AreaSummary['comparisons'] = [];
	if (parentUnit) {
		comparisons.push({
			label: `Stadtbezirk ${parentUnit.name}`,
			text: formatValueWithNote(unitCell(values, meta, 'stadtbezirk', parentUnit.key, year), meta)
		});
	}
	const city = catalog.units.stadt[0];
	if (city) {
		comparisons.push({
			label: `Stadt ${city.name}`,
			text: formatValueWithNote(unitCell(values, meta, 'stadt', city.key, year), meta)
		});
	}

	const stadtteilKeys = stadtteileOf(catalog, level, key);
	const regions = bildungsregionenOf(catalog, level, key);

	return {
		key,
		name: unit.name,
		levelLabel: levelDef?.label ?? level,
		parent: parentUnit ? { key: parentUnit.key, name: parentUnit.name } : null,
		regions,
		cell,
		valueText: formatValue(cell, meta),
		comparisons,
		lernorte: lernorte && lernorteIn(catalog, lernorte, stadtteilKeys)
	};
}

/**
 * The keys of the Stadtteile an area of a level consists of.
 * `stadtteileOf(catalog, 'stadtbezirk', '1')` -> Set { '101', '102' }; a Stadtteil -> itself.
 */
export function stadtteileOf(catalog: Catalog, level: Level, key: string): Set<string> {
	return level === 'stadtteil'
		? new Set([key])
		: new Set(catalog.units.stadtteil.filter((u) => u.parent === key).map((u) => u.key));
}

/**
 * Names of the Bildungsregionen an area belongs to: those listing it, its Bezirk, or (for a
 * Bezirk) one of its Stadtteile. `bildungsregionenOf(catalog, 'stadtteil', '214')` -> ['Hallschlag'].
 */
export function bildungsregionenOf(catalog: Catalog, level: Level, key: string): string[] {
	const parentKey =
		level === 'stadtteil' ? catalog.units.stadtteil.find((u) => u.key === key)?.parent : undefined;
	const stadtteilKeys = stadtteileOf(catalog, level, key);
	return catalog.city.bildungsregionen
		.filter((r) =>
			r.level === level
				? r.areas.includes(key)
				: r.level === 'stadtbezirk'
					? parentKey !== undefined && r.areas.includes(parentKey)
					: r.areas.some((a) => stadtteilKeys.has(a))
		)
		.map((r) => r.name);
}

/** The Lernorte in the given Stadtteile, counted by category and type, and listed. */
function lernorteIn(
	catalog: Catalog,
	lernorte: readonly Lernort[],
	stadtteilKeys: ReadonlySet<string>
): NonNullable<AreaSummary['lernorte']> {
	const inArea = lernorte.filter((l) => stadtteilKeys.has(l.stadtteil));
	const byCategory = (Object.keys(LERNORT_CATEGORY_LABELS) as LernortCategory[]).map((category) => ({
		category,
		label: LERNORT_CATEGORY_LABELS[category],
		count: inArea.filter((l) => l.category === category).length
	}));
	const byType = catalog.lernortTypes
		.map((t) => ({ type: t.id, label: t.labelPlural, count: inArea.filter((l) => l.type === t.id).length }))
		.filter((t) => t.count > 0)
		.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'de'));

	return {
		total: inArea.length,
		sources: [...new Set(inArea.map((l) => l.source))].sort(),
		byCategory,
		byType,
		list: inArea
			.map((l) => ({
				id: l.id,
				name: l.name,
				type: catalog.lernortTypes.find((t) => t.id === l.type)?.label ?? l.type,
				address: l.address
			}))
			.sort((a, b) => a.type.localeCompare(b.type, 'de') || a.name.localeCompare(b.name, 'de'))
	};
}
