import { describe, expect, it } from 'vitest';
import { LERNORT_TYPES } from '../domain/lernortTypes';
import type { Bildungsphase, IndicatorMeta, Level } from '../domain/types';
import { CHAIN_PHASES } from '../domain/bildungskette';
import {
	DEFAULT_PHASE,
	defaultIndicatorId,
	parseView,
	patchParams,
	serializeView,
	urlContextFor,
	VIEW_PARAMS,
	type UrlContext,
	type ViewState
} from './url';
import { mulberry32 as prng } from '../domain/random';
import { CATALOG } from '../domain/fixtures.test-helpers';

function indicator(id: string, title: string, overrides: Partial<IndicatorMeta>): IndicatorMeta {
	return {
		id,
		title,
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
		demo: true,
		...overrides
	};
}

const INDICATORS: IndicatorMeta[] = [
	indicator('einwohner', 'Einwohnerinnen und Einwohner', {
		kind: 'count',
		scale: 1,
		unit: 'Personen',
		years: [2022, 2023, 2024]
	}),
	indicator('betreuung_u3', 'Betreuungsquote U3', { years: [2020, 2022, 2024] }),
	indicator('uebergang_gym', 'Übergangsquote Gymnasium', { years: [2021, 2022, 2023] }),
	indicator('intern', 'Interne Kennzahl', { years: [2023], public: false }),
	indicator('sgb2_u15', 'Kinder unter 15 in SGB-II-Bedarfsgemeinschaften', {
		direction: 'need',
		phases: ['kontext']
	}),
	indicator('migration_u6', 'Kinder unter 6 mit Migrationshintergrund', { direction: 'need' }),
	indicator('auslaender', 'Ausländeranteil', { direction: 'context', phases: ['kontext'] })
];

/** Indicators that can carry a need weight: ratios with a reading direction. */
const WEIGHTABLE = INDICATORS.filter((i) => i.kind === 'ratio' && i.direction !== 'context').map((i) => i.id);

const CTX: UrlContext = {
	indicators: INDICATORS,
	levels: ['stadtteil', 'stadtbezirk'],
	// '101' exists on both levels in this fixture, to test that a selection survives a level change.
	areaKeys: { stadtteil: new Set(['101', '102', '103', '201']), stadtbezirk: new Set(['1', '2', '101']) },
	lernortTypes: LERNORT_TYPES.map((t) => t.id),
	defaultIndicator: defaultIndicatorId(INDICATORS)
};

const LERNORT_PHASES: Bildungsphase[] = ['fruehe', 'elementar', 'primar', 'sek1', 'sek2'];

const DEFAULTS: ViewState = {
	level: 'stadtteil',
	mode: 'indicator',
	phase: 'fruehe',
	needThreshold: null,
	supportThreshold: null,
	needWeights: {},
	supportWeights: {},
	indicator: 'betreuung_u3',
	year: 2024,
	since: null,
	method: 'quantile',
	classes: 5,
	breaks: [],
	fixedBreaks: false,
	selection: null,
	regionen: false,
	lernorte: true,
	types: [],
	phases: [],
	view: null
};

const parse = (query: string) => parseView(new URLSearchParams(query), CTX);

function pick<T>(random: () => number, items: readonly T[]): T {
	return items[Math.floor(random() * items.length)]!;
}

function subset<T>(random: () => number, items: readonly T[]): T[] {
	return items.filter(() => random() < 0.4);
}

/** A weight 0 … 10 with at most two decimals; often a round one. */
function randomWeight(random: () => number): number {
	return random() < 0.5 ? pick(random, [0, 0.5, 1, 2, 3, 10]) : Math.round(random() * 1000) / 100;
}

/** Every invariant a parsed state must satisfy. */
function expectValid(state: ViewState): void {
	expect(CTX.levels).toContain(state.level);
	const meta = CTX.indicators.find((i) => i.id === state.indicator);
	expect(meta).toBeDefined();
	expect(meta!.years).toContain(state.year);
	if (state.since !== null) {
		expect(meta!.years).toContain(state.since);
		expect(state.since).toBeLessThan(state.year);
	}
	expect(typeof state.fixedBreaks).toBe('boolean');
	expect(['quantile', 'equal', 'jenks', 'manual']).toContain(state.method);
	expect(state.classes).toBeGreaterThanOrEqual(3);
	expect(state.classes).toBeLessThanOrEqual(7);
	if (state.method === 'manual') {
		expect(state.classes).toBe(state.breaks.length + 1);
		for (let i = 1; i < state.breaks.length; i++)
			expect(state.breaks[i]).toBeGreaterThan(state.breaks[i - 1]!);
		for (const b of state.breaks) expect(Number.isFinite(b)).toBe(true);
	} else expect(state.breaks).toEqual([]);
	if (state.selection !== null) expect(CTX.areaKeys[state.level].has(state.selection)).toBe(true);
	expect(typeof state.regionen).toBe('boolean');
	expect(typeof state.lernorte).toBe('boolean');
	for (const t of state.types) expect(CTX.lernortTypes).toContain(t);
	expect(state.types.length).toBeLessThan(CTX.lernortTypes.length);
	for (const p of state.phases) expect(LERNORT_PHASES).toContain(p);
	for (const [id, w] of Object.entries(state.needWeights)) {
		expect(WEIGHTABLE).toContain(id);
		expect(w).toBeGreaterThanOrEqual(0);
		expect(w).toBeLessThanOrEqual(10);
		expect(Math.round(w * 100) / 100).toBe(w);
	}
	for (const [key, w] of Object.entries(state.supportWeights)) {
		expect(['reach', 'places', 'supply']).toContain(key);
		expect(w).toBeGreaterThanOrEqual(0);
		expect(w).toBeLessThanOrEqual(10);
	}
	expect(state.phases.length).toBeLessThan(LERNORT_PHASES.length);
	if (state.view) {
		expect(Math.abs(state.view.lon)).toBeLessThanOrEqual(180);
		expect(Math.abs(state.view.lat)).toBeLessThanOrEqual(85);
		expect(state.view.zoom).toBeGreaterThanOrEqual(0);
		expect(state.view.zoom).toBeLessThanOrEqual(22);
	}
}

