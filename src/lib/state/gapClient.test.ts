import { describe, expect, test } from 'vitest';
import type { GapSettings } from '$lib/domain/bildungskette';
import type { GapOverview } from '$lib/domain/gapOverview';
import type { GapCityData, GapReply, GapRequest } from '$lib/data/gapService';
import { GapClient, type GapWorkerLike } from './gapClient.svelte';

const CITY = { catalog: {}, values: {}, lernorte: [], areas: [] } as unknown as GapCityData;
const settings = (need: number) => ({ thresholds: { need, support: 'city' } }) as unknown as GapSettings;
const overview = (year: number): GapOverview => ({ level: 'stadtteil', year, areas: [], phases: [] });

/** A worker that records what it is sent and answers when told to. */
class FakeWorker implements GapWorkerLike {
	onmessage: ((event: MessageEvent<GapReply>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	sent: GapRequest[] = [];
	terminated = false;
	postMessage(message: GapRequest) {
		// Like a real worker, the message is a copy.
		this.sent.push(structuredClone(message));
	}
	terminate() {
		this.terminated = true;
	}
	reply(reply: GapReply) {
		this.onmessage?.({ data: reply } as MessageEvent<GapReply>);
	}
	crash(message: string) {
		this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
	}
	get asked() {
		return this.sent.filter((m): m is Extract<GapRequest, { id: number }> => m.kind !== 'city');
	}
}

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
		void client.request({ settings: settings(1), level: 'stadtteil' });
		expect(workers).toHaveLength(1);
		expect(workers[0]!.sent.map((m) => m.kind)).toEqual(['city', 'analyse', 'analyse']);
		expect(reads()).toBe(1);
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
		const a = client.request({ settings: settings(0), level: 'stadtteil' });
		const b = client.request({ settings: settings(1), level: 'stadtteil' });
		const [ra, rb] = workers[0]!.asked;
		workers[0]!.reply({ id: rb!.id, result: overview(2) });
		workers[0]!.reply({ id: ra!.id, result: overview(1) });
		await expect(a).resolves.toMatchObject({ year: 1 });
		await expect(b).resolves.toMatchObject({ year: 2 });
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
