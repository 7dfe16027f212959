import { describe, expect, it } from 'vitest';
import { TableReadError, decodeTableBytes, readTable, sniffDelimiter } from './tableText';

const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (s: string) => Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(s)]);
/** Windows-1252 bytes for text whose characters all have a single-byte code there. */
const CP1252: Record<string, number> = { '€': 0x80, '„': 0x84, '“': 0x93, '–': 0x96 };
const cp1252 = (s: string) =>
	Uint8Array.from(s, (c) => {
		if (CP1252[c] !== undefined) return CP1252[c];
		const code = c.charCodeAt(0);
		if (code > 0xff) throw new Error(`not in the fixture's range: ${c}`);
		return code;
	});
const utf16 = (s: string, order: 'le' | 'be') => {
	const out = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
	for (const c of s) {
		const code = c.charCodeAt(0);
		out.push(...(order === 'le' ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff]));
	}
	return Uint8Array.from(out);
};

describe('decodeTableBytes', () => {
	it.each([
		['UTF-8', utf8('Stadtteil;Wert\nWeißenhof;1\n'), 'utf-8'],
		['UTF-8 with BOM', withBom('Stadtteil;Wert\nWeißenhof;1\n'), 'utf-8-bom'],
		['Windows-1252 (German Excel)', cp1252('Stadtteil;Wert\nWeißenhof;1\n'), 'windows-1252'],
		['UTF-16 LE ("Unicode-Text")', utf16('Stadtteil;Wert\nWeißenhof;1\n', 'le'), 'utf-16le'],
		['UTF-16 BE', utf16('Stadtteil;Wert\nWeißenhof;1\n', 'be'), 'utf-16be']
	] as const)('%s', (_name, bytes, encoding) => {
		expect(decodeTableBytes(bytes)).toEqual({ text: 'Stadtteil;Wert\nWeißenhof;1\n', encoding });
	});

	it('reads Windows-1252 characters outside Latin-1 (€, „“, –) and umlauts', () => {
		expect(decodeTableBytes(cp1252('Mühlhausen;5 €;„Größe“;–'))).toEqual({
			text: 'Mühlhausen;5 €;„Größe“;–',
			encoding: 'windows-1252'
		});
	});

	it('takes plain ASCII as UTF-8', () => {
		expect(decodeTableBytes(utf8('a,b\n')).encoding).toBe('utf-8');
	});
});

describe('sniffDelimiter', () => {
	it.each([
		['German Excel: ; with decimal commas', 'Stadtteil;Quote;Nenner\n101;12,5;40\n102;1,5;30\n', ';'],
		['English: , with decimal points', 'area,rate\n101,12.5\n102,1.5\n', ','],
		['tab ("Unicode-Text")', 'Stadtteil\tWert\n101\t1,5\n', '\t'],
		['quoted delimiters do not count', '"a;b",c\n"d;e",f\n"g;h",i\n', ','],
		['quoted line breaks do not count', 'a;b\n"x\ny";1\n"z\nw";2\n', ';'],
		[
			'a title line above the table',
			'Tabelle 3: Einwohner, Stuttgart 2023\nNr;Name;Wert\n101;A;1\n102;B;2\n',
			';'
		],
		['Excel pads the title with delimiters', 'Tabelle 3;;\nNr;Name;Wert\n101;A;1,5\n', ';'],
		['a single column', 'Name\nA\nB\n', ',']
	])('%s', (_name, text, delimiter) => {
		expect(sniffDelimiter(text)).toBe(delimiter);
	});
});

