import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { cellFromCounts, type IndicatorShape } from './aggregate';
import { CITY_ID } from './cityId';
import { parseCell, type ParsedCell } from './cells';
import type { CsvRecord, CsvTable } from './csv';
import { PHASE_IDS } from './phases';
import type { BildungsregionDef, Cell, CityConfig, IndicatorMeta, LernortTypeDef, Level } from './types';

/**
 * Validation of the source files in geodata/<city>/. Every function takes parsed content
 * and returns the rows it could read plus a list of issues, each naming the file, the
 * 1-based line (as in the file) and the column, and saying what to do.
 */

export interface ValidationIssue {
	file: string;
	/** 1-based line number in the file (CSV), absent for whole-file or JSON issues. */
	row?: number;
	/** CSV column name or JSON path. */
	column?: string;
	message: string;
	/** What to do about it, in German. */
	hint: string;
}

/** `file:row:column — message — hint`, the form the CLI prints. */
export function formatIssue(issue: ValidationIssue): string {
	const where = [issue.file, issue.row, issue.column].filter((x) => x !== undefined).join(':');
	return `${where} — ${issue.message} — ${issue.hint}`;
}

interface Columns {
	get(record: CsvRecord, column: string): string;
}

/** Check that a table has the required columns; returns an accessor by column name. */
function columns(
	table: CsvTable,
	file: string,
	required: readonly string[],
	issues: ValidationIssue[]
): Columns | null {
	const missing = required.filter((c) => !table.header.includes(c));
	if (missing.length > 0) {
		issues.push({
			file,
			row: 1,
			message: `Spalte(n) ${missing.join(', ')} fehlen in der Kopfzeile`,
			hint: `Kopfzeile muss ${required.join(',')} enthalten`
		});
		return null;
	}
	for (const record of table.records) {
		if (record.fields.length === table.header.length) continue;
		issues.push({
			file,
			row: record.line,
			message: `Zeile hat ${record.fields.length} statt ${table.header.length} Felder`,
			hint:
				record.fields.length > table.header.length
					? 'Felder, die ein Komma enthalten, in Anführungszeichen setzen ("Musterstraße 1, 70173 Stuttgart")'
					: 'Fehlende Felder ergänzen (leere Felder mit Kommas stehen lassen)'
		});
	}
	const index = new Map(table.header.map((h, i) => [h, i]));
	return { get: (record, column) => (record.fields[index.get(column) ?? -1] ?? '').trim() };
}

const KEY_PATTERN = /^\d+$/;

function readCoordinate(
	raw: string,
	column: 'lat' | 'lon',
	at: { file: string; row: number },
	issues: ValidationIssue[]
): number | undefined {
	const cell = parseCell(raw);
	const [min, max] = column === 'lat' ? [-90, 90] : [-180, 180];
	if (cell.kind !== 'number' || cell.value < min || cell.value > max) {
		issues.push({
			...at,
			column,
			message: `Koordinate „${raw}“ ist ungültig`,
			hint: 'WGS84-Dezimalgrad mit Dezimalpunkt angeben, z. B. lat 48.78, lon 9.18'
		});
		return undefined;
	}
	return cell.value;
}

export interface BezirkRow {
	key: string;
	name: string;
	line: number;
}

/** stadtbezirke.csv: `bezirk_nr,bezirk_name[,...]`, unique numeric keys. */
export function readStadtbezirke(
	table: CsvTable,
	file: string
): { rows: BezirkRow[]; issues: ValidationIssue[] } {
	const issues: ValidationIssue[] = [];
	const col = columns(table, file, ['bezirk_nr', 'bezirk_name'], issues);
	if (!col) return { rows: [], issues };
	const rows: BezirkRow[] = [];
	const seen = new Map<string, number>();
	for (const r of table.records) {
		const key = col.get(r, 'bezirk_nr');
		const name = col.get(r, 'bezirk_name');
		const at = { file, row: r.line };
		if (!KEY_PATTERN.test(key)) {
			issues.push({
				...at,
				column: 'bezirk_nr',
				message: `Schlüssel „${key}“ ist keine Zahl`,
				hint: 'Amtliche Bezirksnummer eintragen'
			});
			continue;
		}
		const first = seen.get(key);
		if (first !== undefined) {
			issues.push({
				...at,
				column: 'bezirk_nr',
				message: `Stadtbezirk ${key} kommt doppelt vor (zuerst in Zeile ${first})`,
				hint: 'Doppelte Zeile löschen oder Schlüssel korrigieren'
			});
			continue;
		}
		seen.set(key, r.line);
		if (!name)
			issues.push({
				...at,
				column: 'bezirk_name',
				message: 'Name fehlt',
				hint: 'Namen des Stadtbezirks eintragen'
			});
		rows.push({ key, name, line: r.line });
	}
	return { rows, issues };
}

