import { describe, expect, it } from 'vitest';
import { embedSummary, type EmbedSummaryInput } from './embedSummary';
import { RATIO } from './fixtures.test-helpers';
import type { Cell } from './types';

const ok = (value: number, partial = false): Cell => ({
	status: 'ok',
	value,
	numerator: value,
	denominator: 100,
	...(partial && { partial })
});

const BASE: EmbedSummaryInput = {
	meta: RATIO,
	year: 2024,
	cityName: 'Testdorf',
	cityCell: ok(34.5),
	levelPlural: 'Stadtteile',
	areas: [
		{ name: 'Eins-Nord', cell: ok(20) },
		{ name: 'Eins-Süd', cell: ok(55.25) },
		{ name: 'Zwei-West', cell: { status: 'suppressed' } },
		{ name: 'Zwei-Ost', cell: { status: 'missing' } }
	]
};

describe('embedSummary', () => {
	it('names the city value, the range with its areas and the gaps', () => {
		expect(embedSummary(BASE)).toBe(
			'Betreuungsquote U3 2024 in Testdorf: 34,5\u00a0% in der ganzen Stadt. ' +
				'Die 4 Stadtteile reichen von 20,0\u00a0% (Eins-Nord) bis 55,3\u00a0% (Eins-Süd). ' +
				'Stadtteile: 1 geheim gehalten, 1 ohne Daten.'
		);
	});

	it('mentions the focus area and a partial city value', () => {
		const text = embedSummary({
			...BASE,
			cityCell: ok(34.5, true),
			focus: { label: 'Stadtteil Eins-Süd', cell: ok(55.25) }
		});
		expect(text).toContain('34,5\u00a0% (ohne geheim gehaltene Teilgebiete berechnet) in der ganzen Stadt.');
		expect(text).toContain('Hervorgehoben: Stadtteil Eins-Süd mit 55,3\u00a0%.');
	});

	it('says nothing about a range or gaps when there are none', () => {
		const text = embedSummary({
			...BASE,
			cityCell: { status: 'suppressed' },
			areas: [{ name: 'A', cell: { status: 'suppressed' } }]
		});
		expect(text).toBe(
			'Betreuungsquote U3 2024 in Testdorf: geheim gehalten in der ganzen Stadt. Stadtteile: 1 geheim gehalten.'
		);
		expect(embedSummary({ ...BASE, areas: [{ name: 'A', cell: ok(1) }] })).not.toContain('Stadtteile:');
	});

	it('names the first area of a tie', () => {
		const text = embedSummary({
			...BASE,
			areas: [
				{ name: 'A', cell: ok(5) },
				{ name: 'B', cell: ok(5) }
			]
		});
		expect(text).toContain('von 5,0\u00a0% (A) bis 5,0\u00a0% (A)');
	});
});
