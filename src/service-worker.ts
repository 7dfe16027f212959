/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Keeps the site usable without a network once it has been opened: Bildungswerkstätten meet
 * in schools and Stadtteilzentren with unreliable wifi. The app, the data of every city and
 * the main pages are stored at install; other pages (profiles) when they are first visited.
 * Files of one build never change (the cache is named after the build), so stored answers are
 * used first; pages are asked of the network first and come from the store when it fails.
 */
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `bildungslandkarte-${version}`;
// The area profiles (one page per area) are stored when visited, not all at install.
const MAIN_PAGES = prerendered.filter((p) => !/\/gebiet\//.test(p));
const PRECACHE = [...build, ...files, ...MAIN_PAGES];
const KNOWN = new Set(PRECACHE);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(PRECACHE))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
			.then(() => sw.clients.claim())
	);
});

async function fromCacheFirst(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	const hit = await cache.match(request);
	if (hit) return hit;
	return fetch(request);
}

async function fromNetworkFirst(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	try {
		const response = await fetch(request);
		if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
		return response;
	} catch (err) {
		// Offline: the page as stored; a view's parameters do not change the page itself.
		const hit = (await cache.match(request)) ?? (await cache.match(request, { ignoreSearch: true }));
		if (hit) return hit;
		throw err;
	}
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (KNOWN.has(url.pathname) && request.mode !== 'navigate') {
		event.respondWith(fromCacheFirst(request));
		return;
	}
	event.respondWith(fromNetworkFirst(request));
});
