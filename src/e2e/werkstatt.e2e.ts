/**
 * The Werkstatt on the built site: stepping through the agenda by keyboard and presenter keys,
 * notes that survive a reload (IndexedDB), export, clearing (with confirmation) and import of
 * the notes as GeoJSON and CSV, and an accessibility audit.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { idleCount, launchBrowser, MAP_SELECTOR, newPage, runAxe, waitForMapIdle } from './browser';

const baseURL = inject('baseURL');
const SOON = { timeout: 15_000, interval: 50 };

/** Three dashboard views, as a facilitator would paste their links. */
const STEPS = [
	{
		link: '/?indikator=betreuungsquote_u3&jahr=2023',
		title: 'Krippe 2023',
		legend: 'Betreuungsquote unter 3 Jahren'
	},
	{
		link: '/?indikator=kita_ganztag&ebene=stadtbezirk',
		title: 'Ganztag',
		legend: 'Ganztagsbetreuung in der Kita'
	},
	{
		link: '/?indikator=zurueckstellungen',
		title: 'Zurückstellungen',
		legend: 'Zurückstellungen vom Schulbesuch'
	}
];

/**
 * What went wrong on the page, without Chromium cancelling its own icon fetch: it fetches the
 * icon again after each step (a same-document navigation) and cancels the fetch when the next
 * step follows within milliseconds, as the keys in these tests do. Everything else counts.
 */
function realProblems(problems: readonly string[]): string[] {
	return problems.filter((p) => !/^failed: GET \S+\/favicon\.svg \(net::ERR_ABORTED\)$/.test(p));
}

function schritt(page: Page): string | null {
	return new URL(page.url()).searchParams.get('schritt');
}

async function legendTitle(page: Page): Promise<string> {
	return ((await page.locator('[data-testid="legend-title"]').textContent()) ?? '').trim();
}

async function addSteps(page: Page) {
	for (const s of STEPS) {
		await page.getByLabel('Link aus dem Dashboard').fill(`${baseURL}${s.link}`);
		await page.getByLabel('Titel (optional)').fill(s.title);
		await page.getByRole('button', { name: 'Als Schritt hinzufügen' }).click();
		await expect
			.poll(() => page.locator('[data-testid="agenda-steps"] li').count(), SOON)
			.toBe(STEPS.indexOf(s) + 1);
	}
}

/** Leaves any field, so that the keys go to the page. */
async function blur(page: Page) {
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function noteTexts(page: Page): Promise<string[]> {
	return page.locator('[data-testid="note"] .text').allTextContents();
}

/** A pin in the middle of the map and a marked area in the north. */
async function addNotes(page: Page) {
	const box = (await page.locator(MAP_SELECTOR).boundingBox())!;
	await page.getByLabel('Notiz anheften (Klick auf die Karte)').check();
	await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.5);
	const form = page.locator('[data-testid="note-form"]');
	await form.waitFor();
	await form.getByLabel('Kategorie').selectOption('idee');
	await form.getByLabel('Text').fill('Treffpunkt; "Jugendhaus" am Park');
	await form.getByLabel('Text').press('Enter');
	await expect.poll(() => noteTexts(page), SOON).toEqual(['Treffpunkt; "Jugendhaus" am Park']);

	await page.getByLabel('Gebiet markieren (Klick auf ein Gebiet)').check();
	await page.mouse.click(box.x + box.width * 0.62, box.y + box.height * 0.25);
	await form.waitFor();
	await form.getByLabel('Kategorie').selectOption('foerderluecke');
	await form.getByLabel('Text').fill('Kita-Plätze fehlen');
	await form.getByLabel('Text').press('Enter');
	await expect.poll(() => page.locator('[data-testid="note"]').count(), SOON).toBe(2);
}

async function download(page: Page, button: string): Promise<string> {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: button }).click()
	]);
	return readFileSync((await file.path())!, 'utf8');
}

async function clearAll(page: Page) {
	await page.getByRole('button', { name: 'Alle Notizen löschen' }).click();
	await page.getByRole('button', { name: 'Ja, alle löschen' }).click();
	await expect.poll(() => page.locator('[data-testid="note"]').count(), SOON).toBe(0);
}

