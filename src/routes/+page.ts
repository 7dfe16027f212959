import { error } from '@sveltejs/kit';
import { base } from '$app/paths';
import { DEFAULT_CITY } from '$lib/config';
import { DataError, loadCityData, loadCityIndex, loadLernorte } from '$lib/data/load';
import { parseCityParam } from '$lib/state/city';
import type { PageLoad } from './$types';

// Reads only `stadt` (SvelteKit reruns the load when that parameter changes): view changes
// must not refetch the data.
export const load: PageLoad = async ({ fetch, url }) => {
	const { city, problem: cityProblem } = parseCityParam(url.searchParams.get('stadt'), DEFAULT_CITY);
	// Not awaited: the page and its map render while the Lernorte load (the promise never rejects).
	const lernorte = loadLernorte(fetch, base, city);
	try {
		return { city: await loadCityData(fetch, base, city), lernorte, cityProblem };
	} catch (err) {
		if (!(err instanceof DataError)) throw err;
		if (city !== DEFAULT_CITY && err.status === 404) {
			const cities = await loadCityIndex(fetch, base);
			error(404, {
				message: `Für die Stadt „${city}“ liegen keine Daten vor.`,
				hint:
					cities.length > 0
						? `Vorhandene Städte: ${cities.map((c) => `${c.name} (?stadt=${c.id})`).join(', ')}.`
						: 'Den Link prüfen oder die Startseite ohne den Parameter stadt öffnen.'
			});
		}
		error(503, { message: err.message, hint: err.hint });
	}
};
