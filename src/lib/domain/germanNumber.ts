/**
 * Numbers as statistics offices and Excel write them: German (`1.234,5`) or English
 * (`1,234.5`) notation, thousands grouped by `.`, `,`, space, (narrow) no-break space or
 * `'`, and the symbols of the official "Zeichenerklärung" in place of a number.
 *
 * | cell              | official meaning                                      | here                 |
 * | ----------------- | ----------------------------------------------------- | -------------------- |
 * | empty             | –                                                     | missing              |
 * | `-`, `–`          | nichts vorhanden (genau null)                         | missing, see below   |
 * | `...`, `…`        | Angabe fällt später an                                | missing              |
 * | `.`, `·`          | Zahlenwert unbekannt oder geheim zu halten            | suppressed           |
 * | `x`, `X`          | Tabellenfach gesperrt, weil Aussage nicht sinnvoll    | suppressed           |
 * | `/`               | keine Angabe, da Zahlenwert nicht sicher genug        | suppressed           |
 * | `*`               | anonymisiert (Statistik der Bundesagentur für Arbeit) | suppressed           |
 * | `(12)`            | Aussagewert eingeschränkt                             | 12, flag             |
 * | `12p`,`12r`,`12s` | vorläufige / berichtigte / geschätzte Zahl            | 12, flag             |
 * | `0`               | mehr als nichts, aber weniger als die Hälfte von 1    | 0                    |
 *
 * The project's rule is that a symbol never becomes a number: `-` officially means "exactly
 * zero", but a dash is also what many hand-made tables put into an empty field, and a false
 * zero would enter every sum and rate unnoticed, while a missing value is shown as "keine
 * Daten". A table that means zero should write `0`.
 */

export type NumberNotation = 'german' | 'english';

/** Marks at a number: `(12)` eingeschränkt, `12p` vorläufig, `12r` berichtigt, `12s` geschätzt. */
export type StatFlag = 'eingeschraenkt' | 'vorlaeufig' | 'berichtigt' | 'geschaetzt';

export type StatCell =
	| { kind: 'number'; value: number; flags?: StatFlag[] }
	| { kind: 'missing'; symbol: string }
	| { kind: 'suppressed'; symbol: string }
	| { kind: 'invalid'; raw: string; reason: string };

export interface StatSymbol {
	kind: 'missing' | 'suppressed';
	/** German meaning, for messages. */
	meaning: string;
}

/** Symbols that stand in place of a number, by their trimmed text. */
export const STAT_SYMBOLS: ReadonlyMap<string, StatSymbol> = new Map<string, StatSymbol>([
	['', { kind: 'missing', meaning: 'leeres Feld' }],
	['-', { kind: 'missing', meaning: 'nichts vorhanden (amtlich: genau null; hier: keine Daten)' }],
	['–', { kind: 'missing', meaning: 'nichts vorhanden (amtlich: genau null; hier: keine Daten)' }],
	['—', { kind: 'missing', meaning: 'nichts vorhanden (amtlich: genau null; hier: keine Daten)' }],
	['−', { kind: 'missing', meaning: 'nichts vorhanden (amtlich: genau null; hier: keine Daten)' }],
	['...', { kind: 'missing', meaning: 'Angabe fällt später an' }],
	['…', { kind: 'missing', meaning: 'Angabe fällt später an' }],
	['k.A.', { kind: 'missing', meaning: 'keine Angabe' }],
	['k. A.', { kind: 'missing', meaning: 'keine Angabe' }],
	['n.v.', { kind: 'missing', meaning: 'nicht vorhanden' }],
	['.', { kind: 'suppressed', meaning: 'Zahlenwert unbekannt oder geheim zu halten' }],
	['·', { kind: 'suppressed', meaning: 'Zahlenwert unbekannt oder geheim zu halten' }],
	['x', { kind: 'suppressed', meaning: 'Tabellenfach gesperrt, weil Aussage nicht sinnvoll' }],
	['X', { kind: 'suppressed', meaning: 'Tabellenfach gesperrt, weil Aussage nicht sinnvoll' }],
	['/', { kind: 'suppressed', meaning: 'keine Angabe, da Zahlenwert nicht sicher genug' }],
	['*', { kind: 'suppressed', meaning: 'Zahlenwert anonymisiert (kleine Fallzahl)' }],
	['()', { kind: 'suppressed', meaning: 'aus Datenschutzgründen nicht veröffentlicht' }],
	['( )', { kind: 'suppressed', meaning: 'aus Datenschutzgründen nicht veröffentlicht' }],
	// The letter forms some Landesämter use since the symbols became machine-readable.
	['g', { kind: 'suppressed', meaning: 'Zahlenwert unbekannt oder geheim zu halten' }],
	['u', { kind: 'suppressed', meaning: 'keine Angabe, da Zahlenwert nicht sicher genug' }],
	['t', { kind: 'missing', meaning: 'Angabe fällt später an' }],
	['n', { kind: 'missing', meaning: 'nichts vorhanden (amtlich: genau null; hier: keine Daten)' }],
	['[g]', { kind: 'suppressed', meaning: 'Zahlenwert unbekannt oder geheim zu halten' }],
	['[x]', { kind: 'suppressed', meaning: 'Tabellenfach gesperrt, weil Aussage nicht sinnvoll' }],
	['[u]', { kind: 'suppressed', meaning: 'keine Angabe, da Zahlenwert nicht sicher genug' }],
	['[t]', { kind: 'missing', meaning: 'Angabe fällt später an' }],
	['[n]', { kind: 'missing', meaning: 'nichts vorhanden (amtlich: genau null; hier: keine Daten)' }]
]);