export interface StadtteilRow {
	key: string;
	name: string;
	parent: string;
	lat: number;
	lon: number;
	line: number;
}

/** stadtteile.csv: `nr,name,bezirk_nr,...,lat,lon`, unique keys, known Bezirke, distinct points. */
export function readStadtteile(
	table: CsvTable,
	file: string,
	bezirkKeys: ReadonlySet<string>
): { rows: StadtteilRow[]; issues: ValidationIssue[] } {
	const issues: ValidationIssue[] = [];
	const col = columns(table, file, ['nr', 'name', 'bezirk_nr', 'lat', 'lon'], issues);
	if (!col) return { rows: [], issues };
	const rows: StadtteilRow[] = [];
	const seen = new Map<string, number>();
	const points = new Map<string, number>();
	for (const r of table.records) {
		const at = { file, row: r.line };
		const key = col.get(r, 'nr');
		if (!KEY_PATTERN.test(key)) {
			issues.push({
				...at,
				column: 'nr',
				message: `Schlüssel „${key}“ ist keine Zahl`,
				hint: 'Amtliche Stadtteilnummer eintragen'
			});
			continue;
		}
		const first = seen.get(key);
		if (first !== undefined) {
			issues.push({
				...at,
				column: 'nr',
				message: `Stadtteil ${key} kommt doppelt vor (zuerst in Zeile ${first})`,
				hint: 'Doppelte Zeile löschen oder Schlüssel korrigieren'
			});
			continue;
		}
		seen.set(key, r.line);
		const name = col.get(r, 'name');
		const parent = col.get(r, 'bezirk_nr');
		let ok = true;
		if (!name) {
			issues.push({ ...at, column: 'name', message: 'Name fehlt', hint: 'Namen des Stadtteils eintragen' });
			ok = false;
		}
		if (!bezirkKeys.has(parent)) {
			issues.push({
				...at,
				column: 'bezirk_nr',
				message: `Unbekannter Stadtbezirk „${parent}“`,
				hint: 'Schlüssel muss in stadtbezirke.csv (Spalte bezirk_nr) stehen'
			});
			ok = false;
		}
		const lat = readCoordinate(col.get(r, 'lat'), 'lat', at, issues);
		const lon = readCoordinate(col.get(r, 'lon'), 'lon', at, issues);
		if (lat === undefined || lon === undefined || !ok) continue;
		const point = `${lon},${lat}`;
		const samePoint = points.get(point);
		if (samePoint !== undefined) {
			issues.push({
				...at,
				column: 'lat',
				message: `Gleicher Punkt wie Zeile ${samePoint}`,
				hint: 'Jeder Stadtteil braucht einen eigenen Punkt im Inneren'
			});
			continue;
		}
		points.set(point, r.line);
		rows.push({ key, name, parent, lat, lon, line: r.line });
	}
	for (const b of bezirkKeys)
		if (![...rows].some((s) => s.parent === b) && issues.length === 0)
			issues.push({
				file,
				message: `Stadtbezirk ${b} hat keine Stadtteile`,
				hint: 'Stadtteile mit bezirk_nr ergänzen'
			});
	return { rows, issues };
}

export interface IndicatorRow {
	indicator: string;
	year: number;
	area: string;
	cell: Cell;
	line: number;
}

const NUMBER_HINT = 'Zahl mit Dezimalpunkt angeben; leer oder - = keine Daten, . oder x = geheim gehalten';

/**
 * indicators.csv in long format `indicator,year,area,numerator,denominator`: one row per
 * indicator, year and Stadtteil. Counts leave `denominator` empty.
 */
