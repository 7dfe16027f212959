import { describe, expect, it } from 'vitest';
import { CLASS_MISSING, CLASS_SUPPRESSED, buildChoropleth, cellsFor, unitCell } from './choropleth';
import { COUNT, RATIO, VALUES } from './fixtures.test-helpers';
import { paletteFor } from './palette';
import type { Cell } from './types';

describe('cellsFor', () => {
	it('decodes every unit of a kind, in key order', () => {
		const cells = cellsFor(VALUES, RATIO, 'stadtteil', 2024);
		expect([...cells.keys()]).toEqual(['101', '102', '201', '202']);
		expect(cells.get('101')).toEqual({ status: 'ok', value: 10, numerator: 10, denominator: 100 });
		expect(cells.get('201')).toEqual({ status: 'suppressed' });
		expect(cells.get('202')).toEqual({ status: 'missing' });
	});

	it('gives missing cells for a year or unit kind without data', () => {
		const cells = cellsFor(VALUES, RATIO, 'stadtteil', 2019);
		expect([...cells.values()].every((c) => c.status === 'missing')).toBe(true);
		const regions = cellsFor(VALUES, RATIO, 'bildungsregion', 2024);
		expect(regions.size).toBe(2);
		expect(regions.get('nord')).toEqual({ status: 'missing' });
	});
});

describe('unitCell', () => {
	it.each<[Parameters<typeof unitCell>[2], string, Cell]>([
		['stadt', '08000000', { status: 'ok', value: (55 / 300) * 100, numerator: 55, denominator: 300 }],
		['stadtbezirk', '1', { status: 'ok', value: 20, numerator: 40, denominator: 200 }],
		['stadtbezirk', '2', { status: 'suppressed' }],
		['stadtbezirk', '99', { status: 'missing' }]
	])('%s %s', (kind, key, cell) => {
		expect(unitCell(VALUES, RATIO, kind, key, 2024)).toEqual(cell);
	});
});

describe('buildChoropleth', () => {
	it('classifies ok cells and counts missing and suppressed apart', () => {
		const cells = cellsFor(VALUES, COUNT, 'stadtteil', 2024);
		const c = buildChoropleth(cells, COUNT, 'equal', 3);
		expect(c.classification?.breaks).toEqual([500, 1000, 1500, 2000]);
		expect(c.colors).toEqual(paletteFor('context', 3));
		expect(Object.fromEntries(c.classes)).toEqual({ '101': 1, '102': 2, '201': 0, '202': 2 });
		expect(c.legend.map((l) => l.count)).toEqual([1, 1, 2]);
		expect(c.missing).toBe(0);
		expect(c.suppressed).toBe(0);
	});

	it('marks suppressed and missing areas with their own class index', () => {
		const cells = cellsFor(VALUES, RATIO, 'stadtteil', 2024);
		const c = buildChoropleth(cells, RATIO, 'quantile', 5);
		expect(c.classes.get('201')).toBe(CLASS_SUPPRESSED);
		expect(c.classes.get('202')).toBe(CLASS_MISSING);
		expect(c.suppressed).toBe(1);
		expect(c.missing).toBe(1);
		// Two distinct values: no more classes than values, and the legend matches the colours.
		expect(c.classification?.k).toBe(2);
		expect(c.legend).toHaveLength(2);
		expect(c.legend.map((l) => l.color)).toEqual(c.colors);
	});

	it('uses the direction palette: need is warm, better is blue', () => {
		const cells = cellsFor(VALUES, COUNT, 'stadtteil', 2024);
		const need = buildChoropleth(cells, { ...COUNT, direction: 'need' }, 'equal', 3);
		const better = buildChoropleth(cells, { ...COUNT, direction: 'better' }, 'equal', 3);
		expect(need.colors).toEqual(paletteFor('need', 3));
		expect(better.colors).toEqual(paletteFor('better', 3));
		expect(need.colors).not.toEqual(better.colors);
	});

	it('has no classes when no area has a value', () => {
		const cells = cellsFor(VALUES, RATIO, 'stadtteil', 2019);
		const c = buildChoropleth(cells, RATIO, 'jenks', 4);
		expect(c.classification).toBeNull();
		expect(c.legend).toEqual([]);
		expect(c.missing).toBe(4);
	});

	it('honours manual breaks', () => {
		const cells = cellsFor(VALUES, COUNT, 'stadtteil', 2024);
		const c = buildChoropleth(cells, COUNT, 'manual', 5, [800, 1600]);
		expect(Object.fromEntries(c.classes)).toEqual({ '101': 1, '102': 2, '201': 0, '202': 1 });
	});

	it('does not mutate its input', () => {
		const cells = cellsFor(VALUES, COUNT, 'stadtteil', 2024);
		const copy = structuredClone([...cells]);
		const pooled = [0, 3000, 1500];
		buildChoropleth(cells, COUNT, 'quantile', 3, [], pooled);
		expect([...cells]).toEqual(copy);
		expect(pooled).toEqual([0, 3000, 1500]);
	});

	describe('breaks from other values (fixed across years)', () => {
		// The Stadtteile of 2024 hold 1000, 2000, 500 and 1500 Personen.
		const cells = cellsFor(VALUES, COUNT, 'stadtteil', 2024);
		const pooled = [0, 600, 1200, 1800, 2400, 3000];

		it('takes the edges from the given values and counts the cells in them', () => {
			const c = buildChoropleth(cells, COUNT, 'equal', 3, [], pooled);
			expect(c.classification!.breaks).toEqual([0, 1000, 2000, 3000]);
			expect(c.classification!.counts).toEqual([1, 2, 1]);
			expect(c.legend.map((l) => l.count)).toEqual([1, 2, 1]);
			expect(Object.fromEntries(c.classes)).toEqual({ '101': 1, '102': 2, '201': 0, '202': 1 });
		});

		it('gives the same edges whatever the cells', () => {
			const other = new Map(cells);
			other.set('101', { status: 'ok', value: 2900, numerator: 2900 });
			const a = buildChoropleth(cells, COUNT, 'quantile', 4, [], pooled);
			const b = buildChoropleth(other, COUNT, 'quantile', 4, [], pooled);
			expect(a.legend.map((l) => l.label)).toEqual(b.legend.map((l) => l.label));
			// Without them, the edges follow the cells.
			expect(buildChoropleth(cells, COUNT, 'quantile', 4).legend.map((l) => l.label)).not.toEqual(
				buildChoropleth(other, COUNT, 'quantile', 4).legend.map((l) => l.label)
			);
		});

		it('leaves manual thresholds alone', () => {
			const c = buildChoropleth(cells, COUNT, 'manual', 5, [800, 1600], pooled);
			expect(c.classification!.breaks).toEqual([500, 800, 1600, 2000]);
		});
	});
});
