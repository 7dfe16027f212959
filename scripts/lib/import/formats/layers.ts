/**
 * Layer choice shared by the multi-layer readers (GeoPackage tables, shapefiles in a folder
 * or ZIP): one layer is read per run, picked with `--layer <name>`.
 */
import { ImportError, type RawFeature } from '../types';

/** How the layers of a file are called in messages. */
export type LayerKind = 'Ebene' | 'Shapefile';

function quoteList(names: readonly string[]): string {
	return names.map((n) => `„${n}“`).join(', ');
}

/**
 * The layer to read: the requested one (exact name first, then a unique case-insensitive
 * match), or the only one. Throws an ImportError when the choice is ambiguous or unknown.
 *
 * `chooseLayer('a.gpkg', ['A', 'B'], 'b')` -> `'B'`
 */
export function chooseLayer(
	file: string,
	layers: readonly string[],
	requested: string | undefined,
	kind: LayerKind = 'Ebene'
): string {
	if (layers.length === 0) throw new Error(`chooseLayer: ${file} offers no layers`);
	const example = `--layer ${layers[0]}`;
	if (requested === undefined) {
		if (layers.length === 1) return layers[0]!;
		throw new ImportError({
			file,
			message: `Datei enthält ${layers.length} ${kind === 'Ebene' ? 'Ebenen' : 'Shapefiles'}: ${quoteList(layers)}`,
			hint: `Gewünschte ${kind === 'Ebene' ? 'Ebene' : 'Datei'} mit --layer <name> angeben, z. B. ${example}`
		});
	}
	if (layers.includes(requested)) return requested;
	const folded = layers.filter((l) => l.toLowerCase() === requested.toLowerCase());
	if (folded.length === 1) return folded[0]!;
	throw new ImportError({
		file,
		message: `${kind} „${requested}“ gibt es nicht; vorhanden: ${quoteList(layers)}`,
		hint: `Einen der vorhandenen Namen mit --layer angeben, z. B. ${example}`
	});
}

/** Throw an ImportError for a layer without features; a boundary file with 0 areas is never meant. */
export function requireFeatures(
	file: string,
	layer: string | undefined,
	features: readonly RawFeature[]
): void {
	if (features.length > 0) return;
	throw new ImportError({
		file,
		message: layer === undefined ? 'Datei enthält keine Objekte' : `Ebene „${layer}“ enthält keine Objekte`,
		hint:
			layer === undefined
				? 'Export prüfen: die Datei muss die Gebiete (Polygone) bzw. Punkte enthalten'
				: 'Andere Ebene mit --layer wählen oder den Export prüfen'
	});
}
