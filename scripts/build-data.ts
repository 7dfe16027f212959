/**
 * `npm run data`: build static/data/<city>/ from geodata/<city>/.
 *
 *   npm run data -- [--city stuttgart] [--geodata geodata] [--out static/data]
 *
 * Exits 1 and leaves existing output untouched on any validation error.
 */
import { parseArgs } from 'node:util';
import { formatIssue } from '../src/lib/domain/validateSources';
import { buildCity } from './lib/build';

const { values: args } = parseArgs({
	options: {
		city: { type: 'string', default: 'stuttgart' },
		geodata: { type: 'string', default: 'geodata' },
		out: { type: 'string', default: 'static/data' }
	}
});

const started = performance.now();
const result = buildCity({
	city: args.city,
	geodataDir: args.geodata,
	outDir: args.out,
	sourceDateEpoch: process.env.SOURCE_DATE_EPOCH
});

if (!result.ok) {
	for (const issue of result.issues) console.error(formatIssue(issue));
	console.error(`\n${result.issues.length} Fehler – es wurde nichts geschrieben.`);
	process.exit(1);
}

const s = result.summary;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
for (const w of s.warnings) console.warn(`Warnung: ${w}`);
console.log(
	`Daten für ${s.city} gebaut (${s.geometry === 'schematic' ? 'schematische' : 'amtliche'} Geometrie)`
);
console.log(
	`  Gebiete: ${s.units.stadtteil} Stadtteile, ${s.units.stadtbezirk} Stadtbezirke, ${s.units.bildungsregion} Bildungsregionen`
);
console.log(`  Indikatoren: ${s.indicators}, Jahre: ${s.years.join(', ')}, Lernorte: ${s.lernorte}`);
for (const f of s.files)
	console.log(
		`  ${args.out}/${f.name.padEnd(26)} ${kb(f.bytes).padStart(10)}  gzip ${kb(f.gzipBytes).padStart(9)}`
	);
console.log(`  fertig in ${((performance.now() - started) / 1000).toFixed(1)} s`);
