import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CityConfig, ValuesWire } from '../../../src/lib/domain/types';
import type { IndicatorSource } from '../../../src/lib/domain/validateSources';
import { buildCity } from '../build';
import { TESTORT_CATALOG, TESTORT_CITY, writeTestort } from '../testort.test-helpers';
import { CityDraft } from './cityDraft';
import { makeTempDir } from './formats/fixtures.test-helpers';
import { importIndicators, type IndicatorImportOptions } from './indicators';
import { copyStuttgart } from './stuttgart.test-helpers';
import { cp1252, issuesOf, lines, snapshotDir, writeInput } from './importer.test-helpers';
import type { ValidationIssue } from './types';

/** Testort with official indicators: no demo marks, a source for each. */
const REAL_CITY: CityConfig = { ...TESTORT_CITY, demo: { ...TESTORT_CITY.demo, indicators: false } };
const REAL_CATALOG = {
	indicators: TESTORT_CATALOG.indicators.map((i) => ({ ...i, demo: false, source: 'Statistikamt Testort' }))
};
const REAL = {
	'city.json': JSON.stringify(REAL_CITY),
	'indicators.catalog.json': JSON.stringify(REAL_CATALOG)
};

let tmp: { dir: string; cleanup: () => void };
let geodata: string;
let cityDir: string;

beforeEach(() => {
	tmp = makeTempDir('bildungslandkarte-indicators-');
	geodata = join(tmp.dir, 'geodata');
	cityDir = writeTestort(geodata);
});
afterEach(() => tmp.cleanup());

const input = (name: string, content: string | Uint8Array) => writeInput(tmp.dir, name, content);

const snapshot = () => snapshotDir(cityDir);

const run = (draft: CityDraft, opts: IndicatorImportOptions) => importIndicators(draft, opts);

const catalogOf = (draft: CityDraft) =>
	draft.json<{ indicators: IndicatorSource[] }>('indicators.catalog.json')!.indicators;
const entry = (draft: CityDraft, id: string) => catalogOf(draft).find((i) => i.id === id);

/** What German Excel saves from a statistics office's table: title above, source below. */
const EXCEL_TABLE = [
	'Tabelle 4: Testquote nach Stadtteilen;;;;;;',
	';;;;;;',
	'Stadtteil;2023 Zähler;2023 Nenner;2023 Quote;2024 Zähler;2024 Nenner;2024 Quote',
	'011 Südwest;1.020;2.040;50,0;.;2.100;.',
	'Südost;x;1.500;x;1.530;3.000;51,0',
	'Stadtbezirk Süd;1.020;3.540;…;1.530;5.100;…',
	'Nordwest;...;...;...;12;40;30,0',
	'Nordost;–;-;-;20;50;40,0',
	'Stadt insgesamt;...;...;...;1.562;5.190;...',
	';;;;;;',
	'Quelle: Statistisches Landesamt Testland, Sonderauswertung;;;;;;'
].join('\r\n');

