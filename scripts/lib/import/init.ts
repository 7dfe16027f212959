import { existsSync } from 'node:fs';
import { formatCsv } from '../../../src/lib/domain/csv';
import type { CityConfig } from '../../../src/lib/domain/types';
import { SOURCE_FILES } from '../sources';
import type { CityDraft } from './cityDraft';
import { BEZIRK_HEADER, STADTTEIL_HEADER } from './cityLists';
import type { ImportReport } from './report';
import { ImportError } from './types';

export interface InitOptions {
	name?: string;
	/** Amtlicher Gemeindeschlüssel (8 digits). */
	ags?: string;
}

/**
 * `import init <city-id>`: scaffolds geodata/<city-id>/ with a city.json and empty source
 * files, ready for the imports of boundaries, indicators and Lernorte. Refuses to touch an
 * existing city.
 */
export function initCity(draft: CityDraft, opts: InitOptions): ImportReport {
	const city = draft.city;
	if (existsSync(draft.dir))
		throw new ImportError({
			file: draft.label,
			message: 'Verzeichnis gibt es schon',
			hint: 'Eine andere Kennung wählen oder die Daten mit den anderen Import-Befehlen ändern'
		});
	if (opts.ags !== undefined && !/^\d{8}$/.test(opts.ags))
		throw new ImportError({
			file: '--ags',
			message: `„${opts.ags}“ ist kein Amtlicher Gemeindeschlüssel`,
			hint: '8 Ziffern angeben, z. B. --ags 08111000 (Stuttgart)'
		});
	const name =
		opts.name ?? city.replace(/(^|-)([a-z])/g, (_, sep: string, c: string) => `${sep}${c.toUpperCase()}`);
	const config: CityConfig = {
		id: city,
		name,
		ags: opts.ags ?? '00000000',
		levels: [
			{
				id: 'stadtbezirk',
				label: 'Stadtbezirk',
				labelPlural: 'Stadtbezirke',
				count: 0,
				keyField: 'STADTBEZIRKNR'
			},
			{ id: 'stadtteil', label: 'Stadtteil', labelPlural: 'Stadtteile', count: 0, keyField: 'STADTTEILNR' }
		],
		attribution: '',
		geometry: 'official',
		bildungsregionen: [],
		demo: { indicators: false, lernorte: false, population: false, note: 'Demodaten – nicht amtlich' },
		disclosure: { minCount: 3, minDenominator: 10 },
		// Germany as a whole until the boundaries are imported.
		view: { center: [10.45, 51.16], zoom: 6 }
	};
	draft.writeJson(SOURCE_FILES.city, config);
	draft.write(SOURCE_FILES.stadtbezirke, formatCsv(BEZIRK_HEADER, []));
	draft.write(SOURCE_FILES.stadtteile, formatCsv(STADTTEIL_HEADER, []));
	draft.writeJson(SOURCE_FILES.catalog, { indicators: [] });
	draft.write(
		SOURCE_FILES.indicators,
		formatCsv(['indicator', 'year', 'area', 'numerator', 'denominator'], [])
	);
	draft.write(
		SOURCE_FILES.lernorte,
		formatCsv(['id', 'name', 'type', 'lat', 'lon', 'address', 'capacity', 'source'], [])
	);
	const next = [
		`npm run import -- boundaries <datei> --city ${city} --level stadtbezirk`,
		`npm run import -- boundaries <datei> --city ${city} --level stadtteil --parent-field <feld> --attribution "<Quelle>"`,
		`npm run import -- indicators <datei.csv> --city ${city} --indicator <id> --source "<Quelle>"`,
		`npm run import -- lernorte <datei> --city ${city}`,
		`npm run data -- --city ${city}`
	];
	return {
		title: `Stadt „${name}“ angelegt`,
		facts: [
			['Verzeichnis', draft.label],
			['Gemeindeschlüssel', opts.ags ?? '00000000 (mit --ags oder in city.json eintragen)'],
			['Nächste Schritte', next.join('\n    ')]
		],
		warnings: [],
		changes: [],
		dryRun: false
	};
}