export function readIndicatorRows(
	table: CsvTable,
	file: string,
	catalog: ReadonlyMap<string, IndicatorShape>,
	areaKeys: ReadonlySet<string>
): { rows: IndicatorRow[]; issues: ValidationIssue[] } {
	const issues: ValidationIssue[] = [];
	const col = columns(table, file, ['indicator', 'year', 'area', 'numerator', 'denominator'], issues);
	if (!col) return { rows: [], issues };
	const rows: IndicatorRow[] = [];
	const seen = new Map<string, number>();
	for (const r of table.records) {
		const at = { file, row: r.line };
		const before = issues.length;
		const indicator = col.get(r, 'indicator');
		const shape = catalog.get(indicator);
		if (!shape)
			issues.push({
				...at,
				column: 'indicator',
				message: `Indikator „${indicator}“ fehlt im Katalog`,
				hint: 'Indikator in indicators.catalog.json ergänzen oder Schreibweise korrigieren'
			});
		const yearRaw = col.get(r, 'year');
		if (!/^\d{4}$/.test(yearRaw))
			issues.push({
				...at,
				column: 'year',
				message: `Jahr „${yearRaw}“ ist ungültig`,
				hint: 'Jahr vierstellig angeben, z. B. 2023'
			});
		const area = col.get(r, 'area');
		if (!areaKeys.has(area))
			issues.push({
				...at,
				column: 'area',
				message: `Unbekannter Gebietsschlüssel „${area}“`,
				hint: 'Schlüssel muss in stadtteile.csv (Spalte nr) stehen'
			});
		const id = `${indicator}|${yearRaw}|${area}`;
		const first = seen.get(id);
		if (first !== undefined)
			issues.push({
				...at,
				column: 'area',
				message: `Doppelte Zeile für ${indicator} ${yearRaw} ${area} (zuerst in Zeile ${first})`,
				hint: 'Nur eine Zeile je Indikator, Jahr und Gebiet behalten'
			});
		else seen.set(id, r.line);
		const numerator = readCount(col.get(r, 'numerator'), 'numerator', at, issues);
		const denominatorRaw = col.get(r, 'denominator');
		const denominator = readCount(denominatorRaw, 'denominator', at, issues);
		if (!shape || issues.length > before || !numerator || !denominator) continue;

		let cell: Cell;
		if (shape.kind === 'count') {
			if (denominator.kind !== 'missing' || denominatorRaw !== '') {
				issues.push({
					...at,
					column: 'denominator',
					message: `„${indicator}“ ist eine Anzahl und hat keinen Nenner`,
					hint: 'Spalte denominator leer lassen'
				});
				continue;
			}
			cell =
				numerator.kind === 'number'
					? cellFromCounts(numerator.value, undefined, shape)
					: { status: numerator.kind === 'suppressed' ? 'suppressed' : 'missing' };
		} else if (numerator.kind === 'suppressed' || denominator.kind === 'suppressed') {
			cell = { status: 'suppressed' };
		} else if (numerator.kind === 'missing') {
			cell = { status: 'missing' };
		} else if (denominator.kind !== 'number') {
			issues.push({
				...at,
				column: 'denominator',
				message: 'Nenner fehlt zu einem vorhandenen Zähler',
				hint: 'Nenner eintragen oder auch den Zähler leer lassen'
			});
			continue;
		} else if (numerator.value > denominator.value) {
			issues.push({
				...at,
				column: 'numerator',
				message: `Zähler ${numerator.value} ist größer als der Nenner ${denominator.value}`,
				hint: 'Zähler und Nenner prüfen (vertauscht?)'
			});
			continue;
		} else {
			cell = cellFromCounts(numerator.value, denominator.value, shape);
		}
		rows.push({ indicator, year: Number(yearRaw), area, cell, line: r.line });
	}
	return { rows, issues };
}

/** A numerator or denominator cell: a whole number >= 0, or a missing/suppressed mark. */
function readCount(
	raw: string,
	column: string,
	at: { file: string; row: number },
	issues: ValidationIssue[]
): Exclude<ParsedCell, { kind: 'invalid' }> | undefined {
	const cell = parseCell(raw);
	if (cell.kind === 'invalid') {
		issues.push({ ...at, column, message: `Wert „${raw}“ ist keine Zahl`, hint: NUMBER_HINT });
		return undefined;
	}
	if (cell.kind === 'number' && (!Number.isInteger(cell.value) || cell.value < 0)) {
		issues.push({
			...at,
			column,
			message: `Wert „${raw}“ ist keine Anzahl`,
			hint: 'Zähler und Nenner sind Anzahlen: ganze Zahlen ab 0 (Quoten berechnet der Build)'
		});
		return undefined;
	}
	return cell;
}

