import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/domain/csv';
import { LERNORT_TYPES } from '../../../src/lib/domain/lernortTypes';
import { importLernortTable, normalizeLernortTable, type LernortTableOptions } from './lernortTable';
import { ImportError } from './types';

/** Windows-1252 bytes for text of Latin-1 characters (what German Excel writes as "CSV"). */
const cp1252 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf8 = (s: string) => new TextEncoder().encode(s);
const run = (text: string, extra: Partial<LernortTableOptions> = {}) =>
	importLernortTable(utf8(text), { file: 'daten/Kitas 2024.csv', types: LERNORT_TYPES, ...extra });

describe('normalizeLernortTable: columns', () => {
	it('reads a German Excel list: Windows-1252, ;, decimal commas, address parts', () => {
		const text = [
			'Kita-Verzeichnis Stuttgart;;;;;;;;;',
			';;;;;;;;;',
			'Kennung;Einrichtung;Einrichtungsart;Straße;Hausnummer;PLZ;Ort;Breite;Länge;Plätze',
			'K-1;Kita Sonnenblume;Kindertagesstätte;Königstraße;1a;70173;Stuttgart;48,77858;9,18390;1.200',
			'K-2;Kinderhaus Weißenhof;Kindertageseinrichtung;Am Weißenhof;20;70191;Stuttgart;48,8;9,17;.'
		].join('\r\n');
		const r = importLernortTable(cp1252(text), { file: 'kitas.csv', types: LERNORT_TYPES });
		expect(r.encoding).toBe('windows-1252');
		expect(r.issues).toEqual([]);
		expect(r.coordinateKind).toBe('lonlat');
		expect(r.rows).toEqual([
			{
				line: 4,
				id: 'K-1',
				name: 'Kita Sonnenblume',
				type: 'kita',
				x: 9.1839,
				y: 48.77858,
				coordinateColumns: ['Länge', 'Breite'],
				address: 'Königstraße 1a, 70173 Stuttgart',
				capacity: 1200
			},
			{
				line: 5,
				id: 'K-2',
				name: 'Kinderhaus Weißenhof',
				type: 'kita',
				x: 9.17,
				y: 48.8,
				coordinateColumns: ['Länge', 'Breite'],
				address: 'Am Weißenhof 20, 70191 Stuttgart'
			}
		]);
	});

	it('reads English lat/lng, address, capacity and source', () => {
		const r = run(
			'id,name,type,lat,lng,address,capacity,source\nb1,Stadtbibliothek,Stadtbibliothek,48.7806,9.1786,"Mailänder Platz 1, 70173 Stuttgart",,Amt\n'
		);
		expect(r.issues).toEqual([]);
		expect(r.rows).toEqual([
			{
				line: 2,
				id: 'b1',
				name: 'Stadtbibliothek',
				type: 'bibliothek',
				x: 9.1786,
				y: 48.7806,
				coordinateColumns: ['lng', 'lat'],
				address: 'Mailänder Platz 1, 70173 Stuttgart',
				source: 'Amt'
			}
		]);
	});

	it.each([
		['Rechtswert;Hochwert', '513.456,7;5.403.456,2', [513456.7, 5403456.2]],
		['Rechtswert;Hochwert', '513456;5403456', [513456, 5403456]],
		['UTM_E;UTM_N', '513456,7;5403456,2', [513456.7, 5403456.2]],
		['East;North', '513.456;5.403.456', [513456, 5403456]],
		['X;Y', '513456,7;5403456,2', [513456.7, 5403456.2]]
	])('reads projected coordinates from %s', (head, values, [x, y]) => {
		const r = run(`Name;Typ;${head}\nA;Kita;${values}\n`);
		expect(r.issues).toEqual([]);
		expect(r.coordinateKind).toBe('projected');
		expect(r.rows[0]).toMatchObject({ x, y, coordinateColumns: head.split(';') });
	});

	it('reads X/Y in degrees as longitude/latitude; a single separator in degrees is the decimal mark', () => {
		const r = run('Name;Typ;X;Y\nA;Kita;9,183;48,778\nB;Kita;9.183;48.778\n');
		expect(r.issues).toEqual([]);
		expect(r.coordinateKind).toBe('lonlat');
		expect(r.rows.map((x) => [x.x, x.y])).toEqual([
			[9.183, 48.778],
			[9.183, 48.778]
		]);
		expect(r.notes).toContain('„X“/„Y“ als Länge/Breite in Grad gelesen');
	});

	it('reads ambiguous metres ("513.456") as thousands', () => {
		const r = run('Name;Typ;Rechtswert;Hochwert\nA;Kita;513.456;5.403.456\n');
		expect(r.rows[0]).toMatchObject({ x: 513456, y: 5403456 });
	});

	it('prefers latitude/longitude over other coordinate columns', () => {
		const r = run('Name;Typ;lat;lon;Rechtswert;Hochwert\nA;Kita;48,7;9,1;513456;5403456\n');
		expect(r.coordinateKind).toBe('lonlat');
		expect(r.rows[0]).toMatchObject({ x: 9.1, y: 48.7, coordinateColumns: ['lon', 'lat'] });
	});

	it('takes "Nr" right after the street as the house number', () => {
		const r = run('Name;Typ;Straße;Nr;PLZ;Ort;lat;lon\nA;Kita;Weg;5;70173;Stuttgart;48,7;9,1\n');
		expect(r.rows[0]).toMatchObject({ id: 'kitas-2024-2', address: 'Weg 5, 70173 Stuttgart' });
	});

	it('adds postcode and place to an address column that lacks them', () => {
		const r = run('Name;Typ;Adresse;PLZ;Ort;lat;lon\nA;Kita;Weg 5;70173;Stuttgart;48,7;9,1\n');
		expect(r.rows[0]!.address).toBe('Weg 5, 70173 Stuttgart');
	});

	it('generates stable ids from file name and line, and says so', () => {
		const r = run('Name;Typ;lat;lon\nA;Kita;48,7;9,1\nB;Kita;48,8;9,2\n');
		expect(r.rows.map((x) => x.id)).toEqual(['kitas-2024-2', 'kitas-2024-3']);
		expect(r.notes.some((x) => x.startsWith('2 ID(s) aus Dateiname und Zeile erzeugt'))).toBe(true);
	});

	it('takes the type from --type when the table has no type column', () => {
		const r = run('Name;lat;lon\nA;48,7;9,1\n', { type: 'Kindertagesstätte' });
		expect(r.issues).toEqual([]);
		expect(r.rows[0]!.type).toBe('kita');
	});
});

