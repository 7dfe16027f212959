/**
 * JSON text -> value, with the error position turned into line and column so that the
 * message points into the file (GeoJSON and EsriJSON readers share it).
 */
import { ImportError } from '../types';

/**
 * 1-based line and column of a 0-based character offset.
 *
 * `lineColumn('{\n  "a" 1}', 8)` -> `{ line: 2, column: 7 }`
 */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let start = 0;
	const end = Math.min(Math.max(offset, 0), text.length);
	for (let i = 0; i < end; i++) {
		if (text.charCodeAt(i) === 10) {
			line++;
			start = i + 1;
		}
	}
	return { line, column: end - start + 1 };
}

/** Characters V8 shows on each side of an unexpected token. */
const V8_CONTEXT = 10;

/**
 * Offset of an unexpected token from V8's `Unexpected token 'x', ..."context"... is not
 * valid JSON`, which names no position: the context starts 10 characters before the token,
 * or at the start of the text and then ends 10 characters after the token's start.
 */
function unexpectedTokenOffset(message: string, text: string): number | undefined {
	const m = /^Unexpected token '([\s\S]+?)', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(message);
	if (!m) return undefined;
	const [, token = '', before, context = '', after] = m;
	const at = text.indexOf(context);
	if (at < 0) return undefined;
	if (before) return at + V8_CONTEXT;
	if (after) return at + context.length - V8_CONTEXT;
	const inShort = context.indexOf(token);
	return inShort < 0 ? undefined : at + inShort;
}

/** Where JSON.parse stopped, from its message (V8 names a position, newer V8 also line and column). */
function errorPosition(message: string, text: string): { line: number; column: number } {
	const lc = /line (\d+) column (\d+)/.exec(message);
	if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
	const pos = /position (\d+)/.exec(message);
	if (pos) return lineColumn(text, Number(pos[1]));
	const token = unexpectedTokenOffset(message, text);
	if (token !== undefined) return lineColumn(text, token);
	// "Unexpected end of JSON input": the file stops too early.
	return lineColumn(text, text.length);
}

/**
 * Parse JSON text (a UTF-8 BOM is ignored); throws an ImportError naming line and column.
 *
 * `parseJsonText('a.json', '{"a":1}')` -> `{ a: 1 }`
 */
export function parseJsonText(file: string, text: string): unknown {
	const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	try {
		return JSON.parse(src) as unknown;
	} catch (err) {
		if (!(err instanceof SyntaxError)) throw err;
		const { line, column } = errorPosition(err.message, src);
		const truncated = /end of JSON input/.test(err.message);
		throw new ImportError({
			file,
			row: line,
			column: String(column),
			message: `Kein gültiges JSON in Zeile ${line}, Spalte ${column} (${err.message})`,
			hint: truncated
				? 'Die Datei endet mitten im Inhalt: erneut herunterladen bzw. exportieren'
				: 'Datei an dieser Stelle prüfen (Kommas, Klammern, Anführungszeichen) oder neu exportieren'
		});
	}
}
