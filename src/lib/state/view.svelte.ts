import { getContext, setContext } from 'svelte';
import { page } from '$app/state';
import { QueryWriter } from './queryWriter';
import { shareState } from './share';
import { parseView, patchParams, type UrlContext, type ViewState } from './url';

/**
 * The shareable view state, read from the URL and written back through one `set()`.
 * The URL is the single source of truth: reload, back/forward and a pasted link all
 * restore the same view.
 */
export class ViewStore {
	readonly #ctx: UrlContext;
	#previous: ViewState | null = null;
	readonly #writer = new QueryWriter();
	readonly #parsed = $derived.by(() => {
		const { state, problems } = parseView(page.url.searchParams, this.#ctx);
		// Unchanged parts keep their identity, so a map move does not recompute the choropleth.
		this.#previous = shareState(this.#previous, state);
		return { state: this.#previous, problems };
	});

	constructor(ctx: UrlContext) {
		this.#ctx = ctx;
	}

	get state(): ViewState {
		return this.#parsed.state;
	}

	/** Parameters that were ignored, in German, for a calm notice. */
	get problems(): string[] {
		return this.#parsed.problems;
	}

	/**
	 * Writes a change into the URL. Map movements replace the history entry; every other
	 * change adds one, so "Zurück" undoes it.
	 */
	async set(patch: Partial<ViewState>, options: { replace?: boolean } = {}): Promise<void> {
		await this.#writer.write(patchParams(this.#writer.current, patch, this.#ctx), options);
	}
}

const KEY = Symbol('bl-view');

export function setViewStore(store: ViewStore): ViewStore {
	return setContext(KEY, store);
}

export function getViewStore(): ViewStore {
	const store = getContext<ViewStore | undefined>(KEY);
	if (!store) throw new Error('ViewStore missing: call setViewStore() in the page.');
	return store;
}
