import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview, type InlineConfig } from 'vite';

/** A running static server and the loopback URL it answers on (no trailing slash). */
export interface StaticServer {
	baseURL: string;
	close: () => Promise<void>;
}

/** Directory the app build (adapter-static) writes to. */
export const BUILD_DIR = 'build';

/**
 * Throws a readable error when the app has not been built yet.
 * `root` -> nothing, or an Error that says which command to run.
 */
export function assertBuilt(root: string): void {
	if (!existsSync(resolve(root, BUILD_DIR, 'index.html'))) {
		throw new Error(
			`Kein Build gefunden (${BUILD_DIR}/index.html fehlt) – erst \`npm run build\` ausführen.`
		);
	}
}

/**
 * Reads a JSON file from the site under test; a missing file fails with its URL and status.
 * `getJson<Catalog>(baseURL, '/data/stuttgart/catalog.json')` -> the parsed catalog.
 */
export async function getJson<T>(baseURL: string, path: string): Promise<T> {
	const url = `${baseURL}${path}`;
	const response = await fetch(url);
	if (!response.ok) {
		const hint = path.startsWith('/data/') ? ' – was `npm run data` part of the build?' : '';
		throw new Error(`${url}: HTTP ${response.status}${hint}`);
	}
	return (await response.json()) as T;
}

/**
 * The HTTP headers a city's web server should send with the site (README, "Betrieb hinter einer
 * Content-Security-Policy"); the browser tests and the bench run the site behind them. The pages
 * carry the rest of their policy themselves, as a meta tag.
 */
export const HOST_HEADERS: Readonly<Record<string, string>> = {
	'Content-Security-Policy': "frame-ancestors 'self'; object-src 'none'; base-uri 'self'",
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin'
};

/**
 * Starts `vite preview` for the app with the project's own config, exactly like `npm start`,
 * but on a free loopback port chosen by the OS, and with the host's headers. (SvelteKit's preview serves the same client
 * assets and prerendered pages that adapter-static copied into build/.)
 */
export async function startAppPreview(root: string): Promise<StaticServer> {
	assertBuilt(root);
	return startPreview({
		root,
		configFile: resolve(root, 'vite.config.ts'),
		logLevel: 'warn',
		// SvelteKit serves the prerendered pages itself, past Vite's `preview.headers`: the headers
		// are set first, for every response.
		plugins: [
			{
				name: 'host-headers',
				configurePreviewServer(server) {
					server.middlewares.use((_req, res, next) => {
						for (const [name, value] of Object.entries(HOST_HEADERS)) res.setHeader(name, value);
						next();
					});
				}
			}
		]
	});
}

/**
 * Starts `vite preview` from an inline config (for builds that are not the app, such as the
 * bench's bare page) on a free loopback port.
 */
export async function startPreview(config: InlineConfig): Promise<StaticServer> {
	const server = await preview({
		...config,
		// Port 0: the OS picks a free port, so parallel runs and a running `npm start` never clash.
		preview: { ...config.preview, host: '127.0.0.1', port: 0, strictPort: true, open: false }
	});
	const address = server.httpServer.address();
	if (address === null || typeof address === 'string') {
		await server.close();
		throw new Error('vite preview did not report a TCP address');
	}
	return {
		baseURL: `http://127.0.0.1:${address.port}`,
		close: () => server.close()
	};
}
