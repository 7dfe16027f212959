import { describe, expect, test } from 'vitest';
import { LERNORTE, PROFILE_CATALOG as catalog, PROFILE_VALUES as values } from './fixtures.test-helpers';
import { NBSP } from './format';
import {
	areaProfile,
	formatStand,
	isProfileLevel,
	profileEntries,
	profileLernorte,
	profileMembers,
	profileProblem,
	profileYear,
	type AreaProfile
} from './profile';
import type { Lernort } from './types';

function rowOf(profile: AreaProfile | null, id: string) {
	const row = profile?.groups.flatMap((g) => g.rows).find((r) => r.indicator.id === id);
	if (!row) throw new Error(`no row ${id}`);
	return row;
}

describe('areaProfile', () => {
	test('a Stadtteil: its value beside its Stadtbezirk and the city, grouped by phase', () => {
		const p = areaProfile(catalog, values, 'stadtteil', '101')!;
		expect(p.name).toBe('Eins-Nord');
		expect(p.kindLabel).toBe('Stadtteil');
		expect(p.kicker).toBe('Stadtteil · Stadtbezirk Eins');
		expect(p.parent).toEqual({ key: '1', name: 'Eins' });
		expect(p.cityName).toBe('Testdorf');
		expect(p.regions).toEqual(['Nord']);
		expect(p.stadtteile).toEqual(['101']);
		expect(p.year).toBe(2024);
		expect(p.groups.map((g) => g.phase.id)).toEqual(['fruehe', 'kontext']);

		const quote = rowOf(p, 'quote');
		expect(quote.year).toBe(2024);
		expect(quote.yearNote).toBeUndefined();
		expect(quote.area).toMatchObject({ status: 'ok', text: `10,0${NBSP}%`, partial: false });
		// Bezirk 1: 40 of 200, computed without withheld members.
		expect(quote.parent).toMatchObject({ status: 'ok', text: `20,0${NBSP}%`, partial: true });
		// City: 55 of 300.
		expect(quote.city.text).toBe(`18,3${NBSP}%`);
		expect(quote.flags.map((f) => f.kind)).toEqual(['demo', 'partial']);
		expect(p.sources).toEqual(['Test']);
	});

	test('each row carries the values of the area over all years of its indicator, for the sparkline', () => {
		const quote = rowOf(areaProfile(catalog, values, 'stadtteil', '101'), 'quote');
		expect(quote.series.map((s) => s.year)).toEqual([2023, 2024]);
		expect(quote.series.map((s) => (s.cell.status === 'ok' ? s.cell.value : s.cell.status))).toEqual([
			12, 10
		]);
		const withheld = rowOf(areaProfile(catalog, values, 'stadtteil', '102'), 'quote');
		expect(withheld.series.map((s) => s.cell.status)).toEqual(['suppressed', 'ok']);
		// A Bildungsregion's own series (sum over sum), not that of a member.
		const nord = rowOf(areaProfile(catalog, values, 'bildungsregion', 'nord'), 'quote');
		expect(nord.series.map((s) => s.cell.status)).toEqual(['missing', 'ok']);
		expect(nord.series[1]!.cell).toMatchObject({ value: 20 });
	});

	test('a row without the profile year uses its newest year and says so', () => {
		const p = areaProfile(catalog, values, 'stadtteil', '102');
		const einwohner = rowOf(p, 'einwohner');
		expect(einwohner.year).toBe(2023);
		expect(einwohner.yearNote).toBe('Werte von 2023; für 2024 liegen keine vor');
		expect(einwohner.area.text).toBe(`2.000${NBSP}Personen`);
		expect(einwohner.flags.map((f) => f.kind)).toEqual(['demo', 'internal', 'year']);
	});

	test('suppressed and missing cells are named, never shown as numbers', () => {
		const suppressed = rowOf(areaProfile(catalog, values, 'stadtteil', '201'), 'quote');
		expect(suppressed.area).toMatchObject({ status: 'suppressed', text: 'geheim gehalten', partial: false });
		// Bezirk 2 is withheld as well.
		expect(suppressed.parent?.text).toBe('geheim gehalten');
		expect(suppressed.flags.map((f) => f.kind)).toContain('suppressed');
		expect(suppressed.flags.map((f) => f.kind)).not.toContain('missing');

		const missing = rowOf(areaProfile(catalog, values, 'stadtteil', '202'), 'quote');
		expect(missing.area).toMatchObject({ status: 'missing', text: 'keine Daten', partial: false });
		expect(missing.flags.map((f) => f.kind)).toEqual(['demo', 'suppressed', 'missing']);
	});

	test('a Stadtbezirk has no parent column and holds its Stadtteile', () => {
		const p = areaProfile(catalog, values, 'stadtbezirk', '1')!;
		expect(p.kicker).toBe('Stadtbezirk');
		expect(p.parent).toBeNull();
		expect(p.stadtteile).toEqual(['101', '102']);
		expect(p.regions).toEqual(['Nord']);
		const quote = rowOf(p, 'quote');
		expect(quote.parent).toBeNull();
		expect(quote.area.partial).toBe(true);
	});

	test('a Bildungsregion shows its aggregate (sum over sum) and its members', () => {
		const nord = areaProfile(catalog, values, 'bildungsregion', 'nord')!;
		expect(nord.kicker).toBe('Bildungsregion · Stadtbezirk Eins');
		expect(nord.members).toEqual({ level: 'stadtbezirk', units: [{ key: '1', name: 'Eins' }] });
		expect(nord.stadtteile).toEqual(['101', '102']);
		expect(nord.parent).toBeNull();
		// (10 + 30) / (100 + 100), not the mean of the members' rates.
		expect(rowOf(nord, 'quote').area).toMatchObject({ status: 'ok', text: `20,0${NBSP}%`, partial: false });
		expect(rowOf(nord, 'einwohner').area.text).toBe(`3.000${NBSP}Personen`);

		const hallschlag = areaProfile(catalog, values, 'bildungsregion', 'hallschlag')!;
		expect(hallschlag.kicker).toBe('Bildungsregion · Stadtteil Zwei-Ost');
		expect(hallschlag.stadtteile).toEqual(['202']);
		expect(rowOf(hallschlag, 'quote').area.text).toBe('keine Daten');
	});

	test('unknown levels and keys give null', () => {
		expect(areaProfile(catalog, values, 'stadtteil', '999')).toBeNull();
		expect(areaProfile(catalog, values, 'stadt', '08000000')).toBeNull();
		expect(areaProfile(catalog, values, 'bildungsregion', '101')).toBeNull();
		expect(areaProfile(catalog, values, 'stadtbezirk', '101')).toBeNull();
	});

	test('does not mutate its inputs', () => {
		const before = JSON.stringify([catalog, values]);
		areaProfile(catalog, values, 'bildungsregion', 'nord');
		expect(JSON.stringify([catalog, values])).toBe(before);
	});
});

