import { pointOnFeature } from '@turf/turf';
import { formatCount, formatNumber } from '../../../src/lib/domain/format';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { CityConfig, Level } from '../../../src/lib/domain/types';
import { buildAreaTopology } from '../../../src/lib/geo/areaTopology';
import { addRepairs, checkPolygon, noRepairs, repairsText } from '../../../src/lib/geo/checkPolygon';
import { crsLabel, reprojectGeometry } from '../../../src/lib/geo/crs';
import { createAreaLocator } from '../../../src/lib/geo/locate';
import { addMergedLevel, areaGeometries, decodeAreas } from '../../../src/lib/geo/topology';
import { SOURCE_FILES } from '../sources';
import type { CityDraft } from './cityDraft';
import {
	cityPosition,
	keyIndex,
	stripZeros,
	readBezirkList,
	readCityConfig,
	readStadtteilList,
	writeBezirkList,
	writeStadtteilList,
	type BezirkEntry,
	type StadtteilEntry
} from './cityLists';
import { firstField, keyText, matchField, nameText } from './fields';
import { readFeatureFile } from './formats';
import { kiloBytes, type ImportReport, type Progress } from './report';
import { areaSourceCrs } from './resolveCrs';
import { ImportError, type FeatureSource, type ValidationIssue } from './types';

export interface BoundaryOptions {
	file: string;
	level: Level;
	layer?: string;
	idField?: string;
	nameField?: string;
	parentField?: string;
	/** Overrides the CRS the file states (`EPSG:25832`, `31467`, …). */
	crs?: string;
	/** Simplification tolerance in metres (0 = none). */
	simplify: number;
	/** Attribution of the geometry; required when the city switches from schematic to official. */
	attribution?: string;
	/** Take the file's areas as the new list of keys instead of requiring the city's existing ones. */
	newKeys?: boolean;
	progress?: Progress;
}

/** Field names tried, in order, when no --id-field / --name-field / --parent-field is given. */
const FIELD_GUESSES: Record<Level, { id: string[]; name: string[]; parent: string[] }> = {
	stadtteil: {
		id: ['STADTTEILNR', 'stadtteil_nr', 'stt_nr', 'nr', 'schluessel', 'schlüssel', 'key', 'id'],
		name: ['STADTTEILNAME', 'stadtteil_name', 'stt_name', 'stadtteil', 'name', 'bezeichnung', 'gen'],
		parent: [
			'STADTBEZIRKNR',
			'stadtbezirk_nr',
			'bezirk_nr',
			'bez_nr',
			'stb_nr',
			'sbz_nr',
			'bezirknr',
			'bezirk',
			'bez'
		]
	},
	stadtbezirk: {
		id: [
			'STADTBEZIRKNR',
			'stadtbezirk_nr',
			'bezirk_nr',
			'bez_nr',
			'stb_nr',
			'sbz_nr',
			'nr',
			'schluessel',
			'schlüssel',
			'key',
			'id'
		],
		name: [
			'STADTBEZIRKNAME',
			'stadtbezirk_name',
			'bezirk_name',
			'bez_name',
			'stb_name',
			'sbz_name',
			'stadtbezirk',
			'name',
			'bezeichnung',
			'gen'
		],
		parent: []
	}
};

const LEVEL_LABEL: Record<Level, { one: string; many: string; file: string }> = {
	stadtteil: { one: 'Stadtteil', many: 'Stadtteile', file: SOURCE_FILES.stadtteile },
	stadtbezirk: { one: 'Stadtbezirk', many: 'Stadtbezirke', file: SOURCE_FILES.stadtbezirke }
};

/** An area read from a boundary file, reprojected and checked. */
interface ImportedArea {
	key: string;
	name: string;
	parent?: string;
	geometry: Polygon | MultiPolygon;
	index: number;
}

/** What a field must hold: keys (mostly whole numbers) or names (not only numbers). */
type FieldRole = 'key' | 'name';

/** Whether most values of a field suit its role; decides between dBASE-cut look-alikes. */
function fieldSuits(source: FeatureSource, field: string, role: FieldRole): boolean {
	const values = source.features.slice(0, 200).map((f) => keyText(f.properties[field]));
	const present = values.filter((v): v is string => v !== undefined);
	if (present.length === 0) return false;
	const numeric = present.filter((v) => /^\d+$/.test(v)).length;
	return role === 'key' ? numeric >= present.length * 0.9 : numeric < present.length;
}

