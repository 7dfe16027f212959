import { error } from '@sveltejs/kit';
import { base } from '$app/paths';
import { DEFAULT_CITY } from '$lib/config';
import { DataError } from '$lib/data/load';
import { loadEmbedCity, loadPublicValues, type EmbedCityData } from '$lib/data/loadPublic';
import { parseCityParam } from '$lib/state/city';
import { parseEmbedUrl } from '$lib/state/embedUrl';
import type { PageLoad } from './$types';

// The public embed loads only data/<city>/public/: public indicators, disclosure-controlled.
export const load: PageLoad = async ({ fetch, url }) => {
	const { city: wanted, problem } = parseCityParam(url.searchParams.get('stadt'), DEFAULT_CITY);
	const ignored: string[] = problem ? ['stadt'] : [];
	let loaded: EmbedCityData;
	try {
		loaded = await loadEmbedCity(fetch, base, wanted, DEFAULT_CITY);
	} catch (err) {
		if (!(err instanceof DataError)) throw err;
		error(503, { message: err.message, hint: err.hint });
	}
	const { city, fellBack, ...data } = loaded;
	if (fellBack) ignored.push('stadt');
	const { state, ignored: unusable } = parseEmbedUrl(url.searchParams, data.catalog);
	ignored.push(...unusable);
	if (ignored.length > 0)
		console.info(
			`Einbettung: Parameter ${ignored.join(', ')} nicht verwendbar; gezeigt wird die Voreinstellung.`
		);
	const meta = data.catalog.indicators.find((i) => i.id === state.indicator)!;
	try {
		const values = await loadPublicValues(fetch, base, city, meta);
		return { city, ...data, values, state, meta };
	} catch (err) {
		if (!(err instanceof DataError)) throw err;
		error(503, { message: err.message, hint: err.hint });
	}
};
