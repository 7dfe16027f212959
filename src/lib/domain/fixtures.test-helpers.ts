import type { Catalog, IndicatorMeta, Lernort, ValuesWire } from './types';

/*
 * A tiny hand-made city for unit tests: two Bezirke (1: Stadtteile 101, 102; 2: 201, 202),
 * one Bildungsregion per kind, one ratio and one count indicator.
 */

export const RATIO: IndicatorMeta = {
	id: 'quote',
	title: 'Betreuungsquote U3',
	definition: 'Kinder unter 3 Jahren in Betreuung je 100 Kinder unter 3 Jahren.',
	kind: 'ratio',
	scale: 100,
	unit: '%',
	decimals: 1,
	numeratorLabel: 'Kinder in Betreuung',
	denominatorLabel: 'Kinder unter 3',
	phases: ['fruehe'],
	direction: 'better',
	source: 'Test',
	years: [2023, 2024],
	public: true,
	demo: true
};

export const COUNT: IndicatorMeta = {
	...RATIO,
	id: 'einwohner',
	title: 'Einwohner',
	kind: 'count',
	scale: 1,
	unit: 'Personen',
	decimals: 0,
	numeratorLabel: undefined,
	denominatorLabel: undefined,
	phases: ['kontext'],
	direction: 'context'
};

export const VALUES: ValuesWire = {
	units: {
		stadtteil: ['101', '102', '201', '202'],
		stadtbezirk: ['1', '2'],
		bildungsregion: ['nord', 'hallschlag'],
		stadt: ['08000000']
	},
	indicators: {
		quote: {
			'2024': {
				stadtteil: { n: [10, 30, 'g', null], d: [100, 100, null, null] },
				stadtbezirk: { n: [40, 'g'], d: [200, null] },
				stadt: { n: [55], d: [300] }
			}
		},
		einwohner: {
			'2024': {
				stadtteil: { n: [1000, 2000, 500, 1500] },
				stadtbezirk: { n: [3000, 2000] },
				stadt: { n: [5000] }
			}
		}
	}
};

const site = (id: string, type: string, category: Lernort['category'], stadtteil: string): Lernort => ({
	id,
	name: id,
	type,
	category,
	phases: ['elementar'],
	lon: 9,
	lat: 48,
	address: '',
	source: 'Test',
	stadtteil,
	demo: true
});

export const LERNORTE: Lernort[] = [
	site('a', 'kita', 'formal', '101'),
	site('b', 'kita', 'formal', '101'),
	site('c', 'spielplatz', 'informal', '101'),
	site('d', 'bibliothek', 'nonformal', '102'),
	site('e', 'kita', 'formal', '201')
];

export const CATALOG: Catalog = {
	city: {
		id: 'testdorf',
		name: 'Testdorf',
		ags: '08000000',
		levels: [
			{ id: 'stadtbezirk', label: 'Stadtbezirk', labelPlural: 'Stadtbezirke', count: 2, keyField: 'B' },
			{ id: 'stadtteil', label: 'Stadtteil', labelPlural: 'Stadtteile', count: 4, keyField: 'T' }
		],
		attribution: 'Test',
		geometry: 'schematic',
		bildungsregionen: [
			{ id: 'nord', name: 'Nord', level: 'stadtbezirk', areas: ['1'] },
			{ id: 'hallschlag', name: 'Hallschlag', level: 'stadtteil', areas: ['202'] }
		],
		demo: { indicators: true, lernorte: true, population: true, note: 'Demodaten – nicht amtlich' },
		disclosure: { minCount: 3, minDenominator: 10 },
		view: { center: [9, 48], zoom: 11 }
	},
	phases: [],
	indicators: [RATIO, COUNT],
	lernortTypes: [
		{ id: 'kita', label: 'Kita', labelPlural: 'Kitas', category: 'formal', phases: ['elementar'] },
		{ id: 'bibliothek', label: 'Bibliothek', labelPlural: 'Bibliotheken', category: 'nonformal', phases: [] },
		{ id: 'spielplatz', label: 'Spielplatz', labelPlural: 'Spielplätze', category: 'informal', phases: [] }
	],
	units: {
		stadtteil: [
			{ key: '101', name: 'Eins-Nord', parent: '1' },
			{ key: '102', name: 'Eins-Süd', parent: '1' },
			{ key: '201', name: 'Zwei-West', parent: '2' },
			{ key: '202', name: 'Zwei-Ost', parent: '2' }
		],
		stadtbezirk: [
			{ key: '1', name: 'Eins' },
			{ key: '2', name: 'Zwei' }
		],
		bildungsregion: [
			{ key: 'nord', name: 'Nord' },
			{ key: 'hallschlag', name: 'Hallschlag' }
		],
		stadt: [{ key: '08000000', name: 'Testdorf' }]
	},
	built: '2024-12-31'
};

/**
 * The fixture city's values for the area profile: the Bildungsregionen as the build writes them
 * (sums of numerators over sums of denominators), a Bezirk value computed without a withheld
 * member, an earlier year of the ratio for the sparklines, and the count only in 2023.
 */
export const PROFILE_VALUES: ValuesWire = {
	...VALUES,
	indicators: {
		quote: {
			'2023': { stadtteil: { n: [12, 'g', null, null], d: [100, null, null, null] } },
			'2024': {
				...VALUES.indicators.quote!['2024']!,
				// nord = Bezirk 1 = 101 + 102: (10 + 30) / (100 + 100) = 20 %; hallschlag = 202: no data.
				bildungsregion: { n: [40, null], d: [200, null] },
				// Bezirk 1 marked as computed without withheld members.
				stadtbezirk: { n: [40, 'g'], d: [200, null], p: [0] }
			}
		},
		einwohner: {
			'2023': {
				stadtteil: { n: [1000, 2000, 500, 1500] },
				stadtbezirk: { n: [3000, 2000] },
				bildungsregion: { n: [3000, 1500] },
				stadt: { n: [5000] }
			}
		}
	}
};

/** The catalog that goes with `PROFILE_VALUES`: phases with ages, the count indicator internal. */
export const PROFILE_CATALOG: Catalog = {
	...CATALOG,
	phases: [
		{ id: 'fruehe', label: 'Frühe Bildung', ages: '0–3 Jahre' },
		{ id: 'kontext', label: 'Kontext' }
	],
	indicators: [
		{ ...RATIO, years: [2023, 2024] },
		{ ...COUNT, years: [2023], public: false }
	]
};