function randomState(random: () => number): ViewState {
	const level = pick(random, CTX.levels);
	const meta = pick(random, CTX.indicators);
	const method = pick(random, ['quantile', 'equal', 'jenks', 'manual'] as const);
	const breaks: number[] = [];
	let classes = 3 + Math.floor(random() * 5);
	if (method === 'manual') {
		const n = 2 + Math.floor(random() * 5);
		let x = (random() - 0.5) * 1000;
		for (let i = 0; i < n; i++) {
			// Mix round thresholds with arbitrary doubles: both must survive the URL exactly.
			x += random() < 0.5 ? Math.ceil(random() * 50) : random() * 100 + 1e-9;
			breaks.push(x);
		}
		classes = n + 1;
	}
	const keys = [...CTX.areaKeys[level as Level]];
	const year = pick(random, meta.years);
	const earlier = meta.years.filter((y) => y < year);
	const types = subset(random, CTX.lernortTypes);
	const phases = subset(random, LERNORT_PHASES);
	const mode = random() < 0.5 ? ('gaps' as const) : ('indicator' as const);
	return {
		level,
		mode,
		// The phase is only part of the link in the gaps mode.
		phase: mode === 'gaps' ? pick(random, CHAIN_PHASES) : DEFAULT_PHASE,
		// `+ 0` turns a rounded −0 into 0: the URL has no negative zero.
		needThreshold: mode === 'gaps' && random() < 0.5 ? Math.round((random() * 6 - 3) * 100) / 100 + 0 : null,
		supportThreshold:
			mode === 'gaps' && random() < 0.5 ? (random() < 0.3 ? 'city' : Math.round(random() * 100) / 100) : null,
		needWeights:
			mode === 'gaps'
				? Object.fromEntries(subset(random, WEIGHTABLE).map((id) => [id, randomWeight(random)]))
				: {},
		supportWeights:
			mode === 'gaps'
				? Object.fromEntries(
						subset(random, ['reach', 'places', 'supply'] as const).map((k) => [k, randomWeight(random)])
					)
				: {},
		indicator: meta.id,
		year,
		since: earlier.length > 0 && random() < 0.5 ? pick(random, earlier) : null,
		method,
		classes,
		breaks,
		fixedBreaks: random() < 0.5,
		selection: random() < 0.5 ? pick(random, keys) : null,
		regionen: random() < 0.5,
		lernorte: random() < 0.5,
		types: types.length === CTX.lernortTypes.length ? [] : types,
		phases: phases.length === LERNORT_PHASES.length ? [] : phases,
		view:
			random() < 0.5
				? null
				: {
						lon: Number(((random() - 0.5) * 360).toFixed(4)),
						lat: Number(((random() - 0.5) * 170).toFixed(4)),
						zoom: Number((8 + random() * 9).toFixed(2))
					}
	};
}

describe('defaultIndicatorId', () => {
	it('picks the first public ratio, then the first public indicator, then the first one', () => {
		expect(defaultIndicatorId(INDICATORS)).toBe('betreuung_u3');
		expect(defaultIndicatorId([INDICATORS[3]!, INDICATORS[0]!])).toBe('einwohner');
		expect(defaultIndicatorId([INDICATORS[3]!])).toBe('intern');
	});

	it('throws for an empty catalog', () => {
		expect(() => defaultIndicatorId([])).toThrow(RangeError);
	});
});

