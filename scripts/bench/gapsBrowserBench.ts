/**
 * The Förderlücken mode in the browser, measured with a Chromium performance trace:
 *
 * - **open**: a click on "Förderlücken" after the page has been idle for a while, as a user
 *   would click it, until the map is idle with the gap classes; and, in the same trace, until
 *   the Bildungsketten-Matrix is complete.
 * - **own work**: the longest main-thread task in that window, without the time the main
 *   thread waits in `Commit` for the compositor. On software GL (SwiftShader) that wait is the
 *   rasterisation of the WebGL canvas, 100–300 ms per map frame on two cores, whatever the page
 *   does; with a GPU it is about a millisecond. The raw longest task (what a `longtask`
 *   observer sees) is reported beside it, and both are measured for an indicator switch in the
 *   same run as the baseline of a plain map repaint.
 * - **worker**: the analysis of a cold page (`?modus=luecken` from navigation on) as the
 *   worker thread spends it: the city's data, the grid of child samples and all phases; and
 *   then each "what if" (another support threshold), which reuses the grid, as the node bench
 *   measures repeated analyses.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { MAP_SELECTOR, newPage, waitForMapIdle } from '../../src/e2e/browser';

/** One trace event as Chromium reports it (the fields used here). */
interface TraceEvent {
	name: string;
	ph: string;
	pid: number;
	tid: number;
	ts: number;
	dur?: number;
	args?: { name?: string; data?: { url?: string } };
}

export interface TaskStats {
	/** Longest main-thread task in ms, without the wait for the compositor (`Commit`). */
	ownMs: number;
	/** Longest main-thread task in ms as it is: with that wait. */
	rawMs: number;
}

export interface GapsBrowserBench {
	/** Click -> map idle with the gap classes (ms), per run. */
	openMs: number[];
	/** Click -> matrix complete (ms), per run. */
	matrixMs: number[];
	/** Longest tasks from the click until the matrix is complete, per run. */
	openTasks: TaskStats[];
	/** Longest tasks of an indicator switch (the baseline), per run. */
	switchTasks: TaskStats[];
	/** Worker thread busy with the city and the first analysis on a cold page (ms), per run. */
	workerMs: number[];
	/** Worker thread busy with one what-if analysis on that page (ms), several per run. */
	whatIfMs: number[];
}

const CATEGORIES = 'devtools.timeline,disabled-by-default-devtools.timeline';

async function startTrace(page: Page): Promise<() => Promise<TraceEvent[]>> {
	const cdp: CDPSession = await page.context().newCDPSession(page);
	const events: TraceEvent[] = [];
	cdp.on('Tracing.dataCollected', (e) => {
		events.push(...(e.value as unknown as TraceEvent[]));
	});
	await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
	return async () => {
		const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
		await cdp.send('Tracing.end');
		await done;
		await cdp.detach();
		return events;
	};
}

/** Thread ids by name, as `pid:tid`. */
function threads(events: readonly TraceEvent[], name: string): Set<string> {
	const out = new Set<string>();
	for (const e of events) if (e.name === 'thread_name' && e.args?.name === name) out.add(`${e.pid}:${e.tid}`);
	return out;
}

const complete = (e: TraceEvent): e is TraceEvent & { dur: number } => e.ph === 'X' && e.dur !== undefined;

/**
 * The longest main-thread task with and without its `Commit` waits (ms).
 * `longestTasks(events)` -> { ownMs: 31.2, rawMs: 244.9 }
 */
export function longestTasks(events: readonly TraceEvent[]): TaskStats {
	const main = threads(events, 'CrRendererMain');
	const onMain = events.filter((e) => complete(e) && main.has(`${e.pid}:${e.tid}`)) as Array<
		TraceEvent & { dur: number }
	>;
	const tasks = onMain.filter((e) => e.name === 'RunTask');
	const commits = onMain.filter((e) => e.name === 'Commit');
	let ownMs = 0;
	let rawMs = 0;
	for (const t of tasks) {
		const key = `${t.pid}:${t.tid}`;
		let wait = 0;
		for (const c of commits)
			if (`${c.pid}:${c.tid}` === key && c.ts >= t.ts && c.ts + c.dur <= t.ts + t.dur) wait += c.dur;
		ownMs = Math.max(ownMs, (t.dur - wait) / 1000);
		rawMs = Math.max(rawMs, t.dur / 1000);
	}
	return { ownMs, rawMs };
}

/**
 * Time the Förderlücken worker spent handling messages (ms): the worker thread that runs code
 * of the gapWorker script (MapLibre's worker, tiling at the same time, is another thread).
 */
