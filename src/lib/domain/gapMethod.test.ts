import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultGapSettings, type GapSettings } from './bildungskette';
import { childSpreadNote, methodText, settlementProblemText, type MethodSection } from './gapMethod';
import { GAP_CLASSES } from './gaps';
import { LERNORT_TYPES } from './lernortTypes';
import type { IndicatorMeta } from './types';

const STUTTGART: IndicatorMeta[] = JSON.parse(
	readFileSync(new URL('../../../geodata/stuttgart/indicators.catalog.json', import.meta.url), 'utf8')
).indicators.map((m: Omit<IndicatorMeta, 'years'>) => ({ ...m, years: [2024] }));
const DEFAULTS = defaultGapSettings(STUTTGART, LERNORT_TYPES);

const section = (sections: MethodSection[], id: string) => sections.find((s) => s.id === id)!;
const text = (s: MethodSection) => [...s.paragraphs, ...s.formulas, ...s.items].join('\n');

describe('methodText', () => {
	const sections = methodText(DEFAULTS, STUTTGART, LERNORT_TYPES);

	it('has the sections of the Methode page in order', () => {
		expect(sections.map((s) => s.id)).toEqual([
			'ueberblick',
			'phasen',
			'bedarf',
			'unterstuetzung',
			'verteilung',
			'fusswege',
			'luecke',
			'was-waere-wenn',
			'stadtbezirke',
			'grenzen',
			'quellen'
		]);
		for (const s of sections) expect(s.title.length).toBeGreaterThan(3);
	});

	it('states every formula', () => {
		const formulas = sections.flatMap((s) => s.formulas).join('\n');
		for (const f of [
			'z = (Wert − Mittelwert der Gebiete) ÷ Standardabweichung der Gebiete',
			'Bedarfsniveau = Φ(Bedarfsindex)',
			'Plätze = min(1, Plätze je Kind ÷ Platzziel)',
			'Unterstützungsniveau = (1 × Erreichbarkeit + 1 × Plätze + 1 × Angebotsquoten)',
			'Förderlücken-Wert = Bedarfsniveau × (1 − Unterstützungsniveau)',
			'Fußweg ≈ Luftlinie × 1,3'
		])
			expect(formulas).toContain(f);
	});

	it('lists the phases with their population, need and supply', () => {
		expect(section(sections, 'phasen').items[0]).toBe('Frühe Bildung (0–3 Jahre): Kinder unter 3 Jahren');
		expect(section(sections, 'bedarf').items[2]).toBe(
			'Primarbereich (6–10 Jahre): Zurückstellungen vom Schulbesuch (Gewicht 1); Übergang auf das Gymnasium (Gewicht 1, umgekehrt gewertet); Kinder in SGB-II-Bedarfsgemeinschaften (Gewicht 1); Alleinerziehende (Gewicht 1)'
		);
		expect(section(sections, 'unterstuetzung').items[0]).toContain(
			'Platzziel 0,5 Plätze je Kind (Plätze von Kita und Kindertagespflege)'
		);
		expect(section(sections, 'unterstuetzung').items[1]).toContain('Platzziel 1 Platz je Kind');
	});

	it('groups the walking distances with their straight-line radius', () => {
		expect(section(sections, 'fusswege').items).toEqual([
			'500\u00a0m Fußweg (385\u00a0m Luftlinie): Kita, Kindertagespflege und Grundschule',
			'1.000\u00a0m Fußweg (769\u00a0m Luftlinie): Gemeinschaftsschule, Werkrealschule, Realschule, Gymnasium, SBBZ und Berufliche Schule',
			expect.stringMatching(/^1\.500\u00a0m Fußweg \(1\.154\u00a0m Luftlinie\): Jugendhaus/)
		]);
	});

	it('explains every class', () => {
		const items = section(sections, 'luecke').items.join('\n');
		for (const c of Object.values(GAP_CLASSES)) expect(items).toContain(`${c.label}: ${c.description}`);
	});

	it('cites the source of every indicator in use, and only those', () => {
		const items = section(sections, 'quellen').items;
		expect(items).toContain(
			'Intensiver Sprachförderbedarf (ESU): Demodaten, erzeugt nach dem Muster von: Gesundheitsamt Stuttgart, Einschulungsuntersuchung (ESU)'
		);
		expect(items.some((i) => i.startsWith('Klassenwiederholungen'))).toBe(false);
		expect(items.some((i) => i.startsWith('Einwohnerinnen'))).toBe(false);
		expect(section(sections, 'quellen').paragraphs).toEqual([
			'Die Indikatorwerte sind Demodaten – nicht amtlich.'
		]);
	});

	it('follows the settings, so text and computation agree', () => {
		const changed: GapSettings = {
			...DEFAULTS,
			detourFactor: 1.25,
			minCoverage: 0.75,
			weights: { reach: 2, places: 0, supply: 1 },
			thresholds: { need: 0.5, support: 0.6 },
			phases: DEFAULTS.phases.map((p) =>
				p.id === 'fruehe' ? { ...p, supply: [{ indicator: 'betreuungsquote_u3', weight: 1, target: 62 }] } : p
			)
		};
		const s = methodText(changed, STUTTGART, LERNORT_TYPES);
		const all = s.map(text).join('\n');
		expect(all).toContain('Fußweg ≈ Luftlinie × 1,25');
		expect(all).not.toContain('1,3');
		expect(all).toContain('Abdeckung ≥ 75\u00a0%');
		expect(all).toContain('Unterstützungsniveau = (2 × Erreichbarkeit + 1 × Angebotsquoten)');
		expect(all).toContain('ein Bedarfsindex von 0,5');
		expect(all).toContain('ein Unterstützungsniveau von 0,6');
		expect(all).not.toContain('Einordnung anderer Gebiete verschieben');
		expect(all).toContain('Betreuungsquote unter 3 Jahren (Gewicht 1, Maßstab: Zielwert 62\u00a0%)');
	});

	it('explains both ways of spreading the children and says which one is used', () => {
		const even = section(sections, 'verteilung');
		expect(even.items.map((i) => i.slice(0, i.indexOf(':')))).toEqual([
			'Gleichmäßig über die Fläche',
			'Über die Siedlungsflächen'
		]);
		expect(even.paragraphs[1]).toBe(
			'In Gebrauch ist das Verfahren „gleichmäßig über die Fläche“: Für diese Stadt liegen keine Siedlungsflächen vor.'
		);
		expect(text(section(sections, 'unterstuetzung'))).toContain(
			'Erreichbarkeit je Art = Rasterpunkte mit einem Lernort dieser Art in Fußwegdistanz ÷ alle Rasterpunkte des Gebiets'
		);
		expect(section(sections, 'quellen').items.some((i) => i.startsWith('Siedlungsflächen'))).toBe(false);

		const settlement = { attribution: 'Stadt Stuttgart – ALKIS, dl-de/by-2-0', year: 2024, polygons: 4210 };
		const s = methodText(DEFAULTS, STUTTGART, LERNORT_TYPES, settlement);
		expect(section(s, 'verteilung').paragraphs[1]).toBe(
			'In Gebrauch ist das Verfahren „über die Siedlungsflächen“. Quelle der Siedlungsflächen: Stadt Stuttgart – ALKIS, dl-de/by-2-0, Stand 2024.'
		);
		expect(section(s, 'unterstuetzung').paragraphs[0]).toContain(
			'Die Kinder gelten als über die Siedlungsflächen des Gebiets verteilt'
		);
		expect(text(section(s, 'unterstuetzung'))).toContain(
			'÷ alle Rasterpunkte des Gebiets auf Siedlungsfläche'
		);
		expect(section(s, 'quellen').items).toContain(
			'Siedlungsflächen: Stadt Stuttgart – ALKIS, dl-de/by-2-0, Stand 2024'
		);
		const { year: _year, ...noYear } = settlement;
		expect(section(methodText(DEFAULTS, STUTTGART, LERNORT_TYPES, noYear), 'quellen').items).toContain(
			'Siedlungsflächen: Stadt Stuttgart – ALKIS, dl-de/by-2-0'
		);
	});

	it('does not mutate the settings', () => {
		const before = structuredClone(DEFAULTS);
		methodText(DEFAULTS, STUTTGART, LERNORT_TYPES);
		expect(DEFAULTS).toEqual(before);
	});
});

