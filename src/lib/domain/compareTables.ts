import { differenceUnit, type ChangeCell } from './change';
import { NO_DATA_TEXT, PARTIAL_NOTE, SUPPRESSED_TEXT } from './format';
import type { Comparison } from './compare';
import type { MatrixRow } from './gapMatrix';
import { GAP_CLASSES } from './gaps';
import type { RankingRow } from './ranking';
import type { ScatterAxis, ScatterData } from './scatter';
import type { ExportCell } from './tableExport';
import type { Cell, IndicatorMeta } from './types';

/**
 * The tables of the comparison page as they are exported: the columns the page shows, values
 * rounded as shown (numerators and denominators are exact counts), "geheim gehalten" and
 * "keine Daten" as text, and the source, year and demo flag in every row, so a table pasted into
 * a report still says where its numbers come from.
 */

export interface ExportTable {
	header: string[];
	rows: ExportCell[][];
}

/** A value as shown: rounded to the indicator's decimals. `shownValue(ok(31.249), { decimals: 1 })` -> 31.2 */
export function shownValue(cell: Cell, meta: Pick<IndicatorMeta, 'decimals'>): ExportCell {
	if (cell.status === 'missing') return NO_DATA_TEXT;
	if (cell.status === 'suppressed') return SUPPRESSED_TEXT;
	// Half away from zero, as the page's number format rounds: −1,25 is shown as −1,3.
	const f = 10 ** meta.decimals;
	return (Math.sign(cell.value) * Math.round(Math.abs(cell.value) * f)) / f || 0;
}

const demoText = (meta: IndicatorMeta) => (meta.demo ? 'Demodaten' : '');

/**
 * The side-by-side table: one row per indicator, per unit its value and the difference to the city.
 * `compareTable(c).header` -> ['Indikator', 'Jahr', 'Einheit', 'Hallschlag', 'Hallschlag: Abweichung von der Stadt', …]
 */
export function compareTable(c: Comparison): ExportTable {
	const header = ['Indikator', 'Jahr', 'Einheit'];
	for (const u of c.units) header.push(`${u.name} (${u.kindLabel})`, `${u.name}: Abweichung von der Stadt`);
	header.push('Stadt', 'Einheit der Abweichung', 'Quelle', 'Hinweis');
	const rows = c.rows.map((r) => {
		const row: ExportCell[] = [r.indicator.title, r.year, r.indicator.unit];
		for (const cell of r.cells) {
			row.push(shownValue(cell.cell, r.indicator));
			row.push(
				cell.difference === null
					? null
					: (shownValue({ status: 'ok', value: cell.difference, numerator: 0 }, r.indicator) as number)
			);
		}
		// Which values are partial sums, by name: a note without a name says nothing in a spreadsheet.
		const partial = c.units.filter((_, i) => {
			const cell = r.cells[i]!.cell;
			return cell.status === 'ok' && cell.partial;
		});
		const partialNames = partial.map((u) => u.name);
		if (r.city.status === 'ok' && r.city.partial) partialNames.push('Stadt');
		const notes = [
			demoText(r.indicator),
			r.yearNote ?? '',
			partialNames.length > 0 ? `${PARTIAL_NOTE}: ${partialNames.join(', ')}` : ''
		];
		row.push(
			shownValue(r.city, r.indicator),
			r.differenceUnit,
			r.indicator.source,
			[...new Set(notes.filter(Boolean))].join('; ')
		);
		return row;
	});
	return { header, rows };
}

/**
 * The ranking as shown (its order and filter): rank, area, its Bezirk (with `withParent`, as on
 * screen for Stadtteile), value, numerator, denominator (ratios only), year, unit, source, notes.
 * `rankingTable(rows, meta, 2024, 'Stadtteil', true).rows[0]` -> [1, 'Hallschlag', 'Bad Cannstatt', 41.2, 412, 1000, 2024, '%', …]
 */
export function rankingTable(
	rows: readonly RankingRow[],
	meta: IndicatorMeta,
	year: number,
	levelLabel: string,
	withParent: boolean
): ExportTable {
	const ratio = meta.kind === 'ratio';
	const header = [
		'Rang',
		levelLabel,
		...(withParent ? ['Stadtbezirk'] : []),
		meta.title,
		meta.numeratorLabel ?? (ratio ? 'Zähler' : 'Anzahl'),
		...(ratio ? [meta.denominatorLabel ?? 'Nenner'] : []),
		'Jahr',
		'Einheit',
		'Quelle',
		'Hinweis'
	];
	return {
		header,
		rows: rows.map((r) => {
			const c = r.cell;
			const notes = [demoText(meta), c.status === 'ok' && c.partial ? PARTIAL_NOTE : ''];
			return [
				r.rank,
				r.name,
				...(withParent ? [r.parentName ?? null] : []),
				shownValue(c, meta),
				c.status === 'ok' ? c.numerator : null,
				...(ratio ? [c.status === 'ok' ? (c.denominator ?? null) : null] : []),
				year,
				meta.unit,
				meta.source,
				notes.filter(Boolean).join('; ')
			];
		})
	};
}

