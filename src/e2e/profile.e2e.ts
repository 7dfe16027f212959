/**
 * The profile of an area: reached from the dashboard's side panel, listing the indicators by
 * phase with a sparkline each, the Lernorte and the Bildungskette, accessible, downloadable as
 * CSV, and printable on A4 with the map as an image. A link that does not fit the city says so.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { unitCell } from '../lib/domain/choropleth';
import { parseCsv } from '../lib/domain/csv';
import { NBSP } from '../lib/domain/format';
import type { Catalog, ValuesWire } from '../lib/domain/types';
import { copyStuttgart } from '../../scripts/lib/import/stuttgart.test-helpers';
import { buildMusterstadt } from '../../scripts/lib/import/musterstadt.test-helpers';
import { makeTempDir } from '../../scripts/lib/import/formats/fixtures.test-helpers';
import { launchBrowser, MAP_SELECTOR, newPage, runAxe, screenshot, waitForMapIdle } from './browser';
import { getJson } from './server';

const baseURL = inject('baseURL');
const SOON = { timeout: 20_000, interval: 100 };

/** Waits until the profile has its map drawn and its Bildungskette computed. */
async function profileReady(page: Page): Promise<void> {
	await waitForMapIdle(page);
	await page.locator('[data-testid="profile-chain"] table').first().waitFor(SOON);
	await expect
		.poll(() => page.locator('[data-testid="locator-image"]').getAttribute('src'), SOON)
		.toMatch(/^data:image\/png;base64,/);
}

async function downloaded(download: Download): Promise<string> {
	return readFile(await download.path(), 'utf8');
}

/** Whether an element is drawn (has a box) under the current media. */
function shown(page: Page, selector: string): Promise<boolean> {
	return page.evaluate((s) => {
		const el = document.querySelector<HTMLElement>(s);
		if (!el) return false;
		const r = el.getBoundingClientRect();
		return getComputedStyle(el).display !== 'none' && r.width > 0 && r.height > 0;
	}, selector);
}

