import { describe, expect, it } from 'vitest';
import { createLocalPlane } from '../geo/localPlane';
import { areaChain, distanceText, signedText, UNKNOWN_TEXT } from './areaChain';
import type { PhaseModel } from './bildungskette';
import type { CategoryReach, CityGaps, PhaseGaps } from './cityGaps';
import { NOT_ANALYSED_REASON } from './gapMatrix';
import type { AreaGap, GapClass, SupportInput, SupportResult } from './gaps';
import type { AreaNeed } from './needIndex';
import { GAP_CLASS_COLORS } from './palette';
import type { IndicatorMeta, Lernort } from './types';

/*
 * A tiny analysis of two Stadtteile (101, 102): Frühe Bildung and Elementarbereich with
 * Kitas and a playground, Primarbereich without area 101, Sek I and Sek II not analysed.
 * The Lernorte lie at exact distances north or east of the label point of 101.
 */

const POINT: [number, number] = [9.18, 48.78];
const PLANE = createLocalPlane(...POINT);
const at = (x: number, y: number) => {
	const [lon, lat] = PLANE.toLonLat(x, y);
	return { lon, lat };
};

const site = (
	id: string,
	name: string,
	type: string,
	category: Lernort['category'],
	x: number,
	y: number
): Lernort => ({
	id,
	name,
	type,
	category,
	phases: ['fruehe', 'elementar'],
	...at(x, y),
	address: '',
	source: 'Test',
	stadtteil: '101',
	demo: true
});

const LERNORTE: Lernort[] = [
	site('k1', 'Kita Sonnenschein', 'kita', 'formal', 0, 320),
	site('k2', 'Kita Regenbogen', 'kita', 'formal', 900, 0),
	site('k3', 'Kita Abendrot', 'kita', 'formal', -2000, 0),
	site('k4', 'Kita Morgenstern', 'kita', 'formal', 0, -4500),
	site('s1', 'Spielplatz Ahornweg', 'spielplatz', 'informal', 40, 0),
	site('g1', 'Grundschule am Park', 'grundschule', 'formal', 0, 3)
];

const INDICATORS: IndicatorMeta[] = [
	{
		id: 'quote_u3',
		title: 'Betreuungsquote unter 3 Jahren',
		definition: '',
		kind: 'ratio',
		scale: 100,
		unit: '%',
		decimals: 1,
		phases: ['fruehe'],
		direction: 'better',
		source: 'Test',
		years: [2024],
		public: true,
		demo: true
	},
	{
		id: 'sgb2',
		title: 'Kinder in SGB-II-Bedarfsgemeinschaften',
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
		demo: true
	}
];

const model = (id: PhaseModel['id'], over: Partial<PhaseModel> = {}): PhaseModel => ({
	id,
	population: `kinder_${id}`,
	need: [{ indicator: 'sgb2', weight: 1 }],
	supply: [],
	lernortTypes: ['kita', 'spielplatz'],
	...over
});

const need = (over: Partial<AreaNeed> = {}): AreaNeed => ({
	index: 1.2,
	level: 0.885,
	used: ['sgb2'],
	missing: [],
	suppressed: [],
	coverage: 1,
	z: { sgb2: 1.2 },
	...over
});

const support = (over: Partial<SupportResult> = {}): SupportResult => ({
	level: 0.54,
	measures: { sitesPer1000: 2.4, placesPerChild: 0.45, reachShare: 0.58, supply: {} },
	components: { reach: 0.58, places: 0.9, supply: null },
	supplyScores: {},
	supplyMissing: [],
	placesLowerBound: false,
	...over
});

const gap = (gapClass: GapClass, score: number | null, over: Partial<AreaGap> = {}): AreaGap => ({
	need: need(),
	support: support(),
	score,
	gapClass,
	...over
});

const input = (over: Partial<SupportInput> = {}): SupportInput => ({
	children: 1234,
	sites: 3,
	places: 555.3,
	reachShare: 0.58,
	supply: {},
	...over
});

