import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	build: {
		// maplibre-gl alone is ~800 KB minified; the chunk warning would only be noise.
		chunkSizeWarningLimit: 1200
	},
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts'],
					environment: 'node',
					env: { TZ: 'Europe/Berlin' }
				}
			},
			{
				extends: true,
				resolve: { conditions: ['browser'] },
				test: {
					name: 'runes',
					include: ['src/**/*.svelte.test.ts'],
					environment: './src/runes.environment.ts',
					env: { TZ: 'Europe/Berlin' }
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['src/e2e/**/*.e2e.ts'],
					environment: 'node',
					globalSetup: ['src/e2e/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 60_000,
					fileParallelism: false,
					env: { TZ: 'Europe/Berlin' }
				}
			}
		]
	}
});
