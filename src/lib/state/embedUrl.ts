import { defaultIndicatorId } from '../domain/defaultIndicator';
import type { Level, PublicCatalog } from '../domain/types';

/**
 * The URL of the public embed, read-only and forgiving: a host page pastes a link once and
 * must never show an error to its readers. Every parameter that cannot be used falls back to
 * its default and is named in `ignored` (for a console line, never for the page).
 *
 * | parameter   | value                                      | default                         |
 * |-------------|--------------------------------------------|---------------------------------|
 * | `stadt`     | city id (read by the page load)            | the site's default city         |
 * | `indikator` | id of a public indicator                   | first public ratio              |
 * | `jahr`      | a year of that indicator                   | its newest year                 |
 * | `ebene`     | `stadtteil` \| `stadtbezirk`               | `stadtteil`                     |
 * | `gebiet`    | key of a Stadtteil or Stadtbezirk          | none                            |
 * | `region`    | id of a Bildungsregion (when no `gebiet`)  | none                            |
 */

/** The area the embed zooms to and outlines. */
export interface EmbedFocus {
	kind: 'stadtteil' | 'stadtbezirk' | 'bildungsregion';
	key: string;
}

export interface EmbedState {
	indicator: string;
	year: number;
	level: Level;
	focus: EmbedFocus | null;
}

/** Longer values are no id of anything here; they are ignored unread. */
const MAX_VALUE_LENGTH = 80;

/** The parameters the embed reads; others are left alone (a host may add its own). */
export const EMBED_PARAMS = ['stadt', 'indikator', 'jahr', 'ebene', 'gebiet', 'region'] as const;

/**
 * Reads the embed's state from URL parameters against the public catalog. Never throws on any
 * parameter value; a repeated parameter counts with its first value.
 *
 * `parseEmbedUrl(new URLSearchParams('indikator=<script>&jahr=2023'), catalog)` ->
 * `{ state: { indicator: 'betreuungsquote_u3', year: 2023, level: 'stadtteil', focus: null }, ignored: ['indikator'] }`
 *
 * A catalog without indicators or an indicator without years is a bug in the data build (RangeError).
 */
export function parseEmbedUrl(
	params: URLSearchParams,
	catalog: PublicCatalog
): { state: EmbedState; ignored: string[] } {
	const ignored: string[] = [];
	const read = (name: (typeof EMBED_PARAMS)[number]): string | null => {
		const value = params.get(name);
		if (value === null || value === '') return null;
		if (value.length > MAX_VALUE_LENGTH) {
			ignored.push(name);
			return null;
		}
		return value;
	};

	const requested = read('indikator');
	let meta = catalog.indicators.find((i) => i.id === requested && i.public === true);
	if (requested !== null && !meta) ignored.push('indikator');
	meta ??= catalog.indicators.find((i) => i.id === defaultIndicatorId(catalog.indicators));
	if (!meta) throw new RangeError('parseEmbedUrl: the catalog has no indicators');
	const newest = meta.years[meta.years.length - 1];
	if (newest === undefined) throw new RangeError(`parseEmbedUrl: ${meta.id} has no years`);

	const rawYear = read('jahr');
	let year = newest;
	if (rawYear !== null) {
		const y = /^\d{4}$/.test(rawYear) ? Number(rawYear) : NaN;
		if (meta.years.includes(y)) year = y;
		else ignored.push('jahr');
	}

	const levels = catalog.city.levels.map((l) => l.id);
	const rawLevel = read('ebene');
	let level: Level = levels.includes('stadtteil') ? 'stadtteil' : levels[0]!;
	if (rawLevel !== null) {
		if ((levels as string[]).includes(rawLevel)) level = rawLevel as Level;
		else ignored.push('ebene');
	}

	let focus: EmbedFocus | null = null;
	const rawArea = read('gebiet');
	if (rawArea !== null) {
		// A key of the level shown first, else of the other level (a Bezirk over its Stadtteile).
		const other: Level = level === 'stadtteil' ? 'stadtbezirk' : 'stadtteil';
		const kind = [level, other].find((k) => catalog.units[k].some((u) => u.key === rawArea));
		if (kind) focus = { kind, key: rawArea };
		else ignored.push('gebiet');
	}
	const rawRegion = read('region');
	if (rawRegion !== null) {
		if (focus) ignored.push('region');
		else if (catalog.city.bildungsregionen.some((r) => r.id === rawRegion))
			focus = { kind: 'bildungsregion', key: rawRegion };
		else ignored.push('region');
	}

	return { state: { indicator: meta.id, year, level, focus }, ignored };
}
