import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { formatCount, formatNumber } from '../../../src/lib/domain/format';
import { buildAreaTopology } from '../../../src/lib/geo/areaTopology';
import {
	addRepairs,
	checkPolygon,
	countVertices,
	noRepairs,
	repairsText
} from '../../../src/lib/geo/checkPolygon';
import { cityGrid } from '../../../src/lib/geo/cityGrid';
import { crsLabel, reprojectGeometry } from '../../../src/lib/geo/crs';
import type { GridArea } from '../../../src/lib/geo/reachGrid';
import { decodeAreas } from '../../../src/lib/geo/topology';
import { readAreas as readCityAreas } from '../build';
import { SOURCE_FILES, SourceReader } from '../sources';
import type { CityDraft } from './cityDraft';
import { cityPosition, readCityConfig, readStadtteilList } from './cityLists';
import { readFeatureFile } from './formats';
import { kiloBytes, type ImportReport, type Progress } from './report';
import { areaSourceCrs, coordinateBox, type BBox } from './resolveCrs';
import { ImportError, type ValidationIssue } from './types';

export interface SiedlungImportOptions {
	file: string;
	layer?: string;
	/** Overrides the CRS the file states (`EPSG:25832`, `31467`, …). */
	crs?: string;
	/** Source and licence; may be left out when the city's layer is replaced and keeps its own. */
	attribution?: string;
	/** Year the data describe (Stand), as given on the command line. */
	year?: string;
	/** Simplification tolerance in metres (0 = none). */
	simplify: number;
	progress?: Progress;
}

/** Default simplification of settlement polygons: a few metres, far below the 150 m cells they weigh. */
export const SIEDLUNG_SIMPLIFY_METRES = 5;

/** Problems listed per run; a wrong layer has thousands of alike features. */
const MAX_ISSUES = 20;

/** Coordinates are written with 6 decimals (about 0.1 m). */
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function roundGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
	const ring = (r: Position[]) => r.map(([x, y]) => [round6(x!), round6(y!)]);
	return g.type === 'Polygon'
		? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
		: { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
}

const intersects = (a: BBox, b: BBox) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

/**
 * The layer as it is stored in geodata/<city>/siedlungsflaechen.geojson: a FeatureCollection with
 * `attribution` and `year`, one feature per line so that a new version gives a readable diff.
 */
export function formatSiedlung(
	features: ReadonlyArray<Polygon | MultiPolygon>,
	meta: { attribution: string; year?: number }
): string {
	const head = JSON.stringify({
		type: 'FeatureCollection',
		attribution: meta.attribution,
		...(meta.year !== undefined && { year: meta.year })
	}).slice(0, -1);
	const lines = features.map((geometry) => JSON.stringify({ type: 'Feature', properties: {}, geometry }));
	return `${head},"features":[\n${lines.join(',\n')}\n]}\n`;
}

/** The attribution of the layer a city has, if it has a readable one (a broken file is replaced anyway). */
function previousAttribution(text: string | undefined): string | undefined {
	if (text === undefined) return undefined;
	try {
		const { attribution } = JSON.parse(text) as { attribution?: unknown };
		return typeof attribution === 'string' && attribution.trim() !== '' ? attribution.trim() : undefined;
	} catch {
		return undefined;
	}
}

/** The year of `--year`: a whole number 1900–2100, or undefined. */
function yearOption(raw: string | undefined): number | undefined {
	if (raw === undefined) return undefined;
	const year = Number(raw);
	if (!Number.isInteger(year) || year < 1900 || year > 2100)
		throw new ImportError({
			file: '--year',
			message: `„${raw}“ ist kein Jahr`,
			hint: 'Das Jahr des Datenstands angeben, z. B. --year 2024'
		});
	return year;
}

/**
 * `import siedlung <file>`: the settled land of a city (e.g. the ALKIS objects of the group
 * "Siedlung", a Siedlungsflächen layer of a regional plan, Urban Atlas) becomes
 * siedlungsflaechen.geojson. The Förderlücken analysis then spreads each Stadtteil's children
 * over its settled land instead of evenly over its area. Polygons only; every geometry is
 * reprojected to WGS84, checked and cleaned like area boundaries; features outside the city are
 * left out and counted; the rest is simplified topology-preserving (neighbouring blocks keep
 * their common border). The report says how many Stadtteile the layer reaches and which keep
 * the even spread because none of their samples lies on settled land.
 */
