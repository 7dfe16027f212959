import { manualBreaksProblem, type ClassMethod, type Classification } from './classify';
import { formatNumber } from './format';

/** The classification methods as the UI offers and explains them (plain German). */
export const CLASS_METHOD_INFO: ReadonlyArray<{ id: ClassMethod; label: string; explanation: string }> = [
	{
		id: 'quantile',
		label: 'Quantile',
		explanation:
			'Jede Klasse enthält etwa gleich viele Gebiete. Gut, um Rangfolgen zu zeigen; ' +
			'kleine Unterschiede zwischen Werten können dabei groß wirken.'
	},
	{
		id: 'equal',
		label: 'Gleiche Intervalle',
		explanation:
			'Der Wertebereich vom kleinsten bis zum größten Wert wird in gleich breite Abschnitte geteilt. ' +
			'Gut für vertraute Skalen wie Prozent; einzelne Ausreißer lassen die mittleren Klassen leer.'
	},
	{
		id: 'jenks',
		label: 'Natürliche Brüche (Jenks)',
		explanation:
			'Die Grenzen liegen dort, wo die Werte von selbst Lücken lassen (Ckmeans-Verfahren): ' +
			'ähnliche Werte landen in derselben Klasse.'
	},
	{
		id: 'manual',
		label: 'Eigene Grenzen',
		explanation:
			'Sie geben die Grenzen selbst vor, etwa Zielwerte oder Schwellen aus einem Beschluss. ' +
			'Ein Wert genau auf einer Grenze zählt zur höheren Klasse.'
	}
];

/** `classMethodLabel('jenks')` -> 'Natürliche Brüche (Jenks)' */
export function classMethodLabel(method: ClassMethod): string {
	return CLASS_METHOD_INFO.find((m) => m.id === method)?.label ?? method;
}

/**
 * Reads class thresholds from text, typed by a person or taken from a URL, and checks them.
 * - With semicolons, German notation: decimal comma, dots as thousands separators
 *   (`'10; 20,5; 1.250'` -> [10, 20.5, 1250]).
 * - Without, comma-separated decimals with a point, as links write them (`'12.5,20,30'`).
 * `notation: 'german'` forces the first form (the input field of the UI asks for it).
 * Returns the thresholds or a German sentence saying what is wrong.
 */
export function parseBreaksText(text: string, notation: 'auto' | 'german' = 'auto'): number[] | string {
	const german = notation === 'german' || text.includes(';');
	const tokens = text
		.split(german ? ';' : ',')
		.map((t) => t.trim())
		.filter((t) => t.length > 0);
	const breaks: number[] = [];
	for (const token of tokens) {
		const value = german ? parseGermanDecimal(token) : parsePlainDecimal(token);
		if (value === null) {
			const shown = token.length > 40 ? `${token.slice(0, 40)}…` : token;
			return `‚${shown}‘ ist keine Zahl.`;
		}
		breaks.push(value);
	}
	return manualBreaksProblem(breaks) ?? breaks;
}

/** UI form of `parseBreaksText`: `parseBreaksInput('10; 20,5; 30')` -> { ok: true, breaks: [10, 20.5, 30] } */
export function parseBreaksInput(
	text: string
): { ok: true; breaks: number[] } | { ok: false; error: string } {
	const result = parseBreaksText(text, 'german');
	if (typeof result !== 'string') return { ok: true, breaks: result };
	const hint = result.endsWith('keine Zahl.') ? ' Bitte Zahlen wie 12,5 durch Semikolon trennen.' : '';
	return { ok: false, error: result + hint };
}

const MAX_ABS = 1e15;

/**
 * A number as links and people write it with a decimal point: '-12.5' -> -12.5, '1e-7' -> 1e-7
 * (as String(number) writes it); hex, 'Infinity', blanks, over 32 characters or beyond 1e15 -> null.
 */
export function parsePlainDecimal(token: string): number | null {
	if (token.length > 32 || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(token)) return null;
	const n = Number(token);
	return Math.abs(n) <= MAX_ABS ? n + 0 : null;
}

/** '1.250,5' -> 1250.5; '12,5' -> 12.5; '1.5' -> 1.5 (a dot before other than three digits is a decimal point). */
function parseGermanDecimal(token: string): number | null {
	const thousands = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(token);
	return parsePlainDecimal(thousands ? token.replace(/\./g, '').replace(',', '.') : token.replace(',', '.'));
}

/** The inverse of `parseBreaksInput` for display: [10, 20.5] -> '10; 20,5' */
export function formatBreaksInput(breaks: readonly number[]): string {
	return breaks.map((b) => formatNumber(b)).join('; ');
}

/**
 * Thresholds to start from when a person switches to their own breaks: the inner edges of
 * the classification on screen, rounded to the indicator's decimals, so the map does not jump.
 * With fewer than two distinct inner edges, two thresholds split the value range in thirds.
 * `startingBreaks({ breaks: [1, 2.84, 4.61, 10], ... }, 1)` -> [2.8, 4.6]
 */
export function startingBreaks(classification: Classification | null, decimals: number): number[] {
	if (!classification || classification.breaks.length < 2) return [1, 2];
	const round = (v: number) => Number(v.toFixed(Math.max(0, Math.min(6, decimals))));
	const inner = [...new Set(classification.breaks.slice(1, -1).map(round))].sort((a, b) => a - b);
	if (inner.length >= 2 && manualBreaksProblem(inner) === null) return inner;
	const lo = classification.breaks[0]!;
	const hi = classification.breaks.at(-1)!;
	const thirds = [round(lo + (hi - lo) / 3), round(lo + ((hi - lo) * 2) / 3)];
	return thirds[0]! < thirds[1]! ? thirds : [round(lo), round(lo) + 1];
}
