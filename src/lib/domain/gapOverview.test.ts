import { describe, expect, test } from 'vitest';
import type { CityGaps, PhaseGaps } from './cityGaps';
import { gapOverview } from './gapOverview';
import type { AreaGap } from './gaps';

const need = (index: number | null) => ({
	index,
	level: index === null ? null : 0.5,
	used: ['a'],
	missing: [],
	suppressed: [],
	coverage: 1,
	z: { a: index ?? 0 }
});
const support = (level: number | null) => ({
	level,
	measures: { sitesPer1000: 2, placesPerChild: null, reachShare: level, supply: {} },
	components: { reach: level, places: null, supply: null },
	supplyScores: {},
	supplyMissing: [],
	placesLowerBound: false
});
const GAP_A: AreaGap = { need: need(1.2), support: support(0.3), score: 0.41, gapClass: 'foerderluecke' };
const GAP_B: AreaGap = {
	need: need(null),
	support: support(0.8),
	score: null,
	gapClass: 'unbekannt',
	reason: 'Zu wenige Werte für den Bedarf'
};

function analysis(): CityGaps {
	const phase = {
		phase: 'elementar',
		areas: new Map([
			['a', GAP_A],
			['b', GAP_B]
		]),
		thresholds: { need: 0, support: 0.6, supportIsCity: true },
		model: { id: 'elementar', lernortTypes: ['kita', 'spielplatz'] },
		inputs: new Map(),
		reachByCategory: new Map([['a', { formal: 0.3 }]]),
		cityValues: {}
	} as unknown as PhaseGaps;
	return { level: 'stadtteil', year: 2024, areas: ['a', 'b'], phases: [phase] };
}

describe('gapOverview', () => {
	test('keeps class, score, need index, support level and reason per area and phase', () => {
		const o = gapOverview(analysis());
		expect(o.level).toBe('stadtteil');
		expect(o.year).toBe(2024);
		expect(o.areas).toEqual(['a', 'b']);
		expect(o.phases).toHaveLength(1);
		const p = o.phases[0]!;
		expect(p.phase).toBe('elementar');
		expect(p.lernortTypes).toEqual(['kita', 'spielplatz']);
		expect(p.thresholds).toEqual({ need: 0, support: 0.6, supportIsCity: true });
		expect(p.areas.get('a')).toEqual({
			gapClass: 'foerderluecke',
			score: 0.41,
			need: { index: 1.2 },
			support: { level: 0.3 }
		});
		expect(p.areas.get('b')).toEqual({
			gapClass: 'unbekannt',
			score: null,
			need: { index: null },
			support: { level: 0.8 },
			reason: 'Zu wenige Werte für den Bedarf'
		});
	});

	test('leaves out the detail (z-values, inputs, reach by kind) and shares nothing with its input', () => {
		const input = analysis();
		const before = structuredClone(input);
		const o = gapOverview(input);
		expect(JSON.stringify([...o.phases[0]!.areas.values()])).not.toContain('coverage');
		o.areas.push('c');
		(o.phases[0]!.lernortTypes as string[]).push('bibliothek');
		o.phases[0]!.thresholds.need = 5;
		o.phases[0]!.areas.get('a')!.need.index = 0;
		expect(input).toEqual(before);
	});
});
