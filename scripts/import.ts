/**
 * `npm run import`: bring a city's official data into geodata/<city>/.
 *
 *   npm run import -- init <city-id> [--name "Musterstadt"] [--ags 08111000]
 *   npm run import -- boundaries <file> --city <id> --level stadtteil|stadtbezirk
 *        [--layer <name>] [--id-field <f>] [--name-field <f>] [--parent-field <f>]
 *        [--crs EPSG:25832] [--simplify <m>] [--attribution "<text>"] [--new-keys] [--dry-run]
 *   npm run import -- indicators <file.csv> --city <id> [--indicator <id>] [--year <yyyy>]
 *        [--source "<text>"] [--dry-run]
 *   npm run import -- lernorte <file> --city <id> [--layer <name>] [--crs EPSG:25832] [--replace]
 *        [--skip-invalid] [--source "<text>"] [--dry-run]
 *   npm run import -- siedlung <file> --city <id> [--layer <name>] [--crs EPSG:25832]
 *        [--simplify <m>] [--attribution "<text>"] [--year <yyyy>] [--dry-run]
 *   npm run import -- stuttgart <OpenData_KLGL_GENERALISIERT.gpkg> [--dry-run]
 *
 * Every run ends with a summary; bad input exits 1 with messages naming file, row or feature,
 * column and the fix, and geodata/ stays as it was. --dry-run checks and reports, writes nothing.
 */
import { parseArgs } from 'node:util';
import { isCityId } from '../src/lib/domain/cityId';
import { formatIssue, type ValidationIssue } from '../src/lib/domain/validateSources';
import type { Level } from '../src/lib/domain/types';
import { importStadtbezirke, importStadtteile } from './lib/import/boundaries';
import { CityDraft } from './lib/import/cityDraft';
import { importIndicators } from './lib/import/indicators';
import { initCity } from './lib/import/init';
import { importLernorte } from './lib/import/lernorte';
import { formatReport, type ImportReport } from './lib/import/report';
import { importSiedlung, SIEDLUNG_SIMPLIFY_METRES } from './lib/import/siedlung';
import { importStuttgart, STUTTGART_KLGL } from './lib/import/stuttgart';
import { ImportError } from './lib/import/types';

const USAGE = `Aufruf:
  npm run import -- init <stadt-id> [--name <Name>] [--ags <8 Ziffern>]
  npm run import -- boundaries <datei> --city <id> --level stadtteil|stadtbezirk [--layer <ebene>]
                   [--id-field <feld>] [--name-field <feld>] [--parent-field <feld>] [--crs EPSG:<code>]
                   [--simplify <meter>] [--attribution <text>] [--new-keys] [--dry-run]
  npm run import -- indicators <datei.csv> --city <id> [--indicator <id>] [--year <jahr>] [--source <text>] [--dry-run]
  npm run import -- lernorte <datei> --city <id> [--layer <ebene>] [--crs EPSG:<code>] [--replace]
                   [--skip-invalid] [--source <text>] [--dry-run]
  npm run import -- siedlung <datei> --city <id> [--layer <ebene>] [--crs EPSG:<code>] [--simplify <meter>]
                   [--attribution <text>] [--year <jahr>] [--dry-run]
  npm run import -- stuttgart <OpenData_KLGL_GENERALISIERT.gpkg> [--dry-run]
Gemeinsam: --geodata <verzeichnis> (Standard: geodata)`;

function usageError(message: string): ImportError {
	return new ImportError({ file: 'Aufruf', message, hint: USAGE });
}

function required(value: string | undefined, what: string): string {
	if (value === undefined || value === '') throw usageError(`${what} fehlt`);
	return value;
}

function parseCommandLine() {
	try {
		return parseArgs({
			allowPositionals: true,
			options: {
				city: { type: 'string' },
				geodata: { type: 'string', default: 'geodata' },
				level: { type: 'string' },
				layer: { type: 'string' },
				'id-field': { type: 'string' },
				'name-field': { type: 'string' },
				'parent-field': { type: 'string' },
				crs: { type: 'string' },
				simplify: { type: 'string' },
				attribution: { type: 'string' },
				'new-keys': { type: 'boolean', default: false },
				indicator: { type: 'string' },
				year: { type: 'string' },
				source: { type: 'string' },
				replace: { type: 'boolean', default: false },
				'skip-invalid': { type: 'boolean', default: false },
				name: { type: 'string' },
				ags: { type: 'string' },
				'dry-run': { type: 'boolean', default: false },
				help: { type: 'boolean', default: false }
			}
		});
	} catch (err) {
		// Unknown options and options without a value: say it in German, with the usage.
		const raw = (err as Error).message;
		const option = /'(--?[^' ]+)/.exec(raw)?.[1];
		throw usageError(
			option ? `Option ${option} ist unbekannt oder ohne Wert` : `Aufruf nicht verstanden (${raw})`
		);
	}
}

let args: ReturnType<typeof parseCommandLine>['values'];
let positionals: string[];

/** `--simplify` in metres; `fallback` when not given (2 m for area boundaries). */
function simplifyOption(fallback = 2): number {
	if (args.simplify === undefined) return fallback;
	const value = Number(args.simplify.replace(',', '.'));
	if (!Number.isFinite(value) || value < 0 || value > 1000)
		throw new ImportError({
			file: '--simplify',
			message: `„${args.simplify}“ ist keine Toleranz in Metern`,
			hint: 'Eine Zahl von 0 (nicht vereinfachen) bis 1000 angeben, z. B. --simplify 2'
		});
	return value;
}

const progress = (line: string) => console.log(line);

