import type { Topology } from 'topojson-specification';
import type { Catalog, Lernort, ValuesWire } from '$lib/domain/types';
import { CITY_DATA_FILES, LERNORTE_FILE, SETTLEMENT_FILE } from './files';
import {
	validateCatalog,
	validateLernorte,
	validateSettlement,
	validateTopology,
	validateValues
} from './validate';

/** What the map of one city needs before it can draw, validated. */
export interface CityData {
	catalog: Catalog;
	topology: Topology;
	values: ValuesWire;
}

/** The Lernorte of a city: loading, there, or not available with the reason. */
export type LernorteState =
	| { status: 'loading' }
	| { status: 'ok'; lernorte: Lernort[] }
	| { status: 'error'; message: string; hint: string };

/**
 * The settlement layer of a city (only cities whose catalog has `settlement` have one): the
 * checked topology, to decode with `decodeSettlement` where the grid is built (the worker), or
 * why it is not available.
 */
export type SettlementState =
	{ status: 'ok'; topology: Topology } | { status: 'error'; message: string; hint: string };

/** A data file could not be loaded or does not have the expected shape. */
export class DataError extends Error {
	constructor(
		readonly file: string,
		message: string,
		readonly hint: string,
		/** HTTP status when the server answered with an error. */
		readonly status?: number
	) {
		super(`${file}: ${message}`);
		this.name = 'DataError';
		// For whoever runs the site: the files come from `npm run data` (see README).
		console.error(`${file}: ${message} — mit \`npm run data\` neu erzeugen und die Seite neu bauen.`);
	}
}

type Fetch = typeof fetch;

/** The parsed JSON of a data file; `DataError` for a network error, an HTTP error or bad JSON. */
export async function fetchJson(fetchFn: Fetch, url: string): Promise<unknown> {
	let res: Response;
	try {
		res = await fetchFn(url);
	} catch (err) {
		throw new DataError(
			url,
			`konnte nicht geladen werden (${err instanceof Error ? err.message : String(err)})`,
			'Netzwerkverbindung prüfen und die Seite neu laden.'
		);
	}
	if (!res.ok) {
		throw new DataError(
			url,
			`antwortete mit HTTP ${res.status}`,
			'Die Daten der Karte fehlen auf dem Server. Bitte später erneut versuchen oder die Betreiber der Seite informieren.',
			res.status
		);
	}
	try {
		return await res.json();
	} catch {
		throw new DataError(
			url,
			'ist kein gültiges JSON',
			'Die Daten der Karte sind beschädigt. Bitte die Betreiber der Seite informieren.'
		);
	}
}

/** `data` as T when `validate` finds no problem; else a `DataError` naming the file and the first problems. */
export function check<T>(file: string, data: unknown, validate: (d: unknown) => string[]): T {
	const problems = validate(data);
	if (problems.length > 0) {
		throw new DataError(
			file,
			`hat nicht die erwartete Form: ${problems.slice(0, 5).join('; ')}`,
			'Die Daten der Karte passen nicht zu dieser Version. Bitte die Betreiber der Seite informieren.'
		);
	}
	return data as T;
}

function cityDir(base: string, city: string): string {
	return `${base}/data/${encodeURIComponent(city)}`;
}

/**
 * Loads and validates the files the map of a city needs from `<base>/data/<city>/`.
 * `loadCityData(fetch, '', 'stuttgart')` -> { catalog, topology, values }; throws DataError.
 */
export async function loadCityData(fetchFn: Fetch, base: string, city: string): Promise<CityData> {
	const dir = cityDir(base, city);
	const [catalogFile, topologyFile, valuesFile] = CITY_DATA_FILES;
	const files = {
		catalog: `${dir}/${catalogFile}`,
		topology: `${dir}/${topologyFile}`,
		values: `${dir}/${valuesFile}`
	};
	const [catalogRaw, topologyRaw, valuesRaw] = await Promise.all([
		fetchJson(fetchFn, files.catalog),
		fetchJson(fetchFn, files.topology),
		fetchJson(fetchFn, files.values)
	]);
	const catalog = check<Catalog>(files.catalog, catalogRaw, validateCatalog);
	const topology = check<Topology>(files.topology, topologyRaw, validateTopology);
	const values = check<ValuesWire>(files.values, valuesRaw, (d) => validateValues(d, catalog));
	return { catalog, topology, values };
}

