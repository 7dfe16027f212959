/**
 * Lernort lists from offices and Excel (Kitas, schools, libraries, …) -> rows of
 * lernorte.csv. Column names vary ("Einrichtung", "Schulart", "Rechtswert", "PLZ"), types are
 * written as labels ("Kindertagesstätte", "Grundschule (GS)"), coordinates come as degrees
 * or projected metres in German or English notation.
 *
 * This module only reads: the caller knows the CRS, reprojects projected coordinates and
 * checks for swapped latitude/longitude. Every row is returned; rows that cannot be used
 * (no coordinates, unknown type) are issues naming the line, never dropped silently.
 */
import type { CsvDelimiter, CsvRecord, CsvTable } from '../../../src/lib/domain/csv';
import {
	detectNotation,
	parseStatCell,
	resolveNotation,
	type NumberNotation,
	type StatCell
} from '../../../src/lib/domain/germanNumber';
import type { TableText } from '../../../src/lib/domain/tableText';
import type { LernortTypeDef } from '../../../src/lib/domain/types';
import { readImportTable } from './indicatorTable';
import { foldName, suggest } from './keyMatch';
import type { ValidationIssue } from './types';

export interface ImportedLernortRow {
	/** Line in the file. */
	line: number;
	id: string;
	name: string;
	/** Lernort type id; empty when the type is unknown (an issue says so). */
	type: string;
	/** Longitude (or easting), absent when the row has no usable coordinates. */
	x?: number;
	/** Latitude (or northing). */
	y?: number;
	/** Headers of the columns x and y came from, null when the table has none. */
	coordinateColumns: [string, string] | null;
	address: string;
	capacity?: number;
	source?: string;
	/** Set when the file had no id for the row and one was made from file name and line. */
	generatedId?: true;
}

export type CoordinateKind = 'lonlat' | 'projected';

export interface LernortTableOptions {
	/** The file as given by the user, for messages and generated ids. */
	file: string;
	/** The Lernort types of the city. */
	types: readonly LernortTypeDef[];
	/** Type id for every row of a table without a type column (`--type kita`). */
	type?: string;
	/** The file's delimiter; decides ambiguous number notation (`,` English, else German). */
	delimiter?: CsvDelimiter;
}

export interface LernortTableResult {
	/** Every data line of the table; a caller must write nothing while `issues` is not empty. */
	rows: ImportedLernortRow[];
	/** `lonlat` (x = longitude, y = latitude in degrees) or `projected` (x = easting, y = northing in metres). */
	coordinateKind: CoordinateKind | null;
	issues: ValidationIssue[];
	/** German lines for the CLI: recognised columns, generated ids, … */
	notes: string[];
}

type Role =
	| 'id'
	| 'name'
	| 'type'
	| 'lat'
	| 'lon'
	| 'east'
	| 'north'
	| 'x'
	| 'y'
	| 'address'
	| 'street'
	| 'houseNumber'
	| 'postcode'
	| 'place'
	| 'capacity'
	| 'source';