export interface LernortRow {
	id: string;
	name: string;
	type: LernortTypeDef;
	lat: number;
	lon: number;
	address: string;
	capacity?: number;
	source: string;
	line: number;
}

/** lernorte.csv: `id,name,type,lat,lon,address,capacity,source`. */
export function readLernorte(
	table: CsvTable,
	file: string,
	types: ReadonlyMap<string, LernortTypeDef>
): { rows: LernortRow[]; issues: ValidationIssue[] } {
	const issues: ValidationIssue[] = [];
	const col = columns(
		table,
		file,
		['id', 'name', 'type', 'lat', 'lon', 'address', 'capacity', 'source'],
		issues
	);
	if (!col) return { rows: [], issues };
	const rows: LernortRow[] = [];
	const seen = new Map<string, number>();
	for (const r of table.records) {
		const at = { file, row: r.line };
		const before = issues.length;
		const id = col.get(r, 'id');
		const first = seen.get(id);
		if (!id)
			issues.push({
				...at,
				column: 'id',
				message: 'ID fehlt',
				hint: 'Eindeutige ID eintragen, z. B. kita-214-1'
			});
		else if (first !== undefined)
			issues.push({
				...at,
				column: 'id',
				message: `ID „${id}“ kommt doppelt vor (zuerst in Zeile ${first})`,
				hint: 'Jede ID nur einmal vergeben'
			});
		else seen.set(id, r.line);
		const name = col.get(r, 'name');
		if (!name)
			issues.push({ ...at, column: 'name', message: 'Name fehlt', hint: 'Namen des Lernorts eintragen' });
		const typeId = col.get(r, 'type');
		const type = types.get(typeId);
		if (!type)
			issues.push({
				...at,
				column: 'type',
				message: `Unbekannter Lernort-Typ „${typeId}“`,
				hint: `Einen dieser Typen verwenden: ${[...types.keys()].join(', ')}`
			});
		const lat = readCoordinate(col.get(r, 'lat'), 'lat', at, issues);
		const lon = readCoordinate(col.get(r, 'lon'), 'lon', at, issues);
		const capacityRaw = col.get(r, 'capacity');
		const capacity = parseCell(capacityRaw);
		if (
			capacity.kind === 'invalid' ||
			capacity.kind === 'suppressed' ||
			(capacity.kind === 'number' && (!Number.isInteger(capacity.value) || capacity.value < 0))
		)
			issues.push({
				...at,
				column: 'capacity',
				message: `Kapazität „${capacityRaw}“ ist ungültig`,
				hint: 'Ganze Zahl (Plätze) eintragen oder leer lassen, wenn unbekannt'
			});
		if (issues.length > before || !type || lat === undefined || lon === undefined) continue;
		const row: LernortRow = {
			id,
			name,
			type,
			lat,
			lon,
			address: col.get(r, 'address'),
			source: col.get(r, 'source'),
			line: r.line
		};
		if (capacity.kind === 'number') row.capacity = capacity.value;
		rows.push(row);
	}
	return { rows, issues };
}

