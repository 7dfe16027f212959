import { describe, expect, it } from 'vitest';
import { cellFromCounts } from './aggregate';
import type { ChainPhase, GapSettings, SupportWeights } from './bildungskette';
import { needIndex, needInputs } from './needIndex';
import { mulberry32 } from './random';
import type { Cell, IndicatorMeta } from './types';
import {
	applyWhatIf,
	isWeight,
	needWeightRows,
	NO_WHAT_IF,
	roundWeight,
	supportWeightRows,
	weightChoices,
	whatIfChanges,
	whatIfNote,
	withNeedWeight,
	withSupportWeight,
	type WhatIf
} from './whatIf';

const meta = (id: string, title: string, over: Partial<IndicatorMeta> = {}): IndicatorMeta => ({
	id,
	title,
	definition: '',
	kind: 'ratio',
	scale: 100,
	unit: '%',
	decimals: 1,
	phases: ['kontext'],
	direction: 'need',
	source: 'Test',
	years: [2024],
	public: true,
	demo: true,
	...over
});

/** A tiny catalog: two social-context indicators shared by phases, one per phase otherwise. */
const CATALOG: IndicatorMeta[] = [
	meta('sgb2', 'Kinder in SGB-II-Bedarfsgemeinschaften'),
	meta('allein', 'Alleinerziehende'),
	meta('sprache', 'Sprachförderbedarf', { phases: ['elementar'] }),
	meta('gym', 'Übergang aufs Gymnasium', { phases: ['primar'], direction: 'better' }),
	meta('betreuung', 'Betreuungsquote U3', { phases: ['fruehe'], direction: 'better' })
];

/*
 * fruehe: sgb2 1, allein 1 (place target, one supply indicator);
 * elementar: sprache 1, sgb2 1, allein 2; primar: gym 1, sgb2 1 (no place target, no supply).
 */
const SETTINGS: GapSettings = {
	phases: [
		{
			id: 'fruehe',
			population: 'kinder_0_3',
			need: [
				{ indicator: 'sgb2', weight: 1 },
				{ indicator: 'allein', weight: 1 }
			],
			supply: [{ indicator: 'betreuung', weight: 1 }],
			lernortTypes: ['kita'],
			placeTarget: 0.5,
			placeTypes: ['kita']
		},
		{
			id: 'elementar',
			population: 'kinder_3_6',
			need: [
				{ indicator: 'sprache', weight: 1 },
				{ indicator: 'sgb2', weight: 1 },
				{ indicator: 'allein', weight: 2 }
			],
			supply: [],
			lernortTypes: ['kita'],
			placeTarget: 1,
			placeTypes: ['kita']
		},
		{
			id: 'primar',
			population: 'kinder_6_10',
			need: [
				{ indicator: 'gym', weight: 1 },
				{ indicator: 'sgb2', weight: 1 }
			],
			supply: [],
			lernortTypes: ['grundschule']
		}
	],
	reachMetres: { kita: 500, grundschule: 500 },
	detourFactor: 1.3,
	weights: { reach: 1, places: 1, supply: 1 },
	thresholds: { need: 0, support: 'city' },
	minCoverage: 0.5
};

const whatIf = (over: Partial<WhatIf>): WhatIf => ({ ...NO_WHAT_IF, ...over });

/** Need weights per phase, in need-list order. */
const needOf = (s: GapSettings) =>
	Object.fromEntries(s.phases.map((p) => [p.id, p.need.map((n) => n.weight)])) as Record<
		ChainPhase,
		number[]
	>;

function deepFreeze<T>(value: T): T {
	if (typeof value === 'object' && value !== null) {
		for (const v of Object.values(value)) deepFreeze(v);
		Object.freeze(value);
	}
	return value;
}

