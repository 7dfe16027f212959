/**
 * Indicator tables from statistics offices and Excel -> rows in the form of indicators.csv
 * (`indicator,year,area,numerator,denominator`). Three layouts are recognised:
 *
 * - long: one row per area (and indicator, year) with columns for area, indicator, year
 *   and value, numerator ("Zähler") or denominator ("Nenner");
 * - wide by year: one column per year ("2021", "Jahr 2022", "31.12.2023"), or a pair per
 *   year for ratios ("2021 Zähler", "2021 Nenner");
 * - wide by indicator: one column per catalog indicator (id or title), or a pair per ratio
 *   indicator ("betreuungsquote_u3 Zähler", "betreuungsquote_u3 Nenner").
 *
 * Counts are the stored truth: a ratio needs numerator and denominator, so that Bezirke and
 * the city are sum/sum and not a mean of rates. A rate with its denominator is turned into
 * a numerator; a rate alone is an issue. Symbols of the Zeichenerklärung stay missing or
 * suppressed and never become 0.
 */
import type { ParsedCell } from '../../../src/lib/domain/cells';
import { formatCsv, type CsvDelimiter, type CsvRecord, type CsvTable } from '../../../src/lib/domain/csv';
import {
	STAT_FLAG_LABELS,
	detectNotation,
	parseStatCell,
	resolveNotation,
	type NumberNotation,
	type StatCell,
	type StatFlag
} from '../../../src/lib/domain/germanNumber';
import { readTable, TableReadError, type TableText } from '../../../src/lib/domain/tableText';
import type { IndicatorSource } from '../../../src/lib/domain/validateSources';
import {
	createKeyMatcher,
	foldName,
	suggest,
	type AreaUnit,
	type KeyMatch,
	type KeyMatcher
} from './keyMatch';
import { ImportError, type ValidationIssue } from './types';

/** What the importer needs to know of a catalog entry. */
export type IndicatorDef = Pick<IndicatorSource, 'id' | 'title' | 'kind' | 'scale'> &
	Partial<Pick<IndicatorSource, 'numeratorLabel' | 'denominatorLabel'>>;

/** A stored count: a number, or "keine Daten" / "geheim gehalten" as in cells.ts. */
export type StoredCount = Exclude<ParsedCell, { kind: 'invalid' }>;

/** One row of indicators.csv. */
export interface ImportedIndicatorRow {
	indicator: string;
	year: number;
	/** Stadtteil key. */
	area: string;
	/** The count for `count` indicators, the numerator for `ratio` indicators. */
	numerator: StoredCount;
	/** Ratios only. */
	denominator?: StoredCount;
	/** Line in the file. */
	line: number;
	/** Set when the numerator was computed from a rate and the denominator. */
	derived?: true;
	/** Marks at the source values (vorläufig, geschätzt, …). */
	flags?: StatFlag[];
}

export type IndicatorLayout = 'long' | 'wide-years' | 'wide-indicators';

export interface IndicatorTableOptions {
	/** The file as given by the user, for messages. */
	file: string;
	/** The file's delimiter; decides ambiguous number notation (`;` -> German). */
	delimiter: CsvDelimiter;
	indicators: readonly IndicatorDef[];
	/** The Stadtteile (key and name). */
	units: readonly AreaUnit[];
	/** Higher levels (Stadtbezirke): rows naming one are subtotals and are skipped. */
	aggregateUnits?: readonly AreaUnit[];
	/** Official key prefix (AGS) for long keys like "08111000101". */
	keyPrefix?: string;
	/** `--indicator`: the indicator of a table that does not name it; a filter otherwise. */
	indicator?: string;
	/** `--year`: the year of a table that does not name it; a filter otherwise. */
	year?: number;
	/** Force a number notation instead of deciding per column. */
	notation?: NumberNotation;
}

export interface IndicatorTableResult {
	rows: ImportedIndicatorRow[];
	issues: ValidationIssue[];
	layout: IndicatorLayout;
	/** German lines for the CLI: what was recognised, computed or skipped. */
	notes: string[];
}

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

type Role = 'value' | 'rate' | 'amount' | 'numerator' | 'denominator';

type Column =
	| {
			index: number;
			header: string;
			kind: 'areaKey' | 'areaName' | 'parent' | 'indicator' | 'year' | 'ignored';
	  }
	| { index: number; header: string; kind: 'value'; role: Role; indicator?: string; year?: number }
	| { index: number; header: string; kind: 'unknown'; problem: string; guess: string };

type ValueColumn = Extract<Column, { kind: 'value' }> & { notation: NumberNotation };