describe('parseView', () => {
	it('gives the defaults without parameters', () => {
		expect(parse('')).toEqual({ state: DEFAULTS, problems: [] });
	});

	it.each<[string, Partial<ViewState>]>([
		['ebene=stadtbezirk', { level: 'stadtbezirk' }],
		['ebene=Stadtbezirk', { level: 'stadtbezirk' }],
		['indikator=einwohner', { indicator: 'einwohner', year: 2024 }],
		['indikator=uebergang_gym', { indicator: 'uebergang_gym', year: 2023 }],
		['indikator=intern', { indicator: 'intern', year: 2023 }],
		['jahr=2020', { year: 2020 }],
		['indikator=einwohner&jahr=2022', { indicator: 'einwohner', year: 2022 }],
		['methode=gleich', { method: 'equal' }],
		['methode=jenks&klassen=7', { method: 'jenks', classes: 7 }],
		['klassen=3', { classes: 3 }],
		['methode=manuell&grenzen=10,20.5,30', { method: 'manual', breaks: [10, 20.5, 30], classes: 4 }],
		['methode=manuell&grenzen=12,5;20;30,25', { method: 'manual', breaks: [12.5, 20, 30.25], classes: 4 }],
		['methode=manuell&grenzen=-5,0,1e3', { method: 'manual', breaks: [-5, 0, 1000], classes: 4 }],
		['methode=manuell&grenzen=-0,1', { method: 'manual', breaks: [0, 1], classes: 3 }],
		['gebiet=102', { selection: '102' }],
		['ebene=stadtbezirk&gebiet=2', { level: 'stadtbezirk', selection: '2' }],
		['regionen=1', { regionen: true }],
		['regionen=0', { regionen: false }],
		['lernorte=0', { lernorte: false }],
		['lernorte=1', { lernorte: true }],
		['typen=grundschule,kita', { types: ['kita', 'grundschule'] }],
		['typen=kita,kita,,KITA', { types: ['kita'] }],
		['typen=', { types: [] }],
		[`typen=${LERNORT_TYPES.map((t) => t.id).join(',')}`, { types: [] }],
		['phasen=sek1,fruehe', { phases: ['fruehe', 'sek1'] }],
		['phasen=fruehe,elementar,primar,sek1,sek2', { phases: [] }],
		['karte=9.18,48.78,11.25', { view: { lon: 9.18, lat: 48.78, zoom: 11.25 } }],
		['karte=9.123456,48.777777,11.256', { view: { lon: 9.1235, lat: 48.7778, zoom: 11.26 } }],
		['karte=-180,89.9,23', { view: { lon: -180, lat: 85, zoom: 17 } }],
		['karte=0,-90,0', { view: { lon: 0, lat: -85, zoom: 8 } }],
		['karte=-0.00001,0,0', { view: { lon: 0, lat: 0, zoom: 8 } }],
		['stadt=stuttgart&embed=1', {}]
	])('%s', (query, expected) => {
		const { state, problems } = parse(query);
		expect(problems).toEqual([]);
		expect(state).toEqual({ ...DEFAULTS, ...expected });
		expect(Object.is(state.view?.lon, -0)).toBe(false);
	});

	it.each<[string, Partial<ViewState>, string]>([
		[
			'ebene=kreis',
			{},
			"Parameter 'ebene': ‚kreis‘ ist keine Ebene dieser Karte; gezeigt werden die Stadtteile."
		],
		[
			'indikator=gibtsnicht',
			{},
			"Parameter 'indikator': ‚gibtsnicht‘ gibt es nicht; gezeigt wird ‚Betreuungsquote U3‘."
		],
		['jahr=1999', {}, "Parameter 'jahr': 1999 gibt es für ‚Betreuungsquote U3‘ nicht; gezeigt wird 2024."],
		['jahr=2023', {}, "Parameter 'jahr': 2023 gibt es für ‚Betreuungsquote U3‘ nicht; gezeigt wird 2024."],
		['jahr=zwanzig', {}, "Parameter 'jahr': ‚zwanzig‘ ist keine Jahreszahl; gezeigt wird 2024."],
		['jahr=2024.0', {}, "Parameter 'jahr': ‚2024.0‘ ist keine Jahreszahl; gezeigt wird 2024."],
		[
			'methode=median',
			{},
			"Parameter 'methode': ‚median‘ ist unbekannt (möglich: quantile, gleich, jenks, manuell); " +
				'gezeigt wird die Einteilung nach Quantilen.'
		],
		[
			'methode=equal',
			{},
			"Parameter 'methode': ‚equal‘ ist unbekannt (möglich: quantile, gleich, jenks, manuell); gezeigt wird die Einteilung nach Quantilen."
		],
		['klassen=9', {}, "Parameter 'klassen': ‚9‘ ist nicht möglich (3 bis 7); gezeigt werden 5 Klassen."],
		[
			'methode=manuell',
			{},
			"Parameter 'methode': eigene Klassen brauchen den Parameter 'grenzen'; gezeigt wird die Einteilung nach Quantilen."
		],
		[
			'methode=manuell&grenzen=30,20',
			{},
			"Parameter 'grenzen': Die Grenzen müssen aufsteigen: 20 folgt auf 30. Gezeigt wird die Einteilung nach Quantilen."
		],
		[
			'methode=manuell&grenzen=12,5',
			{},
			"Parameter 'grenzen': Die Grenzen müssen aufsteigen: 5 folgt auf 12. Gezeigt wird die Einteilung nach Quantilen."
		],
		[
			'methode=manuell&grenzen=1,zwei',
			{},
			"Parameter 'grenzen': ‚zwei‘ ist keine Zahl. Gezeigt wird die Einteilung nach Quantilen."
		],
		[
			'methode=manuell&grenzen=1,0x10',
			{},
			"Parameter 'grenzen': ‚0x10‘ ist keine Zahl. Gezeigt wird die Einteilung nach Quantilen."
		],
		[
			'methode=manuell&grenzen=5',
			{},
			"Parameter 'grenzen': Für eigene Klassen werden 2 bis 6 Grenzen gebraucht (3 bis 7 Klassen); " +
				'angegeben ist 1 Grenze. Gezeigt wird die Einteilung nach Quantilen.'
		],
		[
			'methode=manuell&grenzen=1,2&klassen=5',
			{ method: 'manual', breaks: [1, 2], classes: 3 },
			"Parameter 'klassen': bei eigenen Grenzen ergibt sich die Zahl der Klassen aus 'grenzen'; gezeigt werden 3 Klassen."
		],
		['grenzen=1,2', {}, "Parameter 'grenzen' gilt nur mit methode=manuell und wird ignoriert."],
		[
			'gebiet=1',
			{},
			"Parameter 'gebiet': ‚1‘ ist kein Stadtteil dieser Karte; es ist kein Gebiet ausgewählt."
		],
		[
			'ebene=stadtbezirk&gebiet=102',
			{ level: 'stadtbezirk' },
			"Parameter 'gebiet': ‚102‘ ist kein Stadtbezirk dieser Karte; es ist kein Gebiet ausgewählt."
		],
		[
			'regionen=ja',
			{},
			"Parameter 'regionen': ‚ja‘ ist weder 0 noch 1; die Bildungsregionen werden nicht gezeigt."
		],
		['lernorte=aus', {}, "Parameter 'lernorte': ‚aus‘ ist weder 0 noch 1; die Lernorte werden gezeigt."],
		[
			'typen=kita,zirkus',
			{ types: ['kita'] },
			"Parameter 'typen': ‚zirkus‘ ist kein bekannter Lernort-Typ und wird ignoriert."
		],
		[
			'typen=zirkus,zoo',
			{},
			"Parameter 'typen': ‚zirkus‘, ‚zoo‘ sind keine bekannten Lernort-Typen und werden ignoriert; gezeigt werden alle Typen."
		],
		[
			'phasen=kontext',
			{},
			"Parameter 'phasen': ‚kontext‘ ist keine Bildungsphase mit Lernorten und wird ignoriert; gezeigt werden alle Phasen."
		],
		[
			'karte=9.18,48.78',
			{},
			"Parameter 'karte': ‚9.18,48.78‘ ist kein Kartenausschnitt (Länge,Breite,Zoom); gezeigt wird der Standardausschnitt."
		],
		[
			'jahr=2020&jahr=2022',
			{ year: 2020 },
			"Parameter 'jahr' ist 2-mal angegeben; verwendet wird der erste Wert."
		]
	])('%s', (query, expected, problem) => {
		const { state, problems } = parse(query);
		expect(problems).toEqual([problem]);
		expect(state).toEqual({ ...DEFAULTS, ...expected });
	});

	it('checks the year against the indicator actually shown', () => {
		expect(parse('indikator=nope&jahr=2023').problems).toEqual([
			"Parameter 'indikator': ‚nope‘ gibt es nicht; gezeigt wird ‚Betreuungsquote U3‘.",
			"Parameter 'jahr': 2023 gibt es für ‚Betreuungsquote U3‘ nicht; gezeigt wird 2024."
		]);
	});

	const HOSTILE: string[] = [
		'<script>alert(1)</script>',
		'"><img src=x onerror=alert(1)>',
		'NaN',
		'Infinity',
		'-Infinity',
		'1e309',
		'9'.repeat(400),
		'x'.repeat(100_000),
		'',
		' ',
		'\u0000\u0007\u001b[31m',
		'\u202e2024',
		'２０２４',
		'🙂,🙂,🙂',
		'%00',
		'%E0%A4%A',
		'__proto__',
		'constructor',
		'toString',
		'1,2,3,4,5,6,7,8,9',
		'0x10,0b11,0o7',
		'1;2;3;4',
		',,,',
		'null',
		'undefined',
		'true',
		'[]',
		'{}'
	];

	it.each(VIEW_PARAMS)('never throws and falls back for hostile %s values', (name) => {
		for (const value of HOSTILE) {
			const params = new URLSearchParams();
			params.set(name, value);
			params.append(name, value);
			const { state, problems } = parseView(params, CTX);
			expectValid(state);
			for (const p of problems) {
				expect(typeof p).toBe('string');
				expect(p.length).toBeLessThan(300);
				expect(p).not.toContain('\u0000');
			}
		}
	});

	it('keeps messages short for very long values and strips control characters', () => {
		const { problems } = parse(`gebiet=${'a'.repeat(500)}`);
		expect(problems[0]).toBe(
			`Parameter 'gebiet': ‚${'a'.repeat(39)}…‘ ist kein Stadtteil dieser Karte; es ist kein Gebiet ausgewählt.`
		);
		expect(parse(`gebiet=${'a'.repeat(5000)}`).problems).toEqual([
			"Parameter 'gebiet' ist zu lang (5000 Zeichen) und wird ignoriert."
		]);
		expect(parse('gebiet=%1Bx%7F%C2%9By').problems[0]).toContain('‚xy‘');
	});

	it('reads a raw query string with percent-encoding and plus signs', () => {
		expect(parse('karte=9.18%2C48.78%2C11&methode=manuell&grenzen=1e%2B2%2C2e%2B2').state).toMatchObject({
			view: { lon: 9.18, lat: 48.78, zoom: 11 },
			breaks: [100, 200]
		});
	});

	it('does not mutate the parameters', () => {
		const params = new URLSearchParams('jahr=1999&typen=kita,zirkus&x=1');
		parseView(params, CTX);
		expect(params.toString()).toBe('jahr=1999&typen=kita%2Czirkus&x=1');
	});

	it('throws for a broken context (a bug, not a user error)', () => {
		const p = new URLSearchParams();
		expect(() => parseView(p, { ...CTX, levels: [] })).toThrow(RangeError);
		expect(() => parseView(p, { ...CTX, defaultIndicator: 'nope' })).toThrow(RangeError);
		expect(() =>
			parseView(p, { ...CTX, indicators: [...INDICATORS, indicator('leer', 'Leer', { years: [] })] })
		).toThrow(RangeError);
	});

	it('uses the first level as default when there are no Stadtteile', () => {
		const ctx: UrlContext = { ...CTX, levels: ['stadtbezirk'] };
		expect(parseView(new URLSearchParams(), ctx).state.level).toBe('stadtbezirk');
		expect(parseView(new URLSearchParams('ebene=stadtteil'), ctx).problems).toHaveLength(1);
	});
});

