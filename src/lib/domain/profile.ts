import { bildungsregionenOf, stadtteileOf } from './areaSummary';
import { unitSeries } from './change';
import { compareUnits, UNIT_KIND_LABELS, type CompareUnit } from './compare';
import { formatValue, PARTIAL_NOTE } from './format';
import { groupIndicators } from './indicatorGroups';
import { LERNORT_CATEGORY_LABELS } from './lernortTypes';
import type {
	Bildungsphase,
	Catalog,
	Cell,
	IndicatorMeta,
	Level,
	Lernort,
	LernortCategory,
	ValuesWire
} from './types';

/**
 * The profile of one area (Stadtteil, Stadtbezirk or Bildungsregion) as planners read it on
 * paper: every indicator of the area beside its Stadtbezirk and the city, grouped by
 * Bildungsphase, and its Lernorte by category and type. Values are read from the built data,
 * where every aggregate (Bezirk, Bildungsregion, city) is a sum of numerators over a sum of
 * denominators; nothing here averages rates.
 */

/** The kinds of area that have a profile page. */
export type ProfileLevel = Level | 'bildungsregion';

/** Levels of `/gebiet/<level>/<key>`, in the order the site lists them. */
export const PROFILE_LEVELS: readonly ProfileLevel[] = ['stadtteil', 'stadtbezirk', 'bildungsregion'];

/** `isProfileLevel('stadtteil')` -> true; `isProfileLevel('stadt')` -> false. */
export function isProfileLevel(raw: string): raw is ProfileLevel {
	return (PROFILE_LEVELS as readonly string[]).includes(raw);
}

/** A caveat on one row, shown as a short German flag: `{ kind: 'demo', text: 'Demodaten' }`. */
export interface ProfileFlag {
	kind: 'demo' | 'suppressed' | 'missing' | 'partial' | 'internal' | 'year';
	text: string;
}

/** One value of a row as shown: "12,3 %", "geheim gehalten", "keine Daten". */
export interface ProfileValue {
	status: Cell['status'];
	text: string;
	/** An aggregate computed without members whose values were withheld. */
	partial: boolean;
	/** The value itself, for exports that write the number rather than its text. */
	cell: Cell;
}

export interface ProfileRow {
	indicator: IndicatorMeta;
	/** The one year of every value in the row. */
	year: number;
	/** Set when the row could not use the profile's year: "Werte von 2023; für 2024 liegen keine vor". */
	yearNote?: string;
	area: ProfileValue;
	/** The Stadtbezirk of a Stadtteil; null for other areas. */
	parent: ProfileValue | null;
	city: ProfileValue;
	flags: ProfileFlag[];
	/** The area's values over all years of the indicator, oldest first (for its sparkline). */
	series: Array<{ year: number; cell: Cell }>;
}

export interface ProfileGroup {
	phase: { id: Bildungsphase; label: string; ages?: string };
	rows: ProfileRow[];
}

export interface AreaProfile {
	level: ProfileLevel;
	key: string;
	name: string;
	/** "Stadtteil", "Stadtbezirk", "Bildungsregion". */
	kindLabel: string;
	/** The line above the name: "Stadtteil · Stadtbezirk Bad Cannstatt". */
	kicker: string;
	/** The Stadtbezirk of a Stadtteil. */
	parent: { key: string; name: string } | null;
	cityName: string;
	/** Names of the Bildungsregionen a Stadtteil or Stadtbezirk belongs to. */
	regions: string[];
	/** The areas the profile is about at a map level: itself, or a Bildungsregion's members. */
	members: { level: Level; units: Array<{ key: string; name: string }> };
	/** Keys of the Stadtteile inside the area (for its Lernorte and its place on the map). */
	stadtteile: string[];
	/** The year the rows use where they can: the newest year of any indicator. */
	year: number;
	groups: ProfileGroup[];
	/** Distinct sources of the indicators, for the closing source list. */
	sources: string[];
}

/** Newest year of any indicator: `profileYear([{ years: [2021, 2024] }, { years: [2023] }])` -> 2024. */
export function profileYear(indicators: ReadonlyArray<Pick<IndicatorMeta, 'years'>>): number | null {
	const years = indicators.flatMap((m) => m.years);
	return years.length > 0 ? Math.max(...years) : null;
}

/**
 * The members of an area at a map level: a Stadtteil or Stadtbezirk is its own member, a
 * Bildungsregion has the areas its definition lists. Null for an unknown area.
 * `profileMembers(catalog, 'bildungsregion', 'hallschlag')` -> { level: 'stadtteil', keys: ['214'] }
 */
export function profileMembers(
	catalog: Catalog,
	level: ProfileLevel,
	key: string
): { level: Level; keys: string[] } | null {
	if (level === 'bildungsregion') {
		const region = catalog.city.bildungsregionen.find((r) => r.id === key);
		return region ? { level: region.level, keys: [...region.areas] } : null;
	}
	return catalog.units[level].some((u) => u.key === key) ? { level, keys: [key] } : null;
}