// Header words, folded (see foldName), in order of preference.
const AREA_KEY_WORDS = [
	'stadtteilnr',
	'stadtteilnummer',
	'stadtteilschluessel',
	'stadtteilkennziffer',
	'gebietsschluessel',
	'gebietsnr',
	'gebietnr',
	'gebietsnummer',
	'gebietskennziffer',
	'schluessel',
	'schluesselnr',
	'regionalschluessel',
	'kennziffer',
	'sozialraumnr',
	'area',
	'areakey',
	'key',
	'nr',
	'nummer',
	'code',
	'id'
];
const AREA_NAME_WORDS = [
	'stadtteil',
	'stadtteile',
	'stadtteilname',
	'stadtteilbezeichnung',
	'gebiet',
	'gebietsname',
	'gebietsbezeichnung',
	'areaname',
	'name',
	'bezeichnung',
	'raum',
	'raumeinheit',
	'raumbezug',
	'sozialraum',
	'stadtviertel',
	'viertel',
	'quartier',
	'ortsteil'
];
const INDICATOR_WORDS = [
	'indicator',
	'indikator',
	'indikatorid',
	'merkmal',
	'kennzahl',
	'kennzahlid',
	'variable'
];
const YEAR_WORDS = [
	'year',
	'jahr',
	'berichtsjahr',
	'erhebungsjahr',
	'referenzjahr',
	'stichtag',
	'datum',
	'zeitpunkt',
	'zeit',
	'stand'
];
const ROLE_WORDS: ReadonlyArray<[string, Role]> = (
	[
		['numerator', 'numerator'],
		['zaehler', 'numerator'],
		['denominator', 'denominator'],
		['nenner', 'denominator'],
		['bezugsgroesse', 'denominator'],
		['bezugsbasis', 'denominator'],
		['grundgesamtheit', 'denominator'],
		['basis', 'denominator'],
		['quote', 'rate'],
		['quoteinprozent', 'rate'],
		['anteil', 'rate'],
		['anteilinprozent', 'rate'],
		['anteilprozent', 'rate'],
		['quoteprozent', 'rate'],
		['inprozent', 'rate'],
		['prozent', 'rate'],
		['rate', 'rate'],
		['anzahl', 'amount'],
		['count', 'amount'],
		['faelle', 'amount'],
		['personen', 'amount'],
		['absolut', 'amount'],
		['wert', 'value'],
		['werte', 'value'],
		['value', 'value'],
		['messwert', 'value']
	] as Array<[string, Role]>
).sort((a, b) => b[0].length - a[0].length);
const ROLE_BY_WORD = new Map(ROLE_WORDS);
// Words around a year in a header: "Jahr 2023", "Stand 31.12.2023", "am 31.12.2023", "2023 (vorläufig)".
const YEAR_FILLERS = [
	'jahresende',
	'stichtag',
	'jahr',
	'stand',
	'year',
	'ende',
	'zum',
	'am',
	'per',
	'vorlaeufig',
	'endgueltig'
];
const TOTALS = new Set(['summe', 'insgesamt', 'gesamt', 'zusammen', 'gesamtstadt', 'total', 'stadtgesamt']);

const ROLE_LABEL: Record<Role, string> = {
	value: 'den Wert',
	rate: 'die Quote',
	amount: 'die Anzahl',
	numerator: 'den Zähler',
	denominator: 'den Nenner'
};

const DATE_OR_YEAR = /(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{4})-\d{2}-\d{2}|(?<!\d)((?:19|20|21)\d{2})(?!\d)/;
const SCHOOL_YEAR = /(?<!\d)(\d{4})\s*\/\s*(\d{2}|\d{4})(?!\d)/;

/** A year from a cell: "2023", "2023,0", "31.12.2023", "2023-12-31", "Jahr 2023". */
function parseYear(raw: string): { year: number } | { reason: string } {
	const s = raw.trim();
	if (SCHOOL_YEAR.test(s))
		return {
			reason: `Schuljahr „${s}“: das Jahr angeben, dem der Wert zugeordnet wird (z. B. ${s.slice(0, 4)})`
		};
	const m =
		/^(\d{4})(?:[.,]0+)?$/.exec(s) ??
		/^\d{1,2}\.\d{1,2}\.(\d{4})$/.exec(s) ??
		/^(\d{4})-\d{2}-\d{2}/.exec(s) ??
		/^\d{1,2}\/\d{1,2}\/(\d{4})$/.exec(s) ??
		/^(?:jahr|stand|stichtag|year)\s*:?\s*(\d{4})$/i.exec(s);
	return m ? { year: Number(m[1]) } : { reason: 'kein Jahr' };
}

/** Drop filler words before and after a year: "Stand 31.12.2023" -> "", "2021 Zähler" stays. */
function stripFillers(rest: string): string {
	const words = rest.split(/[\s_\-()[\]:,.]+/).filter((w) => w !== '');
	while (words.length && YEAR_FILLERS.includes(foldName(words[0]!))) words.shift();
	while (words.length && YEAR_FILLERS.includes(foldName(words.at(-1)!))) words.pop();
	return words.join(' ');
}

interface Catalog {
	defs: Map<string, IndicatorDef>;
	byFold: Map<string, string>;
	resolve(raw: string): string | undefined;
	suggestions(raw: string): string[];
}

function catalogOf(indicators: readonly IndicatorDef[]): Catalog {
	const defs = new Map(indicators.map((d) => [d.id, d]));
	const byFold = new Map<string, string>();
	for (const d of indicators) {
		byFold.set(foldName(d.title), d.id);
		byFold.set(foldName(d.id), d.id);
	}
	const titleToId = new Map(indicators.map((d) => [d.title, d.id]));
	return {
		defs,
		byFold,
		resolve: (raw) => (defs.has(raw.trim()) ? raw.trim() : byFold.get(foldName(raw))),
		suggestions: (raw) =>
			[
				...new Set(
					suggest(raw, [...indicators.map((d) => d.id), ...indicators.map((d) => d.title)], 6).map(
						(c) => titleToId.get(c) ?? c
					)
				)
			].slice(0, 3)
	};
}

/** A row naming a higher unit: "Mitte", "01", "Stadtbezirk Mitte", "Bezirk 1". */
function isAggregate(aggregate: KeyMatcher, raw: string): boolean {
	const bare = raw.replace(/^(stadt)?bezirk\s*:?\s*|^stbz\.?\s*/i, '');
	return 'key' in aggregate.match(raw) || (bare !== raw && 'key' in aggregate.match(bare));
}