describe('applyWhatIf', () => {
	it('gives equal settings and no problems without overrides', () => {
		const { settings, problems } = applyWhatIf(SETTINGS, NO_WHAT_IF);
		expect(settings).toEqual(SETTINGS);
		expect(settings).not.toBe(SETTINGS);
		expect(problems).toEqual([]);
	});

	it.each<
		[
			string,
			Partial<WhatIf>,
			Partial<Record<ChainPhase, number[]>>,
			Partial<SupportWeights>,
			Partial<GapSettings['thresholds']>,
			string[]
		]
	>([
		[
			'sets a need weight in every phase with the indicator',
			{ needWeights: { sgb2: 2 } },
			{ fruehe: [2, 1], elementar: [1, 2, 2], primar: [1, 2] },
			{},
			{},
			[]
		],
		[
			'weight 0 switches an indicator off',
			{ needWeights: { allein: 0 } },
			{ fruehe: [1, 0], elementar: [1, 1, 0] },
			{},
			{},
			[]
		],
		[
			'rounds weights to two decimals',
			{ needWeights: { gym: 1 / 3 }, supportWeights: { places: 0.125 } },
			{ primar: [0.33, 1] },
			{ places: 0.13 },
			{},
			[]
		],
		[
			'sets support weights by key',
			{ supportWeights: { reach: 2, supply: 0 } },
			{},
			{ reach: 2, places: 1, supply: 0 },
			{},
			[]
		],
		[
			'sets the thresholds',
			{ needThreshold: 0.5, supportThreshold: 0.8 },
			{},
			{},
			{ need: 0.5, support: 0.8 },
			[]
		],
		[
			'ignores an unknown indicator and keeps the rest',
			{ needWeights: { zirkus: 2, sgb2: 3 } },
			{ fruehe: [3, 1] },
			{},
			{},
			["Parameter 'gewichte': ‚zirkus‘ ist in keiner Phase ein Bedarfsindikator"]
		],
		[
			'ignores a supply indicator given as need weight',
			{ needWeights: { betreuung: 2 } },
			{ fruehe: [1, 1] },
			{},
			{},
			['‚betreuung‘ ist in keiner Phase']
		],
		[
			'ignores weights out of range',
			{ needWeights: { sgb2: -1, allein: 11, gym: Number.NaN } },
			{ fruehe: [1, 1], elementar: [1, 1, 2], primar: [1, 1] },
			{},
			{},
			["Parameter 'gewichte': ungültiges Gewicht bei ‚sgb2‘ (−1), ‚allein‘ (11), ‚gym‘ (‚NaN‘)"]
		],
		[
			'keeps a phase whose need weights would all be 0, applies the others',
			{ needWeights: { sgb2: 0, allein: 0 } },
			{ fruehe: [1, 1], elementar: [1, 0, 0], primar: [1, 0] },
			{},
			{},
			['In der Phase ‚Frühe Bildung‘ hätten alle Bedarfsindikatoren das Gewicht 0', 'Gewicht über 0 geben']
		],
		[
			'keeps the support weights when all three would be 0',
			{ supportWeights: { reach: 0, places: 0, supply: 0 } },
			{},
			{ reach: 1, places: 1, supply: 1 },
			{},
			["Parameter 'unterstuetzung': Erreichbarkeit, Plätze und Angebotsquoten hätten alle das Gewicht 0"]
		],
		[
			'ignores unknown support components and bad support weights',
			{ supportWeights: { reach: Infinity, foo: 1 } as Partial<SupportWeights> },
			{},
			{ reach: 1, places: 1, supply: 1 },
			{},
			["Parameter 'unterstuetzung': ungültige Angabe ‚reach‘ (‚Infinity‘), ‚foo‘ (1)"]
		],
		[
			'ignores thresholds out of range',
			{ needThreshold: 4, supportThreshold: 1.5 },
			{},
			{},
			{ need: 0, support: 'city' },
			["Parameter 'bedarf': 4", "Parameter 'versorgung': 1,5"]
		]
	])('%s', (_name, over, need, weights, thresholds, problemParts) => {
		const { settings, problems } = applyWhatIf(SETTINGS, whatIf(over));
		expect(needOf(settings)).toMatchObject(need);
		expect(settings.weights).toMatchObject(weights);
		expect(settings.thresholds).toMatchObject(thresholds);
		const text = problems.join(' ');
		for (const part of problemParts) expect(text).toContain(part);
		if (problemParts.length === 0) expect(problems).toEqual([]);
	});

	it('does not mutate its inputs', () => {
		const settings = deepFreeze(structuredClone(SETTINGS));
		const overrides = deepFreeze(
			whatIf({ needWeights: { sgb2: 0, allein: 3 }, supportWeights: { reach: 2 }, needThreshold: 1 })
		);
		const { settings: out } = applyWhatIf(settings, overrides);
		expect(settings).toEqual(SETTINGS);
		// The result shares no mutable part with the input.
		out.phases[0]!.need[0]!.weight = 9;
		out.weights.reach = 9;
		out.thresholds.need = 9;
		out.reachMetres.kita = 9;
		expect(settings).toEqual(SETTINGS);
	});
});

