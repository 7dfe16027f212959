import { CsvSyntaxError, parseCsvRecords, type CsvDelimiter, type CsvRecord, type CsvTable } from './csv';
import type { ValidationIssue } from './validateSources';

/**
 * Reading tables as statistics offices and Excel export them: the bytes may be UTF-8 (with or
 * without BOM), Windows-1252 ("CSV (Trennzeichen-getrennt)" from German Excel), or UTF-16
 * with BOM ("Unicode-Text"); fields are separated by `;`, `,` or tab; and the table often
 * sits below a title ("Tabelle 3: …") and above footnotes ("Quelle: …", "1) …").
 */

export type TableEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Decode table bytes: a BOM decides (UTF-8, UTF-16 LE/BE); without one, valid UTF-8 is
 * UTF-8 and anything else Windows-1252, the code page of German Excel.
 *
 * `decodeTableBytes(new Uint8Array([0x47, 0xf6]))` -> `{ text: 'Gö', encoding: 'windows-1252' }`
 */
export function decodeTableBytes(bytes: Uint8Array): { text: string; encoding: TableEncoding } {
	const [b0, b1, b2] = bytes;
	if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf)
		return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
	if (b0 === 0xff && b1 === 0xfe)
		return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
	if (b0 === 0xfe && b1 === 0xff)
		return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
	}
}

/** Windows-1252 bytes 0x80–0x9F; the other bytes are the same code points as in Latin-1. */
const CP1252_HIGH =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Node's TextDecoder reads "windows-1252" as Latin-1, which turns `€`, `„` and the en dash
 * `–` (a statistical symbol) into control characters, so the code page is mapped here.
 */
function decodeWindows1252(bytes: Uint8Array): string {
	const parts: string[] = [];
	const CHUNK = 8192;
	for (let start = 0; start < bytes.length; start += CHUNK) {
		const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) =>
			b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b
		);
		parts.push(String.fromCharCode(...codes));
	}
	return parts.join('');
}

const DELIMITERS: readonly CsvDelimiter[] = ['\t', ';', ','];
const SNIFF_RECORDS = 50;

/** Field counts of the first records for one delimiter, quote-aware; blank lines skipped. */
function fieldCounts(text: string, delimiter: CsvDelimiter): number[] {
	const counts: number[] = [];
	let fields = 1;
	let empty = true;
	let quoted = false;
	let atFieldStart = true;
	for (let i = 0; i < text.length && counts.length < SNIFF_RECORDS; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"') {
				if (text[i + 1] === '"') i++;
				else quoted = false;
			}
			continue;
		}
		if (c === '"' && atFieldStart) {
			quoted = true;
			empty = false;
		} else if (c === delimiter) {
			fields++;
			empty = false;
			atFieldStart = true;
			continue;
		} else if (c === '\n') {
			if (!empty) counts.push(fields);
			fields = 1;
			empty = true;
		} else if (c !== '\r') empty = false;
		atFieldStart = c === '\n';
	}
	if (!empty && counts.length < SNIFF_RECORDS) counts.push(fields);
	return counts;
}

/**
 * The delimiter under which the first lines have the most consistent field count (quotes
 * respected). German Excel writes `;` because the comma is its decimal mark; "Unicode-Text"
 * uses tabs. A single-column table yields `,`.
 *
 * `sniffDelimiter('Gebiet;Quote\n101;12,5\n')` -> `';'`
 */
export function sniffDelimiter(text: string): CsvDelimiter {
	let best: { delimiter: CsvDelimiter; score: number; width: number } = {
		delimiter: ',',
		score: 0,
		width: 1
	};
	for (const delimiter of DELIMITERS) {
		const counts = fieldCounts(text, delimiter).filter((n) => n > 1);
		const frequency = new Map<number, number>();
		for (const n of counts) frequency.set(n, (frequency.get(n) ?? 0) + 1);
		for (const [width, score] of frequency)
			if (score > best.score || (score === best.score && score > 0 && width > best.width))
				best = { delimiter, score, width };
	}
	return best.delimiter;
}

/** A line above or below the table that `readTable` left out (or merged into the header). */
export interface SkippedLine {
	line: number;
	/** The non-empty cells, joined by spaces. */
	text: string;
	/** `title`: above the header; `footnote`: below the data; `header`: merged into the header; `sep`: Excel's "sep=;". */
	reason: 'title' | 'footnote' | 'header' | 'sep';
}

export interface TableText {
	table: CsvTable;
	encoding: TableEncoding;
	delimiter: CsvDelimiter;
	/** Lines left out above and below the table, in file order. */
	skipped: SkippedLine[];
}

/** Bad table bytes: an issue naming the file (and line) and what to do. */
export class TableReadError extends Error {
	readonly issues: ValidationIssue[];
	constructor(issue: ValidationIssue) {
		super(`${issue.file}: ${issue.message}`);
		this.name = 'TableReadError';
		this.issues = [issue];
	}
}