/** Minimal JSON shape checks that report a path per problem. */
class JsonChecker {
	readonly issues: ValidationIssue[] = [];
	constructor(readonly file: string) {}
	fail(path: string, message: string, hint: string): void {
		this.issues.push({ file: this.file, column: path, message, hint });
	}
	string(obj: Record<string, unknown>, key: string, path: string, pattern?: RegExp, hint?: string): string {
		const v = obj[key];
		if (typeof v !== 'string' || v === '' || (pattern && !pattern.test(v))) {
			this.fail(`${path}${key}`, `Feld „${key}“ fehlt oder ist ungültig`, hint ?? 'Text eintragen');
			return '';
		}
		return v;
	}
	number(obj: Record<string, unknown>, key: string, path: string, min = -Infinity): number {
		const v = obj[key];
		if (typeof v !== 'number' || !Number.isFinite(v) || v < min) {
			this.fail(
				`${path}${key}`,
				`Feld „${key}“ muss eine Zahl${min > -Infinity ? ` ≥ ${min}` : ''} sein`,
				'Zahl eintragen'
			);
			return NaN;
		}
		return v;
	}
	boolean(obj: Record<string, unknown>, key: string, path: string): boolean {
		const v = obj[key];
		if (typeof v !== 'boolean')
			this.fail(`${path}${key}`, `Feld „${key}“ muss true oder false sein`, 'true oder false eintragen');
		return v === true;
	}
	object(v: unknown, path: string): Record<string, unknown> | null {
		if (typeof v !== 'object' || v === null || Array.isArray(v)) {
			this.fail(path || '(Datei)', 'Objekt erwartet', 'JSON-Objekt { ... } angeben');
			return null;
		}
		return v as Record<string, unknown>;
	}
	oneOf<T extends string>(obj: Record<string, unknown>, key: string, path: string, allowed: readonly T[]): T {
		const v = obj[key];
		if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
			this.fail(
				`${path}${key}`,
				`Feld „${key}“ hat einen ungültigen Wert`,
				`Einen dieser Werte verwenden: ${allowed.join(', ')}`
			);
			return allowed[0]!;
		}
		return v as T;
	}
}

const SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const LEVELS: readonly Level[] = ['stadtteil', 'stadtbezirk'];

/**
 * city.json: a CityConfig. Bildungsregionen must list known keys of their level.
 */
export function validateCityConfig(
	value: unknown,
	file: string,
	keys: Readonly<Record<Level, ReadonlySet<string>>>
): { config?: CityConfig; issues: ValidationIssue[] } {
	const c = new JsonChecker(file);
	const o = c.object(value, '');
	if (!o) return { issues: c.issues };
	c.string(o, 'id', '', CITY_ID, 'Kleinbuchstaben, Ziffern und Bindestriche, z. B. stuttgart');
	c.string(o, 'name', '');
	c.string(o, 'ags', '', /^\d{8}$/, 'Amtlichen Gemeindeschlüssel mit 8 Ziffern eintragen');
	c.string(o, 'attribution', '');
	c.oneOf(o, 'geometry', '', ['schematic', 'official'] as const);
	if (!Array.isArray(o.levels))
		c.fail('levels', 'Liste der Ebenen fehlt', 'levels mit stadtteil und stadtbezirk angeben');
	else {
		o.levels.forEach((l, i) => {
			const lo = c.object(l, `levels[${i}]`);
			if (!lo) return;
			const p = `levels[${i}].`;
			c.oneOf(lo, 'id', p, LEVELS);
			c.string(lo, 'label', p);
			c.string(lo, 'labelPlural', p);
			c.string(lo, 'keyField', p);
			c.number(lo, 'count', p, 1);
		});
		for (const level of LEVELS)
			if (!o.levels.some((l) => (l as { id?: unknown })?.id === level))
				c.fail('levels', `Ebene „${level}“ fehlt`, `Eintrag für ${level} ergänzen`);
	}
	if (!Array.isArray(o.bildungsregionen))
		c.fail('bildungsregionen', 'Liste fehlt', 'bildungsregionen angeben (leere Liste erlaubt)');
	else {
		const ids = new Set<string>();
		o.bildungsregionen.forEach((r, i) => {
			const p = `bildungsregionen[${i}].`;
			const ro = c.object(r, `bildungsregionen[${i}]`);
			if (!ro) return;
			const id = c.string(ro, 'id', p, SLUG, 'Kurz-ID aus Kleinbuchstaben, z. B. hallschlag');
			if (ids.has(id))
				c.fail(`${p}id`, `ID „${id}“ kommt doppelt vor`, 'Jede Bildungsregion braucht eine eigene ID');
			ids.add(id);
			c.string(ro, 'name', p);
			const level = c.oneOf(ro, 'level', p, LEVELS);
			if (!Array.isArray(ro.areas) || ro.areas.length === 0)
				c.fail(`${p}areas`, 'Gebietsliste fehlt', 'Schlüssel der Gebiete als Liste angeben');
			else {
				const seen = new Set<unknown>();
				for (const a of ro.areas) {
					if (seen.has(a))
						c.fail(
							`${p}areas`,
							`Schlüssel „${String(a)}“ steht doppelt in der Gebietsliste`,
							'Jedes Gebiet nur einmal aufführen, sonst zählt es doppelt'
						);
					seen.add(a);
				}
				for (const a of ro.areas)
					if (typeof a !== 'string' || !keys[level].has(a))
						c.fail(
							`${p}areas`,
							`Unbekannter Schlüssel „${String(a)}“ auf Ebene ${level}`,
							`Schlüssel aus ${level === 'stadtteil' ? 'stadtteile.csv' : 'stadtbezirke.csv'} verwenden`
						);
			}
		});
	}
	const demo = c.object(o.demo, 'demo');
	if (demo) {
		c.boolean(demo, 'indicators', 'demo.');
		c.boolean(demo, 'lernorte', 'demo.');
		c.boolean(demo, 'population', 'demo.');
		c.string(demo, 'note', 'demo.');
	}
	const disclosure = c.object(o.disclosure, 'disclosure');
	if (disclosure) {
		c.number(disclosure, 'minCount', 'disclosure.', 0);
		c.number(disclosure, 'minDenominator', 'disclosure.', 0);
	}
	const view = c.object(o.view, 'view');
	if (view) {
		c.number(view, 'zoom', 'view.', 0);
		const center = view.center;
		if (!Array.isArray(center) || center.length !== 2 || !center.every((v) => typeof v === 'number'))
			c.fail('view.center', 'Mittelpunkt muss [lon, lat] sein', 'z. B. [9.18, 48.78] eintragen');
	}
	return c.issues.length ? { issues: c.issues } : { config: value as CityConfig, issues: [] };
}

