import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_DETOUR_FACTOR,
	defaultGapSettings,
	defaultNeed,
	defaultReachMetres,
	defaultSupply,
	isProvisionIndicator,
	phaseModel,
	populationIndicator,
	straightLineRadius,
	validateGapSettings,
	withoutInternal,
	type GapSettings
} from './bildungskette';
import { LERNORT_TYPES } from './lernortTypes';
import type { IndicatorMeta } from './types';

// The real Stuttgart catalog as fixture: the defaults must come out right for the shipped city.
const STUTTGART: IndicatorMeta[] = JSON.parse(
	readFileSync(new URL('../../../geodata/stuttgart/indicators.catalog.json', import.meta.url), 'utf8')
).indicators.map((m: Omit<IndicatorMeta, 'years'>) => ({ ...m, years: [2024] }));

const meta = (id: string, over: Partial<IndicatorMeta> = {}): IndicatorMeta => ({
	id,
	title: id,
	definition: '',
	kind: 'ratio',
	scale: 100,
	unit: '%',
	decimals: 1,
	phases: ['primar'],
	direction: 'need',
	source: 'Test',
	years: [2024],
	public: true,
	demo: true,
	...over
});

const ids = (list: ReadonlyArray<{ indicator: string }>) => list.map((x) => x.indicator);

describe('defaultGapSettings for Stuttgart', () => {
	const settings = defaultGapSettings(STUTTGART, LERNORT_TYPES);

	it.each([
		['fruehe', 'kinder_0_3', ['kinder_sgb2', 'alleinerziehende'], ['betreuungsquote_u3']],
		[
			'elementar',
			'kinder_3_6',
			['sprachfoerderbedarf_esu', 'zurueckstellungen', 'kinder_sgb2', 'alleinerziehende'],
			['betreuungsquote_3_6', 'kita_ganztag']
		],
		[
			'primar',
			'kinder_6_10',
			['zurueckstellungen', 'uebergang_gymnasium', 'kinder_sgb2', 'alleinerziehende'],
			['ganztagsgrundschulquote']
		],
		['sek1', 'kinder_10_16', ['uebergang_gymnasium', 'abgaenge_ohne_abschluss'], []],
		[
			'sek2',
			'jugendliche_16_21',
			[
				'abgaenge_ohne_abschluss',
				'abgaenge_hochschulreife',
				'uebergang_ausbildung',
				'jugendarbeitslosigkeit'
			],
			[]
		]
	] as const)('%s: population %s, need and supply', (phase, population, need, supply) => {
		const model = phaseModel(settings, phase)!;
		expect(model.population).toBe(population);
		expect(ids(model.need)).toEqual(need);
		expect(ids(model.supply)).toEqual(supply);
		expect(model.need.every((n) => n.weight === 1)).toBe(true);
		expect(model.supply.every((s) => s.weight === 1 && s.target === undefined)).toBe(true);
	});

	it('lists the phases in chain order', () => {
		expect(settings.phases.map((p) => p.id)).toEqual(['fruehe', 'elementar', 'primar', 'sek1', 'sek2']);
	});

	it('takes the Lernort types of each phase from LERNORT_TYPES, non-formal and informal included', () => {
		expect(phaseModel(settings, 'fruehe')!.lernortTypes).toEqual([
			'kita',
			'kindertagespflege',
			'familienzentrum',
			'spielplatz'
		]);
		expect(phaseModel(settings, 'sek2')!.lernortTypes).toContain('jugendberufsagentur');
		for (const p of settings.phases)
			for (const t of LERNORT_TYPES) expect(p.lernortTypes.includes(t.id)).toBe(t.phases.includes(p.id));
	});

	it('scores places for Kindertagesbetreuung only', () => {
		expect(phaseModel(settings, 'fruehe')).toMatchObject({
			placeTarget: 0.5,
			placeTypes: ['kita', 'kindertagespflege']
		});
		expect(phaseModel(settings, 'elementar')).toMatchObject({ placeTarget: 1, placeTypes: ['kita'] });
		for (const id of ['primar', 'sek1', 'sek2'] as const)
			expect(phaseModel(settings, id)!.placeTarget).toBeUndefined();
	});

	it('uses the documented scalar defaults', () => {
		expect(settings.detourFactor).toBe(1.3);
		expect(settings.weights).toEqual({ reach: 1, places: 1, supply: 1 });
		expect(settings.thresholds).toEqual({ need: 0, support: 'city' });
		expect(settings.minCoverage).toBe(0.5);
	});

	it('leaves internal indicators out unless asked', () => {
		expect(ids(phaseModel(settings, 'sek1')!.need)).not.toContain('klassenwiederholungen');
		const internal = defaultGapSettings(STUTTGART, LERNORT_TYPES, { publicOnly: false });
		expect(ids(phaseModel(internal, 'sek1')!.need)).toContain('klassenwiederholungen');
	});
});

