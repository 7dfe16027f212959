import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Topology } from 'topojson-specification';
import { aggregateGroups, type IndicatorShape } from '../../src/lib/domain/aggregate';
import { validateGapSettings } from '../../src/lib/domain/bildungskette';
import { LERNORT_TYPES } from '../../src/lib/domain/lernortTypes';
import { BILDUNGSPHASEN } from '../../src/lib/domain/phases';
import { applyDisclosure, type Grouping } from '../../src/lib/domain/suppress';
import type {
	Catalog,
	Cell,
	CityConfig,
	DataIndex,
	IndicatorMeta,
	Lernort,
	SettlementMeta,
	UnitKind,
	ValuesWire
} from '../../src/lib/domain/types';
import {
	checkBildungsregionenCsv,
	readIndicatorRows,
	readLernorte,
	readStadtbezirke,
	readStadtteile,
	validateCatalogSource,
	validateCityConfig,
	validateSettlementSource,
	type BezirkRow,
	type IndicatorRow,
	type IndicatorSource,
	type SettlementSource,
	type StadtteilRow,
	type ValidationIssue
} from '../../src/lib/domain/validateSources';
import { SETTLEMENT_FILE } from '../../src/lib/data/files';
import { encodeSeries } from '../../src/lib/domain/wire';
import { createAreaLocator } from '../../src/lib/geo/locate';
import { buildSchematicTopology } from '../../src/lib/geo/schematic';
import { settlementTopology } from '../../src/lib/geo/settlementTopology';
import { addMergedLevel, areaGeometries, decodeAreas } from '../../src/lib/geo/topology';
import { coordinateBox } from './import/resolveCrs';
import { publicFiles } from './publicFiles';
import { displayPath, SOURCE_FILES, SourceReader } from './sources';

export interface BuildOptions {
	city: string;
	/** Directory holding one folder per city (default `geodata`). */
	geodataDir: string;
	/** Directory receiving one folder per city and index.json (default `static/data`). */
	outDir: string;
	/** Seconds since the epoch (as SOURCE_DATE_EPOCH) for the `built` date; default: end of the newest data year. */
	sourceDateEpoch?: string;
}

export interface BuiltFile {
	name: string;
	bytes: number;
	gzipBytes: number;
}

export interface BuildSummary {
	city: string;
	geometry: 'schematic' | 'official';
	units: Record<UnitKind, number>;
	indicators: number;
	years: number[];
	lernorte: number;
	/** The settlement layer, when the city has one. */
	settlement?: SettlementMeta;
	files: BuiltFile[];
	warnings: string[];
}

export type BuildResult = { ok: true; summary: BuildSummary } | { ok: false; issues: ValidationIssue[] };

/** The areas of a city: rows of the key lists and a topology with objects stadtteil and stadtbezirk. */
export interface CityAreas {
	bezirke: BezirkRow[];
	stadtteile: StadtteilRow[];
	topology: Topology;
}

/**
 * Read stadtbezirke.csv and stadtteile.csv and the geometry: the official `areas.topo.json`
 * when present (its keys must match the CSV files), else the schematic Voronoi geometry
 * from the Stadtteil points and the city outline.
 */
