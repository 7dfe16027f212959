/**
 * Matching the area column of an imported table to the city's areas. Statistics offices
 * write keys with or without leading zeros ("007"), as part of a longer official key
 * (AGS + area key, "08111000101" or "081110001-101"), as "key name" ("101 Oberer
 * Schlossgarten"), or only names, in varying spelling ("Bad-Cannstatt", "Lemberg/Föhrich",
 * "Weissenhof", "St. Georgen").
 */

export interface AreaUnit {
	key: string;
	name: string;
}

/** How a cell was recognised: `key` as is, `key-zeros` with/without leading zeros, `official-key` at the end of a longer key, `key-name` "101 Name", `name`. */
export type MatchVia = 'key' | 'key-zeros' | 'official-key' | 'key-name' | 'name';

export type KeyMatch =
	| { key: string; via: MatchVia }
	| {
			/** German, e.g. „Gebiet „Obrer Schlossgarten“ ist unbekannt“. */
			problem: string;
			/** Up to 3 candidates as "key name", closest first. */
			suggestions: string[];
	  };

export interface KeyMatcherOptions {
	/**
	 * The official key prefix (AGS, "08111000"). When given, a long key counts only if it
	 * starts with it; without it, at least 5 digits must precede the area key.
	 */
	prefix?: string;
}

export interface KeyMatcher {
	match(raw: string): KeyMatch;
}

const MIN_PREFIX_DIGITS = 5;
const SUGGESTIONS = 3;

/** Lowercase, `St.` -> `sankt`; the common start of both name forms. */
function baseFold(s: string): string {
	return s
		.normalize('NFC')
		.toLowerCase()
		.replace(/\bst\.\s*/g, 'sankt ')
		.replace(/\bst\s+(?=\p{L})/gu, 'sankt ')
		.replace(/ß/g, 'ss');
}
const stripMarks = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
const compact = (s: string) => s.replace(/[^a-z0-9]/g, '');

/**
 * The spelling-insensitive forms of a name: umlauts as `ae/oe/ue` and without their dots,
 * `ß` as `ss`, `St.` as `Sankt`, without case, spaces, hyphens, slashes or dots.
 *
 * `nameForms('Lemberg / Föhrich')` -> `['lembergfoehrich', 'lembergfohrich']`
 */
export function nameForms(s: string): string[] {
	const base = baseFold(s);
	const expanded = compact(stripMarks(base.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue')));
	const stripped = compact(stripMarks(base));
	return expanded === stripped ? [expanded] : [expanded, stripped];
}

/** The main spelling-insensitive form of a name (see `nameForms`): `foldName('Bad-Cannstatt')` -> `'badcannstatt'`. */
export function foldName(s: string): string {
	return nameForms(s)[0]!;
}

/** Levenshtein distance: `editDistance('kitten', 'sitting')` -> 3. */
export function editDistance(a: string, b: string): number {
	if (a === b) return 0;
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++)
			row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		prev = row;
	}
	return prev[b.length]!;
}

/**
 * Up to `limit` of `candidates` closest to `query` in spelling (folded edit distance, or one
 * containing the other), closest first; far-off candidates are left out.
 *
 * `suggest('Betreuungsqoute', ['betreuungsquote_u3', 'einwohner'])` -> `['betreuungsquote_u3']`
 */
export function suggest(query: string, candidates: readonly string[], limit = SUGGESTIONS): string[] {
	const q = foldName(query);
	if (q === '') return [];
	const ranked: Array<{ c: string; d: number }> = [];
	for (const c of candidates) {
		const f = foldName(c);
		let d = editDistance(q, f);
		const contained = Math.min(q.length, f.length) >= 4 && (f.includes(q) || q.includes(f));
		if (contained) d = Math.min(d, 1);
		const limitD = Math.max(2, Math.floor(Math.max(q.length, f.length) * 0.34));
		if (d <= limitD) ranked.push({ c, d });
	}
	ranked.sort((x, y) => x.d - y.d || x.c.localeCompare(y.c, 'de'));
	return ranked.slice(0, limit).map((r) => r.c);
}

const stripZeros = (k: string) => k.replace(/^0+(?=\d)/, '');
const label = (u: AreaUnit) => `${u.key} ${u.name}`;

/**
 * A matcher for the cells of an area column.
 *
 * `createKeyMatcher([{ key: '101', name: 'Oberer Schlossgarten' }]).match('0101')` -> `{ key: '101', via: 'key-zeros' }`
 */
