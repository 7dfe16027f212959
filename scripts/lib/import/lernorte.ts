import { basename, extname } from 'node:path';
import { formatCount } from '../../../src/lib/domain/format';
import type { Geometry } from 'geojson';
import { formatCsv, type CsvTable } from '../../../src/lib/domain/csv';
import { LERNORT_TYPES } from '../../../src/lib/domain/lernortTypes';
import type { CityConfig } from '../../../src/lib/domain/types';
import { crsLabel, crsProblem, guessCrs, missingCrsMessage, toWgs84 } from '../../../src/lib/geo/crs';
import { createAreaLocator } from '../../../src/lib/geo/locate';
import { decodeAreas } from '../../../src/lib/geo/topology';
import { readAreas as readCityAreas } from '../build';
import { SOURCE_FILES, SourceReader } from '../sources';
import type { CityDraft } from './cityDraft';
import { cityPosition, readCityConfig, readStadtteilList } from './cityLists';
import { readFeatureFile } from './formats';
import { readUserFile } from './indicators';
import {
	importLernortTable,
	normalizeLernortTable,
	type ImportedLernortRow,
	type LernortTableResult
} from './lernortTable';
import { type ImportReport, type Progress } from './report';
import { coordinateBox, crsOption, resolveCrs } from './resolveCrs';
import { ImportError, type ValidationIssue } from './types';

export interface LernorteImportOptions {
	file: string;
	layer?: string;
	/** CRS of projected coordinates (`EPSG:25832`); read from the file or guessed when absent. */
	crs?: string;
	/** Replace all Lernorte of the city instead of adding to them and updating by id. */
	replace: boolean;
	/** Import the usable rows and list the others as warnings instead of stopping. */
	skipInvalid?: boolean;
	/** Source for rows whose file has no source column (default: the file name). */
	source?: string;
	progress?: Progress;
}

export const LERNORTE_HEADER = ['id', 'name', 'type', 'lat', 'lon', 'address', 'capacity', 'source'] as const;

const TABLE_EXTENSIONS = new Set(['.csv', '.txt', '.tsv']);

/** A point file (GeoJSON, GeoPackage, Shapefile) as a table with its points as x/y columns. */
async function pointTable(opts: LernorteImportOptions, near: [number, number] | undefined) {
	const source = await readFeatureFile(opts.file, opts.layer !== undefined ? { layer: opts.layer } : {});
	const notPoint = source.features.find((f) => f.geometry && f.geometry.type !== 'Point');
	if (notPoint)
		throw new ImportError({
			file: source.file,
			row: notPoint.index,
			message: `Objekt ${notPoint.index} ist ein ${notPoint.geometry!.type}, kein Punkt`,
			hint: 'Lernorte als Punkte liefern (in QGIS z. B. „Punkt auf Oberfläche“ erzeugen)'
		});
	const box = coordinateBox(source.features.map((f) => f.geometry));
	const epsg = box ? resolveCrs(source, opts.crs, box, near).epsg : 4326;
	const transform = toWgs84(epsg);
	// The geometry columns come first: the table reader takes the first column of each role, and
	// the point is the location, not lat/lon attributes that may be empty or out of date.
	// Row numbers of the file (GeoPackage fid, Esri OBJECTID) are no ids: they repeat across files.
	const fields = source.fields.filter((f) => !/^(fid|ogc_fid|objectid|object_id)$/i.test(f));
	const header = ['lon', 'lat', ...fields];
	const table: CsvTable = {
		header,
		records: source.features.map((f) => {
			const p = f.geometry?.type === 'Point' ? transform(f.geometry.coordinates) : undefined;
			return {
				line: f.index,
				fields: [
					p ? p[0].toFixed(7) : '',
					p ? p[1].toFixed(7) : '',
					...fields.map((k) =>
						f.properties[k] === null || f.properties[k] === undefined ? '' : String(f.properties[k])
					)
				]
			};
		})
	};
	const result = normalizeLernortTable(table, { file: source.file, types: LERNORT_TYPES });
	return { result, crs: `${crsLabel(epsg)} (Punktgeometrie)` };
}

/** Degree coordinates whose columns look swapped: "latitudes" of 5–16° and "longitudes" of 47–56°. */
function looksSwapped(rows: readonly ImportedLernortRow[]): boolean {
	const points = rows.filter((r) => r.x !== undefined && r.y !== undefined);
	const swapped = points.filter((r) => r.x! >= 47 && r.x! <= 56 && r.y! >= 5 && r.y! <= 16).length;
	return points.length > 0 && swapped > points.length / 2;
}

