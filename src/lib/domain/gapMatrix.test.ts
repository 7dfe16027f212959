import { describe, expect, it } from 'vitest';
import type { ChainPhase } from './bildungskette';
import {
	alignCells,
	cellLabel,
	filterRows,
	formatGapScore,
	GAP_CLASS_MARKS,
	gridStep,
	matrixFilterContext,
	matrixRows,
	matrixSummary,
	matrixTextColors,
	nextSort,
	NOT_ANALYSED_REASON,
	PAGE_ROWS,
	sortDirOf,
	sortRows,
	tabStop,
	type MatrixCell,
	type MatrixFilter,
	type MatrixFilterContext,
	type MatrixRow,
	type MatrixSort,
	type MatrixSortBy,
	type MatrixSource,
	type SortDir
} from './gapMatrix';
import { GAP_CLASS_ORDER, type AreaGap, type GapClass } from './gaps';
import type { BildungsregionDef, Level } from './types';

/*
 * A tiny city: Bezirk 1 (Stadtteile 101 Äckerle, 102 Zollberg), Bezirk 2 (201 Ostend,
 * 202 Achtal), analysed for two phases.
 */

type Gap = Pick<AreaGap, 'score' | 'gapClass' | 'reason'>;
const gap = (gapClass: GapClass, score: number | null, reason?: string): Gap =>
	reason === undefined ? { gapClass, score } : { gapClass, score, reason };

const STADTTEILE = [
	{ key: '101', name: 'Äckerle', parent: '1' },
	{ key: '102', name: 'Zollberg', parent: '1' },
	{ key: '201', name: 'Ostend', parent: '2' },
	{ key: '202', name: 'Achtal', parent: '2' }
];
const BEZIRKE = [
	{ key: '1', name: 'Nord' },
	{ key: '2', name: 'Süd' }
];

// Phases deliberately out of chain order: rows must come out in chain order.
const ANALYSIS: MatrixSource = {
	phases: [
		{
			phase: 'elementar',
			areas: new Map([
				['101', gap('foerderluecke', 0.41)],
				['102', gap('unauffaellig', 0.05)],
				['201', gap('unbekannt', null, 'Kein Bedarfsindex')]
				// 202 missing on purpose
			])
		},
		{
			phase: 'fruehe',
			areas: new Map([
				['101', gap('im_blick', 0.2)],
				['102', gap('gut_versorgt', 0.2)],
				['201', gap('foerderluecke', 0.2)],
				['202', gap('unauffaellig', Number.NaN)]
			])
		}
	]
};

const REGIONS: BildungsregionDef[] = [
	{ id: 'r-st', name: 'Quartiere am Fluss', level: 'stadtteil', areas: ['102', '201'] },
	{ id: 'r-bz', name: 'Der Süden', level: 'stadtbezirk', areas: ['2'] }
];
const CTX: MatrixFilterContext = {
	bildungsregionen: REGIONS,
	parentOf: new Map(STADTTEILE.map((u) => [u.key, u.parent]))
};

const cell = (phase: ChainPhase, gapClass: GapClass, score: number | null): MatrixCell => ({
	phase,
	gapClass,
	score
});
const row = (key: string, name: string, cells: MatrixCell[], parent?: string): MatrixRow =>
	parent === undefined ? { key, name, cells } : { key, name, parent, cells };

const keys = (rows: readonly MatrixRow[]) => rows.map((r) => r.key);