function valueOf(cell: Cell, meta: IndicatorMeta): ProfileValue {
	return {
		status: cell.status,
		text: formatValue(cell, meta),
		partial: cell.status === 'ok' && cell.partial === true,
		cell
	};
}

function flagsOf(meta: IndicatorMeta, values: ProfileValue[], yearNote: string | undefined): ProfileFlag[] {
	const flags: ProfileFlag[] = [];
	if (meta.demo) flags.push({ kind: 'demo', text: 'Demodaten' });
	if (!meta.public) flags.push({ kind: 'internal', text: 'nur intern' });
	if (yearNote) flags.push({ kind: 'year', text: yearNote });
	if (values.some((v) => v.status === 'suppressed'))
		flags.push({ kind: 'suppressed', text: 'geheim gehalten (kleine Fallzahlen)' });
	if (values.some((v) => v.status === 'missing')) flags.push({ kind: 'missing', text: 'keine Daten' });
	if (values.some((v) => v.partial)) flags.push({ kind: 'partial', text: PARTIAL_NOTE });
	return flags;
}

/**
 * The profile of an area: `level` and `key` as in the URL `/gebiet/<level>/<key>`. Null when
 * the level is not one of `PROFILE_LEVELS` or the city has no such area (a link from another
 * city, a mistyped key).
 * `areaProfile(catalog, values, 'stadtteil', '214')` -> { name: 'Hallschlag', kicker: 'Stadtteil · Stadtbezirk Bad Cannstatt', groups: [{ phase: Frühe Bildung, rows: [{ area: { text: '28,1 %' }, parent: …, city: … }] }, …] }
 */
export function areaProfile(
	catalog: Catalog,
	values: ValuesWire,
	level: string,
	key: string
): AreaProfile | null {
	if (!isProfileLevel(level)) return null;
	const unit = catalog.units[level]?.find((u) => u.key === key);
	const members = profileMembers(catalog, level, key);
	if (!unit || !members) return null;

	const levelDef = (l: Level) => catalog.city.levels.find((d) => d.id === l);
	const levelLabel = (l: Level) => levelDef(l)?.label ?? UNIT_KIND_LABELS[l];
	const kindLabel = level === 'bildungsregion' ? UNIT_KIND_LABELS.bildungsregion : levelLabel(level);
	const parentKey = level === 'stadtteil' ? unit.parent : undefined;
	const parentUnit = parentKey ? catalog.units.stadtbezirk.find((u) => u.key === parentKey) : undefined;
	const memberUnits = members.keys.map((k) => ({
		key: k,
		name: catalog.units[members.level].find((u) => u.key === k)?.name ?? k
	}));
	let kicker = kindLabel;
	if (parentUnit) kicker = `${kindLabel} · ${levelLabel('stadtbezirk')} ${parentUnit.name}`;
	if (level === 'bildungsregion') {
		const memberKind =
			memberUnits.length === 1
				? levelLabel(members.level)
				: (levelDef(members.level)?.labelPlural ?? levelLabel(members.level));
		kicker = `${kindLabel} · ${memberKind} ${memberUnits.map((m) => m.name).join(', ')}`;
	}

	const stadtteile = new Set<string>();
	for (const k of members.keys) for (const s of stadtteileOf(catalog, members.level, k)) stadtteile.add(s);

	const year = profileYear(catalog.indicators);
	const units: CompareUnit[] = [{ kind: level, key }];
	if (parentUnit) units.push({ kind: 'stadtbezirk', key: parentUnit.key });
	const comparison = compareUnits(
		catalog,
		values,
		units,
		catalog.indicators.map((m) => m.id),
		year
	);
	const rowsById = new Map(
		comparison.rows.map((r): [string, ProfileRow] => {
			const area = valueOf(r.cells[0]!.cell, r.indicator);
			const parent = parentUnit ? valueOf(r.cells[1]!.cell, r.indicator) : null;
			const city = valueOf(r.city, r.indicator);
			const row: ProfileRow = {
				indicator: r.indicator,
				year: r.year,
				area,
				parent,
				city,
				flags: flagsOf(r.indicator, parent ? [area, parent, city] : [area, city], r.yearNote),
				series: unitSeries(values, r.indicator, level, key)
			};
			if (r.yearNote) row.yearNote = r.yearNote;
			return [r.indicator.id, row];
		})
	);
	const groups = groupIndicators(catalog.indicators, catalog.phases)
		.map((g) => ({
			phase: g.phase,
			rows: g.indicators.flatMap((m) => rowsById.get(m.id) ?? [])
		}))
		.filter((g) => g.rows.length > 0);

	return {
		level,
		key,
		name: unit.name,
		kindLabel,
		kicker,
		parent: parentUnit ? { key: parentUnit.key, name: parentUnit.name } : null,
		cityName: catalog.city.name,
		regions: level === 'bildungsregion' ? [] : bildungsregionenOf(catalog, level, key),
		members: { level: members.level, units: memberUnits },
		stadtteile: [...stadtteile],
		year: year ?? 0,
		groups,
		sources: [...new Set(groups.flatMap((g) => g.rows.map((r) => r.indicator.source)))].sort((a, b) =>
			a.localeCompare(b, 'de')
		)
	};
}

