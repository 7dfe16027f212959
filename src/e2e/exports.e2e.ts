/**
 * Evidence from the dashboard: the map as PNG with title and legend burnt in, the map's values
 * as CSV (indicator, change and Förderlücken maps) and GeoJSON; and the ways from the map into
 * a comparison (Shift-click several areas, the panel's link).
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import type { Catalog } from '../lib/domain/types';
import { launchBrowser, MAP_SELECTOR, newPage, waitForMapIdle } from './browser';
import { getJson } from './server';

const baseURL = inject('baseURL');
const SOON = { timeout: 20_000, interval: 50 };

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
	const [d] = (await Promise.all([
		page.waitForEvent('download', { timeout: 20_000 }),
		page.getByRole('button', { name: button, exact: true }).click()
	])) as [Download, void];
	return { name: d.suggestedFilename(), bytes: await readFile(await d.path()) };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
	expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('exports and the way into a comparison', () => {
	let browser: Browser;
	let catalog: Catalog;

	beforeAll(async () => {
		[browser, catalog] = await Promise.all([
			launchBrowser(),
			getJson<Catalog>(baseURL, '/data/stuttgart/catalog.json')
		]);
	});
	afterAll(async () => {
		await browser?.close();
	});

	test('the map as PNG: map size and more, title dark on white, the legend colours below the map', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1366, height: 768 });
		try {
			await page.goto(`${baseURL}/?indikator=betreuungsquote_u3&jahr=2024`);
			await waitForMapIdle(page);
			const map = (await page.locator(MAP_SELECTOR).boundingBox())!;
			const png = await download(page, 'Karte als PNG');
			expect(png.name).toBe('betreuungsquote-unter-3-jahren-2024-stadtteile.png');
			const size = pngSize(png.bytes);
			expect(size.width).toBe(Math.round(map.width));
			expect(size.height).toBeGreaterThan(map.height + 150);

			// Read the picture back in the page: the title band holds dark text on white, and every
			// class colour of the legend on screen is in the picture's legend below the map.
			const swatches = await page
				.locator('[data-testid="legend-class"] .swatch')
				.evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
			expect(swatches.length).toBeGreaterThanOrEqual(3);
			const found = await page.evaluate(
				async ({ data, colors, mapHeight }) => {
					const img = new Image();
					img.src = `data:image/png;base64,${data}`;
					await img.decode();
					const c = document.createElement('canvas');
					c.width = img.width;
					c.height = img.height;
					const g = c.getContext('2d')!;
					g.drawImage(img, 0, 0);
					const band = g.getImageData(0, 0, Math.min(400, img.width), 40).data;
					let dark = 0;
					for (let i = 0; i < band.length; i += 4) if (band[i]! < 80 && band[i + 1]! < 80) dark++;
					const below = g.getImageData(0, 70 + mapHeight, img.width, img.height - 70 - mapHeight).data;
					const seen = new Set<string>();
					for (let i = 0; i < below.length; i += 4)
						seen.add(`rgb(${below[i]}, ${below[i + 1]}, ${below[i + 2]})`);
					return { dark, colors: colors.map((col) => seen.has(col)) };
				},
				{ data: png.bytes.toString('base64'), colors: swatches, mapHeight: Math.round(map.height) }
			);
			expect(found.dark).toBeGreaterThan(50);
			expect(found.colors.every(Boolean), `legend colours in the picture: ${found.colors}`).toBe(true);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('the values of the map as CSV and GeoJSON; the change map and the Förderlücken as CSV', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1366, height: 768 });
		try {
			await page.goto(`${baseURL}/?indikator=kinder_sgb2&jahr=2024`);
			await waitForMapIdle(page);
			const csv = (
				await download(page, 'CSV (Excel, deutsch) – Werte der Karte herunterladen')
			).bytes.toString('utf8');
			expect(csv.startsWith('\ufeff')).toBe(true);
			const lines = csv.slice(1).trimEnd().split('\r\n');
			expect(lines[0]!.startsWith('Rang;Stadtteil;Stadtbezirk;Kinder in SGB-II')).toBe(true);
			expect(lines).toHaveLength(1 + catalog.units.stadtteil.length);
			expect(lines[1]!.split(';')[0]).toBe('1');
			expect(lines[1]!.split(';')[3]).toMatch(/^\d+(,\d)?$/);

			const geo = JSON.parse((await download(page, 'Gebiete als GeoJSON')).bytes.toString('utf8')) as {
				features: Array<{ properties: { schluessel: string; jahr: number; demodaten: boolean } }>;
			};
			expect(geo.features).toHaveLength(catalog.units.stadtteil.length);
			expect(geo.features.every((f) => f.properties.jahr === 2024 && f.properties.demodaten)).toBe(true);

			await page.goto(`${baseURL}/?indikator=kinder_sgb2&jahr=2024&seit=2021&ebene=stadtbezirk`);
			await waitForMapIdle(page);
			expect(await page.getByRole('button', { name: 'Gebiete als GeoJSON' }).count()).toBe(0);
			const change = (await download(page, 'CSV (international) – Werte der Karte herunterladen')).bytes
				.toString('utf8')
				.slice(1)
				.trimEnd()
				.split('\n');
			expect(change[0]).toContain('Veränderung (Prozentpunkte)');
			expect(change).toHaveLength(1 + catalog.units.stadtbezirk.length);

			await page.goto(`${baseURL}/?modus=luecken&phase=primar&ebene=stadtbezirk`);
			await waitForMapIdle(page);
			await expect.poll(() => page.locator('[data-testid="legend-class"]').count(), SOON).toBeGreaterThan(0);
			await expect.poll(() => page.locator('#h-matrix').count(), SOON).toBe(1);
			const matrix = (await download(page, 'CSV (Excel, deutsch) – Werte der Karte herunterladen')).bytes
				.toString('utf8')
				.slice(1)
				.trimEnd()
				.split('\r\n');
			expect(matrix[0]).toContain('Primarbereich: Einordnung');
			expect(matrix).toHaveLength(1 + catalog.units.stadtbezirk.length);
			const png = pngSize((await download(page, 'Karte als PNG')).bytes);
			expect(png.width).toBeGreaterThan(300);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('Shift-click notes areas for a comparison; "Vergleichen" opens them; the panel links one with its Bezirk and the city', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1366, height: 768 });
		try {
			await page.goto(`${baseURL}/?ebene=stadtbezirk&lernorte=0&indikator=kinder_sgb2`);
			await waitForMapIdle(page);
			const box = (await page.locator(MAP_SELECTOR).boundingBox())!;
			await page.keyboard.down('Shift');
			await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.45);
			await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.8);
			await page.keyboard.up('Shift');
			const basket = page.getByTestId('basket');
			await expect
				.poll(() => basket.textContent(), SOON)
				.toMatch(/^\s*2 Stadtbezirke zum Vergleich vorgemerkt/);
			// A Shift-click selects nothing: the panel stays closed.
			expect(new URL(page.url()).searchParams.get('gebiet')).toBeNull();

			await basket.getByRole('link', { name: 'Vergleichen' }).click();
			await page.waitForURL(/\/vergleich\?/);
			const params = new URL(page.url()).searchParams;
			expect(params.get('gebiete')).toMatch(/^stadtbezirk:\d+,stadtbezirk:\d+$/);
			expect(params.get('indikatoren')).toBe('kinder_sgb2');
			expect(params.get('ebene')).toBe('stadtbezirk');
			await waitForMapIdle(page);
			const heads = page.locator('section[aria-labelledby="h-vergleich"] thead th');
			await expect.poll(() => heads.count(), SOON).toBe(4);

			await page.goto(`${baseURL}/?gebiet=214&lernorte=0`);
			await waitForMapIdle(page);
			await page.getByRole('link', { name: 'Mit Bezirk und Stadt vergleichen' }).click();
			await page.waitForURL(/\/vergleich\?/);
			const parent = catalog.units.stadtteil.find((u) => u.key === '214')!.parent;
			expect(new URL(page.url()).searchParams.get('gebiete')).toBe(
				`stadtteil:214,stadtbezirk:${parent},stadt`
			);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});
});
