/**
 * `npm run download:stuttgart`: fetches Stuttgart's official small-area geometry, the
 * GeoPackage "Kleinräumige Gliederung generalisiert" (OpenData_KLGL_GENERALISIERT.gpkg,
 * Landeshauptstadt Stuttgart – Stadtmessungsamt, CC BY 4.0), from the city's open-data
 * portal, then prints the import command. Needs a network; the tests never run it.
 *
 *   npm run download:stuttgart                       # look the file up on the portal
 *   npm run download:stuttgart -- --url <direct-url> # or take a known download address
 *   npm run download:stuttgart -- --out downloads/
 *
 * The portal (https://opendata.stuttgart.de) is a CKAN catalogue: the dataset is found with
 * its search API (`/api/3/action/package_search`), and the resource that is a GeoPackage (or
 * a ZIP holding one) is downloaded. The file is written under a temporary name and renamed
 * when complete, so an interrupted download leaves nothing half-written.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { unzipSync } from 'fflate';

export const STUTTGART_PORTAL = 'https://opendata.stuttgart.de';
export const STUTTGART_DATASET_QUERY = 'Kleinräumige Gliederung generalisiert';
const GPKG_NAME = 'OpenData_KLGL_GENERALISIERT.gpkg';

interface CkanResource {
	url?: string;
	format?: string;
	name?: string;
}
interface CkanPackage {
	title?: string;
	resources?: CkanResource[];
}

const { values: args } = parseArgs({
	options: {
		url: { type: 'string' },
		out: { type: 'string', default: 'downloads' }
	}
});

async function findDownloadUrl(): Promise<string> {
	const api = `${STUTTGART_PORTAL}/api/3/action/package_search?q=${encodeURIComponent(STUTTGART_DATASET_QUERY)}&rows=20`;
	console.log(`Suche den Datensatz im Portal: ${api}`);
	const res = await fetch(api);
	if (!res.ok)
		throw new Error(
			`Das Portal antwortete mit HTTP ${res.status}. Mit --url <adresse> die Datei direkt angeben.`
		);
	const body = (await res.json()) as { result?: { results?: CkanPackage[] } };
	const resources = (body.result?.results ?? []).flatMap((p) => p.resources ?? []);
	const isGpkg = (r: CkanResource) => /gpkg|geopackage/i.test(`${r.format ?? ''} ${r.url ?? ''}`);
	const isZip = (r: CkanResource) => /zip/i.test(`${r.format ?? ''} ${r.url ?? ''}`);
	const pick =
		resources.find((r) => r.url && isGpkg(r) && /klgl|gliederung/i.test(`${r.name ?? ''} ${r.url}`)) ??
		resources.find((r) => r.url && isGpkg(r)) ??
		resources.find((r) => r.url && isZip(r) && /klgl|gliederung/i.test(`${r.name ?? ''} ${r.url}`));
	if (!pick?.url)
		throw new Error(
			`Im Portal wurde keine GeoPackage-Datei zu „${STUTTGART_DATASET_QUERY}“ gefunden. Die Datei im Browser unter ${STUTTGART_PORTAL} suchen und mit --url angeben.`
		);
	return pick.url;
}

async function main(): Promise<void> {
	const url = args.url ?? (await findDownloadUrl());
	console.log(`Lade ${url} …`);
	const res = await fetch(url);
	if (!res.ok) throw new Error(`Download fehlgeschlagen: HTTP ${res.status} für ${url}`);
	let bytes = new Uint8Array(await res.arrayBuffer());
	let name = basename(new URL(url).pathname) || GPKG_NAME;
	if (name.toLowerCase().endsWith('.zip')) {
		const files = unzipSync(bytes);
		const entry = Object.keys(files).find((f) => f.toLowerCase().endsWith('.gpkg'));
		if (!entry) throw new Error(`Die ZIP-Datei ${name} enthält keine .gpkg-Datei.`);
		bytes = files[entry]!;
		name = basename(entry);
	}
	if (new TextDecoder().decode(bytes.subarray(0, 15)) !== 'SQLite format 3')
		throw new Error(
			`${url} ist keine GeoPackage-Datei (kein SQLite-Kopf). Mit --url die richtige Datei angeben.`
		);
	mkdirSync(args.out, { recursive: true });
	const target = join(args.out, name.toLowerCase().endsWith('.gpkg') ? name : GPKG_NAME);
	writeFileSync(`${target}.part`, bytes);
	renameSync(`${target}.part`, target);
	console.log(`Gespeichert: ${target} (${(bytes.length / 1e6).toFixed(1)} MB)`);
	console.log(`Weiter mit: npm run import -- stuttgart ${target}`);
}

main().catch((err: unknown) => {
	console.error(err instanceof Error ? err.message : String(err));
	process.exitCode = 1;
});
