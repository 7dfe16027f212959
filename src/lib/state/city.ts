import { isCityId } from '../domain/cityId';

/**
 * Which city the dashboard shows: `?stadt=<id>` in the URL, else the configured default.
 * City ids are folder names under static/data/ (see domain/cityId.ts).
 */

/**
 * `parseCityParam('herne', 'stuttgart')` -> { city: 'herne', problem: null };
 * `parseCityParam('../x', 'stuttgart')` -> { city: 'stuttgart', problem: "Parameter 'stadt': …" }.
 */
export function parseCityParam(
	raw: string | null,
	fallback: string
): { city: string; problem: string | null } {
	if (raw === null || raw === '') return { city: fallback, problem: null };
	if (isCityId(raw)) return { city: raw, problem: null };
	const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
	return {
		city: fallback,
		problem: `Parameter 'stadt': „${shown}“ ist keine gültige Kennung einer Stadt; gezeigt wird die voreingestellte Stadt.`
	};
}
