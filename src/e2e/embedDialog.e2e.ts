/**
 * "Einbetten …" on the dashboard, end to end: the dialog's code for the current view, pasted
 * into a host page of the site's own origin (the site allows only `frame-ancestors 'self'`),
 * shows that view in its frame, and its script gives the frame the height the embed reports.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import type { Catalog } from '../lib/domain/types';
import { launchBrowser, newPage, screenshot, waitForMapIdle } from './browser';
import { getJson } from './server';

const baseURL = inject('baseURL');

const CITY = 'stuttgart';
/** A public indicator, a year other than the newest, and Stadtbezirk 2 (Nord) selected. */
const VIEW = { indikator: 'kinder_sgb2', jahr: '2022', ebene: 'stadtbezirk', gebiet: '2' } as const;
const STADTBEZIRKE = 23;
/** Released for internal use only: never embeddable. */
const INTERNAL = 'klassenwiederholungen';
/** The frame's height without the script (the snippet's `height` attribute). */
const DEFAULT_HEIGHT = 560;
const HEIGHT_MESSAGE = 'bildungslandkarte:height';
/** Polling options for conditions that follow an interaction. */
const SOON = { timeout: 15_000, interval: 50 };

const SEL = {
	dialog: 'dialog[aria-labelledby="embed-title"]',
	code: 'dialog[aria-labelledby="embed-title"] textarea',
	status: 'dialog[aria-labelledby="embed-title"] [role="status"]',
	embed: '[data-testid="embed"]',
	area: '[data-testid="embed-map"] path[data-key]',
	focus: '[data-testid="embed-focus"]',
	readout: '[data-testid="embed-readout"]',
	table: '[data-testid="embed-table"]'
} as const;

/** Opens the dashboard on `query`, waits for its map and opens the dialog. */
async function openDialog(page: Page, query: string): Promise<void> {
	await page.goto(`${baseURL}/?${query}`);
	await waitForMapIdle(page);
	await page.getByRole('button', { name: 'Einbetten …' }).click();
	await page.locator(SEL.dialog).waitFor({ state: 'visible' });
}

/** What a snippet holds, read by the browser's own HTML parser. */
interface Snippet {
	frames: Array<{ src: string; title: string; height: string | null; loading: string | null }>;
	scripts: number;
}

async function parseSnippet(page: Page, code: string): Promise<Snippet> {
	return page.evaluate((html) => {
		const doc = new DOMParser().parseFromString(html, 'text/html');
		return {
			frames: [...doc.querySelectorAll('iframe')].map((f) => ({
				src: f.src,
				title: f.title,
				height: f.getAttribute('height'),
				loading: f.getAttribute('loading')
			})),
			scripts: doc.querySelectorAll('script').length
		};
	}, code);
}

/**
 * Serves, on the site's origin, a page of a city's website with `code` pasted into a 700 px
 * column, and opens it. A probe before the code records every height message the page gets
 * (`window.heights`); it changes nothing.
 */
async function openHost(page: Page, name: string, code: string): Promise<void> {
	const url = `${baseURL}/beispielseite/${name}.html`;
	await page.route(url, (route) =>
		route.fulfill({
			contentType: 'text/html; charset=utf-8',
			body: `<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><title>Bildung in unserer Stadt</title></head>
<body style="margin: 0; font-family: sans-serif">
<script>
window.heights = [];
addEventListener('message', function (e) {
	if (e.data && e.data.type === ${JSON.stringify(HEIGHT_MESSAGE)}) window.heights.push(e.data.height);
});
</script>
<article style="width: 700px; padding: 1rem">
<h1>Bildung in unserer Stadt</h1>
<p>Die Karte zeigt den Indikator für alle Stadtbezirke.</p>
${code}
<p>Text nach der Karte.</p>
</article>
</body>
</html>`
		})
	);
	await page.goto(url);
}

