import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { GapSettings } from '$lib/domain/bildungskette';
import type { GapOverview } from '$lib/domain/gapOverview';
import { CATALOG, LERNORTE, VALUES } from '$lib/domain/fixtures.test-helpers';
import type { Catalog } from '$lib/domain/types';
import { NO_WHAT_IF } from '$lib/domain/whatIf';
import type { AreaProps } from '$lib/geo/areaFeatures';
import type { LernorteState, SettlementState } from '$lib/data/load';
import { GapAnalysis, gapQueryFor, shownOverview, type GapView } from './gapAnalysis.svelte';
import { FakeWorker } from './fakeGapWorker.test-helpers';

/** One phase with the fixture's ratio as its need indicator. */
const SETTINGS: GapSettings = {
	phases: [
		{
			id: 'elementar',
			population: 'count',
			need: [{ indicator: 'ratio', weight: 1 }],
			supply: [],
			lernortTypes: ['kita']
		}
	],
	reachMetres: { kita: 500 },
	detourFactor: 1.3,
	weights: { reach: 1, places: 1, supply: 1 },
	thresholds: { need: 0, support: 'city' },
	minCoverage: 0.5
};
const VIEW: GapView = { ...NO_WHAT_IF, mode: 'gaps', level: 'stadtteil', phase: 'elementar' };

const overview = (level: 'stadtteil' | 'stadtbezirk', year = 2024): GapOverview => ({
	level,
	year,
	areas: ['101'],
	phases: [
		{
			phase: 'elementar',
			lernortTypes: ['kita'],
			thresholds: { need: 0, support: 0.8, supportIsCity: true },
			areas: new Map([
				['101', { gapClass: 'foerderluecke', score: 0.4, need: { index: 1 }, support: { level: 0.5 } }]
			])
		}
	] as unknown as GapOverview['phases']
});