const SAVE_AS_CSV = 'In Excel: Datei > Speichern unter > „CSV UTF-8 (durch Trennzeichen getrennt)“ wählen';
const FOOTNOTE =
	/^(quelle|datenquelle|anmerkung|hinweis|fu(ß|ss)note|erl(ä|ae)uterung|zeichenerkl(ä|ae)rung|stand\b|source|note|©|\(c\)|copyright|\*|\d{1,2}\)|[a-z]\)|-{2,})/i;
const SEP_LINE = /^"?sep=(.)"?\r?\n/i;

const cellsOf = (r: CsvRecord) => r.fields.map((f) => f.trim());
const filled = (r: CsvRecord) => cellsOf(r).filter((f) => f !== '').length;
/** Number of fields up to the last non-empty one (Excel pads every row to the used range). */
function width(r: CsvRecord): number {
	const cells = cellsOf(r);
	let w = cells.length;
	while (w > 0 && cells[w - 1] === '') w--;
	return w;
}
const textOf = (r: CsvRecord) =>
	cellsOf(r)
		.filter((f) => f !== '')
		.join(' ');
/** The line after a record's last line (quoted fields may span lines). */
const nextLine = (r: CsvRecord) => r.line + 1 + r.fields.join('').split('\n').length - 1;

const collapse = (c: string) => c.replace(/\s+/g, ' ');

/**
 * One header from two lines: an upper label spans the empty cells to its right that have a
 * lower label (Excel writes merged cells as one value and empty cells).
 *
 * `mergeHeader(['Gebiet', '2021', ''], ['', 'Zähler', 'Nenner'])` -> `['Gebiet', '2021 Zähler', '2021 Nenner']`
 */
function mergeHeader(upper: readonly string[], lower: readonly string[]): string[] {
	let group = '';
	const n = Math.max(upper.length, lower.length);
	return Array.from({ length: n }, (_, i) => {
		const u = upper[i] ?? '';
		const l = lower[i] ?? '';
		if (u !== '') group = u;
		const label = u !== '' ? u : l !== '' ? group : '';
		return [label, l].filter((x) => x !== '').join(' ');
	});
}

/** The most frequent width among records of width >= 2 (ties: the wider), else 1. */
function bodyWidth(records: readonly CsvRecord[]): number {
	const frequency = new Map<number, number>();
	for (const r of records) {
		const w = width(r);
		if (w >= 2) frequency.set(w, (frequency.get(w) ?? 0) + 1);
	}
	let best = 1;
	let bestCount = 0;
	for (const [w, n] of frequency)
		if (n > bestCount || (n === bestCount && w > best)) {
			best = w;
			bestCount = n;
		}
	return best;
}

/** Where the header is: its cells (two lines merged when Excel split it), and what precedes and follows. */
interface HeaderSpot {
	cells: string[];
	line: number;
	/** Records before this index are title lines. */
	titleEnd: number;
	/** Index of the first data record. */
	dataStart: number;
	/** A line merged into the header. */
	merged?: CsvRecord;
}

/**
 * The header is the first line as wide as the body and mostly filled. A line right above
 * it that labels its empty cells (`Stadtteil;2021;;2022;` over `;Zähler;Nenner;Zähler;Nenner`)
 * is merged into it, as is a line right below that does so when the upper line was taken.
 */
function locateHeader(records: readonly CsvRecord[], body: number): HeaderSpot {
	const minFilled = Math.max(2, Math.ceil(body * 0.6));
	let h = body < 2 ? 0 : records.findIndex((r) => width(r) >= body && filled(r) >= minFilled);
	if (h < 0) h = records.findIndex((r) => width(r) >= body);
	const header = records[h]!;
	const cells = cellsOf(header).map(collapse);
	const above = records[h - 1];
	const below = records[h + 1];
	const labelsGaps = (labels: CsvRecord, under: readonly string[]) =>
		cellsOf(labels).some((c, i) => c !== '' && (under[i] ?? '') === '');
	if (
		above &&
		nextLine(above) === header.line &&
		filled(above) >= 2 &&
		width(above) > body / 2 &&
		labelsGaps(above, cells)
	)
		return {
			cells: mergeHeader(cellsOf(above).map(collapse), cells),
			line: above.line,
			titleEnd: h - 1,
			dataStart: h + 1,
			merged: above
		};
	if (
		below &&
		nextLine(header) === below.line &&
		filled(below) >= 2 &&
		(cellsOf(below)[0] ?? '') === '' &&
		cells[0] !== '' &&
		labelsGaps(below, cells)
	)
		return {
			cells: mergeHeader(cells, cellsOf(below).map(collapse)),
			line: header.line,
			titleEnd: h,
			dataStart: h + 2,
			merged: below
		};
	return { cells, line: header.line, titleEnd: h, dataStart: h + 1 };
}

/**
 * Index of the first footnote in `data`: footnotes are a run of short lines at the end that
 * starts at a blank line or a footnote mark ("Quelle:", "1)", "*"). A short last line right
 * below the data (an area without values) stays data.
 */