describe('whatIfChanges', () => {
	it.each<[string, Partial<WhatIf>, Partial<ReturnType<typeof whatIfChanges>>]>([
		[
			'nothing',
			{},
			{
				needThreshold: false,
				supportThreshold: false,
				needWeights: [],
				supportWeights: [],
				weights: false,
				any: false
			}
		],
		['a need weight', { needWeights: { sgb2: 2 } }, { needWeights: ['sgb2'], weights: true, any: true }],
		[
			// allein is 1 in fruehe but 2 in elementar: setting 2 changes fruehe.
			'a weight equal to one phase but not another',
			{ needWeights: { allein: 2 } },
			{ needWeights: ['allein'], weights: true }
		],
		[
			'a weight equal to the default everywhere',
			{ needWeights: { gym: 1 } },
			{ needWeights: [], any: false }
		],
		['a support weight', { supportWeights: { places: 0 } }, { supportWeights: ['places'], weights: true }],
		['a threshold', { needThreshold: 1 }, { needThreshold: true, weights: false, any: true }],
		['an override that was not applied', { needWeights: { zirkus: 2 } }, { needWeights: [], any: false }],
		[
			'several, sorted',
			{ needWeights: { sprache: 2, allein: 0 }, supportWeights: { supply: 2, reach: 0 } },
			{ needWeights: ['allein', 'sprache'], supportWeights: ['reach', 'supply'] }
		]
	])('%s', (_name, over, expected) => {
		const applied = applyWhatIf(SETTINGS, whatIf(over)).settings;
		expect(whatIfChanges(SETTINGS, applied)).toMatchObject(expected);
	});
});

describe('needWeightRows', () => {
	it('lists the need indicators of a phase with titles, weights and phases', () => {
		const applied = applyWhatIf(SETTINGS, whatIf({ needWeights: { sgb2: 0.5 } })).settings;
		expect(needWeightRows(SETTINGS, applied, 'elementar', CATALOG)).toEqual([
			{
				indicator: 'sprache',
				title: 'Sprachförderbedarf',
				defaultWeight: 1,
				weight: 1,
				changed: false,
				phases: ['elementar']
			},
			{
				indicator: 'sgb2',
				title: 'Kinder in SGB-II-Bedarfsgemeinschaften',
				defaultWeight: 1,
				weight: 0.5,
				changed: true,
				phases: ['fruehe', 'elementar', 'primar']
			},
			{
				indicator: 'allein',
				title: 'Alleinerziehende',
				defaultWeight: 2,
				weight: 2,
				changed: false,
				phases: ['fruehe', 'elementar']
			}
		]);
	});

	it('falls back to the id without catalog entry and is empty for a phase without model', () => {
		expect(needWeightRows(SETTINGS, SETTINGS, 'primar', [])[0]?.title).toBe('gym');
		expect(needWeightRows(SETTINGS, SETTINGS, 'sek2', CATALOG)).toEqual([]);
	});
});

describe('whatIfNote', () => {
	it('names the changed weights of the phase with the city value, in German number format', () => {
		const applied = applyWhatIf(
			SETTINGS,
			whatIf({ needWeights: { sgb2: 0.5, gym: 3 }, supportWeights: { reach: 2 } })
		).settings;
		expect(whatIfNote(SETTINGS, applied, 'elementar', CATALOG)).toBe(
			'Gewichte geändert: Kinder in SGB-II-Bedarfsgemeinschaften 0,5 statt 1; Erreichbarkeit 2 statt 1.'
		);
		// gym is a need indicator of the primary phase only.
		expect(whatIfNote(SETTINGS, applied, 'primar', CATALOG)).toContain('Übergang aufs Gymnasium 3 statt 1');
	});

	it('is null with the city weights, also when only a threshold changed', () => {
		expect(whatIfNote(SETTINGS, SETTINGS, 'elementar', CATALOG)).toBeNull();
		const applied = applyWhatIf(SETTINGS, whatIf({ needThreshold: 1 })).settings;
		expect(whatIfNote(SETTINGS, applied, 'elementar', CATALOG)).toBeNull();
	});
});

describe('supportWeightRows', () => {
	it.each<[ChainPhase, boolean[]]>([
		['fruehe', [true, true, true]],
		['elementar', [true, true, false]],
		['primar', [true, false, false]],
		['sek2', [true, true, true]]
	])('%s: which components count', (phase, applies) => {
		expect(supportWeightRows(SETTINGS, SETTINGS, phase).map((r) => r.applies)).toEqual(applies);
	});

	it('shows labels, city and applied weights', () => {
		const applied = applyWhatIf(SETTINGS, whatIf({ supportWeights: { places: 0.5 } })).settings;
		expect(supportWeightRows(SETTINGS, applied, 'fruehe')).toEqual([
			{
				component: 'reach',
				label: 'Erreichbarkeit',
				defaultWeight: 1,
				weight: 1,
				changed: false,
				applies: true
			},
			{
				component: 'places',
				label: 'Plätze je Kind',
				defaultWeight: 1,
				weight: 0.5,
				changed: true,
				applies: true
			},
			{
				component: 'supply',
				label: 'Angebotsquoten',
				defaultWeight: 1,
				weight: 1,
				changed: false,
				applies: true
			}
		]);
	});
});