/**
 * Loads and validates the Lernorte of a city. Never rejects: a missing or broken file is
 * an `error` state with a message that names the file, so the map of the indicators stays.
 * `loadLernorte(fetch, '', 'stuttgart')` -> { status: 'ok', lernorte: [...] }.
 */
export async function loadLernorte(
	fetchFn: Fetch,
	base: string,
	city: string
): Promise<Exclude<LernorteState, { status: 'loading' }>> {
	const file = `${cityDir(base, city)}/${LERNORTE_FILE}`;
	try {
		const raw = await fetchJson(fetchFn, file);
		const { lernorte } = check<{ lernorte: Lernort[] }>(file, raw, validateLernorte);
		return { status: 'ok', lernorte };
	} catch (err) {
		if (err instanceof DataError) return { status: 'error', message: err.message, hint: err.hint };
		const message = err instanceof Error ? err.message : String(err);
		console.error(`${file}: ${message}`);
		return { status: 'error', message: `${file}: ${message}`, hint: 'Die Seite neu laden.' };
	}
}

/**
 * Loads and validates the settlement layer of a city (`<base>/data/<city>/siedlungsflaechen.topo.json`).
 * Never rejects: a missing or broken file is an `error` state that names the file, so the caller
 * can say that the analysis cannot spread the children as the method page describes.
 * `loadSettlement(fetch, '', 'musterstadt')` -> { status: 'ok', topology: { type: 'Topology', … } }.
 */
export async function loadSettlement(fetchFn: Fetch, base: string, city: string): Promise<SettlementState> {
	const file = `${cityDir(base, city)}/${SETTLEMENT_FILE}`;
	try {
		const raw = await fetchJson(fetchFn, file);
		return { status: 'ok', topology: check<Topology>(file, raw, validateSettlement) };
	} catch (err) {
		if (err instanceof DataError) return { status: 'error', message: err.message, hint: err.hint };
		const message = err instanceof Error ? err.message : String(err);
		console.error(`${file}: ${message}`);
		return { status: 'error', message: `${file}: ${message}`, hint: 'Die Seite neu laden.' };
	}
}

/**
 * The cities built into the site as data/index.json lists them (with `public` when the build
 * says whether a city has the embed's files), or null when the index cannot be read. Never
 * rejects. `readCityIndex(fetch, '')` -> [{ id: 'stuttgart', name: 'Stuttgart', public: true }]
 */
export async function readCityIndex(
	fetchFn: Fetch,
	base: string
): Promise<Array<{ id: string; name?: string; public?: boolean }> | null> {
	try {
		const res = await fetchFn(`${base}/data/index.json`);
		if (!res.ok) return null;
		const index = (await res.json()) as { cities?: unknown } | null;
		if (!Array.isArray(index?.cities)) return null;
		return index.cities
			.filter(
				(c): c is { id: string; name?: unknown; public?: unknown } =>
					typeof c === 'object' && c !== null && typeof c.id === 'string'
			)
			.map((c) => ({
				id: c.id,
				...(typeof c.name === 'string' ? { name: c.name } : {}),
				...(typeof c.public === 'boolean' ? { public: c.public } : {})
			}));
	} catch {
		return null;
	}
}

/**
 * The cities built into the site (data/index.json), for messages that list them; an empty
 * list when the index cannot be read. `loadCityIndex(fetch, '')` -> [{ id: 'stuttgart', name: 'Stuttgart' }].
 */
export async function loadCityIndex(
	fetchFn: Fetch,
	base: string
): Promise<Array<{ id: string; name: string }>> {
	return ((await readCityIndex(fetchFn, base)) ?? []).flatMap(({ id, name }) =>
		name === undefined ? [] : [{ id, name }]
	);
}
