/**
 * The public embed on the built site, against its DOM contract: `[data-testid="embed"]` with
 * `data-indicator` and `data-year`, the SVG map `[data-testid="embed-map"]` with one
 * `path[data-key]` per area, the legend, the readout, the summary and the table.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { DataIndex } from '../lib/domain/types';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchBrowser, newPage, runAxe, screenshot } from './browser';

const baseURL = inject('baseURL');

const CITY = 'stuttgart';
const STADTTEILE = 152;
const DEFAULT_INDICATOR = 'betreuungsquote_u3';
const INTERNAL = 'klassenwiederholungen';

const SEL = {
	embed: '[data-testid="embed"]',
	map: '[data-testid="embed-map"]',
	area: '[data-testid="embed-map"] path[data-key]',
	legendClass: '[data-testid="embed-legend-class"]',
	readout: '[data-testid="embed-readout"]',
	summary: '[data-testid="embed-summary"]',
	table: '[data-testid="embed-table"]',
	source: '[data-testid="embed-source"]',
	focus: '[data-testid="embed-focus"]'
} as const;

/** Opens the embed and waits until its map has drawn every area. */
async function openEmbed(page: Page, query = '', areas = STADTTEILE): Promise<void> {
	await page.goto(`${baseURL}/embed${query}`);
	await page.locator(SEL.map).waitFor({ timeout: 20_000 });
	await expect.poll(() => page.locator(SEL.area).count(), { timeout: 10_000 }).toBe(areas);
}

/**
 * Serves the site's data/index.json with `extra` cities added (the site is built with one),
 * as `npm run data` would list them.
 */
async function listCities(page: Page, extra: Array<{ id: string; public: boolean }>): Promise<void> {
	await page.route(`${baseURL}/data/index.json`, async (route) => {
		const response = await route.fetch();
		const index = (await response.json()) as DataIndex;
		for (const { id, public: hasPublic } of extra)
			index.cities.push({
				id,
				name: id,
				geometry: 'official',
				demo: false,
				built: '2024-12-31',
				public: hasPublic
			});
		return route.fulfill({ response, json: index });
	});
}

/** Paths of every data file the page asked for, e.g. "/data/stuttgart/public/catalog.json". */
function recordDataRequests(page: Page): string[] {
	const seen: string[] = [];
	page.on('request', (request) => {
		const path = new URL(request.url()).pathname;
		if (path.includes('/data/')) seen.push(path);
	});
	return seen;
}

