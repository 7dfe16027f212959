/**
 * Once opened, the site works without a network (the service worker), and the page says that
 * it is offline.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, waitForMapIdle } from './browser';

const baseURL = inject('baseURL');
const SOON = { timeout: 20_000, interval: 100 };

/** Whether the service worker is active and has stored `path` (it stores the data at install). */
function stored(page: Page, path: string): Promise<boolean> {
	return page.evaluate(async (path) => {
		const reg = await navigator.serviceWorker.getRegistration();
		if (!reg?.active) return false;
		for (const k of await caches.keys()) if (await (await caches.open(k)).match(path)) return true;
		return false;
	}, path);
}

describe('offline', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	test('after one visit the dashboard and the comparison open without a network, and say so', async () => {
		const { page, context, problems, close } = await newPage(browser, {
			baseURL,
			width: 1366,
			height: 768,
			serviceWorkers: 'allow'
		});
		try {
			await page.goto(`${baseURL}/?indikator=kinder_sgb2`);
			await waitForMapIdle(page);
			// The worker is installed once the app, the data and the main pages are stored.
			await expect.poll(() => stored(page, '/data/stuttgart/values.json'), SOON).toBe(true);
			expect(await page.getByTestId('offline').count()).toBe(0);

			await context.setOffline(true);
			await expect.poll(() => page.getByTestId('offline').count(), SOON).toBe(1);
			await page.reload();
			await waitForMapIdle(page);
			expect(await page.locator('[data-testid="legend-title"]').textContent()).toContain('SGB');
			await expect.poll(() => page.getByTestId('offline').count(), SOON).toBe(1);

			await page.goto(`${baseURL}/vergleich?gebiete=stadtteil:214,stadt&indikatoren=kinder_sgb2`);
			await waitForMapIdle(page);
			expect(await page.locator('section[aria-labelledby="h-vergleich"] tbody tr').count()).toBe(1);

			await context.setOffline(false);
			await expect.poll(() => page.getByTestId('offline').count(), SOON).toBe(0);
			// Only what must fail without a network failed: the worker's try of the network before it
			// answers from its store, and the connectivity checks.
			expect(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
		} finally {
			await close();
		}
	});

	test('a Werkstatt prepared online runs its agenda, the Förderlücken included, without a network', async () => {
		const { page, context, problems, close } = await newPage(browser, {
			baseURL,
			width: 1366,
			height: 768,
			serviceWorkers: 'allow'
		});
		const content = () => page.locator('[data-testid="map"]').getAttribute('data-map-content');
		try {
			await page.goto(`${baseURL}/werkstatt`);
			await waitForMapIdle(page);
			for (const link of ['/?indikator=kinder_sgb2', '/?modus=luecken&phase=elementar']) {
				await page.getByLabel('Link aus dem Dashboard').fill(`${baseURL}${link}`);
				await page.getByRole('button', { name: 'Als Schritt hinzufügen' }).click();
			}
			await expect.poll(() => page.locator('[data-testid="agenda-steps"] li').count(), SOON).toBe(2);
			await expect.poll(content, SOON).toBe('gaps');
			await expect.poll(() => stored(page, '/data/stuttgart/lernorte.json'), SOON).toBe(true);

			// In the school hall: no network, the page reopened at the first step.
			await context.setOffline(true);
			await page.goto(`${baseURL}/werkstatt?schritt=1`);
			await waitForMapIdle(page);
			await expect.poll(() => page.getByTestId('offline').count(), SOON).toBe(1);
			await expect
				.poll(() => page.locator('[data-testid="legend-title"]').textContent(), SOON)
				.toContain('SGB');
			await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
			await page.keyboard.press('PageDown');
			await expect.poll(content, SOON).toBe('gaps');
			await expect
				.poll(() => page.locator('[data-testid="legend-title"]').textContent(), SOON)
				.toContain('Förderlücken');
			await context.setOffline(false);
			expect(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
		} finally {
			await close();
		}
	});
});