/** A header folded for lookups; `%` counts as the word "Prozent" ("Quote in %"). */
const headerFold = (h: string) => foldName(h.replace(/%/g, ' prozent '));

/** What a header names: an area, indicator or year column, or values (with indicator/year/role). */
function classifyHeader(header: string, index: number, catalog: Catalog): Column {
	const f = headerFold(header);
	const base = { index, header };
	if (f === '') return { ...base, kind: 'ignored' };
	if (AREA_KEY_WORDS.includes(f)) return { ...base, kind: 'areaKey' };
	if (AREA_NAME_WORDS.includes(f)) return { ...base, kind: 'areaName' };
	if (f.startsWith('stadtbezirk') || f.startsWith('bezirk')) return { ...base, kind: 'parent' };
	if (INDICATOR_WORDS.includes(f)) return { ...base, kind: 'indicator' };
	if (YEAR_WORDS.includes(f)) return { ...base, kind: 'year' };
	const role = ROLE_BY_WORD.get(f);
	if (role) return { ...base, kind: 'value', role };
	const whole = catalog.byFold.get(f);
	if (whole) return { ...base, kind: 'value', role: 'value', indicator: whole };

	const school = SCHOOL_YEAR.exec(header);
	if (school)
		return {
			...base,
			kind: 'unknown',
			problem: `Schuljahr „${school[0]}“ im Spaltennamen`,
			guess: header
		};
	let year: number | undefined;
	let rest = header;
	const date = DATE_OR_YEAR.exec(header);
	if (date) {
		year = Number(date[3] ?? date[4] ?? date[5]);
		rest = header.slice(0, date.index) + ' ' + header.slice(date.index + date[0].length);
	}
	const r = year === undefined ? f : headerFold(stripFillers(rest));
	const withYear = year === undefined ? {} : { year };
	if (r === '') return { ...base, kind: 'value', role: 'value', ...withYear };
	const restRole = ROLE_BY_WORD.get(r);
	if (restRole) return { ...base, kind: 'value', role: restRole, ...withYear };
	const indicator = catalog.byFold.get(r);
	if (indicator) return { ...base, kind: 'value', role: 'value', indicator, ...withYear };
	for (const [word, wordRole] of ROLE_WORDS) {
		const remainder = r.endsWith(word)
			? r.slice(0, -word.length)
			: r.startsWith(word)
				? r.slice(word.length)
				: '';
		const id = remainder === '' ? undefined : catalog.byFold.get(remainder);
		if (id) return { ...base, kind: 'value', role: wordRole, indicator: id, ...withYear };
	}
	const guess = rest.replace(/[\s_\-()]+/g, ' ').trim();
	return {
		...base,
		kind: 'unknown',
		problem:
			year === undefined
				? `Spalte „${header}“ ist weder ein Jahr noch ein Indikator des Katalogs`
				: `„${guess}“ in Spalte „${header}“ ist kein Indikator des Katalogs`,
		guess
	};
}

const cell = (r: CsvRecord, i: number) => (r.fields[i] ?? '').trim();

function numberHint(notation: NumberNotation): string {
	return `Zahl ${
		notation === 'german' ? 'in deutscher Schreibweise (1.234,5)' : 'in englischer Schreibweise (1234.5)'
	} ohne Einheit angeben; leer, - oder ... = keine Daten, . / x = geheim gehalten`;
}

/** Digits after the decimal mark of a number cell, for the rounding tolerance of a rate. */
function decimalsOf(raw: string, notation: NumberNotation): number {
	const mark = notation === 'german' ? ',' : '.';
	const at = raw.lastIndexOf(mark);
	return at < 0 ? 0 : (/^\d+/.exec(raw.slice(at + 1))?.[0].length ?? 0);
}

const formatNumber = (n: number) => n.toLocaleString('de-DE', { maximumFractionDigits: 3 });
const stored = (c: Exclude<StatCell, { kind: 'invalid' }>): StoredCount =>
	c.kind === 'number' ? { kind: 'number', value: c.value } : { kind: c.kind };

/** State shared by the steps of one normalisation. */
interface Context {
	file: string;
	headerLine: number;
	catalog: Catalog;
	issues: ValidationIssue[];
	notes: string[];
	/** Column-configuration issues already reported (once per indicator and set of columns). */
	reported: Set<string>;
	/** Rows whose numerator came from a rate, per indicator. */
	derived: Map<string, number>;
	/** Lines where a given rate does not fit the counts. */
	mismatches: number[];
}

/** What the header says: where areas, indicators, years and values are. */
interface Plan {
	layout: IndicatorLayout;
	areaKeyCol?: Column;
	areaNameCol?: Column;
	indicatorCol?: Column;
	yearCol?: Column;
	values: ValueColumn[];
	/** `--indicator` resolved to a catalog id. */
	indicator?: string;
	/** Whether the table names indicators (resp. years) itself, so that the options filter. */
	filterIndicator: boolean;
	filterYear: boolean;
}

function atHeader(ctx: Context, column: string | undefined, message: string, hint: string): void {
	ctx.issues.push({
		file: ctx.file,
		row: ctx.headerLine,
		...(column === undefined ? {} : { column }),
		message,
		hint
	});
}

/**
 * Read the header: classify the columns, decide the layout and the number notation of each
 * value column. Undefined (with issues) when nothing can be read.
 */
