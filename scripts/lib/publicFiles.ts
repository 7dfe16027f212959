import type { Topology } from 'topojson-specification';
import {
	PUBLIC_AREAS_FILE,
	PUBLIC_CATALOG_FILE,
	PUBLIC_DIR,
	publicValuesFile
} from '../../src/lib/data/files';
import { publicCatalog, publicValues } from '../../src/lib/domain/publicData';
import { coarsenTopology } from '../../src/lib/geo/coarsenTopology';
import type { CityOutputs } from './build';

/**
 * Grid of the embed's geometry: about 2 m per cell over a city like Stuttgart, finer than a
 * pixel of an iframe even when zoomed to one Stadtteil, and a third lighter than the full file.
 */
export const PUBLIC_GRID = 5000;

/**
 * The files of `static/data/<city>/public/` as [path relative to the city folder, content]:
 * the public catalog, the coarser area topology, and one values file per public indicator.
 *
 * `publicFiles(outputs).map(([name]) => name)` ->
 * ['public/catalog.json', 'public/areas.topo.json', 'public/values/betreuungsquote_u3.json', …]
 */
export function publicFiles(
	out: Pick<CityOutputs, 'catalog' | 'values' | 'topology'>
): Array<[string, string]> {
	const catalog = publicCatalog(out.catalog);
	const topology: Topology = coarsenTopology(out.topology, ['stadtteil', 'stadtbezirk'], PUBLIC_GRID);
	const files: Array<[string, string]> = [
		[`${PUBLIC_DIR}/${PUBLIC_CATALOG_FILE}`, JSON.stringify(catalog)],
		[`${PUBLIC_DIR}/${PUBLIC_AREAS_FILE}`, JSON.stringify(topology)]
	];
	for (const meta of catalog.indicators)
		files.push([
			`${PUBLIC_DIR}/${publicValuesFile(meta.id)}`,
			JSON.stringify(publicValues(out.values, meta, catalog.city.disclosure))
		]);
	return files;
}
