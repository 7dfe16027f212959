import { existsSync, readdirSync, readFileSync } from 'node:fs';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * Origins of the basemap styles the cities name in geodata/<city>/city.json: the map fetches
 * its style from there. A style's tiles, glyphs and sprites may come from further hosts; list
 * them in CSP_EXTRA_HOSTS (space-separated origins) when building.
 */
function mapHosts() {
	const hosts = new Set((process.env.CSP_EXTRA_HOSTS ?? '').split(/\s+/).filter(Boolean));
	const dir = 'geodata';
	if (!existsSync(dir)) return [...hosts];
	for (const city of readdirSync(dir)) {
		const file = `${dir}/${city}/city.json`;
		if (!existsSync(file)) continue;
		const url = JSON.parse(readFileSync(file, 'utf8')).basemapStyleUrl;
		if (typeof url === 'string' && /^https:\/\//.test(url)) hosts.add(new URL(url).origin);
	}
	return [...hosts].sort();
}
// Origins are valid host sources; the config's types only know literal ones.
/** @type {any[]} */
const hosts = mapHosts();

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// A fully static site: the dashboard, its data and later the embed can be hosted on
		// any web server of a city without a Node runtime.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		// Registered by the layout, which leaves the public embed out (see +layout.svelte).
		serviceWorker: { register: false },
		// Every page carries its Content-Security-Policy as a meta tag, with the hashes of
		// SvelteKit's inline start script: no inline or foreign script runs, workers and data come
		// from the site itself. A host adds what a meta tag cannot say (frame-ancestors) as an
		// HTTP header; see README, "Betrieb hinter einer Content-Security-Policy".
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte and MapLibre set style attributes at run time.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:', ...hosts],
				'font-src': ['self', ...hosts],
				'connect-src': ['self', ...hosts],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
		prerender: { handleHttpError: 'fail' }
	}
};

export default config;
