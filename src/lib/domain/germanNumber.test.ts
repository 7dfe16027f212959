import { describe, expect, it } from 'vitest';
import { detectNotation, parseStatCell, resolveNotation, type StatCell } from './germanNumber';

describe('parseStatCell', () => {
	it.each<[string, 'german' | 'english' | 'auto', StatCell]>([
		['12', 'german', { kind: 'number', value: 12 }],
		['12,5', 'german', { kind: 'number', value: 12.5 }],
		['1.234', 'german', { kind: 'number', value: 1234 }],
		['1.234,5', 'german', { kind: 'number', value: 1234.5 }],
		['1.234.567', 'german', { kind: 'number', value: 1234567 }],
		['1 234', 'german', { kind: 'number', value: 1234 }],
		['1\u00a0234,5', 'german', { kind: 'number', value: 1234.5 }],
		['1\u202f234', 'german', { kind: 'number', value: 1234 }],
		["1'234", 'german', { kind: 'number', value: 1234 }],
		[' 0,25 ', 'german', { kind: 'number', value: 0.25 }],
		['0', 'german', { kind: 'number', value: 0 }],
		['-3', 'german', { kind: 'number', value: -3 }],
		['−3,5', 'german', { kind: 'number', value: -3.5 }],
		['1,234.5', 'english', { kind: 'number', value: 1234.5 }],
		['1234.5', 'english', { kind: 'number', value: 1234.5 }],
		['1,234', 'english', { kind: 'number', value: 1234 }],
		['0.5', 'auto', { kind: 'number', value: 0.5 }],
		['12,5', 'auto', { kind: 'number', value: 12.5 }],
		// Alone, "1.234" is read the German way.
		['1.234', 'auto', { kind: 'number', value: 1234 }],
		['(12)', 'german', { kind: 'number', value: 12, flags: ['eingeschraenkt'] }],
		['12p', 'german', { kind: 'number', value: 12, flags: ['vorlaeufig'] }],
		['12 r', 'german', { kind: 'number', value: 12, flags: ['berichtigt'] }],
		['1.234,5 s', 'german', { kind: 'number', value: 1234.5, flags: ['geschaetzt'] }],
		['(12)p', 'german', { kind: 'number', value: 12, flags: ['vorlaeufig', 'eingeschraenkt'] }]
	])('%j (%s) is a number', (raw, notation, expected) => {
		expect(parseStatCell(raw, notation)).toEqual(expected);
	});

	it.each([
		['', 'missing'],
		['   ', 'missing'],
		['-', 'missing'],
		['–', 'missing'],
		['...', 'missing'],
		['…', 'missing'],
		['k. A.', 'missing'],
		['.', 'suppressed'],
		['·', 'suppressed'],
		['x', 'suppressed'],
		['X', 'suppressed'],
		['/', 'suppressed'],
		['*', 'suppressed'],
		['()', 'suppressed'],
		['[g]', 'suppressed']
	])('symbol %j is %s, never a number', (raw, kind) => {
		const cell = parseStatCell(raw, 'german');
		expect(cell.kind).toBe(kind);
		expect(parseStatCell(raw, 'english').kind).toBe(kind);
	});

	it.each([
		['12,5 %', 'german', /Prozentzeichen/],
		['12,5%', 'german', /Prozentzeichen/],
		['45 Kinder', 'german', /Einheit „Kinder“/],
		['1.200 EUR', 'german', /Einheit „EUR“/],
		['1e3', 'english', /wissenschaftliche Schreibweise/],
		['12. Mrz', 'german', /Datum/],
		['12 1)', 'german', /Fußnotenzeichen/],
		['12¹', 'german', /Fußnotenzeichen/],
		['1.5', 'german', /englische Schreibweise/],
		['12,5', 'english', /deutsche Schreibweise/],
		['1.23', 'german', /englische Schreibweise/],
		['1.2.3', 'german', /unerwarteten Zeichen/],
		['abc', 'german', /Text statt einer Zahl/],
		['1,2345.6', 'english', /unerwarteten Zeichen/]
	] as const)('%j (%s) is invalid and says why', (raw, notation, reason) => {
		const cell = parseStatCell(raw, notation);
		expect(cell).toMatchObject({ kind: 'invalid', raw });
		expect(cell.kind === 'invalid' && cell.reason).toMatch(reason);
	});

	it('strips a unit only when asked', () => {
		expect(parseStatCell('12,5 %', 'german', { unit: '%' })).toEqual({ kind: 'number', value: 12.5 });
		expect(parseStatCell('1.200 EUR', 'german', { unit: 'eur' })).toEqual({ kind: 'number', value: 1200 });
		expect(parseStatCell('12,5 km', 'german', { unit: '%' }).kind).toBe('invalid');
	});

	it('keeps the symbol it read', () => {
		expect(parseStatCell(' . ', 'german')).toEqual({ kind: 'suppressed', symbol: '.' });
		expect(parseStatCell('–', 'german')).toEqual({ kind: 'missing', symbol: '–' });
	});
});

describe('detectNotation', () => {
	it.each([
		[['12,5', '1.234'], 'german'],
		[['0.5', '1.234'], 'english'],
		[['1.234', '12', '5.678'], 'german'],
		[['1,234', '12'], 'english'],
		[['1.234.567'], 'german'],
		[['1,234,567'], 'english'],
		[['0.123'], 'english'],
		[['1.234,5'], 'german'],
		[['1,234.5'], 'english'],
		[['1.234'], 'ambiguous'],
		[['1.234', '5.678'], 'ambiguous'],
		[['1.234', '5,678'], 'ambiguous'],
		[['12,5', '0.5'], 'ambiguous'],
		[['12', '1 234', '.', '-', ''], 'either'],
		[[], 'either']
	])('%j -> %s', (cells, notation) => {
		expect(detectNotation(cells).notation).toBe(notation);
	});

	it('explains a conflict with examples', () => {
		expect(detectNotation(['12,5', '0.5']).reason).toContain('„12,5“');
	});
});

describe('resolveNotation', () => {
	it.each([
		[['1.234'], ';', 'german', true],
		[['1.234'], '\t', 'german', true],
		[['1.234'], ',', 'english', true],
		[['12', '13'], ',', 'english', false],
		[['12,5'], ',', 'german', false]
	] as const)('%j with %j -> %s', (cells, delimiter, notation, noted) => {
		const resolved = resolveNotation(cells, delimiter);
		expect(resolved.notation).toBe(notation);
		expect(resolved.note !== undefined).toBe(noted);
	});

	it('does not mutate its input', () => {
		const cells = ['1.234', '12'];
		const copy = [...cells];
		resolveNotation(cells, ';');
		detectNotation(cells);
		expect(cells).toEqual(copy);
	});
});
