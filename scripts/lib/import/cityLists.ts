import { formatCsv, type CsvTable } from '../../../src/lib/domain/csv';
import type { CityConfig } from '../../../src/lib/domain/types';
import { SOURCE_FILES } from '../sources';
import type { CityDraft } from './cityDraft';
import { ImportError } from './types';

/** A Stadtteil as listed in stadtteile.csv. */
export interface StadtteilEntry {
	key: string;
	name: string;
	parent: string;
	lat: string;
	lon: string;
}

/** A Stadtbezirk as listed in stadtbezirke.csv, with any further columns (population …). */
export interface BezirkEntry {
	key: string;
	name: string;
	extra: Record<string, string>;
}

export const STADTTEIL_HEADER = ['nr', 'name', 'bezirk_nr', 'bezirk_name', 'lat', 'lon'] as const;
export const BEZIRK_HEADER = ['bezirk_nr', 'bezirk_name'] as const;

function records(table: CsvTable | undefined): Array<Record<string, string>> {
	if (!table) return [];
	return table.records.map((r) =>
		Object.fromEntries(table.header.map((h, i) => [h, (r.fields[i] ?? '').trim()]))
	);
}

/** The Stadtteile of a city as they stand (empty for a new city). */
export function readStadtteilList(draft: CityDraft): StadtteilEntry[] {
	return records(draft.csv(SOURCE_FILES.stadtteile)).map((r) => ({
		key: r.nr ?? '',
		name: r.name ?? '',
		parent: r.bezirk_nr ?? '',
		lat: r.lat ?? '',
		lon: r.lon ?? ''
	}));
}

/** The Stadtbezirke of a city as they stand, keeping columns beyond key and name. */
export function readBezirkList(draft: CityDraft): { entries: BezirkEntry[]; extraColumns: string[] } {
	const table = draft.csv(SOURCE_FILES.stadtbezirke);
	const extraColumns = (table?.header ?? []).filter((h) => !(BEZIRK_HEADER as readonly string[]).includes(h));
	const entries = records(table).map((r) => ({
		key: r.bezirk_nr ?? '',
		name: r.bezirk_name ?? '',
		extra: Object.fromEntries(extraColumns.map((c) => [c, r[c] ?? '']))
	}));
	return { entries, extraColumns };
}

export function writeStadtteilList(
	draft: CityDraft,
	list: readonly StadtteilEntry[],
	bezirke: readonly BezirkEntry[]
) {
	const names = new Map(bezirke.map((b) => [b.key, b.name]));
	draft.write(
		SOURCE_FILES.stadtteile,
		formatCsv(
			STADTTEIL_HEADER,
			list.map((s) => [s.key, s.name, s.parent, names.get(s.parent) ?? '', s.lat, s.lon])
		)
	);
}

export function writeBezirkList(
	draft: CityDraft,
	list: readonly BezirkEntry[],
	extraColumns: readonly string[]
) {
	draft.write(
		SOURCE_FILES.stadtbezirke,
		formatCsv(
			[...BEZIRK_HEADER, ...extraColumns],
			list.map((b) => [b.key, b.name, ...extraColumns.map((c) => b.extra[c] ?? '')])
		)
	);
}

/** city.json of the draft; a city without one was never set up. */
export function readCityConfig(draft: CityDraft): CityConfig {
	const config = draft.json<CityConfig>(SOURCE_FILES.city);
	if (!config)
		throw new ImportError({
			file: draft.name(SOURCE_FILES.city),
			message: `Die Stadt „${draft.city}“ ist noch nicht angelegt`,
			hint: `Erst mit npm run import -- init ${draft.city} anlegen`
		});
	return config;
}

/**
 * Pairs the keys of a file with the keys a city already has, tolerating leading zeros
 * ("007" and "7" are the same area). `keyIndex(['7', '12']).get('007')` -> '7'.
 */
export function keyIndex(keys: Iterable<string>): { get(raw: string): string | undefined } {
	const exact = new Set(keys);
	const loose = new Map<string, string>();
	for (const k of exact) loose.set(stripZeros(k), k);
	return { get: (raw) => (exact.has(raw) ? raw : loose.get(stripZeros(raw))) };
}

/** A numeric key without leading zeros (`stripZeros('007')` -> '7'); other keys unchanged. */
export function stripZeros(key: string): string {
	return /^\d+$/.test(key) ? key.replace(/^0+(?=\d)/, '') : key;
}

const isCoordinate = (v: number) => Number.isFinite(v) && v !== 0;

/** The city's position (mean of its Stadtteil points, WGS84), to tell UTM zones apart; undefined for a new city. */
export function cityPosition(stadtteile: readonly StadtteilEntry[]): [number, number] | undefined {
	const points = stadtteile
		.map((s) => [Number(s.lon), Number(s.lat)] as const)
		.filter(([x, y]) => isCoordinate(x) && isCoordinate(y));
	if (points.length === 0) return undefined;
	const mean = (i: 0 | 1) => points.reduce((sum, p) => sum + p[i], 0) / points.length;
	return [mean(0), mean(1)];
}
