import { error } from '@sveltejs/kit';
import { base } from '$app/paths';
import { DEFAULT_CITY } from '$lib/config';
import { DataError, loadCityData, loadLernorte } from '$lib/data/load';
import type { PageLoad } from './$types';

// Deliberately reads no URL parameter: view changes must not refetch the data.
export const load: PageLoad = async ({ fetch }) => {
	// Not awaited: the page and its map render while the Lernorte load (the promise never rejects).
	const lernorte = loadLernorte(fetch, base, DEFAULT_CITY);
	try {
		return { city: await loadCityData(fetch, base, DEFAULT_CITY), lernorte };
	} catch (err) {
		if (err instanceof DataError) error(503, { message: err.message, hint: err.hint });
		throw err;
	}
};
