import type { CompareUnit } from '../domain/compare';
import { quoteInput as quote } from '../domain/quoteText';
import { RANKING_COLUMNS, type RankingColumn, type SortDirection } from '../domain/ranking';
import type { Level, UnitKind } from '../domain/types';
import { paramReader } from './url';

/**
 * The link of a comparison (`/vergleich`):
 *
 * | field      | parameter    | form                                                        |
 * | ---------- | ------------ | ----------------------------------------------------------- |
 * | units      | `gebiete`    | `stadtteil:214,bildungsregion:hallschlag,stadt` (in order)   |
 * | indicators | `indikatoren`| `betreuungsquote_u3,kinder_sgb2` (in order)                  |
 * | year       | `jahr`       | `2024`; absent: each indicator's newest year                 |
 * | level      | `ebene`      | `stadtteil` \| `stadtbezirk`: ranking, scatter plot and map |
 * | rankIndicator | `rangliste` | indicator id; absent: the first compared indicator        |
 * | sort       | `sortierung` | `rang` \| `name` \| `wert` \| `zaehler` \| `nenner`          |
 * | sort dir   | `richtung`   | `auf` \| `ab` (absent: `auf`)                                |
 * | search     | `suche`      | words that must occur in the area's name                     |
 * | within     | `in`         | `stadtbezirk:<Schlüssel>` \| `bildungsregion:<Kennung>`      |
 * | scatter    | `x`, `y`     | indicator ids of the two axes                                |
 *
 * Unusable entries are left out with a German problem each; the rest of the link still counts.
 */

/** At most this many units side by side. */
export const MAX_COMPARE_UNITS = 6;
/** At most this many indicators in one comparison. */
export const MAX_COMPARE_INDICATORS = 12;

const KINDS: readonly UnitKind[] = ['stadtteil', 'stadtbezirk', 'bildungsregion', 'stadt'];

export interface CompareUrlContext {
	/** Unit keys by kind. */
	units: Readonly<Record<UnitKind, ReadonlySet<string>>>;
	/** Indicator ids that may be compared (on a public page: the public ones). */
	indicators: readonly string[];
	/** Years any indicator has. */
	years: readonly number[];
	/** Levels the ranking and the map can show. */
	levels: readonly Level[];
}

export interface CompareState {
	units: CompareUnit[];
	indicators: string[];
	year: number | null;
	/** Level of the ranking, the scatter plot and the map. */
	level: Level;
	/** Indicator of the ranking and the map; null: the first compared indicator. */
	rankIndicator: string | null;
	sort: { column: RankingColumn; dir: SortDirection };
	search: string;
	within: { kind: 'stadtbezirk' | 'bildungsregion'; key: string } | null;
	/** Indicators of the scatter plot's axes; null: chosen by the page. */
	x: string | null;
	y: string | null;
}

/** The comparison of an empty link. */
export const EMPTY_COMPARE: Readonly<CompareState> = {
	units: [],
	indicators: [],
	year: null,
	level: 'stadtteil',
	rankIndicator: null,
	sort: { column: 'rang', dir: 'auf' },
	search: '',
	within: null,
	x: null,
	y: null
};

/** Longest search text kept from a link. */
const MAX_SEARCH = 80;

/**
 * Reads a comparison from the link.
 * `parseCompare(new URLSearchParams('gebiete=stadtteil:214,stadt&indikatoren=a&jahr=2024'), ctx)`
 * -> { state: { units: [{ kind: 'stadtteil', key: '214' }, { kind: 'stadt', key: '08111000' }], indicators: ['a'], year: 2024 }, problems: [] }
 */