describe('importIndicators: reading and merging', () => {
	it('takes an Excel table (Windows-1252, title and source lines, wide by year, Zähler/Nenner) in place of the demo values', async () => {
		const file = input('Testquote.csv', cp1252(EXCEL_TABLE));
		const draft = new CityDraft(geodata, 'testort');
		const report = await run(draft, {
			file,
			indicator: 'quote',
			source: 'Statistisches Landesamt Testland 2024'
		});

		expect(lines(draft.text('indicators.csv'))).toEqual([
			'indicator,year,area,numerator,denominator',
			'quote,2023,11,1020,2040',
			'quote,2023,12,.,1500',
			'quote,2023,21,,',
			'quote,2023,22,,',
			'quote,2024,11,.,2100',
			'quote,2024,12,1530,3000',
			'quote,2024,21,12,40',
			'quote,2024,22,20,50',
			// The other indicator keeps its (demo) values.
			'anzahl,2023,11,100,',
			'anzahl,2023,12,200,',
			'anzahl,2023,21,300,',
			'anzahl,2023,22,400,'
		]);
		expect(entry(draft, 'quote')).toMatchObject({
			demo: false,
			source: 'Statistisches Landesamt Testland 2024'
		});
		expect(entry(draft, 'anzahl')).toMatchObject({ demo: true, source: 'Test' });
		// anzahl is still demo data, so the city keeps its demo mark and city.json is untouched.
		expect(draft.changes).toEqual(['indicators.csv', 'indicators.catalog.json']);

		const facts = Object.fromEntries(report.facts);
		expect(facts['Datei']).toBe(`${file} (Windows-1252, Trennzeichen Semikolon)`);
		expect(facts['Aufbau']).toBe('breit (eine Spalte je Jahr)');
		expect(facts['Übersprungen']).toBe('2 Zeilen über oder unter der Tabelle (Titel, Fußnoten)');
		expect(facts['Indikatoren']).toBe('quote');
		expect(facts['Jahre']).toBe('2023, 2024');
		expect(facts['Gebiete']).toBe('4 von 4 Stadtteilen zugeordnet');
		expect(facts['Werte']).toBe('8 (4 Zahlen, 2 geheim gehalten, 2 ohne Daten)');
		expect(facts['Ersetzt']).toBe('alle Demowerte von quote');
		expect(report.warnings).toEqual(
			expect.arrayContaining([
				'1 Summenzeile(n) übersprungen (die Stadt wird berechnet)',
				'1 Zeile(n) mit Stadtbezirken übersprungen (Bezirke werden berechnet)',
				'Demowerte von quote entfernt; der Indikator ist jetzt amtlich (Statistisches Landesamt Testland 2024)'
			])
		);
	});

	it('builds with the imported counts: Bezirke are sum of numerators over sum of denominators', async () => {
		const file = input('Testquote.csv', cp1252(EXCEL_TABLE));
		const draft = new CityDraft(geodata, 'testort');
		await run(draft, { file, indicator: 'quote', source: 'Statistisches Landesamt Testland 2024' });
		expect(draft.check().blocking).toEqual([]);
		draft.commit();
		expect(readFileSync(join(cityDir, 'indicators.csv'), 'utf8')).toContain('quote,2024,21,12,40\n');

		const out = join(tmp.dir, 'out');
		const built = buildCity({ city: 'testort', geodataDir: geodata, outDir: out });
		if (!built.ok) throw new Error(built.issues.map((i) => i.message).join('\n'));
		expect(built.summary.years).toEqual([2023, 2024]);
		const values = JSON.parse(readFileSync(join(out, 'testort', 'values.json'), 'utf8')) as ValuesWire;
		const q24 = values.indicators.quote!['2024']!;
		expect(q24.stadtteil).toMatchObject({ n: ['g', 1530, 12, 20], d: [null, 3000, 40, 50] });
		// Nord: (12 + 20) / (40 + 50) = 35.6 %, not the mean of 30 % and 40 %.
		expect(q24.stadtbezirk?.n[1]).toBe(32);
		expect(q24.stadtbezirk?.d?.[1]).toBe(90);
		const q23 = values.indicators.quote!['2023']!;
		// Symbols stayed symbols: suppressed, missing – no zero anywhere.
		expect(q23.stadtteil?.n.slice(1)).toEqual(['g', null, null]);
	});

	it('reads the long layout with numerator and denominator; the city loses its demo mark with the last demo indicator', async () => {
		const file = input(
			'werte.csv',
			[
				'Gebiet,Jahr,Indikator,Zähler,Nenner',
				'Südwest,2024,quote,5,40',
				'Südost,2024,quote,15,60',
				'Nordwest,2024,quote,25,50',
				'Nordost,2024,quote,20,50',
				'011,2024,anzahl,"1,100",',
				'12,2024,anzahl,"1,200",',
				'21,2024,anzahl,"1,300",',
				'22,2024,anzahl,"1,400",'
			].join('\n')
		);
		const draft = new CityDraft(geodata, 'testort');
		const report = await run(draft, { file, source: 'Statistikamt Testort, Stichtag 31.12.2024' });
		expect(Object.fromEntries(report.facts)['Aufbau']).toBe(
			'lang (eine Zeile je Gebiet, Indikator und Jahr)'
		);
		expect(lines(draft.text('indicators.csv'))).toEqual([
			'indicator,year,area,numerator,denominator',
			'quote,2024,11,5,40',
			'quote,2024,12,15,60',
			'quote,2024,21,25,50',
			'quote,2024,22,20,50',
			'anzahl,2024,11,1100,',
			'anzahl,2024,12,1200,',
			'anzahl,2024,21,1300,',
			'anzahl,2024,22,1400,'
		]);
		expect(catalogOf(draft).map((i) => [i.id, i.demo, i.source])).toEqual([
			['quote', false, 'Statistikamt Testort, Stichtag 31.12.2024'],
			['anzahl', false, 'Statistikamt Testort, Stichtag 31.12.2024']
		]);
		const city = draft.json<CityConfig>('city.json')!;
		expect(city.demo).toEqual({ ...TESTORT_CITY.demo, indicators: false });
		expect(draft.check().blocking).toEqual([]);
	});

	it.each<[string, string, string]>([
		['. (geheim gehalten)', '.', '.'],
		['x (Tabellenfach gesperrt)', 'x', '.'],
		['- (nichts vorhanden)', '-', ''],
		['... (Angabe fällt später an)', '...', ''],
		['an empty cell', '', '']
	])('%s: „%s“ is stored as „%s“, never as 0', async (_, symbol, stored) => {
		writeTestort(geodata, REAL);
		const file = input(
			'symbole.csv',
			[
				'Stadtteil;Jahr;Indikator;Zähler;Nenner',
				`Südwest;2024;quote;${symbol};40`,
				`Südwest;2024;anzahl;${symbol};`
			].join('\n')
		);
		const draft = new CityDraft(geodata, 'testort');
		await run(draft, { file });
		const csv = lines(draft.text('indicators.csv'));
		expect(csv).toContain(`quote,2024,11,${stored},40`);
		expect(csv).toContain(`anzahl,2024,11,${stored},`);
		expect(draft.check().blocking).toEqual([]);
	});

	it('replaces only the same indicator, year and area of an official indicator and keeps the other years', async () => {
		writeTestort(geodata, REAL);
		const file = input('quote-2023.csv', 'Stadtteil;Zähler;Nenner\n11;4;40\n21;.;50\n');
		const draft = new CityDraft(geodata, 'testort');
		const report = await run(draft, { file, indicator: 'quote', year: '2023' });
		expect(lines(draft.text('indicators.csv'))).toEqual([
			'indicator,year,area,numerator,denominator',
			'quote,2022,11,10,40',
			'quote,2022,12,30,60',
			'quote,2022,21,.,50',
			'quote,2022,22,,',
			'quote,2023,11,4,40',
			'quote,2023,12,30,60',
			'quote,2023,21,.,50',
			'quote,2023,22,20,50',
			'anzahl,2023,11,100,',
			'anzahl,2023,12,200,',
			'anzahl,2023,21,300,',
			'anzahl,2023,22,400,'
		]);
		expect(Object.fromEntries(report.facts)['Ersetzt']).toBe('2 vorhandene Werte');
		// The catalog's source stays; the city was official before and stays so.
		expect(entry(draft, 'quote')).toMatchObject({ demo: false, source: 'Statistikamt Testort' });
		expect(draft.changes).not.toContain('city.json');
		expect(draft.check().blocking).toEqual([]);
	});

	it('keeps further columns of indicators.csv with their rows', async () => {
		writeTestort(geodata, {
			...REAL,
			'indicators.csv': [
				'indicator,year,area,numerator,denominator,anmerkung',
				'quote,2022,11,10,40,geschätzt',
				'quote,2022,12,30,60,',
				'quote,2022,21,25,50,',
				'quote,2022,22,20,50,'
			].join('\n')
		});
		const file = input('quote-2023.csv', 'Stadtteil;Zähler;Nenner\n11;4;40\n');
		const draft = new CityDraft(geodata, 'testort');
		await run(draft, { file, indicator: 'quote', year: '2023' });
		expect(lines(draft.text('indicators.csv')).slice(0, 2)).toEqual([
			'indicator,year,area,numerator,denominator,anmerkung',
			'quote,2022,11,10,40,geschätzt'
		]);
		expect(lines(draft.text('indicators.csv'))).toContain('quote,2023,11,4,40,');
	});

	it('gives the same files when the same table is imported again', async () => {
		const file = input('Testquote.csv', cp1252(EXCEL_TABLE));
		const first = new CityDraft(geodata, 'testort');
		await run(first, { file, indicator: 'quote', source: 'Statistisches Landesamt Testland 2024' });
		first.commit();
		const after = snapshot();
		// The indicator is official now: its source is in the catalog, --source is not needed again.
		const again = new CityDraft(geodata, 'testort');
		const report = await run(again, { file, indicator: 'quote' });
		expect(Object.fromEntries(report.facts)['Ersetzt']).toBe('8 vorhandene Werte');
		again.commit();
		expect(snapshot()).toEqual(after);
	});

	it('adds a new year after the existing ones', async () => {
		writeTestort(geodata, REAL);
		const file = input('anzahl.csv', 'Stadtteil;2025\nSüdwest;110\nNordost;410\n');
		const draft = new CityDraft(geodata, 'testort');
		const report = await run(draft, { file, indicator: 'anzahl' });
		expect(lines(draft.text('indicators.csv')).slice(-6)).toEqual([
			'anzahl,2023,11,100,',
			'anzahl,2023,12,200,',
			'anzahl,2023,21,300,',
			'anzahl,2023,22,400,',
			'anzahl,2025,11,110,',
			'anzahl,2025,22,410,'
		]);
		expect(Object.fromEntries(report.facts)['Ersetzt']).toBe('0 vorhandene Werte');
		expect(Object.fromEntries(report.facts)['Gebiete']).toBe('2 von 4 Stadtteilen zugeordnet');
	});
});