describe('profileMembers', () => {
	test.each([
		['stadtteil', '101', { level: 'stadtteil', keys: ['101'] }],
		['stadtbezirk', '2', { level: 'stadtbezirk', keys: ['2'] }],
		['bildungsregion', 'hallschlag', { level: 'stadtteil', keys: ['202'] }],
		['bildungsregion', 'süd', null],
		['stadtteil', '1', null]
	] as const)('%s %s', (level, key, expected) => {
		expect(profileMembers(catalog, level, key)).toEqual(expected);
	});
});

describe('profileLernorte', () => {
	const sites: Lernort[] = [
		...LERNORTE,
		{ ...LERNORTE[0]!, id: 'f', name: 'Alpha-Kita', address: 'Weg 1', source: 'Amt' }
	];

	test('the Lernorte of a Stadtbezirk by category and type, listed by name', () => {
		const l = profileLernorte(catalog, sites, ['101', '102']);
		expect(l.total).toBe(5);
		expect(l.categories.map((c) => [c.title, c.count])).toEqual([
			['Formale Lernorte', 3],
			['Non-formale Lernorte', 1],
			['Informelle Lernorte', 1]
		]);
		const kitas = l.categories[0]!.types[0]!;
		expect(kitas).toMatchObject({ type: 'kita', label: 'Kitas', count: 3 });
		expect(kitas.sites.map((s) => s.name)).toEqual(['a', 'Alpha-Kita', 'b']);
		expect(kitas.sites[1]!.address).toBe('Weg 1');
		expect(l.categories[1]!.types.map((t) => t.label)).toEqual(['Bibliotheken']);
		expect(l.sources).toEqual(['Amt', 'Test']);
	});

	test('an area without Lernorte has empty categories', () => {
		const l = profileLernorte(catalog, sites, ['202']);
		expect(l.total).toBe(0);
		expect(l.categories.map((c) => c.count)).toEqual([0, 0, 0]);
		expect(l.categories.every((c) => c.types.length === 0)).toBe(true);
		expect(l.sources).toEqual([]);
	});

	test('hands the Lernorte of the area to the map', () => {
		expect(profileLernorte(catalog, sites, ['102']).lernorte.map((l) => l.id)).toEqual(['d']);
	});

	test('does not mutate the Lernorte', () => {
		const before = JSON.stringify(sites);
		profileLernorte(catalog, sites, ['101']);
		expect(JSON.stringify(sites)).toBe(before);
	});
});

describe('profileProblem', () => {
	test.each([
		['stadtteil', '101', null],
		['bildungsregion', 'nord', null],
		['stadtteil', '999', 'In Testdorf gibt es keinen Stadtteil mit der Kennung „999“.'],
		['stadtbezirk', '101', 'In Testdorf gibt es keinen Stadtbezirk mit der Kennung „101“.'],
		['bildungsregion', 'süd', 'In Testdorf gibt es keine Bildungsregion mit der Kennung „süd“.'],
		[
			'stadt',
			'08000000',
			'„stadt“ ist keine Gebietsebene. Profile gibt es für Stadtteile, Stadtbezirke und Bildungsregionen.'
		]
	])('%s %s', (level, key, expected) => {
		expect(profileProblem(catalog, level, key)).toBe(expected);
	});
});

describe('small helpers', () => {
	test('isProfileLevel', () => {
		expect(['stadtteil', 'stadtbezirk', 'bildungsregion', 'stadt', ''].map(isProfileLevel)).toEqual([
			true,
			true,
			true,
			false,
			false
		]);
	});
	test('profileYear', () => {
		expect(profileYear([{ years: [2021, 2024] }, { years: [2023] }])).toBe(2024);
		expect(profileYear([])).toBeNull();
	});
	test('profileEntries lists every unit that has a profile, and nothing else', () => {
		const entries = profileEntries(catalog);
		expect(entries).toHaveLength(4 + 2 + 2);
		expect(entries[0]).toEqual({ level: 'stadtteil', key: '101' });
		expect(entries).toContainEqual({ level: 'stadtbezirk', key: '2' });
		expect(entries.at(-1)).toEqual({ level: 'bildungsregion', key: 'hallschlag' });
		expect(entries.some((e) => (e.level as string) === 'stadt')).toBe(false);
	});
	test('formatStand', () => {
		expect(formatStand('2024-12-31')).toBe('31.12.2024');
		expect(formatStand('Ende 2024')).toBe('Ende 2024');
	});
});
