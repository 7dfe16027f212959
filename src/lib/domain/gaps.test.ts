import { describe, expect, it } from 'vitest';
import { cellFromCounts } from './aggregate';
import type { GapSettings, PhaseModel, SupportWeights } from './bildungskette';
import {
	aggregateSupportInputs,
	analyseGaps,
	citySupportLevel,
	classifyGap,
	GAP_CLASS_ORDER,
	GAP_CLASSES,
	gapScore,
	phasePlaces,
	supportLevel,
	type GapClass,
	type SupportInput
} from './gaps';
import { needIndex, normalCdf, type AreaNeed, type NeedInput } from './needIndex';
import { mulberry32 } from './random';
import type { Cell } from './types';

const PCT = { kind: 'ratio', scale: 100 } as const;
const pct = (v: number): Cell => cellFromCounts(v, 100, PCT);
const EQUAL: SupportWeights = { reach: 1, places: 1, supply: 1 };

const KITA: PhaseModel = {
	id: 'elementar',
	population: 'kinder_3_6',
	need: [],
	supply: [{ indicator: 'quote', weight: 1 }],
	lernortTypes: ['kita'],
	placeTarget: 0.5,
	placeTypes: ['kita']
};
const REACH_ONLY: PhaseModel = { ...KITA, supply: [], placeTarget: undefined, placeTypes: undefined };

const input = (over: Partial<SupportInput> = {}): SupportInput => ({
	children: 200,
	sites: 4,
	places: 60,
	reachShare: 0.7,
	supply: { quote: pct(30) },
	...over
});