/** An indicators.catalog.json entry: IndicatorMeta without the derived `years`. */
export type IndicatorSource = Omit<IndicatorMeta, 'years'>;

/** indicators.catalog.json: `{ "indicators": [IndicatorSource, ...] }`. */
export function validateCatalogSource(
	value: unknown,
	file: string
): { indicators: IndicatorSource[]; issues: ValidationIssue[] } {
	const c = new JsonChecker(file);
	const o = c.object(value, '');
	if (!o) return { indicators: [], issues: c.issues };
	if (!Array.isArray(o.indicators)) {
		c.fail('indicators', 'Liste der Indikatoren fehlt', '{ "indicators": [ ... ] } angeben');
		return { indicators: [], issues: c.issues };
	}
	const ids = new Set<string>();
	o.indicators.forEach((entry, i) => {
		const p = `indicators[${i}].`;
		const e = c.object(entry, `indicators[${i}]`);
		if (!e) return;
		const id = c.string(e, 'id', p, SLUG, 'Kurz-ID aus Kleinbuchstaben und _, z. B. betreuungsquote_u3');
		if (ids.has(id)) c.fail(`${p}id`, `Indikator „${id}“ kommt doppelt vor`, 'Doppelten Eintrag löschen');
		ids.add(id);
		for (const k of ['title', 'definition', 'unit', 'source']) c.string(e, k, p);
		const kind = c.oneOf(e, 'kind', p, ['ratio', 'count'] as const);
		const scale = c.number(e, 'scale', p, 0);
		if (kind === 'count' && scale !== 1) c.fail(`${p}scale`, 'Anzahlen haben scale 1', 'scale auf 1 setzen');
		if (kind === 'ratio' && !(scale > 0))
			c.fail(`${p}scale`, 'Quoten brauchen scale > 0', 'z. B. 100 für Prozent');
		const decimals = c.number(e, 'decimals', p, 0);
		if (!Number.isInteger(decimals) || decimals > 3)
			c.fail(`${p}decimals`, 'decimals muss 0 bis 3 sein', 'Ganze Zahl 0–3 eintragen');
		c.oneOf(e, 'direction', p, ['need', 'better', 'context'] as const);
		if (
			!Array.isArray(e.phases) ||
			e.phases.length === 0 ||
			!e.phases.every((ph) => typeof ph === 'string' && PHASE_IDS.has(ph))
		)
			c.fail(
				`${p}phases`,
				'Bildungsphasen fehlen oder sind unbekannt',
				`Liste aus ${[...PHASE_IDS].join(', ')} angeben`
			);
		c.boolean(e, 'public', p);
		c.boolean(e, 'demo', p);
		if ('years' in e) c.fail(`${p}years`, 'years wird aus den Daten abgeleitet', 'Feld years entfernen');
	});
	return c.issues.length
		? { indicators: [], issues: c.issues }
		: { indicators: o.indicators as IndicatorSource[], issues: [] };
}