const SUFFIX_FLAGS: Readonly<Record<string, StatFlag>> = {
	p: 'vorlaeufig',
	r: 'berichtigt',
	s: 'geschaetzt'
};

/** German labels of the flags, for notes. */
export const STAT_FLAG_LABELS: Readonly<Record<StatFlag, string>> = {
	eingeschraenkt: 'Aussagewert eingeschränkt',
	vorlaeufig: 'vorläufige Zahl',
	berichtigt: 'berichtigte Zahl',
	geschaetzt: 'geschätzte Zahl'
};

// Spaces that Excel and typesetting put between digit groups or around a cell.
const SPACES = /[\u00a0\u2007\u2009\u202f]/g;
const MINUS = /^[-−–]/;
const MONTHS = /^\d{1,2}\.?\s?(jan|feb|mär|mrz|apr|mai|jun|jul|aug|sep|okt|nov|dez)/i;

/** Digit grouping: `1.234`, `1 234 567`, `1'234`, with one separator used throughout. */
const grouped = (sep: string) => new RegExp(`^\\d{1,3}(?:${sep}\\d{3})+$`);
const GROUPED: Record<NumberNotation, RegExp[]> = {
	german: [grouped('\\.'), grouped(' '), grouped("'")],
	english: [grouped(','), grouped(' '), grouped("'")]
};
const DECIMAL_MARK: Record<NumberNotation, string> = { german: ',', english: '.' };

function parseMagnitude(s: string, notation: NumberNotation): number | undefined {
	const mark = DECIMAL_MARK[notation];
	const at = s.indexOf(mark);
	const int = at < 0 ? s : s.slice(0, at);
	const frac = at < 0 ? '' : s.slice(at + 1);
	if (at >= 0 && !/^\d+$/.test(frac)) return undefined;
	if (int === '' && at >= 0) return undefined;
	if (/^\d+$/.test(int) || GROUPED[notation].some((re) => re.test(int)))
		return Number(int.replace(/\D/g, '') + (frac ? '.' + frac : ''));
	return undefined;
}