describe('normalizeLernortTable: types', () => {
	it.each([
		['kita', 'kita'],
		['Kita', 'kita'],
		['KITAS', 'kita'],
		['Kindertagesstätte', 'kita'],
		['Kindertagesstaette', 'kita'],
		['Kindertageseinrichtung', 'kita'],
		['Kindergarten', 'kita'],
		['Städtische Kita', 'kita'],
		['Tagespflege', 'kindertagespflege'],
		['Grundschule', 'grundschule'],
		['Grundschulen', 'grundschule'],
		['Grundschule (GS)', 'grundschule'],
		['GS', 'grundschule'],
		['Gemeinschaftsschule', 'gemeinschaftsschule'],
		['Werkrealschule', 'werkrealschule'],
		['Gymnasium (allgemeinbildend)', 'gymnasium'],
		['Gymnasien', 'gymnasium'],
		['Berufliches Gymnasium', 'berufliche_schule'],
		['Berufsschule', 'berufliche_schule'],
		['SBBZ', 'sbbz'],
		['Jugendhaus', 'jugendhaus'],
		['Jugendhäuser', 'jugendhaus'],
		['Kinder- und Jugendtreff', 'jugendhaus'],
		['Jugendhaus / Kinder- und Jugendtreff', 'jugendhaus'],
		['Stadtbibliothek', 'bibliothek'],
		['Stadtteilbibliothek', 'bibliothek'],
		['Stadtteilbibliotheken', 'bibliothek'],
		['Musikschule', 'musikschule'],
		['VHS', 'vhs'],
		['Volkshochschule', 'vhs'],
		['Familienzentrum', 'familienzentrum'],
		['Spielplätze', 'spielplatz'],
		['berufliche_schule', 'berufliche_schule']
	])('%s -> %s', (raw, type) => {
		const r = run(`Name;Art;lat;lon\nA;${raw};48,7;9,1\n`);
		expect(r.issues).toEqual([]);
		expect(r.rows[0]!.type).toBe(type);
	});

	it('reports an unknown type with the known ones', () => {
		const r = run('Name;Art;lat;lon\nA;Hort;48,7;9,1\n');
		expect(r.rows[0]!.type).toBe('');
		expect(r.issues).toEqual([
			{
				file: 'daten/Kitas 2024.csv',
				row: 2,
				column: 'Art',
				message: 'Unbekannter Lernort-Typ „Hort“',
				hint: expect.stringContaining('kita (Kita), kindertagespflege (Kindertagespflege)')
			}
		]);
	});

	it('reports a type that names two types', () => {
		const r = run('Name;Schulart;lat;lon\nA;Grund- und Werkrealschule;48,7;9,1\n');
		expect(r.issues[0]).toMatchObject({
			row: 2,
			column: 'Schulart',
			message: 'Lernort-Typ „Grund- und Werkrealschule“ nennt mehrere Typen'
		});
	});

	it('knows only the types of the city', () => {
		const types = LERNORT_TYPES.filter((t) => t.id !== 'kita');
		const r = run('Name;Typ;lat;lon\nA;Kindergarten;48,7;9,1\n', { types });
		expect(r.issues[0]!.message).toBe('Unbekannter Lernort-Typ „Kindergarten“');
	});
});

