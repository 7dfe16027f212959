/**
 * Another city than the demo, chosen by `?stadt=`: Musterstadt goes through the importer and
 * the data build in a temporary folder, and the browser gets its files in place of the site's
 * (as a city built into `static/data/musterstadt/` would be served).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { copyStuttgart } from '../../scripts/lib/import/stuttgart.test-helpers';
import { buildMusterstadt, MUSTERSTADT_NAMES } from '../../scripts/lib/import/musterstadt.test-helpers';
import { makeTempDir } from '../../scripts/lib/import/formats/fixtures.test-helpers';
import { launchBrowser, MAP_SELECTOR, newPage, runAxe, screenshot, waitForMapIdle } from './browser';

const baseURL = inject('baseURL');

describe('cities', () => {
	let browser: Browser;
	let tmp: { dir: string; cleanup: () => void };
	let out: string;

	beforeAll(async () => {
		tmp = makeTempDir('bildungslandkarte-e2e-city-');
		const geodata = join(tmp.dir, 'geodata');
		out = join(tmp.dir, 'out');
		copyStuttgart(geodata);
		[browser] = await Promise.all([launchBrowser(), buildMusterstadt(geodata, tmp.dir, out)]);
	});
	afterAll(async () => {
		await browser?.close();
		tmp?.cleanup();
	});

	test('?stadt=musterstadt shows the imported city with its official geometry and sources', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1366, height: 768 });
		try {
			await page.route('**/data/musterstadt/*', (route) => {
				const name = new URL(route.request().url()).pathname.split('/').at(-1)!;
				return route.fulfill({
					status: 200,
					contentType: 'application/json',
					body: readFileSync(join(out, 'musterstadt', name))
				});
			});
			await page.goto(`${baseURL}/?stadt=musterstadt&indikator=betreuungsquote_u3`);
			await waitForMapIdle(page);
			const map = page.locator(MAP_SELECTOR);
			expect(await map.getAttribute('data-feature-count')).toBe(String(MUSTERSTADT_NAMES.length));
			expect(await page.locator('h1').textContent()).toBe('Bildungslandkarte Musterstadt');
			// Official data: neither the demo badge nor the schematic one.
			// Official data: the header has no badge list at all, or one without these notes.
			const list = page.locator('.badges');
			const badges = (await list.count()) > 0 ? ((await list.textContent()) ?? '') : '';
			expect(badges).not.toContain('Demodaten');
			expect(badges).not.toContain('schematisch');
			expect(await page.locator('[data-testid="legend"]').textContent()).toContain(
				'Statistikstelle Musterstadt (Testdaten)'
			);
			expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain(
				'Stadt Musterstadt – Vermessung'
			);
			// The area list offers Musterstadt's Stadtteile.
			const options = await page.locator('select[name="gebiet"] option').allTextContents();
			for (const name of MUSTERSTADT_NAMES) expect(options.join('|')).toContain(name);
			expect(await runAxe(page)).toEqual([]);
			await screenshot(page, 'musterstadt-1366x768');
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});
});
