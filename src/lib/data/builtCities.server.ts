import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '$lib/domain/types';
import { CITY_DATA_FILES } from './files';

/**
 * The catalogs of the cities built into the site, read from the data folder at build time
 * (for prerendering the pages of every area). The index is written by `npm run data`; a missing
 * or broken file is an error that names it, since the site would miss pages silently otherwise.
 * `builtCatalogs('static/data')` -> [{ city: { id: 'stuttgart', … }, units: { … }, … }]
 */
export function builtCatalogs(dataDir: string): Catalog[] {
	const read = (file: string): unknown => {
		try {
			return JSON.parse(readFileSync(file, 'utf8'));
		} catch (err) {
			throw new Error(
				`${file}: ${err instanceof Error ? err.message : String(err)} – mit \`npm run data\` neu erzeugen.`,
				{ cause: err }
			);
		}
	};
	const indexFile = join(dataDir, 'index.json');
	const index = read(indexFile) as { cities?: Array<{ id?: unknown }> };
	if (!Array.isArray(index.cities)) throw new Error(`${indexFile}: Liste "cities" fehlt`);
	return index.cities.map((c) => {
		if (typeof c.id !== 'string') throw new Error(`${indexFile}: eine Stadt ohne Kennung`);
		return read(join(dataDir, c.id, CITY_DATA_FILES[0])) as Catalog;
	});
}
