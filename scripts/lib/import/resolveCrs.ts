import type { Geometry, Position } from 'geojson';
import {
	canonicalEpsg,
	crsProblem,
	crsSuggestion,
	epsgFromEsriWkid,
	epsgFromWkt,
	missingCrsMessage,
	parseCrsIdentifier,
	SUPPORTED_CRS,
	toWgs84,
	type Transform
} from '../../../src/lib/geo/crs';
import { ImportError, type FeatureSource } from './types';

export type BBox = [number, number, number, number];

/** Bounding box of the coordinates of some geometries, in their own units; null if there are none. */
export function coordinateBox(geometries: Iterable<Geometry | null>): BBox | null {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	const visit = (p: Position) => {
		const x = p[0]!;
		const y = p[1]!;
		if (!Number.isFinite(x) || !Number.isFinite(y)) return;
		if (x < minX) minX = x;
		if (x > maxX) maxX = x;
		if (y < minY) minY = y;
		if (y > maxY) maxY = y;
	};
	const walk = (g: Geometry) => {
		switch (g.type) {
			case 'Point':
				visit(g.coordinates);
				break;
			case 'MultiPoint':
			case 'LineString':
				g.coordinates.forEach(visit);
				break;
			case 'MultiLineString':
			case 'Polygon':
				for (const line of g.coordinates) line.forEach(visit);
				break;
			case 'MultiPolygon':
				for (const poly of g.coordinates) for (const ring of poly) ring.forEach(visit);
				break;
			case 'GeometryCollection':
				g.geometries.forEach(walk);
				break;
		}
	};
	for (const g of geometries) if (g) walk(g);
	return Number.isFinite(minX) ? [minX, minY, maxX, maxY] : null;
}

const SUPPORTED_LIST = () => [...SUPPORTED_CRS.keys()].map((c) => `EPSG:${c}`).join(', ');

/** The EPSG code given with `--crs`; a bad value is an ImportError that lists the supported ones. */
export function crsOption(raw: string): number {
	const parsed = parseCrsIdentifier(raw);
	const epsg = parsed === null ? null : canonicalEpsg(parsed);
	if (epsg === null || !SUPPORTED_CRS.has(epsg))
		throw new ImportError({
			file: '--crs',
			message: `Koordinatensystem „${raw}“ ist unbekannt oder wird nicht unterstützt`,
			hint: `Eines von ${SUPPORTED_LIST()} angeben, z. B. --crs EPSG:25832`
		});
	return epsg;
}

/**
 * The CRS of a source's coordinates: `--crs` when given, else what the file says. A file that
 * says nothing, names an unknown CRS, or whose coordinates cannot belong to the CRS it names
 * stops the import with a message that says what the coordinates look like and how to pass
 * `--crs`. `near` is the city's position (WGS84) when known, to tell UTM zones apart.
 */
export function resolveCrs(
	source: FeatureSource,
	override: string | undefined,
	box: BBox,
	near?: readonly [number, number]
): { epsg: number; origin: string } {
	let epsg: number;
	let origin: string;
	if (override !== undefined) {
		epsg = crsOption(override);
		origin = '--crs';
	} else if (source.crs === null) {
		throw new ImportError({
			file: source.file,
			message: missingCrsMessage(box, near),
			hint:
				source.format === 'shapefile'
					? 'Die .prj-Datei des Shapefiles mitliefern oder das Koordinatensystem mit --crs angeben'
					: 'Das Koordinatensystem mit --crs angeben'
		});
	} else {
		origin = source.crs.origin;
		const fromCode =
			source.crs.epsg === undefined
				? undefined
				: source.format === 'esrijson'
					? (epsgFromEsriWkid(source.crs.epsg) ?? undefined)
					: canonicalEpsg(source.crs.epsg);
		if (fromCode !== undefined && SUPPORTED_CRS.has(fromCode)) epsg = fromCode;
		else if (source.crs.wkt) {
			const fromWkt = epsgFromWkt(source.crs.wkt);
			if ('problem' in fromWkt)
				throw new ImportError({
					file: source.file,
					column: origin,
					message: `${fromWkt.problem}. ${crsSuggestion(box, near)}`,
					hint: `Das Koordinatensystem mit --crs angeben (unterstützt: ${SUPPORTED_LIST()})`
				});
			epsg = fromWkt.epsg;
		} else
			throw new ImportError({
				file: source.file,
				column: origin,
				message: `Koordinatensystem ${source.crs.epsg !== undefined ? `EPSG:${source.crs.epsg} ` : ''}wird nicht unterstützt. ${crsSuggestion(box, near)}`,
				hint: `Das Koordinatensystem mit --crs angeben (unterstützt: ${SUPPORTED_LIST()})`
			});
	}
	const problem = crsProblem(box, epsg, near);
	if (problem)
		throw new ImportError({
			file: source.file,
			column: origin,
			message: problem,
			hint: /getauscht|vertauscht/.test(problem)
				? 'x und y in der Datei tauschen (QGIS: Werkzeug „X- und Y-Koordinaten vertauschen“) und erneut importieren'
				: origin === '--crs'
					? 'Ein passendes Koordinatensystem mit --crs angeben'
					: 'Das Koordinatensystem der Datei stimmt nicht: mit --crs das richtige angeben'
		});
	return { epsg, origin };
}

/**
 * The CRS of a file of areas and the transform of its coordinates to WGS84; a file without any
 * geometry stops the import (`where` names it in the message).
 * `areaSourceCrs(source, 'bezirke.shp', undefined, [9.18, 48.78])` -> { epsg: 25832, origin: '.prj', transform }
 */
export function areaSourceCrs(
	source: FeatureSource,
	where: string,
	override: string | undefined,
	near?: readonly [number, number]
): { epsg: number; origin: string; transform: Transform } {
	const box = coordinateBox(source.features.map((f) => f.geometry));
	if (!box)
		throw new ImportError({
			file: where,
			message: 'Kein Objekt hat eine Geometrie',
			hint: 'Eine Ebene mit Flächen wählen (--layer)'
		});
	const crs = resolveCrs(source, override, box, near);
	return { ...crs, transform: toWgs84(crs.epsg) };
}
