/**
 * Once opened, the site works without a network (the service worker), and the page says that
 * it is offline.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, waitForMapIdle } from './browser';

const baseURL = inject('baseURL');
const SOON = { timeout: 20_000, interval: 100 };

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
			await expect
				.poll(
					() =>
						page.evaluate(async () => {
							const reg = await navigator.serviceWorker.getRegistration();
							if (!reg?.active) return false;
							const keys = await caches.keys();
							for (const k of keys)
								if (await (await caches.open(k)).match('/data/stuttgart/values.json')) return true;
							return false;
						}),
					SOON
				)
				.toBe(true);
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
});