/** The framed embed, once its map has drawn every Stadtbezirk. */
async function embedFrame(page: Page): Promise<Frame> {
	const frame = page.frameLocator('iframe[src*="/embed?"]');
	await expect.poll(() => frame.locator(SEL.area).count(), { timeout: 20_000 }).toBe(STADTBEZIRKE);
	const found = page.frames().find((f) => new URL(f.url()).pathname === '/embed');
	if (!found)
		throw new Error(
			`no /embed frame among ${page
				.frames()
				.map((f) => f.url())
				.join(', ')}`
		);
	return found;
}

interface Sizes {
	/** Height of the iframe element on the host page. */
	frame: number;
	/** The embed document's scrollHeight. */
	scroll: number;
	/** The embed document's visible height (clientHeight). */
	client: number;
	/** Height of the embed's content (its main element), rounded up as it reports it. */
	content: number;
	/** The last height the host page was told by message. */
	reported: number | undefined;
}

async function sizes(page: Page, frame: Frame): Promise<Sizes> {
	const [outer, inner, reported] = await Promise.all([
		page.locator('iframe').evaluate((el) => el.getBoundingClientRect().height),
		frame.evaluate(() => ({
			scroll: document.documentElement.scrollHeight,
			client: document.documentElement.clientHeight,
			content: Math.ceil(document.querySelector('main')!.getBoundingClientRect().height)
		})),
		page.evaluate(() => (window as unknown as { heights: number[] }).heights.at(-1))
	]);
	return { frame: outer, ...inner, reported };
}

/**
 * Waits until the frame is as tall as the embed's content, as reported by message: the height
 * the script set, the document's scrollHeight within 2 px, nothing to scroll inside the frame.
 */
async function waitForFit(page: Page, frame: Frame): Promise<Sizes> {
	let last: Sizes | undefined;
	const fits = (s: Sizes) =>
		s.reported !== undefined &&
		s.frame === s.reported &&
		Math.abs(s.frame - s.content) <= 1 &&
		Math.abs(s.frame - s.scroll) <= 2 &&
		s.scroll <= s.client;
	try {
		await expect
			.poll(async () => {
				last = await sizes(page, frame);
				return fits(last);
			}, SOON)
			.toBe(true);
	} catch (error) {
		throw new Error(`The frame did not take the embed's height: ${JSON.stringify(last)}`, { cause: error });
	}
	return last!;
}

