/**
 * `npm run bench`: bytes and speed of the built dashboard against a bare MapLibre page that
 * draws the same areas with the same data (scripts/bench/bare). Prints a table, writes
 * bench-results/bench.json, and exits 0 unless `--strict` is given and a target fails.
 *
 *   npm run bench                      # builds the app first if build/ is missing
 *   npm run bench -- --strict --runs 7
 *   npm run bench -- --bare-only --data path/to/data/stuttgart
 *   npm run bench -- --import-only     # only the node benches (import, analysis at scale)
 *   npm run bench -- --skip-import     # without them
 *   npm run bench -- --embed-only      # only the public embed: bytes, first render on a slow network
 */
import { spawnSync } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_PATH, launchBrowser, MAP_SELECTOR, newPage, waitForMapIdle } from '../src/e2e/browser';
import { BUILD_DIR, startAppPreview, startPreview, type StaticServer } from '../src/e2e/server';
import { benchGapsBrowser } from './bench/gapsBrowserBench';
import { benchGapsScale, type GapsScaleBench } from './bench/gapsScaleBench';
import { benchGapsStuttgart } from './bench/gapsStuttgartBench';
import { benchEmbed, EMBED_GZIP_TARGET, type EmbedBench } from './bench/embedBench';
import { benchImport, type ImportBench } from './bench/importBench';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BARE_DIR = resolve(ROOT, 'scripts/bench/bare');
const RESULTS_FILE = resolve(ROOT, 'bench-results/bench.json');
const DATA_FILES = ['areas.topo.json', 'values.json'];

/** Targets; bytes are gzip, 1 kB = 1000 bytes as in Vite's build output. */
const TARGETS = {
	mainJsGzip: 600_000,
	idleRatio: 1.3,
	switchMs: 100,
	/** Importing a 10,000-polygon boundary file end to end. */
	importMs: 30_000,
	importRssMb: 1024,
	/** Förderlücken geometry at 10,000 areas and 1,000,000 Lernorte, and its speed-up over naive turf loops. */
	/** The full analysis of the Stuttgart demo (grid and all phases) in node. */
	gapsStuttgartMs: 100,
	/** Opening the Förderlücken mode in the browser, and the longest main-thread task meanwhile. */
	gapsBrowserMs: 100,
	longTaskMs: 50,
	gapsScaleMs: 10_000,
	gapsScaleSpeedup: 20
} as const;

const INDICATOR_RADIO = 'input[type="radio"][name="indikator"]';

declare global {
	interface Window {
		/** performance.now() of every idle the map reported (set by the bench's init script). */
		__benchIdles?: number[];
	}
}

interface Bytes {
	files: number;
	raw: number;
	gzip: number;
}

interface ByteReport {
	mainJs: Bytes & { list: string[] };
	/** The part of `mainJs` that arrived after the first idle: not needed to draw the areas (deck.gl). */
	mainJsAfterIdle: Bytes;
	worker: Bytes & { list: string[]; note?: string };
	css: Bytes;
	data: Bytes;
	other: Bytes;
}

interface Timing {
	runs: number[];
	median: number;
}

interface PageReport {
	bytes: ByteReport;
	idle: Timing;
	idleSettled: Timing;
	indicatorSwitch: Timing;
	problems: string[];
}

interface Check {
	name: string;
	value: string;
	target: string;
	pass: boolean | null;
}

const { values: args } = parseArgs({
	options: {
		strict: { type: 'boolean', default: false },
		runs: { type: 'string', default: '5' },
		city: { type: 'string', default: 'stuttgart' },
		'bare-only': { type: 'boolean', default: false },
		'import-only': { type: 'boolean', default: false },
		'skip-import': { type: 'boolean', default: false },
		'embed-only': { type: 'boolean', default: false },
		data: { type: 'string' }
	}
});
const RUNS = Number(args.runs);
if (!Number.isInteger(RUNS) || RUNS < 1)
	throw new Error(`--runs must be a positive integer, got "${args.runs}"`);
const BARE_ONLY = args['bare-only'];
const DATA_DIR = resolve(args.data ?? join(ROOT, BUILD_DIR, 'data', args.city));

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function timing(runs: number[]): Timing {
	return { runs: runs.map((r) => Math.round(r * 10) / 10), median: Math.round(median(runs) * 10) / 10 };
}