describe('defaultReachMetres', () => {
	it.each([
		['kita', 500],
		['kindertagespflege', 500],
		['grundschule', 500],
		['gemeinschaftsschule', 1000],
		['werkrealschule', 1000],
		['realschule', 1000],
		['gymnasium', 1000],
		['sbbz', 1000],
		['berufliche_schule', 1000],
		['jugendhaus', 1500],
		['bibliothek', 1500],
		['musikschule', 1500],
		['vhs', 1500],
		['familienzentrum', 1500],
		['sportverein', 1500],
		['spielplatz', 1500],
		['jugendberufsagentur', 1500]
	])('%s: %d m', (id, metres) => {
		expect(defaultReachMetres(LERNORT_TYPES.find((t) => t.id === id)!)).toBe(metres);
	});
});

describe('straightLineRadius', () => {
	it('divides the walking distance by the detour factor', () => {
		const settings = defaultGapSettings(STUTTGART, LERNORT_TYPES);
		expect(straightLineRadius(settings, 'kita')).toBeCloseTo(500 / DEFAULT_DETOUR_FACTOR, 10);
		expect(straightLineRadius({ reachMetres: { x: 1200 }, detourFactor: 1.2 }, 'x')).toBeCloseTo(1000, 10);
	});
	it('throws for an unknown type (a bug)', () => {
		expect(() => straightLineRadius({ reachMetres: {}, detourFactor: 1.3 }, 'kita')).toThrow(/kita/);
	});
});

describe('default rules', () => {
	it.each([
		['Betreuungsquote', meta('betreuungsquote_u3', { direction: 'better' }), true],
		['Ganztag in the title', meta('x', { title: 'Ganztagsangebote', direction: 'better' }), true],
		['outcome', meta('uebergang_gymnasium', { direction: 'better' }), false],
		['need direction never provision', meta('betreuung_fehlt', { direction: 'need' }), false]
	])('isProvisionIndicator: %s', (_name, m, expected) => {
		expect(isProvisionIndicator(m)).toBe(expected);
	});

	it('finds the population as the count indicator of that single phase', () => {
		const catalog = [
			meta('alle_kinder', { kind: 'count', scale: 1, phases: ['primar', 'sek1'] }),
			meta('quote', { phases: ['primar'] }),
			meta('kinder_6_10', { kind: 'count', scale: 1, phases: ['primar'], direction: 'context' })
		];
		expect(populationIndicator('primar', catalog)).toBe('kinder_6_10');
		expect(populationIndicator('sek1', catalog)).toBeUndefined();
	});

	it('skips phases without a population indicator', () => {
		const catalog = [meta('kinder_6_10', { kind: 'count', scale: 1, phases: ['primar'] })];
		expect(defaultGapSettings(catalog, LERNORT_TYPES).phases.map((p) => p.id)).toEqual(['primar']);
	});

	it('leaves counts out of need and supply', () => {
		const catalog = [meta('anzahl', { kind: 'count', scale: 1 }), meta('quote')];
		expect(ids(defaultNeed('primar', catalog))).toEqual(['quote']);
	});

	it('takes overrides of the provision rule and the social-context phases', () => {
		const catalog = [
			meta('uebergang', { direction: 'better' }),
			meta('sgb2', { phases: ['kontext'] }),
			meta('hortbetreuung', { direction: 'better', phases: ['primar'] })
		];
		expect(ids(defaultNeed('primar', catalog))).toEqual(['uebergang', 'sgb2']);
		expect(ids(defaultNeed('primar', catalog, { socialContextPhases: [] }))).toEqual(['uebergang']);
		const allProvision = { isProvision: (m: IndicatorMeta) => m.direction === 'better' };
		expect(ids(defaultSupply('primar', catalog, allProvision))).toEqual(['uebergang', 'hortbetreuung']);
		expect(ids(defaultNeed('primar', catalog, allProvision))).toEqual(['sgb2']);
	});
});

