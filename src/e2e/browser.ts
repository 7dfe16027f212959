/**
 * Helpers to drive the system Chromium against the built site: launch, an isolated page that
 * records everything that went wrong, waiting for the map contract, and an axe-core audit.
 * Shared by the browser tests and `npm run bench`.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';

/** Debian's Chromium; `CHROMIUM_PATH` points elsewhere (another distribution, a local build). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for a quiet, offline, headless run. `--disable-gpu` only drops the hardware path:
 * WebGL2 still works on SwiftShader, which playwright enables with `--enable-unsafe-swiftshader`.
 */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** The selector of the map container and its state attributes (the app's DOM contract). */
export const MAP_SELECTOR = '[data-testid="map"]';

/** Where screenshots and other artefacts for humans go (gitignored). */
export const RESULTS_DIR = resolve(process.cwd(), 'test-results');

/**
 * Launches the system Chromium headless. Never downloads a browser.
 * Playwright starts every launch with a fresh temporary profile (user data dir) and removes it
 * on close, so runs never share cookies, storage or caches.
 */
export async function launchBrowser(): Promise<Browser> {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) ` +
				'or set CHROMIUM_PATH to a Chromium binary.'
		);
	}
	return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface PageOptions {
	/** Origin of the site under test; every request elsewhere is aborted and reported. */
	baseURL: string;
	width?: number;
	height?: number;
	/**
	 * Service workers are blocked unless a test is about them: a worker would answer requests
	 * that the tests' own routes (a broken file served in place of the real one) must see.
	 */
	serviceWorkers?: 'allow' | 'block';
}

/** Problems per page, so that a timeout can say what went wrong before it. */
const PROBLEMS = new WeakMap<Page, string[]>();

export interface TestPage {
	page: Page;
	context: BrowserContext;
	/**
	 * Everything that went wrong so far, one readable line each, prefixed by its kind:
	 * `console:`, `pageerror:`, `dialog:`, `blocked:`, `failed:` or `http <status>:`.
	 * A healthy page leaves it empty.
	 */
	problems: string[];
	close: () => Promise<void>;
}

/**
 * Opens a page in a new, isolated context (German locale, Berlin time) that keeps the test
 * offline: requests to anything but `baseURL`'s origin are aborted and listed in `problems`.
 */
export async function newPage(browser: Browser, options: PageOptions): Promise<TestPage> {
	const origin = new URL(options.baseURL).origin;
	const context = await browser.newContext({
		viewport: { width: options.width ?? 1366, height: options.height ?? 768 },
		locale: 'de-DE',
		timezoneId: 'Europe/Berlin',
		serviceWorkers: options.serviceWorkers ?? 'block'
	});
	const problems: string[] = [];
	const blocked = new Set<string>();

	await context.route('**/*', async (route) => {
		const url = route.request().url();
		if (new URL(url).origin === origin) return route.continue();
		blocked.add(url);
		problems.push(`blocked: ${route.request().method()} ${url}`);
		return route.abort('blockedbyclient');
	});

	const page = await context.newPage();
	page.on('console', (message) => {
		if (message.type() !== 'error') return;
		const text = message.text();
		// The browser logs every aborted request once more; the `blocked:` line already says it.
		if (text.includes('ERR_BLOCKED_BY_CLIENT')) return;
		const location = message.location();
		problems.push(`console: ${text}${location.url ? ` (${location.url}:${location.lineNumber})` : ''}`);
	});
	page.on('pageerror', (error) => problems.push(`pageerror: ${error.stack ?? error.message}`));
	page.on('dialog', (dialog) => {
		problems.push(`dialog: ${dialog.type()} "${dialog.message()}"`);
		void dialog.dismiss();
	});
	context.on('requestfailed', (request) => {
		if (blocked.has(request.url())) return;
		// The page's connectivity check (a HEAD request) is cut off when the test navigates on.
		if (request.method() === 'HEAD' && request.failure()?.errorText === 'net::ERR_ABORTED') return;
		problems.push(`failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? '?'})`);
	});
	context.on('response', (response) => {
		if (response.status() >= 400) problems.push(`http ${response.status()}: ${response.url()}`);
	});

	PROBLEMS.set(page, problems);
	return { page, context, problems, close: () => context.close() };
}

/** Current value of the map's `data-idle-count` (0 before the first idle). */
export async function idleCount(page: Page): Promise<number> {
	const value = await page.locator(MAP_SELECTOR).getAttribute('data-idle-count');
	return Number(value ?? 0);
}

/**
 * Waits until the map container reports `data-map-state="idle"` with a `data-idle-count`
 * greater than `after` (pass the count read before an interaction to wait for the render it
 * caused), and then until no further idle follows within `settle` ms: layers that mount after
 * MapLibre's `load` cause a second render, and the map is only complete after that one.
 * Fails fast when the map reports `error`. Resolves to the final idle count.
 */
export async function waitForMapIdle(
	page: Page,
	{ after = 0, timeout = 25_000, settle = 300 }: { after?: number; timeout?: number; settle?: number } = {}
): Promise<number> {
	const deadline = Date.now() + timeout;
	let count = await waitForIdleAfter(page, after, timeout);
	for (;;) {
		await page.waitForTimeout(settle);
		const now = await idleCount(page);
		if (now === count && (await mapState(page)) === 'idle') return count;
		count = await waitForIdleAfter(page, now - 1, Math.max(1000, deadline - Date.now()));
	}
}

async function mapState(page: Page): Promise<string | undefined> {
	return page.evaluate(
		(selector) => document.querySelector<HTMLElement>(selector)?.dataset.mapState,
		MAP_SELECTOR
	);
}

async function waitForIdleAfter(page: Page, after: number, timeout: number): Promise<number> {
	const handle = await page
		.waitForFunction(
			({ selector, after }) => {
				const el = document.querySelector<HTMLElement>(selector);
				if (!el) return false;
				const state = el.dataset.mapState;
				const count = Number(el.dataset.idleCount ?? 0);
				if (state === 'error') return { state, count };
				return state === 'idle' && count > after ? { state, count } : false;
			},
			{ selector: MAP_SELECTOR, after },
			{ timeout }
		)
		.catch(async (error: unknown) => {
			const state = await page
				.evaluate((selector) => {
					const el = document.querySelector<HTMLElement>(selector);
					return el ? JSON.stringify(el.dataset) : 'map container not found';
				}, MAP_SELECTOR)
				.catch(() => 'page not reachable');
			const problems = PROBLEMS.get(page) ?? [];
			throw new Error(
				`Map did not become idle (after idle #${after}) within ${timeout} ms: ${state}` +
					(problems.length > 0 ? `\nProblems on the page:\n  ${problems.join('\n  ')}` : ''),
				{ cause: error }
			);
		});
	const result = (await handle.jsonValue()) as { state: string; count: number };
	if (result.state === 'error') {
		const problems = PROBLEMS.get(page) ?? [];
		throw new Error(
			`Map reported data-map-state="error"${problems.length ? `: ${problems.join('; ')}` : ''}`
		);
	}
	return result.count;
}

