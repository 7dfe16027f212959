import type { Topology } from 'topojson-specification';
import type { Catalog, Lernort, ValuesWire } from '$lib/domain/types';
import { CITY_DATA_FILES } from './files';
import { validateCatalog, validateLernorte, validateTopology, validateValues } from './validate';

/** Everything the dashboard needs for one city, validated. */
export interface CityData {
	catalog: Catalog;
	topology: Topology;
	values: ValuesWire;
	lernorte: Lernort[];
}

/** A data file could not be loaded or does not have the expected shape. */
export class DataError extends Error {
	constructor(
		readonly file: string,
		message: string,
		readonly hint: string
	) {
		super(`${file}: ${message}`);
		this.name = 'DataError';
		// For whoever runs the site: the files come from `npm run data` (see README).
		console.error(`${file}: ${message} — mit \`npm run data\` neu erzeugen und die Seite neu bauen.`);
	}
}

type Fetch = typeof fetch;

async function fetchJson(fetchFn: Fetch, url: string): Promise<unknown> {
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
			'Die Daten der Karte fehlen auf dem Server. Bitte später erneut versuchen oder die Betreiber der Seite informieren.'
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

function check<T>(file: string, data: unknown, validate: (d: unknown) => string[]): T {
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

/**
 * Loads and validates the generated files of a city from `<base>/data/<city>/`.
 * `loadCityData(fetch, '', 'stuttgart')` -> { catalog, topology, values, lernorte }.
 */
export async function loadCityData(fetchFn: Fetch, base: string, city: string): Promise<CityData> {
	const dir = `${base}/data/${encodeURIComponent(city)}`;
	const [catalogFile, topologyFile, valuesFile, lernorteFile] = CITY_DATA_FILES;
	const files = {
		catalog: `${dir}/${catalogFile}`,
		topology: `${dir}/${topologyFile}`,
		values: `${dir}/${valuesFile}`,
		lernorte: `${dir}/${lernorteFile}`
	};
	const [catalogRaw, topologyRaw, valuesRaw, lernorteRaw] = await Promise.all([
		fetchJson(fetchFn, files.catalog),
		fetchJson(fetchFn, files.topology),
		fetchJson(fetchFn, files.values),
		fetchJson(fetchFn, files.lernorte)
	]);
	const catalog = check<Catalog>(files.catalog, catalogRaw, validateCatalog);
	const topology = check<Topology>(files.topology, topologyRaw, validateTopology);
	const values = check<ValuesWire>(files.values, valuesRaw, (d) => validateValues(d, catalog));
	const lernorte = check<{ lernorte: Lernort[] }>(files.lernorte, lernorteRaw, validateLernorte).lernorte;
	return { catalog, topology, values, lernorte };
}