export function readAreas(reader: SourceReader, geometry: CityConfig['geometry']): CityAreas | undefined {
	const bezirkTable = reader.csv(SOURCE_FILES.stadtbezirke);
	const stadtteilTable = reader.csv(SOURCE_FILES.stadtteile);
	if (!bezirkTable || !stadtteilTable) return undefined;
	const bz = readStadtbezirke(bezirkTable, reader.name(SOURCE_FILES.stadtbezirke));
	const st = readStadtteile(
		stadtteilTable,
		reader.name(SOURCE_FILES.stadtteile),
		new Set(bz.rows.map((b) => b.key))
	);
	reader.issues.push(...bz.issues, ...st.issues);
	if (bz.issues.length || st.issues.length) return undefined;
	const parents = bz.rows.map((b) => ({ key: b.key, name: b.name }));

	let topology: Topology;
	if (reader.exists(SOURCE_FILES.topology)) {
		const value = reader.json(SOURCE_FILES.topology) as Topology | undefined;
		if (!value) return undefined;
		const checked = checkOfficialTopology(value, reader.name(SOURCE_FILES.topology), st.rows, bz.rows);
		reader.issues.push(...checked.issues);
		if (!checked.topology) return undefined;
		topology = checked.topology;
	} else if (geometry === 'official') {
		reader.issues.push({
			file: reader.name(SOURCE_FILES.topology),
			message: 'Amtliche Geometrie angekündigt (geometry: "official"), aber Datei fehlt',
			hint: 'Importer ausführen oder in city.json geometry auf "schematic" setzen'
		});
		return undefined;
	} else {
		const outline = reader.outline(SOURCE_FILES.outline);
		if (!outline) return undefined;
		topology = buildSchematicTopology({ sites: st.rows, parents, outline });
		const locate = createAreaLocator(decodeAreas(topology, 'stadtteil')).locate;
		for (const s of st.rows)
			if (locate(s.lon, s.lat) !== s.key)
				reader.issues.push({
					file: reader.name(SOURCE_FILES.stadtteile),
					row: s.line,
					column: 'lat',
					message: `Punkt von Stadtteil ${s.key} liegt außerhalb der Stadtgrenze`,
					hint: 'Punkt ins Innere des Stadtteils legen oder stadtgrenze.geojson prüfen'
				});
	}
	return { bezirke: bz.rows, stadtteile: st.rows, topology };
}

function checkOfficialTopology(
	topo: Topology,
	file: string,
	stadtteile: readonly StadtteilRow[],
	bezirke: readonly BezirkRow[]
): { topology?: Topology; issues: ValidationIssue[] } {
	const issues: ValidationIssue[] = [];
	const compare = (object: string, keys: string[]) => {
		let ids: string[];
		try {
			ids = areaGeometries(topo, object).map((g) => g.id);
		} catch (err) {
			issues.push({
				file,
				column: `objects.${object}`,
				message: (err as Error).message,
				hint: 'Importer erneut ausführen'
			});
			return;
		}
		const have = new Set(ids);
		const want = new Set(keys);
		const missing = keys.filter((k) => !have.has(k));
		const extra = ids.filter((k) => !want.has(k));
		if (missing.length)
			issues.push({
				file,
				column: `objects.${object}`,
				message: `Geometrie fehlt für ${missing.join(', ')}`,
				hint: 'Gebietsschlüssel der Geometrie und der CSV-Listen angleichen'
			});
		if (extra.length)
			issues.push({
				file,
				column: `objects.${object}`,
				message: `Unbekannte Gebietsschlüssel ${extra.join(', ')}`,
				hint: 'Gebietsschlüssel der Geometrie und der CSV-Listen angleichen'
			});
	};
	compare(
		'stadtteil',
		stadtteile.map((s) => s.key)
	);
	if (issues.length) return { issues };
	let topology = topo;
	if (!topo.objects.stadtbezirk) {
		const geoms = areaGeometries(topo, 'stadtteil');
		const parentOf = new Map(stadtteile.map((s) => [s.key, s.parent]));
		for (const g of geoms) g.properties = { name: g.properties?.name ?? g.id, parent: parentOf.get(g.id) };
		topology = addMergedLevel(topo, 'stadtteil', 'stadtbezirk', bezirke);
	} else
		compare(
			'stadtbezirk',
			bezirke.map((b) => b.key)
		);
	return issues.length ? { issues } : { topology, issues };
}

/** Everything read and validated from geodata/<city>/. */
export interface CityInputs extends CityAreas {
	config: CityConfig;
	indicators: IndicatorSource[];
	rows: IndicatorRow[];
	lernorte: Lernort[];
	/** The optional settlement layer (siedlungsflaechen.geojson); absent: children spread evenly. */
	settlement?: SettlementSource;
}

/**
 * The optional settlement layer of a city, checked against the extent of its Stadtteile;
 * undefined (and no issue) when the file is absent.
 */