function planColumns(
	table: CsvTable,
	opts: IndicatorTableOptions,
	ctx: Context,
	matcher: KeyMatcher
): Plan | undefined {
	const { catalog, notes } = ctx;
	const cellsOf = (i: number) => table.records.map((r) => cell(r, i));
	let columns = table.header.map((h, i) => classifyHeader(h, i, catalog));
	const pick = (kind: 'areaKey' | 'areaName', words: readonly string[]) =>
		columns
			.filter((c) => c.kind === kind)
			.sort((a, b) => words.indexOf(foldName(a.header)) - words.indexOf(foldName(b.header)))[0];
	let areaKeyCol = pick('areaKey', AREA_KEY_WORDS);
	const areaNameCol = pick('areaName', AREA_NAME_WORDS);
	const first = columns[0];
	if (!areaKeyCol && !areaNameCol && first && (first.kind === 'ignored' || first.kind === 'unknown')) {
		// Wide tables often leave the top-left cell empty; take the first column if it holds areas.
		const cells = cellsOf(0).filter((c) => c !== '');
		const known = cells.filter((c) => 'key' in matcher.match(c)).length;
		if (cells.length > 0 && known >= cells.length / 2) {
			areaKeyCol = { index: 0, header: first.header, kind: 'areaKey' };
			columns = [areaKeyCol, ...columns.slice(1)];
			notes.push(
				`Spalte ${first.header ? `„${first.header}“` : '1 (ohne Namen)'} als Gebietsspalte erkannt (enthält Stadtteile)`
			);
		}
	}

	const indicatorCol = columns.find((c) => c.kind === 'indicator');
	const yearCol = columns.find((c) => c.kind === 'year');
	const valueCols = columns.filter((c): c is Extract<Column, { kind: 'value' }> => c.kind === 'value');
	const layout = layoutOf(columns);
	// In a wide table a numeric column that names no year or indicator is data going astray.
	const strict = layout !== 'long' || valueCols.length === 0;
	for (const c of columns) {
		if (c.kind === 'parent')
			notes.push(`Spalte „${c.header}“ (Stadtbezirk) nicht verwendet: Bezirke werden berechnet`);
		if (c.kind !== 'unknown') continue;
		const filled = cellsOf(c.index).filter((x) => x !== '');
		const numeric = filled.filter((x) => parseStatCell(x, 'auto').kind !== 'invalid').length;
		if (strict && filled.length > 0 && numeric >= filled.length / 2) {
			const close = catalog.suggestions(c.guess);
			atHeader(
				ctx,
				c.header,
				c.problem,
				c.problem.startsWith('Schuljahr')
					? 'Spalte nach dem Jahr benennen, dem die Werte zugeordnet werden (z. B. 2021)'
					: `Spalte nach einer Indikator-ID oder einem Titel aus dem Katalog benennen${
							close.length ? ` (ähnlich: ${close.join(', ')})` : ''
						} oder löschen`
			);
		} else notes.push(`Spalte „${c.header}“ nicht verwendet`);
	}
	for (const c of valueCols)
		if (c.year !== undefined && (c.year < MIN_YEAR || c.year > MAX_YEAR))
			atHeader(
				ctx,
				c.header,
				`Jahr ${c.year} liegt außerhalb ${MIN_YEAR}–${MAX_YEAR}`,
				'Jahr im Spaltennamen prüfen'
			);

	// Issues so far concern single columns; those below leave nothing to read.
	const columnIssues = ctx.issues.length;
	let indicator: string | undefined;
	if (opts.indicator !== undefined) {
		indicator = catalog.resolve(opts.indicator);
		if (!indicator) {
			const close = catalog.suggestions(opts.indicator);
			ctx.issues.push({
				file: ctx.file,
				column: '--indicator',
				message: `Indikator „${opts.indicator}“ fehlt im Katalog`,
				hint: close.length
					? `Meinten Sie ${close.join(', ')}?`
					: `Eine ID aus indicators.catalog.json angeben: ${[...catalog.defs.keys()].join(', ')}`
			});
		}
	}
	if (
		opts.year !== undefined &&
		!(Number.isInteger(opts.year) && opts.year >= MIN_YEAR && opts.year <= MAX_YEAR)
	)
		ctx.issues.push({
			file: ctx.file,
			column: '--year',
			message: `Jahr ${opts.year} liegt außerhalb ${MIN_YEAR}–${MAX_YEAR}`,
			hint: 'Jahr vierstellig angeben, z. B. --year 2023'
		});
	if (!areaKeyCol && !areaNameCol)
		atHeader(
			ctx,
			undefined,
			'Keine Spalte mit dem Gebiet (Stadtteil) gefunden',
			'Eine Spalte mit Schlüssel oder Namen des Stadtteils benennen, z. B. Stadtteil, Stadtteil-Nr, Gebiet, Schlüssel, Nr, Name, area'
		);
	if (valueCols.length === 0)
		atHeader(
			ctx,
			undefined,
			'Keine Spalte mit Werten gefunden',
			'Spalten benennen: Wert, Anzahl, Quote, Zähler, Nenner – oder je Jahr (2023) bzw. je Indikator (ID aus dem Katalog)'
		);
	const namesIndicator = indicatorCol !== undefined || valueCols.every((c) => c.indicator !== undefined);
	if (!namesIndicator && opts.indicator === undefined && valueCols.length > 0)
		atHeader(
			ctx,
			undefined,
			'Aus der Tabelle geht nicht hervor, welcher Indikator gemeint ist',
			`--indicator <id> angeben oder eine Spalte „Indikator“ ergänzen (IDs: ${[...catalog.defs.keys()].join(', ')})`
		);
	const namesYear = yearCol !== undefined || valueCols.every((c) => c.year !== undefined);
	if (!namesYear && opts.year === undefined && valueCols.length > 0)
		atHeader(
			ctx,
			undefined,
			'Aus der Tabelle geht nicht hervor, für welches Jahr die Werte gelten',
			'--year <Jahr> angeben, eine Spalte „Jahr“ ergänzen oder die Jahre in die Spaltennamen schreiben (2023)'
		);
	if (ctx.issues.length > columnIssues) return undefined;

	// One program wrote the whole file: a column without evidence follows the others.
	const tableGuess = detectNotation(valueCols.flatMap((c) => cellsOf(c.index))).notation;
	const values: ValueColumn[] = valueCols.map((c) => {
		if (opts.notation) return { ...c, notation: opts.notation };
		const own = detectNotation(cellsOf(c.index)).notation;
		if (own === 'german' || own === 'english') return { ...c, notation: own };
		if (tableGuess === 'german' || tableGuess === 'english') return { ...c, notation: tableGuess };
		const resolved = resolveNotation(cellsOf(c.index), opts.delimiter);
		if (resolved.note) notes.push(`Spalte „${c.header}“: ${resolved.note}`);
		return { ...c, notation: resolved.notation };
	});
	return {
		layout,
		areaKeyCol,
		areaNameCol,
		indicatorCol,
		yearCol,
		values,
		indicator,
		filterIndicator: indicatorCol !== undefined || valueCols.some((c) => c.indicator !== undefined),
		filterYear: yearCol !== undefined || valueCols.some((c) => c.year !== undefined)
	};
}