describe('map mode and phase', () => {
	it.each<[string, Partial<ViewState>, string | null]>([
		['modus=luecken', { mode: 'gaps', phase: 'fruehe' }, null],
		['modus=luecken&phase=sek2', { mode: 'gaps', phase: 'sek2' }, null],
		['modus=LUECKEN&phase=Primar', { mode: 'gaps', phase: 'primar' }, null],
		['modus=karte', { mode: 'indicator' }, "Parameter 'modus'"],
		['modus=luecken&phase=kontext', { mode: 'gaps', phase: 'fruehe' }, "Parameter 'phase'"],
		['modus=luecken&phase=<b>', { mode: 'gaps', phase: 'fruehe' }, "Parameter 'phase'"],
		['modus=luecken&bedarf=0,5&versorgung=80', { needThreshold: 0.5, supportThreshold: 0.8 }, null],
		['modus=luecken&versorgung=Stadt', { supportThreshold: 'city' }, null],
		['modus=luecken&bedarf=9', { needThreshold: null }, "Parameter 'bedarf'"],
		['modus=luecken&versorgung=120', { supportThreshold: null }, "Parameter 'versorgung'"]
	])('%s', (query, expected, problem) => {
		const { state, problems } = parseView(new URLSearchParams(query), CTX);
		expect(state).toMatchObject(expected);
		if (problem) expect(problems.join(' ')).toContain(problem);
		else expect(problems).toEqual([]);
	});

	it('writes the phase only in the gaps mode', () => {
		expect(serializeView({ ...DEFAULTS, phase: 'sek1' }, CTX).toString()).toBe('');
		expect(serializeView({ ...DEFAULTS, mode: 'gaps' }, CTX).toString()).toBe('modus=luecken');
		expect(serializeView({ ...DEFAULTS, mode: 'gaps', phase: 'sek1' }, CTX).toString()).toBe(
			'modus=luecken&phase=sek1'
		);
	});
});