/** Builds the app with `npm run build` unless build/ already holds it. */
function ensureAppBuild(): void {
	if (existsSync(join(ROOT, BUILD_DIR, 'index.html'))) return;
	console.log('build/ is missing, running `npm run build` first …');
	const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
	if (result.status !== 0)
		throw new Error('`npm run build` failed; fix the build, then run the bench again.');
}

/** Builds the bare page into a fresh temporary directory, with the data files beside it. */
async function buildBare(): Promise<string> {
	for (const file of DATA_FILES) {
		if (!existsSync(join(DATA_DIR, file))) {
			throw new Error(`${join(DATA_DIR, file)} is missing: run \`npm run build\` (or pass --data <dir>).`);
		}
	}
	const outDir = mkdtempSync(join(tmpdir(), 'bench-bare-'));
	// Its own inline config: nothing of the app's vite.config.ts (SvelteKit, chunks) applies.
	await build({
		configFile: false,
		root: BARE_DIR,
		base: './',
		publicDir: false,
		logLevel: 'warn',
		build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 5000, reportCompressedSize: false }
	});
	const dataOut = join(outDir, 'data', args.city);
	mkdirSync(dataOut, { recursive: true });
	for (const file of DATA_FILES) copyFileSync(join(DATA_DIR, file), join(dataOut, file));
	return outDir;
}

/** Kind of a served file by its extension. */
function kindOf(path: string): 'js' | 'css' | 'data' | 'other' {
	const ext = extname(path).toLowerCase();
	if (ext === '.js' || ext === '.mjs') return 'js';
	if (ext === '.css') return 'css';
	if (['.json', '.geojson', '.topojson', '.csv', '.pbf', '.pmtiles', '.arrow', '.bin'].includes(ext))
		return 'data';
	return 'other';
}

function emptyBytes(): Bytes {
	return { files: 0, raw: 0, gzip: 0 };
}

/**
 * Loads `path` once, waits for idle, and sums raw and gzip bytes (of the files on disk under
 * `dir`) of everything the page and its workers requested, by kind. Worker scripts (MapLibre's,
 * and the Förderlücken analysis once it has started) count apart from main-thread JS; when
 * MapLibre starts its worker from a blob: URL, the worker code is part of the main bundle and
 * is counted there.
 */
async function measureBytes(
	browser: Browser,
	server: StaticServer,
	dir: string,
	path: string
): Promise<{ bytes: ByteReport; problems: string[] }> {
	const { page, context, problems, close } = await newPage(browser, { baseURL: server.baseURL });
	const requested = new Set<string>();
	const workers: string[] = [];
	context.on('request', (request) => requested.add(request.url()));
	page.on('worker', (worker) => workers.push(worker.url()));
	let afterIdle: Set<string>;
	try {
		await installIdleProbe(page);
		await page.goto(server.baseURL + path);
		await waitForMapIdle(page, { timeout: 60_000, settle: 1000 });
		afterIdle = new Set(
			await page.evaluate(() => {
				const firstIdle = window.__benchIdles?.[0] ?? Infinity;
				return (
					performance
						.getEntriesByType('resource')
						// Finished after the areas were drawn, so not needed to draw them (deck.gl is
						// asked for in the same task that reports the first idle, so start times tie).
						.filter((entry) => (entry as PerformanceResourceTiming).responseEnd > firstIdle)
						.map((entry) => entry.name)
				);
			})
		);
	} finally {
		await close();
	}

	const report: ByteReport = {
		mainJs: { ...emptyBytes(), list: [] },
		mainJsAfterIdle: emptyBytes(),
		worker: { ...emptyBytes(), list: [] },
		css: emptyBytes(),
		data: emptyBytes(),
		other: emptyBytes()
	};
	const workerUrls = new Set(workers);
	for (const url of requested) {
		const parsed = new URL(url);
		if (parsed.origin !== server.baseURL) continue;
		let pathname = decodeURIComponent(parsed.pathname);
		if (pathname.endsWith('/')) pathname += 'index.html';
		const file = join(dir, pathname);
		if (!file.startsWith(dir) || !existsSync(file)) continue;
		const bytes = readFileSync(file);
		const size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
		const kind = kindOf(file);
		const isWorker =
			kind === 'js' && (workerUrls.has(url) || /worker/i.test(pathname.split('/').at(-1) ?? ''));
		const bucket = kind === 'js' ? (isWorker ? report.worker : report.mainJs) : report[kind];
		const buckets = [bucket];
		if (bucket === report.mainJs && afterIdle.has(url)) buckets.push(report.mainJsAfterIdle);
		for (const b of buckets) {
			b.files += 1;
			b.raw += size.raw;
			b.gzip += size.gzip;
		}
		if (kind === 'js') (isWorker ? report.worker : report.mainJs).list.push(`${pathname} ${kb(size.gzip)}`);
	}
	if (report.worker.files === 0 && workers.some((w) => w.startsWith('blob:'))) {
		report.worker.note = 'worker started from a blob: URL; its code is counted in main-thread JS';
	}
	return { bytes: report, problems };
}