describe('supportLevel', () => {
	it('combines reach, places and supply (hand-computed)', () => {
		// places per child 60 / 200 = 0.3 -> 0.3 / 0.5 = 0.6; supply 30 / 40 = 0.75; reach 0.7.
		const r = supportLevel(input(), KITA, EQUAL, { quote: 40 });
		expect(r.measures).toEqual({
			sitesPer1000: 20,
			placesPerChild: 0.3,
			reachShare: 0.7,
			supply: { quote: 30 }
		});
		expect(r.components.reach).toBe(0.7);
		expect(r.components.places).toBeCloseTo(0.6, 12);
		expect(r.components.supply).toBe(0.75);
		expect(r.supplyScores).toEqual({ quote: 0.75 });
		expect(r.level).toBeCloseTo((0.7 + 0.6 + 0.75) / 3, 12);
		expect(r.reason).toBeUndefined();
	});

	it.each<[string, Partial<SupportInput>, SupportWeights, Record<string, number | null>, number | null]>([
		['weights 2/1/0', {}, { reach: 2, places: 1, supply: 0 }, { quote: 40 }, (1.4 + 0.6) / 3],
		['places capped at 1', { places: 500 }, EQUAL, { quote: 40 }, (0.7 + 1 + 0.75) / 3],
		['supply above the city value capped at 1', {}, EQUAL, { quote: 20 }, (0.7 + 0.6 + 1) / 3],
		[
			'supply missing: the other components count',
			{ supply: { quote: { status: 'missing' } } },
			EQUAL,
			{ quote: 40 },
			0.65
		],
		['supply suppressed', { supply: { quote: { status: 'suppressed' } } }, EQUAL, { quote: 40 }, 0.65],
		['no city value and no target', {}, EQUAL, { quote: null }, 0.65],
		['children unknown: no places per child', { children: null }, EQUAL, { quote: 40 }, (0.7 + 0.75) / 2],
		['places not scored', { places: null }, EQUAL, { quote: 40 }, (0.7 + 0.75) / 2],
		['reach unknown', { reachShare: null }, EQUAL, { quote: 40 }, (0.6 + 0.75) / 2],
		['zero places count as 0', { places: 0 }, EQUAL, { quote: 40 }, (0.7 + 0 + 0.75) / 3],
		['nothing known', { reachShare: null, places: null, supply: {} }, EQUAL, { quote: 40 }, null]
	])('%s', (_name, over, weights, city, expected) => {
		const r = supportLevel(input(over), KITA, weights, city);
		if (expected === null) {
			expect(r.level).toBeNull();
			expect(r.reason).toMatch(/Keine Angaben zur Unterstützung/);
		} else expect(r.level).toBeCloseTo(expected, 12);
	});

	it('prefers the given target over the city value', () => {
		const model = { ...KITA, supply: [{ indicator: 'quote', weight: 1, target: 25 }] };
		expect(supportLevel(input(), model, EQUAL, { quote: 40 }).components.supply).toBe(1);
		expect(supportLevel(input({ supply: { quote: pct(20) } }), model, EQUAL, {}).components.supply).toBe(0.8);
	});

	it('weights supply indicators and skips weight 0', () => {
		const model = {
			...KITA,
			supply: [
				{ indicator: 'q1', weight: 3 },
				{ indicator: 'q2', weight: 1 },
				{ indicator: 'q3', weight: 0 }
			]
		};
		const r = supportLevel(input({ supply: { q1: pct(10), q2: pct(40), q3: pct(1) } }), model, EQUAL, {
			q1: 20,
			q2: 40,
			q3: 50
		});
		expect(r.components.supply).toBeCloseTo((3 * 0.5 + 1 * 1) / 4, 12);
		expect(r.supplyScores).toEqual({ q1: 0.5, q2: 1 });
		expect(r.measures.supply).toEqual({ q1: 10, q2: 40, q3: 1 });
	});

	it('gives no level to an area without children of the age group', () => {
		const r = supportLevel(input({ children: 0 }), KITA, EQUAL, { quote: 40 });
		expect(r).toMatchObject({ level: null, reason: 'Keine Kinder dieser Altersgruppe im Gebiet' });
		expect(r.measures.sitesPer1000).toBeNull();
	});

	it('flags places as a lower bound when some capacities are unknown', () => {
		expect(supportLevel(input({ placesUnknown: 2 }), KITA, EQUAL, {}).placesLowerBound).toBe(true);
		expect(supportLevel(input(), KITA, EQUAL, {}).placesLowerBound).toBe(false);
	});

	it('does not score Lernorte per 1,000 children', () => {
		const few = supportLevel(input({ sites: 1 }), KITA, EQUAL, { quote: 40 });
		const many = supportLevel(input({ sites: 40 }), KITA, EQUAL, { quote: 40 });
		expect(many.measures.sitesPer1000).toBe(200);
		expect(many.level).toBe(few.level);
	});

	it.each<[string, Partial<SupportInput>]>([
		['reach share above 1', { reachShare: 1.2 }],
		['negative reach share', { reachShare: -0.1 }],
		['negative children', { children: -1 }],
		['negative places', { places: -1 }]
	])('throws on a broken invariant: %s', (_name, over) => {
		expect(() => supportLevel(input(over), KITA, EQUAL, {})).toThrow();
	});

	it('does not mutate its input', () => {
		const i = input();
		const before = structuredClone(i);
		supportLevel(i, KITA, EQUAL, { quote: 40 });
		expect(i).toEqual(before);
	});
});

describe('gapScore', () => {
	it.each<[number | null, number | null, number | null]>([
		[0.8, 0.25, 0.6],
		[0.5, 0, 0.5],
		[0.9, 1, 0],
		[null, 0.5, null],
		[0.5, null, null]
	])('need %s, support %s -> %s', (need, support, expected) => {
		if (expected === null) expect(gapScore(need, support)).toBeNull();
		else expect(gapScore(need, support)).toBeCloseTo(expected, 12);
	});
	it('throws for levels outside 0..1', () => {
		expect(() => gapScore(1.2, 0.5)).toThrow();
		expect(() => gapScore(0.5, -0.1)).toThrow();
	});
});

