/**
 * The test environment of `*.svelte.test.ts`: Node, but modules are compiled for the browser,
 * so that `$effect`, `$derived` and `flushSync` behave as on a page (the `node` environment
 * compiles them for the server, where effects never run). See the `runes` project in vite.config.ts.
 */
import type { Environment } from 'vitest/environments';

export default {
	name: 'runes',
	viteEnvironment: 'client',
	setup() {
		return { teardown() {} };
	}
} satisfies Environment;
