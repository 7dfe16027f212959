/**
 * Change over time on the built dashboard: the change map (`seit`), class breaks shared by all
 * years (`grenzen_fest`), and the sparklines in the tooltip and the area panel.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { idleCount, launchBrowser, MAP_SELECTOR, newPage, runAxe, waitForMapIdle } from './browser';

const baseURL = inject('baseURL');

/** Polling options for conditions that follow an interaction. */
const SOON = { timeout: 15_000, interval: 50 };

const SEL = {
	map: MAP_SELECTOR,
	legend: '[data-testid="legend"]',
	legendChange: '[data-testid="legend"] [data-testid="legend-change"]',
	legendClass: '[data-testid="legend"] [data-testid="legend-class"]',
	legendNoData: '[data-testid="legend"] [data-testid="legend-nodata"]',
	legendSuppressed: '[data-testid="legend"] [data-testid="legend-suppressed"]',
	year: 'select[name="jahr"]',
	since: 'select[name="seit"]',
	fixed: 'input[type="checkbox"][name="grenzen_fest"]',
	panel: '[data-testid="area-panel"]'
} as const;

const CHANGE_URL = '/?indikator=betreuungsquote_u3&jahr=2024&seit=2021';

function param(page: Page, name: string): string | null {
	return new URL(page.url()).searchParams.get(name);
}