export async function importSiedlung(draft: CityDraft, opts: SiedlungImportOptions): Promise<ImportReport> {
	const progress = opts.progress ?? (() => {});
	const config = readCityConfig(draft);
	const year = yearOption(opts.year);
	const existing = draft.text(SOURCE_FILES.settlement);
	const attribution = opts.attribution?.trim() || previousAttribution(existing);
	if (!attribution)
		throw new ImportError({
			file: '--attribution',
			message: 'Quellenvermerk der Siedlungsflächen fehlt',
			hint: 'Mit --attribution angeben, z. B. --attribution "Stadt Musterstadt – ALKIS, tatsächliche Nutzung, dl-de/by-2-0"'
		});

	// Where the city is: its Stadtteile as the data build reads them.
	const stadtteilList = readStadtteilList(draft);
	const reader = new SourceReader(draft.dir, draft.label);
	const areas = stadtteilList.length > 0 ? readCityAreas(reader, config.geometry) : undefined;
	if (!areas) {
		if (reader.issues.length > 0) throw new ImportError(reader.issues);
		throw new ImportError({
			file: draft.name(SOURCE_FILES.stadtteile),
			message: `${config.name} hat noch keine Stadtteile`,
			hint: `Erst die Gebietsgrenzen importieren: npm run import -- boundaries <datei> --city ${draft.city} --level stadtteil`
		});
	}
	const stadtteile: GridArea[] = decodeAreas(areas.topology, 'stadtteil').map((f) => ({
		...f,
		id: String(f.id)
	}));
	const extent = coordinateBox(stadtteile.map((f) => f.geometry))!;

	progress(`Lese ${opts.file} …`);
	const source = await readFeatureFile(opts.file, opts.layer !== undefined ? { layer: opts.layer } : {});
	const where = source.layer ? `${source.file} (Ebene ${source.layer})` : source.file;
	const notArea = source.features.filter(
		(f) => f.geometry && f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon'
	);
	if (notArea.length > 0) {
		const first = notArea[0]!;
		throw new ImportError({
			file: where,
			row: first.index,
			message: `Objekt ${first.index} ist ein ${first.geometry!.type}, keine Fläche${notArea.length > 1 ? ` (${formatCount(notArea.length)} von ${formatCount(source.features.length)} Objekten sind keine Flächen)` : ''}`,
			hint:
				source.layers.length > 1
					? `Siedlungsflächen als Polygone liefern; die Flächenebene mit --layer wählen (vorhanden: ${source.layers.join(', ')})`
					: 'Siedlungsflächen als Polygone liefern (Punkte und Linien taugen nicht: Kinder werden über Flächen verteilt)'
		});
	}
	const crs = areaSourceCrs(source, where, opts.crs, cityPosition(stadtteilList));
	const transform = crs.transform;

	const issues: ValidationIssue[] = [];
	const warnings: string[] = [];
	const repairs = noRepairs();
	const inside: Array<Polygon | MultiPolygon> = [];
	let outside = 0;
	const total = source.features.length;
	for (const f of source.features) {
		if (total >= 5000 && f.index % 5000 === 0)
			progress(`  prüfe Geometrien … ${formatCount(f.index)} von ${formatCount(total)}`);
		const checked = checkPolygon(f.geometry && reprojectGeometry(f.geometry, transform));
		addRepairs(repairs, checked.repairs);
		for (const finding of checked.findings) {
			if (finding.severity === 'error')
				issues.push({
					file: where,
					row: f.index,
					message: `Objekt ${f.index} ${finding.message}`,
					hint: finding.hint
				});
			else warnings.push(`${where}, Objekt ${f.index}: ${finding.message} – ${finding.hint}`);
		}
		if (!checked.geometry) continue;
		if (intersects(coordinateBox([checked.geometry])!, extent)) inside.push(checked.geometry);
		else outside++;
	}
	if (issues.length > MAX_ISSUES)
		throw new ImportError([
			...issues.slice(0, MAX_ISSUES),
			{
				file: where,
				message: `… und ${formatCount(issues.length - MAX_ISSUES)} weitere Objekte mit Fehlern`,
				hint: 'Die Ebene in einem GIS prüfen (QGIS: „Geometrien prüfen“, „Geometrien reparieren“)'
			}
		]);
	if (issues.length > 0) throw new ImportError(issues);
	if (inside.length === 0)
		throw new ImportError({
			file: where,
			message: `Keine der ${formatCount(total)} Flächen liegt in ${config.name}`,
			hint: 'Eine Datei für diese Stadt wählen oder das Koordinatensystem mit --crs angeben'
		});

	progress(`Vereinfache ${formatCount(inside.length)} Flächen …`);
	const { topology, stats } = buildAreaTopology(
		'siedlung',
		inside.map((geometry, i) => ({ type: 'Feature', id: String(i), properties: { name: '' }, geometry })),
		{ toleranceMetres: opts.simplify, quantization: 1e6 }
	);
	const simplified = decodeAreas(topology, 'siedlung').map((f) => roundGeometry(f.geometry));
	const text = formatSiedlung(simplified, { attribution, ...(year !== undefined && { year }) });
	draft.write(SOURCE_FILES.settlement, text);

	// What the layer does to the analysis: the Stadtteile it reaches and those that fall back.
	const settlement: Array<Feature<Polygon | MultiPolygon>> = simplified.map((geometry) => ({
		type: 'Feature',
		properties: {},
		geometry
	}));
	const { fallbackAreas } = cityGrid(stadtteile, settlement);
	const names = new Map(stadtteile.map((f) => [f.id, String(f.properties?.name ?? f.id)]));
	if (fallbackAreas.length > 0)
		warnings.push(
			`${fallbackAreas.length === 1 ? 'Ein Stadtteil hat' : `${formatCount(fallbackAreas.length)} Stadtteile haben`} keinen Rasterpunkt auf Siedlungsfläche; dort werden die Kinder gleichmäßig verteilt: ${fallbackAreas
				.slice(0, 10)
				.map((k) => `${k} ${names.get(k)}`)
				.join(', ')}${fallbackAreas.length > 10 ? ' …' : ''}`
		);

	const verticesAfter = simplified.reduce((n, g) => n + countVertices(g), 0);
	const facts: ImportReport['facts'] = [
		['Datei', `${where}, ${source.format}`],
		['Koordinatensystem', `${crsLabel(crs.epsg)}, aus ${crs.origin}`],
		[
			'Flächen',
			`${formatCount(inside.length)} übernommen${outside > 0 ? `, ${formatCount(outside)} außerhalb der Stadt ausgelassen` : ''}`
		],
		['Geometrie', repairsText(repairs)],
		[
			'Vereinfachung',
			opts.simplify > 0
				? `Toleranz ${formatNumber(opts.simplify)} m, topologieerhaltend (gemeinsame Grenzen bleiben gemeinsam)`
				: 'keine'
		],
		['Stützpunkte', `${formatCount(stats.verticesBefore)} → ${formatCount(verticesAfter)}`],
		['Größe', kiloBytes(Buffer.byteLength(text))],
		[
			'Stadtteile',
			`${formatCount(stadtteile.length - fallbackAreas.length)} von ${formatCount(stadtteile.length)} mit Siedlungsfläche`
		],
		[
			'Quelle',
			`${attribution}${year !== undefined ? `, Stand ${year}` : ''}${!opts.attribution?.trim() ? ' (bisheriger Vermerk)' : ''}`
		],
		[
			'Bestand',
			existing !== undefined
				? 'ersetzt'
				: 'neu; die Analyse verteilt die Kinder nun über die Siedlungsflächen'
		]
	];
	return {
		title: `Siedlungsflächen für ${config.name} importiert`,
		facts,
		warnings,
		changes: [],
		dryRun: false
	};
}
