import { describe, expect, it } from 'vitest';
import { aggregateGroups, cellFromCounts } from './aggregate';
import { applyDisclosure, isPrimarySensitive, type DisclosureInput, type Grouping } from './suppress';
import type { Cell, UnitKind } from './types';

const PCT = { kind: 'ratio', scale: 100 } as const;
const COUNT = { kind: 'count', scale: 1 } as const;
const RULES = { minCount: 3, minDenominator: 10 };
const r = (n: number, d: number) => cellFromCounts(n, d, PCT);
const c = (n: number) => cellFromCounts(n, undefined, COUNT);

describe('isPrimarySensitive', () => {
	it.each<[string, Cell, 'ratio' | 'count', boolean]>([
		['count 2', c(2), 'count', true],
		['count 0', c(0), 'count', true],
		['count 3', c(3), 'count', false],
		['ratio numerator 2', r(2, 50), 'ratio', true],
		['ratio denominator 9', r(5, 9), 'ratio', true],
		['ratio 3/10', r(3, 10), 'ratio', false],
		['ratio complement 1 (9/10)', r(9, 10), 'ratio', true],
		['ratio complement 0 (50/50)', r(50, 50), 'ratio', true],
		['ratio complement 3 (47/50)', r(47, 50), 'ratio', false],
		['missing', { status: 'missing' }, 'ratio', false],
		['suppressed', { status: 'suppressed' }, 'ratio', false]
	])('%s', (_name, cell, kind, expected) => {
		expect(isPrimarySensitive(cell, kind, RULES)).toBe(expected);
	});
});

/**
 * Two Bezirke: "1" with Stadtteile 11, 12, 13 and "2" with 21, 22; a region over 11 alone and
 * a region over Bezirk 2; the Stadt over both Bezirke.
 */
function setup(base: Record<string, Cell>, kind: 'ratio' | 'count' = 'ratio'): DisclosureInput {
	const shape = kind === 'ratio' ? PCT : COUNT;
	const teile = new Map(Object.entries(base));
	const parent = new Map([
		['11', '1'],
		['12', '1'],
		['13', '1'],
		['21', '2'],
		['22', '2']
	]);
	const groupings: Grouping[] = [
		{ kind: 'bildungsregion', key: 'r11', memberKind: 'stadtteil', members: ['11'] },
		{ kind: 'bildungsregion', key: 'r2', memberKind: 'stadtbezirk', members: ['2'] },
		{ kind: 'stadt', key: 'S', memberKind: 'stadtbezirk', members: ['1', '2'] }
	];
	const cells: Record<UnitKind, Map<string, Cell>> = {
		stadtteil: teile,
		stadtbezirk: aggregateGroups(
			teile,
			[
				{ key: '1', members: ['11', '12', '13'] },
				{ key: '2', members: ['21', '22'] }
			],
			shape
		),
		bildungsregion: aggregateGroups(
			teile,
			[
				{ key: 'r11', members: ['11'] },
				{ key: 'r2', members: ['21', '22'] }
			],
			shape
		),
		stadt: aggregateGroups(teile, [{ key: 'S', members: ['11', '12', '13', '21', '22'] }], shape)
	};
	return { cells, stadtteilParent: parent, groupings, kind, rules: RULES };
}

const statusOf = (out: Record<UnitKind, Map<string, Cell>>, kind: UnitKind) =>
	Object.fromEntries([...out[kind]].map(([k, v]) => [k, v.status === 'ok' ? v.numerator : v.status]));