function readSettlement(reader: SourceReader, areas: CityAreas): SettlementSource | undefined {
	if (!reader.exists(SOURCE_FILES.settlement)) return undefined;
	const value = reader.json(SOURCE_FILES.settlement);
	if (value === undefined) return undefined;
	const extent = coordinateBox(decodeAreas(areas.topology, 'stadtteil').map((f) => f.geometry));
	if (!extent) return undefined;
	const { settlement, issues } = validateSettlementSource(
		value,
		reader.name(SOURCE_FILES.settlement),
		extent
	);
	reader.issues.push(...issues);
	return settlement;
}

/** Read and validate all sources of a city; any issue means no inputs. */
export function readCity(
	dir: string,
	label: string,
	cityId: string
): { inputs?: CityInputs; issues: ValidationIssue[] } {
	const reader = new SourceReader(dir, label);
	if (!existsSync(dir)) {
		reader.issues.push({
			file: label,
			message: 'Verzeichnis der Stadt fehlt',
			hint: `Verzeichnis ${label} mit city.json usw. anlegen`
		});
		return { issues: reader.issues };
	}
	const rawConfig = reader.json(SOURCE_FILES.city);
	const rawCatalog = reader.json(SOURCE_FILES.catalog);
	const indicatorTable = reader.csv(SOURCE_FILES.indicators);
	const lernortTable = reader.csv(SOURCE_FILES.lernorte);
	const regionTable = reader.csv(SOURCE_FILES.regions, false);
	const geometry =
		(rawConfig as Partial<CityConfig> | undefined)?.geometry === 'official' ? 'official' : 'schematic';
	const areas = readAreas(reader, geometry);
	if (!areas || rawConfig === undefined || rawCatalog === undefined) return { issues: reader.issues };
	const settlement = readSettlement(reader, areas);

	const keys = {
		stadtteil: new Set(areas.stadtteile.map((s) => s.key)),
		stadtbezirk: new Set(areas.bezirke.map((b) => b.key))
	};
	const cityFile = reader.name(SOURCE_FILES.city);
	const { config, issues: configIssues } = validateCityConfig(rawConfig, cityFile, keys);
	reader.issues.push(...configIssues);
	if (config) {
		if (config.id !== cityId)
			reader.issues.push({
				file: cityFile,
				column: 'id',
				message: `id „${config.id}“ passt nicht zum Verzeichnis ${cityId}`,
				hint: `id auf „${cityId}“ setzen`
			});
		for (const level of config.levels) {
			const count = keys[level.id].size;
			if (level.count !== count)
				reader.issues.push({
					file: cityFile,
					column: `levels.${level.id}.count`,
					message: `count ist ${level.count}, die Gebietsliste hat ${count} Einträge`,
					hint: `count auf ${count} setzen oder Gebietsliste prüfen`
				});
		}
		if (regionTable)
			reader.issues.push(
				...checkBildungsregionenCsv(regionTable, reader.name(SOURCE_FILES.regions), config.bildungsregionen)
			);
	}
	const catalog = validateCatalogSource(rawCatalog, reader.name(SOURCE_FILES.catalog));
	reader.issues.push(...catalog.issues);
	if (config && catalog.issues.length === 0)
		reader.issues.push(
			...validateGapSettings(
				config.bildungskette,
				cityFile,
				catalog.indicators.map((i) => ({ ...i, years: [] })),
				LERNORT_TYPES,
				{ publicOnly: false }
			).issues
		);
	const shapes = new Map(catalog.indicators.map((i) => [i.id, { kind: i.kind, scale: i.scale }]));
	const values =
		indicatorTable && catalog.issues.length === 0
			? readIndicatorRows(indicatorTable, reader.name(SOURCE_FILES.indicators), shapes, keys.stadtteil)
			: { rows: [], issues: [] };
	reader.issues.push(...values.issues);

	const lernorte: Lernort[] = [];
	if (lernortTable) {
		const lernortFile = reader.name(SOURCE_FILES.lernorte);
		const read = readLernorte(lernortTable, lernortFile, new Map(LERNORT_TYPES.map((t) => [t.id, t])));
		reader.issues.push(...read.issues);
		const locate = createAreaLocator(decodeAreas(areas.topology, 'stadtteil')).locate;
		const round = (v: number) => Math.round(v * 1e5) / 1e5;
		for (const r of read.rows) {
			const lon = round(r.lon);
			const lat = round(r.lat);
			const stadtteil = locate(lon, lat);
			if (stadtteil === undefined) {
				reader.issues.push({
					file: lernortFile,
					row: r.line,
					column: 'lat',
					message: `Lernort „${r.name}“ (${lat}, ${lon}) liegt außerhalb aller Stadtteile`,
					hint: 'Koordinaten prüfen: WGS84-Dezimalgrad, lat ≈ 48.7, lon ≈ 9.2 (vertauscht?)'
				});
				continue;
			}
			const l: Lernort = {
				id: r.id,
				name: r.name,
				type: r.type.id,
				category: r.type.category,
				phases: r.type.phases,
				lon,
				lat,
				address: r.address,
				source: r.source,
				stadtteil,
				demo: config?.demo.lernorte ?? false
			};
			if (r.capacity !== undefined) l.capacity = r.capacity;
			lernorte.push(l);
		}
	}
	if (reader.issues.length || !config) return { issues: reader.issues };
	return {
		inputs: {
			...areas,
			config,
			indicators: catalog.indicators,
			rows: values.rows,
			lernorte,
			...(settlement && { settlement })
		},
		issues: []
	};
}