const phase = (
	m: PhaseModel,
	areas: Array<[string, AreaGap]>,
	inputs: Array<[string, SupportInput]>,
	reach: Array<[string, CategoryReach]>,
	supportThreshold: number | null = 0.48
): PhaseGaps => ({
	phase: m.id,
	areas: new Map(areas),
	thresholds: { need: 0, support: supportThreshold, supportIsCity: true },
	model: m,
	need: { areas: new Map(areas.map(([k, g]) => [k, g.need])), indicators: [], minCoverage: 0.5 },
	inputs: new Map(inputs),
	reachByCategory: new Map(reach),
	cityValues: {}
});

const fixture = (): CityGaps => ({
	level: 'stadtteil',
	year: 2024,
	areas: ['101', '102'],
	phases: [
		phase(
			model('fruehe', {
				supply: [{ indicator: 'quote_u3', weight: 1 }],
				placeTarget: 0.5,
				placeTypes: ['kita']
			}),
			[
				[
					'101',
					gap('foerderluecke', 0.4123, {
						support: support({
							placesLowerBound: true,
							measures: {
								sitesPer1000: 2.4,
								placesPerChild: 0.45,
								reachShare: 0.58,
								supply: { quote_u3: 21.4 }
							}
						})
					})
				],
				['102', gap('unauffaellig', 0.02, { need: need({ index: -0.35, level: 0.36 }) })]
			],
			[
				[
					'101',
					input({
						placesUnknown: 1,
						supply: { quote_u3: { status: 'ok', value: 21.4, numerator: 214, denominator: 1000 } }
					})
				],
				['102', input()]
			],
			[['101', { formal: 0.64, informal: 0.91 }]]
		),
		phase(
			model('elementar', { placeTarget: 1, placeTypes: ['kita'] }),
			[
				[
					'101',
					gap('unbekannt', null, {
						need: need({
							index: null,
							level: null,
							used: [],
							missing: ['sgb2'],
							suppressed: ['sgb3'],
							coverage: 0,
							reason: 'Zu wenige Bedarfsindikatoren'
						}),
						support: support({
							measures: { sitesPer1000: null, placesPerChild: null, reachShare: null, supply: {} }
						}),
						reason: 'Zu wenige Bedarfsindikatoren'
					})
				],
				['102', gap('im_blick', 0.1)]
			],
			[['101', input({ children: null, places: null, reachShare: null })]],
			[]
		),
		phase(model('primar', { lernortTypes: ['grundschule'] }), [['102', gap('gut_versorgt', 0.05)]], [], [])
	]
});

const chainOf = (gaps = fixture(), lernorte: readonly Lernort[] = LERNORTE, options = {}) =>
	areaChain(gaps, '101', lernorte, POINT, { indicators: INDICATORS, ...options });

