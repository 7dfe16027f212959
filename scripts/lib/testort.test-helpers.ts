import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CityConfig } from '../../src/lib/domain/types';

/**
 * A tiny city "testort" on a 10 x 10 km square: Bezirk 1 with Stadtteile 11 and 12 (south),
 * Bezirk 2 with 21 and 22 (north).
 */
export const TESTORT_CITY: CityConfig = {
	id: 'testort',
	name: 'Testort',
	ags: '08999000',
	levels: [
		{ id: 'stadtbezirk', label: 'Stadtbezirk', labelPlural: 'Stadtbezirke', count: 2, keyField: 'B' },
		{ id: 'stadtteil', label: 'Stadtteil', labelPlural: 'Stadtteile', count: 4, keyField: 'T' }
	],
	attribution: 'Test',
	geometry: 'schematic',
	bildungsregionen: [
		{ id: 'sued', name: 'Süd', level: 'stadtbezirk', areas: ['1'] },
		{ id: 'nordwest', name: 'Nordwest', level: 'stadtteil', areas: ['21'] }
	],
	demo: { indicators: true, lernorte: true, population: true, note: 'Demodaten' },
	disclosure: { minCount: 3, minDenominator: 10 },
	view: { center: [9.05, 48.05], zoom: 11 }
};

export const TESTORT_CATALOG = {
	indicators: [
		{
			id: 'quote',
			title: 'Quote',
			definition: 'Testquote',
			kind: 'ratio',
			scale: 100,
			unit: '%',
			decimals: 1,
			phases: ['primar'],
			direction: 'better',
			source: 'Test',
			public: true,
			demo: true
		},
		{
			id: 'anzahl',
			title: 'Anzahl',
			definition: 'Testanzahl',
			kind: 'count',
			scale: 1,
			unit: 'Personen',
			decimals: 0,
			phases: ['kontext'],
			direction: 'context',
			source: 'Test',
			public: true,
			demo: true
		}
	]
};

export const TESTORT_FILES: Record<string, string> = {
	'city.json': JSON.stringify(TESTORT_CITY),
	'indicators.catalog.json': JSON.stringify(TESTORT_CATALOG),
	'stadtbezirke.csv': 'bezirk_nr,bezirk_name\n1,Süd\n2,Nord\n',
	'stadtteile.csv':
		'nr,name,bezirk_nr,bezirk_name,lat,lon\n11,Südwest,1,Süd,48.02,9.02\n12,Südost,1,Süd,48.02,9.08\n21,Nordwest,2,Nord,48.08,9.02\n22,Nordost,2,Nord,48.08,9.08\n',
	'stadtgrenze.geojson': JSON.stringify({
		type: 'Feature',
		properties: {},
		geometry: {
			type: 'Polygon',
			coordinates: [
				[
					[9.0, 48.0],
					[9.1, 48.0],
					[9.1, 48.1],
					[9.0, 48.1],
					[9.0, 48.0]
				]
			]
		}
	}),
	'bildungsregionen.csv': 'name,ebene,gebiete\nSüd,stadtbezirk,1\nNordwest,stadtteil,21\n',
	'indicators.csv': [
		'indicator,year,area,numerator,denominator',
		'quote,2022,11,10,40',
		'quote,2022,12,30,60',
		'quote,2022,21,.,50',
		'quote,2022,22,,',
		'quote,2023,11,2,40',
		'quote,2023,12,30,60',
		'quote,2023,21,25,50',
		'quote,2023,22,20,50',
		'anzahl,2023,11,100,',
		'anzahl,2023,12,200,',
		'anzahl,2023,21,300,',
		'anzahl,2023,22,400,'
	].join('\n'),
	'lernorte.csv': [
		'id,name,type,lat,lon,address,capacity,source',
		'kita-1,Kita Süd,kita,48.021,9.021,"Weg 1, 70000 Testort",40,Test',
		'gs-1,Grundschule Nord,grundschule,48.079,9.081,"Weg 2, 70000 Testort",,Test'
	].join('\n')
};

/**
 * Writes Testort into `geodataDir/testort/` (replacing what is there); an override of `null`
 * leaves that file out.
 */
export function writeTestort(geodataDir: string, overrides: Record<string, string | null> = {}): string {
	const dir = join(geodataDir, 'testort');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	for (const [name, content] of Object.entries({ ...TESTORT_FILES, ...overrides }))
		if (content !== null) writeFileSync(join(dir, name), content);
	return dir;
}
