import type { Topology } from 'topojson-specification';
import type { IndicatorMeta, PublicCatalog, ValuesWire } from '$lib/domain/types';
import { PUBLIC_AREAS_FILE, PUBLIC_CATALOG_FILE, PUBLIC_DIR, publicValuesFile } from './files';
import { check, DataError, fetchJson, readCityIndex } from './load';
import { validatePublicCatalog, validateTopology, validateValues } from './validate';

/*
 * Loaders of the embed: only files under data/<city>/public/, which hold public indicators
 * only (see scripts/lib/publicFiles.ts). Errors are `DataError`s with German messages.
 */

type Fetch = typeof fetch;

/** `publicDir('', 'stuttgart')` -> "/data/stuttgart/public" */
export function publicDir(base: string, city: string): string {
	return `${base}/data/${encodeURIComponent(city)}/${PUBLIC_DIR}`;
}

/** What the embed needs before it knows which indicator to show, validated. */
export interface PublicCityData {
	catalog: PublicCatalog;
	topology: Topology;
}

/**
 * The public catalog and the embed's geometry of a city, fetched in parallel.
 * `loadPublicCity(fetch, '', 'stuttgart')` -> { catalog, topology }; throws DataError.
 */
export async function loadPublicCity(fetchFn: Fetch, base: string, city: string): Promise<PublicCityData> {
	const dir = publicDir(base, city);
	const files = { catalog: `${dir}/${PUBLIC_CATALOG_FILE}`, topology: `${dir}/${PUBLIC_AREAS_FILE}` };
	const [catalogRaw, topologyRaw] = await Promise.all([
		fetchJson(fetchFn, files.catalog),
		fetchJson(fetchFn, files.topology)
	]);
	return {
		catalog: check<PublicCatalog>(files.catalog, catalogRaw, validatePublicCatalog),
		topology: check<Topology>(files.topology, topologyRaw, validateTopology)
	};
}

/**
 * Whether data/index.json lists `city` with the embed's files: true or false when it says so
 * (a city it does not list has none), null when it cannot tell (no index, a broken one, or one
 * written before it had the flag). Never rejects and never logs: the index only spares a request.
 * `cityHasPublicFiles(fetch, '', 'stuttgart')` -> true
 */
export async function cityHasPublicFiles(
	fetchFn: Fetch,
	base: string,
	city: string
): Promise<boolean | null> {
	const cities = await readCityIndex(fetchFn, base);
	if (cities === null) return null;
	const entry = cities.find((c) => c.id === city);
	if (entry === undefined) return false;
	return entry.public ?? null;
}

/** The city an embed shows and its public data. */
export interface EmbedCityData extends PublicCityData {
	city: string;
	/** True when the wanted city has no public files and the default city is shown instead. */
	fellBack: boolean;
}

/**
 * The public data of the city an embed asks for, or of `defaultCity` when that one has none
 * (a host page shows the default city, never an error). The default city is loaded at once;
 * for another one data/index.json is asked first, so that a city without public files costs
 * no failing request. When the index cannot tell, the city's files are tried and a 404 falls back.
 * `loadEmbedCity(fetch, '', 'herne', 'stuttgart')` -> { city: 'stuttgart', fellBack: true, catalog, topology }
 * when Herne has no public files; throws DataError when the city to show cannot be loaded.
 */
export async function loadEmbedCity(
	fetchFn: Fetch,
	base: string,
	wanted: string,
	defaultCity: string
): Promise<EmbedCityData> {
	const fallBack = async (): Promise<EmbedCityData> => ({
		city: defaultCity,
		fellBack: true,
		...(await loadPublicCity(fetchFn, base, defaultCity))
	});
	if (wanted !== defaultCity) {
		if ((await cityHasPublicFiles(fetchFn, base, wanted)) === false) return fallBack();
		try {
			return { city: wanted, fellBack: false, ...(await loadPublicCity(fetchFn, base, wanted)) };
		} catch (err) {
			if (!(err instanceof DataError) || err.status !== 404) throw err;
			return fallBack();
		}
	}
	return { city: wanted, fellBack: false, ...(await loadPublicCity(fetchFn, base, wanted)) };
}

/**
 * The values of one public indicator. `meta` must come from the public catalog: the file name
 * is built from its id, so nothing from the URL reaches a request unchecked.
 * `loadPublicValues(fetch, '', 'stuttgart', meta)` -> { units, indicators: { [meta.id]: … } }; throws DataError.
 */
export async function loadPublicValues(
	fetchFn: Fetch,
	base: string,
	city: string,
	meta: IndicatorMeta
): Promise<ValuesWire> {
	const file = `${publicDir(base, city)}/${publicValuesFile(meta.id)}`;
	const raw = await fetchJson(fetchFn, file);
	return check<ValuesWire>(file, raw, (d) => validateValues(d, { indicators: [meta] }));
}
