import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/domain/csv';
import {
	formatIndicatorCsv,
	formatIndicatorRow,
	importIndicatorTable,
	normalizeIndicatorTable,
	type ImportedIndicatorRow,
	type IndicatorDef,
	type IndicatorTableOptions
} from './indicatorTable';
import type { AreaUnit } from './keyMatch';
import { ImportError } from './types';

const INDICATORS: IndicatorDef[] = [
	{
		id: 'betreuungsquote_u3',
		title: 'Betreuungsquote unter 3 Jahren',
		kind: 'ratio',
		scale: 100,
		numeratorLabel: 'Kinder unter 3 in Betreuung',
		denominatorLabel: 'Kinder unter 3 Jahren'
	},
	{ id: 'uebergang_gymnasium', title: 'Übergang auf das Gymnasium', kind: 'ratio', scale: 100 },
	{ id: 'einwohner', title: 'Einwohnerinnen und Einwohner', kind: 'count', scale: 1 },
	{ id: 'alleinerziehende', title: 'Alleinerziehende', kind: 'ratio', scale: 100 }
];
const UNITS: AreaUnit[] = [
	{ key: '101', name: 'Oberer Schlossgarten' },
	{ key: '102', name: 'Rathaus' },
	{ key: '125', name: 'Weißenhof' },
	{ key: '007', name: 'Lemberg/Föhrich' }
];
const BEZIRKE: AreaUnit[] = [{ key: '1', name: 'Mitte' }];

type Extra = Partial<Omit<IndicatorTableOptions, 'file'>>;
const run = (text: string, extra: Extra = {}) =>
	importIndicatorTable(new TextEncoder().encode(text), {
		file: 'amt.csv',
		indicators: INDICATORS,
		units: UNITS,
		aggregateUnits: BEZIRKE,
		...extra
	});
const n = (value: number) => ({ kind: 'number' as const, value });
const MISSING = { kind: 'missing' as const };
const SUPPRESSED = { kind: 'suppressed' as const };
/** Rows without line numbers, for compact expectations. */
const compact = (rows: ImportedIndicatorRow[]) => rows.map(({ line: _line, ...rest }) => rest);