/**
 * One navigation start -> `data-map-state="idle"`, in a fresh context (cold cache). Returns
 * the first idle (the areas are drawn) and the last idle before the map settles (the
 * dashboard's Lernorte are drawn after the areas).
 */
async function measureIdleRun(
	browser: Browser,
	baseURL: string,
	path: string
): Promise<{ first: number; settled: number }> {
	const { page, close } = await newPage(browser, { baseURL });
	try {
		await installIdleProbe(page);
		await page.goto(baseURL + path);
		await waitForMapIdle(page, { timeout: 60_000, settle: 1000 });
		const idles = (await page.evaluate(() => window.__benchIdles)) ?? [];
		if (idles.length === 0) throw new Error(`${path}: idle seen by the bench but not by its probe`);
		return { first: idles[0]!, settled: idles.at(-1)! };
	} finally {
		await close();
	}
}

/** Records in `window.__benchIdles` the time of every idle the map reports, from navigation on. */
async function installIdleProbe(page: Page): Promise<void> {
	await page.addInitScript((selector: string) => {
		const idles: number[] = [];
		window.__benchIdles = idles;
		let seen = '';
		new MutationObserver(() => {
			const el = document.querySelector<HTMLElement>(selector);
			if (el?.dataset.mapState !== 'idle' || el.dataset.idleCount === seen) return;
			seen = el.dataset.idleCount ?? '';
			idles.push(performance.now());
		}).observe(document, {
			subtree: true,
			childList: true,
			attributes: true,
			attributeFilter: ['data-map-state', 'data-idle-count']
		});
	}, MAP_SELECTOR);
}

/**
 * Load timings of several pages, their runs interleaved (A B A B …) so that the machine's
 * drift during the bench affects every page alike and the ratios stay fair.
 */
async function measureIdleInterleaved(
	browser: Browser,
	targets: ReadonlyArray<{ baseURL: string; path: string }>
): Promise<Array<{ first: number[]; settled: number[] }>> {
	const results = targets.map(() => ({ first: [] as number[], settled: [] as number[] }));
	for (let i = 0; i < RUNS; i++) {
		for (const [t, target] of targets.entries()) {
			const run = await measureIdleRun(browser, target.baseURL, target.path);
			results[t]!.first.push(run.first);
			results[t]!.settled.push(run.settled);
		}
	}
	return results;
}

/**
 * Indicator change -> next increment of `data-idle-count`, measured inside the page.
 * `mode` says how to switch: click the dashboard's radio or call the bare page's function.
 */