describe('normalizeLernortTable: issues', () => {
	it.each([
		['empty', ';', 'Keine verwendbaren Koordinaten'],
		['text', 'nördlich;9,1', 'Keine verwendbaren Koordinaten'],
		['0/0', '0;0', 'Koordinaten 0/0'],
		['degrees out of range', '148,7;9,1', 'außerhalb des Wertebereichs'],
		['degrees, minutes, seconds', '48°46′42″;9,1', 'Keine verwendbaren Koordinaten']
	])('a row with unusable coordinates (%s) is an issue and stays in rows', (_name, coords, message) => {
		const r = run(`Titel;;;\nName;Typ;lat;lon\nA;Kita;${coords}\nB;Kita;48,7;9,1\n`);
		expect(r.rows).toHaveLength(2);
		expect(r.rows[0]).not.toHaveProperty('x');
		expect(r.issues).toEqual([
			expect.objectContaining({
				file: 'daten/Kitas 2024.csv',
				row: 3,
				message: expect.stringContaining(message)
			})
		]);
	});

	it.each([
		['no name column', 'Typ;lat;lon\nKita;48,7;9,1\n', {}, { row: 1, message: /Keine Spalte mit dem Namen/ }],
		['no type column', 'Name;lat;lon\nA;48,7;9,1\n', {}, { row: 1, message: /Keine Spalte mit dem Typ/ }],
		[
			'an unknown --type',
			'Name;lat;lon\nA;48,7;9,1\n',
			{ type: 'Hort' },
			{ column: '--type', message: /Hort/ }
		],
		[
			'no coordinates',
			'Name;Typ;Adresse\nA;Kita;Weg 1\n',
			{},
			{ row: 1, message: /Keine Koordinatenspalten/ }
		],
		[
			'an empty name',
			'Name;Typ;lat;lon\n;Kita;48,7;9,1\n',
			{},
			{ row: 2, column: 'Name', message: /Name fehlt/ }
		],
		['an empty type', 'Name;Typ;lat;lon\nA;;48,7;9,1\n', {}, { row: 2, column: 'Typ', message: /Typ fehlt/ }],
		[
			'a duplicate id',
			'ID;Name;Typ;lat;lon\nk1;A;Kita;48,7;9,1\nk1;B;Kita;48,8;9,2\n',
			{},
			{ row: 3, column: 'ID', message: /ID „k1“ kommt doppelt vor \(Zeile 2 und Zeile 3\)/ }
		],
		[
			'a fractional capacity',
			'Name;Typ;lat;lon;Plätze\nA;Kita;48,7;9,1;12,5\n',
			{},
			{ row: 2, column: 'Plätze', message: /keine ganze Zahl/ }
		],
		[
			'text as capacity',
			'Name;Typ;lat;lon;Kapazität\nA;Kita;48,7;9,1;viele\n',
			{},
			{ row: 2, column: 'Kapazität', message: /Kapazität „viele“ ist keine Zahl/ }
		],
		[
			'a negative capacity',
			'Name;Typ;lat;lon;Plätze\nA;Kita;48,7;9,1;-5\n',
			{},
			{ row: 2, column: 'Plätze', message: /keine ganze Zahl ab 0/ }
		]
	] as const)('%s', (_name, text, extra, expected) => {
		const r = run(text, extra);
		expect(r.issues).toContainEqual(
			expect.objectContaining({ ...expected, message: expect.stringMatching(expected.message) })
		);
		for (const issue of r.issues) expect(issue.hint.length).toBeGreaterThan(0);
	});

	it('leaves an unknown capacity (., -, empty) out without an issue', () => {
		const r = run('Name;Typ;lat;lon;Plätze\nA;Kita;48,7;9,1;.\nB;Kita;48,7;9,1;-\n');
		expect(r.issues).toEqual([]);
		expect(r.rows.map((x) => x.capacity)).toEqual([undefined, undefined]);
	});

	it('throws ImportError for an Excel workbook', () => {
		expect(() =>
			importLernortTable(Uint8Array.from([0x50, 0x4b, 0x03, 0x04]), { file: 'l.xlsx', types: LERNORT_TYPES })
		).toThrow(ImportError);
	});

	it('does not mutate its input', () => {
		const table = parseCsv('Name;Typ;lat;lon\nA;Kita;48,7;9,1\n', { delimiter: ';' });
		const copy = structuredClone(table);
		const types = structuredClone(LERNORT_TYPES);
		normalizeLernortTable(table, { file: 'l.csv', types, delimiter: ';' });
		expect(table).toEqual(copy);
		expect(types).toEqual(LERNORT_TYPES);
	});
});
