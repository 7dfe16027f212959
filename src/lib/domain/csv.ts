/**
 * A small RFC 4180 CSV reader and writer: comma-separated, `"` quotes with `""` escapes,
 * LF or CRLF line ends, optional UTF-8 BOM. Every record keeps the 1-based line number
 * where it starts, so that validation messages can point into the file.
 *
 * The reader also takes `;` or tab as delimiter, for files written by Excel with German
 * settings or as "Unicode text"; the writer always writes commas.
 */

/** Field delimiters the reader understands. */
export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvOptions {
	/** Field delimiter, `,` unless given. */
	delimiter?: CsvDelimiter;
}

export interface CsvRecord {
	/** 1-based line number of the record's first line in the file. */
	line: number;
	fields: string[];
}

export interface CsvTable {
	header: string[];
	/** Data records (without the header); blank lines are skipped. */
	records: CsvRecord[];
	/** 1-based line of the header when it is not line 1 (title lines above it were skipped). */
	headerLine?: number;
}

/** Thrown for text that is not CSV at all (an unterminated quote). */
export class CsvSyntaxError extends Error {
	constructor(
		message: string,
		readonly line: number
	) {
		super(message);
		this.name = 'CsvSyntaxError';
	}
}

/**
 * Parse CSV text into a header and records.
 *
 * `parseCsv('a,b\n1,"x, y"\n')` -> `{ header: ['a', 'b'], records: [{ line: 2, fields: ['1', 'x, y'] }] }`
 * `parseCsv('a;b\n1,5;2\n', { delimiter: ';' })` -> `{ header: ['a', 'b'], records: [{ line: 2, fields: ['1,5', '2'] }] }`
 */
export function parseCsv(text: string, options: CsvOptions = {}): CsvTable {
	const [head, ...records] = parseCsvRecords(text, options);
	return { header: head ? head.fields.map((h) => h.trim()) : [], records };
}

/**
 * Parse CSV text into records, the first line included and nothing trimmed; blank lines
 * are skipped. For callers that look for the header themselves.
 *
 * `parseCsvRecords('Tabelle 1\na;b\n', { delimiter: ';' })` -> `[{ line: 1, fields: ['Tabelle 1'] }, { line: 2, fields: ['a', 'b'] }]`
 */
export function parseCsvRecords(text: string, options: CsvOptions = {}): CsvRecord[] {
	const delimiter = options.delimiter ?? ',';
	const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const all: CsvRecord[] = [];
	let fields: string[] = [];
	let field = '';
	let line = 1;
	let recordLine = 1;
	let i = 0;
	let quoted = false;
	// A record with a single empty field is a blank line and is skipped.
	const endRecord = () => {
		fields.push(field);
		if (!(fields.length === 1 && fields[0] === '')) all.push({ line: recordLine, fields });
		fields = [];
		field = '';
	};
	while (i < src.length) {
		const c = src[i];
		if (quoted) {
			if (c === '"') {
				if (src[i + 1] === '"') {
					field += '"';
					i += 2;
					continue;
				}
				quoted = false;
				i++;
				continue;
			}
			if (c === '\n') line++;
			field += c;
			i++;
			continue;
		}
		if (c === '"' && field === '') {
			quoted = true;
			i++;
		} else if (c === delimiter) {
			fields.push(field);
			field = '';
			i++;
		} else if (c === '\r' && src[i + 1] === '\n') {
			i++;
		} else if (c === '\n') {
			endRecord();
			line++;
			recordLine = line;
			i++;
		} else {
			field += c;
			i++;
		}
	}
	if (quoted)
		throw new CsvSyntaxError(`Anführungszeichen in Zeile ${recordLine} wird nicht geschlossen`, recordLine);
	if (field !== '' || fields.length > 0) endRecord();
	return all;
}

/** Quote a field when it needs it: `csvField('a, b')` -> `"a, b"`; `csvField('a;b', ';')` -> `"a;b"`. */
export function csvField(value: string | number | null | undefined, delimiter: CsvDelimiter = ','): string {
	if (value === null || value === undefined) return '';
	const s = String(value);
	return s.includes('"') || s.includes(delimiter) || s.includes('\n') || s.includes('\r')
		? `"${s.replaceAll('"', '""')}"`
		: s;
}

/**
 * Serialise a header and rows as CSV text with a final line end; comma and LF unless `options`
 * say otherwise (`{ delimiter: ';', lineEnd: '\r\n' }` for spreadsheet programs set to German).
 */
export function formatCsv(
	header: readonly string[],
	rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>,
	options: { delimiter?: CsvDelimiter; lineEnd?: '\n' | '\r\n' } = {}
): string {
	const { delimiter = ',', lineEnd = '\n' } = options;
	const line = (fields: ReadonlyArray<string | number | null | undefined>) =>
		fields.map((f) => csvField(f, delimiter)).join(delimiter);
	return [header, ...rows].map(line).join(lineEnd) + lineEnd;
}