/**
 * bildungsregionen.csv (`name,ebene,gebiete`, areas separated by `;` or spaces) must agree
 * with the Bildungsregionen of city.json, which the build uses.
 */
export function checkBildungsregionenCsv(
	table: CsvTable,
	file: string,
	regions: readonly BildungsregionDef[]
): ValidationIssue[] {
	const issues: ValidationIssue[] = [];
	const col = columns(table, file, ['name', 'ebene', 'gebiete'], issues);
	if (!col) return issues;
	const hint = 'bildungsregionen.csv und city.json (bildungsregionen) angleichen';
	for (const r of table.records) {
		const name = col.get(r, 'name');
		const region = regions.find((x) => x.name === name);
		const areas = col
			.get(r, 'gebiete')
			.split(/[;\s]+/)
			.filter(Boolean)
			.sort();
		if (!region)
			issues.push({
				file,
				row: r.line,
				column: 'name',
				message: `Bildungsregion „${name}“ fehlt in city.json`,
				hint
			});
		else if (region.level !== col.get(r, 'ebene') || [...region.areas].sort().join() !== areas.join())
			issues.push({
				file,
				row: r.line,
				column: 'gebiete',
				message: `Bildungsregion „${name}“ weicht von city.json ab`,
				hint
			});
	}
	return issues;
}

/** A settlement layer as read from siedlungsflaechen.geojson. */
export interface SettlementSource {
	/** Source and licence as cited. */
	attribution: string;
	/** Year the data describe, when given. */
	year?: number;
	features: Array<Feature<Polygon | MultiPolygon>>;
}

/** Problems listed per settlement file; a broken export has thousands of alike features. */
const MAX_SETTLEMENT_ISSUES = 20;

const SETTLEMENT_IMPORT = 'npm run import -- siedlung <datei> --city <stadt>';

/** What is wrong with one feature of a settlement layer, or null. */
function settlementFeatureProblem(
	feature: unknown,
	extent: readonly [number, number, number, number]
): { message: string; hint: string } | null {
	const geometry = (feature as { type?: unknown; geometry?: unknown } | null)?.geometry as
		{ type?: unknown; coordinates?: unknown } | null | undefined;
	if (typeof feature !== 'object' || feature === null || (feature as { type?: unknown }).type !== 'Feature')
		return { message: 'ist kein GeoJSON-Feature', hint: '{ "type": "Feature", "geometry": … } angeben' };
	if (!geometry)
		return { message: 'hat keine Geometrie', hint: 'Das Objekt entfernen oder ihm eine Fläche geben' };
	if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')
		return {
			message: `ist ein ${String(geometry.type)}, keine Fläche`,
			hint: 'Nur Flächen (Polygon, MultiPolygon) angeben; Punkte und Linien entfernen'
		};
	const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as unknown;
	if (
		!Array.isArray(polygons) ||
		polygons.length === 0 ||
		polygons.some((p) => !Array.isArray(p) || p.length === 0)
	)
		return { message: 'hat eine leere Geometrie', hint: 'Das Objekt entfernen oder ihm eine Fläche geben' };
	let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [pi, rings] of (polygons as unknown[][]).entries())
		for (const [ri, ring] of rings.entries()) {
			const where = polygons.length > 1 ? `Teilfläche ${pi + 1}, Ring ${ri + 1}` : `Ring ${ri + 1}`;
			const positions = Array.isArray(ring) ? (ring as unknown[]) : [];
			for (const p of positions) {
				const [x, y] = Array.isArray(p) ? (p as unknown[]) : [];
				if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y))
					return {
						message: `${where} enthält eine ungültige Koordinate (${JSON.stringify(p)})`,
						hint: 'Geometrie in einem GIS prüfen (z. B. QGIS „Geometrien prüfen“)'
					};
				if (Math.abs(x) > 180 || Math.abs(y) > 90)
					return {
						message: `Koordinate (${x}, ${y}) ist kein Längen-/Breitengrad (WGS84)`,
						hint: `Die Datei in WGS84 (EPSG:4326) liefern oder mit ${SETTLEMENT_IMPORT} übernehmen, der das Koordinatensystem umrechnet`
					};
				west = Math.min(west, x);
				east = Math.max(east, x);
				south = Math.min(south, y);
				north = Math.max(north, y);
			}
			const first = positions[0] as number[] | undefined;
			const last = positions[positions.length - 1] as number[] | undefined;
			if (positions.length < 4 || first![0] !== last![0] || first![1] !== last![1])
				return {
					message: `${where} ist nicht geschlossen oder hat weniger als vier Punkte`,
					hint: `Geometrie in einem GIS prüfen oder mit ${SETTLEMENT_IMPORT} übernehmen, der Ringe schließt`
				};
		}
	const [w, s, e, n] = extent;
	if (east < w || west > e || north < s || south > n)
		return {
			message: `liegt außerhalb der Stadt (bei ${((south + north) / 2).toFixed(4)}, ${((west + east) / 2).toFixed(4)})`,
			hint: `Flächen außerhalb der Stadt entfernen (${SETTLEMENT_IMPORT} lässt sie aus) oder Koordinaten prüfen`
		};
	return null;
}