export function parseCompare(
	params: URLSearchParams,
	ctx: CompareUrlContext
): { state: CompareState; problems: string[] } {
	const problems: string[] = [];
	const read = paramReader(params, problems);

	const units: CompareUnit[] = [];
	const rawUnits = read('gebiete');
	if (rawUnits !== null) {
		const bad: string[] = [];
		let dropped = 0;
		for (const token of rawUnits.split(',')) {
			const entry = token.trim();
			if (entry === '') continue;
			const [rawKind = '', ...rest] = entry.split(':');
			const kind = KINDS.find((k) => k === rawKind.trim().toLowerCase());
			const keys = kind ? ctx.units[kind] : undefined;
			// The city needs no key: it is the one unit of its kind.
			const key = kind === 'stadt' && rest.length === 0 ? [...(keys ?? [])][0] : rest.join(':').trim();
			if (!kind || !keys || key === undefined || !keys.has(key)) {
				bad.push(quote(entry));
				continue;
			}
			if (units.some((u) => u.kind === kind && u.key === key)) continue;
			if (units.length === MAX_COMPARE_UNITS) {
				dropped++;
				continue;
			}
			units.push({ kind, key });
		}
		if (bad.length > 0)
			problems.push(
				`Parameter 'gebiete': ${bad.slice(0, 3).join(', ')}${bad.length > 3 ? ' …' : ''} ${bad.length === 1 ? 'ist kein Gebiet' : 'sind keine Gebiete'} dieser Stadt (Form: stadtteil:<Schlüssel>, stadtbezirk:<Schlüssel>, bildungsregion:<Kennung> oder stadt).`
			);
		if (dropped > 0)
			problems.push(
				`Parameter 'gebiete': höchstens ${MAX_COMPARE_UNITS} Gebiete nebeneinander; ${dropped} weitere werden nicht gezeigt.`
			);
	}

	const byLowerCase = new Map(ctx.indicators.map((id) => [id.toLowerCase(), id]));
	const indicators: string[] = [];
	const rawIndicators = read('indikatoren');
	if (rawIndicators !== null) {
		const unknown: string[] = [];
		for (const token of rawIndicators.split(',')) {
			const t = token.trim();
			if (t === '') continue;
			const id = byLowerCase.get(t.toLowerCase());
			if (!id) unknown.push(quote(t));
			else if (!indicators.includes(id) && indicators.length < MAX_COMPARE_INDICATORS) indicators.push(id);
		}
		if (unknown.length > 0)
			problems.push(
				`Parameter 'indikatoren': ${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ' …' : ''} ${unknown.length === 1 ? 'ist kein Indikator' : 'sind keine Indikatoren'} dieser Seite und ${unknown.length === 1 ? 'wird' : 'werden'} ignoriert.`
			);
	}

	let year: number | null = null;
	const rawYear = read('jahr');
	if (rawYear !== null) {
		const y = /^\d{4}$/.test(rawYear.trim()) ? Number(rawYear.trim()) : null;
		if (y !== null && ctx.years.includes(y)) year = y;
		else
			problems.push(
				`Parameter 'jahr': ${quote(rawYear)} ist kein Jahr mit Werten; gezeigt wird je Indikator das neueste Jahr.`
			);
	}

	const oneIndicator = (name: string): string | null => {
		const raw = read(name);
		if (raw === null) return null;
		const id = byLowerCase.get(raw.trim().toLowerCase());
		if (!id)
			problems.push(`Parameter '${name}': ${quote(raw)} ist kein Indikator dieser Seite und wird ignoriert.`);
		return id ?? null;
	};

	let level = EMPTY_COMPARE.level;
	const rawLevel = read('ebene');
	if (rawLevel !== null) {
		const l = ctx.levels.find((x) => x === rawLevel.trim().toLowerCase());
		if (l) level = l;
		else
			problems.push(
				`Parameter 'ebene': ${quote(rawLevel)} gibt es nicht (möglich: ${ctx.levels.join(', ')}); gezeigt wird ${ctx.levels.includes(level) ? level : ctx.levels[0]}.`
			);
	}
	if (!ctx.levels.includes(level) && ctx.levels[0]) level = ctx.levels[0];

	const rankIndicator = oneIndicator('rangliste');

	let column: RankingColumn = EMPTY_COMPARE.sort.column;
	const rawSort = read('sortierung');
	if (rawSort !== null) {
		const c = RANKING_COLUMNS.find((x) => x === rawSort.trim().toLowerCase());
		if (c) column = c;
		else
			problems.push(
				`Parameter 'sortierung': ${quote(rawSort)} ist keine Spalte (möglich: ${RANKING_COLUMNS.join(', ')}); sortiert wird nach Rang.`
			);
	}
	let dir: SortDirection = EMPTY_COMPARE.sort.dir;
	const rawDir = read('richtung');
	if (rawDir !== null) {
		const d = rawDir.trim().toLowerCase();
		if (d === 'auf' || d === 'ab') dir = d;
		else
			problems.push(
				`Parameter 'richtung': ${quote(rawDir)} ist weder „auf“ noch „ab“; sortiert wird aufsteigend.`
			);
	}

	let search = '';
	const rawSearch = read('suche');
	if (rawSearch !== null) {
		// Control characters never reach the search field; the rest is plain text for `fold`.
		search = rawSearch.replace(/\p{Cc}/gu, ' ').trim();
		if (search.length > MAX_SEARCH) {
			problems.push(`Parameter 'suche': höchstens ${MAX_SEARCH} Zeichen; der Rest wird ignoriert.`);
			search = search.slice(0, MAX_SEARCH);
		}
	}

	let within: CompareState['within'] = null;
	const rawWithin = read('in');
	if (rawWithin !== null) {
		const [rawKind = '', ...rest] = rawWithin.split(':');
		const kind = rawKind.trim().toLowerCase();
		const key = rest.join(':').trim();
		if ((kind === 'stadtbezirk' || kind === 'bildungsregion') && ctx.units[kind].has(key))
			within = { kind, key };
		else
			problems.push(
				`Parameter 'in': ${quote(rawWithin)} ist kein Stadtbezirk und keine Bildungsregion dieser Stadt (Form: stadtbezirk:<Schlüssel> oder bildungsregion:<Kennung>); gezeigt werden alle Gebiete.`
			);
	}

	const x = oneIndicator('x');
	const y = oneIndicator('y');
	return {
		state: { units, indicators, year, level, rankIndicator, sort: { column, dir }, search, within, x, y },
		problems
	};
}

