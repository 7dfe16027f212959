import { importStadtbezirke, importStadtteile } from './boundaries';
import type { CityDraft } from './cityDraft';
import type { ImportReport, Progress } from './report';

/**
 * Stuttgart's official small-area geometry: the GeoPackage "Kleinräumige Gliederung
 * generalisiert" of the Stadtmessungsamt (OpenData_KLGL_GENERALISIERT.gpkg, EPSG:25832,
 * CC BY 4.0), with one layer per level.
 */
export const STUTTGART_KLGL = {
	city: 'stuttgart',
	bezirke: { layer: 'KLGL_BRUTTO_STADTBEZIRK', idField: 'STADTBEZIRKNR', nameField: 'STADTBEZIRKNAME' },
	stadtteile: {
		layer: 'KLGL_BRUTTO_STADTTEIL',
		idField: 'STADTTEILNR',
		nameField: 'STADTTEILNAME',
		parentField: 'STADTBEZIRKNR'
	},
	attribution: 'Landeshauptstadt Stuttgart – Stadtmessungsamt, CC BY 4.0'
} as const;

/**
 * `import stuttgart <gpkg>`: both levels of the official GeoPackage in one step – the
 * Stadtbezirke (keys and names) first, then the Stadtteile (geometry, names, membership),
 * replacing the schematic geometry and switching the attribution. Both land together or
 * not at all (one draft, one commit by the caller).
 */
export async function importStuttgart(
	draft: CityDraft,
	opts: { file: string; simplify: number; crs?: string; progress?: Progress }
): Promise<ImportReport> {
	const common = { file: opts.file, simplify: opts.simplify, crs: opts.crs, progress: opts.progress };
	const bezirke = await importStadtbezirke(draft, {
		...common,
		level: 'stadtbezirk',
		...STUTTGART_KLGL.bezirke
	});
	const stadtteile = await importStadtteile(draft, {
		...common,
		level: 'stadtteil',
		...STUTTGART_KLGL.stadtteile,
		attribution: STUTTGART_KLGL.attribution
	});
	return {
		title: 'Amtliche Gebietsgrenzen für Stuttgart importiert (Kleinräumige Gliederung generalisiert)',
		facts: [
			...bezirke.facts.map(([k, v]): [string, string] => [`Stadtbezirke – ${k}`, v]),
			...stadtteile.facts.map(([k, v]): [string, string] => [`Stadtteile – ${k}`, v]),
			['Quellenvermerk', STUTTGART_KLGL.attribution]
		],
		warnings: [...bezirke.warnings, ...stadtteile.warnings],
		changes: [],
		dryRun: false
	};
}
