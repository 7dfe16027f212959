/**
 * Main journeys on the built dashboard, against its DOM contract: the map container
 * `[data-testid="map"]` with `data-map-state`, `data-idle-count`, `data-feature-count` and
 * `data-level`; the legend; the form controls named after their URL parameters.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Catalog } from '../lib/domain/types';
import {
	idleCount,
	launchBrowser,
	MAP_SELECTOR,
	newPage,
	runAxe,
	screenshot,
	waitForMapIdle
} from './browser';
import { getJson } from './server';

const baseURL = inject('baseURL');

const CITY = 'stuttgart';
/** Stuttgart has 152 Stadtteile in 23 Stadtbezirke. */
const FEATURES = { stadtteil: 152, stadtbezirk: 23 } as const;
/** Polling options for conditions that follow an interaction. */
const SOON = { timeout: 15_000, interval: 50 };

const SEL = {
	map: MAP_SELECTOR,
	legend: '[data-testid="legend"]',
	legendTitle: '[data-testid="legend"] [data-testid="legend-title"]',
	legendClass: '[data-testid="legend"] [data-testid="legend-class"]',
	legendNoData: '[data-testid="legend"] [data-testid="legend-nodata"]',
	legendSuppressed: '[data-testid="legend"] [data-testid="legend-suppressed"]',
	search: 'input[type="search"][aria-label="Indikator suchen"]',
	indicator: 'input[type="radio"][name="indikator"]',
	level: 'input[type="radio"][name="ebene"]',
	year: 'select[name="jahr"]',
	method: 'select[name="methode"]',
	classes: 'select[name="klassen"]',
	regions: 'input[type="checkbox"][name="regionen"]',
	panel: '[data-testid="area-panel"]'
} as const;

/** The form state the URL restores, as read from the controls and the map. */
interface ViewState {
	level: string | null;
	indicator: string | null;
	year: string;
	method: string;
	classes: string;
	featureCount: string | null;
	mapLevel: string | null;
}

async function readState(page: Page): Promise<ViewState> {
	const map = page.locator(SEL.map);
	return {
		level: await checkedValue(page, 'ebene'),
		indicator: await checkedValue(page, 'indikator'),
		year: await page.locator(SEL.year).inputValue(),
		method: await page.locator(SEL.method).inputValue(),
		classes: await page.locator(SEL.classes).inputValue(),
		featureCount: await map.getAttribute('data-feature-count'),
		mapLevel: await map.getAttribute('data-level')
	};
}

async function checkedValue(page: Page, name: string): Promise<string | null> {
	const checked = page.locator(`input[type="radio"][name="${name}"]:checked`);
	return (await checked.count()) === 1 ? checked.inputValue() : null;
}

async function indicatorIds(page: Page): Promise<string[]> {
	return page
		.locator(SEL.indicator)
		.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
}

async function legendTitle(page: Page): Promise<string> {
	return ((await page.locator(SEL.legendTitle).textContent()) ?? '').trim();
}

function param(page: Page, name: string): string | null {
	return new URL(page.url()).searchParams.get(name);
}

/** Picks a radio value that is not `current`, preferring the `n`-th other one for variety. */
function other(ids: string[], current: string | null, n = 0): string {
	const candidates = ids.filter((id) => id !== current);
	const id = candidates[n % candidates.length];
	if (id === undefined) throw new Error(`need at least two indicators, page lists ${ids.length}`);
	return id;
}

