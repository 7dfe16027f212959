/**
 * The method page `/methode` on the built site: it shows the sections and formulas that
 * `methodText` produces for the city's settings, is accessible, prints without its navigation
 * and leads back to the map.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatNumber } from '../lib/domain/format';
import { methodText, type MethodSection } from '../lib/domain/gapMethod';
import { gapSettingsFor } from '../lib/domain/gapSettings';
import type { Catalog } from '../lib/domain/types';
import { launchBrowser, newPage, runAxe, screenshot, waitForMapIdle } from './browser';
import { getJson } from './server';

const baseURL = inject('baseURL');

const CITY = 'stuttgart';
/** Polling options for conditions that follow a navigation. */
const SOON = { timeout: 15_000, interval: 50 };

/** Opens the method page and waits until it has rendered (the page renders in the browser). */
async function openMethod(page: Page, search = ''): Promise<void> {
	await page.goto(`${baseURL}/methode${search}`);
	await page.locator('main h1').waitFor({ timeout: SOON.timeout });
}

function backLink(page: Page) {
	return page.getByRole('banner').getByRole('link', { name: 'Zurück zur Karte' });
}

describe('method page', () => {
	let browser: Browser;
	let catalog: Catalog;
	let sections: MethodSection[];
	let detourFactor: string;

	beforeAll(async () => {
		[browser, catalog] = await Promise.all([
			launchBrowser(),
			getJson<Catalog>(baseURL, `/data/${CITY}/catalog.json`)
		]);
		const { settings, issues } = gapSettingsFor(catalog, { file: 'city.json', publicOnly: false });
		if (!settings || issues.length > 0)
			throw new Error(`the settings of ${CITY} are invalid: ${JSON.stringify(issues)}`);
		sections = methodText(settings, catalog.indicators, catalog.lernortTypes, catalog.settlement);
		detourFactor = formatNumber(settings.detourFactor);
	});
	afterAll(async () => {
		await browser?.close();
	});

	test.each([
		{ width: 1366, height: 768 },
		{ width: 1920, height: 1080 }
	])('shows every section of the method at $width×$height', async ({ width, height }) => {
		const { page, problems, close } = await newPage(browser, { baseURL, width, height });
		try {
			await openMethod(page);
			expect(await page.locator('h1').count()).toBe(1);
			expect(await page.locator('h1').textContent()).toBe('Methode der Förderlücken-Analyse');
			expect(await page.getByRole('banner').textContent()).toContain(
				`Bildungslandkarte ${catalog.city.name}`
			);

			const headings = await page.locator('main section h2').allTextContents();
			expect(headings.map((h) => h.trim())).toEqual(sections.map((s) => s.title));
			const toc = page.getByRole('navigation', { name: 'Inhalt' });
			expect(await toc.getByRole('link').count()).toBe(sections.length);
			for (const s of sections) {
				expect(await toc.getByRole('link', { name: s.title, exact: true }).getAttribute('href')).toBe(
					`#${s.id}`
				);
			}

			const formulas = await page.locator('main .formulas code').allTextContents();
			expect(formulas).toEqual(sections.flatMap((s) => s.formulas));
			expect(detourFactor).toBe('1,3');
			expect(formulas.filter((f) => f.includes(`Luftlinie × ${detourFactor}`)).length).toBeGreaterThan(0);

			const sources = sections.find((s) => s.id === 'quellen');
			expect(sources, 'methodText has a section on the data sources').toBeDefined();
			expect(await page.locator('#quellen li').count()).toBe(sources!.items.length);
			if (catalog.indicators.some((m) => m.demo)) {
				expect(await page.locator('#quellen').textContent()).toContain('Demodaten – nicht amtlich');
			}

			await screenshot(page, `methode-${width}x${height}`);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('axe-core finds no serious or critical violations', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL });
		try {
			await openMethod(page);
			expect(await runAxe(page)).toEqual([]);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('prints without the table of contents and the links back', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL });
		try {
			await openMethod(page);
			expect(await page.getByRole('navigation').isVisible()).toBe(true);
			await page.emulateMedia({ media: 'print' });
			expect(await page.locator('nav').isVisible()).toBe(false);
			expect(await backLink(page).isVisible()).toBe(false);
			expect(await page.locator('main section h2').first().isVisible()).toBe(true);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('the link back leads to the map, keeping ?stadt=', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL });
		try {
			await openMethod(page, `?stadt=${CITY}`);
			expect(await backLink(page).getAttribute('href')).toBe(`/?stadt=${CITY}`);

			await openMethod(page);
			expect(await backLink(page).getAttribute('href')).toBe('/');
			await backLink(page).click();
			await expect.poll(() => new URL(page.url()).pathname, SOON).toBe('/');
			await waitForMapIdle(page);
			expect(await page.locator('h1').first().textContent()).toContain(
				`Bildungslandkarte ${catalog.city.name}`
			);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('an unknown city names the cities there are', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL });
		try {
			await page.goto(`${baseURL}/methode?stadt=gibt-es-nicht`);
			const alert = page.getByRole('alert');
			await expect.poll(() => alert.textContent(), SOON).toContain('„gibt-es-nicht“ liegen keine Daten vor');
			expect(await page.locator('main').textContent()).toContain(`${catalog.city.name} (?stadt=${CITY})`);
			// The only complaints are the missing files of the unknown city.
			expect(problems.filter((p) => !p.includes('/data/gibt-es-nicht/'))).toEqual([]);
		} finally {
			await close();
		}
	});
});