describe('childSpreadNote', () => {
	const layer = { attribution: 'ALKIS', year: 2024, polygons: 9 };
	it('names the method, the source with its year and the Stadtteile that fall back', () => {
		expect(childSpreadNote({ method: 'siedlungsflaeche', fallbackAreas: ['113'] }, layer)).toBe(
			'Erreichbarkeit: Kinder über die Siedlungsflächen verteilt (ALKIS, Stand 2024); 1 Stadtteil ohne Siedlungsfläche: dort gleichmäßig über die Fläche.'
		);
		expect(
			childSpreadNote({ method: 'siedlungsflaeche', fallbackAreas: [] }, { attribution: 'Amt', polygons: 1 })
		).toBe('Erreichbarkeit: Kinder über die Siedlungsflächen verteilt (Amt).');
		expect(
			childSpreadNote(
				{ method: 'siedlungsflaeche', fallbackAreas: Array.from({ length: 1200 }, String) },
				layer
			)
		).toContain('; 1.200 Stadtteile ohne Siedlungsfläche');
	});

	it('says nothing for the even spread or before an analysis', () => {
		expect(childSpreadNote({ method: 'gleichmaessig', fallbackAreas: [] }, layer)).toBeNull();
		expect(childSpreadNote(undefined, layer)).toBeNull();
	});
});

describe('settlementProblemText', () => {
	it('names the failure, what the analysis does instead, and the fix', () => {
		expect(settlementProblemText('HTTP 404', 'npm run data ausführen.')).toBe(
			'Die Siedlungsflächen konnten nicht geladen werden (HTTP 404); die Kinder gelten deshalb als gleichmäßig über die Stadtteile verteilt. npm run data ausführen.'
		);
	});
});