describe('matrixRows', () => {
	it('builds one row per unit with cells in chain order', () => {
		const rows = matrixRows(ANALYSIS, STADTTEILE);
		expect(keys(rows)).toEqual(['101', '102', '201', '202']);
		expect(rows[0]).toEqual({
			key: '101',
			name: 'Äckerle',
			parent: '1',
			cells: [cell('fruehe', 'im_blick', 0.2), cell('elementar', 'foerderluecke', 0.41)]
		});
	});

	it('passes the reason of an unknown cell on', () => {
		const rows = matrixRows(ANALYSIS, STADTTEILE);
		expect(rows[2]!.cells[1]).toEqual({
			phase: 'elementar',
			gapClass: 'unbekannt',
			score: null,
			reason: 'Kein Bedarfsindex'
		});
	});

	it('gives an area the analysis does not know an unknown cell, and a NaN score null', () => {
		const rows = matrixRows(ANALYSIS, STADTTEILE);
		expect(rows[3]!.cells).toEqual([
			cell('fruehe', 'unauffaellig', null),
			{ ...cell('elementar', 'unbekannt', null), reason: NOT_ANALYSED_REASON }
		]);
		const stranger = matrixRows(ANALYSIS, [{ key: '999', name: 'Nirgendwo' }]);
		expect(stranger[0]!.cells.every((c) => c.gapClass === 'unbekannt' && c.score === null)).toBe(true);
		expect(stranger[0]).not.toHaveProperty('parent');
	});

	it('handles an analysis without phases and no units', () => {
		expect(matrixRows({ phases: [] }, STADTTEILE).map((r) => r.cells)).toEqual([[], [], [], []]);
		expect(matrixRows(ANALYSIS, [])).toEqual([]);
	});

	it.each([
		['a duplicate unit key', ANALYSIS, [...STADTTEILE, STADTTEILE[0]!], /101 twice/],
		[
			'a duplicate phase',
			{ phases: [...ANALYSIS.phases, ANALYSIS.phases[0]!] },
			STADTTEILE,
			/elementar twice/
		]
	])('throws on %s', (_name, analysis, units, message) => {
		expect(() => matrixRows(analysis, units)).toThrow(message);
	});

	it('does not mutate its input', () => {
		const phases = [...ANALYSIS.phases];
		const units = structuredClone(STADTTEILE);
		matrixRows({ phases }, units);
		expect(phases.map((p) => p.phase)).toEqual(['elementar', 'fruehe']);
		expect(units).toEqual(STADTTEILE);
	});
});

describe('alignCells', () => {
	it('orders the cells by the columns and fills a missing phase with an unknown cell', () => {
		const r = row('x', 'X', [cell('elementar', 'im_blick', 0.2), cell('fruehe', 'foerderluecke', 0.5)]);
		const before = structuredClone(r);
		expect(alignCells(r, ['fruehe', 'sek2', 'elementar'])).toEqual([
			cell('fruehe', 'foerderluecke', 0.5),
			{ ...cell('sek2', 'unbekannt', null), reason: NOT_ANALYSED_REASON },
			cell('elementar', 'im_blick', 0.2)
		]);
		expect(alignCells(r, [])).toEqual([]);
		expect(r).toEqual(before);
	});
});

