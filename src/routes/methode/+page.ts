import { error } from '@sveltejs/kit';
import { base } from '$app/paths';
import { DEFAULT_CITY } from '$lib/config';
import { DataError, loadCityData, loadCityIndex } from '$lib/data/load';
import { parseCityParam } from '$lib/state/city';
import type { PageLoad } from './$types';

// Like the dashboard, reads only `stadt`: the method depends on the city's settings alone.
export const load: PageLoad = async ({ fetch, url }) => {
	const raw = url.searchParams.get('stadt');
	const { city, problem: cityProblem } = parseCityParam(raw, DEFAULT_CITY);
	// Links back to the map keep a valid `stadt`; a broken one would only repeat the notice there.
	const stadtParam = raw && !cityProblem ? city : null;
	try {
		const { catalog } = await loadCityData(fetch, base, city);
		return { catalog, cityProblem, stadtParam };
	} catch (err) {
		if (!(err instanceof DataError)) throw err;
		if (city !== DEFAULT_CITY && err.status === 404) {
			const cities = await loadCityIndex(fetch, base);
			error(404, {
				message: `Für die Stadt „${city}“ liegen keine Daten vor.`,
				hint:
					cities.length > 0
						? `Vorhandene Städte: ${cities.map((c) => `${c.name} (?stadt=${c.id})`).join(', ')}.`
						: 'Den Link prüfen oder die Seite ohne den Parameter stadt öffnen.'
			});
		}
		error(503, { message: err.message, hint: err.hint });
	}
};