describe('classifyGap', () => {
	const T = { need: 0, support: 0.5 };
	it.each<[number | null, number | null, GapClass]>([
		[0.4, 0.3, 'foerderluecke'],
		[0.4, 0.5, 'gut_versorgt'], // support on the threshold is not below it
		[0.4, 0.9, 'gut_versorgt'],
		[0, 0.3, 'im_blick'], // need on the threshold is not above it
		[-1, 0.49, 'im_blick'],
		[0, 0.5, 'unauffaellig'],
		[-0.2, 0.8, 'unauffaellig'],
		[null, 0.3, 'unbekannt'],
		[0.4, null, 'unbekannt']
	])('need index %s, support %s -> %s', (need, support, expected) => {
		expect(classifyGap(need, support, T)).toBe(expected);
	});
	it('is unbekannt without a support threshold', () => {
		expect(classifyGap(1, 0.1, { need: 0, support: null })).toBe('unbekannt');
	});
	it('has a German label and explanation for every class', () => {
		expect([...GAP_CLASS_ORDER].sort()).toEqual(Object.keys(GAP_CLASSES).sort());
		expect(GAP_CLASSES.foerderluecke.label).toBe('Förderlücke');
		for (const c of GAP_CLASS_ORDER) expect(GAP_CLASSES[c].description.length).toBeGreaterThan(30);
	});
});

describe('citySupportLevel', () => {
	it.each<[string, Array<{ children: number | null; level: number | null }>, number | null]>([
		[
			'children-weighted',
			[
				{ children: 100, level: 0.2 },
				{ children: 300, level: 0.6 }
			],
			0.5
		],
		[
			'ignores unknown levels and children',
			[
				{ children: 100, level: 0.2 },
				{ children: 50, level: null },
				{ children: null, level: 1 }
			],
			0.2
		],
		['nothing known', [{ children: 10, level: null }], null],
		['no areas', [], null]
	])('%s', (_name, areas, expected) => {
		if (expected === null) expect(citySupportLevel(areas)).toBeNull();
		else expect(citySupportLevel(areas)).toBeCloseTo(expected, 12);
	});
});

const SETTINGS: Pick<GapSettings, 'weights' | 'thresholds'> = {
	weights: EQUAL,
	thresholds: { need: 0, support: 'city' }
};

/** Need with a given index (level = Φ(index)). */
const need = (index: number | null): AreaNeed => ({
	index,
	level: index === null ? null : normalCdf(index),
	used: index === null ? [] : ['A'],
	missing: index === null ? ['A'] : [],
	suppressed: [],
	coverage: index === null ? 0 : 1,
	z: {},
	...(index === null ? { reason: 'Zu wenige Bedarfsindikatoren' } : {})
});