function footnoteStart(data: readonly CsvRecord[], before: CsvRecord): number {
	let start = data.length;
	while (start > 0) {
		const r = data[start - 1]!;
		const first = cellsOf(r).find((c) => c !== '') ?? '';
		if (filled(r) <= 1 || (filled(r) <= 2 && FOOTNOTE.test(first))) start--;
		else break;
	}
	for (let i = start; i < data.length; i++) {
		const r = data[i]!;
		const first = cellsOf(r).find((c) => c !== '') ?? '';
		if (FOOTNOTE.test(first) || nextLine(i > 0 ? data[i - 1]! : before) < r.line) return i;
	}
	return data.length;
}

/** Excel workbooks are zip (.xlsx) or OLE (.xls) files; say so instead of reading noise. */
function checkNotWorkbook(bytes: Uint8Array, file: string): void {
	const [b0, b1, b2, b3] = bytes;
	const kind =
		b0 === 0x50 && b1 === 0x4b && b2 === 0x03 && b3 === 0x04
			? '.xlsx'
			: b0 === 0xd0 && b1 === 0xcf && b2 === 0x11 && b3 === 0xe0
				? '.xls'
				: undefined;
	if (kind)
		throw new TableReadError({
			file,
			message: `Das ist eine Excel-Arbeitsmappe (${kind}), keine Textdatei`,
			hint: SAVE_AS_CSV
		});
}

/**
 * Read table bytes into a header and records: decode, find the delimiter (or take Excel's
 * `sep=;` line or `options.delimiter`), skip title lines above the header and footnotes
 * below the data (see `locateHeader`, `footnoteStart`), and drop the empty cells Excel pads
 * rows with. Line numbers stay those of the file; `headerLine` is the header's first line.
 *
 * Throws a TableReadError for an Excel workbook, an empty file or an unterminated quote.
 *
 * `readTable(bytesOf('Tabelle 1\n\nNr;Wert\n101;1,5\nQuelle: Amt\n'), 't.csv')` ->
 * `{ table: { header: ['Nr', 'Wert'], records: [{ line: 4, fields: ['101', '1,5'] }], headerLine: 3 }, delimiter: ';', … }`
 */
export function readTable(
	bytes: Uint8Array,
	file: string,
	options: { delimiter?: CsvDelimiter } = {}
): TableText {
	checkNotWorkbook(bytes, file);
	const decoded = decodeTableBytes(bytes);
	let text = decoded.text;
	// Old Mac exports end lines with CR alone.
	if (text.includes('\r') && !text.includes('\n')) text = text.replaceAll('\r', '\n');
	const skipped: SkippedLine[] = [];
	let delimiter = options.delimiter;
	const sep = SEP_LINE.exec(text);
	if (sep) {
		const given = sep[1] as CsvDelimiter;
		if (DELIMITERS.includes(given)) delimiter ??= given;
		skipped.push({ line: 1, text: sep[0].trim(), reason: 'sep' });
		// Keep the line so that line numbers stay those of the file.
		text = '\n' + text.slice(sep[0].length);
	}
	delimiter ??= sniffDelimiter(text);

	let all: CsvRecord[];
	try {
		all = parseCsvRecords(text, { delimiter });
	} catch (err) {
		if (!(err instanceof CsvSyntaxError)) throw err;
		throw new TableReadError({
			file,
			row: err.line,
			message: `Anführungszeichen in Zeile ${err.line} wird nicht geschlossen`,
			hint: 'Das fehlende " ergänzen oder die Datei in Excel öffnen und erneut als CSV speichern'
		});
	}
	// Rows of empty cells (`;;;`) are blank lines.
	const records = all.filter((r) => filled(r) > 0);
	if (records.length === 0)
		throw new TableReadError({
			file,
			message: 'Die Datei enthält keine Tabelle',
			hint: 'Datei prüfen: erste Zeile mit Spaltennamen, darunter eine Zeile je Gebiet oder Lernort'
		});

	const body = bodyWidth(records);
	const spot = locateHeader(records, body);
	if (spot.merged) skipped.push({ line: spot.merged.line, text: textOf(spot.merged), reason: 'header' });
	for (const r of records.slice(0, spot.titleEnd))
		skipped.push({ line: r.line, text: textOf(r), reason: 'title' });
	let data = records.slice(spot.dataStart);
	if (body >= 2) {
		const cut = footnoteStart(data, records[spot.dataStart - 1]!);
		for (const r of data.slice(cut)) skipped.push({ line: r.line, text: textOf(r), reason: 'footnote' });
		data = data.slice(0, cut);
	}
	skipped.sort((a, b) => a.line - b.line);

	let headerWidth = spot.cells.length;
	while (headerWidth > 0 && spot.cells[headerWidth - 1] === '') headerWidth--;
	const header = spot.cells.slice(0, headerWidth);
	const trimmed = data.map((r) => {
		let n = r.fields.length;
		while (n > header.length && r.fields[n - 1]!.trim() === '') n--;
		return n === r.fields.length ? r : { line: r.line, fields: r.fields.slice(0, n) };
	});
	return {
		table: { header, records: trimmed, headerLine: spot.line },
		encoding: decoded.encoding,
		delimiter,
		skipped
	};
}
