import { base } from '$app/paths';
import { DEFAULT_CITY } from '$lib/config';
import { cityDataOrError } from '$lib/data/cityPage';
import { parseCityParam } from '$lib/state/city';
import type { PageLoad } from './$types';

// Like the dashboard, reads only `stadt`: the method depends on the city's settings alone.
export const load: PageLoad = async ({ fetch, url }) => {
	const raw = url.searchParams.get('stadt');
	const { city, problem: cityProblem } = parseCityParam(raw, DEFAULT_CITY);
	// Links back to the map keep a valid `stadt`; a broken one would only repeat the notice there.
	const stadtParam = raw && !cityProblem ? city : null;
	const { catalog } = await cityDataOrError(fetch, base, city, DEFAULT_CITY);
	return { catalog, cityProblem, stadtParam };
};