describe('analyseGaps', () => {
	// Reach only, so the support level equals the reach share.
	const needs = new Map([
		['a', need(0.5)],
		['b', need(-1)],
		['c', need(1)],
		['d', need(-0.5)]
	]);
	const support = new Map<string, SupportInput>([
		['a', input({ children: 100, reachShare: 0.2 })],
		['b', input({ children: 100, reachShare: 0.8 })],
		['c', input({ children: 200, reachShare: 0.5 })],
		['d', input({ children: 100, reachShare: 0.3 })]
	]);

	it('scores and classes against the city level (hand-computed)', () => {
		// City level (100 × 0.2 + 100 × 0.8 + 200 × 0.5 + 100 × 0.3) / 500 = 0.46.
		const { areas, thresholds } = analyseGaps(REACH_ONLY, SETTINGS, needs, support, {});
		expect(thresholds.need).toBe(0);
		expect(thresholds.support).toBeCloseTo(0.46, 12);
		expect(thresholds.supportIsCity).toBe(true);
		const classes = Object.fromEntries([...areas].map(([k, g]) => [k, g.gapClass]));
		expect(classes).toEqual({ a: 'foerderluecke', b: 'unauffaellig', c: 'gut_versorgt', d: 'im_blick' });
		expect(areas.get('a')!.score).toBeCloseTo(normalCdf(0.5) * 0.8, 12);
		expect(areas.get('c')!.score).toBeCloseTo(normalCdf(1) * 0.5, 12);
	});

	it('uses a fixed support threshold when configured', () => {
		const fixed = { ...SETTINGS, thresholds: { need: 0, support: 0.55 } };
		const { areas, thresholds } = analyseGaps(REACH_ONLY, fixed, needs, support, {});
		expect(thresholds).toEqual({ need: 0, support: 0.55, supportIsCity: false });
		expect(areas.get('c')!.gapClass).toBe('foerderluecke');
	});

	it('uses the need threshold on the index', () => {
		const high = { ...SETTINGS, thresholds: { need: 0.5, support: 0.55 } };
		const { areas } = analyseGaps(REACH_ONLY, high, needs, support, {});
		expect(areas.get('a')!.gapClass).toBe('im_blick'); // index 0.5 is on the threshold
		expect(areas.get('c')!.gapClass).toBe('foerderluecke');
	});

	it('says why an area is unbekannt', () => {
		const withGaps = new Map([...needs, ['e', need(null)], ['f', need(1)]]);
		const { areas } = analyseGaps(REACH_ONLY, SETTINGS, withGaps, support, {});
		expect(areas.get('e')).toMatchObject({
			gapClass: 'unbekannt',
			score: null,
			reason: expect.stringMatching(/Bedarfsindikatoren/)
		});
		expect(areas.get('f')).toMatchObject({
			gapClass: 'unbekannt',
			score: null,
			reason: expect.stringMatching(/Unterstützung/)
		});
	});

	it('does not mutate its inputs', () => {
		const before = structuredClone([needs, support]);
		analyseGaps(REACH_ONLY, SETTINGS, needs, support, {});
		expect([needs, support]).toEqual(before);
	});
});

describe('aggregateSupportInputs', () => {
	const m1 = input({ children: 100, sites: 1, places: 50, reachShare: 1, supply: {} });
	const m2 = input({ children: 300, sites: 0, places: 0, reachShare: 0.2, supply: {} });

	it('sums counts and weights reach shares by children (hand-computed)', () => {
		expect(aggregateSupportInputs([m1, m2])).toEqual({
			children: 400,
			sites: 1,
			places: 50,
			reachShare: 0.4,
			supply: {}
		});
	});
	it('takes other weights and the group’s own supply cells', () => {
		const agg = aggregateSupportInputs([m1, m2], [1, 1], { quote: pct(25) });
		expect(agg.reachShare).toBeCloseTo(0.6, 12);
		expect(agg.supply).toEqual({ quote: pct(25) });
	});
	it.each<[string, SupportInput[], Partial<SupportInput>]>([
		[
			'unknown children left out of the sum and the weights',
			[m1, { ...m2, children: null }],
			{ children: 100, reachShare: 1 }
		],
		[
			'places not scored anywhere',
			[
				{ ...m1, places: null },
				{ ...m2, places: null }
			],
			{ places: null }
		],
		['unknown reach left out', [m1, { ...m2, reachShare: null }], { reachShare: 1 }],
		['no members', [], { children: null, sites: 0, places: null, reachShare: null }],
		[
			'unknown capacities add up',
			[
				{ ...m1, placesUnknown: 1 },
				{ ...m2, placesUnknown: 2 }
			],
			{ placesUnknown: 3 }
		]
	])('%s', (_name, members, expected) => {
		expect(aggregateSupportInputs(members)).toMatchObject(expected);
	});
	it('throws when weights and members differ in length', () => {
		expect(() => aggregateSupportInputs([m1, m2], [1])).toThrow(/weights/);
	});
	it('does not mutate its input', () => {
		const members = [m1, m2];
		const before = structuredClone(members);
		aggregateSupportInputs(members);
		expect(members).toEqual(before);
	});
});