async function measureSwitch(
	browser: Browser,
	baseURL: string,
	path: string,
	mode: 'dashboard' | 'bare'
): Promise<number[]> {
	const { page, close } = await newPage(browser, { baseURL });
	try {
		await page.goto(baseURL + path);
		await waitForMapIdle(page, { timeout: 60_000, settle: 1000 });
		const { ids, current } = await page.evaluate(
			({ mode, radio }) => {
				if (mode === 'bare')
					return { ids: window.bare?.indicators ?? [], current: window.bare?.indicators[0] };
				const inputs = [...document.querySelectorAll<HTMLInputElement>(radio)];
				return { ids: inputs.map((i) => i.value), current: inputs.find((i) => i.checked)?.value };
			},
			{ mode, radio: INDICATOR_RADIO }
		);
		const others = ids.filter((id) => id !== current);
		if (others.length === 0) throw new Error(`${path}: needs at least two indicators to switch between`);
		// Cycle through the others (and back to the first one if there are few) so each switch changes colours.
		const sequence = Array.from({ length: RUNS }, (_, i) =>
			others.length === 1 ? (i % 2 === 0 ? others[0]! : current!) : others[i % others.length]!
		);

		const runs: number[] = [];
		for (const id of sequence) {
			const ms = await page.evaluate(
				({ selector, radio, id, mode }) =>
					new Promise<number>((resolvePromise, reject) => {
						const el = document.querySelector<HTMLElement>(selector);
						if (!el) return reject(new Error('map container not found'));
						const before = el.dataset.idleCount;
						const observer = new MutationObserver(() => {
							if (el.dataset.idleCount === before) return;
							const elapsed = performance.now() - start;
							clearTimeout(timer);
							observer.disconnect();
							resolvePromise(elapsed);
						});
						const timer = setTimeout(() => {
							observer.disconnect();
							reject(new Error(`no idle within 15 s after switching to ${id}`));
						}, 15_000);
						observer.observe(el, { attributes: true, attributeFilter: ['data-idle-count'] });
						const start = performance.now();
						if (mode === 'bare') window.bare?.setIndicator(id);
						else document.querySelector<HTMLInputElement>(`${radio}[value="${CSS.escape(id)}"]`)?.click();
					}),
				{ selector: MAP_SELECTOR, radio: INDICATOR_RADIO, id, mode }
			);
			runs.push(ms);
			// Let trailing work (URL update, hover state) settle before the next switch.
			await page.waitForTimeout(300);
		}
		return runs;
	} finally {
		await close();
	}
}

/** WebGL renderer string as a page sees it, to tell software GL from a GPU. */
async function glRenderer(browser: Browser, baseURL: string): Promise<string> {
	const { page, close } = await newPage(browser, { baseURL });
	try {
		await page.setContent('<canvas></canvas>');
		return await page.evaluate(() => {
			const gl = document.createElement('canvas').getContext('webgl2');
			if (!gl) return 'no WebGL2';
			const info = gl.getExtension('WEBGL_debug_renderer_info');
			return String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
		});
	} finally {
		await close();
	}
}

async function measurePage(
	browser: Browser,
	server: StaticServer,
	dir: string,
	path: string,
	mode: 'dashboard' | 'bare',
	idle: { first: number[]; settled: number[] }
): Promise<PageReport> {
	console.log(`Measuring ${mode} (${RUNS} runs) …`);
	const { bytes, problems } = await measureBytes(browser, server, dir, path);
	return {
		bytes,
		idle: timing(idle.first),
		idleSettled: timing(idle.settled),
		indicatorSwitch: timing(await measureSwitch(browser, server.baseURL, path, mode)),
		problems
	};
}

function kb(bytes: number): string {
	return `${(bytes / 1000).toFixed(1)} kB`;
}

function ms(value: number): string {
	return `${Math.round(value)} ms`;
}

function table(rows: string[][]): string {
	const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
	return rows
		.map((row) =>
			row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('   ')
		)
		.join('\n');
}

/** Runs the import bench and prints its lines; returns its checks. */
async function importSection(): Promise<{ result: ImportBench; checks: Check[] }> {
	console.log('Measuring the import of 10,000 generated polygons (GeoPackage, EPSG:25832) …');
	const result = await benchImport(10_000);
	const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
	console.log(
		table([
			['', 'Import (end to end)', 'Reading the file only'],
			['Wall time', seconds(result.import.wallMs), seconds(result.read.wallMs)],
			[
				'Peak memory (RSS)',
				`${result.import.maxRssMb.toFixed(0)} MB`,
				`${result.read.maxRssMb.toFixed(0)} MB`
			]
		])
	);
	console.log(
		`${result.polygons} polygons, ${result.vertices} vertices, ${(result.fileBytes / 1e6).toFixed(1)} MB; ` +
			`import / read: ${(result.import.wallMs / result.read.wallMs).toFixed(1)}x time`
	);
	for (const line of result.output.filter((l) => /Stützpunkte|Größe|Dauer/.test(l)))
		console.log(`  ${line.trim()}`);
	console.log('');
	return {
		result,
		checks: [
			{
				name: 'Import of 10,000 polygons, wall time',
				value: seconds(result.import.wallMs),
				target: `<= ${seconds(TARGETS.importMs)}`,
				pass: result.import.wallMs <= TARGETS.importMs
			},
			{
				name: 'Import of 10,000 polygons, peak memory',
				value: `${result.import.maxRssMb.toFixed(0)} MB`,
				target: `<= ${TARGETS.importRssMb} MB`,
				pass: result.import.maxRssMb <= TARGETS.importRssMb
			}
		]
	};
}

