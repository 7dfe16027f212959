/**
 * Runs `task` once the browser is idle (after the frames in flight are drawn), or after
 * `fallbackMs` where `requestIdleCallback` is missing (Safari). Returns a cancel function,
 * which an `$effect` can return as its cleanup: `$effect(() => whenIdle(() => prefetch()))`.
 */
export function whenIdle(task: () => void, fallbackMs = 200): () => void {
	if (typeof requestIdleCallback === 'function') {
		const handle = requestIdleCallback(() => task());
		return () => cancelIdleCallback(handle);
	}
	const timer = setTimeout(task, fallbackMs);
	return () => clearTimeout(timer);
}
