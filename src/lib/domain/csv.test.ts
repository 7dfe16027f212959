import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvField, formatCsv, parseCsv, parseCsvRecords } from './csv';

describe('parseCsv', () => {
	it.each([
		['plain', 'a,b\n1,2\n', [{ line: 2, fields: ['1', '2'] }]],
		[
			'CRLF and no final newline',
			'a,b\r\n1,2\r\n3,4',
			[
				{ line: 2, fields: ['1', '2'] },
				{ line: 3, fields: ['3', '4'] }
			]
		],
		[
			'quoted comma and escaped quote',
			'a,b\n"x, y","say ""hi"""\n',
			[{ line: 2, fields: ['x, y', 'say "hi"'] }]
		],
		[
			'blank lines skipped, line numbers kept',
			'a\n\n1\n\n2\n',
			[
				{ line: 3, fields: ['1'] },
				{ line: 5, fields: ['2'] }
			]
		],
		[
			'newline inside quotes',
			'a,b\n"1\n2",3\n4,5\n',
			[
				{ line: 2, fields: ['1\n2', '3'] },
				{ line: 4, fields: ['4', '5'] }
			]
		],
		['empty fields', 'a,b,c\n,,\n', [{ line: 2, fields: ['', '', ''] }]]
	])('%s', (_name, text, records) => {
		expect(parseCsv(text).records).toEqual(records);
	});

	it('strips a BOM and trims header names', () => {
		expect(parseCsv('\uFEFFnr, name\n1,x\n').header).toEqual(['nr', 'name']);
	});

	it('throws on an unterminated quote with the line', () => {
		expect(() => parseCsv('a\n1\n"open\n')).toThrow(CsvSyntaxError);
		try {
			parseCsv('a\n1\n"open\n');
		} catch (err) {
			expect((err as CsvSyntaxError).line).toBe(3);
		}
	});

	it.each([
		['semicolon, decimal comma', ';', 'a;b\n1,5;"x; y"\n', [{ line: 2, fields: ['1,5', 'x; y'] }]],
		['tab', '\t', 'a\tb\n1,5\t2\n', [{ line: 2, fields: ['1,5', '2'] }]],
		['comma by default keeps semicolons', undefined, 'a,b\n1;2,3\n', [{ line: 2, fields: ['1;2', '3'] }]]
	] as const)('delimiter: %s', (_name, delimiter, text, records) => {
		expect(parseCsv(text, delimiter ? { delimiter } : {}).records).toEqual(records);
	});

	it('throws on an unterminated quote with another delimiter', () => {
		expect(() => parseCsv('a;b\n"open;1\n', { delimiter: ';' })).toThrow(CsvSyntaxError);
	});

	it('round-trips formatCsv output', () => {
		const rows = [
			['Kita A', 'Weg 1, 70173 Stuttgart', 12],
			['"Quote"', '', null]
		];
		const text = formatCsv(['name', 'address', 'capacity'], rows);
		expect(parseCsv(text).records.map((r) => r.fields)).toEqual([
			['Kita A', 'Weg 1, 70173 Stuttgart', '12'],
			['"Quote"', '', '']
		]);
	});
});

describe('parseCsvRecords', () => {
	it('keeps the first line as a record, untrimmed, and skips blank lines', () => {
		expect(parseCsvRecords('Tabelle 1\n\n Nr ;Wert\n101;1,5\n', { delimiter: ';' })).toEqual([
			{ line: 1, fields: ['Tabelle 1'] },
			{ line: 3, fields: [' Nr ', 'Wert'] },
			{ line: 4, fields: ['101', '1,5'] }
		]);
	});

	it('returns nothing for empty text', () => {
		expect(parseCsvRecords('')).toEqual([]);
	});
});

describe('csvField', () => {
	it.each([
		['plain', 'plain'],
		['a,b', '"a,b"'],
		['a"b', '"a""b"'],
		[3, '3'],
		[null, '']
	])('%s -> %s', (input, expected) => {
		expect(csvField(input)).toBe(expected);
	});
});
