import { describe, expect, test } from 'vitest';
import { LERNORTE, PROFILE_CATALOG as catalog, PROFILE_VALUES as values } from './fixtures.test-helpers';
import { areaProfile, profileLernorte, type AreaProfile } from './profile';
import { profileIndicatorTable, profileLernortTable } from './profileTables';
import { tableCsv } from './tableExport';
import type { Lernort, ValuesWire } from './types';

const profileOf = (level: string, key: string): AreaProfile => {
	const p = areaProfile(catalog, values, level, key);
	if (!p) throw new Error(`no profile ${level} ${key}`);
	return p;
};

describe('profileIndicatorTable', () => {
	test('a Stadtteil: every phase in one table, with its Stadtbezirk column and notes', () => {
		const t = profileIndicatorTable(profileOf('stadtteil', '101'));
		expect(t.header).toEqual([
			'Bildungsphase',
			'Indikator',
			'Eins-Nord (Stadtteil)',
			'Stadtbezirk Eins',
			'Testdorf (Stadt)',
			'Jahr',
			'Einheit',
			'Quelle',
			'Hinweis'
		]);
		expect(t.rows).toEqual([
			// 101: 10 of 100; Bezirk 1: 40 of 200 without a withheld member; city: 55 of 300.
			[
				'Frühe Bildung',
				'Betreuungsquote U3',
				10,
				20,
				18.3,
				2024,
				'%',
				'Test',
				'Demodaten; ohne geheim gehaltene Teilgebiete berechnet: Stadtbezirk Eins'
			],
			[
				'Kontext',
				'Einwohner',
				1000,
				3000,
				5000,
				2023,
				'Personen',
				'Test',
				'Demodaten; nur intern; Werte von 2023; für 2024 liegen keine vor'
			]
		]);
	});

	test('a Bildungsregion has no Stadtbezirk column; its value is the sum over sums', () => {
		const t = profileIndicatorTable(profileOf('bildungsregion', 'nord'));
		expect(t.header).toEqual([
			'Bildungsphase',
			'Indikator',
			'Nord (Bildungsregion)',
			'Testdorf (Stadt)',
			'Jahr',
			'Einheit',
			'Quelle',
			'Hinweis'
		]);
		expect(t.rows.map((r) => r.length)).toEqual([8, 8]);
		// (10 + 30) / (100 + 100), not the mean of the members' rates.
		expect(t.rows[0]!.slice(2, 5)).toEqual([20, 18.3, 2024]);
	});

	test('withheld and missing values are text, never 0 or an empty cell', () => {
		const suppressed = profileIndicatorTable(profileOf('stadtteil', '201')).rows[0]!;
		expect(suppressed.slice(2, 5)).toEqual(['geheim gehalten', 'geheim gehalten', 18.3]);
		expect(suppressed.at(-1)).toBe('Demodaten; geheim gehalten (kleine Fallzahlen)');

		const missing = profileIndicatorTable(profileOf('stadtteil', '202')).rows[0]!;
		expect(missing.slice(2, 5)).toEqual(['keine Daten', 'geheim gehalten', 18.3]);
		expect(missing.at(-1)).toBe('Demodaten; geheim gehalten (kleine Fallzahlen); keine Daten');
	});

	test('rounds as the page shows: one decimal for a rate', () => {
		const odd: ValuesWire = {
			...values,
			indicators: {
				...values.indicators,
				quote: { '2024': { ...values.indicators.quote!['2024']!, stadt: { n: [1], d: [3] } } }
			}
		};
		const p = areaProfile(catalog, odd, 'stadtteil', '101')!;
		expect(profileIndicatorTable(p).rows[0]![4]).toBe(33.3);
	});

	test('as German CSV: semicolons, decimal commas, the text of withheld values', () => {
		const t = profileIndicatorTable(profileOf('stadtteil', '202'));
		const csv = tableCsv(t.header, t.rows, { german: true });
		const lines = csv.split('\r\n');
		expect(lines[0]).toBe(
			'\ufeffBildungsphase;Indikator;Zwei-Ost (Stadtteil);Stadtbezirk Zwei;Testdorf (Stadt);Jahr;Einheit;Quelle;Hinweis'
		);
		// The notes hold semicolons, so they are quoted.
		expect(lines[1]).toBe(
			'Frühe Bildung;Betreuungsquote U3;keine Daten;geheim gehalten;18,3;2024;%;Test;"Demodaten; geheim gehalten (kleine Fallzahlen); keine Daten"'
		);
		expect(lines[2]).toBe(
			'Kontext;Einwohner;1500;2000;5000;2023;Personen;Test;"Demodaten; nur intern; Werte von 2023; für 2024 liegen keine vor"'
		);
	});

	test('does not mutate the profile', () => {
		const p = profileOf('stadtteil', '101');
		const before = JSON.stringify(p);
		profileIndicatorTable(p);
		expect(JSON.stringify(p)).toBe(before);
	});
});

describe('profileLernortTable', () => {
	const sites: Lernort[] = [
		...LERNORTE,
		{
			...LERNORTE[0]!,
			id: 'f',
			name: 'Alpha-Kita',
			address: 'Weg 1',
			source: 'Amt',
			stadtteil: '102',
			demo: false
		}
	];

	test('the Lernorte in the order of the page, with type, address and Stadtteil by name', () => {
		const t = profileLernortTable(catalog, profileLernorte(catalog, sites, ['101', '102']));
		expect(t.header).toEqual(['Kategorie', 'Art', 'Name', 'Adresse', 'Stadtteil', 'Quelle', 'Hinweis']);
		expect(t.rows).toEqual([
			['Formale Lernorte', 'Kita', 'a', null, 'Eins-Nord', 'Test', 'Demodaten'],
			['Formale Lernorte', 'Kita', 'Alpha-Kita', 'Weg 1', 'Eins-Süd', 'Amt', ''],
			['Formale Lernorte', 'Kita', 'b', null, 'Eins-Nord', 'Test', 'Demodaten'],
			['Non-formale Lernorte', 'Bibliothek', 'd', null, 'Eins-Süd', 'Test', 'Demodaten'],
			['Informelle Lernorte', 'Spielplatz', 'c', null, 'Eins-Nord', 'Test', 'Demodaten']
		]);
	});

	test('an area without Lernorte gives the header only', () => {
		const t = profileLernortTable(catalog, profileLernorte(catalog, sites, ['202']));
		expect(t.rows).toEqual([]);
		expect(tableCsv(t.header, t.rows, { german: true })).toBe(
			'\ufeffKategorie;Art;Name;Adresse;Stadtteil;Quelle;Hinweis\r\n'
		);
	});

	test('does not mutate the Lernorte', () => {
		const l = profileLernorte(catalog, sites, ['101']);
		const before = JSON.stringify(l);
		profileLernortTable(catalog, l);
		expect(JSON.stringify(l)).toBe(before);
	});
});