/**
 * Normalise an indicator table in any of the three layouts to rows of indicators.csv.
 * Every issue names file, line, column, the problem and what to do; `rows` holds what could
 * be read, and a caller must write nothing while `issues` is not empty.
 *
 * `normalizeIndicatorTable({ header: ['Stadtteil', '2023'], records: [{ line: 2, fields: ['101', '1.234'] }] },
 * { file, delimiter: ';', indicators, units, indicator: 'einwohner' })` ->
 * `{ rows: [{ indicator: 'einwohner', year: 2023, area: '101', numerator: { kind: 'number', value: 1234 }, line: 2 }], layout: 'wide-years', … }`
 */
export function normalizeIndicatorTable(table: CsvTable, opts: IndicatorTableOptions): IndicatorTableResult {
	const ctx: Context = {
		file: opts.file,
		headerLine: table.headerLine ?? 1,
		catalog: catalogOf(opts.indicators),
		issues: [],
		notes: [],
		reported: new Set(),
		derived: new Map(),
		mismatches: []
	};
	const { file, issues, notes, catalog } = ctx;
	const rows: ImportedIndicatorRow[] = [];
	const matcher = createKeyMatcher(opts.units, { prefix: opts.keyPrefix });
	const plan = planColumns(table, opts, ctx, matcher);
	if (!plan) {
		const layout = layoutOf(table.header.map((h, i) => classifyHeader(h, i, catalog)));
		return { rows, issues, layout, notes };
	}
	const { areaKeyCol, areaNameCol, indicatorCol, yearCol, values } = plan;
	const areaCol = (areaKeyCol ?? areaNameCol)!;
	const aggregate = opts.aggregateUnits ? createKeyMatcher(opts.aggregateUnits) : undefined;
	const seen = new Map<string, number>();
	const indicatorCache = new Map<string, string | undefined>();
	const counters = { totals: 0, subtotals: 0, headings: 0, filtered: 0 };
	const flagCounts = new Map<StatFlag, number>();

	const resolveArea = (keyCell: string, nameCell: string): KeyMatch => {
		if (!keyCell) return matcher.match(nameCell);
		const byKey = matcher.match(keyCell);
		if (!('key' in byKey) || !nameCell || !areaKeyCol || !areaNameCol) return byKey;
		const byName = matcher.match(nameCell);
		if ('key' in byName && byName.key !== byKey.key)
			return {
				problem: `Schlüssel „${keyCell}“ und Name „${nameCell}“ bezeichnen verschiedene Gebiete (${byKey.key} bzw. ${byName.key})`,
				suggestions: []
			};
		return byKey;
	};

	for (const r of table.records) {
		const at = { file, row: r.line };
		const anyValue = values.some((c) => cell(r, c.index) !== '');
		const keyCell = areaKeyCol ? cell(r, areaKeyCol.index) : '';
		const nameCell = areaNameCol ? cell(r, areaNameCol.index) : '';
		const areaRaw = keyCell || nameCell;
		if (areaRaw === '') {
			if (anyValue)
				issues.push({
					...at,
					column: areaCol.header,
					message: 'Gebiet fehlt',
					hint: 'Schlüssel oder Namen des Stadtteils eintragen'
				});
			continue;
		}
		const folded = foldName(areaRaw);
		if (TOTALS.has(folded) || folded.endsWith('insgesamt')) {
			counters.totals++;
			continue;
		}
		const area = resolveArea(keyCell, nameCell);
		if ('problem' in area) {
			if (aggregate && isAggregate(aggregate, areaRaw)) counters.subtotals++;
			else if (!anyValue) counters.headings++;
			else
				issues.push({
					...at,
					column: (keyCell ? areaCol : (areaNameCol ?? areaCol)).header,
					message: area.problem,
					hint: area.suggestions.length
						? `Meinten Sie ${area.suggestions.join(' / ')}? Schlüssel aus stadtteile.csv (Spalte nr) oder den Namen verwenden`
						: 'Schlüssel aus stadtteile.csv (Spalte nr) oder den Namen des Stadtteils verwenden; Summenzeilen löschen'
				});
			continue;
		}

		let rowIndicator: string | undefined;
		if (indicatorCol) {
			const raw = cell(r, indicatorCol.index);
			if (!indicatorCache.has(raw)) indicatorCache.set(raw, catalog.resolve(raw));
			rowIndicator = indicatorCache.get(raw);
			if (!rowIndicator) {
				const close = catalog.suggestions(raw);
				issues.push({
					...at,
					column: indicatorCol.header,
					message: raw ? `Indikator „${raw}“ fehlt im Katalog` : 'Indikator fehlt',
					hint: close.length
						? `Meinten Sie ${close.join(', ')}? Sonst den Indikator in indicators.catalog.json ergänzen`
						: 'ID oder Titel aus indicators.catalog.json eintragen oder den Indikator dort ergänzen'
				});
				continue;
			}
		}
		let rowYear: number | undefined;
		if (yearCol) {
			const raw = cell(r, yearCol.index);
			const parsed = parseYear(raw);
			if ('reason' in parsed || parsed.year < MIN_YEAR || parsed.year > MAX_YEAR) {
				issues.push({
					...at,
					column: yearCol.header,
					message:
						'reason' in parsed
							? `Jahr „${raw}“ ist ungültig (${parsed.reason})`
							: `Jahr ${parsed.year} liegt außerhalb ${MIN_YEAR}–${MAX_YEAR}`,
					hint: 'Jahr vierstellig angeben, z. B. 2023, oder einen Stichtag wie 31.12.2023'
				});
				continue;
			}
			rowYear = parsed.year;
		}

		// The values of one line, grouped by indicator and year.
		const groups = new Map<string, Group>();
		for (const c of values) {
			const indicator = c.indicator ?? rowIndicator ?? plan.indicator!;
			const year = c.year ?? rowYear ?? opts.year!;
			if (
				(plan.filterIndicator && plan.indicator && indicator !== plan.indicator) ||
				(plan.filterYear && opts.year !== undefined && year !== opts.year)
			) {
				counters.filtered++;
				continue;
			}
			const id = `${indicator}|${year}`;
			let group = groups.get(id);
			if (!group) groups.set(id, (group = { indicator, year, slots: {} }));
			const earlier = group.slots[c.role];
			if (earlier) {
				issues.push({
					...at,
					column: c.header,
					message: `Spalten „${earlier.column.header}“ und „${c.header}“ liefern beide ${ROLE_LABEL[c.role]} für ${indicator} ${year}`,
					hint: 'Eine der beiden Spalten löschen oder umbenennen'
				});
				continue;
			}
			group.slots[c.role] = { column: c, raw: cell(r, c.index) };
		}

		for (const group of groups.values()) {
			const row = resolveGroup(ctx, plan.layout, group, area.key, r.line);
			if (!row) continue;
			const id = `${row.indicator}|${row.year}|${row.area}`;
			const first = seen.get(id);
			if (first !== undefined) {
				issues.push({
					...at,
					column: areaCol.header,
					message: `Doppelte Werte für ${row.indicator} ${row.year}, Gebiet ${row.area}: Zeile ${first} und Zeile ${r.line}`,
					hint: 'Nur eine Zeile je Indikator, Jahr und Gebiet behalten (Gebiet doppelt geschrieben?)'
				});
				continue;
			}
			seen.set(id, r.line);
			for (const f of row.flags ?? []) flagCounts.set(f, (flagCounts.get(f) ?? 0) + 1);
			rows.push(row);
		}
	}

	if (counters.totals)
		notes.push(`${counters.totals} Summenzeile(n) übersprungen (die Stadt wird berechnet)`);
	if (counters.subtotals)
		notes.push(`${counters.subtotals} Zeile(n) mit Stadtbezirken übersprungen (Bezirke werden berechnet)`);
	if (counters.headings)
		notes.push(`${counters.headings} Zeile(n) ohne Werte und ohne bekanntes Gebiet übersprungen`);
	if (counters.filtered)
		notes.push(`${counters.filtered} Wert(e) übersprungen, die nicht zu --indicator/--year passen`);
	for (const [id, count] of ctx.derived)
		notes.push(
			`${id}: Zähler in ${count} Zeile(n) aus Quote und Nenner berechnet (Zähler = Quote / ${catalog.defs.get(id)!.scale} × Nenner, gerundet)`
		);
	const { mismatches } = ctx;
	if (mismatches.length)
		notes.push(
			`Quote passt nicht genau zu Zähler und Nenner in Zeile ${mismatches.slice(0, 5).join(', ')}${
				mismatches.length > 5 ? ` und ${mismatches.length - 5} weiteren` : ''
			} – Quelle prüfen (Bezugsgröße oder Stichtag verschieden?)`
		);
	for (const [flag, count] of flagCounts)
		notes.push(`${count} Wert(e) mit Kennzeichen „${STAT_FLAG_LABELS[flag]}“`);
	return { rows, issues, layout: plan.layout, notes };
}