describe('what-if weights', () => {
	const gaps = (query: string) => parse(`modus=luecken&${query}`);

	it.each<[string, Record<string, number>, string | null]>([
		['gewichte=sgb2_u15:2,migration_u6:0', { sgb2_u15: 2, migration_u6: 0 }, null],
		['gewichte=SGB2_U15:1.3333', { sgb2_u15: 1.33 }, null],
		['gewichte=+sgb2_u15+:+0.5+,', { sgb2_u15: 0.5 }, null],
		['gewichte=intern:10,betreuung_u3:0', { intern: 10, betreuung_u3: 0 }, null],
		['gewichte=', {}, null],
		['gewichte=<script>', {}, "Parameter 'gewichte': ‚<script>‘ ist kein Paar Indikator:Gewicht"],
		['gewichte=a:b:c', {}, '‚a:b:c‘ ist kein Paar Indikator:Gewicht'],
		['gewichte=:1', {}, '‚:1‘ ist kein Paar Indikator:Gewicht'],
		['gewichte=sgb2_u15:-1', {}, '‚sgb2_u15:-1‘ hat kein Gewicht von 0 bis 10'],
		['gewichte=sgb2_u15:NaN', {}, 'hat kein Gewicht von 0 bis 10'],
		['gewichte=sgb2_u15:Infinity', {}, 'hat kein Gewicht von 0 bis 10'],
		['gewichte=sgb2_u15:1e308', {}, 'hat kein Gewicht von 0 bis 10'],
		['gewichte=sgb2_u15:10.01', {}, 'hat kein Gewicht von 0 bis 10'],
		['gewichte=sgb2_u15:0x1', {}, 'hat kein Gewicht von 0 bis 10'],
		['gewichte=sgb2_u15:', {}, 'hat kein Gewicht von 0 bis 10'],
		[
			'gewichte=sgb2_u15:2,sgb2_u15:3',
			{ sgb2_u15: 2 },
			'‚sgb2_u15‘ ist mehrfach angegeben (es gilt der erste Wert)'
		],
		['gewichte=sgb2_u15:2,SGB2_U15:3', { sgb2_u15: 2 }, 'ist mehrfach angegeben'],
		['gewichte=zirkus:1,sgb2_u15:2', { sgb2_u15: 2 }, '‚zirkus‘ ist kein Bedarfsindikator dieser Karte'],
		['gewichte=einwohner:1', {}, '‚einwohner‘ ist kein Bedarfsindikator'],
		['gewichte=auslaender:1', {}, '‚auslaender‘ ist kein Bedarfsindikator'],
		['gewichte=__proto__:1,constructor:2', {}, '‚__proto__‘ ist kein Bedarfsindikator'],
		// A German decimal comma is read as one: 0,5 is a half, not 0 and a stray 5.
		['gewichte=sgb2_u15:0,5', { sgb2_u15: 0.5 }, null],
		['gewichte=sgb2_u15:2,25,migration_u6:1', { sgb2_u15: 2.25, migration_u6: 1 }, null],
		// Digits after a weight that already has decimals are no decimals.
		['gewichte=sgb2_u15:0.5,5', { sgb2_u15: 0.5 }, '‚5‘ ist kein Paar Indikator:Gewicht'],
		['gewichte=5,sgb2_u15:1', { sgb2_u15: 1 }, '‚5‘ ist kein Paar Indikator:Gewicht'],
		['gewichte=a,b,c,d', {}, 'Gewicht (und 1 weitere). Dafür gilt die Voreinstellung'],
		['gewichte=zirkus:1&gewichte=sgb2_u15:1', {}, "Parameter 'gewichte' ist 2-mal angegeben"],
		[`gewichte=${'sgb2_u15:1,'.repeat(100)}`, {}, "Parameter 'gewichte' ist zu lang"]
	])('%s', (query, needWeights, problem) => {
		const { state, problems } = gaps(query);
		expect(state.needWeights).toEqual(needWeights);
		expect(Object.getPrototypeOf(state.needWeights)).toBe(Object.prototype);
		if (problem) {
			expect(problems).toHaveLength(problem.includes('2-mal') ? 2 : 1);
			expect(problems.join(' ')).toContain(problem);
		} else expect(problems).toEqual([]);
		// Whatever came in, the written link reads back without problems.
		expect(parseView(serializeView(state, CTX), CTX).problems).toEqual([]);
	});

	it.each<[string, Partial<Record<'reach' | 'places' | 'supply', number>>, string | null]>([
		['unterstuetzung=erreichbarkeit:1,plaetze:0.5,angebote:1', { reach: 1, places: 0.5, supply: 1 }, null],
		['unterstuetzung=Plaetze:0', { places: 0 }, null],
		// All three 0 is a valid link; applyWhatIf decides that it cannot be applied.
		['unterstuetzung=erreichbarkeit:0,plaetze:0,angebote:0', { reach: 0, places: 0, supply: 0 }, null],
		[
			'unterstuetzung=reach:1',
			{},
			"Parameter 'unterstuetzung': ‚reach‘ ist keine Komponente (erreichbarkeit, plaetze, angebote)"
		],
		['unterstuetzung=plaetze:x,angebote:2', { supply: 2 }, '‚plaetze:x‘ hat kein Gewicht von 0 bis 10'],
		['unterstuetzung=plaetze:-0.5', {}, 'hat kein Gewicht von 0 bis 10'],
		['unterstuetzung=<img src=x>', {}, 'ist kein Paar Komponente:Gewicht'],
		['unterstuetzung=plaetze:1,plaetze:2', { places: 1 }, 'mehrfach angegeben']
	])('%s', (query, supportWeights, problem) => {
		const { state, problems } = gaps(query);
		expect(state.supportWeights).toEqual(supportWeights);
		if (problem) expect(problems).toEqual([expect.stringContaining(problem)]);
		else expect(problems).toEqual([]);
	});

	it('writes weights in a canonical order with at most two decimals', () => {
		const a = serializeView(
			{
				...DEFAULTS,
				mode: 'gaps',
				needWeights: { sgb2_u15: 1 / 3, migration_u6: 0, intern: 10 },
				supportWeights: { supply: 2, reach: 0.125 }
			},
			CTX
		);
		const b = serializeView(
			{
				...DEFAULTS,
				mode: 'gaps',
				needWeights: { intern: 10, migration_u6: 0, sgb2_u15: 0.33 },
				supportWeights: { reach: 0.13, supply: 2 }
			},
			CTX
		);
		expect(a.get('gewichte')).toBe('intern:10,migration_u6:0,sgb2_u15:0.33');
		expect(a.get('unterstuetzung')).toBe('erreichbarkeit:0.13,angebote:2');
		expect(a.toString()).toBe(b.toString());
	});

	it('keeps the weights only in the gaps mode', () => {
		const weights = { needWeights: { sgb2_u15: 2 }, supportWeights: { places: 0 } };
		expect(serializeView({ ...DEFAULTS, ...weights }, CTX).toString()).toBe('');
		expect(
			patchParams(
				new URLSearchParams('modus=luecken&gewichte=sgb2_u15:2&unterstuetzung=plaetze:0'),
				{ mode: 'indicator' },
				CTX
			).toString()
		).toBe('');
	});

	it.each<[string, string, Partial<ViewState>, Array<[string, string]>]>([
		[
			'sets need weights with the gaps mode',
			'',
			{ mode: 'gaps', needWeights: { sgb2_u15: 2, migration_u6: 0 } },
			[
				['modus', 'luecken'],
				['gewichte', 'migration_u6:0,sgb2_u15:2']
			]
		],
		[
			'adds support weights and keeps the need weights',
			'modus=luecken&gewichte=sgb2_u15:2',
			{ supportWeights: { places: 0.5 } },
			[
				['modus', 'luecken'],
				['gewichte', 'sgb2_u15:2'],
				['unterstuetzung', 'plaetze:0.5']
			]
		],
		[
			'resets all weights',
			'modus=luecken&bedarf=0.5&gewichte=sgb2_u15:2&unterstuetzung=plaetze:0.5',
			{ needWeights: {}, supportWeights: {} },
			[
				['modus', 'luecken'],
				['bedarf', '0.5']
			]
		],
		[
			'drops unusable patched weights',
			'modus=luecken',
			{
				needWeights: { zirkus: 1, sgb2_u15: Number.NaN, intern: 11, migration_u6: 1 },
				supportWeights: { reach: -1 }
			},
			[
				['modus', 'luecken'],
				['gewichte', 'migration_u6:1']
			]
		]
	])('patchParams %s', (_name, query, p, expected) => {
		expect([...patchParams(new URLSearchParams(query), p, CTX)]).toEqual(expected);
	});
});