/** Runs the Förderlücken geometry at scale and prints its lines; returns its checks. */
function gapsStuttgartSection() {
	const result = benchGapsStuttgart();
	console.log(
		`Förderlücken, Stuttgart demo in node: ${result.areas} Stadtteile, ${result.lernorte} Lernorte, ` +
			`${result.samples} child samples; grid ${result.ms.grid} ms + all phases ${result.ms.analysis} ms ` +
			`= ${result.ms.total} ms (median of ${result.runs})`
	);
	console.log('');
	const check: Check = {
		name: 'Förderlücken analysis of Stuttgart in node',
		value: `${result.ms.total} ms`,
		target: `<= ${TARGETS.gapsStuttgartMs} ms`,
		pass: result.ms.total <= TARGETS.gapsStuttgartMs
	};
	return { result, checks: [check] };
}

function gapsScaleSection(): { result: GapsScaleBench; checks: Check[] } {
	console.log('Measuring the Förderlücken geometry at 10,000 areas and 1,000,000 Lernorte (node) …');
	const result = benchGapsScale();
	const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
	console.log(
		table([
			['', 'Indexed (flatbush)', 'Naive turf loops (extrapolated)'],
			['Locate Lernorte in areas', seconds(result.ms.locate), seconds(result.naiveMsExtrapolated.locate)],
			['Grid of child samples', seconds(result.ms.grid), '–'],
			['Reach shares', seconds(result.ms.reach), seconds(result.naiveMsExtrapolated.reach)],
			['Total', seconds(result.ms.total), seconds(result.naiveMsExtrapolated.total)]
		])
	);
	console.log(`${result.samples} child samples; speed-up ${result.speedup.toFixed(0)}x. ${result.note}`);
	console.log('');
	return {
		result,
		checks: [
			{
				name: 'Förderlücken geometry at scale, wall time',
				value: seconds(result.ms.total),
				target: `<= ${seconds(TARGETS.gapsScaleMs)}`,
				pass: result.ms.total <= TARGETS.gapsScaleMs
			},
			{
				name: 'Förderlücken geometry at scale, speed-up over naive loops',
				value: `${result.speedup.toFixed(0)}x`,
				target: `>= ${TARGETS.gapsScaleSpeedup}x`,
				pass: result.speedup >= TARGETS.gapsScaleSpeedup
			}
		]
	};
}

/**
 * Measures the public embed on the app's server and prints its lines; returns its checks.
 * The throttled runs are slow (the dashboard needs many seconds on a slow connection), so
 * they take at most 3 runs.
 */
