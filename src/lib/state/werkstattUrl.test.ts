import { describe, expect, it } from 'vitest';
import { dashboardQuery, parseSchritt, viewTitle, withSchritt, type TitleContext } from './werkstattUrl';

const parse = (query: string, count = 3) => parseSchritt(new URLSearchParams(query), count);

describe('parseSchritt', () => {
	it.each([
		['', 1],
		['schritt=1', 1],
		['schritt=3', 3],
		['schritt=%202%20', 2]
	])('%j -> step %i without problems', (query, step) => {
		expect(parse(query)).toEqual({ step, problems: [] });
	});

	it.each([
		['schritt=0', 1, "Parameter 'schritt': ‚0‘ gibt es nicht (1 bis 3); gezeigt wird Schritt 1."],
		['schritt=9', 3, 'gezeigt wird Schritt 3'],
		['schritt=99999', 1, '‚99999‘ gibt es nicht'],
		['schritt=-1', 1, '‚-1‘ gibt es nicht'],
		['schritt=2.5', 1, '‚2.5‘ gibt es nicht'],
		['schritt=1e1', 1, '‚1e1‘ gibt es nicht'],
		['schritt=abc', 1, '‚abc‘ gibt es nicht'],
		['schritt=%3Cscript%3E', 1, '‚<script>‘ gibt es nicht'],
		['schritt=', 1, '‚‘ gibt es nicht'],
		['schritt=2&schritt=3', 2, "Parameter 'schritt' ist 2-mal angegeben"],
		[`schritt=${'1'.repeat(2000)}`, 1, "Parameter 'schritt' ist zu lang"]
	])('%j falls back to step %i with a German notice', (query, step, message) => {
		const result = parse(query);
		expect(result.step).toBe(step);
		expect(result.problems).toHaveLength(1);
		expect(result.problems[0]).toContain(message);
	});

	it('an empty agenda has step 0 and ignores the parameter', () => {
		expect(parse('schritt=5', 0)).toEqual({ step: 0, problems: [] });
	});
});

describe('withSchritt', () => {
	it('writes the step first and keeps other parameters', () => {
		expect(withSchritt(new URLSearchParams('stadt=x&schritt=1'), 2).toString()).toBe('schritt=2&stadt=x');
		expect(withSchritt(new URLSearchParams('schritt=4&stadt=x'), 0).toString()).toBe('stadt=x');
	});

	it.each([1, 2, 17, 50])('round-trips step %i', (step) => {
		const params = withSchritt(new URLSearchParams('stadt=x'), step);
		expect(parseSchritt(params, 50)).toEqual({ step, problems: [] });
	});
});

describe('dashboardQuery', () => {
	it.each([
		['https://example.org/?indikator=x&jahr=2023&stadt=y', 'indikator=x&jahr=2023'],
		['http://localhost:4173/?modus=luecken&phase=primar#karte', 'modus=luecken&phase=primar'],
		['/?ebene=stadtbezirk&schritt=2', 'ebene=stadtbezirk'],
		['?karte=9.1800,48.7800,11.25', 'karte=9.1800%2C48.7800%2C11.25'],
		['indikator=x&foo=1', 'indikator=x'],
		['https://example.org/', ''],
		['  https://example.org/?gebiet=214  ', 'gebiet=214']
	])('%j -> %j', (link, query) => expect(dashboardQuery(link)).toBe(query));

	it.each(['', 'Hallo Welt', 'foo=1', 'x'.repeat(5000)])('%j is no dashboard link', (link) => {
		expect(dashboardQuery(link)).toBeNull();
	});
});

describe('viewTitle', () => {
	const ctx: TitleContext = {
		indicators: [{ id: 'quote', title: 'Betreuungsquote' }],
		levels: [
			{ id: 'stadtteil', labelPlural: 'Stadtteile' },
			{ id: 'stadtbezirk', labelPlural: 'Stadtbezirke' }
		],
		phases: [{ id: 'primar', label: 'Primarbereich' }]
	};
	const base = {
		mode: 'indicator',
		phase: 'fruehe',
		level: 'stadtteil',
		indicator: 'quote',
		year: 2023,
		since: null
	} as const;

	it.each([
		[base, 'Betreuungsquote 2023'],
		[{ ...base, since: 2021 }, 'Betreuungsquote 2021–2023'],
		[
			{ ...base, mode: 'gaps', phase: 'primar', level: 'stadtbezirk' },
			'Förderlücken Primarbereich, Stadtbezirke'
		],
		[{ ...base, indicator: 'unbekannt' }, 'unbekannt 2023']
	] as const)('%j -> %j', (state, title) => expect(viewTitle(state, ctx)).toBe(title));
});
