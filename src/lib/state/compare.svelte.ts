import { page } from '$app/state';
import {
	parseCompare,
	patchCompare,
	shareCompare,
	type CompareState,
	type CompareUrlContext
} from './compareUrl';
import { QueryWriter } from './queryWriter';

/**
 * The comparison of `/vergleich`, read from the URL and written back through one `set()`, so a
 * link in an e-mail opens the same units, indicators, ranking and scatter plot.
 */
export class CompareStore {
	readonly #ctx: CompareUrlContext;
	readonly #writer = new QueryWriter();
	#previous: CompareState | null = null;
	readonly #parsed = $derived.by(() => {
		const { state, problems } = parseCompare(page.url.searchParams, this.#ctx);
		// Unchanged parts keep their identity, so typing a search does not redraw the table.
		this.#previous = shareCompare(this.#previous, state);
		return { state: this.#previous, problems };
	});

	constructor(ctx: CompareUrlContext) {
		this.#ctx = ctx;
	}

	get state(): CompareState {
		return this.#parsed.state;
	}

	/** Parameters that were ignored, in German, for a calm notice. */
	get problems(): string[] {
		return this.#parsed.problems;
	}

	/** Writes a change into the URL; each change is one step back in the browser's history. */
	async set(patch: Partial<CompareState>, options: { replace?: boolean } = {}): Promise<void> {
		const current = parseCompare(this.#writer.current, this.#ctx).state;
		await this.#writer.write(patchCompare(this.#writer.current, { ...current, ...patch }), options);
	}
}