/** Why `s` (sign and flags removed) is not a number in `notation`, in German. */
function invalidReason(s: string, notation: NumberNotation): string {
	if (/%$/.test(s))
		return 'Prozentzeichen in der Zelle; Quoten ohne „%“ angeben – und besser Zähler und Nenner statt der Quote';
	if (/^\d+(?:[.,]\d+)?[eE][+-]?\d+$/.test(s))
		return 'wissenschaftliche Schreibweise; in Excel die Spalte als Zahl ohne Exponent formatieren';
	if (/\d\s?(?:\d\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*+)$/.test(s))
		return 'Fußnotenzeichen an der Zahl; das Zeichen entfernen (die Fußnote gilt für die Quelle, nicht für den Wert)';
	if (MONTHS.test(s))
		return 'sieht aus wie ein Datum – Excel hat die Zahl vermutlich in ein Datum umgewandelt';
	const unit = /^[\d.,' ]+\s*([^\d\s.,'].*)$/.exec(s);
	if (unit)
		return `Einheit „${unit[1]}“ in der Zelle; die Einheit steht im Katalog, die Zelle enthält nur die Zahl`;
	const other: NumberNotation = notation === 'german' ? 'english' : 'german';
	if (parseMagnitude(s, other) !== undefined)
		return notation === 'german'
			? 'englische Schreibweise in einer deutsch geschriebenen Spalte (Dezimalzeichen ist das Komma, der Punkt trennt Tausender: 1.234,5)'
			: 'deutsche Schreibweise in einer englisch geschriebenen Spalte (Dezimalzeichen ist der Punkt: 1234.5)';
	if (/\d/.test(s)) return 'Ziffern mit unerwarteten Zeichen dazwischen';
	return 'Text statt einer Zahl';
}

export interface StatCellOptions {
	/** A unit to strip when it ends the cell (`'%'`, `'EUR'`); any other unit is invalid. */
	unit?: string;
}

/**
 * Parse one table cell: a number in the given notation, a symbol of the Zeichenerklärung, or
 * invalid with a German reason. `auto` reads each cell on its own and takes the German
 * reading where both fit (`1.234` -> 1234); use `detectNotation` to decide per column.
 *
 * `parseStatCell('1.234,5', 'german')` -> `{ kind: 'number', value: 1234.5 }`,
 * `parseStatCell('(12)p', 'german')` -> `{ kind: 'number', value: 12, flags: ['vorlaeufig', 'eingeschraenkt'] }`,
 * `parseStatCell('.', 'german')` -> `{ kind: 'suppressed', symbol: '.' }`.
 */
export function parseStatCell(
	raw: string,
	notation: NumberNotation | 'auto',
	options: StatCellOptions = {}
): StatCell {
	let s = raw.replace(SPACES, ' ').trim().replace(/\s+/g, ' ');
	const symbol = STAT_SYMBOLS.get(s);
	if (symbol) return { kind: symbol.kind, symbol: s };
	const flags: StatFlag[] = [];
	for (;;) {
		const suffix = /^(.*\d\)?)\s?([prs])$/.exec(s);
		if (suffix) {
			flags.push(SUFFIX_FLAGS[suffix[2]!]!);
			s = suffix[1]!.trim();
			continue;
		}
		const bracket = /^\((.+)\)$/.exec(s);
		if (bracket) {
			flags.push('eingeschraenkt');
			s = bracket[1]!.trim();
			continue;
		}
		break;
	}
	if (options.unit) {
		const unit = options.unit.toLowerCase();
		if (s.toLowerCase().endsWith(unit)) s = s.slice(0, s.length - unit.length).trim();
	}
	let sign = 1;
	if (MINUS.test(s) || s.startsWith('+')) {
		if (s[0] !== '+') sign = -1;
		s = s.slice(1).trim();
	}
	const value =
		notation === 'auto'
			? (parseMagnitude(s, 'german') ?? parseMagnitude(s, 'english'))
			: parseMagnitude(s, notation);
	if (value === undefined)
		return { kind: 'invalid', raw, reason: invalidReason(s, notation === 'auto' ? 'german' : notation) };
	// `-0` would print as "0" but compare oddly; a signed zero is just zero.
	const cell: StatCell = { kind: 'number', value: sign * value || 0 };
	if (flags.length > 0) cell.flags = flags;
	return cell;
}

/** How a column's cells decide the notation; `either` when no cell has a separator. */
export interface NotationGuess {
	notation: NumberNotation | 'either' | 'ambiguous';
	/** German explanation, for notes. */
	reason: string;
}

type Shape = 'german' | 'english' | 'dots3' | 'commas3' | 'small' | 'none';

