/**
 * The shared vocabulary of the Bildungslandkarte: what a city, an area, an indicator,
 * a value and a Lernort are. Used by the data build (node), the CLI and the page alike.
 *
 * Wire formats (files in static/data/<city>/) are described next to their types; they are
 * written by scripts/build-data.ts and read by src/lib/data.
 */

/** Phases of the Bildungskette, plus `kontext` for indicators that describe the setting. */
export type Bildungsphase = 'fruehe' | 'elementar' | 'primar' | 'sek1' | 'sek2' | 'kontext';

/** Levels the map can show. `stadtteil` is the base level where values are stored. */
export type Level = 'stadtteil' | 'stadtbezirk';

/** Every kind of unit a value can be reported for (levels plus groupings). */
export type UnitKind = Level | 'bildungsregion' | 'stadt';

/** Whether a higher value signals more need, better provision, or neither. */
export type Direction = 'need' | 'better' | 'context';

/** Category of a Lernort (formal education, non-formal offers, informal places). */
export type LernortCategory = 'formal' | 'nonformal' | 'informal';

/**
 * How an indicator's value is formed.
 * - `ratio`: numerator / denominator x `scale` (100 for percent, 1000 for "je 1.000").
 *   Aggregates are sum(numerator) / sum(denominator), never a mean of rates.
 * - `count`: a count of persons or things; aggregates are sums.
 */
export type IndicatorKind = 'ratio' | 'count';

export interface IndicatorMeta {
	id: string;
	/** Short German title, e.g. "Betreuungsquote unter 3 Jahren". */
	title: string;
	/** Plain German definition: who is counted, over whom. */
	definition: string;
	kind: IndicatorKind;
	/** Multiplier for ratios (100 = percent). 1 for counts. */
	scale: number;
	/** Unit shown after the value, e.g. "%", "je 1.000 Kinder", "Personen". */
	unit: string;
	/** Number of decimals to show. */
	decimals: number;
	/** Label of the numerator and denominator ("Kinder in Betreuung", "Kinder unter 3"). */
	numeratorLabel?: string;
	denominatorLabel?: string;
	phases: Bildungsphase[];
	direction: Direction;
	/** Source as it is cited ("Statistisches Amt Stuttgart, ..."). */
	source: string;
	/** Years for which values exist, ascending. */
	years: number[];
	/** Public indicators may appear on public pages (embed); internal ones never. */
	public: boolean;
	/** Generated demo values, not official statistics. */
	demo: boolean;
}

export interface BildungsregionDef {
	id: string;
	name: string;
	/** The level whose keys `areas` lists. */
	level: Level;
	areas: string[];
}

export interface CityConfig {
	id: string;
	name: string;
	/** Amtlicher Gemeindeschlüssel, 8 digits. */
	ags: string;
	levels: Array<{ id: Level; label: string; labelPlural: string; count: number; keyField: string }>;
	/** Attribution line for the geometry. */
	attribution: string;
	/** `schematic` while the Voronoi stand-in geometry is in use, `official` after import. */
	geometry: 'schematic' | 'official';
	bildungsregionen: BildungsregionDef[];
	/** Which data sets are generated demo data. */
	demo: { indicators: boolean; lernorte: boolean; population: boolean; note: string };
	/** Disclosure control: counts below `minCount` and ratios over fewer than `minDenominator` are suppressed. */
	disclosure: { minCount: number; minDenominator: number };
	/** Initial map view. */
	view: { center: [number, number]; zoom: number };
	/** Optional MapLibre style URL for a basemap (no remote tiles are used without it). */
	basemapStyleUrl?: string;
	/**
	 * Optional settings of the Förderlücken analysis, merged over the defaults (see
	 * domain/bildungskette.ts `validateGapSettings`): phases, weights, walking distances, thresholds.
	 */
	bildungskette?: unknown;
}

/** A value cell as the app sees it. */
export type Cell =
	| {
			status: 'ok';
			value: number;
			numerator: number;
			denominator?: number;
			/**
			 * Set on aggregates (Bezirk, Bildungsregion, Stadt) computed without members whose
			 * source value was "geheim gehalten": "ohne geheim gehaltene Teilgebiete".
			 */
			partial?: boolean;
	  }
	| { status: 'missing' }
	| { status: 'suppressed' };

