import { untrack } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import type { ChainPhaseView } from '$lib/domain/areaChain';
import type { GapOverview } from '$lib/domain/gapOverview';
import type { ReachRaster, Rgba } from '$lib/geo/reachRaster';
import {
	gapQueryKey,
	type GapCityData,
	type GapQuery,
	type GapReply,
	type GapRequest
} from '$lib/data/gapService';

/** What the client needs of a Worker (a fake in tests). */
export interface GapWorkerLike {
	postMessage(message: GapRequest, options?: { transfer?: Transferable[] }): void;
	onmessage: ((event: MessageEvent<GapReply>) => void) | null;
	onerror: ((event: ErrorEvent) => void) | null;
	terminate(): void;
}

/** Overviews kept for the page: a few what-ifs at both levels. */
const KEPT_OVERVIEWS = 6;

/**
 * The rejection of a query that a newer one replaced before it was sent: nobody waits for it,
 * and it is no error of the analysis.
 */
export class SupersededError extends Error {
	constructor() {
		super('Förderlücken: durch eine neuere Anfrage ersetzt');
		this.name = 'SupersededError';
	}
}

type Pending = { resolve: (result: never) => void; reject: (error: Error) => void };
type Ask = GapRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
type Deferred = {
	promise: Promise<GapOverview>;
	resolve: (o: GapOverview) => void;
	reject: (e: Error) => void;
};

