import { describe, expect, test } from 'vitest';
import { CLASS_MISSING } from './choropleth';
import { gapChoropleth, thresholdSentence } from './gapChoropleth';
import type { GapClass } from './gaps';
import { contrastRatio, GAP_CLASS_COLORS, NO_DATA_COLOR } from './palette';

const areas = (classes: GapClass[]) => new Map(classes.map((c, i) => [String(i + 1), { gapClass: c }]));

describe('gapChoropleth', () => {
	test('maps classes to colour indexes, most urgent first, and counts them', () => {
		const input = areas(['foerderluecke', 'unauffaellig', 'unbekannt', 'foerderluecke', 'im_blick']);
		const copy = structuredClone(input);
		const result = gapChoropleth(input);
		expect(input).toEqual(copy);
		expect([...result.classes]).toEqual([
			['1', 0],
			['2', 3],
			['3', CLASS_MISSING],
			['4', 0],
			['5', 1]
		]);
		expect(result.colors).toEqual([
			GAP_CLASS_COLORS.foerderluecke,
			GAP_CLASS_COLORS.im_blick,
			GAP_CLASS_COLORS.gut_versorgt,
			GAP_CLASS_COLORS.unauffaellig
		]);
		expect(result.legend.map((l) => [l.gapClass, l.count])).toEqual([
			['foerderluecke', 2],
			['im_blick', 1],
			['gut_versorgt', 0],
			['unauffaellig', 1],
			['unbekannt', 1]
		]);
		expect(result.legend[0]!.label).toBe('Förderlücke');
	});

	test('the class colours stand apart from each other and from missing data', () => {
		const colors = Object.values(GAP_CLASS_COLORS);
		expect(new Set(colors).size).toBe(colors.length);
		expect(GAP_CLASS_COLORS.unbekannt).toBe(NO_DATA_COLOR);
		// The Förderlücke is clearly darker than the calm "unauffällig".
		expect(contrastRatio(GAP_CLASS_COLORS.foerderluecke, GAP_CLASS_COLORS.unauffaellig)).toBeGreaterThan(3);
	});
});

describe('thresholdSentence', () => {
	test.each([
		[
			{ need: 0.5, support: 0.8, supportIsCity: false },
			'Bedarf über der Schwelle 0,5 (Stadtmittel = 0) und Unterstützung unter 80 %.'
		],
		[
			{ need: -0.25, support: 0.734, supportIsCity: true },
			'Bedarf über der Schwelle −0,3 (Stadtmittel = 0) und Unterstützung unter 73 % (Stadtniveau).'
		],
		[
			{ need: 0, support: null, supportIsCity: true },
			'Bedarf über der Schwelle 0,0 (Stadtmittel = 0) und Unterstützung unter nicht berechenbar.'
		]
	])('%j', (t, text) => expect(thresholdSentence(t)).toBe(text));
});
