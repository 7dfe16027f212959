/**
 * User input inside German messages: in German quotes, without control characters (C0 and C1,
 * which could break a line or a terminal), cut to 40 characters.
 * `quoteInput('<script>\n')` -> '‚<script>‘'
 */
export function quoteInput(raw: string): string {
	const clean = [...raw]
		.filter((ch) => {
			const code = ch.codePointAt(0)!;
			return code >= 0x20 && (code < 0x7f || code > 0x9f);
		})
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
