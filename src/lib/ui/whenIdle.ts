/**
 * Runs `task` once the browser is idle (after the frames in flight are drawn), at the latest
 * after `timeoutMs` (a map that keeps animating never leaves the page idle), or after
 * `fallbackMs` where `requestIdleCallback` is missing (Safari). Returns a cancel function,
 * which an `$effect` can return as its cleanup: `$effect(() => whenIdle(() => prefetch()))`.
 */
export function whenIdle(task: () => void, fallbackMs = 200, timeoutMs = 1000): () => void {
	if (typeof requestIdleCallback === 'function') {
		const handle = requestIdleCallback(() => task(), { timeout: timeoutMs });
		return () => cancelIdleCallback(handle);
	}
	const timer = setTimeout(task, fallbackMs);
	return () => clearTimeout(timer);
}