describe('dashboard', () => {
	let browser: Browser;
	let catalog: Catalog;
	const titleOf = (id: string) => {
		const meta = catalog.indicators.find((indicator) => indicator.id === id);
		if (!meta) throw new Error(`indicator ${id} is listed on the page but not in catalog.json`);
		return meta.title;
	};

	beforeAll(async () => {
		[browser, catalog] = await Promise.all([
			launchBrowser(),
			getJson<Catalog>(baseURL, `/data/${CITY}/catalog.json`)
		]);
	});
	afterAll(async () => {
		await browser?.close();
	});

	test.each([
		{ device: 'projector', width: 1920, height: 1080 },
		{ device: 'laptop', width: 1366, height: 768 }
	])(
		'(a) / reaches idle with all Stadtteile on a $device ($width×$height)',
		async ({ device, width, height }) => {
			const { page, problems, close } = await newPage(browser, { baseURL, width, height });
			try {
				await page.goto(`${baseURL}/`);
				await waitForMapIdle(page);
				const map = page.locator(SEL.map);
				expect(await map.getAttribute('data-level')).toBe('stadtteil');
				expect(await map.getAttribute('data-feature-count')).toBe(String(FEATURES.stadtteil));

				expect(await page.getByText('Demodaten – nicht amtlich').first().isVisible()).toBe(true);
				if (catalog.city.geometry === 'schematic') {
					expect(await page.getByText('schematische Gebietsgrenzen').first().isVisible()).toBe(true);
				}
				expect(await page.locator(SEL.legend).isVisible()).toBe(true);
				expect(await legendTitle(page)).not.toBe('');
				expect(await page.locator(SEL.legendClass).count()).toBeGreaterThanOrEqual(3);
				expect(await page.locator(SEL.legendNoData).count()).toBe(1);
				expect(await page.locator(SEL.legendSuppressed).count()).toBe(1);

				await screenshot(page, `dashboard-${device}-${width}x${height}`);
				expect(problems).toEqual([]);
			} finally {
				await close();
			}
		}
	);

	test('(b) choosing another indicator updates the legend and the URL', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL });
		try {
			await page.goto(`${baseURL}/`);
			await waitForMapIdle(page);
			const before = await checkedValue(page, 'indikator');
			const target = other(await indicatorIds(page), before);
			const idles = await idleCount(page);

			await page.locator(`${SEL.indicator}[value="${target}"]`).check();

			await expect.poll(() => param(page, 'indikator'), SOON).toBe(target);
			await expect.poll(() => legendTitle(page), SOON).toContain(titleOf(target));
			await waitForMapIdle(page, { after: idles });
			expect(await checkedValue(page, 'indikator')).toBe(target);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('(c) a shared link restores the view, survives a reload and the back button', async () => {
		const start = await newPage(browser, { baseURL });
		let indicator: string;
		let year: string;
		let defaultIndicator: string | null;
		try {
			await start.page.goto(`${baseURL}/`);
			await waitForMapIdle(start.page);
			const ids = await indicatorIds(start.page);
			defaultIndicator = await checkedValue(start.page, 'indikator');
			indicator = other(ids, defaultIndicator);
			await start.page.locator(`${SEL.indicator}[value="${indicator}"]`).check();
			await expect.poll(() => param(start.page, 'indikator'), SOON).toBe(indicator);
			// The oldest year differs from the default (the latest) whenever there are two.
			const years = await start.page
				.locator(`${SEL.year} option`)
				.evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
			const sorted = [...years].sort();
			year = sorted[0] ?? '';
			expect(year, 'the year select offers no years').not.toBe('');
			expect(start.problems).toEqual([]);
		} finally {
			await start.close();
		}

		const query = new URLSearchParams({
			ebene: 'stadtbezirk',
			indikator: indicator,
			jahr: year,
			methode: 'jenks',
			klassen: '4',
			gebiet: '2'
		});
		const { page, problems, close } = await newPage(browser, { baseURL });
		const expectRestored = async () => {
			await waitForMapIdle(page);
			expect(await readState(page)).toEqual({
				level: 'stadtbezirk',
				indicator,
				year,
				method: 'jenks',
				classes: '4',
				featureCount: String(FEATURES.stadtbezirk),
				mapLevel: 'stadtbezirk'
			});
			await expect.poll(() => page.locator(SEL.legendClass).count(), SOON).toBe(4);
			expect(await legendTitle(page)).toContain(titleOf(indicator));
			const heading = page.locator(SEL.panel).getByRole('heading').first();
			await expect.poll(async () => (await heading.textContent())?.trim(), SOON).toBe('Nord');
		};
		try {
			await page.goto(`${baseURL}/?${query}`);
			await expectRestored();

			await page.reload();
			await expectRestored();

			// Not the default either: the URL may leave out parameters that hold their default.
			const next = other(
				(await indicatorIds(page)).filter((id) => id !== defaultIndicator),
				indicator
			);
			await page.locator(`${SEL.indicator}[value="${next}"]`).check();
			await expect.poll(() => param(page, 'indikator'), SOON).toBe(next);
			await expect.poll(() => legendTitle(page), SOON).toContain(titleOf(next));

			await page.goBack();
			await expect.poll(() => param(page, 'indikator'), SOON).toBe(indicator);
			await expect.poll(() => checkedValue(page, 'indikator'), SOON).toBe(indicator);
			await expect.poll(() => legendTitle(page), SOON).toContain(titleOf(indicator));
			expect(await checkedValue(page, 'ebene')).toBe('stadtbezirk');
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('(d) the controls are reachable by Tab and the level switches with arrow keys', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL });
		const MAX_TABS = 80;
		try {
			await page.goto(`${baseURL}/`);
			await waitForMapIdle(page);
			// Start from the top of the document: an unfocusable-by-Tab marker as the first node
			// of the body moves the sequential focus starting point there, whatever got focus on load.
			await page.evaluate(() => {
				const marker = document.createElement('div');
				marker.tabIndex = -1;
				marker.id = 'e2e-tab-start';
				document.body.prepend(marker);
				marker.focus();
			});

			const reached = { search: -1, level: -1 };
			for (let tab = 1; tab <= MAX_TABS && (reached.search < 0 || reached.level < 0); tab++) {
				await page.keyboard.press('Tab');
				const focus = await page.evaluate(
					({ search, level }) => {
						const el = document.activeElement;
						return { search: !!el?.matches(search), level: !!el?.matches(level) };
					},
					{ search: SEL.search, level: SEL.level }
				);
				if (focus.search && reached.search < 0) reached.search = tab;
				if (focus.level && reached.level < 0) reached.level = tab;
			}
			await page.evaluate(() => document.getElementById('e2e-tab-start')?.remove());
			expect(reached.search, `search field not reached within ${MAX_TABS} tabs`).toBeGreaterThan(0);
			expect(reached.level, `level radio not reached within ${MAX_TABS} tabs`).toBeGreaterThan(0);

			// Back to the level group: a radio group is one tab stop, arrows move the choice.
			await page.locator(`${SEL.level}:checked`).focus();
			expect(await checkedValue(page, 'ebene')).toBe('stadtteil');
			let idles = await idleCount(page);
			await page.keyboard.press('ArrowDown');
			await expect.poll(() => checkedValue(page, 'ebene'), SOON).toBe('stadtbezirk');
			await expect.poll(() => page.locator(SEL.map).getAttribute('data-level'), SOON).toBe('stadtbezirk');
			await waitForMapIdle(page, { after: idles });
			expect(await page.locator(SEL.map).getAttribute('data-feature-count')).toBe(
				String(FEATURES.stadtbezirk)
			);
			expect(param(page, 'ebene')).toBe('stadtbezirk');

			idles = await idleCount(page);
			await page.keyboard.press('ArrowUp');
			await expect.poll(() => checkedValue(page, 'ebene'), SOON).toBe('stadtteil');
			await expect.poll(() => page.locator(SEL.map).getAttribute('data-level'), SOON).toBe('stadtteil');
			await waitForMapIdle(page, { after: idles });
			expect(await page.locator(SEL.map).getAttribute('data-feature-count')).toBe(String(FEATURES.stadtteil));
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('(e) axe-core finds no serious or critical violations', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL });
		try {
			await page.goto(`${baseURL}/`);
			await waitForMapIdle(page);
			expect(await runAxe(page)).toEqual([]);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('(f) a hostile URL falls back to the defaults without errors', async () => {
		const clean = await newPage(browser, { baseURL });
		let defaults: ViewState;
		try {
			await clean.page.goto(`${baseURL}/`);
			await waitForMapIdle(clean.page);
			defaults = await readState(clean.page);
		} finally {
			await clean.close();
		}

		const hostile = new URLSearchParams({
			jahr: '<script>alert(1)</script>',
			klassen: '999',
			karte: 'NaN,1e999,abc',
			indikator: '../../etc'
		});
		const { page, problems, close } = await newPage(browser, { baseURL });
		try {
			await page.goto(`${baseURL}/?${hostile}`);
			await waitForMapIdle(page);
			expect(await readState(page)).toEqual(defaults);
			expect(await page.evaluate(() => document.documentElement.innerHTML.includes('<script>alert(1)'))).toBe(
				false
			);
			expect(problems.filter((p) => p.startsWith('pageerror:') || p.startsWith('dialog:'))).toEqual([]);
			// Anything else (a failed request for "../../etc", a console error) is a bug as well.
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('(g) the city comes from ?stadt=: a bad id falls back with a notice, an unknown one names the cities there are', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL });
		try {
			await page.goto(`${baseURL}/?stadt=${encodeURIComponent('../etc/<b>')}`);
			await waitForMapIdle(page);
			expect(await page.locator('h1').first().textContent()).toContain('Stuttgart');
			await expect.poll(() => page.locator('.notice').textContent(), SOON).toContain("Parameter 'stadt'");
			expect(problems).toEqual([]);

			await page.goto(`${baseURL}/?stadt=gibt-es-nicht`);
			const alert = page.getByRole('alert');
			await expect.poll(() => alert.textContent(), SOON).toContain('„gibt-es-nicht“ liegen keine Daten vor');
			expect(await page.locator('main').textContent()).toContain('Stuttgart (?stadt=stuttgart)');
			// The only complaints are the missing files of the unknown city.
			expect(problems.filter((p) => !p.includes('/data/gibt-es-nicht/'))).toEqual([]);
		} finally {
			await close();
		}
	});
});