describe('phasePlaces', () => {
	const phases: PhaseModel[] = [
		{ ...KITA, id: 'fruehe', placeTarget: 0.5, placeTypes: ['kita', 'kindertagespflege'] },
		{ ...KITA, id: 'elementar', placeTarget: 1, placeTypes: ['kita'] },
		{ ...REACH_ONLY, id: 'primar', lernortTypes: ['grundschule'] }
	];
	it('shares a Kita by the places aimed at and gives Kindertagespflege to U3 (hand-computed)', () => {
		// Demand U3 0.5 × 100 = 50, Ü3 1 × 100 = 100: a Kita with 60 places gives 20 and 40.
		const out = phasePlaces(
			[
				{ type: 'kita', capacity: 60 },
				{ type: 'kindertagespflege', capacity: 5 },
				{ type: 'grundschule', capacity: 300 },
				{ type: 'spielplatz' }
			],
			{ fruehe: 100, elementar: 100, primar: 80 },
			phases
		);
		expect([...out.keys()]).toEqual(['fruehe', 'elementar']);
		expect(out.get('fruehe')!.places).toBeCloseTo(25, 12);
		expect(out.get('elementar')!.places).toBeCloseTo(40, 12);
	});
	it('shares equally when a children count is unknown and counts unknown capacities', () => {
		const out = phasePlaces(
			[{ type: 'kita', capacity: 60 }, { type: 'kita' }],
			{ fruehe: null, elementar: 100 },
			phases
		);
		expect(out.get('fruehe')).toEqual({ places: 30, unknown: 1 });
		expect(out.get('elementar')).toEqual({ places: 30, unknown: 1 });
	});
	it('keeps the capacity total', () => {
		const rand = mulberry32(9);
		for (let run = 0; run < 50; run++) {
			const capacity = Math.round(rand() * 100);
			const out = phasePlaces(
				[{ type: 'kita', capacity }],
				{ fruehe: Math.round(rand() * 200), elementar: Math.round(rand() * 200) },
				phases
			);
			expect(out.get('fruehe')!.places + out.get('elementar')!.places).toBeCloseTo(capacity, 9);
		}
	});
});