describe('readTable', () => {
	it('skips title lines and footnotes, keeps file line numbers, drops Excel padding', () => {
		const text = [
			'Tabelle 3: Einwohner nach Stadtteilen;;',
			'Stand 31.12.2023;;',
			';;',
			'Nr;Stadtteil;Einwohner',
			'101;Oberer Schlossgarten;1.234',
			'102;Rathaus;.',
			';;',
			'Quelle: Statistisches Amt;;',
			'1) vorläufig;;',
			''
		].join('\r\n');
		const { table, delimiter, encoding, skipped } = readTable(withBom(text), 'e.csv');
		expect(delimiter).toBe(';');
		expect(encoding).toBe('utf-8-bom');
		expect(table).toEqual({
			header: ['Nr', 'Stadtteil', 'Einwohner'],
			records: [
				{ line: 5, fields: ['101', 'Oberer Schlossgarten', '1.234'] },
				{ line: 6, fields: ['102', 'Rathaus', '.'] }
			],
			headerLine: 4
		});
		expect(skipped).toEqual([
			{ line: 1, text: 'Tabelle 3: Einwohner nach Stadtteilen', reason: 'title' },
			{ line: 2, text: 'Stand 31.12.2023', reason: 'title' },
			{ line: 8, text: 'Quelle: Statistisches Amt', reason: 'footnote' },
			{ line: 9, text: '1) vorläufig', reason: 'footnote' }
		]);
	});

	it('reads Windows-1252 bytes with umlauts', () => {
		const { table, encoding } = readTable(cp1252('Straße;Größe\nMühlweg;1,5\n'), 'w.csv');
		expect(encoding).toBe('windows-1252');
		expect(table.header).toEqual(['Straße', 'Größe']);
		expect(table.records[0]!.fields).toEqual(['Mühlweg', '1,5']);
	});

	it('reads UTF-16 tab-separated text', () => {
		const { table, delimiter } = readTable(utf16('Stadtteil\tWert\r\nWeißenhof\t1,5\r\n', 'le'), 'u.txt');
		expect(delimiter).toBe('\t');
		expect(table.records).toEqual([{ line: 2, fields: ['Weißenhof', '1,5'] }]);
	});

	it("follows Excel's sep= line", () => {
		const { table, delimiter, skipped } = readTable(utf8('sep=,\na;b,c\n1;2,3\n'), 's.csv');
		expect(delimiter).toBe(',');
		expect(table).toEqual({
			header: ['a;b', 'c'],
			records: [{ line: 3, fields: ['1;2', '3'] }],
			headerLine: 2
		});
		expect(skipped).toEqual([{ line: 1, text: 'sep=,', reason: 'sep' }]);
	});

	it('takes a given delimiter', () => {
		expect(readTable(utf8('a,b;c\n1,2;3\n'), 'd.csv', { delimiter: ',' }).table.header).toEqual(['a', 'b;c']);
	});

	it('merges a two-line header (groups above, Zähler/Nenner below)', () => {
		const text = 'Stadtteil;2021;;2022;\n;Zähler;Nenner;Zähler;Nenner\n101;3;10;4;11\n';
		const { table, skipped } = readTable(utf8(text), 'h.csv');
		expect(table.header).toEqual(['Stadtteil', '2021 Zähler', '2021 Nenner', '2022 Zähler', '2022 Nenner']);
		expect(table.headerLine).toBe(1);
		expect(table.records).toEqual([{ line: 3, fields: ['101', '3', '10', '4', '11'] }]);
		expect(skipped).toEqual([{ line: 1, text: 'Stadtteil 2021 2022', reason: 'header' }]);
	});

	it('merges a two-line header whose upper line is as wide as the body', () => {
		const text = 'Stadtteil;2021;;Bemerkung\n;Zähler;Nenner;\n101;3;10;neu\n';
		const { table } = readTable(utf8(text), 'h.csv');
		expect(table.header).toEqual(['Stadtteil', '2021 Zähler', '2021 Nenner', 'Bemerkung']);
		expect(table.records).toEqual([{ line: 3, fields: ['101', '3', '10', 'neu'] }]);
	});

	it('keeps a last data line with empty values when no blank line or footnote mark precedes it', () => {
		const { table, skipped } = readTable(utf8('Nr;Wert\n101;1\n102;\n'), 'k.csv');
		expect(table.records.map((r) => r.line)).toEqual([2, 3]);
		expect(skipped).toEqual([]);
	});

	it('reads old Mac line ends (CR only)', () => {
		expect(readTable(utf8('a;b\r1;2\r'), 'm.csv').table.records).toEqual([{ line: 2, fields: ['1', '2'] }]);
	});

	it('keeps quoted line breaks and delimiters inside fields', () => {
		const { table } = readTable(
			utf8('Name;Adresse\n"Kita ""Sonne""";"Weg 1;\n70173 Stuttgart"\nB;C\n'),
			'q.csv'
		);
		expect(table.records).toEqual([
			{ line: 2, fields: ['Kita "Sonne"', 'Weg 1;\n70173 Stuttgart'] },
			{ line: 4, fields: ['B', 'C'] }
		]);
	});

	it.each([
		['an unterminated quote', utf8('Nr;Name\n101;A\n102;"B\n'), 3, /Anführungszeichen in Zeile 3/],
		[
			'an xlsx workbook',
			Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]),
			undefined,
			/Excel-Arbeitsmappe \(\.xlsx\)/
		],
		[
			'an xls workbook',
			Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]),
			undefined,
			/Excel-Arbeitsmappe \(\.xls\)/
		],
		['an empty file', utf8(''), undefined, /keine Tabelle/],
		['only empty cells', utf8(';;\n;;\n'), undefined, /keine Tabelle/]
	])('throws a TableReadError naming the file for %s', (_name, bytes, row, message) => {
		let error: unknown;
		try {
			readTable(bytes, 'daten/x.csv');
		} catch (err) {
			error = err;
		}
		expect(error).toBeInstanceOf(TableReadError);
		const [issue] = (error as TableReadError).issues;
		expect(issue!.file).toBe('daten/x.csv');
		expect(issue!.row).toBe(row);
		expect(issue!.message).toMatch(message);
		expect(issue!.hint).not.toBe('');
	});

	it('does not mutate its input', () => {
		const bytes = cp1252('Tabelle;\nNr;Wert\n101;1,5\n');
		const copy = Uint8Array.from(bytes);
		readTable(bytes, 'n.csv');
		expect(bytes).toEqual(copy);
	});
});