/** The generated files of one city, as objects. */
export interface CityOutputs {
	topology: Topology;
	catalog: Catalog;
	values: ValuesWire;
	lernorte: { lernorte: Lernort[] };
	warnings: string[];
}

/** Aggregate, disclosure-control and assemble the output objects (pure). */
export function computeOutputs(inputs: CityInputs, sourceDateEpoch?: string): CityOutputs {
	const { config, bezirke, stadtteile } = inputs;
	const warnings: string[] = [];
	const units: Record<UnitKind, string[]> = {
		stadtteil: stadtteile.map((s) => s.key),
		stadtbezirk: bezirke.map((b) => b.key),
		bildungsregion: config.bildungsregionen.map((r) => r.id),
		stadt: [config.ags]
	};
	const membersOf = new Map(
		bezirke.map((b) => [b.key, stadtteile.filter((s) => s.parent === b.key).map((s) => s.key)])
	);
	const groups = {
		stadtbezirk: bezirke.map((b) => ({ key: b.key, members: membersOf.get(b.key)! })),
		bildungsregion: config.bildungsregionen.map((r) => ({
			key: r.id,
			members: r.level === 'stadtteil' ? r.areas : r.areas.flatMap((b) => membersOf.get(b)!)
		})),
		stadt: [{ key: config.ags, members: units.stadtteil }]
	};
	const groupings: Grouping[] = [
		...config.bildungsregionen.map((r) => ({
			kind: 'bildungsregion' as const,
			key: r.id,
			memberKind: r.level,
			members: r.areas
		})),
		{ kind: 'stadt', key: config.ags, memberKind: 'stadtbezirk', members: units.stadtbezirk }
	];
	const stadtteilParent = new Map(stadtteile.map((s) => [s.key, s.parent]));

	const byIndicator = new Map<string, Map<number, Map<string, Cell>>>();
	for (const row of inputs.rows) {
		let years = byIndicator.get(row.indicator);
		if (!years) byIndicator.set(row.indicator, (years = new Map()));
		let cells = years.get(row.year);
		if (!cells) years.set(row.year, (cells = new Map()));
		cells.set(row.area, row.cell);
	}

	const indicators: IndicatorMeta[] = [];
	const values: ValuesWire = { units, indicators: {} };
	const allYears = new Set<number>();
	for (const source of inputs.indicators) {
		const years = byIndicator.get(source.id);
		if (!years) {
			warnings.push(`Indikator ${source.id} hat keine Werte und wird nicht ausgegeben`);
			continue;
		}
		const shape: IndicatorShape = { kind: source.kind, scale: source.scale };
		const sortedYears = [...years.keys()].sort((a, b) => a - b);
		indicators.push({ ...source, years: sortedYears });
		const series: ValuesWire['indicators'][string] = {};
		for (const year of sortedYears) {
			allYears.add(year);
			const present = years.get(year)!;
			const base = new Map<string, Cell>(
				units.stadtteil.map((k) => [k, present.get(k) ?? { status: 'missing' }])
			);
			const disclosed = applyDisclosure({
				cells: {
					stadtteil: base,
					stadtbezirk: aggregateGroups(base, groups.stadtbezirk, shape),
					bildungsregion: aggregateGroups(base, groups.bildungsregion, shape),
					stadt: aggregateGroups(base, groups.stadt, shape)
				},
				stadtteilParent,
				groupings,
				kind: source.kind,
				rules: config.disclosure
			});
			const wire: Partial<Record<UnitKind, ReturnType<typeof encodeSeries>>> = {};
			for (const kind of Object.keys(units) as UnitKind[])
				wire[kind] = encodeSeries(
					units[kind].map((k) => disclosed[kind].get(k)!),
					source.kind
				);
			series[String(year)] = wire;
		}
		values.indicators[source.id] = series;
	}

	const newest = Math.max(...allYears);
	const built =
		sourceDateEpoch !== undefined && /^\d+$/.test(sourceDateEpoch)
			? new Date(Number(sourceDateEpoch) * 1000).toISOString().slice(0, 10)
			: Number.isFinite(newest)
				? `${newest}-12-31`
				: '1970-01-01';
	const catalog: Catalog = {
		city: config,
		phases: BILDUNGSPHASEN.map((p) => ({ ...p })),
		indicators,
		lernortTypes: [...LERNORT_TYPES],
		units: {
			stadtteil: stadtteile.map((s) => ({ key: s.key, name: s.name, parent: s.parent })),
			stadtbezirk: bezirke.map((b) => ({ key: b.key, name: b.name, parent: config.ags })),
			bildungsregion: config.bildungsregionen.map((r) => ({ key: r.id, name: r.name })),
			stadt: [{ key: config.ags, name: config.name }]
		},
		built
	};
	if (inputs.settlement)
		catalog.settlement = {
			attribution: inputs.settlement.attribution,
			...(inputs.settlement.year !== undefined && { year: inputs.settlement.year }),
			polygons: inputs.settlement.features.length
		};
	return { topology: inputs.topology, catalog, values, lernorte: { lernorte: inputs.lernorte }, warnings };
}

