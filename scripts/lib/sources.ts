import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { CsvSyntaxError, parseCsv, type CsvTable } from '../../src/lib/domain/csv';
import type { ValidationIssue } from '../../src/lib/domain/validateSources';

/** A path for messages: relative to the working directory when inside it. */
export function displayPath(path: string): string {
	const rel = relative(process.cwd(), path);
	return rel && !rel.startsWith('..') ? rel : path;
}

/** File names inside geodata/<city>/. */
export const SOURCE_FILES = {
	city: 'city.json',
	catalog: 'indicators.catalog.json',
	stadtteile: 'stadtteile.csv',
	stadtbezirke: 'stadtbezirke.csv',
	outline: 'stadtgrenze.geojson',
	regions: 'bildungsregionen.csv',
	indicators: 'indicators.csv',
	lernorte: 'lernorte.csv',
	/** An official topology written by an importer; replaces the schematic geometry. */
	topology: 'areas.topo.json',
	/**
	 * Optional settlement layer (GeoJSON FeatureCollection of polygons, WGS84, with `attribution`
	 * and `year`): children are spread over it instead of evenly over each Stadtteil.
	 */
	settlement: 'siedlungsflaechen.geojson'
} as const;

/**
 * Reads source files of one city directory and collects issues instead of throwing, so
 * that a single run reports every problem. `label` is the path printed in messages.
 */
export class SourceReader {
	readonly issues: ValidationIssue[] = [];
	constructor(
		readonly dir: string,
		readonly label: string
	) {}

	name(file: string): string {
		return `${this.label}/${file}`;
	}

	exists(file: string): boolean {
		return existsSync(join(this.dir, file));
	}

	text(file: string, required = true): string | undefined {
		const path = join(this.dir, file);
		if (!existsSync(path)) {
			if (required)
				this.issues.push({
					file: this.name(file),
					message: 'Pflichtdatei fehlt',
					hint: `Datei ${file} in ${this.label}/ anlegen (für Demodaten: npm run demo)`
				});
			return undefined;
		}
		return readFileSync(path, 'utf8');
	}

	csv(file: string, required = true): CsvTable | undefined {
		const text = this.text(file, required);
		if (text === undefined) return undefined;
		try {
			return parseCsv(text);
		} catch (err) {
			if (!(err instanceof CsvSyntaxError)) throw err;
			this.issues.push({
				file: this.name(file),
				row: err.line,
				message: err.message,
				hint: 'Anführungszeichen prüfen'
			});
			return undefined;
		}
	}

	json(file: string, required = true): unknown {
		const text = this.text(file, required);
		if (text === undefined) return undefined;
		try {
			return JSON.parse(text) as unknown;
		} catch (err) {
			this.issues.push({
				file: this.name(file),
				message: `Kein gültiges JSON: ${(err as Error).message}`,
				hint: 'Datei mit einem JSON-Validator prüfen (Kommas, Anführungszeichen)'
			});
			return undefined;
		}
	}

	/** The city outline: the first (Multi)Polygon of a GeoJSON FeatureCollection, Feature or geometry. */
	outline(file: string, required = true): Polygon | MultiPolygon | undefined {
		const value = this.json(file, required) as
			{ type?: string; features?: Array<{ geometry?: unknown }>; geometry?: unknown } | undefined;
		if (value === undefined) return undefined;
		const geometry = (
			value.type === 'FeatureCollection'
				? value.features?.[0]?.geometry
				: value.type === 'Feature'
					? value.geometry
					: value
		) as { type?: string; coordinates?: unknown } | undefined;
		if (
			!geometry ||
			(geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') ||
			!Array.isArray(geometry.coordinates)
		) {
			this.issues.push({
				file: this.name(file),
				message: 'Keine Polygon-Geometrie gefunden',
				hint: 'GeoJSON mit einem Polygon oder MultiPolygon der Stadtgrenze (WGS84) angeben'
			});
			return undefined;
		}
		return geometry as Polygon | MultiPolygon;
	}
}