describe('change map and fixed breaks (seit, grenzen_fest)', () => {
	// betreuung_u3 has 2020, 2022 and 2024; einwohner 2022 to 2024.
	// The third column is the canonical form where it differs from the query.
	it.each<[string, Partial<ViewState>, string?]>([
		['seit=2020', { since: 2020 }],
		['seit=2022', { since: 2022 }],
		['jahr=2022&seit=2020', { year: 2022, since: 2020 }],
		['seit=%202020%20', { since: 2020 }, 'seit=2020'],
		['grenzen_fest=1', { fixedBreaks: true }],
		['grenzen_fest=0', { fixedBreaks: false }, ''],
		[
			'methode=manuell&grenzen=10,20&grenzen_fest=1',
			{ method: 'manual', breaks: [10, 20], classes: 3, fixedBreaks: true },
			'methode=manuell&grenzen=10%2C20&grenzen_fest=1'
		],
		[
			'grenzen_fest=1&klassen=4&seit=2020',
			{ since: 2020, fixedBreaks: true, classes: 4 },
			'seit=2020&klassen=4&grenzen_fest=1'
		]
	])('%s', (query, expected, canonical) => {
		const { state, problems } = parse(query);
		expect(problems).toEqual([]);
		expect(state).toEqual({ ...DEFAULTS, ...expected });
		expect(serializeView(state, CTX).toString()).toBe(canonical ?? query);
	});

	it.each<[string, Partial<ViewState>, string]>([
		[
			'seit=abc',
			{},
			"Parameter 'seit': ‚abc‘ ist keine Jahreszahl; gezeigt werden die Werte von 2024 ohne Veränderung."
		],
		[
			'seit=<script>',
			{},
			"Parameter 'seit': ‚<script>‘ ist keine Jahreszahl; gezeigt werden die Werte von 2024 ohne Veränderung."
		],
		[
			'seit=2021',
			{},
			"Parameter 'seit': 2021 gibt es für ‚Betreuungsquote U3‘ nicht; gezeigt werden die Werte von 2024 ohne Veränderung."
		],
		[
			'seit=2024',
			{},
			"Parameter 'seit': 2024 liegt nicht vor dem gezeigten Jahr 2024; gezeigt werden die Werte von 2024 ohne Veränderung."
		],
		[
			'jahr=2020&seit=2022',
			{ year: 2020 },
			"Parameter 'seit': 2022 liegt nicht vor dem gezeigten Jahr 2020; gezeigt werden die Werte von 2020 ohne Veränderung."
		],
		[
			'seit=2020&seit=2022',
			{ since: 2020 },
			"Parameter 'seit' ist 2-mal angegeben; verwendet wird der erste Wert."
		],
		[
			'grenzen_fest=ja',
			{},
			"Parameter 'grenzen_fest': ‚ja‘ ist weder 0 noch 1; die Klassengrenzen gelten für das gezeigte Jahr."
		]
	])('%s falls back with a notice', (query, expected, problem) => {
		const { state, problems } = parse(query);
		expect(problems).toEqual([problem]);
		expect(state).toEqual({ ...DEFAULTS, ...expected });
	});

	it('checks seit against the year actually shown', () => {
		// jahr=1999 falls back to 2024, so seit=2022 is still a valid earlier year.
		const { state, problems } = parse('jahr=1999&seit=2022');
		expect(state.since).toBe(2022);
		expect(problems).toHaveLength(1);
	});

	it.each<[string, string, Partial<ViewState>, string]>([
		['keeps seit for a later year', 'seit=2020', { year: 2022 }, 'jahr=2022&seit=2020'],
		['drops seit when the year is not after it', 'jahr=2024&seit=2022', { year: 2022 }, 'jahr=2022'],
		[
			'drops seit for an indicator without that year',
			'seit=2020',
			{ indicator: 'einwohner' },
			'indikator=einwohner'
		],
		[
			'keeps seit for an indicator with that year',
			'seit=2022',
			{ indicator: 'einwohner' },
			'indikator=einwohner&seit=2022'
		],
		['clears seit', 'seit=2022&x=1', { since: null }, 'x=1'],
		[
			'keeps fixed breaks through a method change',
			'grenzen_fest=1',
			{ method: 'jenks' },
			'methode=jenks&grenzen_fest=1'
		],
		[
			'keeps fixed breaks through own thresholds',
			'grenzen_fest=1',
			{ method: 'manual', breaks: [1, 2] },
			'methode=manuell&grenzen=1%2C2&grenzen_fest=1'
		]
	])('patchParams %s', (_name, query, p, expected) => {
		expect(patchParams(new URLSearchParams(query), p, CTX).toString()).toBe(expected);
	});
});

