import { describe, expect, it } from 'vitest';
import { areaSummary } from './areaSummary';
import { CATALOG, LERNORTE, RATIO, VALUES } from './fixtures.test-helpers';

describe('areaSummary', () => {
	it('summarises a Stadtteil with Bezirk and city comparison', () => {
		const s = areaSummary(CATALOG, VALUES, LERNORTE, RATIO, 2024, 'stadtteil', '101')!;
		expect(s.name).toBe('Eins-Nord');
		expect(s.levelLabel).toBe('Stadtteil');
		expect(s.parent).toEqual({ key: '1', name: 'Eins' });
		expect(s.valueText).toMatch(/^10,0\s%$/);
		expect(s.comparisons.map((c) => c.label)).toEqual(['Stadtbezirk Eins', 'Stadt Testdorf']);
		expect(s.comparisons[0]!.text).toMatch(/^20,0\s%$/);
		expect(s.comparisons[1]!.text).toMatch(/^18,3\s%$/);
		expect(s.regions).toEqual(['Nord']);
		const lernorte = s.lernorte!;
		expect(lernorte.total).toBe(3);
		expect(lernorte.sources).toEqual(['Test']);
		expect(lernorte.list.map((l) => `${l.type}: ${l.name}`)).toEqual(['Kita: a', 'Kita: b', 'Spielplatz: c']);
		expect(lernorte.byCategory.map((c) => c.count)).toEqual([2, 0, 1]);
		expect(lernorte.byType).toEqual([
			{ type: 'kita', label: 'Kitas', count: 2 },
			{ type: 'spielplatz', label: 'Spielplätze', count: 1 }
		]);
	});

	it('counts the Lernorte of all Stadtteile of a Bezirk and names contained regions', () => {
		const s = areaSummary(CATALOG, VALUES, LERNORTE, RATIO, 2024, 'stadtbezirk', '2')!;
		expect(s.parent).toBeNull();
		expect(s.valueText).toBe('geheim gehalten');
		expect(s.comparisons.map((c) => c.label)).toEqual(['Stadt Testdorf']);
		expect(s.regions).toEqual(['Hallschlag']);
		expect(s.lernorte?.total).toBe(1);
	});

	it('leaves the Lernorte out when they are not available, and keeps everything else', () => {
		const s = areaSummary(CATALOG, VALUES, null, RATIO, 2024, 'stadtteil', '101')!;
		expect(s.lernorte).toBeNull();
		expect(s.valueText).toMatch(/^10,0\s%$/);
		expect(s.regions).toEqual(['Nord']);
	});

	it('shows a suppressed Stadtteil as such', () => {
		const s = areaSummary(CATALOG, VALUES, LERNORTE, RATIO, 2024, 'stadtteil', '201')!;
		expect(s.cell).toEqual({ status: 'suppressed' });
		expect(s.regions).toEqual([]);
	});

	it('returns null for an unknown key', () => {
		expect(areaSummary(CATALOG, VALUES, LERNORTE, RATIO, 2024, 'stadtteil', '999')).toBeNull();
	});
});