describe('properties over seeded random cities', () => {
	const N = 8;
	const KEYS = Array.from({ length: N }, (_, i) => String(100 + i));
	const MODEL: PhaseModel = {
		...KITA,
		supply: [
			{ indicator: 'q1', weight: 1 },
			{ indicator: 'q2', weight: 2, target: 60 }
		]
	};

	function randomCity(seed: number) {
		const rand = mulberry32(seed);
		const ratioCell = (): Cell => {
			const r = rand();
			return r < 0.1
				? { status: 'missing' }
				: r < 0.2
					? { status: 'suppressed' }
					: pct(Math.round(rand() * 100));
		};
		const inputs: NeedInput[] = ['A', 'B'].map((id, i) => ({
			indicator: id,
			weight: 1 + i,
			direction: i === 0 ? 'need' : 'better',
			cells: new Map(KEYS.map((k) => [k, ratioCell()]))
		}));
		const support = new Map<string, SupportInput>(
			KEYS.map((k) => [
				k,
				{
					children: rand() < 0.1 ? null : Math.round(rand() * 400),
					sites: Math.round(rand() * 6),
					places: rand() < 0.1 ? null : Math.round(rand() * 200),
					reachShare: rand() < 0.1 ? null : rand(),
					supply: { q1: ratioCell(), q2: ratioCell() }
				}
			])
		);
		const weights: SupportWeights = { reach: rand() * 2, places: rand() * 2, supply: 0.1 + rand() * 2 };
		const cityValues = { q1: rand() < 0.2 ? null : 10 + rand() * 80, q2: 40 };
		return { rand, need: needIndex(KEYS, inputs).areas, support, weights, cityValues };
	}

	/** The same area with more sites, places and/or reach (reach capped at 1). */
	function raised(i: SupportInput, rand: () => number): SupportInput {
		return {
			...i,
			sites: i.sites + (rand() < 0.5 ? Math.ceil(rand() * 3) : 0),
			places: i.places === null ? null : i.places + (rand() < 0.5 ? rand() * 50 : 0),
			reachShare: i.reachShare === null ? null : Math.min(1, i.reachShare + (rand() < 0.5 ? rand() * 0.5 : 0))
		};
	}

	it('raising one area’s sites, places or reach never raises its score and leaves the others unchanged', () => {
		let lowered = 0;
		for (let seed = 1; seed <= 300; seed++) {
			const { rand, need, support, weights, cityValues } = randomCity(seed);
			const settings = { weights, thresholds: { need: 0, support: 'city' as const } };
			const before = analyseGaps(MODEL, settings, need, support, cityValues).areas;
			const key = KEYS[Math.floor(rand() * N)]!;
			const more = new Map(support);
			more.set(key, raised(support.get(key)!, rand));
			const after = analyseGaps(MODEL, settings, need, more, cityValues).areas;
			for (const k of KEYS) {
				const b = before.get(k)!.score;
				const a = after.get(k)!.score;
				if (k === key) {
					expect(a === null).toBe(b === null);
					if (a !== null && b !== null) expect(a).toBeLessThanOrEqual(b + 1e-12);
					if (a !== null && b !== null && a < b) lowered++;
				} else expect(a).toBe(b);
			}
		}
		// The cases are not vacuous: many raises do lower the score.
		expect(lowered).toBeGreaterThan(100);
	});

	it('adding a Kita to an area never raises any phase’s score there (through phasePlaces)', () => {
		const phases: PhaseModel[] = [
			{ ...MODEL, id: 'fruehe', placeTarget: 0.5, placeTypes: ['kita', 'kindertagespflege'] },
			{ ...MODEL, id: 'elementar', placeTarget: 1, placeTypes: ['kita'] }
		];
		for (let seed = 1; seed <= 200; seed++) {
			const rand = mulberry32(seed);
			const children = {
				fruehe: Math.round(rand() * 300),
				elementar: rand() < 0.2 ? null : Math.round(rand() * 300)
			};
			const sites = Array.from({ length: Math.floor(rand() * 4) }, () => ({
				type: rand() < 0.7 ? 'kita' : 'kindertagespflege',
				...(rand() < 0.8 ? { capacity: Math.round(rand() * 80) } : {})
			}));
			const extra = [...sites, { type: 'kita', capacity: Math.round(rand() * 80) }];
			const levelNeed = rand();
			for (const phase of phases) {
				const score = (list: typeof sites) => {
					const p = phasePlaces(list, children, phases).get(phase.id)!;
					const s = supportLevel(
						{
							children: children[phase.id as 'fruehe'],
							sites: list.length,
							places: p.places,
							reachShare: 0.5,
							supply: {}
						},
						phase,
						EQUAL,
						{}
					);
					return gapScore(levelNeed, s.level);
				};
				const b = score(sites);
				const a = score(extra);
				if (a !== null && b !== null) expect(a).toBeLessThanOrEqual(b + 1e-12);
				else expect(a).toBe(b);
			}
		}
	});

	it('at Bezirk level, raising one member never raises the Bezirk score', () => {
		for (let seed = 1; seed <= 200; seed++) {
			const { rand, support, weights, cityValues } = randomCity(seed);
			const members = [...support.values()];
			const bezirkSupply = { q1: pct(40), q2: pct(50) };
			const level = (list: SupportInput[]) =>
				supportLevel(aggregateSupportInputs(list, undefined, bezirkSupply), MODEL, weights, cityValues).level;
			const i = Math.floor(rand() * members.length);
			const more = members.map((m, j) => (j === i ? raised(m, rand) : m));
			const needLevel = rand();
			const b = gapScore(needLevel, level(members));
			const a = gapScore(needLevel, level(more));
			if (a !== null && b !== null) expect(a).toBeLessThanOrEqual(b + 1e-12);
			else expect(a).toBe(b);
		}
	});
});