describe('serializeView', () => {
	it('writes nothing for the defaults', () => {
		expect(serializeView(DEFAULTS, CTX).toString()).toBe('');
	});

	it('writes every non-default field in a stable order', () => {
		const state: ViewState = {
			view: { lon: 9.18, lat: 48.78, zoom: 11.25 },
			phases: ['sek1', 'fruehe'],
			types: ['grundschule', 'kita', 'kita'],
			lernorte: false,
			regionen: true,
			selection: '2',
			fixedBreaks: true,
			breaks: [1.5, 20, 30],
			classes: 4,
			method: 'manual',
			since: 2022,
			year: 2023,
			indicator: 'einwohner',
			phase: 'sek1',
			needThreshold: 0.5,
			supportThreshold: 0.8,
			supportWeights: { supply: 1, places: 0.5, reach: 0 },
			needWeights: { sgb2_u15: 2, migration_u6: 0 },
			mode: 'gaps',
			level: 'stadtbezirk'
		};
		expect([...serializeView(state, CTX)]).toEqual([
			['ebene', 'stadtbezirk'],
			['modus', 'luecken'],
			['phase', 'sek1'],
			['bedarf', '0.5'],
			['versorgung', '80'],
			['gewichte', 'migration_u6:0,sgb2_u15:2'],
			['unterstuetzung', 'erreichbarkeit:0,plaetze:0.5,angebote:1'],
			['indikator', 'einwohner'],
			['jahr', '2023'],
			['seit', '2022'],
			['methode', 'manuell'],
			['grenzen', '1.5,20,30'],
			['grenzen_fest', '1'],
			['gebiet', '2'],
			['regionen', '1'],
			['lernorte', '0'],
			['typen', 'kita,grundschule'],
			['phasen', 'fruehe,sek1'],
			['karte', '9.1800,48.7800,11.25']
		]);
	});

	it.each<[Partial<ViewState>, string]>([
		[{ method: 'equal' }, 'methode=gleich'],
		[{ classes: 7 }, 'klassen=7'],
		[{ method: 'jenks', classes: 3 }, 'methode=jenks&klassen=3'],
		[{ breaks: [1, 2] }, ''],
		[{ year: 2020 }, 'jahr=2020'],
		[{ types: LERNORT_TYPES.map((t) => t.id) }, ''],
		[{ types: ['zirkus'] }, '']
	])('%j -> %s', (patch, expected) => {
		expect(serializeView({ ...DEFAULTS, ...patch }, CTX).toString()).toBe(expected);
	});

	it('does not mutate the state', () => {
		const state = structuredClone({
			...DEFAULTS,
			types: ['grundschule', 'kita'],
			phases: ['sek1', 'fruehe']
		});
		const copy = structuredClone(state);
		serializeView(state as ViewState, CTX);
		expect(state).toEqual(copy);
	});
});