/** Years in value headers make a table wide by year; indicators without years, wide by indicator. */
function layoutOf(columns: readonly Column[]): IndicatorLayout {
	const values = columns.filter((c) => c.kind === 'value');
	return values.some((c) => c.year !== undefined)
		? 'wide-years'
		: values.some((c) => c.indicator !== undefined)
			? 'wide-indicators'
			: 'long';
}

/** Parse a slot; issues for text, negative values and counts that are not whole numbers. */
function readSlot(
	ctx: Context,
	slot: Slot,
	line: number,
	count: boolean
): Exclude<StatCell, { kind: 'invalid' }> | null {
	const { column, raw } = slot;
	const at = { file: ctx.file, row: line, column: column.header };
	const c = parseStatCell(raw, column.notation);
	let problem: [string, string] | undefined;
	if (c.kind === 'invalid') problem = [`„${raw}“ ist keine Zahl: ${c.reason}`, numberHint(column.notation)];
	else if (c.kind === 'number' && c.value < 0)
		problem = [
			`Negativer Wert „${raw}“`,
			'Anzahlen und Quoten sind nie negativ; Vorzeichen oder Spalte prüfen'
		];
	else if (count && c.kind === 'number' && !Number.isInteger(c.value))
		problem = [
			`„${raw}“ ist keine ganze Zahl`,
			'Zähler, Nenner und Anzahlen sind ganze Zahlen; Quoten gehören in eine Spalte „Quote“'
		];
	if (problem) {
		ctx.issues.push({ ...at, message: problem[0], hint: problem[1] });
		return null;
	}
	return c as Exclude<StatCell, { kind: 'invalid' }>;
}

