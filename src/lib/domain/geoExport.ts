import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { shownValue } from './compareTables';
import { dativePlural } from './format';
import type { Cell, CityConfig, IndicatorMeta } from './types';

/**
 * The areas of the map as GeoJSON with the values shown on it, for a GIS or a report: each
 * feature carries key, name, indicator, year, unit, the value as shown, numerator, denominator,
 * its status and the source; the collection names title, source, build date and the demo notice.
 * Coordinates are WGS 84 (RFC 7946), rounded to 6 decimals (about 10 cm).
 */

export interface ExportedAreaProps {
	schluessel: string;
	name: string;
	ebene: string;
	indikator: string;
	jahr: number;
	einheit: string;
	wert: number | null;
	zaehler: number | null;
	nenner: number | null;
	status: 'Wert' | 'keine Daten' | 'geheim gehalten';
	teilweise: boolean;
	quelle: string;
	demodaten: boolean;
}

export interface AreaExport extends FeatureCollection<Geometry, ExportedAreaProps> {
	/** Foreign member (RFC 7946, 6.1): what the file holds, in German. */
	metadaten: { titel: string; quelle: string; stand: string; hinweis?: string; geometrie: string };
}

function round(coords: unknown): unknown {
	if (typeof coords === 'number') return Math.round(coords * 1e6) / 1e6;
	return (coords as unknown[]).map(round);
}

function roundGeometry(g: Geometry): Geometry {
	if (g.type === 'GeometryCollection') return { type: g.type, geometries: g.geometries.map(roundGeometry) };
	return { ...g, coordinates: round(g.coordinates) as Position[][] } as Geometry;
}

/**
 * `areasGeoJson(features, cells, meta, 2024, { levelLabel: 'Stadtteil', built: '2024-12-31', … })`
 * -> { type: 'FeatureCollection', metadaten: { titel: 'Betreuungsquote … 2024 nach Stadtteilen', … },
 *      features: [{ properties: { schluessel: '214', wert: 41.2, status: 'Wert', … } }, …] }
 */
export function areasGeoJson(
	areas: FeatureCollection<Geometry, { key: string; name: string }>,
	cells: ReadonlyMap<string, Cell>,
	meta: IndicatorMeta,
	year: number,
	info: { levelLabel: string; levelPlural: string; built: string; demoNote?: string; geometryNote: string }
): AreaExport {
	const features = areas.features.map((f): Feature<Geometry, ExportedAreaProps> => {
		const cell = cells.get(f.properties.key) ?? { status: 'missing' };
		const value = shownValue(cell, meta);
		return {
			type: 'Feature',
			id: f.properties.key,
			properties: {
				schluessel: f.properties.key,
				name: f.properties.name,
				ebene: info.levelLabel,
				indikator: meta.title,
				jahr: year,
				einheit: meta.unit,
				wert: typeof value === 'number' ? value : null,
				zaehler: cell.status === 'ok' ? cell.numerator : null,
				nenner: cell.status === 'ok' ? (cell.denominator ?? null) : null,
				status: cell.status === 'ok' ? 'Wert' : cell.status === 'missing' ? 'keine Daten' : 'geheim gehalten',
				teilweise: cell.status === 'ok' && cell.partial === true,
				quelle: meta.source,
				demodaten: meta.demo
			},
			geometry: roundGeometry(f.geometry)
		};
	});
	const metadaten: AreaExport['metadaten'] = {
		titel: `${meta.title} ${year} nach ${dativePlural(info.levelPlural)}`,
		quelle: meta.source,
		stand: info.built,
		geometrie: info.geometryNote
	};
	if (meta.demo && info.demoNote) metadaten.hinweis = info.demoNote;
	return { type: 'FeatureCollection', metadaten, features };
}

/** What schematic boundaries are, in one sentence for legends, pictures and profiles. */
export const SCHEMATIC_NOTE =
	'Schematische Gebietsgrenzen: aus den Mittelpunkten der Stadtteile abgeleitet, nicht amtlich.';

/**
 * Where the geometry of a city's areas comes from, for an export's metadata.
 * `geometryNote({ geometry: 'schematic', attribution: '…' })` -> 'Schematische Gebietsgrenzen: …'
 */
export function geometryNote(city: Pick<CityConfig, 'geometry' | 'attribution'>): string {
	return city.geometry === 'schematic' ? `${SCHEMATIC_NOTE} ${city.attribution}` : city.attribution;
}