/**
 * The scatter plot as a table: each area with both values and whether it lies above the medians.
 * `scatterTable(data, x, y, 'Stadtteil').header` -> ['Stadtteil', 'Kinder in SGB II (2024, %)', …]
 */
export function scatterTable(
	data: ScatterData,
	x: ScatterAxis,
	y: ScatterAxis,
	levelLabel: string
): ExportTable {
	const axis = (a: ScatterAxis) => `${a.meta.title} (${a.year}, ${a.meta.unit})`;
	const side = (v: number, m: number | null) =>
		m === null ? null : v >= m ? 'auf oder über dem Median' : 'unter dem Median';
	return {
		header: [
			levelLabel,
			axis(x),
			axis(y),
			`${x.meta.title}: Lage`,
			`${y.meta.title}: Lage`,
			'Quelle',
			'Hinweis'
		],
		rows: data.points.map((p) => [
			p.name,
			shownValue({ status: 'ok', value: p.x, numerator: 0 }, x.meta),
			shownValue({ status: 'ok', value: p.y, numerator: 0 }, y.meta),
			side(p.x, data.medianX),
			side(p.y, data.medianY),
			[...new Set([x.meta.source, y.meta.source])].join('; '),
			x.meta.demo || y.meta.demo ? 'Demodaten' : ''
		])
	};
}

/**
 * The change map as a table: every area with both years' values, the change, and why a change
 * is missing. `changeTable(units, changes, meta, 2021, 2024, 'Stadtteil').header`
 * -> ['Stadtteil', 'Schlüssel', 'Quote 2021', 'Quote 2024', 'Veränderung (Prozentpunkte)', 'Einheit', 'Quelle', 'Hinweis']
 */
export function changeTable(
	units: ReadonlyArray<{ key: string; name: string }>,
	changes: ReadonlyMap<string, ChangeCell>,
	meta: IndicatorMeta,
	fromYear: number,
	toYear: number,
	levelLabel: string
): ExportTable {
	return {
		header: [
			levelLabel,
			'Schlüssel',
			`${meta.title} ${fromYear}`,
			`${meta.title} ${toYear}`,
			`Veränderung (${differenceUnit(meta)})`,
			'Einheit',
			'Quelle',
			'Hinweis'
		],
		rows: units.map((u) => {
			const c = changes.get(u.key);
			const change = c?.change ?? null;
			return [
				u.name,
				u.key,
				c ? shownValue(c.from, meta) : NO_DATA_TEXT,
				c ? shownValue(c.to, meta) : NO_DATA_TEXT,
				change === null ? null : (shownValue({ status: 'ok', value: change, numerator: 0 }, meta) as number),
				meta.unit,
				meta.source,
				[demoText(meta), c?.reason ?? (c ? '' : NO_DATA_TEXT)].filter(Boolean).join('; ')
			];
		})
	};
}

/**
 * The Bildungsketten-Matrix as shown (its rows in their order): per phase the class and the gap
 * score. `matrixTable(rows, [{ id: 'fruehe', label: 'Frühe Bildung' }], 'Stadtteil', 2024).header`
 * -> ['Stadtteil', 'Schlüssel', 'Frühe Bildung: Einordnung', 'Frühe Bildung: Lückenwert', 'Jahr']
 */
export function matrixTable(
	rows: readonly MatrixRow[],
	phases: ReadonlyArray<{ id: string; label: string }>,
	levelLabel: string,
	year: number,
	/** Said in every row: demo data, changed weights or thresholds ("Was wäre, wenn …"). */
	note = ''
): ExportTable {
	const header = [levelLabel, 'Schlüssel'];
	for (const p of phases) header.push(`${p.label}: Einordnung`, `${p.label}: Lückenwert`);
	header.push('Jahr', 'Hinweis');
	return {
		header,
		rows: rows.map((r) => {
			const row: ExportCell[] = [r.name, r.key];
			for (const p of phases) {
				const cell = r.cells.find((c) => c.phase === p.id);
				row.push(cell ? GAP_CLASSES[cell.gapClass].label : null);
				row.push(cell?.score ?? null);
			}
			row.push(year, note);
			return row;
		})
	};
}