/** An issue about the columns given for an indicator, reported once at the header. */
function configIssue(ctx: Context, key: string, column: string, message: string, hint: string): void {
	if (ctx.reported.has(key)) return;
	ctx.reported.add(key);
	atHeader(ctx, column, message, hint);
}

/** "Spalten „2023 Zähler“ und „2023 Nenner“ … ergänzen", named for the layout. */
function pairHint(layout: IndicatorLayout, group: Group, def: IndicatorDef): string {
	const base = layout === 'wide-years' ? String(group.year) : layout === 'wide-indicators' ? def.id : '';
	const names = base ? [`„${base} Zähler“`, `„${base} Nenner“`] : ['„Zähler“', '„Nenner“'];
	const labels =
		def.numeratorLabel && def.denominatorLabel ? ` (${def.numeratorLabel} bzw. ${def.denominatorLabel})` : '';
	return `Spalten ${names.join(' und ')} mit den Anzahlen${labels} ergänzen`;
}

/** Whether a given rate is what numerator/denominator × scale gives, to its printed precision. */
function rateFits(
	rate: number,
	rateSlot: Slot,
	numerator: number,
	denominator: number,
	scale: number
): boolean {
	const tolerance = 0.5 * 10 ** -decimalsOf(rateSlot.raw, rateSlot.column.notation) + 1e-9;
	return denominator <= 0 || Math.abs((numerator / denominator) * scale - rate) <= tolerance;
}

