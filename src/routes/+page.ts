import { error } from '@sveltejs/kit';
import { base } from '$app/paths';
import { DEFAULT_CITY } from '$lib/config';
import { DataError, loadCityData } from '$lib/data/load';
import type { PageLoad } from './$types';

// Deliberately reads no URL parameter: view changes must not refetch the data.
export const load: PageLoad = async ({ fetch }) => {
	try {
		return { city: await loadCityData(fetch, base, DEFAULT_CITY) };
	} catch (err) {
		if (err instanceof DataError) error(503, { message: err.message, hint: err.hint });
		throw err;
	}
};