/** The city a command works on, checked before anything is read. */
function cityOf(command: string, target: string | undefined): string {
	const city =
		command === 'init'
			? required(target, 'Kennung der Stadt')
			: command === 'stuttgart'
				? (args.city ?? STUTTGART_KLGL.city)
				: required(args.city, '--city');
	if (!isCityId(city))
		throw new ImportError({
			file: command === 'init' ? city : '--city',
			message: `„${city}“ taugt nicht als Kennung einer Stadt`,
			hint: 'Kleinbuchstaben, Ziffern und einzelne Binde- oder Unterstriche verwenden, z. B. musterstadt'
		});
	return city;
}

async function runCommand(
	command: string,
	target: string | undefined,
	draft: CityDraft
): Promise<ImportReport> {
	switch (command) {
		case 'init':
			return initCity(draft, {
				...(args.name !== undefined && { name: args.name }),
				...(args.ags !== undefined && { ags: args.ags })
			});
		case 'boundaries': {
			const opts = {
				file: required(target, 'Datei mit den Gebietsgrenzen'),
				level: args.level as Level,
				layer: args.layer,
				idField: args['id-field'],
				nameField: args['name-field'],
				parentField: args['parent-field'],
				crs: args.crs,
				simplify: simplifyOption(),
				attribution: args.attribution,
				newKeys: args['new-keys'],
				progress
			};
			return opts.level === 'stadtteil' ? importStadtteile(draft, opts) : importStadtbezirke(draft, opts);
		}
		case 'indicators':
			return importIndicators(draft, {
				file: required(target, 'CSV-Datei mit den Indikatorwerten'),
				indicator: args.indicator,
				year: args.year,
				source: args.source,
				progress
			});
		case 'lernorte':
			return importLernorte(draft, {
				file: required(target, 'Datei mit den Lernorten'),
				layer: args.layer,
				crs: args.crs,
				replace: args.replace,
				skipInvalid: args['skip-invalid'],
				source: args.source,
				progress
			});
		case 'siedlung':
			return importSiedlung(draft, {
				file: required(target, 'Datei mit den Siedlungsflächen'),
				layer: args.layer,
				crs: args.crs,
				attribution: args.attribution,
				year: args.year,
				simplify: simplifyOption(SIEDLUNG_SIMPLIFY_METRES),
				progress
			});
		case 'stuttgart':
			return importStuttgart(draft, {
				file: required(target, 'GeoPackage (OpenData_KLGL_GENERALISIERT.gpkg)'),
				simplify: simplifyOption(),
				crs: args.crs,
				progress
			});
		default:
			throw usageError(`Unbekannter Befehl „${command}“`);
	}
}

/** At most this many problems are listed per file and message after the import's check. */
const SHOWN_PER_KIND = 5;

/**
 * The validator's findings about the city after the import, grouped by file and message so
 * that a key dropped with --new-keys gives one entry with its lines, not thousands.
 */
function afterImportIssues(blocking: readonly ValidationIssue[]): ValidationIssue[] {
	const groups = new Map<string, ValidationIssue[]>();
	for (const issue of blocking) {
		const kind = `${issue.file}|${issue.column ?? ''}|${issue.message}`;
		groups.set(kind, [...(groups.get(kind) ?? []), issue]);
	}
	return [...groups.values()].map((group) => {
		const first = group[0]!;
		const rows = group.map((i) => i.row).filter((r): r is number => r !== undefined);
		const more = rows.length > SHOWN_PER_KIND ? ` und ${rows.length - SHOWN_PER_KIND} weiteren` : '';
		return {
			...first,
			...(rows.length > 1 && { row: undefined }),
			message: `nach dem Import: ${first.message}${rows.length > 1 ? ` (Zeilen ${rows.slice(0, SHOWN_PER_KIND).join(', ')}${more})` : ''}`,
			hint: `${first.hint}; die Stadt ließe sich so nicht mehr bauen, deshalb wurde nichts geschrieben`
		};
	});
}

async function run(): Promise<void> {
	({ values: args, positionals } = parseCommandLine());
	const [command, target] = positionals;
	if (args.help || command === undefined) {
		console.log(USAGE);
		return;
	}
	if (command === 'boundaries') {
		const level = required(args.level, '--level (stadtteil oder stadtbezirk)');
		if (level !== 'stadtteil' && level !== 'stadtbezirk')
			throw usageError(`--level „${level}“ gibt es nicht; stadtteil oder stadtbezirk angeben`);
	}
	const started = performance.now();
	const draft = new CityDraft(args.geodata, cityOf(command, target));
	draft.lock();
	try {
		const report = await runCommand(command, target, draft);
		const { blocking, open } = draft.check();
		if (blocking.length > 0) throw new ImportError(afterImportIssues(blocking));
		report.changes = draft.changes.map((f) => draft.name(f));
		report.dryRun = args['dry-run'];
		if (!report.dryRun) draft.commit();
		for (const line of formatReport(report, (performance.now() - started) / 1000)) console.log(line);
		if (open.length > 0) {
			console.log(`  Noch offen, bevor „npm run data -- --city ${draft.city}“ gelingt (${open.length}):`);
			for (const issue of open.slice(0, 8)) console.log(`    - ${formatIssue(issue)}`);
			if (open.length > 8) console.log(`    … und ${open.length - 8} weitere`);
		}
	} finally {
		draft.unlock();
	}
}

try {
	await run();
} catch (err) {
	if (!(err instanceof ImportError)) throw err;
	for (const issue of err.issues) console.error(formatIssue(issue));
	console.error(`\n${err.issues.length} Fehler – es wurde nichts geschrieben.`);
	process.exitCode = 1;
}