describe('filterRows', () => {
	const stadtteilRows = matrixRows(ANALYSIS, STADTTEILE);
	const bezirkRows = matrixRows(ANALYSIS, BEZIRKE);

	it.each<[string, MatrixFilter, Level, string[]]>([
		['alle, Stadtteile', { kind: 'alle' }, 'stadtteil', ['101', '102', '201', '202']],
		['alle, Bezirke', { kind: 'alle' }, 'stadtbezirk', ['1', '2']],
		[
			'a Bezirk at Stadtteil level: its Stadtteile',
			{ kind: 'bezirk', key: '2' },
			'stadtteil',
			['201', '202']
		],
		['a Bezirk at Bezirk level: itself', { kind: 'bezirk', key: '2' }, 'stadtbezirk', ['2']],
		['an unknown Bezirk', { kind: 'bezirk', key: '9' }, 'stadtteil', []],
		['a Stadtteil region at Stadtteil level', { kind: 'region', id: 'r-st' }, 'stadtteil', ['102', '201']],
		['a Bezirk region at Stadtteil level', { kind: 'region', id: 'r-bz' }, 'stadtteil', ['201', '202']],
		['a Bezirk region at Bezirk level', { kind: 'region', id: 'r-bz' }, 'stadtbezirk', ['2']],
		[
			'a Stadtteil region at Bezirk level: Bezirke touched',
			{ kind: 'region', id: 'r-st' },
			'stadtbezirk',
			['1', '2']
		],
		['an unknown region', { kind: 'region', id: 'nope' }, 'stadtteil', []]
	])('%s', (_name, filter, level, expected) => {
		const rows = level === 'stadtteil' ? stadtteilRows : bezirkRows;
		expect(keys(filterRows(rows, filter, CTX, level))).toEqual(expected);
	});

	it('falls back to the row parent when the context does not know a Stadtteil', () => {
		const rows = [row('301', 'Neuland', [], '3')];
		expect(keys(filterRows(rows, { kind: 'bezirk', key: '3' }, CTX, 'stadtteil'))).toEqual(['301']);
	});

	it('keeps the row order and does not mutate its input', () => {
		const rows = [...stadtteilRows].reverse();
		const before = structuredClone(rows);
		const all = filterRows(rows, { kind: 'alle' }, CTX, 'stadtteil');
		expect(all).not.toBe(rows);
		expect(keys(all)).toEqual(['202', '201', '102', '101']);
		expect(rows).toEqual(before);
	});
});

describe('matrixFilterContext', () => {
	it('reads the regions and the Bezirk of every Stadtteil from the catalog', () => {
		const ctx = matrixFilterContext({
			city: { bildungsregionen: REGIONS } as never,
			units: {
				stadtteil: [...STADTTEILE, { key: '999', name: 'ohne Bezirk' }],
				stadtbezirk: BEZIRKE,
				bildungsregion: [],
				stadt: []
			}
		});
		expect(ctx.bildungsregionen).toBe(REGIONS);
		expect([...ctx.parentOf]).toEqual([
			['101', '1'],
			['102', '1'],
			['201', '2'],
			['202', '2']
		]);
	});
});

describe('sortRows', () => {
	// Scores of the Elementarbereich; equal scores to check the tie rules.
	const rows = [
		row('a', 'Zollberg', [cell('elementar', 'im_blick', 0.3)]),
		row('b', 'Äckerle', [cell('elementar', 'im_blick', 0.3)]),
		row('c', 'Bach', [cell('elementar', 'foerderluecke', 0.3)]),
		row('d', 'Ostend', [cell('elementar', 'unbekannt', null)]),
		row('e', 'Achtal', [cell('elementar', 'unauffaellig', 0.05)]),
		row('f', 'Mitte', [cell('elementar', 'foerderluecke', 0.6)]),
		row('g', 'Aue', []) // no cell of the phase
	];

	it.each<[string, MatrixSortBy, SortDir, string[]]>([
		['phase, largest gap first', { phase: 'elementar' }, 'desc', ['f', 'c', 'b', 'a', 'e', 'g', 'd']],
		[
			'phase, smallest gap first, unknown still last',
			{ phase: 'elementar' },
			'asc',
			['e', 'c', 'b', 'a', 'f', 'g', 'd']
		],
		[
			'a phase no row has: all unknown, by name',
			{ phase: 'sek2' },
			'desc',
			['e', 'b', 'g', 'c', 'f', 'd', 'a']
		],
		['name, German collation', { by: 'name' }, 'asc', ['e', 'b', 'g', 'c', 'f', 'd', 'a']],
		['name, Z to A', { by: 'name' }, 'desc', ['a', 'd', 'f', 'c', 'g', 'b', 'e']]
	])('%s', (_name, by, dir, expected) => {
		expect(keys(sortRows(rows, by, dir))).toEqual(expected);
	});

	it('breaks equal names by key, so the order is stable', () => {
		const twins = [row('2', 'Mitte', []), row('1', 'Mitte', [])];
		expect(keys(sortRows(twins, { by: 'name' }, 'asc'))).toEqual(['1', '2']);
	});

	it('does not mutate its input', () => {
		const before = structuredClone(rows);
		const copy = [...rows];
		sortRows(copy, { phase: 'elementar' }, 'desc');
		sortRows(copy, { by: 'name' }, 'desc');
		expect(copy).toEqual(before);
	});
});

