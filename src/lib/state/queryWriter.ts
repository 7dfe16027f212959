import { goto } from '$app/navigation';
import { page } from '$app/state';

/**
 * Writes changes of a page's query into the URL, one navigation per change. Two changes in
 * quick succession (a map move, then a click) build on each other even before the first
 * navigation has finished. Used by the stores of the dashboard and the comparison.
 */
export class QueryWriter {
	#pending: URLSearchParams | null = null;

	/** The query the next change builds on: the one being written, else the page's. */
	get current(): URLSearchParams {
		return this.#pending ?? page.url.searchParams;
	}

	/**
	 * Navigates to the current path with `params` as its query (nothing when unchanged). Map
	 * movements replace the history entry; every other change adds one, so "Zurück" undoes it.
	 */
	async write(params: URLSearchParams, options: { replace?: boolean } = {}): Promise<void> {
		const query = params.toString();
		if (query === this.current.toString()) return;
		this.#pending = params;
		const url = `${page.url.pathname}${query ? `?${query}` : ''}${page.url.hash}`;
		try {
			// The path is the current, already resolved page path; only the query changes.
			// eslint-disable-next-line svelte/no-navigation-without-resolve
			await goto(url, { replaceState: options.replace ?? false, keepFocus: true, noScroll: true });
		} finally {
			if (this.#pending === params) this.#pending = null;
		}
	}
}
