/**
 * `npm run demo`: regenerate the demo data in geodata/<city>/ (indicators.csv, lernorte.csv)
 * from the committed facts (Stadtteile, Stadtbezirke with 2023 populations, city outline).
 * Deterministic: the same sources give byte-identical files.
 *
 *   npm run demo -- [--city stuttgart] [--geodata geodata]
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssue } from '../src/lib/domain/validateSources';
import { readAreas } from './lib/build';
import { readDemoPopulation } from './lib/demoSources';
import { generateDemo } from './lib/demo';
import { SOURCE_FILES, SourceReader } from './lib/sources';

const { values: args } = parseArgs({
	options: {
		city: { type: 'string', default: 'stuttgart' },
		geodata: { type: 'string', default: 'geodata' }
	}
});

const dir = join(args.geodata, args.city);
// The generator overwrites indicators.csv and lernorte.csv: only where they are demo data.
const cityFile = join(dir, 'city.json');
const demoFlags = existsSync(cityFile)
	? (JSON.parse(readFileSync(cityFile, 'utf8')) as { demo?: { indicators?: boolean; lernorte?: boolean } })
			.demo
	: undefined;
if (!demoFlags?.indicators || !demoFlags?.lernorte) {
	console.error(
		`${cityFile}: demo.indicators und demo.lernorte sind nicht beide true — ` +
			'die Dateien dieser Stadt sind keine Demodaten und werden nicht überschrieben. ' +
			'Für eine Demo-Stadt beide Angaben auf true setzen.'
	);
	process.exit(1);
}
const reader = new SourceReader(dir, dir);
const areas = readAreas(reader, 'schematic');
const bezirke = areas && readDemoPopulation(reader, areas.bezirke);
if (!areas || !bezirke) {
	for (const issue of reader.issues) console.error(formatIssue(issue));
	process.exit(1);
}

const out = generateDemo({ bezirke, stadtteile: areas.stadtteile, topology: areas.topology });
for (const [file, content] of [
	[SOURCE_FILES.indicators, out.indicatorsCsv],
	[SOURCE_FILES.lernorte, out.lernorteCsv]
] as const) {
	const path = join(dir, file);
	writeFileSync(`${path}.tmp`, content);
	renameSync(`${path}.tmp`, path);
	console.log(`${path}: ${content.split('\n').length - 2} Zeilen`);
}