async function embedSection(
	browser: Browser,
	appServer: StaticServer
): Promise<{ result: EmbedBench; checks: Check[] }> {
	const runs = Math.min(RUNS, 3);
	console.log(
		`Measuring the embed: bytes, first render on a slow network (${runs} runs, with the dashboard) …`
	);
	const result = await benchEmbed(browser, appServer.baseURL, join(ROOT, BUILD_DIR), runs);
	const b = result.bytes;
	const dash = result.dashboardFirstRender;
	console.log(
		table([
			['Embed (/embed)', 'gzip'],
			['HTML', kb(b.html)],
			['JS', kb(b.js)],
			['CSS', kb(b.css)],
			['Data', kb(b.data)],
			['Total', kb(b.total)]
		])
	);
	console.log(
		`First render on a ${result.network.name}, median of ${runs}: embed ${ms(result.embedFirstRender.median)}` +
			(dash ? `, dashboard (areas drawn) ${ms(dash.median)}` : '')
	);
	if (result.problems.length > 0) console.log(`Problems on the embed:\n  ${result.problems.join('\n  ')}`);
	return {
		result,
		checks: [
			{
				name: 'Embed total (HTML, JS, CSS, data), gzip',
				value: kb(b.total),
				target: `<= ${kb(EMBED_GZIP_TARGET)}`,
				pass: b.total <= EMBED_GZIP_TARGET
			},
			{
				name: 'Embed first render on a slow network, embed / dashboard',
				value: dash ? (result.embedFirstRender.median / dash.median).toFixed(2) : 'skipped',
				target: '< 1',
				pass: dash ? result.embedFirstRender.median < dash.median : null
			}
		]
	};
}

function printChecks(checks: readonly Check[]): void {
	for (const check of checks) {
		const verdict = check.pass === null ? 'SKIP' : check.pass ? 'PASS' : 'FAIL';
		console.log(`${verdict}  ${check.name}: ${check.value} (target ${check.target})`);
	}
}

