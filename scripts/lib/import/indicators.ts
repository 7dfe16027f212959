import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatCsv } from '../../../src/lib/domain/csv';
import { formatCount } from '../../../src/lib/domain/format';
import type { CityConfig } from '../../../src/lib/domain/types';
import type { IndicatorSource } from '../../../src/lib/domain/validateSources';
import { SOURCE_FILES } from '../sources';
import type { CityDraft } from './cityDraft';
import { readBezirkList, readCityConfig, readStadtteilList } from './cityLists';
import {
	importIndicatorTable,
	INDICATOR_CSV_HEADER,
	formatIndicatorRow,
	type ImportedIndicatorRow
} from './indicatorTable';
import { type ImportReport, type Progress } from './report';
import { ImportError } from './types';

export interface IndicatorImportOptions {
	file: string;
	/** `--indicator`: the indicator of a table that does not name it (a filter otherwise). */
	indicator?: string;
	/** `--year`: the year of a table that does not name one (a filter otherwise). */
	year?: string;
	/** `--source`: the citation of the values; required when an indicator stops being demo data. */
	source?: string;
	/** Catalog whose definitions a new city may take over (default: the Stuttgart demo's). */
	templateCity?: string;
	progress?: Progress;
}

/** Reads the bytes of a user's file; a missing path or a folder is an ImportError. */
export function readUserFile(file: string, what: string): Uint8Array {
	if (!existsSync(file) || !statSync(file).isFile())
		throw new ImportError({
			file,
			message: `${what} nicht gefunden`,
			hint: 'Pfad prüfen (relativ zum Projektordner oder absolut)'
		});
	return readFileSync(file);
}

const ENCODING_LABEL: Record<string, string> = {
	'utf-8': 'UTF-8',
	'utf-8-bom': 'UTF-8 mit BOM',
	'utf-16le': 'UTF-16 LE',
	'utf-16be': 'UTF-16 BE',
	'windows-1252': 'Windows-1252'
};
const DELIMITER_LABEL: Record<string, string> = { ';': 'Semikolon', ',': 'Komma', '\t': 'Tabulator' };
const LAYOUT_LABEL: Record<string, string> = {
	long: 'lang (eine Zeile je Gebiet, Indikator und Jahr)',
	'wide-years': 'breit (eine Spalte je Jahr)',
	'wide-indicators': 'breit (eine Spalte je Indikator)'
};

/**
 * Catalog definitions another city already has (by default the Stuttgart demo), so a new city
 * can import a standard indicator without writing its definition by hand. Their `source` and
 * `demo` never carry over: the import sets them.
 */
function templateDefinitions(draft: CityDraft, templateCity: string): IndicatorSource[] {
	if (templateCity === draft.city) return [];
	const path = join(draft.geodataDir, templateCity, SOURCE_FILES.catalog);
	if (!existsSync(path)) return [];
	try {
		const parsed = JSON.parse(readFileSync(path, 'utf8')) as { indicators?: IndicatorSource[] };
		return Array.isArray(parsed.indicators) ? parsed.indicators : [];
	} catch {
		return [];
	}
}

/**
 * `import indicators <file.csv>`: values from a statistics office's or Excel's table go into
 * indicators.csv as counts (numerator and denominator). Values for the same indicator, year
 * and Stadtteil are replaced; an indicator that held demo data loses all its demo values and
 * its demo mark, and needs the official source (`--source`).
 */
