/**
 * `npm run data`: build static/data/<city>/ from geodata/<city>/ for every city there, or
 * for one with --city.
 *
 *   npm run data -- [--city stuttgart] [--geodata geodata] [--out static/data]
 *
 * Exits 1 on any validation error; a city with errors keeps its previous output untouched.
 */
import { parseArgs } from 'node:util';
import { formatIssue } from '../src/lib/domain/validateSources';
import { buildCity, listCities, pruneCities } from './lib/build';

const { values: args } = parseArgs({
	options: {
		city: { type: 'string' },
		geodata: { type: 'string', default: 'geodata' },
		out: { type: 'string', default: 'static/data' }
	}
});

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const cities = args.city !== undefined ? [args.city] : listCities(args.geodata);
if (cities.length === 0) {
	console.error(`${args.geodata}: keine Stadt gefunden – mit npm run import -- init <stadt> eine anlegen`);
	process.exit(1);
}

// Building every city: output of cities no longer in geodata/ goes, so the site stops offering them.
if (args.city === undefined)
	for (const id of pruneCities(args.out, cities))
		console.log(`${args.out}/${id}: entfernt (nicht mehr in ${args.geodata}/)`);

let failed = 0;
for (const city of cities) {
	const started = performance.now();
	const result = buildCity({
		city,
		geodataDir: args.geodata,
		outDir: args.out,
		sourceDateEpoch: process.env.SOURCE_DATE_EPOCH
	});
	if (!result.ok) {
		failed++;
		for (const issue of result.issues) console.error(formatIssue(issue));
		console.error(`\n${city}: ${result.issues.length} Fehler – für diese Stadt wurde nichts geschrieben.\n`);
		continue;
	}
	const s = result.summary;
	for (const w of s.warnings) console.warn(`Warnung: ${w}`);
	console.log(
		`Daten für ${s.city} gebaut (${s.geometry === 'schematic' ? 'schematische' : 'amtliche'} Geometrie)`
	);
	console.log(
		`  Gebiete: ${s.units.stadtteil} Stadtteile, ${s.units.stadtbezirk} Stadtbezirke, ${s.units.bildungsregion} Bildungsregionen`
	);
	console.log(`  Indikatoren: ${s.indicators}, Jahre: ${s.years.join(', ')}, Lernorte: ${s.lernorte}`);
	console.log(
		s.settlement
			? `  Kinder über die Siedlungsflächen verteilt: ${s.settlement.polygons} Flächen (${s.settlement.attribution}${s.settlement.year !== undefined ? `, ${s.settlement.year}` : ''})`
			: '  Kinder gleichmäßig über die Stadtteile verteilt (keine Siedlungsflächen)'
	);
	const width = Math.max(26, ...s.files.map((f) => f.name.length));
	for (const f of s.files)
		console.log(
			`  ${args.out}/${f.name.padEnd(width)} ${kb(f.bytes).padStart(10)}  gzip ${kb(f.gzipBytes).padStart(9)}`
		);
	console.log(`  fertig in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
if (failed > 0) process.exit(1);