describe('normalizeIndicatorTable: layouts', () => {
	it('reads the long layout: key, name, Stichtag, indicator by id or title, Zähler/Nenner', () => {
		const r = run(
			[
				'Nr;Stadtteil;Stichtag;Indikator;Zähler;Nenner',
				'101;Oberer Schlossgarten;31.12.2023;betreuungsquote_u3;3;10',
				'0102;Rathaus;31.12.2023;Betreuungsquote unter 3 Jahren;24;58',
				'7;Lemberg / Föhrich;31.12.2023;betreuungsquote_u3;1.024;2.048'
			].join('\n')
		);
		expect(r.issues).toEqual([]);
		expect(r.layout).toBe('long');
		expect(r.delimiter).toBe(';');
		expect(r.rows).toEqual([
			{
				indicator: 'betreuungsquote_u3',
				year: 2023,
				area: '101',
				numerator: n(3),
				denominator: n(10),
				line: 2
			},
			{
				indicator: 'betreuungsquote_u3',
				year: 2023,
				area: '102',
				numerator: n(24),
				denominator: n(58),
				line: 3
			},
			{
				indicator: 'betreuungsquote_u3',
				year: 2023,
				area: '007',
				numerator: n(1024),
				denominator: n(2048),
				line: 4
			}
		]);
	});

	it('reads the long layout in English (area, year, indicator, numerator, denominator)', () => {
		const r = run('area,year,indicator,numerator,denominator\n101,2022,einwohner,"1,234",\n');
		expect(r.issues).toEqual([]);
		expect(compact(r.rows)).toEqual([
			{ indicator: 'einwohner', year: 2022, area: '101', numerator: n(1234) }
		]);
	});

	it('reads one column per year below a title and above a source line; lines count the title', () => {
		const r = run(
			[
				'Tabelle 3: Einwohner nach Stadtteilen;;;',
				';;;',
				'Stadtteil;2021;Jahr 2022;31.12.2023',
				'101 Oberer Schlossgarten;1.234;1.250;1.301',
				'Weissenhof;12;13;x',
				'Stadtbezirk Mitte;1.246;1.263;1.301',
				'Mitte;1.246;1.263;1.301',
				'Stadt insgesamt;2.000;2.100;2.200',
				';;;',
				'Quelle: Statistisches Amt;;;'
			].join('\n'),
			{ indicator: 'einwohner' }
		);
		expect(r.issues).toEqual([]);
		expect(r.layout).toBe('wide-years');
		expect(r.skipped.map((s) => [s.line, s.reason])).toEqual([
			[1, 'title'],
			[10, 'footnote']
		]);
		expect(r.rows.map((x) => [x.area, x.year, x.numerator, x.line])).toEqual([
			['101', 2021, n(1234), 4],
			['101', 2022, n(1250), 4],
			['101', 2023, n(1301), 4],
			['125', 2021, n(12), 5],
			['125', 2022, n(13), 5],
			['125', 2023, SUPPRESSED, 5]
		]);
		expect(r.issues).toEqual([]);
		expect(r.notes).toEqual(
			expect.arrayContaining([
				'1 Summenzeile(n) übersprungen (die Stadt wird berechnet)',
				'2 Zeile(n) mit Stadtbezirken übersprungen (Bezirke werden berechnet)'
			])
		);
	});

	it('reports a line that names no known area with its file line', () => {
		const r = run('Titel\nStadtteil;2021\nStadtbezirk Nord;1.246\n', { indicator: 'einwohner' });
		expect(r.issues).toEqual([
			expect.objectContaining({ file: 'amt.csv', row: 3, column: 'Stadtteil', message: expect.any(String) })
		]);
	});

	it.each([
		['2021 Zähler;2021 Nenner', '101;3;10'],
		['Zähler 2021;Nenner 2021', '101;3;10'],
		['2021_Nenner;2021_Zaehler', '101;10;3'],
		['Nenner (2021);Zähler (2021)', '101;10;3']
	])('reads paired year columns for ratios: %s', (head, line) => {
		const r = run(`Stadtteil;${head}\n${line}\n`, { indicator: 'betreuungsquote_u3' });
		expect(r.issues).toEqual([]);
		expect(r.layout).toBe('wide-years');
		expect(compact(r.rows)).toEqual([
			{ indicator: 'betreuungsquote_u3', year: 2021, area: '101', numerator: n(3), denominator: n(10) }
		]);
	});

	it('reads a two-line header of years over Zähler/Nenner', () => {
		const r = run('Stadtteil;2021;;2022;\n;Zähler;Nenner;Zähler;Nenner\n101;3;10;4;11\n', {
			indicator: 'betreuungsquote_u3'
		});
		expect(r.issues).toEqual([]);
		expect(r.rows.map((x) => [x.year, x.numerator, x.denominator])).toEqual([
			[2021, n(3), n(10)],
			[2022, n(4), n(11)]
		]);
	});

	it('reads one column per indicator (id or title) with a year column', () => {
		const r = run(
			[
				'Gebiet;Jahr;einwohner;betreuungsquote_u3 Zähler;betreuungsquote_u3 Nenner;Übergang auf das Gymnasium (Zähler);Übergang auf das Gymnasium (Nenner)',
				'101;2023;1.234;3;10;5;20'
			].join('\n')
		);
		expect(r.issues).toEqual([]);
		expect(r.layout).toBe('wide-indicators');
		expect(compact(r.rows)).toEqual([
			{ indicator: 'einwohner', year: 2023, area: '101', numerator: n(1234) },
			{ indicator: 'betreuungsquote_u3', year: 2023, area: '101', numerator: n(3), denominator: n(10) },
			{ indicator: 'uebergang_gymnasium', year: 2023, area: '101', numerator: n(5), denominator: n(20) }
		]);
	});

	it('reads indicator and year in one header ("Alleinerziehende 2021 Zähler")', () => {
		const r = run(
			'Stadtteil;Alleinerziehende 2021 Zähler;Alleinerziehende 2021 Nenner;einwohner Stand 31.12.2021 (vorläufig)\n101;3;40;1.234\n'
		);
		expect(r.issues).toEqual([]);
		expect(r.layout).toBe('wide-years');
		expect(compact(r.rows)).toEqual([
			{ indicator: 'alleinerziehende', year: 2021, area: '101', numerator: n(3), denominator: n(40) },
			{ indicator: 'einwohner', year: 2021, area: '101', numerator: n(1234) }
		]);
	});

	it('takes the year from --year when the table has none', () => {
		const r = run('Stadtteil;Einwohnerinnen und Einwohner\nRathaus;1.234\n', { year: 2024 });
		expect(r.issues).toEqual([]);
		expect(compact(r.rows)).toEqual([
			{ indicator: 'einwohner', year: 2024, area: '102', numerator: n(1234) }
		]);
	});

	it('takes the first column as areas when its header is empty', () => {
		const r = run(';2021;2022\n101;1;2\n102;3;4\n', { indicator: 'einwohner' });
		expect(r.issues).toEqual([]);
		expect(r.rows).toHaveLength(4);
		expect(r.notes).toContain('Spalte 1 (ohne Namen) als Gebietsspalte erkannt (enthält Stadtteile)');
	});
});