/** One Lernort as the list shows it. */
export interface ProfileSite {
	id: string;
	name: string;
	address: string;
	/** Key of the Stadtteil it lies in. */
	stadtteil: string;
}

export interface ProfileLernorte {
	total: number;
	/** Every category, in the order formal, non-formal, informal; empty ones with count 0. */
	categories: Array<{
		category: LernortCategory;
		/** "formal", "non-formal", "informell". */
		label: string;
		/** "Formale Lernorte", "Non-formale Lernorte", "Informelle Lernorte". */
		title: string;
		count: number;
		/** Types with Lernorte in the area, most first, then by name. */
		types: Array<{ type: string; label: string; count: number; sites: ProfileSite[] }>;
	}>;
	/** Distinct sources of the Lernorte in the area. */
	sources: string[];
	/** The Lernorte in the area, as given (for the map). */
	lernorte: Lernort[];
}

/**
 * The Lernorte inside the given Stadtteile (`Lernort.stadtteil`), by category and type, each
 * type listing its sites by name. Does not change `lernorte`.
 * `profileLernorte(catalog, lernorte, ['101'])` -> { total: 3, categories: [{ category: 'formal', count: 2, types: [{ label: 'Kitas', count: 2, sites: [{ name: 'Kita A', address: '…' }, …] }] }, …] }
 */
export function profileLernorte(
	catalog: Catalog,
	lernorte: readonly Lernort[],
	stadtteile: Iterable<string>
): ProfileLernorte {
	const keys = new Set(stadtteile);
	const inArea = lernorte.filter((l) => keys.has(l.stadtteil));
	const typeDefs = new Map(catalog.lernortTypes.map((t) => [t.id, t]));
	const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'de');
	const categories = (Object.keys(LERNORT_CATEGORY_LABELS) as LernortCategory[]).map((category) => {
		const sites = inArea.filter((l) => l.category === category);
		const typeIds = [...new Set(sites.map((l) => l.type))];
		const types = typeIds
			.map((type) => {
				const ofType = sites.filter((l) => l.type === type);
				return {
					type,
					label: typeDefs.get(type)?.labelPlural ?? type,
					count: ofType.length,
					sites: ofType
						.map((l) => ({ id: l.id, name: l.name, address: l.address, stadtteil: l.stadtteil }))
						.sort(byName)
				};
			})
			.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'de'));
		const label = LERNORT_CATEGORY_LABELS[category];
		const title = `${label.charAt(0).toUpperCase()}${label.slice(1)}e Lernorte`;
		return { category, label, title, count: sites.length, types };
	});
	return {
		total: inArea.length,
		categories,
		sources: [...new Set(inArea.map((l) => l.source))].sort((a, b) => a.localeCompare(b, 'de')),
		lernorte: inArea
	};
}

/** A "Stand" date in German; see `formatStand` in format.ts (re-exported for the profile). */
export { formatStand } from './format';

/**
 * The pages `/gebiet/<level>/<key>` a city has: every Stadtteil, Stadtbezirk and
 * Bildungsregion of its catalog, for prerendering.
 * `profileEntries(catalog)` -> [{ level: 'stadtteil', key: '101' }, …, { level: 'bildungsregion', key: 'hallschlag' }]
 */
export function profileEntries(catalog: Pick<Catalog, 'units'>): Array<{ level: ProfileLevel; key: string }> {
	return PROFILE_LEVELS.flatMap((level) => (catalog.units[level] ?? []).map((u) => ({ level, key: u.key })));
}

/**
 * Why a profile link does not fit the city, in German, or null when it does.
 * `profileProblem(catalog, 'stadtteil', '999')` -> 'In Stuttgart gibt es keinen Stadtteil mit der Kennung „999“.'
 */
export function profileProblem(catalog: Catalog, level: string, key: string): string | null {
	const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
	if (!isProfileLevel(level)) {
		const levelShown = level.length > 40 ? `${level.slice(0, 40)}…` : level;
		return `„${levelShown}“ ist keine Gebietsebene. Profile gibt es für Stadtteile, Stadtbezirke und Bildungsregionen.`;
	}
	if (profileMembers(catalog, level, key) && catalog.units[level]?.some((u) => u.key === key)) return null;
	const kind =
		level === 'bildungsregion'
			? 'keine Bildungsregion'
			: `keinen ${catalog.city.levels.find((d) => d.id === level)?.label ?? UNIT_KIND_LABELS[level]}`;
	return `In ${catalog.city.name} gibt es ${kind} mit der Kennung „${shown}“.`;
}