describe('withoutInternal', () => {
	it('drops internal indicators and does not mutate the input', () => {
		const settings = defaultGapSettings(STUTTGART, LERNORT_TYPES, { publicOnly: false });
		const before = structuredClone(settings);
		const pub = withoutInternal(settings, STUTTGART);
		expect(ids(phaseModel(pub, 'sek1')!.need)).toEqual(['uebergang_gymnasium', 'abgaenge_ohne_abschluss']);
		expect(settings).toEqual(before);
	});
});

describe('validateGapSettings', () => {
	const defaults = defaultGapSettings(STUTTGART, LERNORT_TYPES);
	const validate = (raw: unknown, options = {}) =>
		validateGapSettings(raw, 'city.json', STUTTGART, LERNORT_TYPES, options);

	it('gives the defaults when the member is absent', () => {
		expect(validate(undefined)).toEqual({ settings: defaults, issues: [] });
	});

	it('merges scalars, weights, thresholds and distances over the defaults', () => {
		const { settings, issues } = validate({
			detourFactor: 1.25,
			minCoverage: 0.6,
			weights: { reach: 2 },
			thresholds: { need: 0.5, support: 0.4 },
			reachMetres: { spielplatz: 300 }
		});
		expect(issues).toEqual([]);
		expect(settings).toEqual<GapSettings>({
			...defaults,
			detourFactor: 1.25,
			minCoverage: 0.6,
			weights: { reach: 2, places: 1, supply: 1 },
			thresholds: { need: 0.5, support: 0.4 },
			reachMetres: { ...defaults.reachMetres, spielplatz: 300 }
		});
	});

	it('merges phases by id: given fields replace the default fields', () => {
		const { settings, issues } = validate({
			phases: [
				{
					id: 'fruehe',
					need: [{ indicator: 'kinder_sgb2', weight: 2 }],
					supply: [{ indicator: 'betreuungsquote_u3', weight: 1, target: 62 }],
					placeTarget: 0.62
				}
			]
		});
		expect(issues).toEqual([]);
		const fruehe = phaseModel(settings!, 'fruehe')!;
		expect(fruehe).toEqual({
			...phaseModel(defaults, 'fruehe'),
			need: [{ indicator: 'kinder_sgb2', weight: 2 }],
			supply: [{ indicator: 'betreuungsquote_u3', weight: 1, target: 62 }],
			placeTarget: 0.62
		});
		expect(settings!.phases.slice(1)).toEqual(defaults.phases.slice(1));
	});

	it('reads a weight-less entry as weight 1', () => {
		const { settings } = validate({
			phases: [{ id: 'sek1', need: [{ indicator: 'abgaenge_ohne_abschluss' }] }]
		});
		expect(phaseModel(settings!, 'sek1')!.need).toEqual([
			{ indicator: 'abgaenge_ohne_abschluss', weight: 1 }
		]);
	});

	it('adds a phase the catalog has no population for when the city names one', () => {
		const catalog = STUTTGART.filter((m) => m.id !== 'kinder_10_16');
		const missing = validateGapSettings({ phases: [{ id: 'sek1' }] }, 'city.json', catalog, LERNORT_TYPES);
		expect(missing.issues).toEqual([
			expect.objectContaining({
				column: 'bildungskette.phases[0].population',
				message: expect.stringMatching(/fehlt/)
			})
		]);
		const given = validateGapSettings(
			{ phases: [{ id: 'sek1', population: 'einwohner' }] },
			'city.json',
			catalog,
			LERNORT_TYPES
		);
		expect(given.issues).toEqual([]);
		expect(given.settings!.phases.map((p) => p.id)).toEqual([
			'fruehe',
			'elementar',
			'primar',
			'sek1',
			'sek2'
		]);
		expect(phaseModel(given.settings!, 'sek1')!.population).toBe('einwohner');
	});

	it('strips internal indicators named by the city on public pages only', () => {
		const raw = {
			phases: [
				{
					id: 'sek1',
					need: [
						{ indicator: 'klassenwiederholungen', weight: 1 },
						{ indicator: 'abgaenge_ohne_abschluss', weight: 1 }
					]
				}
			]
		};
		expect(ids(phaseModel(validate(raw).settings!, 'sek1')!.need)).toEqual(['abgaenge_ohne_abschluss']);
		expect(ids(phaseModel(validate(raw, { publicOnly: false }).settings!, 'sek1')!.need)).toEqual([
			'klassenwiederholungen',
			'abgaenge_ohne_abschluss'
		]);
	});

	const phase = (over: Record<string, unknown>) => ({ phases: [{ id: 'primar', ...over }] });
	const P = 'bildungskette.phases[0]';

	it.each<[string, unknown, string, RegExp]>([
		['not an object', [1], 'bildungskette', /Objekt/],
		['unknown field', { treshold: {} }, 'bildungskette.treshold', /Unbekanntes Feld/],
		['detour factor below 1', { detourFactor: 0.9 }, 'bildungskette.detourFactor', /Umwegfaktor/],
		['detour factor as text', { detourFactor: '1,3' }, 'bildungskette.detourFactor', /Umwegfaktor/],
		['coverage 0', { minCoverage: 0 }, 'bildungskette.minCoverage', /Mindestabdeckung/],
		['coverage above 1', { minCoverage: 50 }, 'bildungskette.minCoverage', /Mindestabdeckung/],
		[
			'reach of unknown type',
			{ reachMetres: { kindergarten: 500 } },
			'bildungskette.reachMetres.kindergarten',
			/Unbekannter Lernort-Typ/
		],
		['negative reach', { reachMetres: { kita: -5 } }, 'bildungskette.reachMetres.kita', /Fußwegdistanz/],
		['negative support weight', { weights: { reach: -1 } }, 'bildungskette.weights.reach', /Gewicht/],
		[
			'all support weights 0',
			{ weights: { reach: 0, places: 0, supply: 0 } },
			'bildungskette.weights',
			/Alle Gewichte/
		],
		[
			'need threshold as text',
			{ thresholds: { need: 'hoch' } },
			'bildungskette.thresholds.need',
			/Bedarfsschwelle/
		],
		[
			'support threshold above 1',
			{ thresholds: { support: 1.5 } },
			'bildungskette.thresholds.support',
			/Unterstützungsschwelle/
		],
		[
			'support threshold unknown word',
			{ thresholds: { support: 'stadt' } },
			'bildungskette.thresholds.support',
			/Unterstützungsschwelle/
		],
		['phases not a list', { phases: {} }, 'bildungskette.phases', /Liste/],
		['phase kontext', { phases: [{ id: 'kontext' }] }, `${P}.id`, /Unbekannte Bildungsphase/],
		[
			'phase twice',
			{ phases: [{ id: 'primar' }, { id: 'primar' }] },
			'bildungskette.phases[1].id',
			/doppelt/
		],
		['unknown population', phase({ population: 'kinder_6_11' }), `${P}.population`, /fehlt im Katalog/],
		['ratio as population', phase({ population: 'kinder_sgb2' }), `${P}.population`, /keine Anzahl/],
		[
			'unknown need indicator',
			phase({ need: [{ indicator: 'armut', weight: 1 }] }),
			`${P}.need[0].indicator`,
			/fehlt im Katalog/
		],
		[
			'negative need weight',
			phase({ need: [{ indicator: 'kinder_sgb2', weight: -1 }] }),
			`${P}.need[0].weight`,
			/Gewicht/
		],
		[
			'count as need',
			phase({ need: [{ indicator: 'einwohner', weight: 1 }] }),
			`${P}.need[0].indicator`,
			/Anzahl/
		],
		[
			'context direction as need',
			phase({ need: [{ indicator: 'familiensprache_nichtdeutsch', weight: 1 }] }),
			`${P}.need[0].indicator`,
			/Lesrichtung/
		],
		[
			'need twice',
			phase({
				need: [
					{ indicator: 'kinder_sgb2', weight: 1 },
					{ indicator: 'kinder_sgb2', weight: 2 }
				]
			}),
			`${P}.need[1].indicator`,
			/doppelt/
		],
		[
			'all need weights 0',
			phase({ need: [{ indicator: 'kinder_sgb2', weight: 0 }] }),
			`${P}.need`,
			/Gewicht 0/
		],
		[
			'need indicator as supply',
			phase({ supply: [{ indicator: 'kinder_sgb2', weight: 1 }] }),
			`${P}.supply[0].indicator`,
			/kein Angebot/
		],
		[
			'supply target 0',
			phase({ supply: [{ indicator: 'ganztagsgrundschulquote', weight: 1, target: 0 }] }),
			`${P}.supply[0].target`,
			/Zielwert/
		],
		[
			'unknown Lernort type',
			phase({ lernortTypes: ['grundschule', 'hort'] }),
			`${P}.lernortTypes`,
			/Unbekannter Lernort-Typ „hort“/
		],
		['negative place target', phase({ placeTarget: -1 }), `${P}.placeTarget`, /Platzziel/],
		[
			'place type outside the phase',
			phase({ placeTarget: 1, placeTypes: ['kita'] }),
			`${P}.placeTypes`,
			/gehört nicht zu den Lernort-Typen/
		]
	])('%s', (_name, raw, column, message) => {
		const { settings, issues } = validate(raw);
		expect(settings).toBeUndefined();
		expect(issues.length).toBeGreaterThan(0);
		const issue = issues.find((i) => i.column === column);
		expect(issue, JSON.stringify(issues)).toBeDefined();
		expect(issue!.file).toBe('city.json');
		expect(issue!.message).toMatch(message);
		expect(issue!.hint.length).toBeGreaterThan(10);
	});

	it('reports an indicator listed for both need and supply', () => {
		const { issues } = validate(
			phase({
				need: [{ indicator: 'kinder_sgb2', weight: 1 }],
				supply: [{ indicator: 'ganztagsgrundschulquote', weight: 1 }],
				placeTarget: 1,
				lernortTypes: ['grundschule']
			})
		);
		expect(issues).toEqual([]);
		const both = validate(
			phase({
				need: [{ indicator: 'uebergang_gymnasium', weight: 1 }],
				supply: [{ indicator: 'uebergang_gymnasium', weight: 1 }]
			})
		);
		expect(both.issues).toEqual([
			expect.objectContaining({
				column: `${P}.supply`,
				message: expect.stringMatching(/zugleich bei Bedarf und Unterstützung/)
			})
		]);
	});

	it('does not mutate the raw input', () => {
		const raw = {
			weights: { reach: 2 },
			phases: [{ id: 'primar', need: [{ indicator: 'kinder_sgb2', weight: 1 }] }]
		};
		const before = structuredClone(raw);
		validate(raw);
		expect(raw).toEqual(before);
	});
});