describe('normalizeIndicatorTable: cells and counts', () => {
	it('keeps symbols missing or suppressed, never 0', () => {
		const r = run(
			[
				'Stadtteil;Jahr;Zähler;Nenner',
				'101;2023;.;10',
				'102;2023;-;58',
				'125;2023;...;40',
				'007;2023;;',
				'101;2022;3;x',
				'102;2022;/;12'
			].join('\n'),
			{ indicator: 'betreuungsquote_u3' }
		);
		expect(r.issues).toEqual([]);
		expect(r.rows.map((x) => [x.numerator, x.denominator])).toEqual([
			[SUPPRESSED, n(10)],
			[MISSING, n(58)],
			[MISSING, n(40)],
			[MISSING, MISSING],
			[n(3), SUPPRESSED],
			[SUPPRESSED, n(12)]
		]);
		expect(formatIndicatorCsv(r.rows)).toBe(
			[
				'indicator,year,area,numerator,denominator',
				'betreuungsquote_u3,2023,101,.,10',
				'betreuungsquote_u3,2023,102,,58',
				'betreuungsquote_u3,2023,125,,40',
				'betreuungsquote_u3,2023,007,,',
				'betreuungsquote_u3,2022,101,3,.',
				'betreuungsquote_u3,2022,102,.,12',
				''
			].join('\n')
		);
	});

	it('computes the numerator from a rate and its denominator, and says so', () => {
		const r = run('Stadtteil;Jahr;Quote;Nenner\n101;2023;25,0;40\n102;2023;.;12\n125;2023;33,3;3\n', {
			indicator: 'betreuungsquote_u3'
		});
		expect(r.issues).toEqual([]);
		expect(r.rows.map((x) => [x.numerator, x.denominator, x.derived])).toEqual([
			[n(10), n(40), true],
			[SUPPRESSED, n(12), undefined],
			[n(1), n(3), true]
		]);
		expect(r.notes).toContain(
			'betreuungsquote_u3: Zähler in 2 Zeile(n) aus Quote und Nenner berechnet (Zähler = Quote / 100 × Nenner, gerundet)'
		);
	});

	it('refuses a rate that no whole numerator reproduces, and spots shares given for percentages', () => {
		const r = run('Stadtteil;Jahr;Quote;Nenner\n101;2023;25,3;7\n', { indicator: 'betreuungsquote_u3' });
		expect(r.rows).toEqual([]);
		expect(r.issues).toHaveLength(1);
		expect(r.issues[0]).toMatchObject({ row: 2, column: 'Quote' });
		expect(r.issues[0]!.message).toContain('passt zu keiner ganzen Zahl von 7');
		// 0,25 of 40 would silently become a numerator of 0: a share, not a percentage.
		const shares = run('Stadtteil;Jahr;Quote;Nenner\n101;2023;0,25;40\n', {
			indicator: 'betreuungsquote_u3'
		});
		expect(shares.rows).toEqual([]);
		expect(shares.issues[0]!.hint).toContain('Anteile von 0 bis 1');
	});

	it('asks for counts when the file gives only a rate, once, at the header', () => {
		const r = run('Titel\nStadtteil;Jahr;Quote in %\n101;2023;25,3\n102;2023;10\n', {
			indicator: 'betreuungsquote_u3'
		});
		expect(r.rows).toEqual([]);
		expect(r.issues).toEqual([
			{
				file: 'amt.csv',
				row: 2,
				column: 'Quote in %',
				message: expect.stringContaining('Summe der Zähler durch Summe der Nenner'),
				hint: 'Spalten „Zähler“ und „Nenner“ mit den Anzahlen (Kinder unter 3 in Betreuung bzw. Kinder unter 3 Jahren) ergänzen'
			}
		]);
	});

	it('names the year columns to add in the wide-by-year layout', () => {
		const r = run('Stadtteil;2023\n101;25,3\n', { indicator: 'betreuungsquote_u3' });
		expect(r.issues[0]!.hint).toContain('„2023 Zähler“ und „2023 Nenner“');
	});

	it('keeps flags and counts them', () => {
		const r = run('Stadtteil;Jahr;Anzahl\n101;2023;1.234p\n102;2023;(12)\n', { indicator: 'einwohner' });
		expect(r.issues).toEqual([]);
		expect(r.rows.map((x) => x.flags)).toEqual([['vorlaeufig'], ['eingeschraenkt']]);
		expect(r.notes).toEqual(
			expect.arrayContaining([
				'1 Wert(e) mit Kennzeichen „vorläufige Zahl“',
				'1 Wert(e) mit Kennzeichen „Aussagewert eingeschränkt“'
			])
		);
	});

	it('reads an ambiguous column by the delimiter and notes it', () => {
		const r = run('area,2023\n101,"1,234"\n', { indicator: 'einwohner' });
		expect(r.rows[0]!.numerator).toEqual(n(1234));
		expect(r.notes.some((x) => x.includes('nicht eindeutig') && x.includes('englisch gelesen'))).toBe(true);
		const german = run('Stadtteil;2023\n101;1.234\n', { indicator: 'einwohner' });
		expect(german.rows[0]!.numerator).toEqual(n(1234));
	});

	it('filters by --indicator and --year when the table names them', () => {
		const r = run(
			'Stadtteil;Jahr;einwohner;betreuungsquote_u3 Zähler;betreuungsquote_u3 Nenner\n101;2022;5;1;2\n101;2023;6;1;2\n',
			{
				indicator: 'einwohner',
				year: 2023
			}
		);
		expect(r.issues).toEqual([]);
		expect(compact(r.rows)).toEqual([{ indicator: 'einwohner', year: 2023, area: '101', numerator: n(6) }]);
		expect(r.notes).toContain('5 Wert(e) übersprungen, die nicht zu --indicator/--year passen');
	});
});