describe('importIndicators: demo data and sources', () => {
	it('refuses to mix official values into a demo indicator without --source', async () => {
		const before = snapshot();
		const file = input('Testquote.csv', cp1252(EXCEL_TABLE));
		const draft = new CityDraft(geodata, 'testort');
		const issues = await issuesOf(() => run(draft, { file, indicator: 'quote' }));
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({ file: '--source' });
		expect(issues[0]!.message).toBe(
			'Quelle für „Quote“ (quote) fehlt: der Indikator war als Demodaten gekennzeichnet'
		);
		expect(issues[0]!.hint).toContain('--source "');
		expect(draft.changes).toEqual([]);
		expect(snapshot()).toEqual(before);
	});

	it.each([[''], ['   ']])('refuses a blank --source („%s“)', async (source) => {
		const before = snapshot();
		const file = input('Testquote.csv', cp1252(EXCEL_TABLE));
		const draft = new CityDraft(geodata, 'testort');
		const issues = await issuesOf(() => run(draft, { file, indicator: 'quote', source }));
		expect(issues.map((i) => [i.file, i.message])).toEqual([['--source', '--source ist leer']]);
		expect(draft.changes).toEqual([]);
		expect(snapshot()).toEqual(before);
	});

	it('refuses an official indicator whose catalog names demo data as source', async () => {
		writeTestort(geodata, {
			...REAL,
			'indicators.catalog.json': JSON.stringify({
				indicators: REAL_CATALOG.indicators.map((i) => ({ ...i, source: 'Demodaten (erfunden)' }))
			})
		});
		const file = input('anzahl.csv', 'Stadtteil;2024\n11;100\n');
		const issues = await issuesOf(() =>
			run(new CityDraft(geodata, 'testort'), { file, indicator: 'anzahl' })
		);
		expect(issues.map((i) => [i.file, i.message])).toEqual([
			['--source', 'Quelle für „Anzahl“ (anzahl) fehlt: der Katalog nennt keine']
		]);
	});

	it('takes a standard indicator from the template catalog into a new city', async () => {
		copyStuttgart(geodata);
		writeTestort(geodata, REAL);
		const stuttgart = (
			JSON.parse(readFileSync(join(geodata, 'stuttgart', 'indicators.catalog.json'), 'utf8')) as {
				indicators: IndicatorSource[];
			}
		).indicators.find((i) => i.id === 'einwohner')!;
		const file = input('einwohner.csv', 'Stadtteil;2023;2024\n11;1.000;1.010\n12;2.000;2.020\n');

		const withoutSource = await issuesOf(() =>
			run(new CityDraft(geodata, 'testort'), { file, indicator: 'einwohner' })
		);
		expect(withoutSource.map((i) => i.file)).toEqual(['--source']);

		const draft = new CityDraft(geodata, 'testort');
		const report = await run(draft, { file, indicator: 'einwohner', source: 'Einwohnerregister Testort' });
		expect(catalogOf(draft).map((i) => i.id)).toEqual(['quote', 'anzahl', 'einwohner']);
		expect(entry(draft, 'einwohner')).toEqual({
			...stuttgart,
			demo: false,
			source: 'Einwohnerregister Testort'
		});
		expect(report.warnings).toContain('Indikator einwohner aus der Vorlage in den Katalog übernommen');
		expect(lines(draft.text('indicators.csv')).slice(-4)).toEqual([
			'einwohner,2023,11,1000,',
			'einwohner,2023,12,2000,',
			'einwohner,2024,11,1010,',
			'einwohner,2024,12,2020,'
		]);
		expect(draft.check().blocking).toEqual([]);
		// The template itself is not touched.
		expect(readFileSync(join(geodata, 'stuttgart', 'indicators.catalog.json'), 'utf8')).toContain(
			'"demo": true'
		);
	});

	it('gives a city with an empty catalog the template definitions its table names by title', async () => {
		copyStuttgart(geodata);
		writeTestort(geodata, {
			'city.json': JSON.stringify({
				...TESTORT_CITY,
				demo: { ...TESTORT_CITY.demo, indicators: false, lernorte: false, population: false }
			}),
			'indicators.catalog.json': JSON.stringify({ indicators: [] }),
			'indicators.csv': 'indicator,year,area,numerator,denominator\n'
		});
		const file = input(
			'sozialdaten.csv',
			[
				'Nr;Name;Einwohnerinnen und Einwohner;Kinder in SGB-II-Bedarfsgemeinschaften Zähler;Kinder in SGB-II-Bedarfsgemeinschaften Nenner',
				'11;Südwest;1.200;30;150',
				'12;Südost;2.400;x;300',
				'21;Nordwest;1.800;45;200',
				'22;Nordost;900;12;100'
			].join('\n')
		);
		const draft = new CityDraft(geodata, 'testort');
		const report = await run(draft, { file, year: '2024', source: 'Jobcenter Testort, Einwohnerregister' });
		expect(Object.fromEntries(report.facts)['Aufbau']).toBe('breit (eine Spalte je Indikator)');
		expect(catalogOf(draft).map((i) => [i.id, i.kind, i.demo, i.source])).toEqual([
			['einwohner', 'count', false, 'Jobcenter Testort, Einwohnerregister'],
			['kinder_sgb2', 'ratio', false, 'Jobcenter Testort, Einwohnerregister']
		]);
		expect(lines(draft.text('indicators.csv'))).toEqual([
			'indicator,year,area,numerator,denominator',
			'einwohner,2024,11,1200,',
			'einwohner,2024,12,2400,',
			'einwohner,2024,21,1800,',
			'einwohner,2024,22,900,',
			'kinder_sgb2,2024,11,30,150',
			'kinder_sgb2,2024,12,.,300',
			'kinder_sgb2,2024,21,45,200',
			'kinder_sgb2,2024,22,12,100'
		]);
		expect(draft.changes).not.toContain('city.json');
		expect(draft.check()).toEqual({ blocking: [], open: [] });
	});

	it('looks for template definitions only in the city named by templateCity', async () => {
		copyStuttgart(geodata);
		writeTestort(geodata, REAL);
		const file = input('einwohner.csv', 'Stadtteil;2024\n11;1.000\n');
		const issues = await issuesOf(() =>
			run(new CityDraft(geodata, 'testort'), {
				file,
				indicator: 'einwohner',
				source: 'Einwohnerregister',
				templateCity: 'musterstadt'
			})
		);
		expect(issues.map((i) => i.file)).toEqual(['--indicator']);
		expect(issues[0]!.hint).toContain('quote, anzahl');
	});
});

