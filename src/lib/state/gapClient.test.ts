import { describe, expect, test } from 'vitest';
import type { GapSettings } from '$lib/domain/bildungskette';
import type { GapOverview } from '$lib/domain/gapOverview';
import type { GapCityData } from '$lib/data/gapService';
import { GapClient, SupersededError } from './gapClient.svelte';
import { FakeWorker } from './fakeGapWorker.test-helpers';

const CITY = { catalog: {}, values: {}, lernorte: [], areas: [] } as unknown as GapCityData;
const settings = (need: number) => ({ thresholds: { need, support: 'city' } }) as unknown as GapSettings;
const overview = (year: number): GapOverview => ({ level: 'stadtteil', year, areas: [], phases: [] });

function setup() {
	const workers: FakeWorker[] = [];
	const client = new GapClient(() => {
		const w = new FakeWorker();
		workers.push(w);
		return w;
	});
	let reads = 0;
	client.setCity(() => {
		reads++;
		return CITY;
	});
	return { client, workers, reads: () => reads };
}

describe('GapClient', () => {
	test('starts the worker on the first request and posts the city once, before it', () => {
		const { client, workers, reads } = setup();
		expect(workers).toHaveLength(0);
		void client.request({ settings: settings(0), level: 'stadtteil' });
		void client.chain({ settings: settings(0), level: 'stadtteil' }, '1', [9, 48]);
		expect(workers).toHaveLength(1);
		expect(workers[0]!.sent.map((m) => m.kind)).toEqual(['city', 'analyse', 'chain']);
		expect(reads()).toBe(1);
	});

	test('one analysis at a time: of several asked for meanwhile, only the newest follows', async () => {
		const { client, workers } = setup();
		const w = () => workers[0]!;
		const a = client.request({ settings: settings(0), level: 'stadtteil' });
		const b = client.request({ settings: settings(1), level: 'stadtteil' });
		const c = client.request({ settings: settings(2), level: 'stadtteil' });
		expect(w().asked).toHaveLength(1);
		await expect(b).rejects.toBeInstanceOf(SupersededError);
		expect(client.error({ settings: settings(1), level: 'stadtteil' })).toBeNull();
		w().reply({ id: w().asked[0]!.id, result: overview(0) });
		await expect(a).resolves.toEqual(overview(0));
		expect(w().asked).toHaveLength(2);
		expect((w().asked[1] as { settings: unknown }).settings).toEqual(settings(2));
		w().reply({ id: w().asked[1]!.id, result: overview(2) });
		await expect(c).resolves.toEqual(overview(2));
		expect(client.overview({ settings: settings(2), level: 'stadtteil' })).toEqual(overview(2));
	});

	test('going back to the query with the worker drops the one waiting behind it', async () => {
		const { client, workers } = setup();
		const a = client.request({ settings: settings(0), level: 'stadtteil' });
		const b = client.request({ settings: settings(1), level: 'stadtteil' });
		expect(client.request({ settings: settings(0), level: 'stadtteil' })).toBe(a);
		await expect(b).rejects.toBeInstanceOf(SupersededError);
		workers[0]!.reply({ id: workers[0]!.asked[0]!.id, result: overview(0) });
		await a;
		expect(workers[0]!.asked).toHaveLength(1);
	});

	test('the newest answer is never dropped from the cache; a known one asked again is kept longest', async () => {
		const { client, workers } = setup();
		const answer = async (n: number) => {
			const p = client.request({ settings: settings(n), level: 'stadtteil' });
			const w = workers[0]!;
			w.reply({ id: w.asked.at(-1)!.id, result: overview(n) });
			await p;
		};
		for (let n = 0; n < 6; n++) await answer(n);
		// Asked again: answered from the cache and now the most recent.
		await client.request({ settings: settings(0), level: 'stadtteil' });
		expect(workers[0]!.asked).toHaveLength(6);
		await answer(6);
		const known = (n: number) => client.overview({ settings: settings(n), level: 'stadtteil' }) !== null;
		expect([0, 1, 2, 3, 4, 5, 6].map(known)).toEqual([true, false, true, true, true, true, true]);
	});

	test('an answer for the city before setCity is ignored', async () => {
		const { client, workers } = setup();
		const q = { settings: settings(0), level: 'stadtteil' as const };
		const p = client.request(q);
		const old = workers[0]!;
		client.setCity(() => CITY);
		await expect(p).rejects.toThrow('beendet');
		expect(old.terminated).toBe(true);
		old.reply({ id: old.asked[0]!.id, result: overview(1) });
		expect(client.overview(q)).toBeNull();
		expect(client.error(q)).toBeNull();
		// Asking again starts a new worker with the new city.
		void client.request(q);
		expect(workers).toHaveLength(2);
		expect(workers[1]!.sent.map((m) => m.kind)).toEqual(['city', 'analyse']);
	});

	test('a worker the browser refuses to start fails the request in German', async () => {
		const client = new GapClient(() => {
			throw new Error('blocked by Content-Security-Policy');
		});
		client.setCity(() => CITY);
		const q = { settings: settings(0), level: 'stadtteil' as const };
		await expect(client.request(q)).rejects.toThrow(
			'Die Förderlücken-Berechnung ließ sich nicht starten: blocked by Content-Security-Policy'
		);
		expect(client.error(q)).toContain('nicht starten');
	});

	test('asks once per query and keeps the answer', async () => {
		const { client, workers } = setup();
		const q = { settings: settings(0), level: 'stadtteil' as const };
		const first = client.request(q);
		const again = client.request({ settings: settings(0), level: 'stadtteil' });
		expect(again).toBe(first);
		expect(workers[0]!.asked).toHaveLength(1);
		expect(client.overview(q)).toBeNull();
		workers[0]!.reply({ id: workers[0]!.asked[0]!.id, result: overview(2024) });
		await expect(first).resolves.toEqual(overview(2024));
		expect(client.overview(q)).toEqual(overview(2024));
		await client.request(q);
		expect(workers[0]!.asked).toHaveLength(1);
		// Another level is another query.
		void client.request({ ...q, level: 'stadtbezirk' });
		expect(workers[0]!.asked).toHaveLength(2);
	});

	test('matches replies by id, whatever their order', async () => {
		const { client, workers } = setup();
		const q = { settings: settings(0), level: 'stadtteil' as const };
		const a = client.chain(q, 'a', [9, 48]);
		const b = client.chain(q, 'b', [9, 48]);
		const [ra, rb] = workers[0]!.asked;
		workers[0]!.reply({ id: rb!.id, result: [] });
		workers[0]!.reply({ id: ra!.id, error: 'kein Gebiet a' });
		await expect(b).resolves.toEqual([]);
		await expect(a).rejects.toThrow('kein Gebiet a');
	});

	test('an error is kept for the query, and asking again asks the worker again', async () => {
		const { client, workers } = setup();
		const q = { settings: settings(0), level: 'stadtteil' as const };
		const p = client.request(q);
		workers[0]!.reply({ id: workers[0]!.asked[0]!.id, error: 'kaputt' });
		await expect(p).rejects.toThrow('kaputt');
		expect(client.error(q)).toBe('kaputt');
		expect(client.overview(q)).toBeNull();
		void client.request(q).catch(() => {});
		expect(workers[0]!.asked).toHaveLength(2);
	});

	test('a crashed worker fails what is pending; the next request starts a new one with the city', async () => {
		const { client, workers, reads } = setup();
		const p = client.request({ settings: settings(0), level: 'stadtteil' });
		workers[0]!.crash('out of memory');
		await expect(p).rejects.toThrow('Die Förderlücken-Berechnung ist abgebrochen: out of memory');
		expect(workers[0]!.terminated).toBe(true);
		void client.request({ settings: settings(0), level: 'stadtteil' });
		expect(workers).toHaveLength(2);
		expect(workers[1]!.sent.map((m) => m.kind)).toEqual(['city', 'analyse']);
		expect(reads()).toBe(2);
	});

	test('chain and raster requests carry their arguments', () => {
		const { client, workers } = setup();
		void client.chain({ settings: settings(0), level: 'stadtbezirk' }, '2', [9.2, 48.8]);
		void client.raster(
			['kita'],
			[250, 500],
			[
				[1, 2, 3, 4],
				[5, 6, 7, 8],
				[9, 9, 9, 9]
			]
		);
		expect(workers[0]!.asked).toEqual([
			{ kind: 'chain', id: 1, settings: settings(0), level: 'stadtbezirk', area: '2', point: [9.2, 48.8] },
			{
				kind: 'raster',
				id: 2,
				lernortTypes: ['kita'],
				breaks: [250, 500],
				colors: [
					[1, 2, 3, 4],
					[5, 6, 7, 8],
					[9, 9, 9, 9]
				]
			}
		]);
	});

	test('without a city nothing is posted and the request fails in German', async () => {
		const workers: FakeWorker[] = [];
		const client = new GapClient(() => {
			const w = new FakeWorker();
			workers.push(w);
			return w;
		});
		await expect(client.request({ settings: settings(0), level: 'stadtteil' })).rejects.toThrow(
			'keine Daten der Stadt'
		);
		expect(workers).toHaveLength(0);
	});

	test('destroy ends the worker and fails pending requests', async () => {
		const { client, workers } = setup();
		const p = client.request({ settings: settings(0), level: 'stadtteil' });
		client.destroy();
		await expect(p).rejects.toThrow('beendet');
		expect(workers[0]!.terminated).toBe(true);
	});
});