/**
 * Write files into `outDir/<city>/` atomically: everything goes to a temporary sibling
 * directory first, which then replaces the old folder; index.json is replaced by rename.
 */
function writeCity(
	outDir: string,
	city: string,
	files: ReadonlyArray<[string, string]>,
	entry: Required<DataIndex['cities'][number]>
): void {
	mkdirSync(outDir, { recursive: true });
	const tmp = mkdtempSync(join(outDir, `.${city}-new-`));
	try {
		for (const [name, content] of files) {
			mkdirSync(dirname(join(tmp, name)), { recursive: true });
			writeFileSync(join(tmp, name), content);
		}
		const target = join(outDir, city);
		const old = join(outDir, basename(tmp).replace('-new-', '-old-'));
		const hadTarget = existsSync(target);
		if (hadTarget) renameSync(target, old);
		try {
			renameSync(tmp, target);
		} catch (err) {
			// Put the previous output back: a failed build never leaves the city without data.
			if (hadTarget) renameSync(old, target);
			throw err;
		}
		rmSync(old, { recursive: true, force: true });
	} catch (err) {
		rmSync(tmp, { recursive: true, force: true });
		throw err;
	}
	const indexPath = join(outDir, 'index.json');
	let index: DataIndex = { cities: [] };
	try {
		const parsed = JSON.parse(readFileSync(indexPath, 'utf8')) as DataIndex;
		if (Array.isArray(parsed.cities)) index = parsed;
	} catch {
		// A missing or broken index is rebuilt from this city alone.
	}
	const cities = index.cities.filter((c) => c.id !== city && existsSync(join(outDir, c.id)));
	cities.push(entry);
	cities.sort((a, b) => a.id.localeCompare(b.id));
	const indexTmp = `${indexPath}.${process.pid}.tmp`;
	writeFileSync(indexTmp, JSON.stringify({ cities }) + '\n');
	renameSync(indexTmp, indexPath);
}

/**
 * The cities of a geodata directory: its folders that hold a city.json, sorted. Folders
 * starting with "." or "_" (an import's working copy, templates) are not cities.
 */