export async function importIndicators(
	draft: CityDraft,
	opts: IndicatorImportOptions
): Promise<ImportReport> {
	const progress = opts.progress ?? (() => {});
	const config = readCityConfig(draft);
	const catalog = draft.json<{ indicators: IndicatorSource[] }>(SOURCE_FILES.catalog) ?? { indicators: [] };
	if (!Array.isArray(catalog.indicators))
		throw new ImportError({
			file: draft.name(SOURCE_FILES.catalog),
			message: 'Liste der Indikatoren fehlt',
			hint: '{ "indicators": [ ... ] } angeben (oder die Datei aus der Versionsverwaltung wiederherstellen), dann erneut importieren'
		});
	const own = new Map(catalog.indicators.map((i) => [i.id, i]));
	const templates = templateDefinitions(draft, opts.templateCity ?? 'stuttgart').filter(
		(t) => !own.has(t.id)
	);
	const stadtteile = readStadtteilList(draft);
	if (stadtteile.length === 0)
		throw new ImportError({
			file: draft.name(SOURCE_FILES.stadtteile),
			message: 'Die Stadt hat noch keine Stadtteile',
			hint: `Erst die Gebietsgrenzen importieren: npm run import -- boundaries <datei> --city ${draft.city} --level stadtteil`
		});
	let year: number | undefined;
	if (opts.year !== undefined) {
		year = Number(opts.year);
		if (!/^\d{4}$/.test(opts.year))
			throw new ImportError({
				file: '--year',
				message: `„${opts.year}“ ist kein Jahr`,
				hint: 'Vierstellig angeben, z. B. --year 2024'
			});
	}
	// A blank citation is no citation: the indicator would become official without a source.
	const source = opts.source?.trim();
	if (source === '')
		throw new ImportError({
			file: '--source',
			message: '--source ist leer',
			hint: 'Die amtliche Quelle angeben, z. B. --source "Statistisches Amt, Kinder- und Jugendhilfestatistik 2024"'
		});
	const definitions = [...catalog.indicators, ...templates];
	if (opts.indicator !== undefined && !definitions.some((d) => d.id === opts.indicator))
		throw new ImportError({
			file: '--indicator',
			message: `Indikator „${opts.indicator}“ steht nicht im Katalog ${draft.name(SOURCE_FILES.catalog)}`,
			hint: `Eine der IDs angeben: ${definitions.map((d) => d.id).join(', ') || '(Katalog leer)'}; neue Indikatoren erst im Katalog beschreiben`
		});

	progress(`Lese ${opts.file} …`);
	const bytes = readUserFile(opts.file, 'Datei');
	const result = importIndicatorTable(bytes, {
		file: opts.file,
		indicators: definitions,
		units: stadtteile.map((s) => ({ key: s.key, name: s.name })),
		aggregateUnits: readBezirkList(draft).entries.map((b) => ({ key: b.key, name: b.name })),
		keyPrefix: /^\d{8}$/.test(config.ags) && config.ags !== '00000000' ? config.ags : undefined,
		indicator: opts.indicator,
		year
	});
	if (result.issues.length > 0) throw new ImportError(result.issues);
	if (result.rows.length === 0)
		throw new ImportError({
			file: opts.file,
			message: 'Die Tabelle enthält keine Werte',
			hint: 'Datei prüfen; mit --indicator und --year angeben, was sie enthält, wenn es nicht in der Tabelle steht'
		});

	// Catalog: new definitions from the template; demo marks go, sources are set.
	const imported = [...new Set(result.rows.map((r) => r.indicator))];
	const notes: string[] = [...result.notes];
	const entries = new Map(catalog.indicators.map((i) => [i.id, { ...i }]));
	for (const id of imported) {
		let entry = entries.get(id);
		const wasDemo = entry?.demo ?? false;
		if (!entry) {
			entry = { ...templates.find((t) => t.id === id)!, demo: false, source: source ?? '' };
			entries.set(id, entry);
			notes.push(`Indikator ${id} aus der Vorlage in den Katalog übernommen`);
		}
		if (source !== undefined) entry.source = source;
		else if (wasDemo || entry.source === '' || /demodaten/i.test(entry.source))
			throw new ImportError({
				file: '--source',
				message: `Quelle für „${entry.title}“ (${id}) fehlt: ${wasDemo ? 'der Indikator war als Demodaten gekennzeichnet' : 'der Katalog nennt keine'}`,
				hint: 'Die amtliche Quelle mit --source angeben, z. B. --source "Statistisches Amt, Kinder- und Jugendhilfestatistik 2024"'
			});
		entry.demo = false;
		if (wasDemo)
			notes.push(`Demowerte von ${id} entfernt; der Indikator ist jetzt amtlich (${entry.source})`);
	}

	// indicators.csv: drop what the import replaces, then sort like the demo file.
	const replacedDemo = new Set(imported.filter((id) => own.get(id)?.demo));
	const fresh = new Set(result.rows.map((r) => `${r.indicator}|${r.year}|${r.area}`));
	const table = draft.csv(SOURCE_FILES.indicators);
	const header = table?.header ?? [...INDICATOR_CSV_HEADER];
	const col = (name: string) => header.indexOf(name);
	let replaced = 0;
	const kept = (table?.records ?? []).filter((r) => {
		const indicator = r.fields[col('indicator')] ?? '';
		if (replacedDemo.has(indicator)) return false;
		const key = `${indicator}|${r.fields[col('year')] ?? ''}|${r.fields[col('area')] ?? ''}`;
		if (fresh.has(key)) replaced++;
		return !fresh.has(key);
	});
	// Further columns (notes …) stay with their rows; imported rows leave them empty.
	const extras = header.filter((h) => !(INDICATOR_CSV_HEADER as readonly string[]).includes(h));
	const outHeader = [...INDICATOR_CSV_HEADER, ...extras];
	const order = [...entries.keys()];
	const areaOrder = new Map(stadtteile.map((s, i) => [s.key, i]));
	const rows: string[][] = [
		...kept.map((r) => outHeader.map((h) => r.fields[col(h)] ?? '')),
		...result.rows.map((r) => [...formatIndicatorRow(r), ...extras.map(() => '')])
	].sort(
		(a, b) =>
			order.indexOf(a[0]!) - order.indexOf(b[0]!) ||
			Number(a[1]) - Number(b[1]) ||
			(areaOrder.get(a[2]!) ?? 0) - (areaOrder.get(b[2]!) ?? 0)
	);
	draft.write(SOURCE_FILES.indicators, formatCsv(outHeader, rows));
	const nextCatalog = { ...catalog, indicators: [...entries.values()] };
	draft.writeJson(SOURCE_FILES.catalog, nextCatalog);
	const anyDemo = nextCatalog.indicators.some((i) => i.demo);
	if (config.demo.indicators !== anyDemo)
		draft.writeJson(SOURCE_FILES.city, {
			...config,
			demo: { ...config.demo, indicators: anyDemo }
		} satisfies CityConfig);

	const counts = { number: 0, suppressed: 0, missing: 0 };
	for (const r of result.rows) counts[r.numerator.kind]++;
	const areas = new Set(result.rows.map((r) => r.area));
	const years = [...new Set(result.rows.map((r) => r.year))].sort((a, b) => a - b);
	const derived = result.rows.filter((r: ImportedIndicatorRow) => r.derived).length;
	return {
		title: `Indikatorwerte für ${config.name} importiert`,
		facts: [
			[
				'Datei',
				`${opts.file} (${ENCODING_LABEL[result.encoding] ?? result.encoding}, Trennzeichen ${DELIMITER_LABEL[result.delimiter] ?? result.delimiter})`
			],
			['Aufbau', LAYOUT_LABEL[result.layout] ?? result.layout],
			...(result.skipped.length > 0
				? [
						[
							'Übersprungen',
							`${result.skipped.length} Zeilen über oder unter der Tabelle (Titel, Fußnoten)`
						] as [string, string]
					]
				: []),
			['Indikatoren', imported.join(', ')],
			['Jahre', years.join(', ')],
			['Gebiete', `${areas.size} von ${stadtteile.length} Stadtteilen zugeordnet`],
			[
				'Werte',
				`${formatCount(result.rows.length)} (${formatCount(counts.number)} Zahlen, ${formatCount(counts.suppressed)} geheim gehalten, ${formatCount(counts.missing)} ohne Daten${derived ? `, ${derived} Zähler aus Quote und Nenner berechnet` : ''})`
			],
			[
				'Ersetzt',
				replacedDemo.size > 0
					? `alle Demowerte von ${[...replacedDemo].join(', ')}`
					: `${replaced} vorhandene Werte`
			]
		],
		warnings: notes,
		changes: [],
		dryRun: false
	};
}
