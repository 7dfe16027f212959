import { describe, expect, it } from 'vitest';
import { countByType, filterLernorte } from './lernortFilter';
import type { Lernort } from './types';

const site = (id: string, type: string, phases: Lernort['phases']): Lernort => ({
	id,
	name: id,
	type,
	category: 'formal',
	phases,
	lon: 9.18,
	lat: 48.78,
	address: '',
	source: 'Test',
	stadtteil: '101',
	demo: true
});

const SITES = [
	site('k1', 'kita', ['fruehe', 'elementar']),
	site('k2', 'kita', ['elementar']),
	site('g1', 'grundschule', ['primar']),
	site('j1', 'jugendhaus', ['primar', 'sek1', 'sek2'])
];

describe('filterLernorte', () => {
	it.each<[string[], Lernort['phases'], string[]]>([
		[[], [], ['k1', 'k2', 'g1', 'j1']],
		[['kita'], [], ['k1', 'k2']],
		[[], ['fruehe'], ['k1']],
		[[], ['primar'], ['g1', 'j1']],
		[
			['kita', 'jugendhaus'],
			['elementar', 'sek2'],
			['k1', 'k2', 'j1']
		],
		[['grundschule'], ['sek1'], []],
		[['unbekannt'], [], []]
	])('types %j phases %j', (types, phases, ids) => {
		expect(filterLernorte(SITES, types, phases).map((l) => l.id)).toEqual(ids);
	});

	it('does not mutate its input', () => {
		const copy = structuredClone(SITES);
		filterLernorte(SITES, ['kita'], ['fruehe']);
		expect(SITES).toEqual(copy);
	});
});

describe('countByType', () => {
	it('counts per type', () => {
		expect([...countByType(SITES)]).toEqual([
			['kita', 2],
			['grundschule', 1],
			['jugendhaus', 1]
		]);
	});
});
