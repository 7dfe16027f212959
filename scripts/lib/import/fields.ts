/**
 * Finding attribute fields by name in files from GIS and statistics offices: case does not
 * matter, and a shapefile's dBASE table cuts names to 10 characters (STADTTEILNR ->
 * STADTTEILN), so a wanted name also matches its cut form.
 */

/** dBASE III field names have at most 10 characters. */
const DBF_NAME_LENGTH = 10;

const norm = (s: string) => s.trim().toLowerCase();

/**
 * The fields of `fields` that may hold `wanted`, best first: the same name ignoring case;
 * for names longer than dBASE allows, the name cut to 10 characters and the forms GIS
 * programs give a cut name that collides with another ("STADTTEILNAME" after
 * "STADTTEILNR" becomes "STADTTEI_1").
 *
 * `fieldCandidates(['STADTTEILN', 'STADTTEI_1'], 'STADTTEILNAME')` -> ['STADTTEILN', 'STADTTEI_1']
 */
export function fieldCandidates(fields: readonly string[], wanted: string): string[] {
	const w = norm(wanted);
	const forms = [w];
	if (w.length > DBF_NAME_LENGTH) {
		forms.push(w.slice(0, DBF_NAME_LENGTH));
		for (let i = 1; i <= 9; i++) forms.push(`${w.slice(0, DBF_NAME_LENGTH - 2)}_${i}`);
	}
	const out: string[] = [];
	for (const form of forms) {
		const found = fields.find((f) => norm(f) === form);
		if (found && !out.includes(found)) out.push(found);
	}
	return out;
}

/**
 * The field of `fields` that is `wanted` (see `fieldCandidates`), the first that `accept`
 * takes (e.g. one whose values look like keys); undefined if none.
 *
 * `matchField(['STADTTEILN', 'NAME'], 'StadtteilNr')` -> 'STADTTEILN'
 */
export function matchField(
	fields: readonly string[],
	wanted: string,
	accept: (field: string) => boolean = () => true
): string | undefined {
	return fieldCandidates(fields, wanted).find(accept);
}

/** The first of `candidates` that `fields` has (see `matchField`). */
export function firstField(
	fields: readonly string[],
	candidates: readonly string[],
	accept: (field: string) => boolean = () => true
): string | undefined {
	for (const c of candidates) {
		const found = matchField(fields, c, accept);
		if (found) return found;
	}
	return undefined;
}

/**
 * An attribute value as a key: trimmed text; integral numbers without decimals
 * (`101.0` from a dBASE numeric field -> "101"). Empty -> undefined.
 */
export function keyText(value: unknown): string | undefined {
	if (value === null || value === undefined) return undefined;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return undefined;
		return String(value);
	}
	if (typeof value === 'bigint') return value.toString();
	const s = String(value).trim();
	if (s === '') return undefined;
	// "101.0" or "101,0" as written by spreadsheets for integral keys.
	const integral = /^(\d+)[.,]0+$/.exec(s);
	return integral ? integral[1] : s;
}

/** An attribute value as display text (names), trimmed; undefined when empty. */
export function nameText(value: unknown): string | undefined {
	if (value === null || value === undefined) return undefined;
	const s = String(value).replace(/\s+/g, ' ').trim();
	return s === '' ? undefined : s;
}