export function workerBusy(events: readonly TraceEvent[]): number {
	const workers = threads(events, 'DedicatedWorker thread');
	const gapThreads = new Set<string>();
	for (const e of events) {
		const thread = `${e.pid}:${e.tid}`;
		if (workers.has(thread) && e.args?.data?.url?.includes('gapWorker')) gapThreads.add(thread);
	}
	let us = 0;
	for (const e of events)
		if (complete(e) && e.name === 'HandlePostMessage' && gapThreads.has(`${e.pid}:${e.tid}`)) us += e.dur;
	return us / 1000;
}

/** Waits until the page has its Lernorte (the analysis needs them) and has been idle a while. */
async function readyPage(page: Page): Promise<void> {
	await waitForMapIdle(page, { timeout: 60_000, settle: 1000 });
	await page.waitForFunction(
		() => /\(\d+\)/.test(document.querySelector('input[name="lernorte"]')?.parentElement?.textContent ?? ''),
		undefined,
		{ timeout: 60_000 }
	);
	// A user reads the map for a moment before switching modes.
	await page.waitForTimeout(1500);
}

/** Clicks `selector` and resolves when the map is idle again and `until` holds (ms since the click). */
function clickUntilIdle(page: Page, selector: string, until: 'gaps' | 'any'): Promise<number> {
	return page.evaluate(
		({ map, selector, until }) =>
			new Promise<number>((resolve, reject) => {
				const el = document.querySelector<HTMLElement>(map);
				const target = document.querySelector<HTMLInputElement>(selector);
				if (!el || !target) return reject(new Error(`${map} or ${selector} not found`));
				const before = el.dataset.idleCount;
				const observer = new MutationObserver(() => {
					if (el.dataset.idleCount === before) return;
					const title = document.querySelector('[data-testid="legend-title"]')?.textContent ?? '';
					if (until === 'gaps' && !title.startsWith('Förderlücken')) return;
					observer.disconnect();
					clearTimeout(timer);
					resolve(performance.now() - start);
				});
				const timer = setTimeout(
					() => reject(new Error(`no idle within 15 s after clicking ${selector}`)),
					15_000
				);
				observer.observe(el, { attributes: true, attributeFilter: ['data-idle-count'] });
				const start = performance.now();
				(window as Window & { __benchClick?: number }).__benchClick = start;
				target.click();
			}),
		{ map: MAP_SELECTOR, selector, until }
	);
}

const MATRIX_DONE = '[data-testid="gap-matrix"] table[aria-busy="false"]';

/** Runs every measurement `runs` times on fresh pages. */
export async function benchGapsBrowser(
	browser: Browser,
	baseURL: string,
	runs: number
): Promise<GapsBrowserBench> {
	const result: GapsBrowserBench = {
		openMs: [],
		matrixMs: [],
		openTasks: [],
		switchTasks: [],
		workerMs: [],
		whatIfMs: []
	};
	for (let i = 0; i < runs; i++) {
		// Opening the mode, and an indicator switch on the same page first as the baseline.
		{
			const { page, close } = await newPage(browser, { baseURL });
			try {
				await page.goto(`${baseURL}/`);
				await readyPage(page);
				const stopSwitch = await startTrace(page);
				await clickUntilIdle(page, 'input[name="indikator"]:not(:checked)', 'any');
				await page.waitForTimeout(300);
				result.switchTasks.push(longestTasks(await stopSwitch()));
				await waitForMapIdle(page, { settle: 500 });

				const stop = await startTrace(page);
				result.openMs.push(await clickUntilIdle(page, 'input[name="modus"][value="gaps"]', 'gaps'));
				await page.locator(MATRIX_DONE).waitFor({ timeout: 15_000 });
				result.matrixMs.push(
					await page.evaluate(
						() => performance.now() - (window as Window & { __benchClick?: number }).__benchClick!
					)
				);
				await page.waitForTimeout(300);
				result.openTasks.push(longestTasks(await stop()));
			} finally {
				await close();
			}
		}
		// A cold page in the Förderlücken mode: the worker computes on demand.
		{
			const { page, close } = await newPage(browser, { baseURL });
			try {
				const stop = await startTrace(page);
				await page.goto(`${baseURL}/?modus=luecken&phase=elementar`);
				await page.locator(MATRIX_DONE).waitFor({ timeout: 60_000 });
				result.workerMs.push(workerBusy(await stop()));
				for (const percent of ['80', '70', '90']) {
					const stopWhatIf = await startTrace(page);
					await page.locator('select[name="versorgung"]').selectOption(percent);
					await page
						.locator('[data-testid="legend"]')
						.filter({ hasText: `unter ${percent} %` })
						.waitFor({ timeout: 15_000 });
					await page.waitForTimeout(100);
					result.whatIfMs.push(workerBusy(await stopWhatIf()));
				}
			} finally {
				await close();
			}
		}
	}
	return result;
}