function resolveField(
	source: FeatureSource,
	given: string | undefined,
	guesses: readonly string[],
	role: FieldRole,
	claimed: readonly (string | undefined)[],
	what: string,
	option: string,
	required: boolean
): string | undefined {
	const where = source.layer ? `${source.file} (Ebene ${source.layer})` : source.file;
	const free = (f: string) => !claimed.includes(f);
	if (given !== undefined) {
		// A given name is taken even when its values look odd; the checks below report them.
		const found =
			matchField(source.fields, given, (f) => free(f) && fieldSuits(source, f, role)) ??
			matchField(source.fields, given, free);
		if (!found)
			throw new ImportError({
				file: where,
				column: given,
				message: `Feld „${given}“ (${what}) gibt es nicht; vorhanden: ${source.fields.join(', ') || 'keine Felder'}`,
				hint: `Ein vorhandenes Feld mit ${option} angeben`
			});
		return found;
	}
	// Values that do not suit (a text key) are reported row by row below.
	const found =
		firstField(source.fields, guesses, (f) => free(f) && fieldSuits(source, f, role)) ??
		(required ? firstField(source.fields, guesses, free) : undefined);
	if (!found && required)
		throw new ImportError({
			file: where,
			message: `Kein Feld für ${what} gefunden; vorhanden: ${source.fields.join(', ') || 'keine Felder'}`,
			hint: `Das Feld mit ${option} angeben, z. B. ${option} ${source.fields[0] ?? 'NAME'}`
		});
	return found;
}

/**
 * Reads a boundary file into checked WGS84 areas of one level: fields resolved (dBASE-cut
 * names included), keys unique and numeric, CRS resolved and plausible, every geometry
 * validated and cleaned. All problems of the file are collected into one ImportError.
 */
