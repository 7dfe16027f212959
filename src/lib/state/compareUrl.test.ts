import { describe, expect, it } from 'vitest';
import {
	EMPTY_COMPARE,
	MAX_COMPARE_UNITS,
	parseCompare,
	patchCompare,
	shareCompare,
	serializeCompare,
	type CompareUrlContext
} from './compareUrl';

const CTX: CompareUrlContext = {
	units: {
		stadtteil: new Set(['101', '102', '201', '202', '214']),
		stadtbezirk: new Set(['1', '2']),
		bildungsregion: new Set(['nord', 'hallschlag']),
		stadt: new Set(['08111000'])
	},
	indicators: ['betreuungsquote_u3', 'kinder_sgb2'],
	years: [2021, 2022, 2023, 2024],
	levels: ['stadtteil', 'stadtbezirk']
};
const parse = (query: string) => parseCompare(new URLSearchParams(query), CTX);

describe('parseCompare', () => {
	it('reads units of every kind in order, the indicators and the year', () => {
		const { state, problems } = parse(
			'gebiete=stadtteil:214,bildungsregion:hallschlag,stadtbezirk:2,stadt&indikatoren=kinder_sgb2,betreuungsquote_u3&jahr=2023'
		);
		expect(problems).toEqual([]);
		expect(state).toEqual({
			...EMPTY_COMPARE,
			units: [
				{ kind: 'stadtteil', key: '214' },
				{ kind: 'bildungsregion', key: 'hallschlag' },
				{ kind: 'stadtbezirk', key: '2' },
				{ kind: 'stadt', key: '08111000' }
			],
			indicators: ['kinder_sgb2', 'betreuungsquote_u3'],
			year: 2023
		});
	});

	it('an empty link is an empty comparison of the newest years', () => {
		expect(parse('')).toEqual({ state: EMPTY_COMPARE, problems: [] });
	});

	it.each([
		['gebiete=stadtteil:999', "Parameter 'gebiete': ‚stadtteil:999‘ ist kein Gebiet dieser Stadt"],
		['gebiete=kontinent:1', '‚kontinent:1‘ ist kein Gebiet'],
		['gebiete=stadtteil', '‚stadtteil‘ ist kein Gebiet'],
		['gebiete=%3Cscript%3E:1,stadtteil:214', '‚<script>:1‘ ist kein Gebiet'],
		['indikatoren=zirkus,kinder_sgb2', "Parameter 'indikatoren': ‚zirkus‘ ist kein Indikator dieser Seite"],
		['jahr=1999', "Parameter 'jahr': ‚1999‘ ist kein Jahr mit Werten"],
		['jahr=2024.5', 'ist kein Jahr mit Werten'],
		['jahr=2024&jahr=2023', "Parameter 'jahr' ist 2-mal angegeben"],
		[`gebiete=${'stadtteil:214,'.repeat(200)}`, "Parameter 'gebiete' ist zu lang"],
		['ebene=kontinent', "Parameter 'ebene': ‚kontinent‘ gibt es nicht"],
		['rangliste=%3Cimg%3E', "Parameter 'rangliste': ‚<img>‘ ist kein Indikator"],
		['sortierung=preis', "Parameter 'sortierung': ‚preis‘ ist keine Spalte"],
		['richtung=seitwärts', "Parameter 'richtung': ‚seitwärts‘ ist weder „auf“ noch „ab“"],
		[`suche=${'a'.repeat(90)}`, "Parameter 'suche': höchstens 80 Zeichen"],
		['in=stadtteil:214', "Parameter 'in': ‚stadtteil:214‘ ist kein Stadtbezirk und keine Bildungsregion"],
		['in=stadtbezirk:9', 'ist kein Stadtbezirk'],
		['x=zirkus', "Parameter 'x': ‚zirkus‘ ist kein Indikator"],
		['y=', "Parameter 'y': ‚‘ ist kein Indikator"]
	])('%s is reported: %s', (query, problem) => {
		const { problems } = parse(query);
		expect(problems.join(' ')).toContain(problem);
	});

	it('keeps what is usable beside what is not', () => {
		const { state } = parse('gebiete=stadtteil:999,stadtteil:214&indikatoren=zirkus,kinder_sgb2&jahr=x');
		expect(state).toEqual({
			...EMPTY_COMPARE,
			units: [{ kind: 'stadtteil', key: '214' }],
			indicators: ['kinder_sgb2']
		});
	});

	it(`shows at most ${MAX_COMPARE_UNITS} units and says how many were left out; a unit named twice counts once`, () => {
		const { state, problems } = parse(
			'gebiete=stadtteil:101,stadtteil:101,stadtteil:102,stadtteil:201,stadtteil:202,stadtteil:214,stadtbezirk:1,stadtbezirk:2,stadt'
		);
		expect(state.units.map((u) => u.key)).toEqual(['101', '102', '201', '202', '214', '1']);
		expect(problems).toEqual([
			"Parameter 'gebiete': höchstens 6 Gebiete nebeneinander; 2 weitere werden nicht gezeigt."
		]);
	});

	it('accepts kinds and ids in any case', () => {
		const { state, problems } = parse('gebiete=Stadtteil:214,STADT&indikatoren=Kinder_SGB2');
		expect(problems).toEqual([]);
		expect(state.units).toEqual([
			{ kind: 'stadtteil', key: '214' },
			{ kind: 'stadt', key: '08111000' }
		]);
		expect(state.indicators).toEqual(['kinder_sgb2']);
	});
});

