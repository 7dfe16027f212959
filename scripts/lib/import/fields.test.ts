import { describe, expect, test } from 'vitest';
import { fieldCandidates, firstField, keyText, matchField, nameText } from './fields';

describe('matchField', () => {
	test.each<[string[], string, string | undefined]>([
		[['STADTTEILNR', 'NAME'], 'STADTTEILNR', 'STADTTEILNR'],
		[['stadtteilnr'], 'STADTTEILNR', 'stadtteilnr'],
		// dBASE cut the name to 10 characters.
		[['STADTTEILN', 'STADTTEI_1'], 'STADTTEILNR', 'STADTTEILN'],
		[['STADTTEILN'], 'STADTTEILNAME', 'STADTTEILN'],
		[['NR'], 'STADTTEILNR', undefined],
		// A short name never matches a longer field by prefix.
		[['STADTTEILNR'], 'STADTTEIL', undefined]
	])('%j, %s -> %s', (fields, wanted, expected) => {
		expect(matchField(fields, wanted)).toBe(expected);
	});

	test('a cut name that collided takes the form GIS programs give it, chosen by its values', () => {
		const fields = ['STADTTEILN', 'STADTTEI_1'];
		const values: Record<string, string> = { STADTTEILN: '101', STADTTEI_1: 'Hallschlag' };
		const numeric = (f: string) => /^\d+$/.test(values[f]!);
		expect(fieldCandidates(fields, 'STADTTEILNAME')).toEqual(['STADTTEILN', 'STADTTEI_1']);
		expect(matchField(fields, 'STADTTEILNAME', (f) => !numeric(f))).toBe('STADTTEI_1');
		expect(matchField(fields, 'STADTTEILNR', numeric)).toBe('STADTTEILN');
		expect(matchField(fields, 'STADTTEILNR', () => false)).toBeUndefined();
	});

	test('firstField takes the candidates in order', () => {
		expect(firstField(['name', 'Schluessel'], ['key', 'schluessel', 'name'])).toBe('Schluessel');
		expect(firstField(['x'], ['a', 'b'])).toBeUndefined();
	});
});

test.each<[unknown, string | undefined]>([
	[101, '101'],
	['  101 ', '101'],
	['101.0', '101'],
	['101,00', '101'],
	['007', '007'],
	['', undefined],
	[null, undefined],
	[Number.NaN, undefined],
	[12.5, '12.5']
])('keyText(%j) -> %j', (value, expected) => {
	expect(keyText(value)).toBe(expected);
});

test('nameText folds whitespace', () => {
	expect(nameText('  Bad   Cannstatt\n')).toBe('Bad Cannstatt');
	expect(nameText('   ')).toBeUndefined();
});