function deferred(): Deferred {
	let resolve!: (o: GapOverview) => void;
	let reject!: (e: Error) => void;
	const promise = new Promise<GapOverview>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

/**
 * The page's handle on the Förderlücken worker. The worker is started by the first request;
 * the city's data is posted once, just before it. Overviews are cached by query (settings and
 * level), so asking again, or asking early while the page is idle, costs nothing later:
 * opening the Förderlücken mode then finds its answer ready.
 *
 * At most one analysis is with the worker and one waits: stepping a control through several
 * values computes the first and the last, not every one in between. The newest query's answer
 * is never dropped from the cache.
 *
 * `client.request({ settings, level: 'stadtteil' })` -> Promise<GapOverview>; afterwards
 * `client.overview({ settings, level: 'stadtteil' })` (reactive) returns it.
 */
export class GapClient {
	readonly #create: () => GapWorkerLike;
	#worker: GapWorkerLike | null = null;
	#city: (() => GapCityData) | null = null;
	#hasCity = $state(false);
	#cityPosted = false;
	/** Bumped by `setCity` and `destroy`: answers of an earlier generation are ignored. */
	#generation = 0;
	#next = 0;
	// Bookkeeping of the worker protocol, not state: requests are made inside effects, which
	// must not subscribe to it. Only `#done` and `#failed` are read by the page.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #pending = new Map<number, Pending>();
	/** Analyses asked for and not answered yet, by query key. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #open = new Map<string, Deferred>();
	/** When each cached overview was last asked for (plain: asking must not notify the page). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #used = new Map<string, number>();
	#tick = 0;
	#sent: string | null = null;
	#waiting: { key: string; query: GapQuery } | null = null;
	#newest: string | null = null;
	readonly #done = new SvelteMap<string, GapOverview>();
	readonly #failed = new SvelteMap<string, string>();

	constructor(create: () => GapWorkerLike) {
		this.#create = create;
	}

	/** The city's data, read when the worker first needs it. Replacing it starts afresh. */
	setCity(city: () => GapCityData): void {
		if (this.#worker) this.destroy();
		this.#generation++;
		this.#city = city;
		this.#hasCity = true;
		this.#cityPosted = false;
		this.#done.clear();
		this.#used.clear();
		this.#failed.clear();
	}

	/** Whether the city's data is set (reactive): requests before it fail. */
	get hasCity(): boolean {
		return this.#hasCity;
	}

	/** The finished overview of a query, or null while it is computed or not asked for (reactive). */
	overview(query: GapQuery): GapOverview | null {
		return this.#done.get(gapQueryKey(query)) ?? null;
	}

	/** The German error of a failed query, or null (reactive). */
	error(query: GapQuery): string | null {
		return this.#failed.get(gapQueryKey(query)) ?? null;
	}

	/**
	 * Asks for the overview of a query unless it is known or on its way. A query that was
	 * waiting and is replaced by this one is rejected with `SupersededError`.
	 */
	request(query: GapQuery): Promise<GapOverview> {
		const key = gapQueryKey(query);
		this.#newest = key;
		// Read without subscribing: requests are made inside effects.
		const known = untrack(() => this.#done.get(key));
		if (known) {
			this.#used.set(key, ++this.#tick);
			return Promise.resolve(known);
		}
		const open = this.#open.get(key);
		if (open) {
			// Back to the query with the worker: the one waiting behind it is not wanted any more.
			if (this.#waiting && this.#waiting.key !== key) this.#dropWaiting();
			return open.promise;
		}
		const d = deferred();
		this.#open.set(key, d);
		if (untrack(() => this.#failed.has(key))) this.#failed.delete(key);
		if (this.#sent === null) this.#send(key, query);
		else {
			this.#dropWaiting();
			this.#waiting = { key, query };
		}
		return d.promise;
	}

	/** The chain of one area under a query, measured from `point` ([lon, lat]). */
	chain(query: GapQuery, area: string, point: [number, number]): Promise<ChainPhaseView[]> {
		return this.#ask({ kind: 'chain', ...query, area, point });
	}

	/** The reachability raster to the formal Lernorte among `lernortTypes`. */
	raster(
		lernortTypes: readonly string[],
		breaks: readonly number[],
		colors: readonly Rgba[]
	): Promise<ReachRaster> {
		return this.#ask({
			kind: 'raster',
			lernortTypes: [...lernortTypes],
			breaks: [...breaks],
			colors: [...colors]
		});
	}

	/** Stops the worker; pending requests fail. */
	destroy(): void {
		this.#generation++;
		this.#worker?.terminate();
		this.#worker = null;
		this.#cityPosted = false;
		const message = 'Die Förderlücken-Berechnung wurde beendet.';
		this.#failAll(message);
		for (const d of this.#open.values()) d.reject(new Error(message));
		this.#open.clear();
		this.#sent = null;
		this.#waiting = null;
	}

	#dropWaiting(): void {
		if (!this.#waiting) return;
		const { key } = this.#waiting;
		this.#waiting = null;
		this.#open.get(key)?.reject(new SupersededError());
		this.#open.delete(key);
	}

	#send(key: string, query: GapQuery): void {
		this.#sent = key;
		const generation = this.#generation;
		const settle = (fn: () => void) => {
			if (generation !== this.#generation) return;
			if (this.#sent === key) this.#sent = null;
			fn();
			const next = this.#waiting;
			this.#waiting = null;
			if (next && this.#sent === null) this.#send(next.key, next.query);
		};
		this.#ask<GapOverview>({ kind: 'analyse', ...query }).then(
			(overview) =>
				settle(() => {
					this.#done.set(key, overview);
					this.#used.set(key, ++this.#tick);
					// The least recently asked for go first; the newest query's answer stays.
					const byUse = [...this.#used].sort((a, b) => a[1] - b[1]).map(([k]) => k);
					for (const old of byUse) {
						if (this.#used.size <= KEPT_OVERVIEWS) break;
						if (old === this.#newest) continue;
						this.#done.delete(old);
						this.#used.delete(old);
					}
					this.#open.get(key)?.resolve(overview);
					this.#open.delete(key);
				}),
			(error: Error) =>
				settle(() => {
					this.#failed.set(key, error.message);
					this.#open.get(key)?.reject(error);
					this.#open.delete(key);
				})
		);
	}

	#ask<T>(request: Ask): Promise<T> {
		if (!this.#city) return Promise.reject(new Error('Förderlücken: keine Daten der Stadt'));
		try {
			const worker = this.#workerOrStart();
			if (!this.#cityPosted) {
				worker.postMessage({ kind: 'city', city: this.#city() });
				this.#cityPosted = true;
			}
			const id = ++this.#next;
			return new Promise<T>((resolve, reject) => {
				this.#pending.set(id, { resolve: resolve as (r: never) => void, reject });
				worker.postMessage({ ...request, id } as GapRequest);
			});
		} catch (err) {
			// A worker the browser refuses to start, or data it cannot copy.
			const message = err instanceof Error ? err.message : String(err);
			return Promise.reject(new Error(`Die Förderlücken-Berechnung ließ sich nicht starten: ${message}`));
		}
	}

	#workerOrStart(): GapWorkerLike {
		if (this.#worker) return this.#worker;
		const worker = this.#create();
		worker.onmessage = (event) => {
			const reply = event.data;
			const pending = this.#pending.get(reply.id);
			if (!pending) return;
			this.#pending.delete(reply.id);
			if ('error' in reply) pending.reject(new Error(reply.error));
			else pending.resolve(reply.result as never);
		};
		worker.onerror = (event) => {
			event.preventDefault?.();
			this.#failAll(`Die Förderlücken-Berechnung ist abgebrochen: ${event.message || 'unbekannter Fehler'}`);
			// The next request starts a fresh worker.
			worker.terminate();
			this.#worker = null;
			this.#cityPosted = false;
		};
		this.#worker = worker;
		return worker;
	}

	#failAll(message: string): void {
		for (const { reject } of this.#pending.values()) reject(new Error(message));
		this.#pending.clear();
	}
}