describe('nextSort and sortDirOf', () => {
	it.each<[string, MatrixSort, MatrixSortBy, MatrixSort]>([
		[
			'same phase flips',
			{ phase: 'primar', dir: 'desc' },
			{ phase: 'primar' },
			{ phase: 'primar', dir: 'asc' }
		],
		[
			'same phase flips back',
			{ phase: 'primar', dir: 'asc' },
			{ phase: 'primar' },
			{ phase: 'primar', dir: 'desc' }
		],
		[
			'new phase starts with the largest gaps',
			{ by: 'name', dir: 'asc' },
			{ phase: 'sek1' },
			{ phase: 'sek1', dir: 'desc' }
		],
		['other phase', { phase: 'fruehe', dir: 'asc' }, { phase: 'sek1' }, { phase: 'sek1', dir: 'desc' }],
		['name starts with A', { phase: 'sek1', dir: 'desc' }, { by: 'name' }, { by: 'name', dir: 'asc' }],
		['name flips', { by: 'name', dir: 'asc' }, { by: 'name' }, { by: 'name', dir: 'desc' }]
	])('%s', (_name, current, column, expected) => {
		expect(nextSort(current, column)).toEqual(expected);
	});

	it.each<[MatrixSort, MatrixSortBy, SortDir | null]>([
		[{ phase: 'primar', dir: 'asc' }, { phase: 'primar' }, 'asc'],
		[{ phase: 'primar', dir: 'asc' }, { phase: 'sek1' }, null],
		[{ phase: 'primar', dir: 'asc' }, { by: 'name' }, null],
		[{ by: 'name', dir: 'desc' }, { by: 'name' }, 'desc'],
		[{ by: 'name', dir: 'desc' }, { phase: 'primar' }, null]
	])('sortDirOf(%j, %j) -> %s', (sort, column, expected) => {
		expect(sortDirOf(sort, column)).toBe(expected);
	});
});

describe('cell text', () => {
	it.each<[number | null, string]>([
		[0.4123, '0,41'],
		[0.005, '0,01'],
		[0, '0,00'],
		[1, '1,00'],
		[null, '–']
	])('formatGapScore(%s) -> %s', (score, expected) => {
		expect(formatGapScore(score)).toBe(expected);
	});

	it.each<[Pick<MatrixCell, 'gapClass' | 'score'>, string]>([
		[{ gapClass: 'foerderluecke', score: 0.41 }, 'Hallschlag, Elementarbereich: Förderlücke, Wert 0,41'],
		[{ gapClass: 'im_blick', score: 0.123 }, 'Hallschlag, Elementarbereich: Im Blick behalten, Wert 0,12'],
		[{ gapClass: 'unbekannt', score: null }, 'Hallschlag, Elementarbereich: Keine Aussage möglich'],
		[{ gapClass: 'unauffaellig', score: null }, 'Hallschlag, Elementarbereich: Unauffällig, kein Wert']
	])('cellLabel %j', (c, expected) => {
		expect(cellLabel('Hallschlag', 'Elementarbereich', c)).toBe(expected);
	});

	it('has a distinct mark for every class (unauffällig: none)', () => {
		const marks = GAP_CLASS_ORDER.map((c) => GAP_CLASS_MARKS[c]);
		expect(new Set(marks).size).toBe(GAP_CLASS_ORDER.length);
		expect(GAP_CLASS_MARKS.unauffaellig).toBe('');
	});

	it('picks black or white text per class colour', () => {
		const colors: Record<GapClass, string> = {
			foerderluecke: '#8b0000',
			im_blick: '#fdd49e',
			gut_versorgt: '#08306b',
			unauffaellig: '#f0f0f0',
			unbekannt: '#c8c8c8'
		};
		expect(matrixTextColors(colors)).toEqual({
			foerderluecke: '#fff',
			im_blick: '#000',
			gut_versorgt: '#fff',
			unauffaellig: '#000',
			unbekannt: '#000'
		});
	});
});