async function main(): Promise<void> {
	if (args['embed-only']) {
		ensureAppBuild();
		const appServer = await startAppPreview(ROOT);
		const browser = await launchBrowser();
		try {
			const embed = await embedSection(browser, appServer);
			printChecks(embed.checks);
			mkdirSync(dirname(RESULTS_FILE), { recursive: true });
			writeFileSync(
				RESULTS_FILE,
				`${JSON.stringify({ date: new Date().toISOString(), embed: embed.result, checks: embed.checks }, null, '\t')}\n`
			);
			if (embed.checks.some((c) => c.pass === false) && args.strict) process.exitCode = 1;
		} finally {
			await browser.close();
			await appServer.close();
		}
		return;
	}
	const imported = args['skip-import'] || BARE_ONLY ? undefined : await importSection();
	const gapsStuttgart = args['skip-import'] || BARE_ONLY ? undefined : gapsStuttgartSection();
	const gapsScale = args['skip-import'] || BARE_ONLY ? undefined : gapsScaleSection();
	const nodeChecks = [
		...(imported?.checks ?? []),
		...(gapsStuttgart?.checks ?? []),
		...(gapsScale?.checks ?? [])
	];
	if (args['import-only']) {
		printChecks(nodeChecks);
		mkdirSync(dirname(RESULTS_FILE), { recursive: true });
		writeFileSync(
			RESULTS_FILE,
			`${JSON.stringify({ date: new Date().toISOString(), targets: TARGETS, import: imported?.result ?? null, gapsScale: gapsScale?.result ?? null, checks: nodeChecks }, null, '\t')}\n`
		);
		if (nodeChecks.some((c) => c.pass === false) && args.strict) process.exitCode = 1;
		return;
	}
	if (!BARE_ONLY) ensureAppBuild();
	const bareDir = await buildBare();
	const servers: StaticServer[] = [];
	let browser: Browser | undefined;
	try {
		const bareServer = await startPreview({
			configFile: false,
			root: BARE_DIR,
			logLevel: 'warn',
			appType: 'mpa',
			build: { outDir: bareDir }
		});
		servers.push(bareServer);
		const appServer = BARE_ONLY ? undefined : await startAppPreview(ROOT);
		if (appServer) servers.push(appServer);

		browser = await launchBrowser();
		const renderer = await glRenderer(browser, bareServer.baseURL);
		const software = /swiftshader|llvmpipe|software/i.test(renderer);
		const barePath = `/index.html?city=${args.city}`;
		console.log(`Measuring load times (${RUNS} runs each, interleaved) …`);
		const [bareIdle, appIdle] = await measureIdleInterleaved(browser, [
			{ baseURL: bareServer.baseURL, path: barePath },
			...(appServer ? [{ baseURL: appServer.baseURL, path: '/' }] : [])
		]);
		const bare = await measurePage(browser, bareServer, bareDir, barePath, 'bare', bareIdle!);
		const dashboard = appServer
			? await measurePage(browser, appServer, join(ROOT, BUILD_DIR), '/', 'dashboard', appIdle!)
			: undefined;

		// The dashboard reports its first idle once the areas are drawn: the same content as the
		// bare page, so that is where the target applies. Its Lernorte (deck.gl) are drawn after
		// the areas; the settled idle includes them and is reported beside it.
		console.log(`Measuring the Förderlücken mode on the dashboard (${RUNS} runs) …`);
		const gapsMode = appServer ? await benchGapsBrowser(browser, appServer.baseURL, RUNS) : undefined;
		const openOwn = gapsMode && median(gapsMode.openTasks.map((t) => t.ownMs));
		const openRaw = gapsMode && median(gapsMode.openTasks.map((t) => t.rawMs));
		const switchOwn = gapsMode && median(gapsMode.switchTasks.map((t) => t.ownMs));
		const switchRaw = gapsMode && median(gapsMode.switchTasks.map((t) => t.rawMs));

		const embed = appServer ? await embedSection(browser, appServer) : undefined;

		const idleRatio = dashboard ? dashboard.idle.median / bare.idle.median : undefined;
		const settledIdleRatio = dashboard ? dashboard.idleSettled.median / bare.idleSettled.median : undefined;
		const switchRatio = dashboard
			? dashboard.indicatorSwitch.median / bare.indicatorSwitch.median
			: undefined;
		const checks: Check[] = [
			...nodeChecks,
			{
				name: 'Dashboard main-thread JS (gzip)',
				value: dashboard ? kb(dashboard.bytes.mainJs.gzip) : 'skipped',
				target: `<= ${kb(TARGETS.mainJsGzip)}`,
				pass: dashboard ? dashboard.bytes.mainJs.gzip <= TARGETS.mainJsGzip : null
			},
			{
				name: 'Navigation -> areas drawn (first idle), dashboard / bare',
				value: idleRatio === undefined ? 'skipped' : idleRatio.toFixed(2),
				target: `<= ${TARGETS.idleRatio}`,
				pass: idleRatio === undefined ? null : idleRatio <= TARGETS.idleRatio
			},
			{
				name: 'Förderlücken analysis of Stuttgart in the browser (worker, a what-if on a loaded page)',
				value: gapsMode ? ms(median(gapsMode.whatIfMs)) : 'skipped',
				target: `<= ${TARGETS.gapsStuttgartMs} ms`,
				pass: gapsMode ? median(gapsMode.whatIfMs) <= TARGETS.gapsStuttgartMs : null
			},
			{
				name: 'Förderlücken mode opened to idle (Stuttgart, in the browser)',
				value: gapsMode ? ms(median(gapsMode.openMs)) : 'skipped',
				target: `<= ${TARGETS.gapsBrowserMs} ms`,
				pass: gapsMode ? median(gapsMode.openMs) <= TARGETS.gapsBrowserMs : null
			},
			{
				name: 'Longest main-thread task while opening it, own work (without the wait for the compositor)',
				value: openOwn === undefined ? 'skipped' : ms(openOwn),
				target: `<= ${TARGETS.longTaskMs} ms`,
				pass: openOwn === undefined ? null : openOwn <= TARGETS.longTaskMs
			},
			{
				name: 'Indicator switch to idle, dashboard',
				value: dashboard ? ms(dashboard.indicatorSwitch.median) : 'skipped',
				target: `<= ${TARGETS.switchMs} ms`,
				pass: dashboard ? dashboard.indicatorSwitch.median <= TARGETS.switchMs : null
			},
			...(embed?.checks ?? [])
		];

		const cpu = cpus();
		const machine = {
			cpus: cpu.length,
			cpuModel: cpu[0]?.model ?? 'unknown',
			node: process.version,
			chromium: `${browser.version()} (${CHROMIUM_PATH})`,
			webgl: renderer,
			softwareGl: software
		};
		const columns = (pick: (report: PageReport) => string) => [dashboard ? pick(dashboard) : '–', pick(bare)];
		const bytesRow = (label: string, pick: (b: ByteReport) => Bytes) => [
			label,
			...columns((r) => `${kb(pick(r.bytes).gzip)} (${pick(r.bytes).files})`)
		];

		console.log('');
		console.log(
			`Bench: one run on this machine – ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}, ` +
				`Chromium ${browser.version()}`
		);
		console.log(
			software
				? `Timings are on software GL (${renderer}); real users with a GPU render faster.`
				: `WebGL renderer: ${renderer}`
		);
		console.log('');
		console.log(
			table([
				['', 'Dashboard', 'Bare MapLibre'],
				bytesRow('JS main thread, gzip (files)', (b) => b.mainJs),
				bytesRow('  of which loaded after the areas are drawn', (b) => b.mainJsAfterIdle),
				bytesRow('JS of workers (MapLibre, Förderlücken), gzip (files)', (b) => b.worker),
				bytesRow('CSS, gzip (files)', (b) => b.css),
				bytesRow('Data, gzip (files)', (b) => b.data),
				['Data, raw', ...columns((r) => kb(r.bytes.data.raw))],
				[`Navigation -> areas drawn (first idle), median of ${RUNS}`, ...columns((r) => ms(r.idle.median))],
				[
					`Navigation -> settled idle (with Lernorte), median of ${RUNS}`,
					...columns((r) => ms(r.idleSettled.median))
				],
				[`Indicator switch -> idle, median of ${RUNS}`, ...columns((r) => ms(r.indicatorSwitch.median))]
			])
		);
		if (gapsMode) {
			console.log(
				`Förderlücken mode opened -> idle: median ${ms(median(gapsMode.openMs))}; matrix complete after ` +
					`${ms(median(gapsMode.matrixMs))}; worker busy on a cold page (data, grid, first analysis) ` +
					`${ms(median(gapsMode.workerMs))}, for a what-if ${ms(median(gapsMode.whatIfMs))}`
			);
			console.log(
				`Longest main-thread task, own work / with the wait for the compositor (medians): opening the mode ` +
					`${ms(openOwn!)} / ${ms(openRaw!)}; indicator switch (baseline) ${ms(switchOwn!)} / ${ms(switchRaw!)}`
			);
			if (software)
				console.log(
					'On software GL the compositor wait is the rasterisation of the map canvas; a plain repaint ' +
						'(the indicator switch) shows it too.'
				);
		}
		for (const report of [dashboard, bare]) {
			if (report?.bytes.worker.note)
				console.log(`Note: ${report === bare ? 'bare' : 'dashboard'} ${report.bytes.worker.note}.`);
		}
		if (settledIdleRatio !== undefined) {
			console.log(
				`Navigation -> settled idle (areas and Lernorte), dashboard / bare: ${settledIdleRatio.toFixed(2)}`
			);
		}
		if (switchRatio !== undefined) {
			console.log(`Indicator switch, dashboard / bare: ${switchRatio.toFixed(2)}`);
		}
		console.log('');
		printChecks(checks);
		for (const [name, report] of [
			['dashboard', dashboard],
			['bare', bare]
		] as const) {
			if (report && report.problems.length > 0) {
				console.log(`\nProblems on the ${name} page:\n  ${report.problems.join('\n  ')}`);
			}
		}

		mkdirSync(dirname(RESULTS_FILE), { recursive: true });
		const result = {
			date: new Date().toISOString(),
			note: 'One run on one machine; timings in ms, bytes in bytes (gzip level 9 of the files on disk).',
			machine,
			runs: RUNS,
			targets: TARGETS,
			dashboard: dashboard ?? null,
			bare,
			import: imported?.result ?? null,
			gapsStuttgart: gapsStuttgart?.result ?? null,
			gapsMode: gapsMode ?? null,
			gapsScale: gapsScale?.result ?? null,
			embed: embed?.result ?? null,
			ratios: {
				firstIdle: idleRatio ?? null,
				settledIdle: settledIdleRatio ?? null,
				indicatorSwitch: switchRatio ?? null
			},
			checks
		};
		writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, '\t')}\n`);
		console.log(`\nWrote ${RESULTS_FILE.slice(ROOT.length + 1)}`);

		const failed = checks.some((check) => check.pass === false);
		if (failed && args.strict) process.exitCode = 1;
	} finally {
		await browser?.close();
		await Promise.all(servers.map((server) => server.close()));
		rmSync(bareDir, { recursive: true, force: true });
	}
}

await main();
