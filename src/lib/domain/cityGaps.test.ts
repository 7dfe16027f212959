/**
 * The reach cache of the city analysis: what it reuses and what it must not (on the Stuttgart
 * demo, loaded as `npm run gaps` loads it).
 */
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadGapCity, type LoadedGapCity } from '../../../scripts/lib/gapsCli';
import { buildAreaGrid, type AreaGrid } from '../geo/reachGrid';
import type { GapSettings } from './bildungskette';
import { analyseCityGaps, createReachCache, type ReachCache } from './cityGaps';

const ROOT = resolve(import.meta.dirname, '../../..');
let loaded: Extract<LoadedGapCity, { ok: true }>;
let grid: AreaGrid;

beforeAll(() => {
	const result = loadGapCity(join(ROOT, 'geodata'), 'stuttgart', { publicOnly: false });
	if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
	loaded = result;
	grid = buildAreaGrid(result.areas);
}, 30_000);

const run = (settings: GapSettings, level: 'stadtteil' | 'stadtbezirk', reachCache?: ReachCache) =>
	analyseCityGaps({
		...loaded.city,
		grid,
		settings,
		level,
		...(reachCache && { reachCache })
	});

describe('analyseCityGaps with a reach cache', () => {
	/** Distinct sets of sites: one per category of Lernort with sites, per phase, shared between phases. */
	const siteSets = (s: GapSettings) => {
		const category = new Map(loaded.city.lernorte.map((l) => [l.type, l.category]));
		const present = new Set(loaded.city.lernorte.map((l) => l.type));
		const sets = s.phases.flatMap((p) =>
			['formal', 'nonformal', 'informal'].map((c) =>
				p.lernortTypes
					.filter((t) => present.has(t) && category.get(t) === c)
					.sort()
					.join(',')
			)
		);
		return { pairs: sets.filter(Boolean).length, distinct: new Set(sets.filter(Boolean)).size };
	};

	test('gives the same analysis as without, at both levels, with one entry per distinct set of sites', () => {
		const cache = createReachCache();
		const s = loaded.city.settings;
		expect(run(s, 'stadtteil', cache)).toEqual(run(s, 'stadtteil'));
		const { pairs, distinct } = siteSets(s);
		expect(cache.size).toBe(distinct);
		// Phases share sets of sites (sports clubs, libraries): each is computed once.
		expect(distinct).toBeLessThan(pairs);
		expect(run(s, 'stadtbezirk', cache)).toEqual(run(s, 'stadtbezirk'));
		expect(cache.size).toBe(distinct);
	});

	test('thresholds and weights reuse it; another walking distance or detour factor does not', () => {
		const cache = createReachCache();
		const s = loaded.city.settings;
		run(s, 'stadtteil', cache);
		const whatIf: GapSettings = {
			...s,
			thresholds: { need: 0.5, support: 0.8 },
			weights: { ...s.weights, reach: 2 }
		};
		const { distinct } = siteSets(s);
		expect(run(whatIf, 'stadtteil', cache)).toEqual(run(whatIf, 'stadtteil'));
		expect(cache.size).toBe(distinct);

		const farther: GapSettings = {
			...s,
			reachMetres: Object.fromEntries(Object.entries(s.reachMetres).map(([t, m]) => [t, m * 2]))
		};
		const cached = run(farther, 'stadtteil', cache);
		expect(cached).toEqual(run(farther, 'stadtteil'));
		expect(cache.size).toBe(2 * distinct);
		// Longer walks reach at least as many children: the cache did not hand back the old shares.
		const share = (a: ReturnType<typeof run>) =>
			a.phases.flatMap((p) => [...p.inputs.values()].map((i) => i.reachShare ?? 0));
		const before = share(run(s, 'stadtteil'));
		const after = share(cached);
		after.forEach((v, i) => expect(v).toBeGreaterThanOrEqual(before[i]! - 1e-12));
		expect(after.some((v, i) => v > before[i]! + 0.01)).toBe(true);

		const detour: GapSettings = { ...s, detourFactor: 2 };
		expect(run(detour, 'stadtteil', cache)).toEqual(run(detour, 'stadtteil'));
		expect(cache.size).toBe(3 * distinct);
	});
});
