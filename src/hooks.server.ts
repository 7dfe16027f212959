import type { Handle } from '@sveltejs/kit';
import { base } from '$app/paths';
import { DEFAULT_CITY } from '$lib/config';
import { CITY_DATA_FILES, PUBLIC_AREAS_FILE, PUBLIC_CATALOG_FILE, PUBLIC_DIR } from '$lib/data/files';

/*
 * The prerendered shell asks for the files the map needs right away, in parallel with the
 * JavaScript, instead of after the router has started (about half a second later on a
 * mid-range PC). `crossorigin` makes the preload match the page's own fetch.
 * Nothing else is preloaded: the Lernorte and MapLibre's worker script, asked for early,
 * only slowed the JavaScript that must run first (measured with `npm run bench`).
 */
const preload = (files: readonly string[]) =>
	files
		.map(
			(file) =>
				`<link rel="preload" href="${base}/data/${encodeURIComponent(DEFAULT_CITY)}/${file}" as="fetch" crossorigin="anonymous">`
		)
		.join('');

const PRELOAD = preload(CITY_DATA_FILES);

/*
 * The public embed must never ask for the full files (they hold internal indicators): it
 * preloads its own catalog and geometry. Its values depend on the URL and follow.
 */
const EMBED_PRELOAD = preload([`${PUBLIC_DIR}/${PUBLIC_CATALOG_FILE}`, `${PUBLIC_DIR}/${PUBLIC_AREAS_FILE}`]);

export const handle: Handle = ({ event, resolve }) => {
	const links = event.route.id === '/embed' ? EMBED_PRELOAD : PRELOAD;
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('</head>', `${links}</head>`)
	});
};
