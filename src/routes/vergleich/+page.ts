import { base } from '$app/paths';
import { DEFAULT_CITY } from '$lib/config';
import { cityDataOrError } from '$lib/data/cityPage';
import { parseCityParam } from '$lib/state/city';
import type { PageLoad } from './$types';

// Like the dashboard, reads only `stadt`: changing the comparison never refetches the data.
export const load: PageLoad = async ({ fetch, url }) => {
	const raw = url.searchParams.get('stadt');
	const { city, problem: cityProblem } = parseCityParam(raw, DEFAULT_CITY);
	const stadtParam = raw && !cityProblem ? city : null;
	return { city: await cityDataOrError(fetch, base, city, DEFAULT_CITY), cityProblem, stadtParam };
};
