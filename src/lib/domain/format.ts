import type { Cell, IndicatorMeta } from './types';

/**
 * German number and value formatting (de-DE): decimal comma, "." as thousands separator, a real
 * minus sign (U+2212) and a no-break space (U+00A0) between a number and its unit, so that
 * "12,3 %" never wraps between number and unit.
 */

/** No-break space, used between a number and its unit and around the range dash. */
export const NBSP = '\u00a0';
/** Typographic minus sign. */
export const MINUS = '\u2212';
/** Shown for a cell without data. */
export const NO_DATA_TEXT = 'keine Daten';
/** Shown for a cell withheld by disclosure control. */
export const SUPPRESSED_TEXT = 'geheim gehalten';
/** Legend footnote that states the rule of `classOf` for values on a class edge. */
export const LEGEND_EDGE_NOTE = 'Ein Wert genau auf einer Klassengrenze zählt zur höheren Klasse.';

const MAX_DECIMALS = 6;

const FIXED = Array.from(
	{ length: MAX_DECIMALS + 1 },
	(_, d) =>
		new Intl.NumberFormat('de-DE', {
			minimumFractionDigits: d,
			maximumFractionDigits: d,
			signDisplay: 'negative'
		})
);

const FLEXIBLE = new Intl.NumberFormat('de-DE', {
	maximumFractionDigits: MAX_DECIMALS,
	signDisplay: 'negative'
});

/**
 * `formatNumber(1234.5, 1)` -> "1.234,5"; `formatNumber(-2, 0)` -> "−2".
 * Without `decimals`, as many decimals as needed (up to 6): `formatNumber(12.5)` -> "12,5".
 * A value that rounds to zero never shows a sign. Non-finite values are a bug (RangeError).
 */
export function formatNumber(v: number, decimals?: number): string {
	if (!Number.isFinite(v)) throw new RangeError(`formatNumber: value must be finite, got ${v}`);
	let formatter = FLEXIBLE;
	if (decimals !== undefined) {
		if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
			throw new RangeError(
				`formatNumber: decimals must be an integer from 0 to ${MAX_DECIMALS}, got ${decimals}`
			);
		}
		formatter = FIXED[decimals]!;
	}
	return formatter.format(v).replace('-', MINUS);
}

/** A count of persons or things: `formatCount(1234)` -> "1.234". */
export function formatCount(n: number): string {
	return formatNumber(n, 0);
}

/**
 * A cell as shown in tooltips and tables: "12,3 %", "1.234 Personen", "4,5 je 1.000 Kinder",
 * "keine Daten", "geheim gehalten".
 */
export const PARTIAL_NOTE = 'ohne geheim gehaltene Teilgebiete berechnet';

/**
 * A value with its caveat: `formatValueWithNote(partialCell, meta)` -> "21,4 % (ohne geheim gehaltene
 * Teilgebiete berechnet)"; other cells as `formatValue`.
 */
export function formatValueWithNote(cell: Cell, meta: IndicatorMeta): string {
	const text = formatValue(cell, meta);
	return cell.status === 'ok' && cell.partial ? `${text} (${PARTIAL_NOTE})` : text;
}

export function formatValue(cell: Cell, meta: IndicatorMeta): string {
	if (cell.status === 'missing') return NO_DATA_TEXT;
	if (cell.status === 'suppressed') return SUPPRESSED_TEXT;
	return withUnit(formatNumber(cell.value, meta.decimals), meta);
}

/**
 * Label of a legend class, from its lower to its upper edge with an en dash and the unit once:
 * `formatRange(12, 15.44, percent)` -> "12,0 – 15,4 %". When both edges look the same at the
 * indicator's precision, only one number is shown ("12,0 %").
 *
 * Legend convention: every class is labelled with both of its edges, so neighbouring labels
 * share an edge ("… – 15,4 %", "15,4 – … %"); `LEGEND_EDGE_NOTE` says which class an edge value
 * belongs to.
 */
export function formatRange(lo: number, hi: number, meta: IndicatorMeta): string {
	const a = formatNumber(lo, meta.decimals);
	const b = formatNumber(hi, meta.decimals);
	return withUnit(a === b ? a : `${a}${NBSP}–${NBSP}${b}`, meta);
}

/** Labels of all classes of a classification: `formatClassLabels([0, 10, 20], pct)` -> ["0,0 – 10,0 %", "10,0 – 20,0 %"]. */
export function formatClassLabels(breaks: readonly number[], meta: IndicatorMeta): string[] {
	return breaks.slice(1).map((hi, i) => formatRange(breaks[i]!, hi, meta));
}

/**
 * The difference a − b with an explicit sign. Shares in percent differ by percentage points:
 * `formatDifference(35.2, 34, pct)` -> "+1,2 Prozentpunkte"; other indicators in their unit:
 * "−12 Personen", "+0,8 je 1.000 Kinder". A difference that rounds to zero -> "±0,0 …".
 * Narrow tables take `{ short: true }`: "+1,2 Pp." (Prozentpunkte).
 */
export function formatDifference(
	a: number,
	b: number,
	meta: IndicatorMeta,
	options: { short?: boolean } = {}
): string {
	const d = a - b;
	const body = formatNumber(Math.abs(d), meta.decimals);
	const isZero = ![...body].some((ch) => ch >= '1' && ch <= '9');
	const sign = isZero ? '±' : d > 0 ? '+' : MINUS;
	if (isPercentShare(meta)) {
		if (options.short) return `${sign}${body}${NBSP}Pp.`;
		return `${sign}${body}${NBSP}${body === '1' ? 'Prozentpunkt' : 'Prozentpunkte'}`;
	}
	return withUnit(sign + body, meta);
}

function isPercentShare(meta: IndicatorMeta): boolean {
	return meta.kind === 'ratio' && meta.unit.trim() === '%';
}

function withUnit(text: string, meta: IndicatorMeta): string {
	const unit = meta.unit.trim();
	return unit ? `${text}${NBSP}${unit}` : text;
}

/**
 * The dative plural of a German plural noun, for "nach Stadtteilen": nouns whose plural ends in
 * -e, -el or -er take an -n; others (-en, -s) stay. `dativePlural('Stadtbezirke')` -> 'Stadtbezirken'
 */
export function dativePlural(plural: string): string {
	return /(e|el|er)$/.test(plural) ? `${plural}n` : plural;
}

/** A "Stand" date in German: `formatStand('2024-12-31')` -> "31.12.2024"; other text as it is. */
export function formatStand(isoDate: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
	return m ? `${m[3]}.${m[2]}.${m[1]}` : isoDate;
}

/** A number of areas, as legends count them. `areaCount(1)` -> '1 Gebiet'; `areaCount(23)` -> '23 Gebiete' */
export function areaCount(n: number): string {
	return `${n} ${n === 1 ? 'Gebiet' : 'Gebiete'}`;
}