describe('normalizeIndicatorTable: issues', () => {
	const issueOf = (text: string, extra: Extra = {}) => {
		const r = run(text, extra);
		expect(r.issues.length).toBeGreaterThan(0);
		for (const issue of r.issues) {
			expect(issue.file).toBe('amt.csv');
			expect(issue.hint.length).toBeGreaterThan(0);
		}
		return r.issues;
	};

	it.each<[string, string, Extra, { row?: number; column?: string; message: RegExp }]>([
		[
			'text in a number cell',
			'Titel\nStadtteil;2023\n101;viele\n',
			{ indicator: 'einwohner' },
			{ row: 3, column: '2023', message: /„viele“ ist keine Zahl: Text statt einer Zahl/ }
		],
		[
			'a percent sign',
			'Stadtteil;Jahr;Quote;Nenner\n101;2023;12,5 %;40\n',
			{ indicator: 'betreuungsquote_u3' },
			{ row: 2, column: 'Quote', message: /„12,5 %“ ist keine Zahl: Prozentzeichen/ }
		],
		[
			'numerator above denominator',
			'Stadtteil;Jahr;Zähler;Nenner\n101;2023;12;5\n',
			{ indicator: 'betreuungsquote_u3' },
			{ row: 2, column: 'Zähler', message: /Zähler 12 ist größer als der Nenner 5/ }
		],
		[
			'a rate above the scale',
			'Stadtteil;Jahr;Quote;Nenner\n101;2023;120;5\n',
			{ indicator: 'betreuungsquote_u3' },
			{ row: 2, column: 'Quote', message: /Quote 120 ist größer als 100/ }
		],
		[
			'a negative count',
			'Stadtteil;2023\n101;-5\n',
			{ indicator: 'einwohner' },
			{ row: 2, column: '2023', message: /Negativer Wert „-5“/ }
		],
		[
			'a fractional count',
			'Stadtteil;2023\n101;12,5\n',
			{ indicator: 'einwohner' },
			{ row: 2, column: '2023', message: /„12,5“ ist keine ganze Zahl/ }
		],
		[
			'an unknown area',
			'Stadtteil;2023\nObrer Schlossgarten;5\n',
			{ indicator: 'einwohner' },
			{ row: 2, column: 'Stadtteil', message: /Gebiet „Obrer Schlossgarten“ ist unbekannt/ }
		],
		[
			'an area missing beside values',
			'Stadtteil;2023\n;5\n',
			{ indicator: 'einwohner' },
			{ row: 2, column: 'Stadtteil', message: /Gebiet fehlt/ }
		],
		[
			'key and name that contradict',
			'Nr;Name;2023\n101;Rathaus;5\n',
			{ indicator: 'einwohner' },
			{ row: 2, column: 'Nr', message: /bezeichnen verschiedene Gebiete \(101 bzw. 102\)/ }
		],
		[
			'an unknown indicator in the indicator column',
			'Stadtteil;Jahr;Indikator;Wert\n101;2023;Einwohner gesamt;5\n',
			{},
			{ row: 2, column: 'Indikator', message: /Indikator „Einwohner gesamt“ fehlt im Katalog/ }
		],
		[
			'an unknown indicator column',
			'Stadtteil;Jahr;einwohner;Betreuungsqoute u3\n101;2023;5;7\n',
			{},
			{ row: 1, column: 'Betreuungsqoute u3', message: /weder ein Jahr noch ein Indikator des Katalogs/ }
		],
		[
			'a year cell out of range',
			'Stadtteil;Jahr;Anzahl\n101;1850;5\n',
			{ indicator: 'einwohner' },
			{ row: 2, column: 'Jahr', message: /Jahr 1850 liegt außerhalb 1990–2100/ }
		],
		[
			'a year header out of range',
			'Stadtteil;1950\n101;5\n',
			{ indicator: 'einwohner' },
			{ row: 1, column: '1950', message: /Jahr 1950 liegt außerhalb/ }
		],
		[
			'a --year out of range',
			'Stadtteil;einwohner\n101;5\n',
			{ year: 3000 },
			{ column: '--year', message: /Jahr 3000 liegt außerhalb/ }
		],
		[
			'a year that is no year',
			'Stadtteil;Jahr;Anzahl\n101;2022/23;5\n',
			{ indicator: 'einwohner' },
			{ row: 2, column: 'Jahr', message: /Schuljahr „2022\/23“/ }
		],
		[
			'a school year in a header',
			'Stadtteil;2022/23\n101;5\n',
			{ indicator: 'einwohner' },
			{ row: 1, column: '2022/23', message: /Schuljahr „2022\/23“ im Spaltennamen/ }
		],
		[
			'an unknown --indicator',
			'Stadtteil;2023\n101;5\n',
			{ indicator: 'einwohnerzahl' },
			{ column: '--indicator', message: /Indikator „einwohnerzahl“ fehlt im Katalog/ }
		],
		[
			'no area column',
			'Jahr;Anzahl\n2023;5\n',
			{ indicator: 'einwohner' },
			{ row: 1, message: /Keine Spalte mit dem Gebiet/ }
		],
		[
			'no value column',
			'Stadtteil;Jahr;Bemerkung\n101;2023;neu\n',
			{ indicator: 'einwohner' },
			{ row: 1, message: /Keine Spalte mit Werten/ }
		],
		['no indicator', 'Stadtteil;2023\n101;5\n', {}, { row: 1, message: /welcher Indikator gemeint ist/ }],
		[
			'no year',
			'Stadtteil;Anzahl\n101;5\n',
			{ indicator: 'einwohner' },
			{ row: 1, message: /für welches Jahr/ }
		],
		[
			'a numerator without a denominator column',
			'Stadtteil;Jahr;Zähler\n101;2023;5\n',
			{ indicator: 'betreuungsquote_u3' },
			{ row: 1, column: 'Zähler', message: /zum Zähler fehlt der Nenner/ }
		],
		[
			'a numerator without a denominator in a row',
			'Stadtteil;Jahr;Zähler;Nenner\n101;2023;5;\n',
			{ indicator: 'betreuungsquote_u3' },
			{ row: 2, column: 'Nenner', message: /Nenner fehlt zu einem vorhandenen Zähler/ }
		],
		[
			'a rate without a denominator in a row',
			'Stadtteil;Jahr;Quote;Nenner\n101;2023;5;-\n',
			{ indicator: 'betreuungsquote_u3' },
			{ row: 2, column: 'Nenner', message: /Nenner fehlt zu einer vorhandenen Quote/ }
		],
		[
			'a denominator for a count',
			'Stadtteil;Jahr;Anzahl;Nenner\n101;2023;5;10\n',
			{ indicator: 'einwohner' },
			{ row: 2, column: 'Nenner', message: /ist eine Anzahl und hat keinen Nenner/ }
		],
		[
			'two columns for the same year',
			'Stadtteil;2023;31.12.2023\n101;5;6\n',
			{ indicator: 'einwohner' },
			{ row: 2, column: '31.12.2023', message: /Spalten „2023“ und „31.12.2023“ liefern beide den Wert/ }
		]
	])('%s', (_name, text, extra, expected) => {
		const issues = issueOf(text, extra);
		expect(issues).toContainEqual(
			expect.objectContaining({ ...expected, message: expect.stringMatching(expected.message) })
		);
	});

	it('names both lines of a duplicate', () => {
		const issues = issueOf('Titel\nStadtteil;2023\n101;5\nRathaus;6\n0101;7\n', { indicator: 'einwohner' });
		expect(issues).toEqual([
			expect.objectContaining({
				row: 5,
				column: 'Stadtteil',
				message: 'Doppelte Werte für einwohner 2023, Gebiet 101: Zeile 3 und Zeile 5'
			})
		]);
	});

	it('suggests close areas and indicators', () => {
		const [area] = issueOf('Stadtteil;2023\nObrer Schlossgarten;5\n', { indicator: 'einwohner' });
		expect(area!.hint).toContain('Meinten Sie 101 Oberer Schlossgarten?');
		const [indicator] = issueOf('Stadtteil;Jahr;Indikator;Wert\n101;2023;betreuungsqoute_u3;5\n');
		expect(indicator!.hint).toContain('Meinten Sie betreuungsquote_u3');
		const [column] = issueOf('Stadtteil;Jahr;einwohnr\n101;2023;5\n');
		expect(column!.hint).toContain('ähnlich: einwohner');
	});

	it('skips heading lines without values, ignores text columns, and notes both', () => {
		const r = run('Stadtteil;2023;Bemerkung\nInnenstadt;;\n101;5;neu\n', { indicator: 'einwohner' });
		expect(r.issues).toEqual([]);
		expect(r.rows).toHaveLength(1);
		expect(r.notes).toEqual(
			expect.arrayContaining([
				'Spalte „Bemerkung“ nicht verwendet',
				'1 Zeile(n) ohne Werte und ohne bekanntes Gebiet übersprungen'
			])
		);
	});

	it('throws ImportError for a file that is no table', () => {
		expect(() => run('Stadtteil;2023\n101;"5\n')).toThrow(ImportError);
		try {
			run('Stadtteil;2023\n101;"5\n');
		} catch (err) {
			expect((err as ImportError).issues[0]).toMatchObject({ file: 'amt.csv', row: 2 });
		}
	});

	it('does not mutate its input', () => {
		const table = parseCsv('Stadtteil;2023\n101;1.234\n', { delimiter: ';' });
		const copy = structuredClone(table);
		const opts: IndicatorTableOptions = {
			file: 'a.csv',
			delimiter: ';',
			indicators: INDICATORS,
			units: UNITS,
			indicator: 'einwohner'
		};
		const optsCopy = structuredClone(opts);
		normalizeIndicatorTable(table, opts);
		expect(table).toEqual(copy);
		expect(opts).toEqual(optsCopy);
	});
});

describe('formatIndicatorRow', () => {
	it.each<[ImportedIndicatorRow, string[]]>([
		[
			{ indicator: 'q', year: 2023, area: '101', numerator: SUPPRESSED, denominator: n(40), line: 2 },
			['q', '2023', '101', '.', '40']
		],
		[
			{ indicator: 'q', year: 2023, area: '101', numerator: MISSING, denominator: MISSING, line: 2 },
			['q', '2023', '101', '', '']
		],
		[{ indicator: 'c', year: 2021, area: '007', numerator: n(12), line: 2 }, ['c', '2021', '007', '12', '']]
	])('%j', (row, fields) => {
		expect(formatIndicatorRow(row)).toEqual(fields);
	});
});
