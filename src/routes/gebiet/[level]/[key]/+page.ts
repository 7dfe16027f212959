import { base } from '$app/paths';
import { DEFAULT_CITY } from '$lib/config';
import { cityDataOrError } from '$lib/data/cityPage';
import { loadLernorte, loadSettlement } from '$lib/data/load';
import { parseCityParam } from '$lib/state/city';
import type { PageLoad } from './$types';

// The profile of one area of the city in `?stadt=`, from the dashboard's files. Whether the
// area exists in that city is for the page to say (a link from another city may not fit).
export const load: PageLoad = async ({ fetch, url, params }) => {
	const raw = url.searchParams.get('stadt');
	const { city, problem: cityProblem } = parseCityParam(raw, DEFAULT_CITY);
	// Links back to the map keep a valid `stadt`.
	const stadtParam = raw && !cityProblem ? city : null;
	// Not awaited: the profile shows its values while the Lernorte load (never rejects).
	const lernorte = loadLernorte(fetch, base, city);
	const settlement = () => loadSettlement(fetch, base, city);
	return {
		city: await cityDataOrError(fetch, base, city, DEFAULT_CITY),
		lernorte,
		settlement,
		cityProblem,
		stadtParam,
		level: params.level,
		key: params.key
	};
};