async function readAreas(
	opts: BoundaryOptions,
	stadtteile: readonly StadtteilEntry[],
	warnings: string[],
	facts: ImportReport['facts']
): Promise<ImportedArea[]> {
	const progress = opts.progress ?? (() => {});
	progress(`Lese ${opts.file} …`);
	const source = await readFeatureFile(opts.file, opts.layer !== undefined ? { layer: opts.layer } : {});
	const where = source.layer ? `${source.file} (Ebene ${source.layer})` : source.file;
	const guesses = FIELD_GUESSES[opts.level];
	const label = LEVEL_LABEL[opts.level];
	const idField = resolveField(
		source,
		opts.idField,
		guesses.id,
		'key',
		[],
		'den Gebietsschlüssel',
		'--id-field',
		true
	)!;
	const nameField = resolveField(
		source,
		opts.nameField,
		guesses.name,
		'name',
		[idField],
		'den Gebietsnamen',
		'--name-field',
		true
	)!;
	const parentField =
		opts.level === 'stadtteil'
			? resolveField(
					source,
					opts.parentField,
					guesses.parent,
					'key',
					[idField, nameField],
					'den Stadtbezirk',
					'--parent-field',
					false
				)
			: undefined;

	const crs = areaSourceCrs(source, where, opts.crs, cityPosition(stadtteile));
	const transform = crs.transform;
	facts.push(
		['Datei', `${source.file}${source.layer ? ` (Ebene ${source.layer})` : ''}, ${source.format}`],
		['Felder', `Schlüssel ${idField}, Name ${nameField}${parentField ? `, Stadtbezirk ${parentField}` : ''}`],
		['Koordinatensystem', `${crsLabel(crs.epsg)}, aus ${crs.origin}`]
	);

	const issues: ValidationIssue[] = [];
	const seen = new Map<string, number>();
	const areas: ImportedArea[] = [];
	const repairs = noRepairs();
	const total = source.features.length;
	for (const f of source.features) {
		if (total >= 2000 && f.index % 2000 === 0)
			progress(`  prüfe Geometrien … ${formatCount(f.index)} von ${formatCount(total)}`);
		const key = keyText(f.properties[idField]);
		const at = { file: where, row: f.index };
		const objekt = `Objekt ${f.index}${key ? ` (Schlüssel ${key})` : ''}`;
		if (key === undefined) {
			issues.push({
				...at,
				column: idField,
				message: `${objekt}: Schlüssel fehlt`,
				hint: `Schlüssel im Feld ${idField} eintragen`
			});
			continue;
		}
		if (!/^\d+$/.test(key)) {
			issues.push({
				...at,
				column: idField,
				message: `${objekt}: Schlüssel „${key}“ ist keine Zahl`,
				hint: `Das Feld mit den amtlichen ${label.one}nummern mit --id-field angeben`
			});
			continue;
		}
		// "011" and "11" are the same area.
		const first = seen.get(stripZeros(key));
		if (first !== undefined) {
			issues.push({
				...at,
				column: idField,
				message: `${objekt}: Schlüssel ${key} kommt doppelt vor (zuerst Objekt ${first})`,
				hint: 'Doppelte Objekte in der Quelldatei zusammenführen (z. B. QGIS „Auflösen“) oder Schlüssel korrigieren'
			});
			continue;
		}
		seen.set(stripZeros(key), f.index);
		const name = nameText(f.properties[nameField]);
		if (name === undefined) {
			issues.push({
				...at,
				column: nameField,
				message: `${objekt}: Name fehlt`,
				hint: `Namen im Feld ${nameField} eintragen`
			});
			continue;
		}
		const checked = checkPolygon(f.geometry && reprojectGeometry(f.geometry, transform));
		addRepairs(repairs, checked.repairs);
		for (const finding of checked.findings) {
			if (finding.severity === 'error')
				issues.push({ ...at, message: `${objekt} ${finding.message}`, hint: finding.hint });
			else warnings.push(`${where}, ${objekt}: ${finding.message} – ${finding.hint}`);
		}
		if (!checked.geometry) continue;
		const area: ImportedArea = { key, name, geometry: checked.geometry, index: f.index };
		if (parentField) {
			const parent = keyText(f.properties[parentField]);
			if (parent === undefined || !/^\d+$/.test(parent)) {
				issues.push({
					...at,
					column: parentField,
					message: `${objekt}: Stadtbezirk „${parent ?? ''}“ fehlt oder ist keine Zahl`,
					hint: 'Die Stadtbezirksnummer im Feld eintragen oder ein anderes Feld mit --parent-field angeben'
				});
				continue;
			}
			area.parent = parent;
		}
		areas.push(area);
	}
	if (issues.length > 0) throw new ImportError(issues);
	facts.push(
		['Objekte', `${formatCount(areas.length)} ${areas.length === 1 ? label.one : label.many}`],
		['Geometrie', repairsText(repairs)]
	);
	return areas;
}

/**
 * Matches the file's keys to the city's keys (leading zeros tolerated). With a non-empty
 * list and without `newKeys`, every key must be known and every known key present.
 */
function matchKeys<T extends { key: string; index: number }>(
	areas: T[],
	existing: readonly string[],
	newKeys: boolean,
	file: string,
	listFile: string,
	levelLabel: { one: string; many: string }
): T[] {
	if (existing.length === 0 || newKeys) return areas;
	const index = keyIndex(existing);
	const issues: ValidationIssue[] = [];
	const matched: T[] = [];
	const found = new Set<string>();
	for (const a of areas) {
		const key = index.get(a.key);
		if (key === undefined) {
			issues.push({
				file,
				row: a.index,
				message: `Objekt ${a.index}: ${levelLabel.one} ${a.key} steht nicht in ${listFile}`,
				hint: `Schlüssel prüfen; soll die Datei die Liste der ${levelLabel.many} ersetzen, mit --new-keys importieren`
			});
			continue;
		}
		found.add(key);
		matched.push({ ...a, key });
	}
	const missing = existing.filter((k) => !found.has(k));
	if (missing.length > 0)
		issues.push({
			file,
			message: `${missing.length} ${missing.length === 1 ? levelLabel.one : levelLabel.many} aus ${listFile} fehlen in der Datei: ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ' …' : ''}`,
			hint: `Vollständige Ebene importieren; soll die Datei die Liste ersetzen, mit --new-keys importieren`
		});
	if (issues.length > 0) throw new ImportError(issues);
	return matched;
}

/**
 * What both boundary imports start from: the city as it stands and the file's areas of
 * `opts.level`, read, checked and matched to the city's keys of that level.
 */
