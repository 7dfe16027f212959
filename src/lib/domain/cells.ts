/**
 * The cell conventions of the indicator CSV files (shared by the demo data and importers):
 *
 * | cell            | meaning                                      |
 * | --------------- | -------------------------------------------- |
 * | empty           | keine Daten (missing)                        |
 * | `-`, `...`      | keine Daten (missing)                        |
 * | `.`, `x`        | geheim gehalten (suppressed by the source)   |
 * | `12`, `0.5`     | a plain decimal number, dot as decimal mark  |
 *
 * Surrounding whitespace is ignored. Anything else (`1,5`, `1e3`, `12 %`) is invalid.
 */

export type ParsedCell =
	| { kind: 'number'; value: number }
	| { kind: 'missing' }
	| { kind: 'suppressed' }
	| { kind: 'invalid'; raw: string };

const MISSING_MARKS: ReadonlySet<string> = new Set(['', '-', '...']);
const SUPPRESSED_MARKS: ReadonlySet<string> = new Set(['.', 'x', 'X']);
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Parse one CSV cell: `parseCell(' 12.5 ')` -> `{ kind: 'number', value: 12.5 }`,
 * `parseCell('.')` -> `{ kind: 'suppressed' }`.
 */
export function parseCell(raw: string): ParsedCell {
	const s = raw.trim();
	if (MISSING_MARKS.has(s)) return { kind: 'missing' };
	if (SUPPRESSED_MARKS.has(s)) return { kind: 'suppressed' };
	if (PLAIN_DECIMAL.test(s)) return { kind: 'number', value: Number(s) };
	return { kind: 'invalid', raw };
}
