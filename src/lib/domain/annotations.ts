import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { oneLine, quoteInput as quote } from './quoteText';
import { tableCsv, type ExportCell } from './tableExport';
import { readTable, TableReadError } from './tableText';
import type { Level } from './types';

/**
 * Notes of a Bildungswerkstatt: a pin on the map (`point`) or an area marked with a category
 * (`area`), each with a short text typed during the discussion. Exported as GeoJSON and CSV
 * for the workshop documentation and read back from both; bad rows are reported in German,
 * naming row (or feature) and field, and the good ones are kept.
 */

/** Categories in the order the tools offer them. */
export const ANNOTATION_CATEGORIES = ['foerderluecke', 'gutes_angebot', 'idee', 'frage'] as const;
export type AnnotationCategory = (typeof ANNOTATION_CATEGORIES)[number];

/** German names of the categories, as shown and as written to files. */
export const CATEGORY_LABELS: Readonly<Record<AnnotationCategory, string>> = {
	foerderluecke: 'Förderlücke',
	gutes_angebot: 'gutes Angebot',
	idee: 'Idee',
	frage: 'Frage'
};

/** A note is short: what fits on a card. */
export const MAX_TEXT_LENGTH = 280;
/** More notes than this in one file are not read (a workshop makes dozens, not thousands). */
export const MAX_IMPORT_ROWS = 2000;
const MAX_ID_LENGTH = 64;
const LEVELS: readonly Level[] = ['stadtteil', 'stadtbezirk'];

interface AnnotationBase {
	id: string;
	category: AnnotationCategory;
	text: string;
	/** ISO 8601 timestamps, e.g. "2026-03-12T09:30:00.000Z". */
	created: string;
	updated: string;
}

/** A pin at a place. */
export interface PointAnnotation extends AnnotationBase {
	kind: 'point';
	lon: number;
	lat: number;
}

/** A marked area of one level. */
export interface AreaAnnotation extends AnnotationBase {
	kind: 'area';
	level: Level;
	key: string;
}

export type Annotation = PointAnnotation | AreaAnnotation;

/**
 * A note as its form edits it: where it is, its category and text; `id` is null for a new note,
 * else the id of the note it changes.
 */
export type NoteDraft =
	| { id: string | null; kind: 'point'; lon: number; lat: number; category: AnnotationCategory; text: string }
	| {
			id: string | null;
			kind: 'area';
			level: Level;
			key: string;
			category: AnnotationCategory;
			text: string;
	  };

/**
 * The note a saved draft becomes: its text cleaned, `created` kept from the note it changes
 * (`old`), `updated` set to `now`; a new note gets `newId()`. A draft whose note is gone
 * (deleted in another tab while it was edited) is stored again under its id, as written.
 * `noteFromDraft({ id: null, kind: 'point', lon: 9.18, lat: 48.78, category: 'idee', text: ' Treff ' }, undefined, now, () => 'n1')`
 * -> `{ id: 'n1', kind: 'point', lon: 9.18, lat: 48.78, category: 'idee', text: 'Treff', created: now, updated: now }`
 */
export function noteFromDraft(
	draft: NoteDraft,
	old: Annotation | undefined,
	now: string,
	newId: () => string
): Annotation {
	const base = {
		id: old?.id ?? draft.id ?? newId(),
		category: draft.category,
		text: cleanText(draft.text),
		created: old?.created ?? now,
		updated: now
	};
	return draft.kind === 'point'
		? { ...base, kind: 'point', lon: draft.lon, lat: draft.lat }
		: { ...base, kind: 'area', level: draft.level, key: draft.key };
}

/** The result of reading a file: the usable notes and one German sentence per bad row. */
export interface AnnotationImport {
	annotations: Annotation[];
	problems: string[];
}

