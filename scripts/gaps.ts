/**
 * `npm run gaps`: the Förderlücken analysis of a city from its sources, with the same modules
 * as the dashboard. For every area and phase: need index, support measures, reach, gap score
 * and class.
 *
 *   npm run gaps -- --city stuttgart [--geodata geodata] [--level stadtteil|stadtbezirk]
 *                   [--format csv|json] [--year 2024] [--public]
 *
 * Reading another --geodata root tests a change (a new Kita, a closed Jugendhaus) without
 * touching the demo: copy geodata/stuttgart, edit lernorte.csv, run against the copy.
 */
import { parseArgs } from 'node:util';
import { formatCsv } from '../src/lib/domain/csv';
import { formatIssue } from '../src/lib/domain/validateSources';
import { isCityId } from '../src/lib/domain/cityId';
import type { Level } from '../src/lib/domain/types';
import { gapReport, gapRows, GAP_ROW_HEADER, loadGapCity } from './lib/gapsCli';

const USAGE = `Aufruf: npm run gaps -- --city <id> [--geodata <verzeichnis>] [--level stadtteil|stadtbezirk]
                     [--format csv|json] [--year <jahr>] [--public]`;

function fail(message: string): never {
	console.error(`${message}\n${USAGE}`);
	process.exit(1);
}

let parsed;
try {
	parsed = parseArgs({
		options: {
			city: { type: 'string', default: 'stuttgart' },
			geodata: { type: 'string', default: 'geodata' },
			level: { type: 'string', default: 'stadtteil' },
			format: { type: 'string', default: 'csv' },
			year: { type: 'string' },
			public: { type: 'boolean', default: false }
		}
	});
} catch (err) {
	fail(`Aufruf nicht verstanden: ${(err as Error).message}`);
}
const args = parsed.values;
if (!isCityId(args.city)) fail(`--city „${args.city}“ ist keine gültige Kennung einer Stadt`);
if (args.level !== 'stadtteil' && args.level !== 'stadtbezirk') fail(`--level „${args.level}“ gibt es nicht`);
if (args.format !== 'csv' && args.format !== 'json')
	fail(`--format „${args.format}“ gibt es nicht (csv oder json)`);
if (args.year !== undefined && !/^\d{4}$/.test(args.year)) fail(`--year „${args.year}“ ist kein Jahr`);

const loaded = loadGapCity(args.geodata, args.city, { publicOnly: args.public });
if (!loaded.ok) {
	for (const issue of loaded.issues) console.error(formatIssue(issue));
	console.error(`\n${loaded.issues.length} Fehler in den Daten von ${args.city} – keine Analyse.`);
	process.exit(1);
}
const analysis = loaded.analyse(args.level as Level, args.year === undefined ? undefined : Number(args.year));
if (args.format === 'json') console.log(JSON.stringify(gapReport(loaded.city, analysis), null, '\t'));
else process.stdout.write(formatCsv(GAP_ROW_HEADER, gapRows(loaded.city, analysis)));