describe('matrixSummary', () => {
	const rows = matrixRows(ANALYSIS, STADTTEILE);

	it('counts each class per phase, in chain order', () => {
		const s = matrixSummary(rows, 'stadtteil');
		expect(s.total).toBe(4);
		expect(s.phases).toEqual([
			{
				phase: 'fruehe',
				counts: { foerderluecke: 1, im_blick: 1, gut_versorgt: 1, unauffaellig: 1, unbekannt: 0 }
			},
			{
				phase: 'elementar',
				counts: { foerderluecke: 1, im_blick: 0, gut_versorgt: 0, unauffaellig: 1, unbekannt: 2 }
			}
		]);
	});

	it.each<[string, MatrixRow[], Level, Partial<Record<ChainPhase, string>>, string]>([
		[
			'two phases with unknowns',
			rows,
			'stadtteil',
			{},
			'In der Phase Frühe Bildung ist 1 von 4 Stadtteilen als Förderlücke eingeordnet und in der Phase ' +
				'Elementarbereich 1; für 2 Stadtteile ist in mindestens einer Phase keine Aussage möglich.'
		],
		[
			'own labels, Bezirke',
			matrixRows(ANALYSIS, BEZIRKE),
			'stadtbezirk',
			{ fruehe: 'U3', elementar: 'Ü3' },
			'In der Phase U3 sind 0 von 2 Stadtbezirken als Förderlücke eingeordnet und in der Phase Ü3 0; ' +
				'für 2 Stadtbezirke ist in mindestens einer Phase keine Aussage möglich.'
		],
		[
			'three phases, one area, no unknowns',
			[
				row('x', 'X', [
					cell('sek1', 'foerderluecke', 0.5),
					cell('fruehe', 'foerderluecke', 0.5),
					cell('primar', 'unauffaellig', 0)
				])
			],
			'stadtteil',
			{},
			'In der Phase Frühe Bildung ist 1 von 1 Stadtteil als Förderlücke eingeordnet, in der Phase ' +
				'Primarbereich 0 und in der Phase Sekundarstufe I 1.'
		],
		[
			'one phase, one unknown',
			[row('x', 'X', [cell('sek2', 'unbekannt', null)]), row('y', 'Y', [cell('sek2', 'foerderluecke', 0.7)])],
			'stadtteil',
			{},
			'In der Phase Sekundarstufe II / Übergang Schule–Beruf ist 1 von 2 Stadtteilen als Förderlücke ' +
				'eingeordnet; für 1 Stadtteil ist in dieser Phase keine Aussage möglich.'
		],
		['no rows', [], 'stadtteil', {}, 'Keine Stadtteile in der Auswahl.'],
		['no phases', [row('x', 'X', [])], 'stadtbezirk', {}, 'Keine Phase der Bildungskette ausgewertet.']
	])('text: %s', (_name, input, level, labels, expected) => {
		expect(matrixSummary(input, level, labels).text).toBe(expected);
	});

	it('formats large counts the German way', () => {
		const many = Array.from({ length: 1200 }, (_, i) =>
			row(String(i), `G${i}`, [cell('primar', 'foerderluecke', 0.5)])
		);
		expect(matrixSummary(many, 'stadtteil').text).toBe(
			'In der Phase Primarbereich sind 1.200 von 1.200 Stadtteilen als Förderlücke eingeordnet.'
		);
	});

	it('counts a missing cell as unknown and does not mutate its input', () => {
		const input = [
			row('x', 'X', [cell('fruehe', 'foerderluecke', 0.5)]),
			row('y', 'Y', [cell('primar', 'im_blick', 0.1)])
		];
		const before = structuredClone(input);
		const s = matrixSummary(input, 'stadtteil');
		expect(s.phases.map((p) => p.counts.unbekannt)).toEqual([1, 1]);
		expect(input).toEqual(before);
	});
});