/** What the files are checked against; without `areaKeys` any area key is accepted. */
export interface AnnotationContext {
	areaKeys?: Readonly<Record<Level, ReadonlySet<string>>>;
	/** Ids for rows without one (a hand-made table). */
	newId: () => string;
	/** Timestamp for rows without one. */
	now: string;
}

/**
 * A note's text as stored: control characters removed (line breaks become spaces), blanks
 * trimmed, cut to MAX_TEXT_LENGTH characters. `cleanText('  Kita\nfehlt ')` -> 'Kita fehlt'
 */
export function cleanText(raw: string): string {
	return oneLine(raw, MAX_TEXT_LENGTH);
}

/**
 * A category from its id or German label, any case: `categoryOf('Gutes Angebot')` ->
 * 'gutes_angebot'; `categoryOf('Lob')` -> null.
 */
export function categoryOf(raw: string): AnnotationCategory | null {
	const text = raw.trim().toLowerCase();
	for (const c of ANNOTATION_CATEGORIES) {
		if (c === text || CATEGORY_LABELS[c].toLowerCase() === text) return c;
	}
	return null;
}

/**
 * Orders notes for lists and files: oldest first, then by id.
 * `sortAnnotations([b, a])` -> [a, b] when a was created first. Does not mutate the input.
 */
export function sortAnnotations(list: readonly Annotation[]): Annotation[] {
	return [...list].sort((a, b) =>
		a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
	);
}

/**
 * Adds imported notes to the existing ones; of two with the same id the one changed last wins
 * (on a tie the existing one), so an import never loses a note.
 * `mergeAnnotations([a], [b])` -> [a, b]; `mergeAnnotations([a], [{ ...a, updated: later }])` -> [the newer a]
 */
export function mergeAnnotations(
	existing: readonly Annotation[],
	incoming: readonly Annotation[]
): Annotation[] {
	const byId = new Map(existing.map((a) => [a.id, a]));
	for (const a of incoming) {
		const old = byId.get(a.id);
		if (!old || a.updated > old.updated) byId.set(a.id, a);
	}
	return sortAnnotations([...byId.values()]);
}

// ---------------------------------------------------------------------------------------------
// GeoJSON

/** Property names in the files (German, for the documentation). */
const FIELDS = {
	id: 'id',
	kind: 'art',
	category: 'kategorie',
	text: 'text',
	lon: 'laenge',
	lat: 'breite',
	level: 'ebene',
	key: 'gebiet',
	name: 'gebietsname',
	created: 'erstellt',
	updated: 'geaendert'
} as const;
const KIND_PARAM: Readonly<Record<Annotation['kind'], string>> = { point: 'punkt', area: 'gebiet' };

/**
 * The notes as a GeoJSON FeatureCollection for GIS and the documentation: pins as points,
 * marked areas with the area's geometry when `geometryOf` knows it (else `null`). Properties
 * are German: art, kategorie (label), text, ebene, gebiet, gebietsname, erstellt, geaendert.
 *
 * `annotationsToGeoJson([pin])` -> `{ type: 'FeatureCollection', features: [{ geometry: { type: 'Point', coordinates: [9.18, 48.78] }, properties: { art: 'punkt', kategorie: 'Idee', … } }] }`
 */
export function annotationsToGeoJson(
	list: readonly Annotation[],
	options: {
		geometryOf?: (level: Level, key: string) => Geometry | null;
		nameOf?: (level: Level, key: string) => string | undefined;
	} = {}
): FeatureCollection<Geometry | null> {
	return {
		type: 'FeatureCollection',
		features: sortAnnotations(list).map((a): Feature<Geometry | null> => {
			const common = {
				[FIELDS.id]: a.id,
				[FIELDS.kind]: KIND_PARAM[a.kind],
				[FIELDS.category]: CATEGORY_LABELS[a.category],
				[FIELDS.text]: a.text
			};
			const times = { [FIELDS.created]: a.created, [FIELDS.updated]: a.updated };
			if (a.kind === 'point')
				return {
					type: 'Feature',
					id: a.id,
					geometry: { type: 'Point', coordinates: [a.lon, a.lat] },
					properties: { ...common, ...times }
				};
			return {
				type: 'Feature',
				id: a.id,
				geometry: options.geometryOf?.(a.level, a.key) ?? null,
				properties: {
					...common,
					[FIELDS.level]: a.level,
					[FIELDS.key]: a.key,
					[FIELDS.name]: options.nameOf?.(a.level, a.key) ?? null,
					...times
				}
			};
		})
	};
}

