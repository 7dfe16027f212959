import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvField, formatCsv, parseCsv } from './csv';

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