describe('werkstatt', () => {
	let browser: Browser;

	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	test('the agenda steps by arrow and page keys, and the step is in the URL', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1920, height: 1080 });
		try {
			await page.goto(`${baseURL}/werkstatt`);
			await waitForMapIdle(page);
			await addSteps(page);
			// A new step is shown once it is stored.
			await expect.poll(() => schritt(page), SOON).toBe('3');

			// The agenda is stored: a reload at step 1 shows the first view.
			await page.goto(`${baseURL}/werkstatt?schritt=1`);
			// Settled before the next navigation, so that none of its requests is cut off.
			await waitForMapIdle(page);
			// The default view has the same indicator: wait for the stored agenda, not the legend.
			await expect
				.poll(() => page.locator('[data-testid="agenda-now"]').textContent(), SOON)
				.toContain('Schritt 1 von 3');
			await expect.poll(() => legendTitle(page), SOON).toBe(STEPS[0]!.legend);
			await blur(page);

			await page.keyboard.press('ArrowRight');
			await expect.poll(() => schritt(page), SOON).toBe('2');
			await expect.poll(() => legendTitle(page), SOON).toBe(STEPS[1]!.legend);
			await expect
				.poll(() => page.locator(MAP_SELECTOR).getAttribute('data-level'), SOON)
				.toBe('stadtbezirk');
			await expect
				.poll(() => page.locator('[data-testid="agenda-now"]').textContent(), SOON)
				.toContain('Schritt 2 von 3');

			await page.keyboard.press('PageDown');
			await expect.poll(() => schritt(page), SOON).toBe('3');
			await expect.poll(() => legendTitle(page), SOON).toBe(STEPS[2]!.legend);
			// At the end, forward stays.
			await page.keyboard.press('PageDown');
			await page.waitForTimeout(200);
			expect(schritt(page)).toBe('3');

			await page.keyboard.press('PageUp');
			await expect.poll(() => schritt(page), SOON).toBe('2');
			await page.keyboard.press('ArrowLeft');
			await expect.poll(() => schritt(page), SOON).toBe('1');

			// Typing in a field does not step.
			await page.getByLabel('Link aus dem Dashboard').focus();
			await page.keyboard.press('ArrowRight');
			await page.waitForTimeout(200);
			expect(schritt(page)).toBe('1');

			// A hostile step falls back with a German notice.
			await page.goto(`${baseURL}/werkstatt?schritt=%3Cscript%3E`);
			// Settled before the next navigation, so that none of its requests is cut off.
			await waitForMapIdle(page);
			await expect.poll(() => page.getByText("Parameter 'schritt'").count(), SOON).toBe(1);
			await expect.poll(() => legendTitle(page), SOON).toBe(STEPS[0]!.legend);
			expect(realProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});

	test('notes survive a reload; export, clear and import restore the same notes', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1920, height: 1080 });
		try {
			await page.goto(`${baseURL}/werkstatt`);
			await waitForMapIdle(page);
			await addNotes(page);

			await page.reload();
			await waitForMapIdle(page);
			await expect
				.poll(() => noteTexts(page), SOON)
				.toEqual(['Treffpunkt; "Jugendhaus" am Park', 'Kita-Plätze fehlen']);
			expect(await page.locator('[data-testid="note-pin"]').count()).toBe(1);

			const geojson = await download(page, 'GeoJSON speichern');
			const parsed = JSON.parse(geojson) as { features: Array<{ properties: Record<string, unknown> }> };
			expect(
				parsed.features.map((f) => [f.properties.art, f.properties.kategorie, f.properties.text])
			).toEqual([
				['punkt', 'Idee', 'Treffpunkt; "Jugendhaus" am Park'],
				['gebiet', 'Förderlücke', 'Kita-Plätze fehlen']
			]);
			const csv = await download(page, 'CSV speichern');
			expect(csv.startsWith('\ufeffid;art;kategorie;text;')).toBe(true);
			expect(csv).toContain('"Treffpunkt; ""Jugendhaus"" am Park"');

			// Clearing asks first; cancelling keeps the notes.
			await page.getByRole('button', { name: 'Alle Notizen löschen' }).click();
			const dialog = page.locator('[data-testid="clear-dialog"]');
			await expect.poll(() => dialog.isVisible(), SOON).toBe(true);
			expect(await dialog.textContent()).toContain('Alle 2 Notizen löschen?');
			await page.keyboard.press('Escape');
			await expect.poll(() => dialog.isVisible(), SOON).toBe(false);
			expect(await page.locator('[data-testid="note"]').count()).toBe(2);

			await clearAll(page);
			await page.locator('input[name="import"]').setInputFiles({
				name: 'notizen.geojson',
				mimeType: 'application/geo+json',
				buffer: Buffer.from(geojson)
			});
			await expect.poll(() => page.locator('[data-testid="note"]').count(), SOON).toBe(2);
			expect(await download(page, 'GeoJSON speichern')).toBe(geojson);

			await clearAll(page);
			await page.locator('input[name="import"]').setInputFiles({
				name: 'notizen.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from(csv)
			});
			await expect.poll(() => page.locator('[data-testid="note"]').count(), SOON).toBe(2);
			expect(await download(page, 'CSV speichern')).toBe(csv);

			// A bad row is reported by line and field, and the notes stay.
			await page.locator('input[name="import"]').setInputFiles({
				name: 'kaputt.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from('art;kategorie;text;laenge;breite\npunkt;Lob;x;9,1;48,7\n')
			});
			const report = page.locator('[data-testid="import-report"]');
			await expect
				.poll(() => report.textContent(), SOON)
				.toContain('Zeile 2, Feld ‚kategorie‘: ‚Lob‘ ist keine Kategorie');
			expect(await page.locator('[data-testid="note"]').count()).toBe(2);

			await page.reload();
			await waitForMapIdle(page);
			await expect
				.poll(() => noteTexts(page), SOON)
				.toEqual(['Treffpunkt; "Jugendhaus" am Park', 'Kita-Plätze fehlen']);
			expect(realProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});

	test('a Förderlücken step shows the gap map of its phase and what-if, as the dashboard does', async () => {
		const link = '/?modus=luecken&phase=primar&bedarf=0.3&ebene=stadtteil';
		// The same phase and level with another threshold: other classes.
		const link2 = '/?modus=luecken&phase=primar&bedarf=-0.5&ebene=stadtteil';
		const classRows = (page: Page) =>
			page
				.locator('[data-testid="legend-class"]')
				.evaluateAll((rows) => rows.map((r) => r.textContent?.trim()));
		const content = (page: Page) => page.locator(MAP_SELECTOR).getAttribute('data-map-content');
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1920, height: 1080 });
		try {
			// The dashboard's legend of the same link is what the Werkstatt must show.
			await page.goto(`${baseURL}${link}`);
			await expect.poll(() => content(page), SOON).toBe('gaps');
			await expect.poll(() => legendTitle(page), SOON).toMatch(/^Förderlücken · /);
			const dashboardTitle = await legendTitle(page);
			const dashboardRows = await classRows(page);
			expect(dashboardRows.length).toBeGreaterThan(2);
			await waitForMapIdle(page);
			await page.goto(`${baseURL}${link2}`);
			await expect.poll(() => content(page), SOON).toBe('gaps');
			await expect
				.poll(() => page.locator('[data-testid="legend"]').textContent(), SOON)
				.toContain('Schwelle −0,5');
			const dashboardRows2 = await classRows(page);
			expect(dashboardRows2).not.toEqual(dashboardRows);
			await waitForMapIdle(page);

			await page.goto(`${baseURL}/werkstatt`);
			await waitForMapIdle(page);
			await page.getByLabel('Link aus dem Dashboard').fill(`${baseURL}${link}`);
			await page.getByRole('button', { name: 'Als Schritt hinzufügen' }).click();
			await expect.poll(() => schritt(page), SOON).toBe('1');
			await expect.poll(() => content(page), SOON).toBe('gaps');
			await expect.poll(() => legendTitle(page), SOON).toBe(dashboardTitle);
			expect(await classRows(page)).toEqual(dashboardRows);
			// The what-if of the link is in force and named; no notice that the map is another one.
			expect(await page.locator('[data-testid="legend"]').textContent()).toContain('Schwelle 0,3');
			expect(await page.locator('[data-testid="gaps-note"]').count()).toBe(0);
			expect(await page.locator(`${MAP_SELECTOR} canvas`).first().getAttribute('aria-label')).toContain(
				'Förderlücken'
			);

			// A second Förderlücken step with another threshold shows its own classes, not the
			// previous step's; stepping back shows the first again.
			await page.getByLabel('Link aus dem Dashboard').fill(`${baseURL}${link2}`);
			await page.getByRole('button', { name: 'Als Schritt hinzufügen' }).click();
			await expect.poll(() => schritt(page), SOON).toBe('2');
			await expect.poll(() => classRows(page), SOON).toEqual(dashboardRows2);
			await expect.poll(() => page.locator('[data-testid="gaps-note"]').count(), SOON).toBe(0);
			await blur(page);
			await page.keyboard.press('ArrowLeft');
			await expect.poll(() => schritt(page), SOON).toBe('1');
			await expect.poll(() => classRows(page), SOON).toEqual(dashboardRows);

			// A reload at the step computes it again from the stored agenda.
			await page.reload();
			await expect.poll(() => content(page), SOON).toBe('gaps');
			await expect.poll(() => classRows(page), SOON).toEqual(dashboardRows);
			await waitForMapIdle(page);
			await blur(page);
			expect(await runAxe(page)).toEqual([]);
			expect(realProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});

	test("two tabs of the same city: notes taken in both survive, and each tab shows the other's", async () => {
		const {
			page: a,
			context,
			problems,
			close
		} = await newPage(browser, {
			baseURL,
			width: 1366,
			height: 768
		});
		try {
			await a.goto(`${baseURL}/werkstatt`);
			await waitForMapIdle(a);
			const b = await context.newPage();
			await b.goto(`${baseURL}/werkstatt`);
			await waitForMapIdle(b);

			// A pin in tab A appears in tab B without a reload, and the other way round.
			await addNotes(a);
			await expect
				.poll(() => noteTexts(b), SOON)
				.toEqual(['Treffpunkt; "Jugendhaus" am Park', 'Kita-Plätze fehlen']);
			const box = (await b.locator(MAP_SELECTOR).boundingBox())!;
			await b.getByLabel('Notiz anheften (Klick auf die Karte)').check();
			await b.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.6);
			const form = b.locator('[data-testid="note-form"]');
			await form.waitFor();
			await form.getByLabel('Text').fill('aus dem zweiten Fenster');
			await form.getByLabel('Text').press('Enter');
			await expect.poll(() => noteTexts(a), SOON).toContain('aus dem zweiten Fenster');

			// The agenda too: a step added in B is a step in A.
			await b
				.getByLabel('Link aus dem Dashboard')
				.fill(`${baseURL}${STEPS[0]!.link}&karte=9.1800,48.7800,11.50`);
			await b.getByRole('button', { name: 'Als Schritt hinzufügen' }).click();
			await expect.poll(() => a.locator('[data-testid="agenda-steps"] li').count(), SOON).toBe(1);

			// A note taken in B does not move A's map away from where the discussion moved it.
			await a.goto(`${baseURL}/werkstatt?schritt=1`);
			await waitForMapIdle(a);
			const mapBox = (await a.locator(MAP_SELECTOR).boundingBox())!;
			await a.getByLabel('Nur ansehen').check();
			await a.mouse.move(mapBox.x + mapBox.width / 2, mapBox.y + mapBox.height / 2);
			await a.mouse.down();
			await a.mouse.move(mapBox.x + mapBox.width / 2 - 200, mapBox.y + mapBox.height / 2 - 120, { steps: 8 });
			await a.mouse.up();
			await waitForMapIdle(a, { after: await idleCount(a) });
			const panned = await a.locator(MAP_SELECTOR).getAttribute('data-view');
			expect(panned).not.toBe('9.18000,48.78000,11.50');
			await b.getByLabel('Nur ansehen').check();
			const noteBox = (await b.locator(MAP_SELECTOR).boundingBox())!;
			await b.getByLabel('Notiz anheften (Klick auf die Karte)').check();
			await b.mouse.click(noteBox.x + noteBox.width * 0.45, noteBox.y + noteBox.height * 0.55);
			await b.locator('[data-testid="note-form"]').getByLabel('Text').fill('noch eine');
			await b.locator('[data-testid="note-form"]').getByLabel('Text').press('Enter');
			await expect.poll(async () => (await noteTexts(a)).length, SOON).toBe(4);
			await a.waitForTimeout(300);
			expect(await a.locator(MAP_SELECTOR).getAttribute('data-view')).toBe(panned);
			// The view A takes into its agenda is the panned one.
			await a.getByRole('button', { name: 'Ansicht aufnehmen' }).click();
			await expect.poll(() => a.locator('[data-testid="agenda-steps"] li').count(), SOON).toBe(2);
			const views = await a
				.locator('[data-testid="agenda-steps"] li a[aria-label$="im Dashboard öffnen"]')
				.evaluateAll((links) =>
					links.map((l) => new URL((l as HTMLAnchorElement).href).searchParams.get('karte'))
				);
			expect(views[0]).toBe('9.1800,48.7800,11.50');
			expect(views[1]).not.toBe(views[0]);

			// Everything is stored once: a third tab reads all three notes.
			const c = await context.newPage();
			await c.goto(`${baseURL}/werkstatt`);
			await waitForMapIdle(c);
			await expect.poll(async () => (await noteTexts(c)).length, SOON).toBe(4);
			expect(realProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});

	test('without IndexedDB (a private window) the page warns, and the notes still work until closed', async () => {
		const { page, context, problems, close } = await newPage(browser, { baseURL, width: 1366, height: 768 });
		try {
			// As in a private window of some browsers: opening a database fails.
			await context.addInitScript(() => {
				const failing = {
					open() {
						const request = { error: new DOMException('Privater Modus', 'InvalidStateError') } as {
							error: DOMException;
							onerror?: () => void;
						};
						setTimeout(() => request.onerror?.());
						return request;
					}
				};
				Object.defineProperty(window, 'indexedDB', { get: () => failing });
			});
			await page.goto(`${baseURL}/werkstatt`);
			await waitForMapIdle(page);
			await expect.poll(() => page.getByText('privaten Modus').count(), SOON).toBe(1);
			await addNotes(page);
			expect(await download(page, 'CSV speichern')).toContain('Kita-Plätze fehlen');
			// As the warning says: a reload loses them.
			await page.reload();
			await waitForMapIdle(page);
			await expect.poll(() => page.getByText('privaten Modus').count(), SOON).toBe(1);
			expect(await page.locator('[data-testid="note"]').count()).toBe(0);
			expect(realProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});

	test('Vollbild puts the Werkstatt into full screen and back; the button follows a full screen left otherwise', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1366, height: 768 });
		try {
			await page.goto(`${baseURL}/werkstatt`);
			await waitForMapIdle(page);
			const full = () => page.evaluate(() => document.fullscreenElement?.className ?? null);
			await page.getByRole('button', { name: 'Vollbild' }).click();
			await expect.poll(full, SOON).toContain('werkstatt');
			const button = page.getByRole('button', { name: 'Vollbild beenden' });
			await expect.poll(() => button.getAttribute('aria-pressed'), SOON).toBe('true');
			await button.click();
			await expect.poll(full, SOON).toBeNull();
			await expect
				.poll(
					() => page.getByRole('button', { name: 'Vollbild', exact: true }).getAttribute('aria-pressed'),
					SOON
				)
				.toBe('false');
			// Full screen left another way (Escape, the browser's own control): the button follows.
			await page.getByRole('button', { name: 'Vollbild', exact: true }).click();
			await expect.poll(full, SOON).toContain('werkstatt');
			await page.evaluate(() => document.exitFullscreen());
			await expect
				.poll(
					() => page.getByRole('button', { name: 'Vollbild', exact: true }).getAttribute('aria-pressed'),
					SOON
				)
				.toBe('false');
			expect(realProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});

	test('axe finds no serious or critical violations', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1366, height: 768 });
		try {
			await page.goto(`${baseURL}/werkstatt`);
			await waitForMapIdle(page);
			await addSteps(page);
			await addNotes(page);
			await blur(page);
			expect(await runAxe(page)).toEqual([]);
			await page.getByRole('button', { name: 'Alle Notizen löschen' }).click();
			expect(await runAxe(page)).toEqual([]);
			await page.getByRole('button', { name: 'Abbrechen' }).click();
			expect(realProblems(problems)).toEqual([]);
		} finally {
			await close();
		}
	});
});