/** The values of one indicator and year in one line -> a stored row, or null with issues. */
function resolveGroup(
	ctx: Context,
	layout: IndicatorLayout,
	group: Group,
	area: string,
	line: number
): ImportedIndicatorRow | null {
	const { issues, file } = ctx;
	const def = ctx.catalog.defs.get(group.indicator)!;
	const { slots } = group;
	const before = issues.length;
	const flags = new Set<StatFlag>();
	const read = (slot: Slot, count: boolean) => {
		const c = readSlot(ctx, slot, line, count);
		if (c?.kind === 'number') for (const f of c.flags ?? []) flags.add(f);
		return c;
	};
	const row = (numerator: StoredCount, denominator?: StoredCount): ImportedIndicatorRow => {
		const out: ImportedIndicatorRow = { indicator: def.id, year: group.year, area, numerator, line };
		if (denominator) out.denominator = denominator;
		if (flags.size) out.flags = [...flags];
		return out;
	};
	const rowIssue = (slot: Slot, message: string, hint: string) => {
		issues.push({ file, row: line, column: slot.column.header, message, hint });
		return null;
	};

	if (def.kind === 'count') {
		const slot = slots.numerator ?? slots.amount ?? slots.value;
		if (!slot) {
			const given = (slots.rate ?? slots.denominator)!;
			configIssue(
				ctx,
				`${def.id}|count`,
				given.column.header,
				`„${def.id}“ ist eine Anzahl, die Spalte enthält ${slots.rate ? 'eine Quote' : 'einen Nenner'}`,
				'Eine Spalte mit der Anzahl angeben (Anzahl, Wert)'
			);
			return null;
		}
		if (slots.denominator && slots.denominator.raw !== '')
			rowIssue(
				slots.denominator,
				`„${def.id}“ ist eine Anzahl und hat keinen Nenner`,
				'Nenner leer lassen (oder einen Quoten-Indikator wählen)'
			);
		const c = read(slot, true);
		return c && issues.length === before ? row(stored(c)) : null;
	}

	const numSlot = slots.numerator ?? slots.amount;
	const rateSlot = slots.rate ?? slots.value;
	const denSlot = slots.denominator;
	if (!denSlot || (!numSlot && !rateSlot)) {
		const given = (numSlot ?? rateSlot ?? denSlot)!;
		const message = !denSlot
			? numSlot
				? `„${def.id}“ ist eine Quote; zum Zähler fehlt der Nenner`
				: `„${def.id}“ ist eine Quote; die Datei gibt nur die Quote, keine Anzahlen. Stadtbezirke und Stadt werden als Summe der Zähler durch Summe der Nenner berechnet, nicht als Mittel der Quoten – dafür braucht es Zähler und Nenner`
			: `„${def.id}“ ist eine Quote; zum Nenner fehlt der Zähler (oder die Quote)`;
		configIssue(
			ctx,
			`${def.id}|${Object.keys(slots).sort().join(',')}`,
			given.column.header,
			message,
			pairHint(layout, group, def)
		);
		return null;
	}

	const den = read(denSlot, true);
	if (numSlot) {
		const num = read(numSlot, true);
		const rate = rateSlot ? read(rateSlot, false) : null;
		if (!num || !den || issues.length > before) return null;
		if (num.kind === 'number' && den.kind === 'missing')
			return rowIssue(
				denSlot,
				'Nenner fehlt zu einem vorhandenen Zähler',
				'Nenner eintragen oder auch den Zähler leer lassen'
			);
		if (num.kind === 'number' && den.kind === 'number') {
			if (num.value > den.value)
				return rowIssue(
					numSlot,
					`Zähler ${formatNumber(num.value)} ist größer als der Nenner ${formatNumber(den.value)}`,
					'Zähler und Nenner prüfen (vertauscht?)'
				);
			if (rate?.kind === 'number' && !rateFits(rate.value, rateSlot!, num.value, den.value, def.scale))
				ctx.mismatches.push(line);
		}
		return row(stored(num), stored(den));
	}

	const rate = read(rateSlot!, false);
	if (!rate || !den || issues.length > before) return null;
	if (rate.kind !== 'number') return row({ kind: rate.kind }, stored(den));
	// The rate is known but its count is not: as withheld as the denominator.
	if (den.kind === 'suppressed') return row({ kind: 'suppressed' }, stored(den));
	if (den.kind === 'missing')
		return rowIssue(
			denSlot,
			'Nenner fehlt zu einer vorhandenen Quote',
			'Nenner eintragen oder auch die Quote leer lassen'
		);
	if (rate.value > def.scale)
		return rowIssue(
			rateSlot!,
			`Quote ${formatNumber(rate.value)} ist größer als ${def.scale} (der Zähler wäre größer als der Nenner)`,
			`Quote je ${def.scale} angeben${def.scale === 100 ? ' (Prozent)' : ''} oder Spalten prüfen`
		);
	const numerator = Math.round((rate.value / def.scale) * den.value);
	// No whole count gives this rate: the scale is off (a share 0–1 for a percentage) or the data are.
	if (!rateFits(rate.value, rateSlot!, numerator, den.value, def.scale))
		return rowIssue(
			rateSlot!,
			`Quote ${formatNumber(rate.value)} passt zu keiner ganzen Zahl von ${formatNumber(den.value)} (der Zähler wäre ${formatNumber((rate.value / def.scale) * den.value)})`,
			def.scale === 100 && rate.value <= 1
				? 'Die Werte sehen aus wie Anteile von 0 bis 1: in Prozent angeben (× 100) oder Zähler und Nenner liefern'
				: `Quote je ${def.scale} mit allen Nachkommastellen angeben oder Zähler und Nenner liefern`
		);
	ctx.derived.set(def.id, (ctx.derived.get(def.id) ?? 0) + 1);
	const out = row({ kind: 'number', value: numerator }, stored(den));
	out.derived = true;
	return out;
}

interface Slot {
	column: ValueColumn;
	raw: string;
}

interface Group {
	indicator: string;
	year: number;
	slots: Partial<Record<Role, Slot>>;
}

/** Header of indicators.csv. */
export const INDICATOR_CSV_HEADER = ['indicator', 'year', 'area', 'numerator', 'denominator'] as const;

/** A stored count as a cell of indicators.csv: number, `.` (geheim gehalten) or empty (keine Daten). */
export function storedCellText(c: StoredCount | undefined): string {
	if (!c || c.kind === 'missing') return '';
	return c.kind === 'suppressed' ? '.' : String(c.value);
}

/**
 * One row as the fields of indicators.csv.
 *
 * `formatIndicatorRow({ indicator: 'q', year: 2023, area: '101', numerator: { kind: 'suppressed' }, denominator: { kind: 'number', value: 40 }, line: 3 })`
 * -> `['q', '2023', '101', '.', '40']`
 */
export function formatIndicatorRow(row: ImportedIndicatorRow): string[] {
	return [
		row.indicator,
		String(row.year),
		row.area,
		storedCellText(row.numerator),
		storedCellText(row.denominator)
	];
}

/** Rows as the text of indicators.csv (header, LF, final newline). */
export function formatIndicatorCsv(rows: readonly ImportedIndicatorRow[]): string {
	return formatCsv(INDICATOR_CSV_HEADER, rows.map(formatIndicatorRow));
}

/**
 * Read table bytes (see `readTable`) with ImportError for unreadable files: an Excel
 * workbook, an empty file, an unterminated quote.
 */
export function readImportTable(
	bytes: Uint8Array,
	file: string,
	options: { delimiter?: CsvDelimiter } = {}
): TableText {
	try {
		return readTable(bytes, file, options);
	} catch (err) {
		if (err instanceof TableReadError) throw new ImportError(err.issues);
		throw err;
	}
}

/**
 * Bytes of an indicator table -> rows, with how the file was read (encoding, delimiter,
 * lines skipped above and below the table). Throws ImportError when the file is no table.
 */
export function importIndicatorTable(
	bytes: Uint8Array,
	options: Omit<IndicatorTableOptions, 'delimiter'> & { delimiter?: CsvDelimiter }
): IndicatorTableResult & Omit<TableText, 'table'> {
	const { table, ...read } = readImportTable(bytes, options.file, { delimiter: options.delimiter });
	return { ...normalizeIndicatorTable(table, { ...options, delimiter: read.delimiter }), ...read };
}