async function text(page: Page, selector: string): Promise<string> {
	return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function classLabels(page: Page): Promise<string[]> {
	return page
		.locator(`${SEL.legendClass} .range`)
		.evaluateAll((spans) => spans.map((s) => (s.textContent ?? '').trim()));
}

async function mapContent(page: Page): Promise<string | null> {
	return page.locator(SEL.map).getAttribute('data-map-content');
}

describe('change over time', () => {
	let browser: Browser;

	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	test('(a) a link with seit shows the change map with its legend, a year chosen by keyboard survives a reload', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL });
		try {
			await page.goto(`${baseURL}${CHANGE_URL}`);
			await waitForMapIdle(page);
			expect(await mapContent(page)).toBe('change');
			expect(await text(page, SEL.legendChange)).toContain('Veränderung 2021 → 2024, in Prozentpunkten');
			const legend = await text(page, SEL.legend);
			expect(legend).toContain('Betreuungsquote');
			expect(legend).toContain('Zunahme: Verbesserung');
			expect(legend).toContain('Abnahme: Verschlechterung');
			expect(legend).toContain('Demodaten – nicht amtlich');
			expect(legend).toContain('2021 und 2024');
			// Five classes centred on zero: signed edges, the middle one spans zero.
			const labels = await classLabels(page);
			expect(labels).toHaveLength(5);
			expect(labels[2]).toMatch(/^−[\d,]+ bis \+[\d,]+$/);
			expect(await page.locator(SEL.legendNoData).count()).toBe(1);
			expect(await page.locator(SEL.legendSuppressed).count()).toBe(1);
			expect(await page.locator(SEL.since).inputValue()).toBe('2021');
			expect(await runAxe(page)).toEqual([]);

			// The year by keyboard: the list runs from the newest year down.
			const idles = await idleCount(page);
			await page.locator(SEL.year).focus();
			await page.keyboard.press('ArrowDown');
			await expect.poll(() => param(page, 'jahr'), SOON).toBe('2023');
			expect(param(page, 'seit')).toBe('2021');
			await expect.poll(() => text(page, SEL.legendChange), SOON).toContain('Veränderung 2021 → 2023');
			await waitForMapIdle(page, { after: idles });

			await page.reload();
			await waitForMapIdle(page);
			expect(await mapContent(page)).toBe('change');
			expect(await page.locator(SEL.year).inputValue()).toBe('2023');
			expect(await page.locator(SEL.since).inputValue()).toBe('2021');
			expect(await text(page, SEL.legendChange)).toContain('Veränderung 2021 → 2023');

			// Back to the values of the year: the normal map and legend.
			await page.locator(SEL.since).selectOption('');
			await expect.poll(() => param(page, 'seit'), SOON).toBe(null);
			await expect.poll(() => mapContent(page), SOON).toBe('indicator');
			expect(await page.locator(SEL.legendChange).count()).toBe(0);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('(b) with fixed breaks the classes stay the same from year to year, without they move', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL });
		const labelsIn = async (year: string) => {
			const idles = await idleCount(page);
			await page.locator(SEL.year).selectOption(year);
			await expect.poll(() => param(page, 'jahr') ?? '2024', SOON).toBe(year);
			// Title line and classes are drawn in the same update.
			await expect.poll(() => text(page, `${SEL.legend} .sub`), SOON).toContain(`${year} ·`);
			await waitForMapIdle(page, { after: idles });
			return classLabels(page);
		};
		try {
			await page.goto(`${baseURL}/?indikator=betreuungsquote_u3`);
			await waitForMapIdle(page);
			await page.locator(SEL.fixed).check();
			await expect.poll(() => param(page, 'grenzen_fest'), SOON).toBe('1');
			await expect.poll(() => text(page, SEL.legend), SOON).toContain('Grenzen über 2021–2024 gleich');
			const fixed2024 = await classLabels(page);
			const fixed2021 = await labelsIn('2021');
			expect(fixed2021).toEqual(fixed2024);
			expect(fixed2021.length).toBeGreaterThanOrEqual(3);

			await page.locator(SEL.fixed).uncheck();
			await expect.poll(() => param(page, 'grenzen_fest'), SOON).toBe(null);
			await expect.poll(() => text(page, SEL.legend), SOON).not.toContain('Grenzen über');
			const own2021 = await classLabels(page);
			const own2024 = await labelsIn('2024');
			expect(own2024).not.toEqual(own2021);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('(c) tooltip and area panel show the values over the years', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL });
		try {
			await page.goto(`${baseURL}${CHANGE_URL}&lernorte=0&ebene=stadtbezirk&gebiet=2`);
			await waitForMapIdle(page);
			const panel = page.locator(SEL.panel);
			await expect
				.poll(() => panel.locator('[data-testid="panel-change"]').textContent(), SOON)
				.toMatch(/Veränderung seit 2021: [+−±][\d,]+\u00a0Prozentpunkte|nicht berechenbar/);
			const spark = panel.locator('[data-testid="panel-sparkline"] svg[role="img"]');
			expect(await spark.getAttribute('aria-label')).toMatch(
				/^Verlauf: 2021: .+, 2022: .+, 2023: .+, 2024: .+$/
			);

			const box = (await page.locator(SEL.map).boundingBox())!;
			await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
			const tooltip = page.locator('.tooltip');
			await expect.poll(() => tooltip.count(), SOON).toBe(1);
			const lines = await tooltip.textContent();
			expect(lines).toContain('2021: ');
			expect(lines).toContain('Veränderung: ');
			expect(await tooltip.locator('svg path').count()).toBe(1);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test.each([
		['seit=abc', "Parameter 'seit': ‚abc‘ ist keine Jahreszahl"],
		['seit=2024', "Parameter 'seit': 2024 liegt nicht vor dem gezeigten Jahr 2024"],
		['grenzen_fest=%3Cscript%3Ealert(1)%3C%2Fscript%3E', "Parameter 'grenzen_fest'"]
	])('(d) a hostile %s shows the normal map and a notice', async (query, notice) => {
		const { page, problems, close } = await newPage(browser, { baseURL });
		try {
			await page.goto(`${baseURL}/?indikator=betreuungsquote_u3&${query}`);
			await waitForMapIdle(page);
			await expect.poll(() => text(page, '.notice'), SOON).toContain(notice);
			expect(await mapContent(page)).toBe('indicator');
			expect(await page.locator(SEL.legendChange).count()).toBe(0);
			expect(await page.evaluate(() => document.documentElement.innerHTML.includes('<script>alert(1)'))).toBe(
				false
			);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});
});
