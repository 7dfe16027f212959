import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { sortAnnotations, type Annotation, type AnnotationCategory } from './annotations';
import type { Level } from './types';

/** A note on the map: its number in the list and where it is drawn. */
export interface NumberedPin {
	id: string;
	n: number;
	lon: number;
	lat: number;
	color: string;
}

/**
 * The pins of the notes, numbered as in the list (all notes, oldest first, from 1).
 * `notePins([area, pin], colors)` -> [{ id: pin.id, n: 2, lon, lat, color }]
 */
export function notePins(
	list: readonly Annotation[],
	colors: Readonly<Record<AnnotationCategory, string>>
): NumberedPin[] {
	return sortAnnotations(list).flatMap((a, i) =>
		a.kind === 'point' ? [{ id: a.id, n: i + 1, lon: a.lon, lat: a.lat, color: colors[a.category] }] : []
	);
}

/**
 * The marked areas of `level` as features with their category colour, for an outline layer;
 * notes of another level or unknown areas are left out. Of two notes on one area the newer
 * colours it. `markedAreas([note on 214], features, 'stadtteil', colors)` -> one feature of 214
 */
export function markedAreas<P extends { key: string }>(
	list: readonly Annotation[],
	features: FeatureCollection<Geometry, P>,
	level: Level,
	colors: Readonly<Record<AnnotationCategory, string>>
): FeatureCollection<Geometry, { key: string; color: string }> {
	const colorByKey = new Map<string, string>();
	for (const a of sortAnnotations(list))
		if (a.kind === 'area' && a.level === level) colorByKey.set(a.key, colors[a.category]);
	const out: Array<Feature<Geometry, { key: string; color: string }>> = [];
	for (const f of features.features) {
		const color = colorByKey.get(f.properties.key);
		if (color)
			out.push({ type: 'Feature', geometry: f.geometry, properties: { key: f.properties.key, color } });
	}
	return { type: 'FeatureCollection', features: out };
}