/**
 * `import lernorte <file>`: Lernorte from a CSV (lon/lat or UTM columns), GeoJSON, GeoPackage
 * or Shapefile go into lernorte.csv. Every row must have a known type and coordinates inside
 * the city; rows that do not are reported with their line, never dropped silently (with
 * `--skip-invalid` the others are imported and these listed). Without `--replace`, rows are
 * added or updated by id; demo Lernorte can only be replaced as a whole.
 */
export async function importLernorte(draft: CityDraft, opts: LernorteImportOptions): Promise<ImportReport> {
	const progress = opts.progress ?? (() => {});
	const config = readCityConfig(draft);
	if (config.demo.lernorte && !opts.replace)
		throw new ImportError({
			file: draft.name(SOURCE_FILES.lernorte),
			message:
				'Die vorhandenen Lernorte sind Demodaten; amtliche und erfundene Orte dürfen sich nicht mischen',
			hint: 'Mit --replace importieren: die Demodaten werden dann vollständig ersetzt'
		});
	const stadtteile = readStadtteilList(draft);
	const near = cityPosition(stadtteile);

	progress(`Lese ${opts.file} …`);
	let result: LernortTableResult;
	let crsText: string;
	const facts: ImportReport['facts'] = [];
	if (TABLE_EXTENSIONS.has(extname(opts.file).toLowerCase())) {
		const read = importLernortTable(readUserFile(opts.file, 'Datei'), {
			file: opts.file,
			types: LERNORT_TYPES
		});
		result = read;
		facts.push([
			'Datei',
			`${opts.file} (Tabelle, ${read.encoding}, Trennzeichen „${read.delimiter === '\t' ? 'Tab' : read.delimiter}“)`
		]);
		crsText = 'WGS84 (Längen- und Breitengrad)';
		if (read.coordinateKind === 'projected') {
			const box = coordinateBox(
				read.rows
					.filter((r) => r.x !== undefined && r.y !== undefined)
					.map((r): Geometry => ({ type: 'Point', coordinates: [r.x!, r.y!] }))
			);
			const column = read.rows.find((r) => r.coordinateColumns)?.coordinateColumns?.join('/');
			let epsg: number;
			if (opts.crs !== undefined) {
				epsg = crsOption(opts.crs);
				// As for point files: coordinates that cannot belong to the given CRS are one error
				// that names the CRS they look like, not a list of rows outside the city.
				const problem = box ? crsProblem(box, epsg, near) : null;
				if (problem)
					throw new ImportError({
						file: opts.file,
						column,
						message: problem,
						hint: 'Ein passendes Koordinatensystem mit --crs angeben'
					});
			} else {
				const guess = box ? guessCrs(box, near).find((g) => !g.swapped) : undefined;
				if (!guess || !box)
					throw new ImportError({
						file: opts.file,
						column,
						message: box ? missingCrsMessage(box, near) : 'Keine Koordinaten gefunden',
						hint: 'Das Koordinatensystem mit --crs angeben, z. B. --crs EPSG:25832'
					});
				epsg = guess.epsg;
			}
			const transform = toWgs84(epsg);
			for (const r of read.rows)
				if (r.x !== undefined && r.y !== undefined) [r.x, r.y] = transform([r.x, r.y]);
			crsText = `${crsLabel(epsg)}${opts.crs === undefined ? ' (aus den Werten erkannt)' : ''}`;
		}
	} else {
		const read = await pointTable(opts, near);
		result = read.result;
		crsText = read.crs;
		facts.push(['Datei', opts.file]);
	}
	const rows = result.rows;
	if (result.coordinateKind !== 'projected' && looksSwapped(rows)) {
		const columns = rows.find((r) => r.coordinateColumns)?.coordinateColumns;
		throw new ImportError({
			file: opts.file,
			column: columns?.join('/'),
			message: `Breite und Länge scheinen vertauscht: die Spalte ${columns?.[0] ?? 'lon'} hat Werte um ${rows.find((r) => r.x !== undefined)?.x?.toFixed(2)}, die Spalte ${columns?.[1] ?? 'lat'} um ${rows.find((r) => r.y !== undefined)?.y?.toFixed(2)}`,
			hint: 'Die Spaltenüberschriften der beiden Spalten tauschen (in Deutschland ist die Breite 47–55°, die Länge 6–15°)'
		});
	}

	// Where do the points lie? Lernorte outside every Stadtteil are reported by their line.
	const reader = new SourceReader(draft.dir, draft.label);
	const areas = readCityAreas(reader, config.geometry);
	if (!areas) throw new ImportError(reader.issues);
	const locate = createAreaLocator(decodeAreas(areas.topology, 'stadtteil')).locate;
	const issues: ValidationIssue[] = [...result.issues];
	const bad = new Set(result.issues.map((i) => i.row));
	const good: ImportedLernortRow[] = [];
	for (const r of rows) {
		if (bad.has(r.line)) continue;
		if (r.x === undefined || r.y === undefined) continue;
		const lon = Math.round(r.x * 1e5) / 1e5;
		const lat = Math.round(r.y * 1e5) / 1e5;
		if (locate(lon, lat) === undefined) {
			issues.push({
				file: opts.file,
				row: r.line,
				column: r.coordinateColumns?.join('/'),
				message: `Lernort „${r.name}“ (${lat}, ${lon}) liegt außerhalb der Stadt ${config.name}`,
				hint: 'Koordinaten prüfen (Koordinatensystem mit --crs? Breite und Länge vertauscht?) oder die Zeile entfernen'
			});
			bad.add(r.line);
			continue;
		}
		good.push({ ...r, x: lon, y: lat });
	}
	const warnings = [...result.notes];
	if (issues.length > 0) {
		if (!opts.skipInvalid) throw new ImportError(issues);
		for (const i of issues) warnings.push(`Zeile ${i.row ?? '?'} übersprungen: ${i.message}`);
	}
	if (good.length === 0)
		throw new ImportError({
			file: opts.file,
			message: 'Keine Lernorte mit gültigen Angaben',
			hint: 'Datei prüfen'
		});

	const fallbackSource = opts.source ?? basename(opts.file);
	const line = (r: ImportedLernortRow) => [
		r.id,
		r.name,
		r.type,
		r.y!.toFixed(5),
		r.x!.toFixed(5),
		r.address,
		r.capacity === undefined ? '' : String(r.capacity),
		r.source || fallbackSource
	];
	const existing = opts.replace ? undefined : draft.csv(SOURCE_FILES.lernorte);
	// Ids made from file name and line find the wrong row once the file changes: adding to a
	// list that already has Lernorte needs ids from the file.
	const generated = good.filter((r) => r.generatedId);
	if (existing && existing.records.length > 0 && generated.length > 0)
		throw new ImportError({
			file: opts.file,
			row: generated[0]!.line,
			message: `${generated.length} Zeilen haben keine ID; ohne feste IDs kann ein Ergänzen vorhandene Lernorte nicht sicher wiederfinden`,
			hint: 'Eine ID-Spalte ergänzen (z. B. die Einrichtungsnummer) oder mit --replace alle Lernorte durch diese Datei ersetzen'
		});
	// Further columns of the city's list (telephone, notes …) stay; new rows leave them empty.
	const extras = (existing?.header ?? []).filter((h) => !(LERNORTE_HEADER as readonly string[]).includes(h));
	const incoming = new Map(good.map((r) => [r.id, line(r)]));
	// Updated rows keep their place in the file (small diffs); new rows go to the end.
	const out: string[][] = [];
	const placed = new Set<string>();
	let kept = 0;
	if (existing) {
		const col = (h: string) => existing.header.indexOf(h);
		for (const rec of existing.records) {
			const fields = LERNORTE_HEADER.map((h) => rec.fields[col(h)] ?? '');
			const extraFields = extras.map((h) => rec.fields[col(h)] ?? '');
			const id = fields[0]!;
			const next = incoming.get(id);
			if (!next) {
				out.push([...fields, ...extraFields]);
				kept++;
			} else if (!placed.has(id)) {
				out.push([...next, ...extraFields]);
				placed.add(id);
			}
		}
	}
	const updated = placed.size;
	for (const [id, fields] of incoming) if (!placed.has(id)) out.push([...fields, ...extras.map(() => '')]);
	draft.write(SOURCE_FILES.lernorte, formatCsv([...LERNORTE_HEADER, ...extras], out));
	if (config.demo.lernorte)
		draft.writeJson(SOURCE_FILES.city, {
			...config,
			demo: { ...config.demo, lernorte: false }
		} satisfies CityConfig);

	const byType = new Map<string, number>();
	for (const r of good) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
	const typeText = [...byType]
		.sort((a, b) => b[1] - a[1])
		.map(
			([t, n]) => `${n} ${LERNORT_TYPES.find((d) => d.id === t)?.[n === 1 ? 'label' : 'labelPlural'] ?? t}`
		)
		.join(', ');
	facts.push(
		['Koordinaten', crsText],
		['Lernorte', `${formatCount(good.length)} gelesen (${typeText})`],
		[
			'Bestand',
			opts.replace
				? `ersetzt${config.demo.lernorte ? ' (Demodaten entfernt)' : ''}`
				: `${updated} aktualisiert, ${good.length - updated} neu, ${kept} unverändert`
		]
	);
	if (issues.length > 0) facts.push(['Übersprungen', `${issues.length} Zeilen (siehe Warnungen)`]);
	return { title: `Lernorte für ${config.name} importiert`, facts, warnings, changes: [], dryRun: false };
}