export function listCities(geodataDir: string): string[] {
	if (!existsSync(geodataDir)) return [];
	return readdirSync(geodataDir, { withFileTypes: true })
		.filter((e) => e.isDirectory() && !/^[._]/.test(e.name))
		.filter((e) => existsSync(join(geodataDir, e.name, SOURCE_FILES.city)))
		.map((e) => e.name)
		.sort();
}

/**
 * Removes the output of cities that are no longer in geodata/ (deleted or renamed) from
 * `outDir` and from its index.json, so the site does not keep offering them. Returns the
 * removed ids. Only folders that hold a built catalog.json count as city output.
 */
export function pruneCities(outDir: string, keep: readonly string[]): string[] {
	if (!existsSync(outDir)) return [];
	const removed = readdirSync(outDir, { withFileTypes: true })
		.filter(
			(e) => e.isDirectory() && !keep.includes(e.name) && existsSync(join(outDir, e.name, 'catalog.json'))
		)
		.map((e) => e.name);
	for (const id of removed) rmSync(join(outDir, id), { recursive: true, force: true });
	const indexPath = join(outDir, 'index.json');
	if (existsSync(indexPath)) {
		try {
			const index = JSON.parse(readFileSync(indexPath, 'utf8')) as DataIndex;
			const cities = (index.cities ?? []).filter((c) => keep.includes(c.id));
			if (cities.length !== (index.cities ?? []).length) {
				const tmp = `${indexPath}.${process.pid}.tmp`;
				writeFileSync(tmp, JSON.stringify({ cities }) + '\n');
				renameSync(tmp, indexPath);
			}
		} catch {
			// A broken index is rewritten by the next city build.
		}
	}
	return removed;
}

/**
 * Build one city: read and validate geodata/<city>/, compute, and write static/data/<city>/.
 * On any validation issue nothing is written.
 */
export function buildCity(opts: BuildOptions): BuildResult {
	const dir = join(opts.geodataDir, opts.city);
	const { inputs, issues } = readCity(dir, displayPath(dir), opts.city);
	if (!inputs) return { ok: false, issues };
	const out = computeOutputs(inputs, opts.sourceDateEpoch);
	const files: Array<[string, string]> = [
		['areas.topo.json', JSON.stringify(out.topology)],
		['catalog.json', JSON.stringify(out.catalog)],
		['values.json', JSON.stringify(out.values)],
		['lernorte.json', JSON.stringify(out.lernorte)]
	];
	// The embed's files: public indicators only, so a host can publish public/ on its own.
	const hasPublic = out.catalog.indicators.some((i) => i.public);
	if (hasPublic) files.push(...publicFiles(out));
	else
		out.warnings.push(
			'Kein Indikator ist öffentlich ("public": true): keine Dateien für die Einbettung (public/) geschrieben'
		);
	if (inputs.settlement)
		files.push([SETTLEMENT_FILE, JSON.stringify(settlementTopology(inputs.settlement.features))]);
	const { config } = inputs;
	const demo = config.demo.indicators || config.demo.lernorte || config.demo.population;
	writeCity(opts.outDir, opts.city, files, {
		id: config.id,
		name: config.name,
		geometry: config.geometry,
		demo,
		built: out.catalog.built,
		// The embed asks the index before it asks for a city's public files that may not exist.
		public: hasPublic
	});
	return {
		ok: true,
		summary: {
			city: opts.city,
			geometry: config.geometry,
			units: {
				stadtteil: out.values.units.stadtteil.length,
				stadtbezirk: out.values.units.stadtbezirk.length,
				bildungsregion: out.values.units.bildungsregion.length,
				stadt: out.values.units.stadt.length
			},
			indicators: out.catalog.indicators.length,
			years: [...new Set(out.catalog.indicators.flatMap((i) => i.years))].sort((a, b) => a - b),
			lernorte: out.lernorte.lernorte.length,
			...(out.catalog.settlement && { settlement: out.catalog.settlement }),
			files: files.map(([name, content]) => ({
				name: `${opts.city}/${name}`,
				bytes: Buffer.byteLength(content),
				gzipBytes: gzipSync(content, { level: 9 }).length
			})),
			warnings: out.warnings
		}
	};
}
