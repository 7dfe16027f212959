import type { Topology } from 'topojson-specification';
import type { IndicatorMeta, PublicCatalog, ValuesWire } from '$lib/domain/types';
import { PUBLIC_AREAS_FILE, PUBLIC_CATALOG_FILE, PUBLIC_DIR, publicValuesFile } from './files';
import { check, fetchJson } from './load';
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