// Header words, folded (see foldName).
const ROLE_WORDS: Record<Role, readonly string[]> = {
	id: [
		'id',
		'nr',
		'nummer',
		'kennung',
		'kennziffer',
		'schulnummer',
		'dienststellennummer',
		'einrichtungsnummer',
		'einrichtungsnr',
		'objektid',
		'objektnr',
		'fid',
		'lfdnr'
	],
	name: [
		'name',
		'bezeichnung',
		'einrichtung',
		'einrichtungsname',
		'namedereinrichtung',
		'schulname',
		'schule',
		'titel',
		'standortname'
	],
	type: [
		'typ',
		'type',
		'art',
		'einrichtungsart',
		'einrichtungstyp',
		'schulart',
		'schultyp',
		'kategorie',
		'angebotsart'
	],
	lat: ['lat', 'latitude', 'breite', 'breitengrad', 'geobreite', 'wgs84lat', 'latwgs84', 'geogrbreite'],
	lon: ['lon', 'lng', 'long', 'longitude', 'laenge', 'laengengrad', 'geolaenge', 'wgs84lon', 'lonwgs84'],
	east: ['rechtswert', 'ostwert', 'east', 'easting', 'utme', 'utmeast', 'rw', 'e', 'xutm', 'utmx'],
	north: ['hochwert', 'nordwert', 'north', 'northing', 'utmn', 'utmnorth', 'hw', 'n', 'yutm', 'utmy'],
	x: ['x', 'xkoordinate', 'xkoord', 'koordinatex', 'xcoord', 'xwert'],
	y: ['y', 'ykoordinate', 'ykoord', 'koordinatey', 'ycoord', 'ywert'],
	address: ['adresse', 'anschrift', 'address', 'standortadresse', 'postanschrift'],
	street: [
		'strasse',
		'str',
		'street',
		'strasseundhausnummer',
		'strassehausnummer',
		'strassenr',
		'strassehnr'
	],
	houseNumber: ['hausnummer', 'hausnr', 'hnr', 'housenumber'],
	postcode: ['plz', 'postleitzahl', 'zip', 'postcode', 'postalcode'],
	place: ['ort', 'stadt', 'gemeinde', 'city', 'ortsname'],
	capacity: [
		'kapazitaet',
		'plaetze',
		'platzzahl',
		'anzahlplaetze',
		'genehmigteplaetze',
		'betreuungsplaetze',
		'plaetzegesamt',
		'capacity'
	],
	source: ['quelle', 'source', 'datenquelle']
};
const ROLE_BY_WORD = new Map<string, Role>(
	(Object.entries(ROLE_WORDS) as Array<[Role, readonly string[]]>).flatMap(([role, words]) =>
		words.map((w) => [w, role] as [string, Role])
	)
);

/**
 * Other names of the known types, folded. Only names that say one type; "Grund- und
 * Werkrealschule" is two and stays an issue.
 */
const TYPE_VARIANTS: Readonly<Record<string, readonly string[]>> = {
	kita: [
		'kindertagesstaette',
		'kindertagesstaetten',
		'kindertageseinrichtung',
		'kindertageseinrichtungen',
		'tageseinrichtung',
		'kindergarten',
		'kindergaerten',
		'kiga',
		'kinderkrippe',
		'krippe',
		'kinderhaus',
		'kinderhaeuser',
		'kindertagesheim'
	],
	kindertagespflege: [
		'tagespflege',
		'tagespflegestelle',
		'kindertagespflegestelle',
		'grosstagespflege',
		'tagesmutter',
		'tagesmuetter',
		'tageseltern'
	],
	grundschule: ['gs'],
	gemeinschaftsschule: ['gms'],
	werkrealschule: ['wrs', 'hauptschule', 'hauptundwerkrealschule'],
	realschule: ['rs'],
	gymnasium: ['gym', 'gy', 'allgemeinbildendesgymnasium', 'gymnasiumallgemeinbildend'],
	sbbz: ['sonderschule', 'foerderschule', 'sonderpaedagogischesbildungsundberatungszentrum'],
	berufliche_schule: [
		'berufsschule',
		'berufsfachschule',
		'berufskolleg',
		'beruflichesgymnasium',
		'beruflichesschulzentrum',
		'berufsschulzentrum'
	],
	jugendhaus: [
		'jugendhaeuser',
		'jugendtreff',
		'jugendtreffs',
		'kindertreff',
		'kinderundjugendtreff',
		'kinderundjugendhaus',
		'jugendzentrum',
		'jugendclub'
	],
	bibliothek: [
		'bibliothek',
		'bibliotheken',
		'stadtbibliothek',
		'stadtteilbibliothek',
		'stadtbuecherei',
		'buecherei',
		'mediathek'
	],
	musikschule: ['jugendmusikschule'],
	vhs: ['volkshochschule'],
	familienzentrum: ['elternkindzentrum', 'ekiz', 'familienbildungsstaette'],
	sportverein: ['verein', 'turnverein'],
	spielplatz: ['spielflaeche', 'bolzplatz', 'aktivspielplatz', 'abenteuerspielplatz'],
	jugendberufsagentur: ['beratungsstelle', 'berufsberatung', 'jba']
};