describe('public embed', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	test('draws every Stadtteil as SVG with legend, source and demo notice', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 800, height: 600 });
		try {
			const requests = recordDataRequests(page);
			const scripts: string[] = [];
			page.on('response', (response) => {
				if (response.url().endsWith('.js')) scripts.push(response.url());
			});
			await openEmbed(page);
			await expect.poll(() => page.locator(SEL.embed).getAttribute('data-indicator')).toBe(DEFAULT_INDICATOR);
			expect(await page.locator(SEL.legendClass).count()).toBeGreaterThanOrEqual(3);
			expect(await page.locator(SEL.source).textContent()).toMatch(/Quelle: .+Stand \d\d\.\d\d\.\d{4}/);
			expect(await page.getByText('Demodaten – nicht amtlich').count()).toBe(1);
			expect(await page.locator(SEL.summary).textContent()).toMatch(/in der ganzen Stadt/);
			expect(await page.locator(`${SEL.table} tbody tr`).count()).toBe(STADTTEILE);
			// No canvas: nothing of MapLibre or deck.gl on this page.
			expect(await page.locator('canvas').count()).toBe(0);
			expect(requests.every((p) => p.startsWith(`/data/${CITY}/public/`))).toBe(true);
			expect(requests).toContain(`/data/${CITY}/public/values/${DEFAULT_INDICATOR}.json`);
			// The default city is loaded at once, without looking it up in data/index.json.
			expect(requests).not.toContain('/data/index.json');
			// Hovering the link to the dashboard preloads neither its data nor its code.
			await page.getByRole('link', { name: 'Zur Bildungslandkarte' }).hover();
			await page.waitForTimeout(500);
			expect(requests.every((p) => p.startsWith(`/data/${CITY}/public/`))).toBe(true);
			await screenshot(page, 'embed-default');
			// None of the JavaScript it loads holds MapLibre, deck.gl or luma.gl.
			for (const url of scripts) {
				const code = await (await fetch(url)).text();
				expect(code, url).not.toMatch(/maplibregl|MapboxOverlay|luma\.gl|WebGL2RenderingContext/);
			}
			expect(scripts.length).toBeGreaterThan(0);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('works in a browser without WebGL', async () => {
		const noGl = await chromium.launch({
			executablePath: CHROMIUM_PATH,
			headless: true,
			args: [...CHROMIUM_ARGS, '--disable-webgl', '--disable-3d-apis']
		});
		try {
			const { page, problems, close } = await newPage(noGl, { baseURL, width: 400, height: 500 });
			await page.goto(`${baseURL}/favicon.svg`);
			const gl = await page.evaluate(() => {
				const canvas = document.createElementNS(
					'http://www.w3.org/1999/xhtml',
					'canvas'
				) as HTMLCanvasElement;
				return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
			});
			expect(gl, 'WebGL should be unavailable in this browser').toBe(false);
			await openEmbed(page, '?ebene=stadtbezirk', 23);
			expect(await page.locator(SEL.legendClass).count()).toBeGreaterThanOrEqual(3);
			expect(problems).toEqual([]);
			await close();
		} finally {
			await noGl.close();
		}
	});

	test('reads the value of an area by keyboard and shows it in the readout', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 800, height: 600 });
		try {
			await openEmbed(page, '?indikator=kinder_sgb2&jahr=2023');
			await page.keyboard.press('Tab');
			const first = await page.evaluate(() => ({
				key: document.activeElement?.getAttribute('data-key'),
				label: document.activeElement?.getAttribute('aria-label')
			}));
			expect(first.key).toBeTruthy();
			expect(first.label).toMatch(/^Stadtteil .+: (\d+,\d\u00a0%|geheim gehalten|keine Daten)/);
			await expect.poll(() => page.locator(SEL.readout).textContent()).toBe(first.label);
			// The map is one tab stop; arrows move inside it.
			await page.keyboard.press('ArrowDown');
			const next = await page.evaluate(() => document.activeElement?.getAttribute('data-key'));
			expect(next).toBeTruthy();
			expect(next).not.toBe(first.key);
			const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
			await expect.poll(() => page.locator(SEL.readout).textContent()).toBe(label);
			expect(await page.locator(`${SEL.area}[tabindex="0"]`).count()).toBe(1);
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).not.toBe('path');
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test.each([
		['indikator=<script>alert(1)</script>&jahr=abc', DEFAULT_INDICATOR, '2024'],
		[`indikator=${INTERNAL}`, DEFAULT_INDICATOR, '2024'],
		[
			`indikator=${INTERNAL}&jahr=2022&ebene=<b>&gebiet=../../x&region="><img>&stadt=../etc`,
			DEFAULT_INDICATOR,
			'2022'
		],
		['indikator=kinder_0_3&jahr=1999&gebiet=99999', 'kinder_0_3', '2024']
	])('falls back silently for %s and never fetches an internal indicator', async (query, indicator, year) => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 800, height: 600 });
		try {
			const requests = recordDataRequests(page);
			await openEmbed(page, `?${query.replaceAll('<', '%3C').replaceAll('>', '%3E').replaceAll('"', '%22')}`);
			await expect.poll(() => page.locator(SEL.embed).getAttribute('data-indicator')).toBe(indicator);
			expect(await page.locator(SEL.embed).getAttribute('data-year')).toBe(year);
			const text = (await page.locator('body').textContent()) ?? '';
			expect(text).not.toMatch(/Parameter|Fehler|<script|klassenwiederholungen/i);
			expect(await page.locator('img').count()).toBe(0);
			expect(requests.length).toBeGreaterThanOrEqual(3);
			for (const path of requests) expect(path.startsWith(`/data/${CITY}/public/`), path).toBe(true);
			expect(requests.some((p) => p.includes(INTERNAL))).toBe(false);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test.each([
		['a city without public files', 'ohne-einbettung'],
		['a city that was never built', 'gibt-es-nicht']
	])('shows the default city for %s, without a failing request', async (_, city) => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 800, height: 600 });
		try {
			await listCities(page, [{ id: 'ohne-einbettung', public: false }]);
			const requests = recordDataRequests(page);
			const notes: string[] = [];
			page.on('console', (message) => {
				if (message.type() === 'info') notes.push(message.text());
			});
			await openEmbed(page, `?stadt=${city}&indikator=kinder_sgb2`);
			expect(await page.locator(SEL.embed).getAttribute('data-indicator')).toBe('kinder_sgb2');
			// The index said the city has no public files: nothing of it was asked for.
			expect(requests.filter((p) => !p.startsWith(`/data/${CITY}/public/`))).toEqual(['/data/index.json']);
			expect(requests).toContain(`/data/${CITY}/public/values/kinder_sgb2.json`);
			expect(notes).toContainEqual(expect.stringMatching(/^Einbettung: Parameter stadt nicht verwendbar/));
			// No 404, no failed request, no console error.
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('loads another city with public files after looking it up', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 800, height: 600 });
		try {
			await listCities(page, [{ id: 'zweitstadt', public: true }]);
			// Its files are Stuttgart's, served under its own folder.
			await page.route(`${baseURL}/data/zweitstadt/public/**`, async (route) => {
				const url = route.request().url().replace('/data/zweitstadt/', `/data/${CITY}/`);
				return route.fulfill({ response: await route.fetch({ url }) });
			});
			const requests = recordDataRequests(page);
			await openEmbed(page, '?stadt=zweitstadt&indikator=kinder_sgb2');
			expect(requests.filter((p) => !p.startsWith(`/data/${CITY}/`)).sort()).toEqual(
				[
					'/data/index.json',
					'/data/zweitstadt/public/areas.topo.json',
					'/data/zweitstadt/public/catalog.json',
					'/data/zweitstadt/public/values/kinder_sgb2.json'
				].sort()
			);
			// Of the default city only what the shell preloads for it, before any script runs.
			expect(requests.filter((p) => p.startsWith(`/data/${CITY}/`)).sort()).toEqual(
				[`/data/${CITY}/public/areas.topo.json`, `/data/${CITY}/public/catalog.json`].sort()
			);
			expect(await page.locator(SEL.embed).getAttribute('data-indicator')).toBe('kinder_sgb2');
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('zooms to a focus area and outlines it', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 400, height: 500 });
		try {
			await openEmbed(page, '?gebiet=2&indikator=sprachfoerderbedarf_esu');
			expect(await page.locator(SEL.focus).count()).toBe(1);
			expect(await page.locator(SEL.readout).textContent()).toMatch(/^Stadtbezirk Nord: /);
			expect(await page.locator(SEL.summary).textContent()).toMatch(/Hervorgehoben: Stadtbezirk Nord/);
			await screenshot(page, 'embed-focus');
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('has no serious or critical accessibility violations', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 800, height: 600 });
		try {
			await openEmbed(page, '?indikator=sprachfoerderbedarf_esu&region=hallschlag');
			await page.locator('summary').click();
			await page.keyboard.press('Tab');
			expect(await runAxe(page)).toEqual([]);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('reports its height to a framing host page, and not when it stands alone', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 900, height: 700 });
		try {
			// A host page on the same origin that frames the embed and collects its messages.
			await page.route(`${baseURL}/host.html`, (route) =>
				route.fulfill({
					contentType: 'text/html',
					body: `<!doctype html><html lang="de"><title>Host</title><body>
						<script>window.heights = []; addEventListener('message', (e) => {
							if (e.data && e.data.type === 'bildungslandkarte:height') window.heights.push(e.data.height);
						});</script>
						<iframe id="embed" title="Bildungslandkarte" src="/embed?ebene=stadtbezirk" style="width: 400px; height: 300px; border: 0"></iframe>
					</body></html>`
				})
			);
			await page.goto(`${baseURL}/host.html`);
			const frame = page.frameLocator('#embed');
			await frame.locator(SEL.area).first().waitFor({ timeout: 20_000 });
			await expect
				.poll(() => page.evaluate(() => (window as unknown as { heights: number[] }).heights.at(-1) ?? 0))
				.toBeGreaterThan(300);
			const reported = await page.evaluate(() =>
				(window as unknown as { heights: number[] }).heights.at(-1)!
			);
			const actual = await frame.locator(SEL.embed).evaluate((el) => el.getBoundingClientRect().height);
			expect(reported).toBe(Math.ceil(actual));
			// Resize the frame: the embed reflows and reports its new height.
			await page.locator('#embed').evaluate((el) => ((el as HTMLElement).style.width = '800px'));
			await expect
				.poll(() => page.evaluate(() => (window as unknown as { heights: number[] }).heights.at(-1)))
				.not.toBe(reported);

			// Alone, the embed posts nothing (it would post to itself).
			await page.addInitScript(() => {
				(window as unknown as { own: unknown[] }).own = [];
				addEventListener('message', (e) => (window as unknown as { own: unknown[] }).own.push(e.data));
			});
			await openEmbed(page, '?ebene=stadtbezirk', 23);
			await page.waitForTimeout(300);
			expect(await page.evaluate(() => (window as unknown as { own: unknown[] }).own)).toEqual([]);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});
});