async function readLevel(draft: CityDraft, opts: BoundaryOptions) {
	const config = readCityConfig(draft);
	const stadtteile = readStadtteilList(draft);
	const { entries: bezirke, extraColumns } = readBezirkList(draft);
	const warnings: string[] = [];
	const facts: ImportReport['facts'] = [];
	const read = await readAreas(opts, stadtteile, warnings, facts);
	const where = opts.layer ? `${opts.file} (Ebene ${opts.layer})` : opts.file;
	const existing = opts.level === 'stadtteil' ? stadtteile.map((s) => s.key) : bezirke.map((b) => b.key);
	const file = opts.level === 'stadtteil' ? SOURCE_FILES.stadtteile : SOURCE_FILES.stadtbezirke;
	const areas = matchKeys(
		read,
		existing,
		opts.newKeys ?? false,
		where,
		draft.name(file),
		LEVEL_LABEL[opts.level]
	);
	return { config, stadtteile, bezirke, extraColumns, warnings, facts, where, areas };
}

/**
 * `import boundaries … --level stadtteil`: the file becomes the city's official Stadtteil
 * geometry. One topology is built and simplified once; the Stadtbezirke are merged from their
 * Stadtteile so that both levels share every border exactly. stadtteile.csv gets the keys,
 * names, Bezirke and an interior point of each area; city.json switches to official geometry.
 */
