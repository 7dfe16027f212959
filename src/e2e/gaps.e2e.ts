/**
 * The Förderlücken map: opened by link, a phase chosen by keyboard, the legend counting every
 * area, only the phase's Lernorte drawn, and the method one click away.
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
const SOON = { timeout: 15_000, interval: 50 };

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const legendTitle = async (page: Page) =>
	((await page.locator('[data-testid="legend-title"]').textContent()) ?? '').trim();
const legendTotal = (page: Page) =>
	page
		.locator('[data-testid="legend-class"]')
		.evaluateAll((rows) =>
			rows.reduce((n, r) => n + Number(/(\d+) Gebiet/.exec(r.textContent ?? '')?.[1] ?? 0), 0)
		);

describe('Förderlücken', () => {
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

	test.each([
		{ width: 1366, height: 768 },
		{ width: 1920, height: 1080 }
	])(
		'a link opens the gaps of a phase; every area is in one class ($width×$height)',
		async ({ width, height }) => {
			const { page, problems, close } = await newPage(browser, { baseURL, width, height });
			try {
				await page.goto(`${baseURL}/?modus=luecken&phase=elementar`);
				await waitForMapIdle(page);
				await expect.poll(() => legendTitle(page), SOON).toBe('Förderlücken · Elementarbereich');
				expect(await legendTotal(page)).toBe(catalog.units.stadtteil.length);
				expect(await page.locator('[data-testid="legend"]').textContent()).toContain(
					'Demodaten – nicht amtlich'
				);
				expect(
					await page
						.locator(MAP_SELECTOR + ' canvas')
						.first()
						.getAttribute('aria-label')
				).toContain('Förderlücken Elementarbereich');
				await screenshot(page, `gaps-${width}x${height}`);
				expect(problems).toEqual([]);
			} finally {
				await close();
			}
		}
	);

	test('switching mode and phase by keyboard lands in the URL; only the phase’s Lernorte are drawn', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL });
		try {
			await page.goto(`${baseURL}/`);
			await waitForMapIdle(page);
			await page.locator('input[name="modus"][value="indicator"]').focus();
			await page.keyboard.press('ArrowRight');
			await expect.poll(() => param(page, 'modus'), SOON).toBe('luecken');
			await expect.poll(() => legendTitle(page), SOON).toBe('Förderlücken · Frühe Bildung');

			const count = async () =>
				Number(
					/\((\d+)\)/.exec(
						(await page.locator('input[name="lernorte"]').locator('..').textContent()) ?? ''
					)?.[1]
				);
			const lernorte = await getJson<{ lernorte: Array<{ type: string; phases: string[] }> }>(
				baseURL,
				'/data/stuttgart/lernorte.json'
			);
			const idles = await idleCount(page);
			await page.locator('input[name="phase"][value="fruehe"]').focus();
			// Arrow keys move within the group: Früh -> Kita -> Primar -> Sek I.
			for (const next of ['elementar', 'primar', 'sek1']) {
				await page.keyboard.press('ArrowRight');
				await expect.poll(() => param(page, 'phase'), SOON).toBe(next);
			}
			await expect.poll(() => param(page, 'phase'), SOON).toBe('sek1');
			await waitForMapIdle(page, { after: idles });
			await expect.poll(() => legendTitle(page), SOON).toBe('Förderlücken · Sekundarstufe I');
			// Secondary schools, youth and informal sites serve Sek I; Kitas do not.
			const sek1 = lernorte.lernorte.filter((l) => l.phases.includes('sek1')).length;
			await expect.poll(count, SOON).toBe(sek1);
			expect(await page.locator('.phase-note').last().textContent()).not.toContain('Kitas');

			// Back returns to the previous phase.
			await page.goBack();
			await expect.poll(() => param(page, 'phase'), SOON).not.toBe('sek1');
			expect(await runAxe(page)).toEqual([]);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('the Bildungsketten-Matrix: a cell switches the map to its phase and selects its area; a filter narrows it', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1920, height: 1080 });
		try {
			await page.goto(`${baseURL}/?modus=luecken&phase=elementar`);
			await waitForMapIdle(page);
			const matrix = page.locator('[data-testid="gap-matrix"]');
			await matrix.waitFor();
			// Rows are drawn in batches after the map; the table says when it is complete.
			await expect.poll(() => matrix.locator('tbody tr').count(), SOON).toBe(catalog.units.stadtteil.length);
			await matrix.locator('table[aria-busy="false"]').waitFor();
			// Sorted by the phase on the map, largest gap first.
			const first = (await matrix.locator('tbody tr').first().locator('th').textContent())!.trim();
			const unit = catalog.units.stadtteil.find((u) => u.name === first)!;
			expect(unit, first).toBeDefined();

			const idles = await idleCount(page);
			const cell = matrix.locator('button[data-row="0"][data-col="3"]');
			expect(await cell.getAttribute('aria-label')).toContain(`${first}, `);
			await cell.focus();
			await page.keyboard.press('Enter');
			await expect.poll(() => param(page, 'phase'), SOON).toBe('sek1');
			await expect.poll(() => param(page, 'gebiet'), SOON).toBe(unit.key);
			await waitForMapIdle(page, { after: idles });
			await expect.poll(() => legendTitle(page), SOON).toBe('Förderlücken · Sekundarstufe I');

			// Only the Stadtteile of Bad Cannstatt.
			const bezirk = catalog.units.stadtbezirk.find((b) => b.name === 'Bad Cannstatt')!;
			await page.locator('select[name="matrix-filter"]').selectOption(`bezirk:${bezirk.key}`);
			const members = catalog.units.stadtteil.filter((s) => s.parent === bezirk.key).length;
			await expect.poll(() => matrix.locator('tbody tr').count(), SOON).toBe(members);
			await screenshot(page, 'gaps-matrix-1920x1080');
			expect(await runAxe(page)).toEqual([]);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('the chain of a selected area: five phases with the active one expanded; thresholds in the link change the classes', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1920, height: 1080 });
		try {
			const hallschlag = catalog.units.stadtteil.find((u) => u.name === 'Hallschlag')!;
			await page.goto(`${baseURL}/?modus=luecken&phase=elementar&gebiet=${hallschlag.key}`);
			await waitForMapIdle(page);
			const panel = page.locator('[data-testid="gap-chain-panel"]');
			await panel.waitFor();
			expect(await panel.locator('h2').textContent()).toContain('Hallschlag');
			expect(await panel.locator('ol > li').count()).toBe(5);
			expect(await panel.textContent()).toContain('Nächste Lernorte');
			await screenshot(page, 'gaps-chain-1920x1080');
			// A phase card switches the map to its phase.
			await panel.getByRole('button', { name: /Sekundarstufe II/ }).click();
			await expect.poll(() => param(page, 'phase'), SOON).toBe('sek2');

			// "What if": a stricter support threshold can only add Förderlücken.
			const count = async () =>
				Number(
					/(\d+) Gebiet/.exec(
						(await page.locator('[data-testid="legend-class"]').first().textContent()) ?? ''
					)?.[1]
				);
			await page.locator('select[name="versorgung"]').selectOption('90');
			await expect.poll(() => param(page, 'versorgung'), SOON).toBe('90');
			const strict = await count();
			await page.locator('select[name="versorgung"]').selectOption('60');
			await expect.poll(() => param(page, 'versorgung'), SOON).toBe('60');
			await expect.poll(count, SOON).toBeLessThanOrEqual(strict);
			await page.locator('input[name="bedarf"]').fill('1');
			await page.locator('input[name="bedarf"]').press('Enter');
			await expect.poll(() => param(page, 'bedarf'), SOON).toBe('1');
			// The analysis answers from its worker: the legend follows a moment later.
			await expect
				.poll(() => page.locator('[data-testid="legend"]').textContent(), SOON)
				.toContain('Schwelle 1,0');
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('the reachability surface is drawn over the areas and explained in the legend', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1366, height: 768 });
		try {
			await page.goto(`${baseURL}/?modus=luecken&phase=primar&lernorte=0`);
			await waitForMapIdle(page);
			await expect.poll(() => page.locator(MAP_SELECTOR).getAttribute('data-deck-state'), SOON).toBe('ready');
			const map = page.locator(MAP_SELECTOR);
			const before = await map.screenshot();
			const idles = await idleCount(page);
			await page.locator('input[name="erreichbarkeit"]').check();
			await expect
				.poll(() => page.locator('[data-testid="legend"]').textContent(), SOON)
				.toContain('Luftlinie zum nächsten formalen Lernort der Phase');
			await waitForMapIdle(page, { after: idles });
			await page.waitForTimeout(300);
			expect((await map.screenshot()).equals(before), 'the surface changed no pixel').toBe(false);
			await screenshot(page, 'gaps-reach-1366x768');
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('a weight set to 0 lands in the link, changes the classes, survives a reload and is reset', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1920, height: 1080 });
		// Class of every Stadtteil in the Elementar column of the matrix, by area name.
		const classes = () =>
			page.locator('[data-testid="gap-matrix"] tbody tr').evaluateAll((rows) =>
				rows
					.map(
						(r) =>
							`${r.querySelector('th')?.textContent?.trim()}=${r.querySelectorAll('button')[1]?.dataset.class}`
					)
					.sort()
					.join(';')
			);
		const complete = () => page.locator('[data-testid="gap-matrix"] table[aria-busy="false"]').waitFor();
		try {
			await page.goto(`${baseURL}/?modus=luecken&phase=elementar`);
			await waitForMapIdle(page);
			await complete();
			const before = await classes();
			// The weights are folded away until asked for.
			expect(await page.locator('select[name^="gewicht-"]').count()).toBe(0);
			await page.locator('.weights-box summary').click();
			const select = page.locator('select[name^="gewicht-"]').first();
			const indicator = (await select.getAttribute('name'))!.slice('gewicht-'.length);
			expect(catalog.indicators.some((m) => m.id === indicator)).toBe(true);

			await select.selectOption('0');
			await expect.poll(() => param(page, 'gewichte'), SOON).toBe(`${indicator}:0`);
			await expect.poll(classes, SOON).not.toBe(before);
			const changed = await classes();
			expect(await page.locator('.weights .mark').first().textContent()).toContain('geändert');
			// A projected or exported map says that it is a what-if.
			expect(await page.locator('[data-testid="legend-what-if"]').textContent()).toMatch(
				/^Gewichte geändert: .+ 0 statt 1\.$/
			);

			await page.reload();
			await waitForMapIdle(page);
			await complete();
			expect(await page.locator(`select[name="gewicht-${indicator}"]`).inputValue()).toBe('0');
			await expect.poll(classes, SOON).toBe(changed);
			await screenshot(page, 'gaps-weights-1920x1080');
			expect(await runAxe(page)).toEqual([]);

			await page.getByRole('button', { name: 'Voreinstellungen' }).click();
			await expect.poll(() => param(page, 'gewichte'), SOON).toBeNull();
			await expect.poll(classes, SOON).toBe(before);
			expect(await page.locator('[data-testid="legend-what-if"]').count()).toBe(0);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('hostile weights in the link fall back to the weights of the city, with a notice', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL });
		try {
			await page.goto(
				`${baseURL}/?modus=luecken&phase=elementar&gewichte=%3Cscript%3Ealert(1)%3C/script%3E:9&unterstuetzung=erreichbarkeit:0,plaetze:0,angebote:0`
			);
			await waitForMapIdle(page);
			const notice = page.locator('.notice[role="status"]');
			await expect.poll(() => notice.textContent(), SOON).toContain("'gewichte'");
			expect(await notice.textContent()).toContain('unterstuetzung');
			await expect.poll(() => legendTitle(page), SOON).toBe('Förderlücken · Elementarbereich');
			expect(await legendTotal(page)).toBe(catalog.units.stadtteil.length);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('a city with a settlement layer spreads children over it, and says so; a broken layer is reported', async () => {
		// Stuttgart with a settlement layer that covers the Stadtteile of one Bezirk: every other
		// Stadtteil has no settled land and keeps the even spread.
		const topo = await getJson<{
			objects: Record<string, { geometries: Array<{ id: string; properties: { parent?: string } }> }>;
		}>(baseURL, '/data/stuttgart/areas.topo.json');
		const bezirk = catalog.units.stadtbezirk[0]!;
		const settled = topo.objects.stadtteil!.geometries.filter((g) => g.properties.parent === bezirk.key);
		const layer = {
			...topo,
			objects: {
				siedlung: {
					type: 'GeometryCollection',
					geometries: settled.map((g) => ({ ...g, id: undefined, properties: {} }))
				}
			}
		};
		const withLayer = {
			...catalog,
			settlement: { attribution: 'Testflächen', year: 2025, polygons: settled.length }
		};
		const others = catalog.units.stadtteil.length - settled.length;
		for (const broken of [false, true]) {
			const { page, problems, close } = await newPage(browser, { baseURL });
			try {
				await page.route('**/data/stuttgart/catalog.json', (route) => route.fulfill({ json: withLayer }));
				await page.route('**/data/stuttgart/siedlungsflaechen.topo.json', (route) =>
					broken ? route.fulfill({ status: 200, body: '{"type":"Topology"' }) : route.fulfill({ json: layer })
				);
				await page.goto(`${baseURL}/?modus=luecken&phase=elementar`);
				await waitForMapIdle(page);
				await expect.poll(() => legendTitle(page), SOON).toBe('Förderlücken · Elementarbereich');
				if (broken) {
					const alert = page.locator('.notice[role="alert"]');
					await expect
						.poll(() => alert.textContent(), SOON)
						.toContain('Siedlungsflächen konnten nicht geladen werden');
					expect(await alert.textContent()).toContain('siedlungsflaechen.topo.json');
					expect(await page.locator('[data-testid="child-spread"]').count()).toBe(0);
					// The JSON error is logged once by the loader.
					expect(problems.filter((p) => !p.includes('siedlungsflaechen.topo.json'))).toEqual([]);
				} else {
					const note = page.locator('[data-testid="child-spread"]');
					await expect.poll(() => note.textContent(), SOON).toContain('über die Siedlungsflächen');
					expect(await note.textContent()).toContain('Testflächen, Stand 2025');
					expect(await note.textContent()).toContain(`${others} Stadtteile ohne Siedlungsfläche`);
					// The reachability surface is drawn where children live, and says so.
					await page.locator('input[name="erreichbarkeit"]').check();
					await expect
						.poll(() => page.locator('.reach-title').textContent(), SOON)
						.toContain('auf Siedlungsflächen');
					expect(problems).toEqual([]);
				}
				expect(await legendTotal(page)).toBe(catalog.units.stadtteil.length);
			} finally {
				await close();
			}
		}
	});

	test('at Bezirk level the matrix and the map show the 23 Stadtbezirke', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1920, height: 1080 });
		try {
			await page.goto(`${baseURL}/?modus=luecken&ebene=stadtbezirk&phase=sek1`);
			await waitForMapIdle(page);
			expect(await page.locator(MAP_SELECTOR).getAttribute('data-feature-count')).toBe('23');
			await expect.poll(() => legendTotal(page), SOON).toBe(catalog.units.stadtbezirk.length);
			const matrix = page.locator('[data-testid="gap-matrix"]');
			await expect
				.poll(() => matrix.locator('tbody tr').count(), SOON)
				.toBe(catalog.units.stadtbezirk.length);
			// A Bildungsregion of Stadtteile (Hallschlag) keeps the Bezirk that contains it.
			const region = catalog.city.bildungsregionen.find((r) => r.id === 'hallschlag')!;
			await page.locator('select[name="matrix-filter"]').selectOption(`region:${region.id}`);
			await expect.poll(() => matrix.locator('tbody tr').count(), SOON).toBe(1);
			expect(await matrix.locator('tbody tr th').first().textContent()).toContain('Bad Cannstatt');
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('the legend links to the method page of the same city', async () => {
		const { page, close } = await newPage(browser, { baseURL });
		try {
			await page.goto(`${baseURL}/?modus=luecken`);
			await waitForMapIdle(page);
			await page.getByRole('link', { name: 'Wie wird das berechnet?' }).click();
			await expect.poll(() => new URL(page.url()).pathname, SOON).toBe('/methode');
			await expect.poll(() => page.locator('h1').textContent(), SOON).toContain('Methode');
		} finally {
			await close();
		}
	});
});