export function createKeyMatcher(units: readonly AreaUnit[], options: KeyMatcherOptions = {}): KeyMatcher {
	const byKey = new Map(units.map((u) => [u.key, u]));
	const byZeros = new Map<string, AreaUnit[]>();
	const byName = new Map<string, Set<string>>();
	for (const u of units) {
		const z = stripZeros(u.key);
		byZeros.set(z, [...(byZeros.get(z) ?? []), u]);
		for (const form of nameForms(u.name)) byName.set(form, (byName.get(form) ?? new Set()).add(u.key));
	}
	const maxKeyLength = Math.max(0, ...units.map((u) => u.key.length));
	const prefix = options.prefix?.replace(/\D/g, '');
	const unitOf = (key: string) => byKey.get(key)!;

	/** A bare key: as is, with or without leading zeros, or as "101.0" from a number cell. */
	function keyOnly(s: string): { key: string; via: MatchVia } | undefined {
		if (byKey.has(s)) return { key: s, via: 'key' };
		const integral = /^(\d+)[.,]0+$/.exec(s);
		const digits = integral ? integral[1]! : s;
		if (!/^\d+$/.test(digits)) return undefined;
		if (byKey.has(digits)) return { key: digits, via: 'key' };
		const same = byZeros.get(stripZeros(digits));
		return same?.length === 1 ? { key: same[0]!.key, via: 'key-zeros' } : undefined;
	}

	/** An official key that ends with an area key; undefined when the cell is no such key. */
	function officialKey(s: string): KeyMatch | undefined {
		if (!/^\d+(?:[\s\-./]\d+)*$/.test(s)) return undefined;
		const parts = s.split(/[\s\-./]/);
		const digits = parts.join('');
		const prefixOk = (p: string) => (prefix ? p.startsWith(prefix) : p.length >= MIN_PREFIX_DIGITS);
		if (parts.length > 1) {
			const head = parts.slice(0, -1).join('');
			const found = prefixOk(head) ? keyOnly(parts.at(-1)!) : undefined;
			if (found) return { key: found.key, via: 'official-key' };
		}
		if (digits.length <= maxKeyLength) return undefined;
		if (prefix && digits.startsWith(prefix)) {
			const found = keyOnly(digits.slice(prefix.length));
			if (found) return { key: found.key, via: 'official-key' };
		}
		const candidates = units.filter(
			(u) => digits.endsWith(u.key) && prefixOk(digits.slice(0, digits.length - u.key.length))
		);
		if (candidates.length === 1) return { key: candidates[0]!.key, via: 'official-key' };
		if (candidates.length > 1)
			return {
				problem: `Schlüssel „${s}“ endet auf mehrere Gebietsschlüssel (${candidates.map((u) => u.key).join(', ')})`,
				suggestions: candidates.slice(0, SUGGESTIONS).map(label)
			};
		return undefined;
	}

	function nameKeys(s: string): string[] {
		const keys = new Set<string>();
		for (const form of nameForms(s)) for (const k of byName.get(form) ?? []) keys.add(k);
		return [...keys];
	}

	function unknown(s: string): KeyMatch {
		const numeric = /^[\d\s\-./]+$/.test(s);
		let suggestions: string[];
		if (numeric) {
			const q = stripZeros(s.replace(/\D/g, ''));
			suggestions = units
				.map((u) => ({ u, d: editDistance(q, stripZeros(u.key)) }))
				.filter((x) => x.d <= 1)
				.sort((a, b) => a.d - b.d || a.u.key.localeCompare(b.u.key))
				.slice(0, SUGGESTIONS)
				.map((x) => label(x.u));
		} else {
			const byLabel = new Map(units.map((u) => [u.name, u]));
			suggestions = suggest(
				s,
				units.map((u) => u.name)
			).map((n) => label(byLabel.get(n)!));
		}
		return { problem: `Gebiet „${s}“ ist unbekannt`, suggestions };
	}

	function match(raw: string): KeyMatch {
		const s = raw.replace(/\s+/g, ' ').trim();
		if (s === '') return { problem: 'Gebiet fehlt', suggestions: [] };
		const bare = keyOnly(s);
		if (bare) return bare;
		const official = officialKey(s);
		if (official) return official;

		const combined = splitKeyName(s);
		if (combined) {
			const { keyPart, namePart } = combined;
			const byKeyPart = keyOnly(keyPart);
			const named = nameKeys(namePart);
			if (byKeyPart && (named.length === 0 || named.includes(byKeyPart.key)))
				return { key: byKeyPart.key, via: 'key-name' };
			if (byKeyPart)
				return {
					problem: `„${s}“: Schlüssel ${byKeyPart.key} gehört zu „${unitOf(byKeyPart.key).name}“, der Name zu einem anderen Gebiet`,
					suggestions: [byKeyPart.key, ...named].slice(0, SUGGESTIONS).map((k) => label(unitOf(k)))
				};
			if (named.length === 1)
				return {
					problem: `„${s}“: Schlüssel ${keyPart} ist unbekannt, der Name passt zu ${label(unitOf(named[0]!))}`,
					suggestions: [label(unitOf(named[0]!))]
				};
		}

		const named = nameKeys(s);
		if (named.length === 1) return { key: named[0]!, via: 'name' };
		if (named.length > 1) {
			const list = named.map((k) => label(unitOf(k)));
			return { problem: `Name „${s}“ passt auf mehrere Gebiete: ${list.join(', ')}`, suggestions: list };
		}
		return unknown(s);
	}

	return { match };
}

/**
 * A cell holding key and name: "101 Oberer Schlossgarten", "101 - Name", "Name (101)".
 *
 * `splitKeyName('Rathaus (102)')` -> `{ keyPart: '102', namePart: 'Rathaus' }`
 */
function splitKeyName(s: string): { keyPart: string; namePart: string } | undefined {
	const keyFirst = /^(\d+)\s*(?:[-–:,.]\s*)?(\p{L}.*)$/u.exec(s);
	if (keyFirst) return { keyPart: keyFirst[1]!, namePart: keyFirst[2]! };
	const nameFirst = /^(.*\p{L}.*?)\s*[([](\d+)[)\]]$/u.exec(s);
	if (nameFirst) return { keyPart: nameFirst[2]!, namePart: nameFirst[1]! };
	return undefined;
}