describe('area profile', () => {
	let browser: Browser;
	let catalog: Catalog;
	let tmp: { dir: string; cleanup: () => void };
	let musterstadt: string;

	beforeAll(async () => {
		tmp = makeTempDir('bildungslandkarte-e2e-profile-');
		const geodata = join(tmp.dir, 'geodata');
		musterstadt = join(tmp.dir, 'out');
		copyStuttgart(geodata);
		[browser, catalog] = await Promise.all([
			launchBrowser(),
			getJson<Catalog>(baseURL, '/data/stuttgart/catalog.json'),
			buildMusterstadt(geodata, tmp.dir, musterstadt)
		]);
	});
	afterAll(async () => {
		await browser?.close();
		tmp?.cleanup();
	});

	test('from the dashboard panel to the profile: indicator groups, Lernorte, Bildungskette, axe clean', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1366, height: 768 });
		try {
			await page.goto(`${baseURL}/`);
			await waitForMapIdle(page);
			const hallschlag = catalog.units.stadtteil.find((u) => u.name === 'Hallschlag')!;
			await page.locator('select[name="gebiet"]').selectOption(hallschlag.key);
			const link = page
				.locator('[data-testid="area-panel"]')
				.getByRole('link', { name: 'Profil von Hallschlag' });
			await link.waitFor(SOON);
			await link.click();

			await page.waitForURL(`${baseURL}/gebiet/stadtteil/${hallschlag.key}`, SOON);
			await profileReady(page);
			expect(await page.locator('h1').textContent()).toBe('Hallschlag');
			const header = (await page.locator('main header').first().textContent()) ?? '';
			expect(header).toContain('Stadtteil · Stadtbezirk Bad Cannstatt');
			expect(header).toContain('Stand 31.12.2024');
			expect(await page.locator('.badges').textContent()).toContain('Demodaten – nicht amtlich');
			expect(await page.locator('.badges').textContent()).toContain('schematische Gebietsgrenzen');

			// One group per phase that has indicators, in the catalog's order; every indicator once.
			const phasesWithIndicators = catalog.phases.filter((p) =>
				catalog.indicators.some((i) => i.phases[0] === p.id)
			);
			const groups = page.locator('[data-testid="indicator-group"]');
			expect(await groups.locator('h3').allTextContents()).toEqual(
				phasesWithIndicators.map((p) => expect.stringContaining(p.label))
			);
			expect(await groups.locator('tbody tr').count()).toBe(catalog.indicators.length);
			// Every row names its unit and source and has a year; the area, Bezirk and city columns.
			const firstRow = groups.first().locator('tbody tr').first();
			expect(await firstRow.textContent()).toMatch(/Einheit: .+ · Quelle: /);
			expect(await groups.first().locator('thead').textContent()).toContain('Stadtbezirk Bad Cannstatt');
			expect(await firstRow.locator('td.num').last().textContent()).toMatch(/^\s*20\d\d\s*$/);

			// The Lernorte of the Stadtteil, grouped by category, with names.
			const lernorte = await getJson<{ lernorte: Array<{ stadtteil: string; name: string }> }>(
				baseURL,
				'/data/stuttgart/lernorte.json'
			);
			const inArea = lernorte.lernorte.filter((l) => l.stadtteil === hallschlag.key);
			expect(await page.locator('#h-lernorte').textContent()).toBe(`Lernorte im Gebiet: ${inArea.length}`);
			expect(await page.locator('[data-testid="lernort-category"]').count()).toBeGreaterThan(0);
			expect(await page.locator('.lernorte').textContent()).toContain(inArea[0]!.name);

			// The Bildungskette: one row per phase of the chain.
			expect(await page.locator('[data-testid="profile-chain"] tbody tr').count()).toBe(5);

			// The locator map names what it shows; the legend lists the categories.
			expect(await page.locator(`${MAP_SELECTOR} canvas`).getAttribute('aria-label')).toContain(
				'Lagekarte: Stadtteil Hallschlag'
			);
			expect(await page.locator('[data-testid="locator-legend"]').textContent()).toContain(
				'Formale Lernorte'
			);

			expect(await runAxe(page)).toEqual([]);
			await screenshot(page, 'profile-hallschlag');
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('downloads of the indicator tables and the Lernorte as shown; a sparkline per indicator', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1366, height: 768 });
		try {
			const values = await getJson<ValuesWire>(baseURL, '/data/stuttgart/values.json');
			const quote = catalog.indicators.find((m) => m.id === 'betreuungsquote_u3')!;
			await page.goto(`${baseURL}/gebiet/stadtteil/214`);
			await profileReady(page);
			const indicators = page.locator('section.indicators');
			const groups = indicators.locator('[data-testid="indicator-group"]');

			// German: byte order mark, semicolons, CRLF, the page's columns, every indicator once.
			const [german] = await Promise.all([
				page.waitForEvent('download'),
				indicators
					.getByRole('button', { name: 'CSV (Excel, deutsch) – Indikatortabelle herunterladen' })
					.click()
			]);
			expect(german.suggestedFilename()).toBe('gebietsprofil-stadtteil-hallschlag-indikatoren-2024.csv');
			const csv = await downloaded(german);
			expect(csv.startsWith('\ufeff')).toBe(true);
			expect(csv).toContain('\r\n');
			const table = parseCsv(csv.slice(1), { delimiter: ';' });
			expect(table.header).toEqual([
				'Bildungsphase',
				'Indikator',
				'Hallschlag (Stadtteil)',
				'Stadtbezirk Bad Cannstatt',
				'Stuttgart (Stadt)',
				'Jahr',
				'Einheit',
				'Quelle',
				'Hinweis'
			]);
			// The value columns are the page's, in the page's order.
			const pageColumns = (await groups.first().locator('thead th').allTextContents()).map((t) => t.trim());
			expect(pageColumns.slice(1, 4)).toEqual(['Hallschlag', 'Stadtbezirk Bad Cannstatt', 'Stuttgart']);
			expect(table.records).toHaveLength(catalog.indicators.length);
			expect(table.records.map((r) => r.fields[1])).toEqual(
				(await groups.locator('tbody .ind-title').allTextContents()).map((t) => t.trim())
			);

			// A value: the built value rounded as shown, with a decimal comma, as on the page.
			const row = table.records.find((r) => r.fields[1] === quote.title)!;
			const cell = unitCell(values, quote, 'stadtteil', '214', 2024);
			expect(cell.status).toBe('ok');
			const asShown = cell.status === 'ok' ? cell.value.toFixed(quote.decimals).replace('.', ',') : '';
			expect(asShown).toMatch(/^\d+,\d$/);
			expect(row.fields.slice(2, 3).concat(row.fields.slice(5, 7))).toEqual([asShown, '2024', '%']);
			const pageRow = groups.locator('tbody tr', { hasText: quote.title }).first();
			expect((await pageRow.locator('td.area').textContent())?.trim()).toBe(`${asShown}${NBSP}%`);
			expect(row.fields[7]).toBe(quote.source);
			expect(row.fields[8]).toContain('Demodaten');

			// International: commas and a decimal point.
			const [international] = await Promise.all([
				page.waitForEvent('download'),
				indicators
					.getByRole('button', { name: 'CSV (international) – Indikatortabelle herunterladen' })
					.click()
			]);
			const intl = parseCsv((await downloaded(international)).slice(1));
			expect(intl.header[2]).toBe('Hallschlag (Stadtteil)');
			expect(intl.records.find((r) => r.fields[1] === quote.title)!.fields[2]).toBe(
				asShown.replace(',', '.')
			);

			// The Lernorte: one line per site, in the page's order, the Stadtteil by name.
			const lernorteSection = page.locator('section.lernorte');
			const [lernorteDownload] = await Promise.all([
				page.waitForEvent('download'),
				lernorteSection
					.getByRole('button', { name: 'CSV (Excel, deutsch) – Lernortliste herunterladen' })
					.click()
			]);
			expect(lernorteDownload.suggestedFilename()).toBe('gebietsprofil-stadtteil-hallschlag-lernorte.csv');
			const lernorteCsv = await downloaded(lernorteDownload);
			expect(lernorteCsv.startsWith('\ufeff')).toBe(true);
			const sites = parseCsv(lernorteCsv.slice(1), { delimiter: ';' });
			expect(sites.header).toEqual(['Kategorie', 'Art', 'Name', 'Adresse', 'Stadtteil', 'Quelle', 'Hinweis']);
			const pageNames = await lernorteSection.locator('.site-name').allTextContents();
			expect(sites.records.map((r) => r.fields[2])).toEqual(pageNames);
			expect(new Set(sites.records.map((r) => r.fields[4]))).toEqual(new Set(['Hallschlag']));
			const firstAddress = await lernorteSection.locator('li').first().locator('.address').textContent();
			expect(sites.records[0]!.fields[3]).toBe(firstAddress);

			// One sparkline per indicator row; its text alternative names the row's year and value.
			const sparks = groups.locator('tbody td.trend svg[role="img"]');
			expect(await sparks.count()).toBe(catalog.indicators.length);
			const label = (await pageRow.locator('td.trend svg').getAttribute('aria-label')) ?? '';
			expect(label).toMatch(/^Verlauf: \d{4}: /);
			expect(label).toContain(`2024: ${asShown}${NBSP}%`);

			// On paper: the sparklines print, the download buttons do not.
			await page.emulateMedia({ media: 'print' });
			expect(await shown(page, '.downloads')).toBe(false);
			expect(await shown(page, 'td.trend svg')).toBe(true);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('the Bildungskette panel of the Förderlücken map links to the profile too', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1366, height: 768 });
		try {
			await page.goto(`${baseURL}/?modus=luecken&ebene=stadtbezirk&gebiet=2`);
			const link = page
				.locator('[data-testid="gap-chain-panel"]')
				.getByRole('link', { name: /^Profil von / });
			await link.waitFor({ timeout: 45_000 });
			await link.click();
			await page.waitForURL(`${baseURL}/gebiet/stadtbezirk/2`, SOON);
			await profileReady(page);
			expect(await page.locator('.kicker').textContent()).toBe('Stadtbezirk');
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('print: no controls, the map as an image with legend, sources, date and demo notice; A4 PDF', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1366, height: 768 });
		try {
			await page.goto(`${baseURL}/gebiet/stadtbezirk/2`);
			await profileReady(page);
			expect(await page.locator('h1').textContent()).toBe(
				catalog.units.stadtbezirk.find((u) => u.key === '2')!.name
			);

			// The button prints (the dialog itself is the browser's).
			await page.evaluate(() => {
				(window as unknown as { printed: number }).printed = 0;
				window.print = () => void (window as unknown as { printed: number }).printed++;
			});
			const button = page.getByRole('button', { name: 'Drucken / als PDF speichern' });
			await button.click();
			expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
			expect(await shown(page, '[data-testid="locator-image"]')).toBe(false);

			await page.emulateMedia({ media: 'print' });
			expect(await button.isVisible()).toBe(false);
			expect(await shown(page, '.actions')).toBe(false);
			expect(await shown(page, '.skip-link')).toBe(false);
			expect(await shown(page, '.maplibregl-control-container')).toBe(false);
			// The map is on paper as an image, with its legend and attribution.
			expect(await shown(page, '[data-testid="locator-image"]')).toBe(true);
			expect(
				await page
					.locator('[data-testid="locator-image"]')
					.evaluate((img: HTMLImageElement) => img.naturalWidth)
			).toBeGreaterThan(100);
			expect(await shown(page, '[data-testid="locator-legend"]')).toBe(true);
			expect(await shown(page, '.attribution')).toBe(true);
			// Sources, date and the demo notice.
			expect(await shown(page, '.sources')).toBe(true);
			const sources = (await page.locator('.sources').textContent()) ?? '';
			expect(sources).toContain('Stand der Daten: 31.12.2024');
			expect(sources).toContain('Demodaten – nicht amtlich');
			expect(sources).toContain(catalog.indicators[0]!.source);
			expect(await shown(page, '[data-testid="profile-notes"]')).toBe(true);
			// Table headers repeat on every page.
			expect(
				await page
					.locator('[data-testid="indicator-group"] thead')
					.first()
					.evaluate((el) => getComputedStyle(el).display)
			).toBe('table-header-group');

			const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
			const text = pdf.toString('latin1');
			const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
			expect(pages.length).toBeGreaterThan(0);
			// A4 in PostScript points: 595.28 × 841.89.
			const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
			expect(boxes.length).toBeGreaterThan(0);
			for (const [, w, h] of boxes) {
				expect(Number(w)).toBeCloseTo(595.3, 0);
				expect(Number(h)).toBeCloseTo(841.9, 0);
			}
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('a Bildungsregion shows its members, its aggregate values and the chain of its area', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1366, height: 768 });
		try {
			await page.goto(`${baseURL}/gebiet/bildungsregion/hallschlag`);
			await profileReady(page);
			expect(await page.locator('h1').textContent()).toBe('Hallschlag');
			expect(await page.locator('.kicker').textContent()).toBe('Bildungsregion · Stadtteil Hallschlag');
			// No Bezirk column: the region against the city.
			expect(await page.locator('[data-testid="indicator-group"] thead').first().textContent()).not.toContain(
				'Stadtbezirk'
			);
			expect(await page.locator('.kette').textContent()).toContain('nicht ganze Bildungsregionen');
			expect(await page.locator('[data-testid="profile-chain"] caption').innerText()).toMatch(
				/^Bildungskette Stadtteil Hallschlag, 20\d\d: /
			);
			expect(await runAxe(page)).toEqual([]);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('a key the city does not have shows a message and a way back, not a crash', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1366, height: 768 });
		try {
			// A Stuttgart link opened with another city: Musterstadt has no Stadtteil 214.
			await page.route('**/data/musterstadt/*', (route) => {
				const name = new URL(route.request().url()).pathname.split('/').at(-1)!;
				return route.fulfill({
					status: 200,
					contentType: 'application/json',
					body: readFileSync(join(musterstadt, 'musterstadt', name))
				});
			});
			await page.goto(`${baseURL}/gebiet/stadtteil/214?stadt=musterstadt`);
			const missing = page.locator('[data-testid="profile-missing"]');
			await missing.waitFor(SOON);
			expect(await missing.locator('h1').textContent()).toBe('Gebiet nicht gefunden');
			expect(await missing.getByRole('alert').textContent()).toBe(
				'In Musterstadt gibt es keinen Stadtteil mit der Kennung „214“.'
			);
			const back = missing.getByRole('link', { name: 'Zur Karte von Musterstadt' });
			expect(await back.getAttribute('href')).toMatch(/\/\?stadt=musterstadt$/);
			expect(await page.locator(MAP_SELECTOR).count()).toBe(0);
			expect(await runAxe(page)).toEqual([]);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});
});