/**
 * Reads notes from GeoJSON text (as written by `annotationsToGeoJson`). Every unusable feature
 * is skipped and described in German with its number and field ("Objekt 3, Feld ‚kategorie‘:
 * …"); a file that is not GeoJSON at all gives a single problem and no notes.
 *
 * `annotationsFromGeoJson('{"type":"FeatureCollection","features":[]}', ctx)` -> `{ annotations: [], problems: [] }`
 */
export function annotationsFromGeoJson(text: string, ctx: AnnotationContext): AnnotationImport {
	let doc: unknown;
	try {
		doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	} catch {
		return fail('Die Datei ist kein gültiges JSON; erwartet wird eine GeoJSON-Datei der Werkstatt.');
	}
	if (!isRecord(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features))
		return fail(
			'Die Datei ist keine GeoJSON-FeatureCollection; erwartet wird eine GeoJSON-Datei der Werkstatt.'
		);
	const features = doc.features as unknown[];
	if (features.length > MAX_IMPORT_ROWS)
		return fail(`Die Datei enthält ${features.length} Objekte; gelesen werden höchstens ${MAX_IMPORT_ROWS}.`);
	const annotations: Annotation[] = [];
	const problems: string[] = [];
	features.forEach((feature, i) => {
		const where = `Objekt ${i + 1}`;
		if (!isRecord(feature) || feature.type !== 'Feature' || !isRecord(feature.properties)) {
			problems.push(`${where}: kein GeoJSON-Feature mit Eigenschaften; übersprungen.`);
			return;
		}
		const props = feature.properties;
		const get = (name: string): string | null => {
			const v = props[name];
			return typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;
		};
		let lon: string | null = null;
		let lat: string | null = null;
		const geometry = feature.geometry;
		if (isRecord(geometry) && geometry.type === 'Point' && Array.isArray(geometry.coordinates)) {
			const [x, y] = geometry.coordinates as unknown[];
			lon = typeof x === 'number' ? String(x) : null;
			lat = typeof y === 'number' ? String(y) : null;
		}
		const read = readRow(
			{
				id: get(FIELDS.id) ?? (typeof feature.id === 'string' ? feature.id : null),
				kind: get(FIELDS.kind),
				category: get(FIELDS.category),
				text: get(FIELDS.text),
				lon,
				lat,
				level: get(FIELDS.level),
				key: get(FIELDS.key),
				created: get(FIELDS.created),
				updated: get(FIELDS.updated)
			},
			ctx,
			false
		);
		if (typeof read === 'string') problems.push(`${where}, ${read}`);
		else annotations.push(read);
	});
	return { annotations, problems };
}

// ---------------------------------------------------------------------------------------------
// CSV

const CSV_HEADER = [
	FIELDS.id,
	FIELDS.kind,
	FIELDS.category,
	FIELDS.text,
	FIELDS.lon,
	FIELDS.lat,
	FIELDS.level,
	FIELDS.key,
	FIELDS.name,
	FIELDS.created,
	FIELDS.updated
];

/**
 * The notes as CSV for a spreadsheet (UTF-8 with BOM; `german: true` for semicolons and decimal
 * commas), one row per note, oldest first.
 * `annotationsToCsv([pin], { german: true })` ->
 * '\ufeffid;art;kategorie;text;laenge;breite;…\r\np1;punkt;Idee;Spielplatz;9,18;48,78;;;;…\r\n'
 */