/** "Grund- und Werkrealschule", "Kita/Familienzentrum": German shorthand for two types. */
const namesTwoTypes = (raw: string) => /\p{L}-\s+(und|oder|u\.)\s|\p{L}\s*[/+&]\s*\p{L}/u.test(raw);

/** A type lookup: folded id, label, plural, parts of "A / B" labels and variants -> type id. */
function typeMatcher(types: readonly LernortTypeDef[]) {
	const byForm = new Map<string, string>();
	for (const t of types) {
		const forms = [t.id, t.label, t.labelPlural, ...t.label.split('/'), ...t.labelPlural.split('/')];
		for (const f of forms) byForm.set(foldName(f), t.id);
		for (const v of TYPE_VARIANTS[t.id] ?? []) byForm.set(v, t.id);
	}
	return (raw: string): string | undefined => {
		const whole = byForm.get(foldName(raw));
		if (whole) return whole;
		if (namesTwoTypes(raw)) return undefined;
		const inner = /^(.*?)\s*\((.*)\)\s*$/.exec(raw);
		if (inner) {
			const found = byForm.get(foldName(inner[1]!)) ?? byForm.get(foldName(inner[2]!));
			if (found) return found;
		}
		// "Städtische Kita", "Ev. Kindergarten": one word names the type.
		const hits = new Set(
			raw
				.split(/[\s,;/()]+/)
				.map((w) => byForm.get(foldName(w)))
				.filter((id): id is string => id !== undefined)
		);
		return hits.size === 1 ? [...hits][0] : undefined;
	};
}

const cell = (r: CsvRecord, i: number | undefined) => (i === undefined ? '' : (r.fields[i] ?? '').trim());

/** "Kitas 2024.csv" -> "kitas-2024": the file part of generated ids. */
function fileSlug(file: string): string {
	const base = file.split(/[\\/]/).pop() ?? file;
	const stem = base.replace(/\.[^.]+$/, '');
	const slug = stem
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return slug || 'lernort';
}

type NumberCell = Exclude<StatCell, { kind: 'invalid' }> | Extract<StatCell, { kind: 'invalid' }>;

const DECIMAL = /^[-−–+]?\d+(?:[.,]\d+)?$/;

/**
 * Read a coordinate column. Degrees never carry thousands separators, so there a single `.`
 * or `,` is the decimal mark ("48.778" and "48,778" alike). Metres follow the column's
 * notation; where that is ambiguous ("513.456") the thousands reading wins, since projected
 * coordinates are large.
 */
function readCoordinates(
	cells: readonly string[],
	kind: 'degrees' | 'metres',
	fallback: NumberNotation
): NumberCell[] {
	if (kind === 'degrees')
		return cells.map((c) => {
			const s = c.trim();
			return DECIMAL.test(s)
				? { kind: 'number', value: Number(s.replace(',', '.').replace(/^[−–]/, '-')) }
				: parseStatCell(c, fallback);
		});
	const guess = detectNotation(cells).notation;
	if (guess === 'german' || guess === 'english') return cells.map((c) => parseStatCell(c, guess));
	if (guess === 'either') return cells.map((c) => parseStatCell(c, fallback));
	const readings = (['german', 'english'] as const).map((n) => cells.map((c) => parseStatCell(c, n)));
	const large = (reading: NumberCell[]) =>
		reading.filter((c) => c.kind === 'number' && Math.abs(c.value) >= 1000).length;
	const [german, english] = readings as [NumberCell[], NumberCell[]];
	const lg = large(german);
	const le = large(english);
	return lg > le ? german : le > lg ? english : fallback === 'german' ? german : english;
}