describe('gapQueryFor', () => {
	test('without settings of the city there is nothing to ask', () => {
		expect(gapQueryFor(undefined, VIEW)).toEqual({ query: null, problems: [] });
	});

	test("the city's settings at the view's level when the link sets no what-if", () => {
		expect(gapQueryFor(SETTINGS, { ...VIEW, level: 'stadtbezirk' })).toEqual({
			query: { settings: SETTINGS, level: 'stadtbezirk' },
			problems: []
		});
	});

	test("the link's thresholds and weights are applied", () => {
		const { query } = gapQueryFor(SETTINGS, {
			...VIEW,
			needThreshold: 0.3,
			supportThreshold: 0.8,
			needWeights: { ratio: 2 }
		});
		expect(query!.settings.thresholds).toEqual({ need: 0.3, support: 0.8 });
		expect(query!.settings.phases[0]!.need).toEqual([{ indicator: 'ratio', weight: 2 }]);
	});

	test('a value the settings cannot take is reported and the default kept', () => {
		const { query, problems } = gapQueryFor(SETTINGS, { ...VIEW, needThreshold: 99 });
		expect(query!.settings.thresholds.need).toBe(0);
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

/** Lets the client's promises settle, then the effects run. */
async function settled() {
	for (let i = 0; i < 5; i++) await Promise.resolve();
	flushSync();
}

describe('GapAnalysis', () => {
	const STADTTEILE: FeatureCollection<Geometry, AreaProps> = {
		type: 'FeatureCollection',
		features: CATALOG.units.stadtteil.map((u, i) => ({
			type: 'Feature',
			properties: { key: u.key, name: u.name },
			geometry: { type: 'Point', coordinates: [9 + i * 0.01, 48] }
		}))
	};

	/** A page with the analysis: its view, Lernorte and readiness are state the test changes. */
	function page(
		opts: { catalog?: Catalog; settlement?: () => Promise<SettlementState>; withNext?: boolean } = {}
	) {
		const workers: FakeWorker[] = [];
		const settlementLoads = vi.fn(opts.settlement ?? (() => Promise.reject(new Error('nicht erwartet'))));
		// Raw, as on the pages: what goes to the worker must be cloneable, not a proxy.
		const state = new (class {
			view = $state.raw<GapView>({ ...VIEW, mode: 'indicator' });
			lernorte = $state.raw<LernorteState>({ status: 'loading' });
			ahead = $state(false);
			next = $state.raw<GapView | null>(null);
		})();
		let analysis!: GapAnalysis;
		const cleanup = $effect.root(() => {
			analysis = new GapAnalysis(
				{
					catalog: opts.catalog ?? CATALOG,
					values: VALUES,
					stadtteile: STADTTEILE,
					loadSettlement: settlementLoads,
					createWorker: () => {
						const w = new FakeWorker();
						workers.push(w);
						return w;
					}
				},
				{
					view: () => state.view,
					lernorte: () => state.lernorte,
					ahead: () => state.ahead,
					...(opts.withNext ? { next: () => state.next } : {})
				}
			);
		});
		flushSync();
		const asked = () => workers.flatMap((w) => w.asked);
		return { analysis, state, workers, asked, settlementLoads, cleanup };
	}

	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	test('nothing starts before the Lernorte are loaded; the gaps mode asks for its query then', () => {
		const p = page();
		p.state.view = { ...VIEW };
		flushSync();
		expect(p.workers).toHaveLength(0);
		p.state.lernorte = { status: 'ok', lernorte: LERNORTE };
		flushSync();
		expect(p.workers).toHaveLength(1);
		expect(p.workers[0]!.sent.map((m) => m.kind)).toEqual(['city', 'analyse']);
		const city = p.workers[0]!.sent[0] as Extract<(typeof p.workers)[0]['sent'][0], { kind: 'city' }>;
		expect(city.city.areas.map((a) => a.id)).toEqual(['101', '102', '201', '202']);
		expect(city.city.settlement).toBeNull();
		expect(p.analysis.overview).toBeNull();
		expect(p.analysis.error).toBeNull();
		p.cleanup();
	});

	test('an answer is shown with its phase and classes; a changed what-if keeps it, marked stale, until its own', async () => {
		const p = page();
		p.state.view = { ...VIEW };
		p.state.lernorte = { status: 'ok', lernorte: LERNORTE };
		flushSync();
		const w = p.workers[0]!;
		w.reply({ id: w.asked[0]!.id, result: overview('stadtteil', 2024) });
		await settled();
		expect(p.analysis.overview?.year).toBe(2024);
		expect(p.analysis.result?.phase).toBe('elementar');
		expect(p.analysis.map?.classes.size).toBe(1);
		expect(p.analysis.stale).toBe(false);

		p.state.view = { ...VIEW, needThreshold: 0.5 };
		flushSync();
		expect(p.asked()).toHaveLength(2);
		expect(p.analysis.overview?.year).toBe(2024);
		expect(p.analysis.stale).toBe(true);
		w.reply({ id: w.asked[1]!.id, result: overview('stadtteil', 2023) });
		await settled();
		expect(p.analysis.overview?.year).toBe(2023);
		expect(p.analysis.stale).toBe(false);

		// A failure shows the error, never the previous answer under the new settings.
		p.state.view = { ...VIEW, needThreshold: -0.5 };
		flushSync();
		w.reply({ id: w.asked[2]!.id, error: 'Rechenfehler' });
		await settled();
		expect(p.analysis.error).toBe('Rechenfehler');
		expect(p.analysis.overview).toBeNull();
		p.cleanup();
	});

	test('outside the gaps mode the view on screen is asked for only ahead of time, once the page is idle', () => {
		const p = page();
		p.state.lernorte = { status: 'ok', lernorte: LERNORTE };
		flushSync();
		vi.advanceTimersByTime(1000);
		expect(p.asked()).toHaveLength(0);
		p.state.ahead = true;
		flushSync();
		expect(p.asked()).toHaveLength(0);
		vi.advanceTimersByTime(1000);
		expect(p.asked().map((a) => a.kind)).toEqual(['analyse']);
		p.cleanup();
	});

	test('ahead of time, the next view is asked for when one is given', () => {
		const p = page({ withNext: true });
		p.state.lernorte = { status: 'ok', lernorte: LERNORTE };
		p.state.next = { ...VIEW, level: 'stadtbezirk', needThreshold: 0.2 };
		p.state.ahead = true;
		flushSync();
		vi.advanceTimersByTime(1000);
		expect(p.asked().map((a) => [a.kind, 'level' in a ? a.level : null])).toEqual([
			['analyse', 'stadtbezirk']
		]);
		const first = p.asked()[0] as Extract<ReturnType<typeof p.asked>[0], { kind: 'analyse' }>;
		expect(first.settings.thresholds.need).toBe(0.2);
		// The same next view again (the agenda read again) asks nothing more.
		p.state.next = { ...VIEW, level: 'stadtbezirk', needThreshold: 0.2 };
		flushSync();
		vi.advanceTimersByTime(1000);
		expect(p.asked()).toHaveLength(1);
		p.cleanup();
	});

	test('the settlement layer is fetched once, for the first analysis; its failure is said and the analysis goes on', async () => {
		const catalog: Catalog = {
			...CATALOG,
			settlement: { attribution: 'ALKIS', year: 2024, polygons: 9 }
		} as Catalog;
		let fail!: (s: SettlementState) => void;
		const p = page({ catalog, settlement: () => new Promise((r) => (fail = r)) });
		p.state.lernorte = { status: 'ok', lernorte: LERNORTE };
		flushSync();
		expect(p.settlementLoads).not.toHaveBeenCalled();
		p.state.ahead = true;
		flushSync();
		p.state.view = { ...VIEW };
		flushSync();
		expect(p.settlementLoads).toHaveBeenCalledTimes(1);
		// The worker waits for the layer.
		expect(p.workers).toHaveLength(0);
		fail({ status: 'error', message: 'HTTP 404', hint: 'Daten neu bauen.' });
		await vi.waitFor(() => expect(p.analysis.settlementProblem).not.toBeNull());
		flushSync();
		expect(p.analysis.settlementProblem).toContain('gleichmäßig');
		expect(p.analysis.settlementProblem).toContain('Daten neu bauen.');
		expect(p.workers).toHaveLength(1);
		expect(p.settlementLoads).toHaveBeenCalledTimes(1);
		p.cleanup();
	});

	test('a loaded settlement layer goes to the worker with the city', async () => {
		const catalog = { ...CATALOG, settlement: { attribution: 'ALKIS', year: 2024, polygons: 1 } } as Catalog;
		const topology = { type: 'Topology', objects: {}, arcs: [] } as unknown as Topology;
		const p = page({ catalog, settlement: () => Promise.resolve({ status: 'ok', topology }) });
		p.state.lernorte = { status: 'ok', lernorte: LERNORTE };
		p.state.view = { ...VIEW };
		flushSync();
		await vi.waitFor(() => expect(p.workers).toHaveLength(1));
		const city = p.workers[0]!.sent[0] as Extract<(typeof p.workers)[0]['sent'][0], { kind: 'city' }>;
		expect(city.city.settlement).toEqual(topology);
		expect(p.analysis.settlementProblem).toBeNull();
		p.cleanup();
	});
});
