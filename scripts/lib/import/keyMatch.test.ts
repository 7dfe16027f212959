import { describe, expect, it } from 'vitest';
import { createKeyMatcher, editDistance, foldName, nameForms, suggest, type AreaUnit } from './keyMatch';

const UNITS: AreaUnit[] = [
	{ key: '101', name: 'Oberer Schlossgarten' },
	{ key: '102', name: 'Rathaus' },
	{ key: '125', name: 'Weißenhof' },
	{ key: '205', name: 'Bad Cannstatt' },
	{ key: '007', name: 'Lemberg/Föhrich' },
	{ key: '310', name: 'St. Georgen' },
	{ key: '411', name: 'Mühlhausen' },
	{ key: '512', name: 'Neugereut' },
	{ key: '513', name: 'Neugereut' }
];
const matcher = createKeyMatcher(UNITS);

describe('nameForms / foldName', () => {
	it.each([
		['Lemberg / Föhrich', ['lembergfoehrich', 'lembergfohrich']],
		['Weißenhof', ['weissenhof']],
		['Bad-Cannstatt', ['badcannstatt']],
		['St. Georgen', ['sanktgeorgen']],
		['Sankt Georgen', ['sanktgeorgen']],
		['Stöckach', ['stoeckach', 'stockach']],
		['Café René', ['caferene']]
	])('%s -> %j', (name, forms) => {
		expect(nameForms(name)).toEqual(forms);
		expect(foldName(name)).toBe(forms[0]);
	});
});

describe('createKeyMatcher', () => {
	it.each([
		['101', '101', 'key'],
		[' 101 ', '101', 'key'],
		['0101', '101', 'key-zeros'],
		['7', '007', 'key-zeros'],
		['07', '007', 'key-zeros'],
		['007', '007', 'key'],
		['101.0', '101', 'key'],
		['101,0', '101', 'key'],
		['08111000101', '101', 'official-key'],
		['081110001-101', '101', 'official-key'],
		['08111000 101', '101', 'official-key'],
		['101 Oberer Schlossgarten', '101', 'key-name'],
		['101 - Oberer Schlossgarten', '101', 'key-name'],
		['7 Lemberg/Föhrich', '007', 'key-name'],
		['Oberer Schlossgarten (101)', '101', 'key-name'],
		['101 Ob. Schlossgarten', '101', 'key-name'],
		['oberer schlossgarten', '101', 'name'],
		['OBERER SCHLOSSGARTEN', '101', 'name'],
		['Weissenhof', '125', 'name'],
		['Weißenhof', '125', 'name'],
		['Bad-Cannstatt', '205', 'name'],
		['Bad  Cannstatt', '205', 'name'],
		['Lemberg / Föhrich', '007', 'name'],
		['Lemberg-Foehrich', '007', 'name'],
		['Lemberg/Fohrich', '007', 'name'],
		['Sankt Georgen', '310', 'name'],
		['St.Georgen', '310', 'name'],
		['Muehlhausen', '411', 'name']
	])('%j -> %s (%s)', (raw, key, via) => {
		expect(matcher.match(raw)).toEqual({ key, via });
	});

	it('suggests up to three close names for an unknown name', () => {
		const m = matcher.match('Obrer Schlosgarten');
		expect(m).toEqual({
			problem: 'Gebiet „Obrer Schlosgarten“ ist unbekannt',
			suggestions: ['101 Oberer Schlossgarten']
		});
	});

	it('suggests keys one digit away for an unknown key', () => {
		const m = matcher.match('103');
		expect('problem' in m && m.suggestions).toEqual(['101 Oberer Schlossgarten', '102 Rathaus']);
	});

	it('names every candidate of an ambiguous name', () => {
		expect(matcher.match('Neugereut')).toEqual({
			problem: 'Name „Neugereut“ passt auf mehrere Gebiete: 512 Neugereut, 513 Neugereut',
			suggestions: ['512 Neugereut', '513 Neugereut']
		});
	});

	it('reports key and name that contradict each other', () => {
		const m = matcher.match('102 Oberer Schlossgarten');
		expect(m).toMatchObject({ problem: expect.stringContaining('Schlüssel 102 gehört zu „Rathaus“') });
		expect('problem' in m && m.suggestions).toEqual(['102 Rathaus', '101 Oberer Schlossgarten']);
	});

	it('reports an unknown key beside a known name', () => {
		expect(matcher.match('999 Rathaus')).toEqual({
			problem: '„999 Rathaus“: Schlüssel 999 ist unbekannt, der Name passt zu 102 Rathaus',
			suggestions: ['102 Rathaus']
		});
	});

	it.each([
		['', 'Gebiet fehlt'],
		['   ', 'Gebiet fehlt'],
		['Stuttgart', 'Gebiet „Stuttgart“ ist unbekannt'],
		// Short digit strings are never read as long official keys.
		['1101', 'Gebiet „1101“ ist unbekannt'],
		['99', 'Gebiet „99“ ist unbekannt']
	])('%j is a problem', (raw, problem) => {
		expect(matcher.match(raw)).toMatchObject({ problem });
	});

	it('refuses a long key that ends with more than one area key', () => {
		const m = createKeyMatcher([
			{ key: '1', name: 'A' },
			{ key: '101', name: 'B' }
		]).match('08111000101');
		expect(m).toMatchObject({ problem: expect.stringContaining('mehrere Gebietsschlüssel (1, 101)') });
	});

	it('uses the official prefix when given', () => {
		const withPrefix = createKeyMatcher(UNITS, { prefix: '08111000' });
		expect(withPrefix.match('08111000101')).toEqual({ key: '101', via: 'official-key' });
		expect(withPrefix.match('08111000007')).toEqual({ key: '007', via: 'official-key' });
		expect(withPrefix.match('09162000101')).toMatchObject({ problem: expect.any(String) });
	});

	it('does not mutate its input', () => {
		const units = UNITS.map((u) => ({ ...u }));
		const copy = structuredClone(units);
		createKeyMatcher(units).match('Weissenhof');
		expect(units).toEqual(copy);
	});
});

describe('editDistance', () => {
	it.each([
		['', '', 0],
		['kitten', 'sitting', 3],
		['abc', '', 3],
		['rathaus', 'rathaus', 0]
	])('%s / %s -> %i', (a, b, d) => {
		expect(editDistance(a, b)).toBe(d);
		expect(editDistance(b, a)).toBe(d);
	});
});

describe('suggest', () => {
	it('ranks by folded distance and leaves out far-off candidates', () => {
		expect(suggest('Betreuungsqoute u3', ['betreuungsquote_u3', 'betreuungsquote_3_6', 'einwohner'])).toEqual(
			['betreuungsquote_u3', 'betreuungsquote_3_6']
		);
		expect(suggest('xyz', ['einwohner'])).toEqual([]);
	});

	it('counts containment as close', () => {
		expect(suggest('Schlossgarten', ['Oberer Schlossgarten', 'Rathaus'])).toEqual(['Oberer Schlossgarten']);
	});
});
