/** The generated files of a city in static/data/<city>/, as the page loads them. */
export const CITY_DATA_FILES = ['catalog.json', 'areas.topo.json', 'values.json', 'lernorte.json'] as const;