describe('keyboard navigation', () => {
	const size = { rows: 30, cols: 5 };
	it.each<[string, { row: number; col: number }, string, boolean, { row: number; col: number } | null]>([
		['down', { row: 0, col: 2 }, 'ArrowDown', false, { row: 1, col: 2 }],
		['up at the top stays', { row: 0, col: 2 }, 'ArrowUp', false, { row: 0, col: 2 }],
		['left at the start stays', { row: 3, col: 0 }, 'ArrowLeft', false, { row: 3, col: 0 }],
		['right at the end stays', { row: 3, col: 4 }, 'ArrowRight', false, { row: 3, col: 4 }],
		['right', { row: 3, col: 1 }, 'ArrowRight', false, { row: 3, col: 2 }],
		['page down', { row: 3, col: 1 }, 'PageDown', false, { row: 3 + PAGE_ROWS, col: 1 }],
		['page down near the end', { row: 25, col: 1 }, 'PageDown', false, { row: 29, col: 1 }],
		['page up near the start', { row: 4, col: 1 }, 'PageUp', false, { row: 0, col: 1 }],
		['home', { row: 7, col: 3 }, 'Home', false, { row: 7, col: 0 }],
		['end', { row: 7, col: 1 }, 'End', false, { row: 7, col: 4 }],
		['ctrl+home', { row: 7, col: 3 }, 'Home', true, { row: 0, col: 0 }],
		['ctrl+end', { row: 7, col: 1 }, 'End', true, { row: 29, col: 4 }],
		['a position outside is clamped', { row: 40, col: 9 }, 'ArrowUp', false, { row: 29, col: 4 }],
		['other keys are not navigation', { row: 7, col: 1 }, 'Enter', false, null]
	])('gridStep: %s', (_name, pos, key, ctrl, expected) => {
		expect(gridStep(pos, size, key, ctrl)).toEqual(expected);
	});

	it('gridStep on an empty grid -> null', () => {
		expect(gridStep({ row: 0, col: 0 }, { rows: 0, cols: 5 }, 'ArrowDown')).toBeNull();
	});

	const rows = [{ key: 'a' }, { key: 'b' }, { key: 'c' }];
	const phases: ChainPhase[] = ['fruehe', 'elementar', 'primar'];
	it.each<
		[
			string,
			{ key: string; phase: ChainPhase } | null,
			string | null,
			ChainPhase | null,
			{ row: number; col: number } | null
		]
	>([
		['last focused cell', { key: 'c', phase: 'primar' }, 'a', 'fruehe', { row: 2, col: 2 }],
		[
			'focused cell gone: selected in active phase',
			{ key: 'z', phase: 'primar' },
			'b',
			'elementar',
			{ row: 1, col: 1 }
		],
		['focused phase gone', { key: 'c', phase: 'sek2' }, null, null, { row: 0, col: 0 }],
		['selected, no active phase', null, 'c', null, { row: 2, col: 0 }],
		['active phase, nothing selected', null, null, 'primar', { row: 0, col: 2 }],
		['selected not shown', null, 'zz', 'sek1', { row: 0, col: 0 }]
	])('tabStop: %s', (_name, focused, selected, active, expected) => {
		expect(tabStop(rows, phases, focused, selected, active)).toEqual(expected);
	});

	it('tabStop without rows or phases -> null', () => {
		expect(tabStop([], phases, null, null, null)).toBeNull();
		expect(tabStop(rows, [], null, null, null)).toBeNull();
	});
});
