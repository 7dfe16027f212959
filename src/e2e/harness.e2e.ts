import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, runAxe } from './browser';

const baseURL = inject('baseURL');

describe('browser harness', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	test('serves the build and offers WebGL2 on a page from the base URL', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL });
		try {
			const response = await page.goto(`${baseURL}/favicon.svg`);
			expect(response?.status()).toBe(200);
			const gl = await page.evaluate(() => {
				// favicon.svg is an SVG document: create the canvas in the HTML namespace explicitly.
				const canvas = document.createElementNS(
					'http://www.w3.org/1999/xhtml',
					'canvas'
				) as HTMLCanvasElement;
				const context = canvas.getContext('webgl2');
				if (!context) return null;
				const info = context.getExtension('WEBGL_debug_renderer_info');
				return {
					version: String(context.getParameter(context.VERSION)),
					renderer: String(
						info ? context.getParameter(info.UNMASKED_RENDERER_WEBGL) : context.getParameter(context.RENDERER)
					)
				};
			});
			expect(gl, 'no WebGL2 context in the headless browser').not.toBeNull();
			expect(gl?.version).toMatch(/^WebGL 2\.0/);
			expect(problems).toEqual([]);
		} finally {
			await close();
		}
	});

	test('blocks and reports every request that leaves the loopback origin', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL });
		try {
			await page.goto(`${baseURL}/favicon.svg`);
			const outcome = await page.evaluate(async () => {
				try {
					await fetch('https://example.org/tracker.js', { mode: 'no-cors' });
					return 'reached';
				} catch {
					return 'blocked';
				}
			});
			expect(outcome).toBe('blocked');
			expect(problems).toEqual(['blocked: GET https://example.org/tracker.js']);
		} finally {
			await close();
		}
	});

	test('runAxe lists serious and critical violations readably', async () => {
		const { page, close } = await newPage(browser, { baseURL });
		try {
			await page.setContent('<html lang="de"><title>t</title><main><input type="text"></main></html>');
			const violations = await runAxe(page);
			expect(violations).toHaveLength(1);
			expect(violations[0]).toMatch(/^label \(critical\): .+ – 1 × \[input\]$/);
		} finally {
			await close();
		}
	});

	test('reports page errors, console errors and missing files', async () => {
		const { page, problems, close } = await newPage(browser, { baseURL });
		try {
			await page.goto(`${baseURL}/favicon.svg`);
			await page.evaluate(async () => {
				console.error('kaputt');
				setTimeout(() => {
					throw new Error('Absicht');
				});
				await fetch('/gibt-es-nicht.json');
				await new Promise((resolve) => setTimeout(resolve, 50));
			});
			expect(problems.some((p) => p.startsWith('console: kaputt'))).toBe(true);
			expect(problems.some((p) => p.startsWith('pageerror: Error: Absicht'))).toBe(true);
			expect(problems).toContain(`http 404: ${baseURL}/gibt-es-nicht.json`);
		} finally {
			await close();
		}
	});
});