describe('areaChain', () => {
	it('has one view per phase of the Bildungskette, in chain order', () => {
		const chain = chainOf();
		expect(chain.map((c) => c.phase)).toEqual(['fruehe', 'elementar', 'primar', 'sek1', 'sek2']);
		expect(chain.map((c) => c.label)).toEqual([
			'Frühe Bildung',
			'Elementarbereich',
			'Primarbereich',
			'Sekundarstufe I',
			'Sekundarstufe II / Übergang Schule–Beruf'
		]);
		expect(chain[0]!.ages).toBe('0–3 Jahre');
	});

	it('shows the class, its colour, mark and score', () => {
		const [fruehe] = chainOf();
		expect(fruehe).toMatchObject({
			analysed: true,
			gapClass: 'foerderluecke',
			classLabel: 'Förderlücke',
			mark: '!',
			color: GAP_CLASS_COLORS.foerderluecke,
			textColor: '#fff',
			score: 0.4123,
			scoreText: '0,41',
			summaryText: 'Bedarf +1,20 · Unterstützung 54\u00a0%'
		});
		expect(fruehe!.reason).toBeUndefined();
	});

	it('prepares the need with sign, verdict and coverage', () => {
		const [fruehe, elementar] = chainOf();
		expect(fruehe!.need).toEqual({
			index: 1.2,
			indexText: '+1,20',
			high: true,
			verdict: 'über der Schwelle (±0,00)',
			coverageText: 'Werte für 100\u00a0% des Gewichts',
			missing: [],
			suppressed: []
		});
		// Missing and withheld inputs by title; an unknown indicator keeps its id.
		expect(elementar!.need).toMatchObject({
			index: null,
			indexText: UNKNOWN_TEXT,
			high: null,
			verdict: null,
			missing: ['Kinder in SGB-II-Bedarfsgemeinschaften'],
			suppressed: ['sgb3'],
			reason: 'Zu wenige Bedarfsindikatoren'
		});
		const other = areaChain(fixture(), '102', LERNORTE, POINT);
		expect(other[0]!.need!.indexText).toBe('\u22120,35');
		expect(other[0]!.need!.verdict).toBe('nicht über der Schwelle (±0,00)');
	});

	it('prepares the support measures', () => {
		const [fruehe, elementar] = chainOf();
		expect(fruehe!.support).toEqual({
			children: 1234,
			childrenText: '1.234',
			sites: 3,
			sitesText: '3',
			sitesPer1000Text: '2,4',
			places: {
				perChild: 0.45,
				text: 'mindestens 0,45 Plätze je Kind',
				targetText: 'Ziel 0,50',
				lowerBound: true
			},
			reachShare: 0.58,
			reachText: '58\u00a0%',
			reachByCategory: [
				{ category: 'formal', label: 'formal', share: 0.64, text: '64\u00a0%' },
				{ category: 'nonformal', label: 'non-formal', share: null, text: UNKNOWN_TEXT },
				{ category: 'informal', label: 'informell', share: 0.91, text: '91\u00a0%' }
			],
			supply: [{ indicator: 'quote_u3', title: 'Betreuungsquote unter 3 Jahren', text: '21,4\u00a0%' }],
			level: 0.54,
			levelText: '54\u00a0%',
			thresholdText: 'Schwelle 48\u00a0% (Niveau der Gesamtstadt)'
		});
		expect(elementar!.support).toMatchObject({
			children: null,
			childrenText: UNKNOWN_TEXT,
			sitesPer1000Text: UNKNOWN_TEXT,
			places: { perChild: null, text: UNKNOWN_TEXT, targetText: 'Ziel 1,00', lowerBound: false },
			reachText: UNKNOWN_TEXT
		});
	});

	it('leaves places out where the phase has no place target', () => {
		const primar = areaChain(fixture(), '102', LERNORTE, POINT)[2]!;
		expect(primar.support!.places).toBeNull();
		expect(primar.support!.sitesText).toBe('0');
	});

	it('lists the nearest Lernorte of the phase with type and distance', () => {
		const [fruehe, , primar] = chainOf();
		expect(fruehe!.nearest.map((n) => n.text)).toEqual([
			'Spielplatz Ahornweg · Spielplatz · 40\u00a0m',
			'Kita Sonnenschein · Kita · 320\u00a0m',
			'Kita Regenbogen · Kita · 900\u00a0m'
		]);
		expect(fruehe!.nearest[1]!.distance).toBeCloseTo(320, 1);
		// Only the types of the phase count.
		expect(primar!.nearest.map((n) => n.text)).toEqual([
			'Grundschule am Park · Grundschule · unter\u00a010\u00a0m'
		]);
		expect(chainOf(undefined, undefined, { nearest: 1 })[0]!.nearest.map((n) => n.id)).toEqual(['s1']);
		expect(chainOf(undefined, undefined, { nearest: 10 })[0]!.nearest.map((n) => n.id)).toEqual([
			's1',
			'k1',
			'k2',
			'k3',
			'k4'
		]);
	});

	it('breaks ties in distance by name', () => {
		const twins = [
			site('b', 'Kita B', 'kita', 'formal', 300, 0),
			site('a', 'Kita A', 'kita', 'formal', -300, 0),
			site('c', 'Kita C', 'kita', 'formal', 0, 1000)
		];
		expect(chainOf(undefined, twins, { nearest: 2 })[0]!.nearest.map((n) => n.name)).toEqual([
			'Kita A',
			'Kita B'
		]);
	});

	it('uses the labels of the city', () => {
		const chain = chainOf(undefined, undefined, {
			lernortTypes: [{ id: 'kita', label: 'Kindertagesstätte' }],
			phases: [{ id: 'fruehe', label: 'Frühkindliche Bildung', ages: 'unter 3 Jahren' }]
		});
		expect(chain[0]!.label).toBe('Frühkindliche Bildung');
		expect(chain[0]!.ages).toBe('unter 3 Jahren');
		expect(chain[1]!.label).toBe('Elementarbereich');
		expect(chain[0]!.nearest[1]!.typeLabel).toBe('Kindertagesstätte');
	});

	it('marks phases without a result as not analysed', () => {
		const [, elementar, primar, sek1] = chainOf();
		expect(elementar).toMatchObject({
			analysed: true,
			gapClass: 'unbekannt',
			mark: '?',
			reason: 'Zu wenige Bedarfsindikatoren'
		});
		expect(primar).toMatchObject({
			analysed: false,
			gapClass: 'unbekannt',
			classLabel: 'Keine Aussage möglich',
			scoreText: '–',
			need: null,
			support: null,
			reason: NOT_ANALYSED_REASON,
			summaryText: NOT_ANALYSED_REASON
		});
		// The phase is analysed for other areas: its Lernorte still are the nearest ones.
		expect(primar!.nearest).toHaveLength(1);
		expect(sek1).toMatchObject({
			analysed: false,
			nearest: [],
			nearestNote: 'Für diese Phase sind keine Lernorte festgelegt.'
		});
	});

	it('says when the city has no Lernorte of a phase', () => {
		const [fruehe] = chainOf(undefined, []);
		expect(fruehe!.nearest).toEqual([]);
		expect(fruehe!.nearestNote).toBe('Keine Lernorte dieser Phase in der Stadt.');
		expect(chainOf(undefined, undefined, { nearest: 0 })[0]).toMatchObject({
			nearest: [],
			nearestNote: null
		});
	});

	it('names no threshold when the city level is unknown', () => {
		const gaps = fixture();
		gaps.phases[0] = { ...gaps.phases[0]!, thresholds: { need: 0.5, support: null, supportIsCity: true } };
		const [fruehe] = chainOf(gaps);
		expect(fruehe!.support!.thresholdText).toBeNull();
		expect(fruehe!.need!.verdict).toBe('über der Schwelle (+0,50)');
	});

	it.each([
		['an unknown area', () => areaChain(fixture(), '999', LERNORTE, POINT), /999/],
		['a point off the globe', () => areaChain(fixture(), '101', LERNORTE, [9, 95]), RangeError],
		['a non-finite point', () => areaChain(fixture(), '101', LERNORTE, [Number.NaN, 48]), RangeError],
		['a negative count', () => areaChain(fixture(), '101', LERNORTE, POINT, { nearest: -1 }), RangeError],
		['a fractional count', () => areaChain(fixture(), '101', LERNORTE, POINT, { nearest: 1.5 }), RangeError]
	])('throws on %s', (_, run, error) => {
		expect(run).toThrow(error);
	});

	it('does not mutate input', () => {
		const gaps = fixture();
		const lernorte = LERNORTE.map((l) => ({ ...l }));
		const options = { indicators: INDICATORS, nearest: 2 };
		const before = structuredClone({ gaps, lernorte, options, point: POINT });
		areaChain(gaps, '101', lernorte, POINT, options);
		expect({ gaps, lernorte, options, point: POINT }).toEqual(before);
	});
});

describe('signedText', () => {
	it.each([
		[1.2, '+1,20'],
		[-0.354, '\u22120,35'],
		[0.001, '±0,00'],
		[-0.004, '±0,00'],
		[0, '±0,00']
	])('%s -> %s', (v, text) => {
		expect(signedText(v)).toBe(text);
	});
});

describe('distanceText', () => {
	it.each([
		[318, '320\u00a0m'],
		[4.9, 'unter\u00a010\u00a0m'],
		[5, '10\u00a0m'],
		[1254, '1.250\u00a0m']
	])('%s m -> %s', (m, text) => {
		expect(distanceText(m)).toBe(text);
	});
});
