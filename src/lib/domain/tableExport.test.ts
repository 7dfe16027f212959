import { describe, expect, test } from 'vitest';
import { parseCsv } from './csv';
import { exportNumber, exportText, tableCsv, UTF8_BOM } from './tableExport';

describe('tableCsv', () => {
	const header = ['Stadtteil', 'Betreuungsquote U3 (%)', 'Kinder'];
	const rows = [
		['Hallschlag', 41.25, 1234],
		['Bad Cannstatt; Mitte', null, 0],
		['Zuffenhausen-"Am Stadtpark"', -0.5, 12]
	];

	test('German: semicolons, decimal commas, CRLF, a byte order mark; quotes where needed', () => {
		const text = tableCsv(header, rows, { german: true });
		expect(text.startsWith(UTF8_BOM)).toBe(true);
		expect(text.slice(1).split('\r\n')).toEqual([
			'Stadtteil;Betreuungsquote U3 (%);Kinder',
			'Hallschlag;41,25;1234',
			'"Bad Cannstatt; Mitte";;0',
			'"Zuffenhausen-""Am Stadtpark""";-0,5;12',
			''
		]);
	});

	test('international: commas, decimal points, LF; it reads back to the same table', () => {
		const text = tableCsv(header, rows, { german: false });
		expect(text).toBe(
			`${UTF8_BOM}Stadtteil,Betreuungsquote U3 (%),Kinder\nHallschlag,41.25,1234\nBad Cannstatt; Mitte,,0\n"Zuffenhausen-""Am Stadtpark""",-0.5,12\n`
		);
		const table = parseCsv(text.slice(1));
		expect(table.header).toEqual(header);
		expect(table.records.map((r) => r.fields)).toEqual([
			['Hallschlag', '41.25', '1234'],
			['Bad Cannstatt; Mitte', '', '0'],
			['Zuffenhausen-"Am Stadtpark"', '-0.5', '12']
		]);
	});

	test('a name that a spreadsheet would run as a formula is written as text', () => {
		const text = tableCsv(['Name'], [['=HYPERLINK("x")'], ['@SUMME(A1)'], ['+1'], ['-Ost']], {
			german: true
		});
		expect(text.slice(1).split('\r\n').slice(1, 5)).toEqual([
			`"'=HYPERLINK(""x"")"`,
			"'@SUMME(A1)",
			"'+1",
			"'-Ost"
		]);
	});

	test('refuses a row that does not fit the header', () => {
		expect(() => tableCsv(['a', 'b'], [['x']], { german: true })).toThrow('row 0 has 1 cells, header 2');
	});
});

describe('exportNumber and exportText', () => {
	test.each([
		[1234.5, true, '1234,5'],
		[1234.5, false, '1234.5'],
		[0, true, '0'],
		[-0.25, true, '-0,25'],
		[1e-7, true, '0,0000001'],
		[123456789, true, '123456789']
	])('%s (German %s) -> %s', (v, german, text) => {
		expect(exportNumber(v, german)).toBe(text);
	});

	test('non-finite numbers are a bug', () => {
		expect(() => exportNumber(Number.NaN, true)).toThrow();
		expect(() => exportNumber(Infinity, false)).toThrow();
	});

	test('ordinary text stays as it is', () => {
		expect(exportText('Bad Cannstatt')).toBe('Bad Cannstatt');
		expect(exportText('Ost-West')).toBe('Ost-West');
	});
});