describe('importIndicators: errors name file, line and column and change nothing', () => {
	it.each<[string, string, Partial<ValidationIssue>, string]>([
		[
			'text in a number cell',
			'Stadtteil;2024 Zähler;2024 Nenner\n11;zehn;40\n',
			{ row: 2, column: '2024 Zähler', message: '„zehn“ ist keine Zahl: Text statt einer Zahl' },
			'Zahl in deutscher Schreibweise'
		],
		[
			'a numerator larger than its denominator',
			'Titel der Tabelle\nStadtteil;2024 Zähler;2024 Nenner\n11;50;40\n',
			{ row: 3, column: '2024 Zähler', message: 'Zähler 50 ist größer als der Nenner 40' },
			'vertauscht?'
		],
		[
			'an unknown area key',
			'Stadtteil;2024 Zähler;2024 Nenner\n11;5;40\n13;5;40\n',
			{ row: 3, column: 'Stadtteil', message: 'Gebiet „13“ ist unbekannt' },
			'Meinten Sie 11 Südwest / 12 Südost?'
		],
		[
			'a misspelt area name',
			'Stadtteil;2024 Zähler;2024 Nenner\nSüdwst;5;40\n',
			{ row: 2, column: 'Stadtteil' },
			'11 Südwest'
		],
		[
			'the same area twice',
			'Stadtteil;2024 Zähler;2024 Nenner\n11;5;40\n011 Südwest;6;40\n',
			{ row: 3, message: 'Doppelte Werte für quote 2024, Gebiet 11: Zeile 2 und Zeile 3' },
			'Nur eine Zeile'
		],
		[
			'an unknown indicator',
			'Stadtteil;Jahr;Indikator;Zähler;Nenner\n11;2024;qoute;5;40\n',
			{ row: 2, column: 'Indikator', message: 'Indikator „qoute“ fehlt im Katalog' },
			'Meinten Sie quote'
		],
		[
			'a ratio without denominator',
			'Stadtteil;2024 Quote\n11;12,5\n',
			{ row: 1, column: '2024 Quote' },
			'„2024 Zähler“ und „2024 Nenner“'
		]
	])('%s', async (_, text, expected, hint) => {
		writeTestort(geodata, REAL);
		const before = snapshot();
		const file = input('amt.csv', text);
		const draft = new CityDraft(geodata, 'testort');
		const issues = await issuesOf(() => run(draft, { file, indicator: 'quote' }));
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({ file, ...expected });
		expect(issues[0]!.hint).toContain(hint);
		expect(draft.changes).toEqual([]);
		expect(snapshot()).toEqual(before);
	});

	it.each<[string, Partial<IndicatorImportOptions>, string, string]>([
		['a missing file', { file: 'gibt-es-nicht.csv' }, 'gibt-es-nicht.csv', 'Datei nicht gefunden'],
		['a year that is no year', { year: '24' }, '--year', '„24“ ist kein Jahr'],
		[
			'an indicator that is not in the catalog',
			{ indicator: 'quota' },
			'--indicator',
			'Indikator „quota“ steht nicht im Katalog'
		]
	])('%s', async (_, opts, file, message) => {
		const before = snapshot();
		const table = input('amt.csv', 'Stadtteil;2024\n11;100\n');
		const issues = await issuesOf(() =>
			run(new CityDraft(geodata, 'testort'), { file: table, indicator: 'anzahl', source: 'Amt', ...opts })
		);
		expect(issues).toHaveLength(1);
		expect(issues[0]!.file).toBe(file);
		expect(issues[0]!.message).toContain(message);
		expect(snapshot()).toEqual(before);
	});

	it('a catalog without a list of indicators is named with the fix', async () => {
		writeTestort(geodata, { 'indicators.catalog.json': '{ "indikatoren": [] }' });
		const before = snapshot();
		const file = input('amt.csv', 'Stadtteil;2024\n11;100\n');
		const issues = await issuesOf(() =>
			run(new CityDraft(geodata, 'testort'), { file, indicator: 'anzahl', source: 'Amt' })
		);
		expect(issues).toHaveLength(1);
		expect(issues[0]!.file).toMatch(/testort\/indicators\.catalog\.json$/);
		expect(issues[0]!.message).toBe('Liste der Indikatoren fehlt');
		expect(snapshot()).toEqual(before);
	});

	it('a city without Stadtteile is sent to the boundaries import first', async () => {
		writeTestort(geodata, { 'stadtteile.csv': 'nr,name,bezirk_nr,bezirk_name,lat,lon\n' });
		const file = input('amt.csv', 'Stadtteil;2024\n11;100\n');
		const issues = await issuesOf(() =>
			run(new CityDraft(geodata, 'testort'), { file, indicator: 'anzahl', source: 'Amt' })
		);
		expect(issues[0]!.message).toBe('Die Stadt hat noch keine Stadtteile');
		expect(issues[0]!.hint).toContain('import -- boundaries');
	});
});
