import type { TestProject } from 'vitest/node';
import { startAppPreview } from './server';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Loopback origin serving ./build, e.g. `http://127.0.0.1:41234` (no trailing slash). */
		baseURL: string;
	}
}

/**
 * Serves the built site (`npm run build`) with `vite preview` on a free loopback port for the
 * browser tests, which read the address with `inject('baseURL')`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const server = await startAppPreview(project.config.root);
	project.provide('baseURL', server.baseURL);
	return async () => {
		await server.close();
	};
}
