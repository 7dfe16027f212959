import { quoteInput as quote } from '../domain/quoteText';
import { paramReader, VIEW_PARAMS, type ViewState } from './url';
import type { Level } from '../domain/types';

/**
 * The Werkstatt's URL: `schritt` is the 1-based agenda step on screen (`/werkstatt?schritt=3`).
 * Written only when the agenda has steps; other parameters (the city) are kept.
 */

const VIEW_PARAM_SET: ReadonlySet<string> = new Set(VIEW_PARAMS);

/**
 * Reads `schritt` for an agenda of `count` steps. Never throws: a missing value is step 1, a
 * hostile one (not a whole number, out of range, repeated, too long) falls back to step 1 (or
 * the last step when the number is too large) with a German sentence in `problems`. An empty
 * agenda has step 0 and ignores the parameter.
 *
 * `parseSchritt(new URLSearchParams('schritt=9'), 3)` ->
 * `{ step: 3, problems: ["Parameter 'schritt': ‚9‘ gibt es nicht (1 bis 3); gezeigt wird Schritt 3."] }`
 */
export function parseSchritt(params: URLSearchParams, count: number): { step: number; problems: string[] } {
	const problems: string[] = [];
	if (count <= 0) return { step: 0, problems };
	const raw = paramReader(params, problems)('schritt');
	if (raw === null) return { step: 1, problems };
	const text = raw.trim();
	const n = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
	if (Number.isInteger(n) && n >= 1 && n <= count) return { step: n, problems };
	const fallback = Number.isInteger(n) && n > count ? count : 1;
	problems.push(
		`Parameter 'schritt': ${quote(raw)} gibt es nicht (1 bis ${count}); gezeigt wird Schritt ${fallback}.`
	);
	return { step: fallback, problems };
}

/**
 * Writes the step into `current`, returning new parameters: `schritt` first, the others kept
 * in order; step 0 (no agenda) removes it.
 * `withSchritt(new URLSearchParams('stadt=x'), 2).toString()` -> "schritt=2&stadt=x"
 */
export function withSchritt(current: URLSearchParams, step: number): URLSearchParams {
	const out = new URLSearchParams();
	if (step > 0) out.set('schritt', String(Math.trunc(step)));
	for (const [key, value] of current) if (key !== 'schritt') out.append(key, value);
	return out;
}

/**
 * The view parameters of a pasted dashboard link (a full URL, a path with query, or the query
 * alone), in their order of appearance; everything else (the city, the step) is dropped.
 * Returns null for text that has no view parameter and is no dashboard link at all.
 *
 * `dashboardQuery('https://example.org/?indikator=x&jahr=2023&stadt=y')` -> "indikator=x&jahr=2023"
 * `dashboardQuery('https://example.org/')` -> "" (the default view)
 */
export function dashboardQuery(link: string): string | null {
	const text = link.trim();
	if (text === '' || text.length > 4000) return null;
	let params: URLSearchParams;
	let isLink = false;
	try {
		const url = new URL(text, 'http://localhost/');
		isLink = /^(https?:\/\/|\/|\?)/.test(text);
		params = url.searchParams;
	} catch {
		return null;
	}
	if (!isLink && !text.includes('=')) return null;
	if (!isLink) params = new URLSearchParams(text);
	const out = new URLSearchParams();
	for (const [key, value] of params) if (VIEW_PARAM_SET.has(key)) out.append(key, value);
	if (!isLink && [...out.keys()].length === 0) return null;
	return out.toString();
}

/** What `viewTitle` needs to name a view. */
export interface TitleContext {
	indicators: ReadonlyArray<{ id: string; title: string }>;
	levels: ReadonlyArray<{ id: Level; labelPlural: string }>;
	phases: ReadonlyArray<{ id: string; label: string }>;
}

/**
 * A title for an agenda step from its view: indicator and year(s), or the Förderlücken of a phase.
 * `viewTitle({ …, indicator: 'quote', year: 2023, since: 2021 }, ctx)` -> 'Betreuungsquote 2021–2023'
 * `viewTitle({ …, mode: 'gaps', phase: 'primar', level: 'stadtbezirk' }, ctx)` -> 'Förderlücken Primarbereich, Stadtbezirke'
 */
export function viewTitle(
	state: Pick<ViewState, 'mode' | 'phase' | 'level' | 'indicator' | 'year' | 'since'>,
	ctx: TitleContext
): string {
	if (state.mode === 'gaps') {
		const phase = ctx.phases.find((p) => p.id === state.phase)?.label ?? state.phase;
		const level = ctx.levels.find((l) => l.id === state.level)?.labelPlural ?? state.level;
		return `Förderlücken ${phase}, ${level}`;
	}
	const title = ctx.indicators.find((i) => i.id === state.indicator)?.title ?? state.indicator;
	return `${title} ${state.since !== null ? `${state.since}–` : ''}${state.year}`;
}