export function annotationsToCsv(
	list: readonly Annotation[],
	options: { german: boolean; nameOf?: (level: Level, key: string) => string | undefined }
): string {
	const rows = sortAnnotations(list).map((a): ExportCell[] => [
		a.id,
		KIND_PARAM[a.kind],
		CATEGORY_LABELS[a.category],
		a.text,
		a.kind === 'point' ? a.lon : null,
		a.kind === 'point' ? a.lat : null,
		a.kind === 'area' ? a.level : null,
		a.kind === 'area' ? a.key : null,
		a.kind === 'area' ? (options.nameOf?.(a.level, a.key) ?? null) : null,
		a.created,
		a.updated
	]);
	return tableCsv(CSV_HEADER, rows, { german: options.german });
}

/**
 * Reads notes from CSV bytes (any encoding and delimiter `readTable` knows; decimal point or
 * comma). Columns are found by name, in any order; `id`, `erstellt` and `geaendert` may be
 * missing. Bad rows are skipped and described by their line in the file and their field.
 *
 * `annotationsFromCsv(bytesOf('art;kategorie;text;laenge;breite\npunkt;Idee;Bank;9,18;48,78\n'), 'n.csv', ctx)`
 * -> `{ annotations: [{ kind: 'point', category: 'idee', text: 'Bank', lon: 9.18, lat: 48.78, … }], problems: [] }`
 */
export function annotationsFromCsv(
	bytes: Uint8Array,
	file: string,
	ctx: AnnotationContext
): AnnotationImport {
	let table;
	try {
		table = readTable(bytes, file).table;
	} catch (err) {
		if (err instanceof TableReadError)
			return fail(err.issues.map((i) => `${i.message}. ${i.hint ?? ''}`).join(' '));
		throw err;
	}
	const column = new Map(table.header.map((h, i) => [h.trim().toLowerCase(), i]));
	const missing = [FIELDS.kind, FIELDS.category].filter((f) => !column.has(f));
	if (missing.length > 0)
		return fail(
			`${file}: Spalte ${missing.map((m) => `‚${m}‘`).join(' und ')} fehlt; erwartet werden mindestens ` +
				`die Spalten art und kategorie (wie in der CSV-Ausgabe der Werkstatt).`
		);
	if (table.records.length > MAX_IMPORT_ROWS)
		return fail(`${file}: ${table.records.length} Zeilen; gelesen werden höchstens ${MAX_IMPORT_ROWS}.`);
	const annotations: Annotation[] = [];
	const problems: string[] = [];
	for (const record of table.records) {
		const get = (name: string): string | null => {
			const i = column.get(name);
			if (i === undefined) return null;
			const v = record.fields[i];
			return v === undefined || v.trim() === '' ? null : v;
		};
		const read = readRow(
			{
				id: get(FIELDS.id),
				kind: get(FIELDS.kind),
				category: get(FIELDS.category),
				text: get(FIELDS.text),
				lon: get(FIELDS.lon),
				lat: get(FIELDS.lat),
				level: get(FIELDS.level),
				key: get(FIELDS.key),
				created: get(FIELDS.created),
				updated: get(FIELDS.updated)
			},
			ctx,
			true
		);
		if (typeof read === 'string') problems.push(`Zeile ${record.line}, ${read}`);
		else annotations.push(read);
	}
	return { annotations, problems };
}

// ---------------------------------------------------------------------------------------------
// Shared row validation

type RawRow = Record<
	'id' | 'kind' | 'category' | 'text' | 'lon' | 'lat' | 'level' | 'key' | 'created' | 'updated',
	string | null
>;

