/**
 * The comparison page /vergleich: units chosen by keyboard and from the map, the table against
 * the built values (sum over sum for a Bildungsregion), the ranking sorted and filtered and
 * linked with the map both ways, brushing in the scatter plot, the downloads, the link as the
 * one source of the page, and an axe audit.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { unitCell } from '../lib/domain/choropleth';
import { formatValue } from '../lib/domain/format';
import type { Catalog, IndicatorMeta, ValuesWire } from '../lib/domain/types';
import { launchBrowser, MAP_SELECTOR, newPage, runAxe, waitForMapIdle } from './browser';
import { getJson } from './server';

const baseURL = inject('baseURL');
const SOON = { timeout: 15_000, interval: 50 };

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

async function downloaded(download: Download): Promise<string> {
	const path = await download.path();
	return readFile(path, 'utf8');
}

/** Texts of the ranking's value column, top to bottom. */
async function rankingValues(page: Page): Promise<string[]> {
	return page.locator('section[aria-labelledby="h-rangliste"] tbody tr td:nth-child(3)').allTextContents();
}

const parseGerman = (s: string) => Number(s.trim().replace(/\./g, '').replace(',', '.'));

describe('comparison page', () => {
	let browser: Browser;
	let catalog: Catalog;
	let values: ValuesWire;
	let quote: IndicatorMeta;

	beforeAll(async () => {
		[browser, catalog, values] = await Promise.all([
			launchBrowser(),
			getJson<Catalog>(baseURL, '/data/stuttgart/catalog.json'),
			getJson<ValuesWire>(baseURL, '/data/stuttgart/values.json')
		]);
		quote = catalog.indicators.find((m) => m.id === 'betreuungsquote_u3')!;
	});
	afterAll(async () => {
		await browser?.close();
	});

	test('three Stadtteile and a Bildungsregion by keyboard; the table holds the built values; a reload keeps it', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1366, height: 768 });
		try {
			await page.goto(`${baseURL}/vergleich?indikatoren=betreuungsquote_u3,kinder_sgb2&jahr=2024`);
			await waitForMapIdle(page);
			const byName = (name: string) => catalog.units.stadtteil.find((u) => u.name === name)!;
			const teile = [byName('Hallschlag'), byName('Rot'), byName('Fasanenhof')];
			expect(teile.every(Boolean)).toBe(true);
			const form = page.getByRole('form', { name: 'Gebiet hinzufügen' });
			for (const t of teile) {
				await form.getByLabel('Art', { exact: true }).selectOption('stadtteil');
				await form.getByLabel('Gebiet', { exact: true }).focus();
				await form.getByLabel('Gebiet', { exact: true }).selectOption(t.key);
				await form.getByRole('button', { name: 'Hinzufügen' }).press('Enter');
				await expect.poll(() => param(page, 'gebiete') ?? '', SOON).toContain(`stadtteil:${t.key}`);
			}
			await form.getByLabel('Art', { exact: true }).selectOption('bildungsregion');
			await form.getByLabel('Gebiet', { exact: true }).selectOption('hallschlag');
			await form.getByRole('button', { name: 'Hinzufügen' }).click();
			await expect
				.poll(() => param(page, 'gebiete'), SOON)
				.toBe(`${teile.map((t) => `stadtteil:${t.key}`).join(',')},bildungsregion:hallschlag`);

			const table = page.locator('section[aria-labelledby="h-vergleich"] table');
			const heads = (await table.locator('thead th').allTextContents()).map((s) => s.trim());
			expect(heads).toEqual([
				'Indikator',
				...teile.map((t) => `Stadtteil${t.name}`),
				'BildungsregionHallschlag',
				'StadtGesamtstadt'
			]);
			// Every cell is the built value; the Bildungsregion's is its sum over sum.
			const row = table.locator('tbody tr').first();
			const cells = (await row.locator('td .value').allTextContents()).map((s) => s.trim());
			const expected = [
				...teile.map((t) => formatValue(unitCell(values, quote, 'stadtteil', t.key, 2024), quote)),
				formatValue(unitCell(values, quote, 'bildungsregion', 'hallschlag', 2024), quote),
				formatValue(unitCell(values, quote, 'stadt', catalog.units.stadt[0]!.key, 2024), quote)
			];
			expect(cells).toEqual(expected);
			const region = unitCell(values, quote, 'bildungsregion', 'hallschlag', 2024);
			const members = catalog.city.bildungsregionen.find((r) => r.id === 'hallschlag')!.areas;
			const sum = members.map((k) => unitCell(values, quote, 'stadtteil', k, 2024));
			if (region.status === 'ok' && sum.every((c) => c.status === 'ok')) {
				const n = sum.reduce((a, c) => a + (c.status === 'ok' ? c.numerator : 0), 0);
				const d = sum.reduce((a, c) => a + (c.status === 'ok' ? c.denominator! : 0), 0);
				expect(region.value).toBeCloseTo((100 * n) / d, 9);
			}
			// One bar chart per indicator, each with a text alternative.
			await expect.poll(() => page.locator('figure.bars svg[role="img"]').count(), SOON).toBe(2);

			await page.reload();
			await waitForMapIdle(page);
			expect(
				(await table.locator('tbody tr').first().locator('td .value').allTextContents()).map((s) => s.trim())
			).toEqual(expected);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('the ranking sorts by a header, filters by name and Bezirk, and lights up with the map both ways', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1366, height: 768 });
		try {
			await page.goto(`${baseURL}/vergleich?rangliste=betreuungsquote_u3`);
			await waitForMapIdle(page);
			const section = page.locator('section[aria-labelledby="h-rangliste"]');
			expect(await section.locator('tbody tr').count()).toBe(catalog.units.stadtteil.length);

			// By rank: highest value first.
			const byRank = (await rankingValues(page)).filter((s) => /\d/.test(s)).map(parseGerman);
			expect(byRank).toEqual([...byRank].sort((a, b) => b - a));

			// A header sorts by its column; the second press turns the direction.
			await section.getByRole('button', { name: /^Wert/ }).click();
			await expect.poll(() => param(page, 'sortierung'), SOON).toBe('wert');
			expect(param(page, 'richtung')).toBe('ab');
			await section.getByRole('button', { name: /^Wert/ }).press('Enter');
			await expect.poll(() => param(page, 'richtung'), SOON).toBeNull();
			const ascending = (await rankingValues(page)).filter((s) => /\d/.test(s)).map(parseGerman);
			expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
			expect(await section.locator('th[aria-sort="ascending"]').textContent()).toContain('Wert');

			// Filter by a name and by a Bezirk.
			await section.getByLabel('Name enthält').fill('cannst');
			await expect.poll(() => param(page, 'suche'), SOON).toBe('cannst');
			const names = await section.locator('tbody th').allTextContents();
			expect(names.length).toBeGreaterThan(0);
			expect(names.every((n) => /cannstatt/i.test(n))).toBe(true);
			await section.getByLabel('Name enthält').fill('');
			const bezirk = catalog.units.stadtbezirk.find((b) => b.name === 'Zuffenhausen')!;
			await section.getByLabel('Nur').selectOption(`stadtbezirk:${bezirk.key}`);
			await expect
				.poll(() => section.locator('tbody tr').count(), SOON)
				.toBe(catalog.units.stadtteil.filter((u) => u.parent === bezirk.key).length);

			// A hovered row lights its area up on the map: the map's picture changes.
			const map = page.locator(MAP_SELECTOR);
			const before = await map.screenshot();
			const row = section.locator('tbody tr').first();
			const key = await row.getAttribute('data-key');
			await row.hover();
			await expect.poll(() => page.locator('.mapcol').getAttribute('data-highlighted'), SOON).toBe(key);
			await page.waitForTimeout(300);
			expect(Buffer.compare(before, await map.screenshot())).not.toBe(0);

			// An area hovered on the map marks its row.
			await section.getByLabel('Nur').selectOption('');
			const box = (await map.boundingBox())!;
			await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.45);
			await expect.poll(() => page.locator('.mapcol').getAttribute('data-highlighted'), SOON).not.toBe('');
			const hovered = await page.locator('.mapcol').getAttribute('data-highlighted');
			await expect.poll(() => section.locator('tr.lit').getAttribute('data-key'), SOON).toBe(hovered);

			// A click on the map puts the area into the comparison; its row is ticked.
			await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.45);
			await expect.poll(() => param(page, 'gebiete'), SOON).toBe(`stadtteil:${hovered}`);
			expect(await section.locator(`tr[data-key="${hovered}"] input[type="checkbox"]`).isChecked()).toBe(
				true
			);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('brushing the scatter plot selects areas, fades the others on the map, and adds them to the comparison', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1366, height: 768 });
		try {
			await page.goto(`${baseURL}/vergleich?x=kinder_sgb2&y=betreuungsquote_u3&jahr=2024`);
			await waitForMapIdle(page);
			const section = page.locator('section[aria-labelledby="h-streuung"]');
			const summary = await section.getByTestId('scatter-summary').textContent();
			expect(summary).toMatch(/^\d+ Stadtteile mit Werten für beide Indikatoren\. Median Kinder in SGB-II/);

			// A rectangle dragged over the plot.
			const plot = section.locator('svg[role="img"]');
			await plot.scrollIntoViewIfNeeded();
			const b = (await plot.boundingBox())!;
			await page.mouse.move(b.x + b.width * 0.5, b.y + b.height * 0.1);
			await page.mouse.down();
			await page.mouse.move(b.x + b.width * 0.95, b.y + b.height * 0.8, { steps: 5 });
			await page.mouse.up();
			await expect.poll(() => page.locator('.mapcol').getAttribute('data-emphasised'), SOON).not.toBe('');
			const dragged = Number(await page.locator('.mapcol').getAttribute('data-emphasised'));
			expect(dragged).toBeGreaterThan(0);

			// The same by keyboard: the quadrant buttons.
			const map = page.locator(MAP_SELECTOR);
			await section.getByRole('button', { name: 'Auswahl aufheben' }).click();
			await expect.poll(() => page.locator('.mapcol').getAttribute('data-emphasised'), SOON).toBe('');
			await page.waitForTimeout(300);
			const before = await map.screenshot();
			await section.getByRole('button', { name: 'beide hoch' }).press('Enter');
			await expect.poll(() => section.locator('.brushed strong').textContent(), SOON).toMatch(/ausgewählt/);
			const chosen = Number(await page.locator('.mapcol').getAttribute('data-emphasised'));
			expect(chosen).toBeGreaterThan(0);
			await page.waitForTimeout(300);
			expect(Buffer.compare(before, await map.screenshot())).not.toBe(0);

			await section.getByRole('button', { name: /In den Vergleich aufnehmen/ }).click();
			await expect
				.poll(() => (param(page, 'gebiete') ?? '').split(',').length, SOON)
				.toBe(Math.min(6, chosen));
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('downloads: the comparison and ranking as CSV, the map areas as GeoJSON', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1366, height: 768 });
		try {
			await page.goto(
				`${baseURL}/vergleich?gebiete=stadtteil:214,bildungsregion:hallschlag&indikatoren=betreuungsquote_u3&jahr=2024&rangliste=betreuungsquote_u3&in=stadtbezirk:5`
			);
			await waitForMapIdle(page);
			const cmp = page.locator('section[aria-labelledby="h-vergleich"]');
			const [csvDownload] = await Promise.all([
				page.waitForEvent('download'),
				cmp.getByRole('button', { name: 'CSV (Excel, deutsch) – Vergleichstabelle herunterladen' }).click()
			]);
			expect(csvDownload.suggestedFilename()).toMatch(/^vergleich-.*2024\.csv$/);
			const csv = await downloaded(csvDownload);
			expect(csv.startsWith('\ufeff')).toBe(true);
			const lines = csv.slice(1).split('\r\n');
			expect(lines[0]!.split(';').slice(0, 4)).toEqual([
				'Indikator',
				'Jahr',
				'Einheit',
				'Hallschlag (Stadtteil)'
			]);
			const hallschlag = unitCell(values, quote, 'stadtteil', '214', 2024);
			expect(catalog.units.stadtteil.find((u) => u.key === '214')?.name).toBe('Hallschlag');
			const shown =
				hallschlag.status === 'ok' ? hallschlag.value.toFixed(1).replace('.', ',') : 'geheim gehalten';
			expect(lines[1]!.split(';').slice(0, 4)).toEqual([quote.title, '2024', '%', shown]);

			const rank = page.locator('section[aria-labelledby="h-rangliste"]');
			const [rankDownload] = await Promise.all([
				page.waitForEvent('download'),
				rank.getByRole('button', { name: 'CSV (international) – Rangliste herunterladen' }).click()
			]);
			const rankCsv = (await downloaded(rankDownload)).slice(1).trimEnd().split('\n');
			// As shown: only the Stadtteile of Bezirk 5, header plus one line each.
			expect(rankCsv).toHaveLength(1 + catalog.units.stadtteil.filter((u) => u.parent === '5').length);
			expect(rankCsv[0]!.startsWith('Rang,Stadtteil,Stadtbezirk,')).toBe(true);

			const [geoDownload] = await Promise.all([
				page.waitForEvent('download'),
				rank.getByRole('button', { name: 'Gebiete als GeoJSON' }).click()
			]);
			expect(geoDownload.suggestedFilename()).toMatch(/\.geojson$/);
			const fc = JSON.parse(await downloaded(geoDownload)) as {
				type: string;
				metadaten: { titel: string; hinweis?: string };
				features: Array<{ properties: { schluessel: string; wert: number | null; status: string } }>;
			};
			expect(fc.type).toBe('FeatureCollection');
			expect(fc.features).toHaveLength(catalog.units.stadtteil.length);
			expect(fc.metadaten.titel).toBe(`${quote.title} 2024 nach Stadtteilen`);
			expect(fc.metadaten.hinweis).toBeTruthy();
			const f214 = fc.features.find((f) => f.properties.schluessel === '214')!;
			if (hallschlag.status === 'ok') expect(f214.properties.wert).toBeCloseTo(hallschlag.value, 1);
			else expect(f214.properties.wert).toBeNull();
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('hostile parameters give a notice and a working page; axe finds nothing serious', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1366, height: 768 });
		try {
			await page.goto(
				`${baseURL}/vergleich?gebiete=%3Cscript%3Ealert(1)%3C/script%3E,stadtteil:214,stadt&sortierung=preis&in=stadtteil:1&ebene=welt&x=zirkus`
			);
			await waitForMapIdle(page);
			const notice = page.locator('.side .notice');
			await expect.poll(() => notice.textContent(), SOON).toContain("Parameter 'gebiete'");
			const text = (await notice.textContent()) ?? '';
			for (const p of ["'sortierung'", "'in'", "'ebene'", "'x'"]) expect(text).toContain(p);
			expect(await page.locator('script:has-text("alert(1)")').count()).toBe(0);
			// The usable part of the link still counts.
			expect(await page.getByRole('list', { name: 'Gebiete im Vergleich' }).locator('li').count()).toBe(2);

			expect(await runAxe(page)).toEqual([]);
			// Also with the scatter table open and an area chosen in the ranking.
			await page.locator('details.table-alt summary').click();
			expect(await runAxe(page)).toEqual([]);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});
});
