/**
 * Shared shapes of the importer (`npm run import`): what a format reader hands on, and the
 * error every step throws for bad input. Messages are German and name the file, the row or
 * feature, the column and what to do, like the data build's `ValidationIssue`s.
 */
import type { Geometry } from 'geojson';
import type { ValidationIssue } from '../../../src/lib/domain/validateSources';

export type { ValidationIssue };

/**
 * Bad input: one or more issues, each naming file, row/feature and column plus a hint.
 * The CLI prints them with `formatIssue`, exits 1 and writes nothing.
 */
export class ImportError extends Error {
	readonly issues: ValidationIssue[];
	constructor(issues: ValidationIssue | ValidationIssue[]) {
		const list = Array.isArray(issues) ? issues : [issues];
		super(list.map((i) => `${i.file}: ${i.message}`).join('; '));
		this.name = 'ImportError';
		this.issues = list;
	}
}

/** Where a reader found the CRS of a file, as it was written there. */
export interface CrsHint {
	/** EPSG code when the file states one directly (GeoPackage srs_id/organization, GeoJSON crs, EsriJSON wkid). */
	epsg?: number;
	/** WKT when the file gives one (`.prj`, `gpkg_spatial_ref_sys.definition`). */
	wkt?: string;
	/** Where it was read, for messages: "Datei.prj", "GeoJSON-Eintrag crs", "gpkg_spatial_ref_sys (srs_id 25832)". */
	origin: string;
}

/** One feature as read from a file, before reprojection and validation. */
export interface RawFeature {
	/** 1-based position in the layer, for messages ("Objekt 17"). */
	index: number;
	/** Attribute values as read (strings, numbers, null). */
	properties: Record<string, unknown>;
	/** Geometry in the file's own coordinates; null for a feature without geometry. */
	geometry: Geometry | null;
}

/** The content of one layer of a boundary or point file. */
export interface FeatureSource {
	/** The file's path as given by the user, for messages. */
	file: string;
	format: 'gpkg' | 'shapefile' | 'geojson' | 'esrijson' | 'csv';
	/** The layer that was read (GeoPackage table, shapefile base name); undefined for single-layer formats. */
	layer?: string;
	/** All layers the file offers (GeoPackage feature tables, shapefiles in a folder or zip). */
	layers: string[];
	/** Attribute field names in file order (dBASE names as stored, i.e. at most 10 characters). */
	fields: string[];
	/** CRS as stated by the file, or null when the file says nothing (shapefile without .prj). */
	crs: CrsHint | null;
	features: RawFeature[];
}
