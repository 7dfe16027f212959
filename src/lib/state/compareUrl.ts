import type { CompareUnit } from '../domain/compare';
import { quoteInput as quote } from '../domain/quoteText';
import type { UnitKind } from '../domain/types';
import { paramReader } from './url';

/**
 * The link of a comparison (`/vergleich`):
 *
 * | field      | parameter    | form                                                        |
 * | ---------- | ------------ | ----------------------------------------------------------- |
 * | units      | `gebiete`    | `stadtteil:214,bildungsregion:hallschlag,stadt` (in order)   |
 * | indicators | `indikatoren`| `betreuungsquote_u3,kinder_sgb2` (in order)                  |
 * | year       | `jahr`       | `2024`; absent: each indicator's newest year                 |
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
}

export interface CompareState {
	units: CompareUnit[];
	indicators: string[];
	year: number | null;
}

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

	const indicators: string[] = [];
	const rawIndicators = read('indikatoren');
	if (rawIndicators !== null) {
		const byLowerCase = new Map(ctx.indicators.map((id) => [id.toLowerCase(), id]));
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
	return { state: { units, indicators, year }, problems };
}

/**
 * The parameters of a comparison, in the order of its units and indicators.
 * `serializeCompare({ units: [{ kind: 'stadt', key: '08111000' }], indicators: ['a'], year: null })`
 * -> URLSearchParams 'gebiete=stadt&indikatoren=a'
 */
export function serializeCompare(state: CompareState): URLSearchParams {
	const p = new URLSearchParams();
	if (state.units.length > 0)
		p.set('gebiete', state.units.map((u) => (u.kind === 'stadt' ? 'stadt' : `${u.kind}:${u.key}`)).join(','));
	if (state.indicators.length > 0) p.set('indikatoren', state.indicators.join(','));
	if (state.year !== null) p.set('jahr', String(state.year));
	return p;
}
