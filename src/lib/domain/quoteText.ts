/** C0 and C1 control characters (line breaks, tabs, terminal escapes) by code point. */
function isControl(code: number): boolean {
	return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/**
 * Typed text as one stored line: control characters become spaces (a line break separates
 * words), runs of blanks collapse, the ends are trimmed, and it is cut to `max` characters
 * (code points, so no surrogate pair is split). `oneLine('  Kita\nfehlt ', 280)` -> 'Kita fehlt'
 */
export function oneLine(raw: string, max: number): string {
	const flat = [...raw]
		.map((ch) => (isControl(ch.codePointAt(0)!) ? ' ' : ch))
		.join('')
		.replace(/ {2,}/g, ' ')
		.trim();
	const chars = [...flat];
	return chars.length > max ? chars.slice(0, max).join('').trimEnd() : flat;
}

/**
 * User input inside German messages: in German quotes, without control characters (C0 and C1,
 * which could break a line or a terminal), cut to 40 characters.
 * `quoteInput('<script>\n')` -> '‚<script>‘'
 */
export function quoteInput(raw: string): string {
	const clean = [...raw]
		.filter((ch) => !isControl(ch.codePointAt(0)!))
		.join('')
		.trim();
	const chars = [...clean];
	return `‚${chars.length > 40 ? chars.slice(0, 39).join('') + '…' : clean}‘`;
}

/**
 * Orders strings by UTF-16 code units, the same in every locale, for stable links and keys.
 * `['b', 'B', 'a'].sort(byCodeUnits)` -> ['B', 'a', 'b']
 */
export function byCodeUnits(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
