/**
 * The public embed in `npm run bench`: everything it transfers (HTML, JS, CSS, data; gzip of
 * the built files) and the time to its first render on a slow connection, next to the
 * dashboard's under the same throttling, runs interleaved.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { MAP_SELECTOR, newPage } from '../../src/e2e/browser';

/**
 * A slow 3G-like connection (as Chrome's DevTools once defined "Slow 3G"): 400 ms round trip,
 * 400 kbit/s each way. Applied through the DevTools protocol to every request of the page.
 */
export const SLOW_NETWORK = {
	name: 'slow 3G-like: 400 ms RTT, 400 kbit/s down and up',
	latency: 400,
	downloadThroughput: (400 * 1000) / 8,
	uploadThroughput: (400 * 1000) / 8
} as const;

/** Target for all the embed transfers, gzip; 1 kB = 1000 bytes as in the rest of the bench. */
export const EMBED_GZIP_TARGET = 150_000;

/** What counts as drawn: the embed's SVG holds its areas; the dashboard's map is idle. */
const EMBED_DRAWN = '[data-testid="embed-map"] path[data-key]';
const DASHBOARD_DRAWN = `${MAP_SELECTOR}[data-map-state="idle"]`;

export interface EmbedBytes {
	html: number;
	js: number;
	css: number;
	data: number;
	other: number;
	/** HTML + JS + CSS + data. */
	total: number;
	files: string[];
}

export interface EmbedBench {
	path: string;
	bytes: EmbedBytes;
	network: typeof SLOW_NETWORK;
	/** Navigation -> first render under `SLOW_NETWORK`, ms, per run and median. */
	embedFirstRender: { runs: number[]; median: number };
	dashboardFirstRender: { runs: number[]; median: number } | null;
	problems: string[];
}

declare global {
	interface Window {
		/** performance.now() when the watched selector first matched (set by the bench's init script). */
		__benchDrawn?: number;
	}
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (v: number) => Math.round(v * 10) / 10;

function kindOf(path: string): keyof Omit<EmbedBytes, 'total' | 'files'> {
	const ext = extname(path).toLowerCase();
	if (ext === '.html' || ext === '') return 'html';
	if (ext === '.js' || ext === '.mjs') return 'js';
	if (ext === '.css') return 'css';
	if (ext === '.json') return 'data';
	return 'other';
}

/** Records in `window.__benchDrawn` the first moment `selector` matches, from navigation on. */
async function watchDrawn(page: Page, selector: string): Promise<void> {
	await page.addInitScript((sel: string) => {
		const observer = new MutationObserver(() => {
			if (window.__benchDrawn !== undefined || !document.querySelector(sel)) return;
			window.__benchDrawn = performance.now();
			observer.disconnect();
		});
		observer.observe(document, { subtree: true, childList: true, attributes: true });
	}, selector);
}

/**
 * Loads the embed once without throttling and sums the gzip bytes of every file it requested
 * (read from `buildDir`), by kind.
 */
async function measureEmbedBytes(
	browser: Browser,
	baseURL: string,
	buildDir: string,
	path: string
): Promise<{ bytes: EmbedBytes; problems: string[] }> {
	const { page, context, problems, close } = await newPage(browser, { baseURL, width: 800, height: 600 });
	const requested = new Set<string>();
	context.on('request', (request) => requested.add(request.url()));
	try {
		await page.goto(baseURL + path);
		await page.locator(EMBED_DRAWN).first().waitFor({ timeout: 60_000 });
		await page.waitForLoadState('networkidle');
	} finally {
		await close();
	}
	const bytes: EmbedBytes = { html: 0, js: 0, css: 0, data: 0, other: 0, total: 0, files: [] };
	for (const url of requested) {
		const parsed = new URL(url);
		if (parsed.origin !== baseURL) continue;
		let pathname = decodeURIComponent(parsed.pathname);
		if (pathname.endsWith('/')) pathname += 'index.html';
		// Prerendered pages are served without their extension.
		let file = join(buildDir, pathname);
		if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
		if (!file.startsWith(buildDir) || !existsSync(file)) continue;
		const gzip = gzipSync(readFileSync(file), { level: 9 }).length;
		bytes[kindOf(file)] += gzip;
		bytes.files.push(`${pathname} ${gzip}`);
	}
	bytes.total = bytes.html + bytes.js + bytes.css + bytes.data;
	return { bytes, problems };
}

/** One cold navigation under `SLOW_NETWORK` until `selector` matches; ms from navigation start. */
async function throttledRun(
	browser: Browser,
	baseURL: string,
	path: string,
	selector: string
): Promise<number> {
	const { page, context, close } = await newPage(browser, { baseURL, width: 800, height: 600 });
	try {
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
		await cdp.send('Network.emulateNetworkConditions', {
			offline: false,
			latency: SLOW_NETWORK.latency,
			downloadThroughput: SLOW_NETWORK.downloadThroughput,
			uploadThroughput: SLOW_NETWORK.uploadThroughput
		});
		await watchDrawn(page, selector);
		await page.goto(baseURL + path, { timeout: 180_000 });
		await page.locator(selector).first().waitFor({ timeout: 180_000, state: 'attached' });
		const drawn = await page.evaluate(() => window.__benchDrawn);
		if (drawn === undefined) throw new Error(`${path}: drawn, but not seen by the bench's probe`);
		return drawn;
	} finally {
		await close();
	}
}

/**
 * Bytes of the embed and its first render on a slow connection, with the dashboard's first
 * render (`dashboard: true`) in the same runs, interleaved.
 * `await benchEmbed(browser, 'http://127.0.0.1:4173', 'build', 3)` -> { bytes: { total: 84000, … }, … }
 */
export async function benchEmbed(
	browser: Browser,
	baseURL: string,
	buildDir: string,
	runs: number,
	{ path = '/embed', dashboard = true }: { path?: string; dashboard?: boolean } = {}
): Promise<EmbedBench> {
	const { bytes, problems } = await measureEmbedBytes(browser, baseURL, buildDir, path);
	const embedRuns: number[] = [];
	const dashboardRuns: number[] = [];
	for (let i = 0; i < runs; i++) {
		embedRuns.push(await throttledRun(browser, baseURL, path, EMBED_DRAWN));
		if (dashboard) dashboardRuns.push(await throttledRun(browser, baseURL, '/', DASHBOARD_DRAWN));
	}
	return {
		path,
		bytes,
		network: SLOW_NETWORK,
		embedFirstRender: { runs: embedRuns.map(round), median: round(median(embedRuns)) },
		dashboardFirstRender: dashboard
			? { runs: dashboardRuns.map(round), median: round(median(dashboardRuns)) }
			: null,
		problems
	};
}
