import type { Handle } from '@sveltejs/kit';
import { base } from '$app/paths';
import { DEFAULT_CITY } from '$lib/config';
import { CITY_DATA_FILES } from '$lib/data/files';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-csp-worker.js?url';

/*
 * The prerendered shell asks for the city's data files right away, in parallel with the
 * JavaScript, instead of after the router has started (about half a second later on a
 * mid-range PC). `crossorigin` makes the preload match the page's own fetch.
 */
const PRELOAD = [
	...CITY_DATA_FILES.map(
		(file) =>
			`<link rel="preload" href="${base}/data/${encodeURIComponent(DEFAULT_CITY)}/${file}" as="fetch" crossorigin="anonymous">`
	),
	// The MapLibre worker script, into the HTTP cache before the map asks for it.
	`<link rel="prefetch" href="${workerUrl}">`
].join('');

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) => html.replace('</head>', `${PRELOAD}</head>`)
	});
