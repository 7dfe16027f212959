/**
 * The layout of a map exported as PNG: a title band, the map picture, and below it the legend
 * and the lines a picture needs to stand on its own in a report (method, source and year,
 * geometry attribution, demo notice, date, link). Pure: text widths come from `measure`, so the
 * layout is tested without a canvas; `mapPng.ts` draws it.
 */

/** What the picture says besides the map. */
export interface PngSpec {
	title: string;
	/** "2024 · % · Stadtteile · Bildungslandkarte Stuttgart" */
	subtitle: string;
	legendTitle: string;
	legend: Array<{ color: string; label: string; count?: string; hatch?: boolean; dot?: boolean }>;
	/** Lines under the legend, each wrapped to the width: method, source, attribution, date, link. */
	notes: string[];
	/** Shown in a coloured band when set ("Demodaten – nicht amtlich"). */
	demo?: string;
}

export type Font = 'title' | 'subtitle' | 'legend' | 'note' | 'demo';

/** Font sizes in CSS pixels; the drawing scales them by the pixel ratio. */
export const PNG_FONTS: Readonly<Record<Font, { size: number; weight: 400 | 700 }>> = {
	title: { size: 22, weight: 700 },
	subtitle: { size: 14, weight: 400 },
	legend: { size: 13, weight: 400 },
	note: { size: 12, weight: 400 },
	demo: { size: 13, weight: 700 }
};

export interface PngText {
	text: string;
	font: Font;
	x: number;
	/** Baseline. */
	y: number;
}

export interface PngLayout {
	width: number;
	height: number;
	/** Where the map picture goes, in the same units. */
	map: { x: number; y: number; width: number; height: number };
	texts: PngText[];
	swatches: Array<{
		x: number;
		y: number;
		width: number;
		height: number;
		color: string;
		hatch: boolean;
		/** A point symbol (Lernorte) instead of an area swatch. */
		dot: boolean;
	}>;
	/** Background band of the demo notice. */
	demoBand: { x: number; y: number; width: number; height: number } | null;
}

const PAD = 16;
const LINE = 1.35;

/**
 * Words of `text` in lines no wider than `width`; a single word wider than the line stands alone.
 * `wrap('a b c', 3, (t) => t.length)` -> ['a b', 'c']
 */
export function wrap(text: string, width: number, measure: (text: string) => number): string[] {
	const words = text.split(/\s+/).filter(Boolean);
	const lines: string[] = [];
	let line = '';
	for (const w of words) {
		const next = line ? `${line} ${w}` : w;
		if (line && measure(next) > width) {
			lines.push(line);
			line = w;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
}

/**
 * The layout for a map picture of `mapWidth` × `mapHeight` CSS pixels. The legend is laid out in
 * as many columns as fit (at least one), the notes wrapped to the full width.
 * `pngLayout(spec, 900, 600, measure).height` -> 600 + title band + legend + notes
 */
export function pngLayout(
	spec: PngSpec,
	mapWidth: number,
	mapHeight: number,
	measure: (text: string, font: Font) => number
): PngLayout {
	if (!(mapWidth > 0 && mapHeight > 0)) throw new RangeError(`pngLayout: map size ${mapWidth}×${mapHeight}`);
	const width = mapWidth;
	const inner = width - 2 * PAD;
	const texts: PngText[] = [];
	const lh = (f: Font) => Math.round(PNG_FONTS[f].size * LINE);
	let y = PAD;
	for (const line of wrap(spec.title, inner, (t) => measure(t, 'title'))) {
		y += lh('title');
		texts.push({ text: line, font: 'title', x: PAD, y: y - 6 });
	}
	for (const line of wrap(spec.subtitle, inner, (t) => measure(t, 'subtitle'))) {
		y += lh('subtitle');
		texts.push({ text: line, font: 'subtitle', x: PAD, y: y - 4 });
	}
	y += 10;
	const map = { x: 0, y, width: mapWidth, height: mapHeight };
	y += mapHeight + 12;

	let demoBand: PngLayout['demoBand'] = null;
	if (spec.demo) {
		const lines = wrap(spec.demo, inner - 16, (t) => measure(t, 'demo'));
		const h = lines.length * lh('demo') + 10;
		demoBand = { x: PAD, y, width: inner, height: h };
		lines.forEach((line, i) =>
			texts.push({ text: line, font: 'demo', x: PAD + 8, y: y + 5 + (i + 1) * lh('demo') - 4 })
		);
		y += h + 10;
	}

	y += lh('legend');
	texts.push({ text: spec.legendTitle, font: 'demo', x: PAD, y: y - 4 });
	const swatch = { width: 22, height: 14 };
	const itemText = (it: PngSpec['legend'][number]) => (it.count ? `${it.label}  (${it.count})` : it.label);
	const widest = Math.max(0, ...spec.legend.map((it) => measure(itemText(it), 'legend')));
	const colWidth = swatch.width + 8 + widest + 24;
	const cols = Math.max(1, Math.min(spec.legend.length, Math.floor(inner / colWidth)));
	const rows = Math.ceil(spec.legend.length / cols);
	const swatches: PngLayout['swatches'] = [];
	spec.legend.forEach((it, i) => {
		// Column-major, like a reading list: the classes run down the first column.
		const col = Math.floor(i / rows);
		const row = i % rows;
		const x = PAD + col * colWidth;
		const top = y + 6 + row * (lh('legend') + 4);
		swatches.push({ x, y: top, ...swatch, color: it.color, hatch: it.hatch === true, dot: it.dot === true });
		texts.push({ text: itemText(it), font: 'legend', x: x + swatch.width + 8, y: top + swatch.height - 2 });
	});
	y += 6 + rows * (lh('legend') + 4) + 8;

	for (const note of spec.notes)
		for (const line of wrap(note, inner, (t) => measure(t, 'note'))) {
			y += lh('note');
			texts.push({ text: line, font: 'note', x: PAD, y: y - 4 });
		}
	y += PAD;
	return { width, height: Math.ceil(y), map, texts, swatches, demoBand };
}
