import type { Handle } from '@sveltejs/kit';
import { base } from '$app/paths';
import { DEFAULT_CITY } from '$lib/config';
import { CITY_DATA_FILES } from '$lib/data/files';

/*
 * The prerendered shell asks for the files the map needs right away, in parallel with the
 * JavaScript, instead of after the router has started (about half a second later on a
 * mid-range PC). `crossorigin` makes the preload match the page's own fetch.
 * Nothing else is preloaded: the Lernorte and MapLibre's worker script, asked for early,
 * only slowed the JavaScript that must run first (measured with `npm run bench`).
 */
const PRELOAD = [
	...CITY_DATA_FILES.map(
		(file) =>
			`<link rel="preload" href="${base}/data/${encodeURIComponent(DEFAULT_CITY)}/${file}" as="fetch" crossorigin="anonymous">`
	)
].join('');

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) => html.replace('</head>', `${PRELOAD}</head>`)
	});
