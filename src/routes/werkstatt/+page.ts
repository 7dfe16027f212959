import { base } from '$app/paths';
import { DEFAULT_CITY } from '$lib/config';
import { cityDataOrError } from '$lib/data/cityPage';
import { loadLernorte, loadSettlement } from '$lib/data/load';
import { parseCityParam } from '$lib/state/city';
import type { PageLoad } from './$types';

// Like the dashboard, reads only `stadt`: stepping through the agenda never refetches the data.
export const load: PageLoad = async ({ fetch, url }) => {
	const { city, problem: cityProblem } = parseCityParam(url.searchParams.get('stadt'), DEFAULT_CITY);
	// Not awaited: the map renders while the Lernorte load (the promise never rejects).
	const lernorte = loadLernorte(fetch, base, city);
	// Fetched only when a Förderlücken step needs it, for a city with a settlement layer.
	const settlement = () => loadSettlement(fetch, base, city);
	return { city: await cityDataOrError(fetch, base, city, DEFAULT_CITY), lernorte, settlement, cityProblem };
};
