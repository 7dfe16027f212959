import { error } from '@sveltejs/kit';
import { DataError, loadCityData, loadCityIndex, type CityData } from './load';

type Fetch = typeof fetch;

/**
 * The data of a city for a page load, or SvelteKit's error page: 404 that lists the cities
 * there are when a city other than the default has no data, 503 with the loader's message
 * and hint otherwise. `await cityDataOrError(fetch, base, 'herne', 'stuttgart')`.
 */
export async function cityDataOrError(
	fetchFn: Fetch,
	base: string,
	city: string,
	defaultCity: string
): Promise<CityData> {
	try {
		return await loadCityData(fetchFn, base, city);
	} catch (err) {
		if (!(err instanceof DataError)) throw err;
		if (city !== defaultCity && err.status === 404) {
			const cities = await loadCityIndex(fetchFn, base);
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
}