const isNumber = (c: NumberCell | undefined): c is Extract<StatCell, { kind: 'number' }> =>
	c?.kind === 'number';

/**
 * Normalise a Lernort table to rows of lernorte.csv (before reprojection).
 *
 * `normalizeLernortTable({ header: ['Einrichtung', 'Art', 'Breite', 'Länge'], records: [{ line: 2, fields: ['Kita Sonne', 'Kindertagesstätte', '48,78', '9,18'] }] }, { file: 'kitas.csv', types })`
 * -> `{ rows: [{ line: 2, id: 'kitas-2', name: 'Kita Sonne', type: 'kita', x: 9.18, y: 48.78, coordinateColumns: ['Länge', 'Breite'], address: '' }], coordinateKind: 'lonlat', … }`
 */
export function normalizeLernortTable(table: CsvTable, opts: LernortTableOptions): LernortTableResult {
	const { file } = opts;
	const headerLine = table.headerLine ?? 1;
	const issues: ValidationIssue[] = [];
	const notes: string[] = [];
	const fallback: NumberNotation = opts.delimiter === ',' ? 'english' : 'german';

	const col: Partial<Record<Role, number>> = {};
	table.header.forEach((h, i) => {
		let role = ROLE_BY_WORD.get(foldName(h));
		// "Straße;Nr": a number column right after the street is the house number.
		if (role === 'id' && foldName(h) === 'nr' && col.street === i - 1) role = 'houseNumber';
		if (role && col[role] === undefined) col[role] = i;
		else if (h.trim() !== '') notes.push(`Spalte „${h}“ nicht verwendet`);
	});
	const header = (role: Role) => table.header[col[role]!]!;
	const column = (role: Role) => table.records.map((r) => cell(r, col[role]));

	const matchType = typeMatcher(opts.types);
	const knownTypes = opts.types.map((t) => `${t.id} (${t.label})`).join(', ');
	let defaultType: string | undefined;
	if (opts.type !== undefined) {
		defaultType = matchType(opts.type);
		if (!defaultType)
			issues.push({
				file,
				column: '--type',
				message: `Unbekannter Lernort-Typ „${opts.type}“`,
				hint: `Einen dieser Typen verwenden: ${knownTypes}`
			});
	}
	if (col.name === undefined)
		issues.push({
			file,
			row: headerLine,
			message: 'Keine Spalte mit dem Namen des Lernorts gefunden',
			hint: 'Spalte „Name“ (oder Bezeichnung, Einrichtung) ergänzen'
		});
	if (col.type === undefined && opts.type === undefined)
		issues.push({
			file,
			row: headerLine,
			message: 'Keine Spalte mit dem Typ des Lernorts gefunden',
			hint: `Spalte „Typ“ (oder Art, Einrichtungsart, Schulart) ergänzen oder --type angeben: ${knownTypes}`
		});

	// Coordinates: lat/lon, else easting/northing, else X/Y decided by their values.
	let coordinateKind: CoordinateKind | null = null;
	let xy: { x: Role; y: Role } | undefined;
	let xs: NumberCell[] = [];
	let ys: NumberCell[] = [];
	if (col.lat !== undefined && col.lon !== undefined) {
		xy = { x: 'lon', y: 'lat' };
		coordinateKind = 'lonlat';
		xs = readCoordinates(column('lon'), 'degrees', fallback);
		ys = readCoordinates(column('lat'), 'degrees', fallback);
		if (col.east !== undefined || col.x !== undefined)
			notes.push('Breite/Länge verwendet; weitere Koordinatenspalten nicht verwendet');
	} else if (col.east !== undefined && col.north !== undefined) {
		xy = { x: 'east', y: 'north' };
		coordinateKind = 'projected';
		xs = readCoordinates(column('east'), 'metres', fallback);
		ys = readCoordinates(column('north'), 'metres', fallback);
	} else if (col.x !== undefined && col.y !== undefined) {
		xy = { x: 'x', y: 'y' };
		const dx = readCoordinates(column('x'), 'degrees', fallback);
		const dy = readCoordinates(column('y'), 'degrees', fallback);
		const pairs = dx.map((c, i) => [c, dy[i]] as const).filter(([a, b]) => isNumber(a) && isNumber(b));
		const degrees = pairs.filter(
			([a, b]) => isNumber(a) && isNumber(b) && Math.abs(a.value) <= 180 && Math.abs(b.value) <= 90
		).length;
		if (pairs.length > 0 && degrees >= pairs.length * 0.9) {
			coordinateKind = 'lonlat';
			xs = dx;
			ys = dy;
			notes.push(`„${header('x')}“/„${header('y')}“ als Länge/Breite in Grad gelesen`);
		} else {
			coordinateKind = 'projected';
			xs = readCoordinates(column('x'), 'metres', fallback);
			ys = readCoordinates(column('y'), 'metres', fallback);
			notes.push(`„${header('x')}“/„${header('y')}“ als Rechts-/Hochwert in Metern gelesen`);
		}
	} else
		issues.push({
			file,
			row: headerLine,
			message: 'Keine Koordinatenspalten gefunden',
			hint: 'Spalten Breite und Länge (lat, lon) oder Rechtswert und Hochwert ergänzen; Adressen werden nicht geokodiert'
		});
	const coordinateColumns: [string, string] | null = xy ? [header(xy.x), header(xy.y)] : null;

	let capacities: NumberCell[] = [];
	if (col.capacity !== undefined) {
		const resolved = resolveNotation(column('capacity'), opts.delimiter ?? ';');
		if (resolved.note) notes.push(`Spalte „${header('capacity')}“: ${resolved.note}`);
		capacities = column('capacity').map((c) => parseStatCell(c, resolved.notation));
	}

	const slug = fileSlug(file);
	const seen = new Map<string, number>();
	const typeCache = new Map<string, string | undefined>();
	let generated = 0;
	const rows: ImportedLernortRow[] = table.records.map((r, i) => {
		const at = { file, row: r.line };
		let id = cell(r, col.id);
		const generatedId = id === '';
		if (generatedId) {
			id = `${slug}-${r.line}`;
			generated++;
		}
		const first = seen.get(id);
		if (first !== undefined)
			issues.push({
				...at,
				column: col.id === undefined ? undefined : header('id'),
				message: `ID „${id}“ kommt doppelt vor (Zeile ${first} und Zeile ${r.line})`,
				hint: 'Jede ID nur einmal vergeben'
			});
		else seen.set(id, r.line);

		const name = cell(r, col.name).replace(/\s+/g, ' ');
		if (col.name !== undefined && name === '')
			issues.push({
				...at,
				column: header('name'),
				message: 'Name fehlt',
				hint: 'Namen des Lernorts eintragen'
			});

		let type = defaultType ?? '';
		if (col.type !== undefined) {
			const raw = cell(r, col.type);
			if (raw === '' && defaultType) type = defaultType;
			else {
				if (!typeCache.has(raw)) typeCache.set(raw, matchType(raw));
				type = typeCache.get(raw) ?? '';
				if (!type) {
					const close = suggest(
						raw,
						opts.types.map((t) => t.label)
					);
					issues.push({
						...at,
						column: header('type'),
						message: !raw
							? 'Typ fehlt'
							: namesTwoTypes(raw)
								? `Lernort-Typ „${raw}“ nennt mehrere Typen`
								: `Unbekannter Lernort-Typ „${raw}“`,
						hint: namesTwoTypes(raw)
							? `Eine Zeile je Typ anlegen (gleiche Koordinaten) oder den Haupttyp eintragen: ${knownTypes}`
							: `${close.length ? `Meinten Sie ${close.join(' / ')}? ` : ''}Einen dieser Typen verwenden: ${knownTypes}`
					});
				}
			}
		}

		const row: ImportedLernortRow = {
			line: r.line,
			id,
			name,
			type,
			coordinateColumns,
			address: address(r),
			...(generatedId && { generatedId: true as const })
		};
		if (xy) {
			const x = xs[i];
			const y = ys[i];
			const rawX = cell(r, col[xy.x]);
			const rawY = cell(r, col[xy.y]);
			const where = `${header(xy.x)} „${rawX}“, ${header(xy.y)} „${rawY}“`;
			const degreeHint =
				coordinateKind === 'lonlat'
					? 'Dezimalgrad eintragen (z. B. Breite 48,78 und Länge 9,18)'
					: 'Rechts- und Hochwert in Metern eintragen';
			if (!isNumber(x) || !isNumber(y))
				issues.push({
					...at,
					column: header(!isNumber(x) ? xy.x : xy.y),
					message: `Keine verwendbaren Koordinaten (${where})`,
					hint: `${degreeHint}, oder die Zeile löschen – ein Lernort ohne Lage kann nicht auf die Karte`
				});
			else if (x.value === 0 && y.value === 0)
				issues.push({
					...at,
					column: header(xy.x),
					message: `Koordinaten 0/0 (${where}) – Platzhalter statt einer Lage`,
					hint: `${degreeHint}, oder die Zeile löschen`
				});
			else if (coordinateKind === 'lonlat' && (Math.abs(x.value) > 180 || Math.abs(y.value) > 90))
				issues.push({
					...at,
					column: header(Math.abs(x.value) > 180 ? xy.x : xy.y),
					message: `Koordinate außerhalb des Wertebereichs von Grad (${where})`,
					hint: 'Breite −90…90, Länge −180…180; Meterwerte in Spalten Rechtswert/Hochwert'
				});
			else {
				row.x = x.value;
				row.y = y.value;
			}
		}

		const capacity = capacities[i];
		if (capacity && capacity.kind === 'number') {
			if (Number.isInteger(capacity.value) && capacity.value >= 0) row.capacity = capacity.value;
			else
				issues.push({
					...at,
					column: header('capacity'),
					message: `Kapazität „${cell(r, col.capacity)}“ ist keine ganze Zahl ab 0`,
					hint: 'Zahl der Plätze eintragen oder leer lassen, wenn unbekannt'
				});
		} else if (capacity?.kind === 'invalid')
			issues.push({
				...at,
				column: header('capacity'),
				message: `Kapazität „${capacity.raw}“ ist keine Zahl: ${capacity.reason}`,
				hint: 'Zahl der Plätze eintragen oder leer lassen, wenn unbekannt'
			});

		const source = cell(r, col.source);
		if (source) row.source = source;
		return row;
	});

	if (generated)
		notes.push(
			`${generated} ID(s) aus Dateiname und Zeile erzeugt (z. B. ${slug}-${table.records.find((r) => !cell(r, col.id))?.line}); sie bleiben gleich, solange die Zeilen der Datei gleich bleiben`
		);
	return { rows, coordinateKind, issues, notes };

	/** The address column, or street, house number, postcode and place joined. */
	function address(r: CsvRecord): string {
		const join = (parts: string[], sep: string) => parts.filter((p) => p !== '').join(sep);
		const local = join([cell(r, col.postcode), cell(r, col.place)], ' ');
		const given = cell(r, col.address);
		if (given) return local && !given.includes(cell(r, col.postcode) || local) ? `${given}, ${local}` : given;
		return join([join([cell(r, col.street), cell(r, col.houseNumber)], ' '), local], ', ');
	}
}

/**
 * Bytes of a Lernort table -> rows, with how the file was read. Throws ImportError when the
 * file is no table.
 */
export function importLernortTable(
	bytes: Uint8Array,
	options: LernortTableOptions
): LernortTableResult & Omit<TableText, 'table'> {
	const { table, ...read } = readImportTable(bytes, options.file, { delimiter: options.delimiter });
	return { ...normalizeLernortTable(table, { ...options, delimiter: read.delimiter }), ...read };
}