/** Saves a full-viewport screenshot as test-results/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
	mkdirSync(RESULTS_DIR, { recursive: true });
	const path = resolve(RESULTS_DIR, `${name}.png`);
	await page.screenshot({ path });
	return path;
}

let axeSource: string | undefined;

/**
 * Runs axe-core on the current document and returns its serious and critical violations,
 * one line per rule with the first offending elements, e.g.
 * `color-contrast (serious): Elements must meet minimum color contrast ratio thresholds – 2 × [.legend > span]`.
 */
export async function runAxe(page: Page): Promise<string[]> {
	if (axeSource === undefined) {
		const require = createRequire(import.meta.url);
		axeSource = readFileSync(resolve(dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
	}
	// Evaluated through the DevTools protocol, so a Content-Security-Policy cannot block it.
	await page.evaluate(axeSource);
	const violations = await page.evaluate(async () => {
		const { axe } = window as unknown as { axe: typeof import('axe-core') };
		const results: AxeResults = await axe.run(document, { resultTypes: ['violations'] });
		return results.violations.map((v) => ({
			id: v.id,
			impact: v.impact ?? 'unknown',
			help: v.help,
			targets: v.nodes.map((node) => node.target.join(' '))
		}));
	});
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.id} (${v.impact}): ${v.help} – ${v.targets.length} × [${v.targets.slice(0, 5).join(', ')}]` +
				(v.targets.length > 5 ? ' …' : '')
		);
}