export async function importStadtteile(draft: CityDraft, opts: BoundaryOptions): Promise<ImportReport> {
	const progress = opts.progress ?? (() => {});
	const { config, stadtteile, bezirke, extraColumns, warnings, facts, where, areas } = await readLevel(
		draft,
		opts
	);

	// The Bezirk of every Stadtteil: from the file when it names one, else from the city's list.
	const known = new Map(stadtteile.map((s) => [s.key, s]));
	const bezirkIndex = keyIndex(bezirke.map((b) => b.key));
	const newBezirke = new Map<string, BezirkEntry>();
	const issues: ValidationIssue[] = [];
	const unplaced: string[] = [];
	for (const a of areas) {
		if (a.parent !== undefined) {
			// A new city takes its Bezirke from the file; "01" and "1" are still one Bezirk.
			const parent =
				bezirke.length > 0
					? bezirkIndex.get(a.parent)
					: (keyIndex(newBezirke.keys()).get(a.parent) ?? a.parent);
			if (parent === undefined) {
				issues.push({
					file: where,
					row: a.index,
					message: `Objekt ${a.index} (Schlüssel ${a.key}): Stadtbezirk ${a.parent} steht nicht in ${draft.name(SOURCE_FILES.stadtbezirke)}`,
					hint: 'Erst die Stadtbezirke importieren (--level stadtbezirk) oder das Feld mit --parent-field prüfen'
				});
				continue;
			}
			a.parent = parent;
			if (bezirke.length === 0 && !newBezirke.has(parent))
				newBezirke.set(parent, { key: parent, name: `Stadtbezirk ${parent}`, extra: {} });
		} else {
			const parent = known.get(a.key)?.parent;
			if (parent) a.parent = parent;
			else unplaced.push(a.key);
		}
	}
	if (unplaced.length > 0)
		issues.push({
			file: where,
			message: `Zu welchem Stadtbezirk ${unplaced.length === 1 ? 'Stadtteil' : 'die Stadtteile'} ${unplaced.slice(0, 10).join(', ')}${unplaced.length > 10 ? ' …' : ''} gehör${unplaced.length === 1 ? 't' : 'en'}, ist unbekannt; die Datei hat kein erkanntes Bezirksfeld`,
			hint: `Das Feld mit der Stadtbezirksnummer mit --parent-field angeben (vorhandene Felder stehen in der Zusammenfassung der Datei)`
		});
	if (issues.length > 0) throw new ImportError(issues);
	const bezirkList =
		bezirke.length > 0 ? bezirke : [...newBezirke.values()].sort((a, b) => Number(a.key) - Number(b.key));
	if (newBezirke.size > 0)
		warnings.push(
			`${newBezirke.size} Stadtbezirke nur mit Nummer angelegt – Namen mit „import boundaries <datei> --level stadtbezirk“ ergänzen`
		);
	const empty = bezirkList.filter((b) => !areas.some((a) => a.parent === b.key));
	if (empty.length > 0)
		throw new ImportError({
			file: where,
			message: `Stadtbezirk(e) ohne Stadtteile: ${empty.map((b) => `${b.key} ${b.name}`).join(', ')}`,
			hint: 'Vollständige Stadtteilebene importieren oder stadtbezirke.csv prüfen'
		});

	progress(`Baue Topologie aus ${formatCount(areas.length)} Flächen …`);
	const ordered = [...areas].sort((a, b) => Number(a.key) - Number(b.key));
	const { topology: stadtteilTopo, stats } = buildAreaTopology(
		'stadtteil',
		ordered.map((a) => ({
			type: 'Feature',
			id: a.key,
			properties: { name: a.name, parent: a.parent },
			geometry: a.geometry
		})),
		{ toleranceMetres: opts.simplify, quantization: 1e5 }
	);
	const topology = addMergedLevel(stadtteilTopo, 'stadtteil', 'stadtbezirk', bezirkList);
	facts.push(
		[
			'Vereinfachung',
			opts.simplify > 0
				? `Toleranz ${formatNumber(opts.simplify)} m, topologieerhaltend (gemeinsame Grenzen bleiben gemeinsam)`
				: 'keine'
		],
		['Stützpunkte', `${formatCount(stats.verticesBefore)} → ${formatCount(stats.verticesAfter)}`],
		[
			'Größe',
			`${kiloBytes(stats.bytesBefore)} GeoJSON → ${kiloBytes(JSON.stringify(topology).length)} TopoJSON`
		]
	);

	// An interior point of every area (on the simplified geometry, which the map shows).
	const points = new Map(
		decodeAreas(topology, 'stadtteil').map((f) => {
			const [lon, lat] = pointOnFeature(f).geometry.coordinates;
			return [String(f.id), { lon: lon!.toFixed(5), lat: lat!.toFixed(5) }];
		})
	);
	const list: StadtteilEntry[] = ordered.map((a) => ({
		key: a.key,
		name: a.name,
		parent: a.parent!,
		...points.get(a.key)!
	}));
	const renamed = ordered.filter((a) => known.has(a.key) && known.get(a.key)!.name !== a.name);
	if (renamed.length > 0)
		warnings.push(
			`${renamed.length} Stadtteilnamen aus der Datei übernommen, z. B. „${known.get(renamed[0]!.key)!.name}“ → „${renamed[0]!.name}“`
		);

	const attribution = opts.attribution ?? (config.geometry === 'official' ? config.attribution : undefined);
	if (!attribution)
		throw new ImportError({
			file: '--attribution',
			message: 'Quellenvermerk der Gebietsgrenzen fehlt',
			hint: 'Mit --attribution angeben, z. B. --attribution "Stadt Musterstadt – Vermessungsamt, dl-de/by-2-0"'
		});
	const next: CityConfig = {
		...config,
		geometry: 'official',
		attribution,
		levels: config.levels.map((l) => ({
			...l,
			count: l.id === 'stadtteil' ? list.length : l.id === 'stadtbezirk' ? bezirkList.length : l.count
		}))
	};
	draft.writeJson(SOURCE_FILES.topology, topology, true);
	writeStadtteilList(draft, list, bezirkList);
	if (bezirke.length === 0) writeBezirkList(draft, bezirkList, extraColumns);
	draft.writeJson(SOURCE_FILES.city, next);
	return {
		title: `Stadtteilgrenzen für ${config.name} importiert`,
		facts,
		warnings,
		changes: [],
		dryRun: false
	};
}

/**
 * `import boundaries … --level stadtbezirk`: keys and names of the Stadtbezirke go into
 * stadtbezirke.csv (further columns such as population are kept). Their borders are not
 * stored: they are merged from the Stadtteile, so both levels share every border exactly.
 * Where Stadtteile exist, each Stadtteil's interior point is checked against the Bezirk
 * polygons, and disagreements are reported.
 */