describe('ranking and scatter plot', () => {
	it('reads the level, ranking, sort, search, filter and axes', () => {
		const { state, problems } = parse(
			'ebene=Stadtbezirk&rangliste=kinder_sgb2&sortierung=wert&richtung=ab&suche=%20Bad%20Cann%20&in=bildungsregion:nord&x=kinder_sgb2&y=BETREUUNGSQUOTE_U3'
		);
		expect(problems).toEqual([]);
		expect(state).toEqual({
			...EMPTY_COMPARE,
			level: 'stadtbezirk',
			rankIndicator: 'kinder_sgb2',
			sort: { column: 'wert', dir: 'ab' },
			search: 'Bad Cann',
			within: { kind: 'bildungsregion', key: 'nord' },
			x: 'kinder_sgb2',
			y: 'betreuungsquote_u3'
		});
	});

	it('control characters in the search become spaces', () => {
		expect(parse('suche=Hall%00schlag%0A').state.search).toBe('Hall schlag');
	});

	it('a level the city does not have falls back to its first level', () => {
		const { state } = parseCompare(new URLSearchParams('ebene=stadtteil'), {
			...CTX,
			levels: ['stadtbezirk']
		});
		expect(state.level).toBe('stadtbezirk');
	});
});

describe('patchCompare', () => {
	it('keeps the city and other parameters, replaces the comparison', () => {
		const current = new URLSearchParams('stadt=nuernberg&jahr=2023&suche=alt&debug=1');
		const next = patchCompare(current, {
			...EMPTY_COMPARE,
			units: [{ kind: 'stadtbezirk', key: '1' }],
			search: 'neu'
		});
		expect(next.toString()).toBe('stadt=nuernberg&debug=1&gebiete=stadtbezirk%3A1&suche=neu');
		expect(current.toString()).toBe('stadt=nuernberg&jahr=2023&suche=alt&debug=1');
	});
});

describe('serializeCompare', () => {
	it.each([
		'gebiete=stadtteil%3A214%2Cbildungsregion%3Ahallschlag%2Cstadt&indikatoren=kinder_sgb2%2Cbetreuungsquote_u3&jahr=2024',
		'gebiete=stadtbezirk%3A1%2Cstadtbezirk%3A2',
		'ebene=stadtbezirk&rangliste=kinder_sgb2&sortierung=name&richtung=ab&suche=bad+cann&in=stadtbezirk%3A2&x=kinder_sgb2&y=betreuungsquote_u3',
		''
	])('round-trips %s', (query) => {
		const { state, problems } = parse(query);
		expect(problems).toEqual([]);
		expect(serializeCompare(state).toString()).toBe(query);
		expect(parse(serializeCompare(state).toString()).state).toEqual(state);
	});
});

describe('shareCompare', () => {
	it('keeps unchanged parts and the whole state when nothing changed', () => {
		const a = parse(
			'gebiete=stadtteil:214,stadt&indikatoren=kinder_sgb2&in=stadtbezirk:1&sortierung=wert'
		).state;
		const b = parse(
			'gebiete=stadtteil:214,stadt&indikatoren=kinder_sgb2&in=stadtbezirk:1&sortierung=wert'
		).state;
		expect(shareCompare(a, b)).toBe(a);
		const c = shareCompare(
			a,
			parse('gebiete=stadtteil:214,stadt&indikatoren=kinder_sgb2&in=stadtbezirk:1&sortierung=wert&suche=x')
				.state
		);
		expect(c).not.toBe(a);
		expect(c.search).toBe('x');
		expect(c.units).toBe(a.units);
		expect(c.indicators).toBe(a.indicators);
		expect(c.within).toBe(a.within);
		expect(c.sort).toBe(a.sort);
		const d = shareCompare(a, parse('gebiete=stadt,stadtteil:214&indikatoren=kinder_sgb2').state);
		expect(d.units).not.toBe(a.units);
		expect(d.within).toBeNull();
		expect(shareCompare(null, a)).toBe(a);
	});
});