/**
 * Wire form of one series of cells for one unit kind, aligned with the key order of
 * that unit kind in `values.json#units`. `n[i]` is the numerator (or the count),
 * `null` for "keine Daten", `"g"` for "geheim gehalten"; `d[i]` the denominator
 * (ratios only; `null` where `n[i]` is not a number).
 */
export interface SeriesWire {
	n: Array<number | null | 'g'>;
	d?: Array<number | null>;
	/**
	 * Indices of partial aggregates: values computed without members that were suppressed in
	 * the source (see `Cell.partial`). Omitted when empty.
	 */
	p?: number[];
}

/**
 * values.json:
 * {
 *   units: { stadtteil: ["101", ...], stadtbezirk: ["1", ...], bildungsregion: [...], stadt: ["08111000"] },
 *   indicators: { [indicatorId]: { [year]: { [unitKind]: SeriesWire } } }
 * }
 * Values for every unit kind are aggregated (sum/sum) and disclosure-controlled at build time.
 */
export interface ValuesWire {
	units: Record<UnitKind, string[]>;
	indicators: Record<string, Record<string, Partial<Record<UnitKind, SeriesWire>>>>;
}

export interface LernortTypeDef {
	id: string;
	/** German label, singular ("Kita") and plural ("Kitas"). */
	label: string;
	labelPlural: string;
	category: LernortCategory;
	phases: Bildungsphase[];
}

export interface Lernort {
	id: string;
	name: string;
	type: string;
	category: LernortCategory;
	phases: Bildungsphase[];
	lon: number;
	lat: number;
	address: string;
	capacity?: number;
	source: string;
	/** Key of the Stadtteil the point lies in (assigned at build time). */
	stadtteil: string;
	demo: boolean;
}

/**
 * catalog.json: everything the page needs to know about a city before it draws.
 */
export interface Catalog {
	city: CityConfig;
	phases: Array<{ id: Bildungsphase; label: string; ages?: string }>;
	indicators: IndicatorMeta[];
	lernortTypes: LernortTypeDef[];
	/** Names and parents of every unit, by kind and key. */
	units: Record<UnitKind, Array<{ key: string; name: string; parent?: string }>>;
	/** ISO date of the build, for "Stand" lines. */
	built: string;
	/**
	 * The city's settlement layer, when it has one: children are then spread over the settled
	 * land of each Stadtteil instead of evenly over its area. Absent: no layer, even spread.
	 */
	settlement?: SettlementMeta;
}

/**
 * What the catalog says about a settlement layer (Siedlungsflächen). Its polygons are in
 * siedlungsflaechen.topo.json beside the catalog (TopoJSON, object `siedlung`).
 */
export interface SettlementMeta {
	/** Source and licence as they are cited ("Stadt Musterstadt – ALKIS, dl-de/by-2-0"). */
	attribution: string;
	/** Year the data describe (Stand), when known. */
	year?: number;
	/** Number of polygons (features) in the layer. */
	polygons: number;
}

/**
 * public/catalog.json: what the public embed needs to know about a city, nothing more. Only
 * indicators marked `public` are listed; the Förderlücken settings, Lernort types, phases,
 * basemap and view of the dashboard are left out (see domain/publicData.ts `publicCatalog`).
 */
export interface PublicCatalog {
	city: Pick<
		CityConfig,
		'id' | 'name' | 'ags' | 'levels' | 'attribution' | 'geometry' | 'bildungsregionen' | 'demo' | 'disclosure'
	>;
	indicators: IndicatorMeta[];
	units: Catalog['units'];
	built: string;
}

/**
 * data/index.json: the cities built into the site, written by `npm run data`.
 * `{ cities: [{ id: 'stuttgart', name: 'Stuttgart', geometry: 'schematic', demo: true, built: '2024-12-31', public: true }] }`
 */
export interface DataIndex {
	cities: Array<{
		id: string;
		name: string;
		geometry: 'schematic' | 'official';
		demo: boolean;
		built: string;
		/**
		 * Whether the city has the embed's files (data/<id>/public/, written when at least one
		 * indicator is public). Absent in an index written before the flag existed.
		 */
		public?: boolean;
	}>;
}