describe('applyDisclosure', () => {
	it('publishes everything above the thresholds', () => {
		const out = applyDisclosure(
			setup({ '11': r(5, 20), '12': r(6, 20), '13': r(7, 20), '21': r(8, 20), '22': r(9, 20) })
		);
		expect(statusOf(out, 'stadtteil')).toEqual({ '11': 5, '12': 6, '13': 7, '21': 8, '22': 9 });
		expect(statusOf(out, 'stadt')).toEqual({ S: 35 });
	});

	it('suppresses a small numerator and, secondarily, the smallest sibling', () => {
		const out = applyDisclosure(
			setup({ '11': r(2, 20), '12': r(6, 20), '13': r(4, 20), '21': r(8, 20), '22': r(9, 20) })
		);
		expect(statusOf(out, 'stadtteil')).toEqual({
			'11': 'suppressed',
			'12': 6,
			'13': 'suppressed',
			'21': 8,
			'22': 9
		});
		// Bezirk 1 = 12 stays published: 12 - 6 gives only the sum of two suppressed cells.
		expect(statusOf(out, 'stadtbezirk')).toEqual({ '1': 12, '2': 17 });
		// The region equal to Stadtteil 11 is suppressed by the same primary rule.
		expect(statusOf(out, 'bildungsregion')).toEqual({ r11: 'suppressed', r2: 17 });
	});

	it('suppresses a small denominator', () => {
		const out = applyDisclosure(
			setup({ '11': r(5, 20), '12': r(6, 20), '13': r(7, 20), '21': r(8, 9), '22': r(9, 20) })
		);
		expect(statusOf(out, 'stadtteil')).toMatchObject({ '21': 'suppressed', '22': 'suppressed' });
		// With both Stadtteile hidden the Bezirk total (17/29) is still safe to publish.
		expect(statusOf(out, 'stadtbezirk')).toEqual({ '1': 18, '2': 17 });
	});

	it('needs no secondary suppression when two siblings are already suppressed', () => {
		const out = applyDisclosure(
			setup({ '11': r(1, 20), '12': r(2, 20), '13': r(7, 20), '21': r(8, 20), '22': r(9, 20) })
		);
		expect(statusOf(out, 'stadtteil')).toEqual({
			'11': 'suppressed',
			'12': 'suppressed',
			'13': 7,
			'21': 8,
			'22': 9
		});
	});

	it('ignores source-suppressed members (their counts are in no total)', () => {
		const out = applyDisclosure(
			setup({
				'11': { status: 'suppressed' },
				'12': r(6, 20),
				'13': r(7, 20),
				'21': r(8, 20),
				'22': r(9, 20)
			})
		);
		expect(statusOf(out, 'stadtteil')).toEqual({ '11': 'suppressed', '12': 6, '13': 7, '21': 8, '22': 9 });
		expect(out.stadtbezirk.get('1')).toMatchObject({ status: 'ok', numerator: 13, partial: true });
	});

	it('suppresses the Bezirk when no sibling is left to hide', () => {
		const out = applyDisclosure(
			setup({ '11': r(5, 20), '12': r(6, 20), '13': r(7, 20), '21': r(2, 20), '22': { status: 'missing' } })
		);
		expect(statusOf(out, 'stadtbezirk')).toMatchObject({ '2': 'suppressed' });
		expect(statusOf(out, 'bildungsregion')).toMatchObject({ r2: 'suppressed' });
	});

	it('protects a hidden Bezirk within the Stadt by a Bezirk that has hidden Stadtteile', () => {
		// Bezirk 2 (1 + 1) is hidden; Bezirk 1 contains hidden Stadtteile and is hidden as well.
		const out = applyDisclosure(
			setup({ '11': c(1), '12': c(1), '13': c(40), '21': c(1), '22': c(1) }, 'count')
		);
		expect(statusOf(out, 'stadtbezirk')).toEqual({ '1': 'suppressed', '2': 'suppressed' });
		expect(statusOf(out, 'stadt')).toEqual({ S: 44 });
	});

	it('suppresses the Stadt when the only other Bezirk could be recomputed from its Stadtteile', () => {
		const out = applyDisclosure(
			setup({ '11': c(10), '12': c(20), '13': c(40), '21': c(1), '22': c(1) }, 'count')
		);
		expect(statusOf(out, 'stadtbezirk')).toEqual({ '1': 70, '2': 'suppressed' });
		expect(statusOf(out, 'stadt')).toEqual({ S: 'suppressed' });
	});

	it('suppresses a one-Stadtteil region when its Stadtteil is hidden secondarily', () => {
		const out = applyDisclosure(
			setup({ '11': r(3, 20), '12': r(2, 20), '13': r(7, 20), '21': r(8, 20), '22': r(9, 20) })
		);
		expect(statusOf(out, 'stadtteil')).toMatchObject({ '11': 'suppressed', '12': 'suppressed' });
		expect(statusOf(out, 'bildungsregion')).toMatchObject({ r11: 'suppressed' });
	});

	it('writes suppressed cells without counts and does not mutate the input', () => {
		const input = setup({ '11': r(2, 20), '12': r(6, 20), '13': r(4, 20), '21': r(8, 20), '22': r(9, 20) });
		const before = structuredClone(input.cells);
		const out = applyDisclosure(input);
		expect(out.stadtteil.get('11')).toEqual({ status: 'suppressed' });
		expect(input.cells).toEqual(before);
	});
});