describe('round trip', () => {
	it('parseView(serializeView(s)) gives back every valid state', () => {
		const random = prng(42);
		for (let i = 0; i < 1000; i++) {
			const state = randomState(random);
			const { state: back, problems } = parseView(serializeView(state, CTX), CTX);
			expect(problems).toEqual([]);
			expect(back).toEqual(state);
		}
	});

	it('survives a trip through the URL string', () => {
		const random = prng(7);
		for (let i = 0; i < 200; i++) {
			const state = randomState(random);
			const url = new URL(`https://example.org/?${serializeView(state, CTX)}`);
			expect(parseView(url.searchParams, CTX).state).toEqual(state);
		}
	});

	it('serializeView(parseView(p)) is idempotent for arbitrary parameters', () => {
		const random = prng(1234);
		const values: Record<string, string[]> = {
			ebene: ['stadtteil', 'stadtbezirk', 'kreis', ''],
			modus: ['luecken', 'indikator', 'x', ''],
			bedarf: ['0.5', '-1', '4', 'x', '0,25'],
			versorgung: ['80', 'stadt', '101', 'x'],
			gewichte: ['sgb2_u15:2', 'sgb2_u15:2,migration_u6:0', 'a:b:c', '<script>', 'intern:-1', 'X:1,x:2', ''],
			unterstuetzung: ['erreichbarkeit:1,plaetze:0.5', 'plaetze:0', 'angebote:NaN', 'foo:1', ''],
			phase: ['fruehe', 'sek2', 'kontext', ''],
			indikator: ['einwohner', 'betreuung_u3', 'uebergang_gym', 'intern', 'x'],
			jahr: ['2020', '2021', '2022', '2023', '2024', '1999', 'abc'],
			seit: ['2020', '2021', '2022', '2023', '2024', '1999', 'abc', ''],
			methode: ['quantile', 'gleich', 'jenks', 'manuell', 'foo'],
			klassen: ['3', '5', '7', '9', ''],
			grenzen: ['1,2', '1;2,5;3', '3,2', 'a,b', '1,2,3,4,5,6,7', '-1,1e3'],
			grenzen_fest: ['0', '1', 'x'],
			gebiet: ['101', '1', '2', '999'],
			regionen: ['0', '1', 'x'],
			lernorte: ['0', '1', 'x'],
			typen: ['kita', 'kita,zirkus', 'zirkus', '', 'grundschule,kita'],
			phasen: ['fruehe', 'kontext', 'sek2,fruehe', ''],
			karte: ['9.18,48.78,11', '0,0,0', '200,0,0', 'a,b,c', '9,91,1']
		};
		for (let i = 0; i < 500; i++) {
			const params = new URLSearchParams();
			for (const name of VIEW_PARAMS) {
				if (random() < 0.5) params.append(name, pick(random, values[name]!));
				if (random() < 0.05) params.append(name, pick(random, values[name]!));
			}
			const once = serializeView(parseView(params, CTX).state, CTX);
			const reparsed = parseView(once, CTX);
			expect(reparsed.problems, params.toString()).toEqual([]);
			expect(serializeView(reparsed.state, CTX).toString()).toBe(once.toString());
			expectValid(reparsed.state);
		}
	});
});

describe('patchParams', () => {
	const patch = (query: string, p: Partial<ViewState>) =>
		patchParams(new URLSearchParams(query), p, CTX).toString();

	it.each<[string, string, Partial<ViewState>, string]>([
		[
			'keeps the year when the new indicator has it',
			'jahr=2022',
			{ indicator: 'einwohner' },
			'indikator=einwohner&jahr=2022'
		],
		[
			'falls back to the newest year of the new indicator',
			'jahr=2020',
			{ indicator: 'einwohner' },
			'indikator=einwohner'
		],
		[
			'moves an implicit newest year that the new indicator lacks',
			'',
			{ indicator: 'uebergang_gym' },
			'indikator=uebergang_gym'
		],
		[
			'sets year and indicator together',
			'',
			{ indicator: 'einwohner', year: 2023 },
			'indikator=einwohner&jahr=2023'
		],
		[
			'drops a selection that the new level lacks',
			'gebiet=102',
			{ level: 'stadtbezirk' },
			'ebene=stadtbezirk'
		],
		[
			'keeps a selection the new level has',
			'gebiet=101',
			{ level: 'stadtbezirk' },
			'ebene=stadtbezirk&gebiet=101'
		],
		[
			'drops breaks when leaving manual',
			'methode=manuell&grenzen=1,2,3',
			{ method: 'jenks' },
			'methode=jenks&klassen=4'
		],
		[
			'switches to manual with breaks',
			'klassen=7',
			{ method: 'manual', breaks: [10, 20] },
			'methode=manuell&grenzen=10,20'
		],
		['stays quantile when manual comes without breaks', '', { method: 'manual' }, ''],
		['ignores breaks without manual', '', { breaks: [1, 2] }, ''],
		['resets to defaults by omission', 'regionen=1&lernorte=0', { regionen: false, lernorte: true }, ''],
		['ignores undefined fields', 'jahr=2022', { year: undefined, selection: undefined }, 'jahr=2022'],
		['sets a map view', '', { view: { lon: 9.1, lat: 48.7, zoom: 12 } }, 'karte=9.1000,48.7000,12.00'],
		['clears a map view', 'karte=9,48,12', { view: null }, ''],
		['drops invalid patched values', 'klassen=4', { classes: 99, year: Number.NaN }, ''],
		['cleans up a broken URL on the way', 'jahr=1999&typen=zirkus', { regionen: true }, 'regionen=1'],
		[
			'keeps foreign parameters after the view',
			'embed=1&jahr=2022&stadt=s',
			{ regionen: true },
			'jahr=2022&regionen=1&embed=1&stadt=s'
		]
	])('%s', (_name, query, p, expected) => {
		expect(patch(query, p)).toBe(expected.replaceAll(',', '%2C'));
	});

	it('does not mutate its inputs', () => {
		const current = new URLSearchParams('jahr=2022&x=1');
		const p = Object.freeze({ types: Object.freeze(['kita']) as string[] });
		patchParams(current, p, CTX);
		expect(current.toString()).toBe('jahr=2022&x=1');
		expect(p).toEqual({ types: ['kita'] });
	});

	it('agrees with the round trip for random patches', () => {
		const random = prng(99);
		for (let i = 0; i < 300; i++) {
			const base = serializeView(randomState(random), CTX);
			const target = randomState(random);
			// A full, valid patch replaces the whole view.
			expect(patchParams(base, target, CTX).toString()).toBe(serializeView(target, CTX).toString());
		}
	});
});

describe('urlContextFor', () => {
	it('levels, area keys, Lernort types and the default indicator of a catalog', () => {
		const ctx = urlContextFor(CATALOG);
		expect(ctx.levels).toEqual(['stadtbezirk', 'stadtteil']);
		expect([...ctx.areaKeys.stadtteil]).toEqual(['101', '102', '201', '202']);
		expect([...ctx.areaKeys.stadtbezirk]).toEqual(['1', '2']);
		expect(ctx.lernortTypes).toEqual(['kita', 'bibliothek', 'spielplatz']);
		expect(ctx.indicators).toBe(CATALOG.indicators);
		expect(ctx.defaultIndicator).toBe(defaultIndicatorId(CATALOG.indicators));
	});
});
