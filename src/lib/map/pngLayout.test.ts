import { describe, expect, test } from 'vitest';
import { pngLayout, wrap, type Font, type PngSpec } from './pngLayout';

// Every character 7 px wide, whatever the font: enough to test wrapping and columns.
const measure = (t: string, _f?: Font) => t.length * 7;

const spec: PngSpec = {
	title: 'Betreuungsquote unter 3 Jahren',
	subtitle: '2024 · % · Stadtteile · Bildungslandkarte Stuttgart',
	legendTitle: 'Legende',
	legend: [
		{ color: '#08519c', label: '46,8 – 55,9 %', count: '30 Gebiete' },
		{ color: '#3182bd', label: '43,9 – 46,8 %', count: '29 Gebiete' },
		{ color: '#8c8c8c', label: 'geheim gehalten', count: '0 Gebiete', hatch: true }
	],
	notes: ['Quelle: Demodaten, 2024.', 'Geometrie: Landeshauptstadt Stuttgart – Stadtmessungsamt (CC BY 4.0)'],
	demo: 'Demodaten – nicht amtlich'
};

describe('wrap', () => {
	test.each([
		['a b c', 3, ['a b', 'c']],
		['eins zwei', 100, ['eins zwei']],
		['Donaudampfschifffahrt kurz', 5, ['Donaudampfschifffahrt', 'kurz']],
		['  ', 10, []]
	] as const)('%j in %i', (text, width, lines) => {
		expect(wrap(text, width, (t) => t.length)).toEqual(lines);
	});
});

describe('pngLayout', () => {
	test('title band, then the map, then demo band, legend and notes, all inside the width', () => {
		const l = pngLayout(spec, 900, 600, measure);
		expect(l.width).toBe(900);
		expect(l.map).toMatchObject({ x: 0, width: 900, height: 600 });
		const title = l.texts.find((t) => t.text === spec.title)!;
		expect(title.y).toBeLessThan(l.map.y);
		expect(l.demoBand!.y).toBeGreaterThan(l.map.y + l.map.height);
		const notes = l.texts.filter((t) => t.font === 'note');
		expect(notes.map((t) => t.text)).toEqual(spec.notes);
		expect(Math.min(...notes.map((t) => t.y))).toBeGreaterThan(Math.max(...l.swatches.map((s) => s.y)));
		expect(l.height).toBeGreaterThan(notes.at(-1)!.y);
		for (const t of l.texts) expect(t.x + measure(t.text)).toBeLessThanOrEqual(900);
	});

	test('the legend fills columns as the width allows; hatching is kept', () => {
		const wide = pngLayout(spec, 900, 600, measure);
		expect(new Set(wide.swatches.map((s) => s.y)).size).toBe(1);
		const narrow = pngLayout(spec, 300, 600, measure);
		expect(new Set(narrow.swatches.map((s) => s.x)).size).toBe(1);
		expect(narrow.swatches.map((s) => s.hatch)).toEqual([false, false, true]);
		expect(narrow.swatches.every((s) => !s.dot)).toBe(true);
		expect(narrow.height).toBeGreaterThan(wide.height);
	});

	test('long notes wrap; without a demo notice there is no band', () => {
		const l = pngLayout({ ...spec, demo: undefined, notes: ['x '.repeat(200)] }, 400, 300, measure);
		expect(l.demoBand).toBeNull();
		expect(l.texts.filter((t) => t.font === 'note').length).toBeGreaterThan(1);
	});

	test('an empty map is a bug', () => {
		expect(() => pngLayout(spec, 0, 300, measure)).toThrow(RangeError);
	});
});
