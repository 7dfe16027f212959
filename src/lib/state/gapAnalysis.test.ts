import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { defaultGapSettings } from '$lib/domain/bildungskette';
import type { GapOverview } from '$lib/domain/gapOverview';
import { LERNORT_TYPES } from '$lib/domain/lernortTypes';
import type { IndicatorMeta } from '$lib/domain/types';
import { NO_WHAT_IF } from '$lib/domain/whatIf';
import { gapQueryFor, shownOverview, type GapView } from './gapAnalysis.svelte';

const STUTTGART: IndicatorMeta[] = JSON.parse(
	readFileSync(new URL('../../../geodata/stuttgart/indicators.catalog.json', import.meta.url), 'utf8')
).indicators.map((m: Omit<IndicatorMeta, 'years'>) => ({ ...m, years: [2024] }));
const SETTINGS = defaultGapSettings(STUTTGART, LERNORT_TYPES);
const VIEW: GapView = { ...NO_WHAT_IF, mode: 'gaps', level: 'stadtteil', phase: 'elementar' };

const overview = (level: 'stadtteil' | 'stadtbezirk', year = 2024): GapOverview => ({
	level,
	year,
	areas: [],
	phases: []
});

describe('gapQueryFor', () => {
	test('without settings of the city there is nothing to ask', () => {
		expect(gapQueryFor(undefined, VIEW)).toEqual({ query: null, problems: [] });
	});

	test("the city's settings at the view's level when the link sets no what-if", () => {
		const { query, problems } = gapQueryFor(SETTINGS, { ...VIEW, level: 'stadtbezirk' });
		expect(problems).toEqual([]);
		expect(query).toEqual({ settings: SETTINGS, level: 'stadtbezirk' });
	});

	test("the link's thresholds and weights are applied", () => {
		const need = SETTINGS.phases.find((p) => p.id === 'elementar')!.need[0]!.indicator;
		const { query } = gapQueryFor(SETTINGS, {
			...VIEW,
			needThreshold: 0.3,
			supportThreshold: 0.8,
			needWeights: { [need]: 2 }
		});
		expect(query!.settings.thresholds.need).toBe(0.3);
		expect(query!.settings.thresholds.support).toBe(0.8);
		expect(
			query!.settings.phases.find((p) => p.id === 'elementar')!.need.find((n) => n.indicator === need)!.weight
		).toBe(2);
	});

	test('a value the settings cannot take is reported and the default kept', () => {
		const { query, problems } = gapQueryFor(SETTINGS, { ...VIEW, needThreshold: 99 });
		expect(query!.settings.thresholds.need).toBe(SETTINGS.thresholds.need);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toContain("Parameter 'bedarf'");
	});
});

describe('shownOverview', () => {
	const fresh = overview('stadtteil', 2024);
	const previous = overview('stadtteil', 2023);

	test('the fresh answer when there is one', () => {
		expect(shownOverview('gaps', null, fresh, previous, 'stadtteil')).toBe(fresh);
	});

	test('the previous answer of the same level while a what-if is computed', () => {
		expect(shownOverview('gaps', null, null, previous, 'stadtteil')).toBe(previous);
		expect(shownOverview('gaps', null, null, overview('stadtbezirk'), 'stadtteil')).toBeNull();
	});

	test('nothing after a failure or outside the gaps mode', () => {
		expect(shownOverview('gaps', 'kaputt', fresh, previous, 'stadtteil')).toBeNull();
		expect(shownOverview('indicator', null, fresh, previous, 'stadtteil')).toBeNull();
	});
});
