import { describe, expect, it } from 'vitest';
import { MAX_COMPARE_UNITS, parseCompare, serializeCompare, type CompareUrlContext } from './compareUrl';

const CTX: CompareUrlContext = {
	units: {
		stadtteil: new Set(['101', '102', '201', '202', '214']),
		stadtbezirk: new Set(['1', '2']),
		bildungsregion: new Set(['nord', 'hallschlag']),
		stadt: new Set(['08111000'])
	},
	indicators: ['betreuungsquote_u3', 'kinder_sgb2'],
	years: [2021, 2022, 2023, 2024]
};
const parse = (query: string) => parseCompare(new URLSearchParams(query), CTX);

describe('parseCompare', () => {
	it('reads units of every kind in order, the indicators and the year', () => {
		const { state, problems } = parse(
			'gebiete=stadtteil:214,bildungsregion:hallschlag,stadtbezirk:2,stadt&indikatoren=kinder_sgb2,betreuungsquote_u3&jahr=2023'
		);
		expect(problems).toEqual([]);
		expect(state).toEqual({
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
		expect(parse('')).toEqual({ state: { units: [], indicators: [], year: null }, problems: [] });
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
		[`gebiete=${'stadtteil:214,'.repeat(200)}`, "Parameter 'gebiete' ist zu lang"]
	])('%s is reported: %s', (query, problem) => {
		const { problems } = parse(query);
		expect(problems.join(' ')).toContain(problem);
	});

	it('keeps what is usable beside what is not', () => {
		const { state } = parse('gebiete=stadtteil:999,stadtteil:214&indikatoren=zirkus,kinder_sgb2&jahr=x');
		expect(state).toEqual({
			units: [{ kind: 'stadtteil', key: '214' }],
			indicators: ['kinder_sgb2'],
			year: null
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

describe('serializeCompare', () => {
	it.each([
		'gebiete=stadtteil%3A214%2Cbildungsregion%3Ahallschlag%2Cstadt&indikatoren=kinder_sgb2%2Cbetreuungsquote_u3&jahr=2024',
		'gebiete=stadtbezirk%3A1%2Cstadtbezirk%3A2',
		''
	])('round-trips %s', (query) => {
		const { state, problems } = parse(query);
		expect(problems).toEqual([]);
		expect(serializeCompare(state).toString()).toBe(query);
		expect(parse(serializeCompare(state).toString()).state).toEqual(state);
	});
});