/**
 * siedlungsflaechen.geojson, the optional settlement layer: a GeoJSON FeatureCollection (WGS84,
 * RFC 7946) of Polygons and MultiPolygons with the members `attribution` (source and licence,
 * required) and `year` (optional). Every ring must be closed and have at least four positions in
 * WGS84 degrees; every feature must reach into `extent`, the [west, south, east, north] of the
 * Stadtteile. Issues name the feature by its JSON path (`features[3]`); at most 20 are listed.
 *
 * `validateSettlementSource({ type: 'FeatureCollection', attribution: 'ALKIS', features: [] }, file, extent).issues[0].message`
 *   -> 'Enthält keine Flächen'
 */
export function validateSettlementSource(
	value: unknown,
	file: string,
	extent: readonly [number, number, number, number]
): { settlement?: SettlementSource; issues: ValidationIssue[] } {
	const c = new JsonChecker(file);
	const o = c.object(value, '');
	if (!o) return { issues: c.issues };
	if (o.type !== 'FeatureCollection') {
		c.fail(
			'type',
			'Keine GeoJSON-FeatureCollection',
			`Die Datei mit ${SETTLEMENT_IMPORT} erzeugen (liest auch GeoPackage, Shapefile und EsriJSON)`
		);
		return { issues: c.issues };
	}
	if (typeof o.attribution !== 'string' || o.attribution.trim() === '')
		c.fail(
			'attribution',
			'Quellenvermerk fehlt',
			`"attribution": "<Quelle, Lizenz>" in die FeatureCollection eintragen oder mit ${SETTLEMENT_IMPORT} --attribution "<Quelle, Lizenz>" importieren`
		);
	if (
		o.year !== undefined &&
		(!Number.isInteger(o.year) || (o.year as number) < 1900 || (o.year as number) > 2100)
	)
		c.fail(
			'year',
			`Jahr „${String(o.year)}“ ist ungültig`,
			'Das Jahr des Datenstands als Zahl eintragen, z. B. 2024, oder das Feld weglassen'
		);
	if (!Array.isArray(o.features) || o.features.length === 0) {
		c.fail(
			'features',
			'Enthält keine Flächen',
			'Flächen eintragen oder die Datei löschen (dann verteilt die Analyse die Kinder gleichmäßig)'
		);
		return { issues: c.issues };
	}
	let problems = 0;
	o.features.forEach((feature, i) => {
		const problem = settlementFeatureProblem(feature, extent);
		if (!problem) return;
		if (++problems <= MAX_SETTLEMENT_ISSUES)
			c.fail(`features[${i}]`, `Objekt ${i + 1} ${problem.message}`, problem.hint);
	});
	if (problems > MAX_SETTLEMENT_ISSUES)
		c.fail(
			'features',
			`… und ${problems - MAX_SETTLEMENT_ISSUES} weitere Objekte mit Fehlern (${problems} von ${o.features.length})`,
			'Die ersten Fehler beheben und erneut prüfen'
		);
	if (c.issues.length) return { issues: c.issues };
	const settlement: SettlementSource = {
		attribution: (o.attribution as string).trim(),
		features: o.features as SettlementSource['features']
	};
	if (o.year !== undefined) settlement.year = o.year as number;
	return { settlement, issues: [] };
}