/** One note from raw fields, or the German reason it cannot be read ("Feld ‚…‘: …"). */
function readRow(raw: RawRow, ctx: AnnotationContext, spreadsheet: boolean): Annotation | string {
	const field = (name: string, message: string) => `Feld ‚${name}‘: ${message}; übersprungen.`;
	const kindText = (raw.kind ?? '').trim().toLowerCase();
	const kind = kindText === KIND_PARAM.point ? 'point' : kindText === KIND_PARAM.area ? 'area' : null;
	if (!kind)
		return field(
			FIELDS.kind,
			raw.kind === null ? 'fehlt (punkt oder gebiet)' : `${quote(raw.kind)} ist weder punkt noch gebiet`
		);
	const category = raw.category === null ? null : categoryOf(raw.category);
	if (!category)
		return field(
			FIELDS.category,
			`${raw.category === null ? 'fehlt' : `${quote(raw.category)} ist keine Kategorie`} ` +
				`(${ANNOTATION_CATEGORIES.map((c) => CATEGORY_LABELS[c]).join(', ')})`
		);
	const rawText = raw.text ?? '';
	// A spreadsheet may have prefixed text that looked like a formula with an apostrophe.
	const unescaped = spreadsheet && /^'[=+\-@]/.test(rawText) ? rawText.slice(1) : rawText;
	if ([...unescaped.trim()].length > MAX_TEXT_LENGTH)
		return field(FIELDS.text, `länger als ${MAX_TEXT_LENGTH} Zeichen`);
	const text = cleanText(unescaped);

	let id = raw.id?.trim() ?? '';
	if (id === '') id = ctx.newId();
	else if (id.length > MAX_ID_LENGTH || !/^[A-Za-z0-9_-]+$/.test(id))
		return field(FIELDS.id, `${quote(id)} ist keine Kennung (Buchstaben, Ziffern, - und _)`);

	const created = raw.created === null ? ctx.now : isoTime(raw.created);
	if (created === null) return field(FIELDS.created, `${quote(raw.created!)} ist kein Zeitpunkt (ISO 8601)`);
	const updated = raw.updated === null ? created : isoTime(raw.updated);
	if (updated === null) return field(FIELDS.updated, `${quote(raw.updated!)} ist kein Zeitpunkt (ISO 8601)`);
	const base = { id, category, text, created, updated };

	if (kind === 'point') {
		const lon = raw.lon === null ? null : readDecimal(raw.lon);
		if (lon === null || Math.abs(lon) > 180)
			return field(
				FIELDS.lon,
				raw.lon === null ? 'fehlt' : `${quote(raw.lon)} ist keine Länge von −180 bis 180`
			);
		const lat = raw.lat === null ? null : readDecimal(raw.lat);
		if (lat === null || Math.abs(lat) > 90)
			return field(
				FIELDS.lat,
				raw.lat === null ? 'fehlt' : `${quote(raw.lat)} ist keine Breite von −90 bis 90`
			);
		return { ...base, kind, lon, lat };
	}
	const level = LEVELS.find((l) => l === raw.level?.trim().toLowerCase());
	if (!level)
		return field(
			FIELDS.level,
			raw.level === null ? 'fehlt (stadtteil oder stadtbezirk)' : `${quote(raw.level)} ist keine Gebietsebene`
		);
	const key = raw.key?.trim() ?? '';
	if (key === '') return field(FIELDS.key, 'fehlt');
	if (ctx.areaKeys && !ctx.areaKeys[level].has(key))
		return field(FIELDS.key, `${quote(key)} ist kein Gebiet der Ebene ${level}`);
	return { ...base, kind, level, key };
}

/** '9.18' or '9,18' -> 9.18; anything else -> null. */
function readDecimal(raw: string): number | null {
	const text = raw.trim().replace(',', '.');
	if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
	return Number(text);
}

/** A full ISO 8601 timestamp normalised to UTC ("…Z"), or null. */
function isoTime(raw: string): string | null {
	const text = raw.trim();
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return null;
	const ms = Date.parse(text);
	return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function fail(problem: string): AnnotationImport {
	return { annotations: [], problems: [problem] };
}

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}
