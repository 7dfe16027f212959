/**
 * The built site behind the host's headers (README, "Betrieb hinter einer
 * Content-Security-Policy"): every page carries a strict policy of its own and runs without a
 * single violation; a page of another origin cannot frame it.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, waitForMapIdle } from './browser';
import { HOST_HEADERS } from './server';

const baseURL = inject('baseURL');

describe('content security policy', () => {
	let browser: Browser;
	let host: Server;
	let hostURL: string;

	beforeAll(async () => {
		browser = await launchBrowser();
		// A page of another origin that tries to frame the dashboard.
		host = createServer((_, res) => {
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
			res.end(
				`<!doctype html><title>Fremde Seite</title><iframe src="${baseURL}/" width="800" height="600"></iframe>`
			);
		});
		await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
		const address = host.address();
		if (address === null || typeof address === 'string') throw new Error('no TCP address');
		hostURL = `http://127.0.0.1:${address.port}`;
	});
	afterAll(async () => {
		await browser?.close();
		await new Promise((r) => host?.close(r));
	});

	test('the server sends the host headers', async () => {
		const res = await fetch(`${baseURL}/`);
		for (const [name, value] of Object.entries(HOST_HEADERS)) expect(res.headers.get(name)).toBe(value);
	});

	test.each([
		'/',
		'/?modus=luecken&ebene=stadtbezirk',
		'/vergleich?gebiete=stadtteil:214,stadt',
		'/gebiet/stadtteil/214'
	])('%s carries a strict policy and runs without a violation', async (path) => {
		const { page, problems, close } = await newPage(browser, { baseURL, width: 1366, height: 768 });
		try {
			const violations: string[] = [];
			await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
			await page.addInitScript(() => {
				document.addEventListener('securitypolicyviolation', (e) =>
					(window as unknown as { reportViolation: (v: string) => void }).reportViolation(
						`${e.violatedDirective} ${e.blockedURI}`
					)
				);
			});
			await page.goto(`${baseURL}${path}`);
			await waitForMapIdle(page);
			await page.waitForTimeout(500);
			const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
			expect(policy).toMatch(/script-src 'self' 'sha256-[^']+'/);
			expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
			expect(policy).toContain("object-src 'none'");
			expect(violations).toEqual([]);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('a page of another origin cannot frame the site', async () => {
		const { page, close } = await newPage(browser, { baseURL: hostURL, width: 1000, height: 700 });
		try {
			await page.goto(`${hostURL}/`);
			// Chromium replaces a refused frame with its error page.
			await expect
				.poll(
					() =>
						page
							.frames()
							.find((f) => f !== page.mainFrame())
							?.url(),
					{ timeout: 10_000 }
				)
				.toMatch(/^chrome-error:/);
		} finally {
			await close();
		}
	});
});
