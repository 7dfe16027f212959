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

type Pending = { resolve: (result: never) => void; reject: (error: Error) => void };
type Ask = GapRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * The page's handle on the Förderlücken worker. The worker is started by the first request;
 * the city's data is posted once, just before it. Overviews are cached by query (settings and
 * level), so asking again, or asking early while the page is idle, costs nothing later:
 * opening the Förderlücken mode then finds its answer ready.
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
	#next = 0;
	// Bookkeeping of the worker protocol, not state: requests are made inside effects, which
	// must not subscribe to it. Only `#done` and `#failed` are read by the page.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #pending = new Map<number, Pending>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #requests = new Map<string, Promise<GapOverview>>();
	readonly #done = new SvelteMap<string, GapOverview>();
	readonly #failed = new SvelteMap<string, string>();

	constructor(create: () => GapWorkerLike) {
		this.#create = create;
	}

	/** The city's data, read when the worker first needs it. Replacing it starts afresh. */
	setCity(city: () => GapCityData): void {
		this.#city = city;
		this.#hasCity = true;
		this.#cityPosted = false;
		this.#requests.clear();
		this.#done.clear();
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

	/** Asks for the overview of a query unless it is known or on its way. */
	request(query: GapQuery): Promise<GapOverview> {
		const key = gapQueryKey(query);
		const known = this.#requests.get(key);
		if (known) return known;
		const promise = this.#ask<GapOverview>({ kind: 'analyse', ...query }).then(
			(overview) => {
				this.#failed.delete(key);
				this.#done.set(key, overview);
				for (const old of [...this.#done.keys()].slice(0, -KEPT_OVERVIEWS)) {
					this.#done.delete(old);
					this.#requests.delete(old);
				}
				return overview;
			},
			(error: Error) => {
				// A later request may try again (another setting, a reloaded worker).
				this.#requests.delete(key);
				this.#failed.set(key, error.message);
				throw error;
			}
		);
		this.#requests.set(key, promise);
		return promise;
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
		this.#worker?.terminate();
		this.#worker = null;
		this.#cityPosted = false;
		this.#failAll('Die Förderlücken-Berechnung wurde beendet.');
	}

	#ask<T>(request: Ask): Promise<T> {
		if (!this.#city) return Promise.reject(new Error('Förderlücken: keine Daten der Stadt'));
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