export async function importStadtbezirke(draft: CityDraft, opts: BoundaryOptions): Promise<ImportReport> {
	const { config, stadtteile, bezirke, extraColumns, warnings, facts, where, areas } = await readLevel(
		draft,
		opts
	);

	const old = new Map(bezirke.map((b) => [b.key, b]));
	const list: BezirkEntry[] = [...areas]
		.sort((a, b) => Number(a.key) - Number(b.key))
		.map((a) => ({ key: a.key, name: a.name, extra: old.get(a.key)?.extra ?? {} }));
	const renamed = list.filter((b) => old.has(b.key) && old.get(b.key)!.name !== b.name);
	if (renamed.length > 0)
		warnings.push(
			`${renamed.length} Bezirksnamen aus der Datei übernommen, z. B. „${old.get(renamed[0]!.key)!.name}“ → „${renamed[0]!.name}“`
		);

	// Do the Stadtteile lie in the Bezirk they are listed under?
	const locate = createAreaLocator(
		areas.map((a) => ({ type: 'Feature' as const, id: a.key, properties: {}, geometry: a.geometry }))
	).locate;
	let checkedPoints = 0;
	for (const s of stadtteile) {
		const lon = Number(s.lon);
		const lat = Number(s.lat);
		if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
		checkedPoints++;
		const inside = locate(lon, lat);
		if (inside !== undefined && keyIndex([s.parent]).get(inside) === undefined)
			warnings.push(
				`Stadtteil ${s.key} ${s.name} liegt in Stadtbezirk ${inside}, steht aber unter Bezirk ${s.parent}`
			);
	}
	if (checkedPoints > 0)
		facts.push(['Abgleich', `${checkedPoints} Stadtteilpunkte mit den Bezirksflächen verglichen`]);

	// The Stadtteile keep their Bezirk under its key as the file writes it ("1" -> "01").
	const listIndex = keyIndex(list.map((b) => b.key));
	const orphans = stadtteile.filter((s) => listIndex.get(s.parent) === undefined);
	const placed = stadtteile.map((s) => ({ ...s, parent: listIndex.get(s.parent) ?? s.parent }));
	const empty = stadtteile.length > 0 ? list.filter((b) => !placed.some((s) => s.parent === b.key)) : [];
	if (orphans.length > 0 || empty.length > 0)
		throw new ImportError([
			...(orphans.length > 0
				? [
						{
							file: where,
							message: `Die Stadtbezirke ${[...new Set(orphans.map((s) => s.parent))].join(', ')} fehlen in der Datei, haben aber Stadtteile (${orphans
								.slice(0, 10)
								.map((s) => `${s.key} ${s.name}`)
								.join(', ')}${orphans.length > 10 ? ' …' : ''})`,
							hint: 'Vollständige Bezirksebene importieren oder zuerst die Stadtteile mit ihren neuen Bezirken importieren'
						}
					]
				: []),
			...empty.map((b) => ({
				file: where,
				row: areas.find((a) => a.key === b.key)?.index,
				message: `Stadtbezirk ${b.key} ${b.name} hat keine Stadtteile in ${draft.name(SOURCE_FILES.stadtteile)}`,
				hint: 'Schlüssel prüfen; neue Bezirke erst zusammen mit ihren Stadtteilen importieren (--level stadtteil --parent-field …)'
			}))
		]);

	writeBezirkList(draft, list, extraColumns);
	if (stadtteile.length > 0) writeStadtteilList(draft, placed, list);
	if (draft.exists(SOURCE_FILES.topology)) {
		// Same borders, new names: merge the Bezirke again from the Stadtteile.
		const topology = draft.json<Topology>(SOURCE_FILES.topology)!;
		const parentOf = new Map(placed.map((s) => [s.key, s.parent]));
		for (const g of areaGeometries(topology, 'stadtteil'))
			g.properties = { ...g.properties, name: g.properties?.name ?? g.id, parent: parentOf.get(g.id) };
		draft.writeJson(SOURCE_FILES.topology, addMergedLevel(topology, 'stadtteil', 'stadtbezirk', list), true);
	}
	draft.writeJson(SOURCE_FILES.city, {
		...config,
		levels: config.levels.map((l) => (l.id === 'stadtbezirk' ? { ...l, count: list.length } : l))
	});
	facts.push([
		'Grenzen',
		'Bezirksgrenzen entstehen aus den Stadtteilen (gleiche Grenzlinien auf beiden Ebenen)'
	]);
	return { title: `Stadtbezirke für ${config.name} importiert`, facts, warnings, changes: [], dryRun: false };
}