describe('embed dialog', () => {
	let browser: Browser;
	let catalog: Catalog;

	beforeAll(async () => {
		[browser, catalog] = await Promise.all([
			launchBrowser(),
			getJson<Catalog>(baseURL, `/data/${CITY}/catalog.json`)
		]);
	});
	afterAll(async () => {
		await browser?.close();
	});

	test('the code embeds the current view, and its frame takes the height the embed reports', async () => {
		const { page, context, problems, close } = await newPage(browser, { baseURL });
		try {
			await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
			await openDialog(page, new URLSearchParams(VIEW).toString());
			const code = await page.locator(SEL.code).inputValue();
			await page.getByRole('button', { name: 'Code kopieren' }).click();
			await expect.poll(() => page.locator(SEL.status).textContent(), SOON).toBe('Code kopiert.');
			expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

			const snippet = await parseSnippet(page, code);
			expect(snippet.scripts).toBe(1);
			expect(snippet.frames).toHaveLength(1);
			const [embed] = snippet.frames;
			const meta = catalog.indicators.find((i) => i.id === VIEW.indikator)!;
			expect(embed!.title).toBe(`Bildungslandkarte ${catalog.city.name}: ${meta.title} ${VIEW.jahr}`);
			expect(embed!.height).toBe(String(DEFAULT_HEIGHT));
			const src = new URL(embed!.src);
			expect(src.origin).toBe(baseURL);
			expect(src.pathname).toBe('/embed');
			// The view of the link, and no city: the default one needs none.
			expect(Object.fromEntries(src.searchParams)).toEqual(VIEW);
			expect(await page.getByRole('link', { name: 'Vorschau öffnen' }).getAttribute('href')).toBe(embed!.src);
			await screenshot(page, 'embed-dialog');

			await openHost(page, 'mit-skript', code);
			const frame = await embedFrame(page);
			const shown = frame.locator(SEL.embed);
			expect(await shown.getAttribute('data-indicator')).toBe(VIEW.indikator);
			expect(await shown.getAttribute('data-year')).toBe(VIEW.jahr);
			expect(await frame.locator('h1').textContent()).toBe(meta.title);
			expect(await frame.locator(SEL.focus).count()).toBe(1);
			expect(await frame.locator(SEL.readout).textContent()).toMatch(/^Stadtbezirk Nord: /);

			const closed = await waitForFit(page, frame);
			// Shorter than the default: the script shrank the frame, it did not just keep it.
			expect(closed.frame).toBeLessThan(DEFAULT_HEIGHT);
			await screenshot(page, 'embed-dialog-host');

			// The table fold opens inside the frame; the frame grows with it.
			await page.frameLocator('iframe').locator('summary').click();
			await frame.locator(SEL.table).waitFor({ state: 'visible' });
			const open = await waitForFit(page, frame);
			expect(open.frame).toBeGreaterThan(closed.frame + STADTBEZIRKE * 10);
			// And shrinks again when it closes.
			await page.frameLocator('iframe').locator('summary').click();
			expect((await waitForFit(page, frame)).frame).toBe(closed.frame);

			// A message from anything but the frame (here the host page itself) changes nothing.
			await page.evaluate((type) => window.postMessage({ type, height: 123 }, '*'), HEIGHT_MESSAGE);
			await expect
				.poll(() => page.evaluate(() => (window as unknown as { heights: number[] }).heights.at(-1)))
				.toBe(123);
			expect((await sizes(page, frame)).frame).toBe(closed.frame);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('without the script the frame keeps its fixed height', async () => {
		const { page, context, problems, close } = await newPage(browser, { baseURL });
		try {
			await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
			await openDialog(page, new URLSearchParams(VIEW).toString());
			const withScript = await page.locator(SEL.code).inputValue();
			await page.getByRole('button', { name: 'Code kopieren' }).click();
			await expect.poll(() => page.locator(SEL.status).textContent(), SOON).toBe('Code kopiert.');
			await page.getByRole('checkbox', { name: /Höhe automatisch anpassen/ }).uncheck();
			await expect.poll(() => page.locator(SEL.code).inputValue(), SOON).not.toBe(withScript);
			// The code in the field is not the one copied: the status no longer says it was.
			expect(await page.locator(SEL.status).textContent()).toBe('');
			const code = await page.locator(SEL.code).inputValue();
			const snippet = await parseSnippet(page, code);
			expect(snippet.scripts).toBe(0);
			expect(snippet.frames.map((f) => f.src)).toEqual(
				(await parseSnippet(page, withScript)).frames.map((f) => f.src)
			);

			await openHost(page, 'ohne-skript', code);
			const frame = await embedFrame(page);
			// The embed reports its height, and nobody listens but the probe.
			await expect
				.poll(() => page.evaluate(() => (window as unknown as { heights: number[] }).heights.length), SOON)
				.toBeGreaterThan(0);
			await page.frameLocator('iframe').locator('summary').click();
			await expect
				.poll(async () => (await sizes(page, frame)).reported, SOON)
				.toBeGreaterThan(DEFAULT_HEIGHT);
			const after = await sizes(page, frame);
			expect(after.frame).toBe(DEFAULT_HEIGHT);
			// The open table scrolls inside the frame instead.
			expect(after.scroll).toBeGreaterThan(after.client);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('offers no code for an internal indicator', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL });
		try {
			await openDialog(page, `indikator=${INTERNAL}`);
			const dialog = page.locator(SEL.dialog);
			expect(await dialog.getByRole('alert').textContent()).toMatch(/nur für den internen Gebrauch/);
			expect(await dialog.locator('textarea').count()).toBe(0);
			expect(await dialog.getByRole('button', { name: 'Code kopieren' }).count()).toBe(0);
			expect(await dialog.getByRole('link', { name: 'Vorschau öffnen' }).count()).toBe(0);
			expect(await dialog.textContent()).not.toContain('/embed');
			await dialog.getByRole('button', { name: 'Schließen' }).click();
			await dialog.waitFor({ state: 'hidden' });
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});
});
