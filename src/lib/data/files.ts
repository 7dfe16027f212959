/**
 * The generated files of a city in static/data/<city>/, as the page loads them. The map needs
 * the first three before it can draw; the prerendered shell preloads them.
 */
export const CITY_DATA_FILES = ['catalog.json', 'areas.topo.json', 'values.json'] as const;

/**
 * The Lernorte, by far the largest file: loaded beside the map, never in its way, so that
 * the areas are drawn without waiting for it and a broken file costs only the points.
 */
export const LERNORTE_FILE = 'lernorte.json';

/**
 * The settlement layer (TopoJSON, object `siedlung`), only for cities whose catalog has
 * `settlement`; fetched when the Förderlücken analysis needs it, never for the map itself.
 */
export const SETTLEMENT_FILE = 'siedlungsflaechen.topo.json';

/**
 * The public files of a city for the read-only embed, in static/data/<city>/public/: only
 * public indicators, disclosure-controlled, and a lighter geometry. Nothing else under that
 * folder, so a host can publish it alone.
 */
export const PUBLIC_DIR = 'public';
export const PUBLIC_CATALOG_FILE = 'catalog.json';
export const PUBLIC_AREAS_FILE = 'areas.topo.json';

/** One values file per public indicator: `publicValuesFile('kinder_0_3')` -> "values/kinder_0_3.json". */
export function publicValuesFile(indicatorId: string): string {
	return `values/${encodeURIComponent(indicatorId)}.json`;
}