/** The parameters this module reads and writes; others (such as `stadt`) are left alone. */
export const COMPARE_PARAMS = [
	'gebiete',
	'indikatoren',
	'jahr',
	'ebene',
	'rangliste',
	'sortierung',
	'richtung',
	'suche',
	'in',
	'x',
	'y'
] as const;

/**
 * The parameters of a comparison, in the order of its units and indicators; defaults are left out.
 * `serializeCompare({ ...EMPTY_COMPARE, units: [{ kind: 'stadt', key: '08111000' }], indicators: ['a'] })`
 * -> URLSearchParams 'gebiete=stadt&indikatoren=a'
 */
export function serializeCompare(state: CompareState): URLSearchParams {
	const p = new URLSearchParams();
	if (state.units.length > 0)
		p.set('gebiete', state.units.map((u) => (u.kind === 'stadt' ? 'stadt' : `${u.kind}:${u.key}`)).join(','));
	if (state.indicators.length > 0) p.set('indikatoren', state.indicators.join(','));
	if (state.year !== null) p.set('jahr', String(state.year));
	if (state.level !== EMPTY_COMPARE.level) p.set('ebene', state.level);
	if (state.rankIndicator !== null) p.set('rangliste', state.rankIndicator);
	if (state.sort.column !== EMPTY_COMPARE.sort.column) p.set('sortierung', state.sort.column);
	if (state.sort.dir !== EMPTY_COMPARE.sort.dir) p.set('richtung', state.sort.dir);
	if (state.search.trim() !== '') p.set('suche', state.search.trim());
	if (state.within) p.set('in', `${state.within.kind}:${state.within.key}`);
	if (state.x !== null) p.set('x', state.x);
	if (state.y !== null) p.set('y', state.y);
	return p;
}

/**
 * `current` with the comparison's parameters replaced by those of `state`; other parameters
 * (the city) stay first, in their order.
 * `patchCompare(new URLSearchParams('stadt=nuernberg&jahr=2023'), { ...EMPTY_COMPARE })` -> 'stadt=nuernberg'
 */
export function patchCompare(current: URLSearchParams, state: CompareState): URLSearchParams {
	const out = new URLSearchParams();
	const own = new Set<string>(COMPARE_PARAMS);
	for (const [k, v] of current) if (!own.has(k)) out.append(k, v);
	for (const [k, v] of serializeCompare(state)) out.append(k, v);
	return out;
}

const sameUnits = (a: readonly CompareUnit[], b: readonly CompareUnit[]) =>
	a.length === b.length && a.every((u, i) => u.kind === b[i]!.kind && u.key === b[i]!.key);

/**
 * The next comparison state, reusing the previous state's arrays and objects where their
 * content is unchanged, and the previous state itself when nothing changed: typing in the
 * search field then does not look like a new set of units to the page.
 * `shareCompare(prev, { ...prev, units: [...prev.units] }) === prev` -> true
 */
export function shareCompare(prev: CompareState | null, next: CompareState): CompareState {
	if (!prev) return next;
	const shared: CompareState = {
		...next,
		units: sameUnits(prev.units, next.units) ? prev.units : next.units,
		indicators:
			prev.indicators.length === next.indicators.length &&
			prev.indicators.every((id, i) => id === next.indicators[i])
				? prev.indicators
				: next.indicators,
		sort: prev.sort.column === next.sort.column && prev.sort.dir === next.sort.dir ? prev.sort : next.sort,
		within:
			prev.within &&
			next.within &&
			prev.within.kind === next.within.kind &&
			prev.within.key === next.within.key
				? prev.within
				: next.within
	};
	const keys = Object.keys(shared) as Array<keyof CompareState>;
	return keys.every((k) => shared[k] === prev[k]) ? prev : shared;
}
