import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadGapCity, type LoadedGapCity } from '../../../scripts/lib/gapsCli';
import { areaChain } from '$lib/domain/areaChain';
import { gapOverview } from '$lib/domain/gapOverview';
import type { GapOverview } from '$lib/domain/gapOverview';
import type { ReachRaster } from '$lib/geo/reachRaster';
import { decodeSettlement, SETTLEMENT_OBJECT } from '$lib/geo/topology';
import { bbox, bboxPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { analyseCityGaps } from '$lib/domain/cityGaps';
import { applyWhatIf, NO_WHAT_IF } from '$lib/domain/whatIf';
import { cityGrid } from '$lib/geo/cityGrid';
import { topology } from 'topojson-server';
import type { Topology } from 'topojson-specification';
import { createGapService, gapQueryKey, type GapCityData, type GapReply } from './gapService';

const ROOT = resolve(import.meta.dirname, '../../..');
let loaded: Extract<LoadedGapCity, { ok: true }>;
let cityData: GapCityData;

beforeAll(() => {
	const result = loadGapCity(join(ROOT, 'geodata'), 'stuttgart', { publicOnly: false });
	if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
	loaded = result;
	const { catalog, values, lernorte } = result.city;
	cityData = { catalog, values, lernorte, areas: result.areas, settlement: null };
}, 30_000);

const bboxArea = (f: Feature) => {
	const [w, s, e, n] = bbox(f);
	return (e - w) * (n - s);
};

const resultOf = (reply: GapReply | undefined) => {
	if (!reply || 'error' in reply) throw new Error(`expected a result, got ${JSON.stringify(reply)}`);
	return reply.result;
};

describe('createGapService', () => {
	test('answers nothing to the city, and a German error to a request before it', () => {
		const service = createGapService();
		const early = service.handle({
			kind: 'analyse',
			id: 1,
			settings: loaded.city.settings,
			level: 'stadtteil'
		});
		expect(early?.reply).toEqual({ id: 1, error: 'Förderlücken: keine Daten der Stadt geladen' });
		expect(service.handle({ kind: 'city', city: cityData })).toBeNull();
	});

	test('the overview is that of the analysis the CLI computes, at both levels', () => {
		const service = createGapService();
		service.handle({ kind: 'city', city: cityData });
		for (const level of ['stadtteil', 'stadtbezirk'] as const) {
			const out = service.handle({ kind: 'analyse', id: 7, settings: loaded.city.settings, level });
			expect(out?.reply.id).toBe(7);
			expect(resultOf(out?.reply)).toEqual({
				...gapOverview(loaded.analyse(level)),
				childSpread: { method: 'gleichmaessig', fallbackAreas: [] }
			});
		}
	});

	test('a what-if threshold changes classes, not scores', () => {
		const service = createGapService();
		service.handle({ kind: 'city', city: cityData });
		const base = loaded.city.settings;
		const strict = { ...base, thresholds: { need: 1, support: base.thresholds.support } };
		const a = resultOf(service.handle({ kind: 'analyse', id: 1, settings: base, level: 'stadtteil' })?.reply);
		const b = resultOf(
			service.handle({ kind: 'analyse', id: 2, settings: strict, level: 'stadtteil' })?.reply
		);
		if (!('phases' in a) || !('phases' in b)) throw new Error('overview expected');
		const classes = (o: typeof a) => o.phases.flatMap((p) => [...p.areas.values()].map((g) => g.gapClass));
		const scores = (o: typeof a) => o.phases.flatMap((p) => [...p.areas.values()].map((g) => g.score));
		expect(scores(b)).toEqual(scores(a));
		expect(classes(b)).not.toEqual(classes(a));
		expect(classes(b).filter((c) => c === 'foerderluecke').length).toBeLessThan(
			classes(a).filter((c) => c === 'foerderluecke').length
		);
	});

	test('the chain of an area is the one computed from the whole analysis', () => {
		const service = createGapService();
		service.handle({ kind: 'city', city: cityData });
		const hallschlag = cityData.catalog.units.stadtteil.find((u) => u.name === 'Hallschlag')!.key;
		const point: [number, number] = [9.2, 48.81];
		const out = service.handle({
			kind: 'chain',
			id: 3,
			settings: loaded.city.settings,
			level: 'stadtteil',
			area: hallschlag,
			point
		});
		expect(resultOf(out?.reply)).toEqual(
			areaChain(loaded.analyse('stadtteil'), hallschlag, cityData.lernorte, point, {
				indicators: cityData.catalog.indicators,
				lernortTypes: cityData.catalog.lernortTypes,
				phases: cityData.catalog.phases
			})
		);
		const wrong = service.handle({
			...{ kind: 'chain', id: 4, area: 'nirgendwo', point },
			settings: loaded.city.settings,
			level: 'stadtteil'
		} as const);
		expect(wrong?.reply).toMatchObject({ id: 4, error: expect.stringContaining('nirgendwo') });
	});

	test('the raster of a phase measures to its formal sites and hands over its pixels', () => {
		const service = createGapService();
		service.handle({ kind: 'city', city: cityData });
		const colors: Array<[number, number, number, number]> = [
			[1, 1, 1, 255],
			[2, 2, 2, 255],
			[3, 3, 3, 255]
		];
		const out = service.handle({ kind: 'raster', id: 5, lernortTypes: ['kita'], breaks: [250, 500], colors });
		const raster = resultOf(out?.reply) as ReachRaster;
		expect(raster.width * raster.height * 4).toBe(raster.data.length);
		expect(out?.transfer).toEqual([raster.data.buffer]);
		const counts = [0, 0, 0, 0];
		for (let i = 0; i < raster.data.length; i += 4) counts[raster.data[i]!]!++;
		// Every class occurs: Kitas are near many cells and far from some.
		expect(counts.slice(1).every((n) => n > 0)).toBe(true);
		// Without formal sites of the types every cell is in the farthest class.
		const none = resultOf(
			service.handle({ kind: 'raster', id: 6, lernortTypes: ['spielplatz'], breaks: [250, 500], colors })
				?.reply
		) as ReachRaster;
		for (let i = 0; i < none.data.length; i += 4) expect([0, 3]).toContain(none.data[i]);
	});
});

describe('children over settled land', () => {
	const settings = () => loaded.city.settings;
	const layerOf = (features: Array<{ geometry: Polygon | MultiPolygon }>) =>
		topology({
			[SETTLEMENT_OBJECT]: {
				type: 'FeatureCollection',
				features: features.map((f) => ({ type: 'Feature', properties: {}, geometry: f.geometry }))
			} as FeatureCollection
		}) as unknown as Topology;
	const ask = (city: GapCityData) => {
		const service = createGapService();
		service.handle({ kind: 'city', city });
		return resultOf(
			service.handle({ kind: 'analyse', id: 1, settings: settings(), level: 'stadtteil' })?.reply
		) as GapOverview;
	};

	test('the worker analyses the grid weighted by the layer: half of a Stadtteil settled changes its support', () => {
		// Settled land: the western half of the largest Stadtteil; every other Stadtteil falls back.
		const largest = [...cityData.areas].sort((a, b) => bboxArea(b) - bboxArea(a))[0]!;
		const [w, s, e, n] = bbox(largest);
		const west = bboxPolygon([w, s, (w + e) / 2, n]).geometry;
		const settlement = layerOf([{ geometry: west }]);
		const weighted = cityGrid(cityData.areas, decodeSettlement(settlement));
		expect(weighted.fallbackAreas).not.toContain(largest.id);

		const overview = ask({ ...cityData, settlement });
		expect(overview.childSpread).toEqual({
			method: 'siedlungsflaeche',
			fallbackAreas: weighted.fallbackAreas
		});
		const expected = gapOverview(
			analyseCityGaps({ ...loaded.city, grid: weighted.grid, level: 'stadtteil' })
		);
		expect(overview.phases).toEqual(expected.phases);
		// The layer matters: some phase's support of that Stadtteil differs from the even spread.
		const even = ask(cityData);
		const support = (o: GapOverview) => o.phases.map((p) => p.areas.get(largest.id)!.support.level);
		expect(support(overview)).not.toEqual(support(even));
	});

	test('a layer of whole Stadtteile names every other Stadtteil as falling back to the even spread', () => {
		const bezirk = cityData.catalog.units.stadtbezirk[0]!.key;
		const members = new Set(
			cityData.catalog.units.stadtteil.filter((u) => u.parent === bezirk).map((u) => u.key)
		);
		const settlement = layerOf(cityData.areas.filter((a) => members.has(a.id)));
		const overview = ask({ ...cityData, settlement });
		expect(new Set(overview.childSpread!.fallbackAreas)).toEqual(
			new Set(cityData.areas.map((x) => x.id).filter((id) => !members.has(id)))
		);
		expect(ask(cityData).childSpread).toEqual({ method: 'gleichmaessig', fallbackAreas: [] });
	});
});

describe('gapQueryKey', () => {
	test('equal what-ifs give equal keys, whichever order the link named them in', () => {
		const base = loaded.city.settings;
		const one = applyWhatIf(base, {
			...NO_WHAT_IF,
			needWeights: { kinder_sgb2: 2, alleinerziehende: 0 },
			supportWeights: { reach: 2 }
		}).settings;
		const two = applyWhatIf(base, {
			...NO_WHAT_IF,
			supportWeights: { reach: 2 },
			needWeights: { alleinerziehende: 0, kinder_sgb2: 2 }
		}).settings;
		expect(gapQueryKey({ settings: one, level: 'stadtteil' })).toBe(
			gapQueryKey({ settings: two, level: 'stadtteil' })
		);
		expect(gapQueryKey({ settings: one, level: 'stadtteil' })).not.toBe(
			gapQueryKey({ settings: base, level: 'stadtteil' })
		);
	});

	test('is equal for equal queries and differs by level and settings', () => {
		const settings = { a: 1 } as never;
		expect(gapQueryKey({ settings, level: 'stadtteil' })).toBe(
			gapQueryKey({ settings: { a: 1 } as never, level: 'stadtteil' })
		);
		expect(gapQueryKey({ settings, level: 'stadtteil' })).not.toBe(
			gapQueryKey({ settings, level: 'stadtbezirk' })
		);
		expect(gapQueryKey({ settings, level: 'stadtteil' })).not.toBe(
			gapQueryKey({ settings: { a: 2 } as never, level: 'stadtteil' })
		);
	});
});