/** What one cell says about the notation. */
function shapeOf(raw: string): Shape {
	const cell = parseStatCell(raw, 'auto');
	if (cell.kind !== 'number') return 'none';
	const s = raw
		.replace(SPACES, ' ')
		.replace(/[()\s'prs+−–-]/g, '')
		.trim();
	const dot = s.lastIndexOf('.');
	const comma = s.lastIndexOf(',');
	if (dot >= 0 && comma >= 0) return comma > dot ? 'german' : 'english';
	if (dot < 0 && comma < 0) return /^\d{1,3}$/.test(s) ? 'small' : 'none';
	const sep = dot >= 0 ? '.' : ',';
	const parts = s.split(sep);
	if (parts.length > 2) return sep === '.' ? 'german' : 'english';
	const [int = '', frac = ''] = parts;
	// A leading zero never starts a thousands group: `0.123` is a decimal.
	const groups = /^[1-9]\d{0,2}$/.test(int) && frac.length === 3;
	if (!groups) return sep === ',' ? 'german' : 'english';
	return sep === '.' ? 'dots3' : 'commas3';
}

/**
 * Decide the notation of a column from all its cells: `12,5` is German and `0.5` English;
 * `1.234` alone could be either, but beside `12,5` it is German, beside `0.5` English, and
 * beside small whole numbers (`12`) it is German thousands grouping (Excel groups only
 * numbers from 1.000 up, while three decimals would show as `12.000`).
 *
 * `detectNotation(['1.234', '12'])` -> `{ notation: 'german', ... }`,
 * `detectNotation(['1.234'])` -> `{ notation: 'ambiguous', ... }`.
 */
export function detectNotation(cells: readonly string[]): NotationGuess {
	const seen: Partial<Record<Shape, string>> = {};
	for (const c of cells) {
		const shape = shapeOf(c);
		seen[shape] ??= c.trim();
	}
	if (seen.german !== undefined && seen.english !== undefined)
		return {
			notation: 'ambiguous',
			reason: `die Spalte mischt deutsche („${seen.german}“) und englische („${seen.english}“) Schreibweise`
		};
	if (seen.german !== undefined)
		return { notation: 'german', reason: `„${seen.german}“ hat ein Dezimalkomma` };
	if (seen.english !== undefined)
		return { notation: 'english', reason: `„${seen.english}“ hat einen Dezimalpunkt` };
	if (seen.dots3 !== undefined && seen.commas3 !== undefined)
		return {
			notation: 'ambiguous',
			reason: `„${seen.dots3}“ und „${seen.commas3}“ passen zu beiden Schreibweisen`
		};
	if (seen.dots3 !== undefined)
		return seen.small !== undefined
			? {
					notation: 'german',
					reason: `„${seen.dots3}“ neben „${seen.small}“: Punkt als Tausendertrennzeichen`
				}
			: { notation: 'ambiguous', reason: `„${seen.dots3}“ kann 1234 oder 1,234 bedeuten` };
	if (seen.commas3 !== undefined)
		return seen.small !== undefined
			? {
					notation: 'english',
					reason: `„${seen.commas3}“ neben „${seen.small}“: Komma als Tausendertrennzeichen`
				}
			: { notation: 'ambiguous', reason: `„${seen.commas3}“ kann 1234 oder 1,234 bedeuten` };
	return { notation: 'either', reason: 'keine Trennzeichen in den Zahlen' };
}

/**
 * The notation to read a column with: as detected, else by the file's delimiter (`;` and tab
 * come from German Excel, so German; `,` English). `note` says so when the cells were
 * ambiguous, for the CLI to print.
 *
 * `resolveNotation(['1.234'], ';')` -> `{ notation: 'german', note: '…' }`
 */
export function resolveNotation(
	cells: readonly string[],
	delimiter: ',' | ';' | '\t'
): { notation: NumberNotation; note?: string } {
	const guess = detectNotation(cells);
	if (guess.notation === 'german' || guess.notation === 'english') return { notation: guess.notation };
	const notation: NumberNotation = delimiter === ',' ? 'english' : 'german';
	if (guess.notation === 'either') return { notation };
	const name = delimiter === '\t' ? 'Tabulator' : `„${delimiter}“`;
	return {
		notation,
		note: `Schreibweise der Zahlen nicht eindeutig (${guess.reason}); wegen des Trennzeichens ${name} ${
			notation === 'german' ? 'deutsch gelesen (1.234 = 1234)' : 'englisch gelesen (1.234 = 1,234)'
		}`
	};
}
