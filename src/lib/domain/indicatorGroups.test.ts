import { describe, expect, it } from 'vitest';
import { fold, groupIndicators } from './indicatorGroups';
import { BILDUNGSPHASEN } from './phases';
import type { IndicatorMeta } from './types';

const ind = (id: string, title: string, phases: IndicatorMeta['phases'], definition = ''): IndicatorMeta => ({
	id,
	title,
	definition,
	kind: 'ratio',
	scale: 100,
	unit: '%',
	decimals: 1,
	phases,
	direction: 'need',
	source: 'Test',
	years: [2024],
	public: true,
	demo: true
});

const INDICATORS = [
	ind('u3', 'Betreuungsquote unter 3 Jahren', ['fruehe']),
	ind('esu', 'Intensiver Sprachförderbedarf', ['elementar'], 'Einschulungsuntersuchung'),
	ind('gym', 'Übergangsquote Gymnasium', ['primar', 'sek1']),
	ind('sgb2', 'Kinder in SGB-II-Bezug', ['kontext'])
];

describe('fold', () => {
	it.each([
		['Übergänge', 'ubergange'],
		['Straße', 'strasse'],
		['SGB-II', 'sgb-ii']
	])('%s -> %s', (input, out) => expect(fold(input)).toBe(out));
});

describe('groupIndicators', () => {
	it('groups by first phase in phase order', () => {
		const groups = groupIndicators(INDICATORS, BILDUNGSPHASEN);
		expect(groups.map((g) => g.phase.id)).toEqual(['fruehe', 'elementar', 'primar', 'kontext']);
		expect(groups.find((g) => g.phase.id === 'primar')?.indicators.map((i) => i.id)).toEqual(['gym']);
		// An indicator of several phases appears once only.
		expect(groups.flatMap((g) => g.indicators)).toHaveLength(INDICATORS.length);
	});

	it.each([
		['sprach', ['esu']],
		['uebergang', []],
		['ubergang', ['gym']],
		['einschulung', ['esu']],
		['quote gym', ['gym']],
		['quote xyz', []],
		['  ', ['u3', 'esu', 'gym', 'sgb2']]
	])('search %j', (query, ids) => {
		const found = groupIndicators(INDICATORS, BILDUNGSPHASEN, query).flatMap((g) =>
			g.indicators.map((i) => i.id)
		);
		expect(found).toEqual(ids);
	});

	it('does not mutate its input', () => {
		const copy = structuredClone(INDICATORS);
		groupIndicators(INDICATORS, BILDUNGSPHASEN, 'quote');
		expect(INDICATORS).toEqual(copy);
	});
});