describe('patch helpers', () => {
	it.each<[string, Record<string, number>, string, number, Record<string, number>]>([
		['adds an override', {}, 'sgb2', 2, { sgb2: 2 }],
		['drops an override equal to the default everywhere', { sgb2: 2, gym: 0 }, 'sgb2', 1, { gym: 0 }],
		['keeps an override equal to only one phase', {}, 'allein', 2, { allein: 2 }],
		['rounds', {}, 'gym', 0.255, { gym: 0.26 }]
	])('withNeedWeight: %s', (_name, before, id, weight, after) => {
		const input = Object.freeze({ ...before });
		expect(withNeedWeight(SETTINGS, input, id, weight)).toEqual(after);
		expect(input).toEqual(before);
	});

	it('withSupportWeight adds and drops overrides', () => {
		const one = withSupportWeight(SETTINGS, {}, 'places', 0.5);
		expect(one).toEqual({ places: 0.5 });
		expect(withSupportWeight(SETTINGS, one, 'places', 1)).toEqual({});
		expect(one).toEqual({ places: 0.5 });
	});

	it.each<[number[], number[]]>([
		[[], [0, 0.5, 1, 2, 3]],
		[
			[1, 1],
			[0, 0.5, 1, 2, 3]
		],
		[
			[1.5, 1],
			[0, 0.5, 1, 1.5, 2, 3]
		],
		[
			[10, -1, Number.NaN],
			[0, 0.5, 1, 2, 3, 10]
		]
	])('weightChoices(%j)', (extra, expected) => {
		expect(weightChoices(...extra)).toEqual(expected);
	});

	it.each<[unknown, boolean]>([
		[0, true],
		[10, true],
		[0.5, true],
		[-0.01, false],
		[10.01, false],
		[Number.NaN, false],
		[Infinity, false],
		['1', false]
	])('isWeight(%j) -> %s', (v, ok) => {
		expect(isWeight(v)).toBe(ok);
	});

	it('roundWeight keeps two decimals and no negative zero', () => {
		expect(roundWeight(1 / 3)).toBe(0.33);
		expect(Object.is(roundWeight(-0), 0)).toBe(true);
	});
});

describe('weight 0 is the same as leaving the indicator out', () => {
	const AREAS = ['a', 'b', 'c', 'd', 'e', 'f'];
	const SHAPE = { kind: 'ratio', scale: 100 } as const;

	function randomCells(random: () => number): Map<string, Cell> {
		const out = new Map<string, Cell>();
		for (const key of AREAS) {
			const r = random();
			if (r < 0.1) out.set(key, { status: 'suppressed' });
			else if (r < 0.2) continue;
			else out.set(key, cellFromCounts(Math.floor(random() * 100), 100, SHAPE));
		}
		return out;
	}

	it('for random cells, phases and indicators', () => {
		const random = mulberry32(2024);
		let indexed = 0;
		for (let i = 0; i < 300; i++) {
			const cells = new Map(CATALOG.map((m) => [m.id, randomCells(random)]));
			const cellsOf = (m: IndicatorMeta) => cells.get(m.id)!;
			const phase = SETTINGS.phases[Math.floor(random() * SETTINGS.phases.length)]!;
			const drop = phase.need[Math.floor(random() * phase.need.length)]!.indicator;

			const applied = applyWhatIf(SETTINGS, whatIf({ needWeights: { [drop]: 0 } })).settings;
			const zeroed = applied.phases.find((p) => p.id === phase.id)!.need;
			const removed = phase.need.filter((n) => n.indicator !== drop);

			const withZero = needIndex(AREAS, needInputs(zeroed, CATALOG, cellsOf));
			const without = needIndex(AREAS, needInputs(removed, CATALOG, cellsOf));
			expect(withZero.areas).toEqual(without.areas);
			indexed += [...without.areas.values()].filter((a) => a.index !== null).length;
		}
		// The comparison is not vacuous: most areas get an index.
		expect(indexed).toBeGreaterThan(300 * AREAS.length * 0.5);
	});
});
