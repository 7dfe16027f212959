import { area as turfArea } from '@turf/turf';
import { neighbors } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { formatCsv } from '../../src/lib/domain/csv';
import type { StadtteilRow } from '../../src/lib/domain/validateSources';
import { createAreaLocator } from '../../src/lib/geo/locate';
import { areaGeometries, decodeAreas } from '../../src/lib/geo/topology';
import { apportion, normal, stream } from '../../src/lib/domain/random';

/**
 * The demo data generator: plausible, spatially smooth, seeded and deterministic values for
 * every Stadtteil, and Lernorte placed inside their Stadtteil's cell. Nothing here is
 * official; the only facts used are the areas, points and the 2023 Bezirk populations.
 */

/** Changing the seed changes every generated number. */
export const DEMO_SEED = 20240611;
export const DEMO_YEARS = [2021, 2022, 2023, 2024] as const;
/** The year whose Stadtteil populations sum exactly to the official Bezirk totals. */
export const POPULATION_YEAR = 2023;
const DEMO_SOURCE = 'Demodaten (nicht amtlich)';

export interface DemoInputs {
	bezirke: ReadonlyArray<{ key: string; name: string; population: number }>;
	stadtteile: readonly StadtteilRow[];
	/** Topology with object `stadtteil` in the order of `stadtteile`. */
	topology: Topology;
}

export interface DemoOutputs {
	indicatorsCsv: string;
	lernorteCsv: string;
}

/** Places of high social need (latent field bumps): Stadtteil key, amplitude, radius in km. */
const NEED_BUMPS: ReadonlyArray<[string, number, number]> = [
	['214', 1.0, 0.9], // Hallschlag
	['213', 0.5, 0.7], // Altenburg
	['211', 0.5, 0.7], // Neckarvorstadt
	['202', 0.3, 0.6], // Schmidener Vorstadt
	['126', 0.7, 0.7], // Nordbahnhof
	['761', 0.7, 0.9], // Wangen
	['362', 0.3, 0.8], // Hafen
	['881', 0.8, 0.9], // Rot
	['866', 0.5, 0.7], // Zuffenhausen-Hohenstein
	['865', 0.5, 0.7], // Zuffenhausen-Mitte
	['341', 0.6, 0.8], // Feuerbach-Ost
	['821', 0.7, 0.8], // Giebel
	['831', 0.4, 0.7], // Hausen
	['461', 0.5, 0.7], // Mönchfeld
	['481', 0.4, 0.7], // Neugereut
	['411', 0.5, 0.7], // Fasanenhof
	['741', 0.4, 0.7], // Dürrlewang
	['165', 0.3, 0.7], // Heslach
	['124', -0.6, 0.9], // Killesberg
	['314', -0.5, 0.8], // Haigst
	['141', -0.5, 0.8], // Gänsheide
	['161', -0.4, 0.8], // Bopser
	['621', -0.4, 0.8], // Riedenberg
	['271', -0.4, 0.8], // Schönberg
	['601', -0.3, 0.8], // Sillenbuch
	['181', -0.4, 0.8], // Kräherwald
	['312', -0.3, 0.8] // Waldau
];

/** Areas with (almost) no residents: parks, rail, port, forest, fairground; weight factor. */
const SPARSE: ReadonlyMap<string, number> = new Map([
	['191', 0.004], // Wildpark
	['208', 0.006], // Wasen
	['128', 0.008], // Am Rosensteinpark
	['106', 0.015], // Hauptbahnhof
	['362', 0.03], // Hafen
	['192', 0.05], // Solitude
	['101', 0.15], // Oberer Schlossgarten
	['347', 0.2], // Feuerbacher Tal
	['105', 0.3], // Europaviertel
	['664', 0.3], // Benzviertel
	['581', 0.3], // Hohenheim
	['204', 0.4], // Kurpark
	['719', 0.5] // Pfaffenwald
]);

/** Student housing: many young adults. */
const CAMPUS: ReadonlySet<string> = new Set(['719', '581', '104']);

/** Postleitzahlen by Stadtbezirk key (used for fictional addresses). */
const PLZ: Readonly<Record<string, readonly string[]>> = {
	'1': ['70173', '70174', '70182'],
	'2': ['70191', '70192'],
	'3': ['70184', '70186', '70188', '70190'],
	'4': ['70178', '70180', '70199'],
	'5': ['70176', '70193', '70197'],
	'6': ['70372', '70374', '70376'],
	'7': ['70599'],
	'8': ['70195'],
	'9': ['70597'],
	'10': ['70469'],
	'11': ['70329'],
	'12': ['70567'],
	'13': ['70378'],
	'14': ['70376'],
	'15': ['70329'],
	'16': ['70599'],
	'17': ['70619'],
	'18': ['70439'],
	'19': ['70327'],
	'20': ['70563', '70565', '70569'],
	'21': ['70327'],
	'22': ['70499'],
	'23': ['70435', '70437']
};

const STREET_STEMS = [
	'Linden',
	'Eichen',
	'Birken',
	'Ahorn',
	'Kastanien',
	'Buchen',
	'Rosen',
	'Tulpen',
	'Nelken',
	'Flieder',
	'Holunder',
	'Schlehen',
	'Wacholder',
	'Efeu',
	'Mohn',
	'Lerchen',
	'Amsel',
	'Finken',
	'Meisen',
	'Drossel',
	'Schwalben',
	'Falken',
	'Reiher',
	'Kranich',
	'Sonnen',
	'Mond',
	'Stern',
	'Regenbogen',
	'Wiesen',
	'Feld',
	'Wald',
	'Bach',
	'Brunnen',
	'Quellen',
	'Mühl',
	'Garten',
	'Hang',
	'Reben',
	'Obst',
	'Kirsch',
	'Apfel',
	'Hasel',
	'Weiden',
	'Pappel',
	'Erlen',
	'Ulmen',
	'Kiefern',
	'Tannen',
	'Lavendel',
	'Salbei'
];
const STREET_SUFFIXES = ['straße', 'weg', 'gasse', 'allee', 'steige', 'halde', 'ring', 'pfad'];

interface AreaInfo {
	row: StadtteilRow;
	/** Local plane coordinates in km around the city centre. */
	x: number;
	y: number;
	areaKm2: number;
	neighbours: number[];
}

const CENTRE = { lon: 9.1817, lat: 48.784 };
const KM_PER_DEG = 111.32;

function plane(lon: number, lat: number): [number, number] {
	return [
		(lon - CENTRE.lon) * KM_PER_DEG * Math.cos((CENTRE.lat * Math.PI) / 180),
		(lat - CENTRE.lat) * KM_PER_DEG
	];
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Average each value with its neighbours' mean: smooths a field over the cell adjacency. */
function smooth(values: readonly number[], areas: readonly AreaInfo[], self = 0.55): number[] {
	return values.map((v, i) => {
		const nb = areas[i]!.neighbours;
		if (nb.length === 0) return v;
		const mean = nb.reduce((a, j) => a + values[j]!, 0) / nb.length;
		return self * v + (1 - self) * mean;
	});
}

/** A smooth field of seeded noise with zero mean and unit-ish spread. */
function noiseField(label: string, areas: readonly AreaInfo[], passes = 2): number[] {
	const rand = stream(DEMO_SEED, `field:${label}`);
	let f = areas.map(() => normal(rand));
	for (let p = 0; p < passes; p++) f = smooth(f, areas);
	const mean = f.reduce((a, b) => a + b, 0) / f.length;
	const sd = Math.sqrt(f.reduce((a, b) => a + (b - mean) ** 2, 0) / f.length) || 1;
	return f.map((v) => (v - mean) / sd);
}

/** The latent "social need" field in [0, 1]: Gaussian bumps + noise, smoothed over neighbours. */
function needField(areas: readonly AreaInfo[]): number[] {
	const byKey = new Map(areas.map((a) => [a.row.key, a]));
	const noise = noiseField('need', areas, 1);
	let raw = areas.map((a, i) => {
		let v = 0.12 * noise[i]!;
		for (const [key, amp, radius] of NEED_BUMPS) {
			const c = byKey.get(key);
			if (!c) continue;
			const d2 = (a.x - c.x) ** 2 + (a.y - c.y) ** 2;
			v += amp * Math.exp(-d2 / (2 * radius * radius));
		}
		return v;
	});
	raw = smooth(smooth(raw, areas, 0.6), areas, 0.7);
	const lo = Math.min(...raw);
	const hi = Math.max(...raw);
	return raw.map((v) => (v - lo) / (hi - lo));
}

interface AreaYear {
	einwohner: number;
	k0_3: number;
	k3_6: number;
	k6_10: number;
	k10_16: number;
	j16_21: number;
}

/** Counts of one ratio indicator: numerator and denominator, or missing/suppressed marks. */
type Row = [
	indicator: string,
	year: number,
	area: string,
	numerator: string | number,
	denominator: string | number
];

interface RatioSpec {
	id: string;
	years?: readonly number[];
	/** Denominator from the population of the area-year (and the need z). */
	denominator: (p: AreaYear, z: number, year: number) => number;
	/** Expected rate given need z and years since 2021. */
	rate: (z: number, t: number) => number;
	/** Source suppression as the Bundesagentur für Arbeit does it: numerators 1–2 as ".". */
	sourceSuppressBelow?: number;
}

/** Betreute Kinder 3–6: the denominator of several Kita indicators. */
const betreut36 = (p: AreaYear, z: number, year: number) =>
	Math.round(p.k3_6 * clamp(0.97 - 0.09 * z + 0.003 * (year - 2021), 0, 1));

const RATIOS: readonly RatioSpec[] = [
	{ id: 'betreuungsquote_u3', denominator: (p) => p.k0_3, rate: (z, t) => 0.44 - 0.16 * z + 0.012 * t },
	{ id: 'betreuungsquote_3_6', denominator: (p) => p.k3_6, rate: (z, t) => 0.97 - 0.09 * z + 0.003 * t },
	{
		id: 'kita_ganztag',
		years: [2022, 2023, 2024],
		denominator: betreut36,
		rate: (z, t) => 0.52 + 0.08 * z + 0.02 * t
	},
	{
		id: 'sprachfoerderbedarf_esu',
		denominator: (p) => Math.round(p.k3_6 / 3),
		rate: (z, t) => 0.12 + 0.38 * z + 0.01 * t
	},
	{
		id: 'zurueckstellungen',
		denominator: (p) => Math.round((p.k6_10 / 4) * 1.02),
		rate: (z) => 0.035 + 0.07 * z
	},
	{
		id: 'ganztagsgrundschulquote',
		denominator: (p) => Math.round(p.k6_10 * 0.97),
		rate: (z, t) => 0.3 + 0.25 * z + 0.04 * t
	},
	{
		id: 'uebergang_gymnasium',
		denominator: (p) => Math.round(p.k6_10 / 4),
		rate: (z, t) => 0.7 - 0.42 * z - 0.005 * t
	},
	{
		id: 'klassenwiederholungen',
		denominator: (p) => Math.round(p.k10_16 * 0.95),
		rate: (z) => 0.012 + 0.03 * z
	},
	{
		id: 'abgaenge_ohne_abschluss',
		denominator: (p) => Math.round((p.j16_21 / 5) * 0.95),
		rate: (z) => 0.025 + 0.09 * z
	},
	{
		id: 'abgaenge_hochschulreife',
		denominator: (p) => Math.round((p.j16_21 / 5) * 0.95),
		rate: (z, t) => 0.62 - 0.38 * z + 0.005 * t
	},
	{
		id: 'uebergang_ausbildung',
		denominator: (p, z) => Math.round((p.j16_21 / 5) * 0.95 * (0.45 - 0.15 * z)),
		rate: (z) => 0.48 - 0.15 * z
	},
	{
		id: 'jugendarbeitslosigkeit',
		denominator: (p) => Math.round(p.j16_21 * 2.1),
		rate: (z, t) => 0.018 + 0.05 * z - 0.002 * t,
		sourceSuppressBelow: 3
	},
	{
		id: 'kinder_sgb2',
		denominator: (p) => p.k0_3 + p.k3_6 + p.k6_10 + Math.round((p.k10_16 * 5) / 6),
		rate: (z) => 0.04 + 0.38 * z ** 1.2,
		sourceSuppressBelow: 3
	},
	{
		id: 'alleinerziehende',
		denominator: (p) => Math.round((p.k0_3 + p.k3_6 + p.k6_10 + p.k10_16 + p.j16_21 * 0.4) / 1.65),
		rate: (z) => 0.14 + 0.16 * z
	},
	{ id: 'familiensprache_nichtdeutsch', denominator: betreut36, rate: (z) => 0.25 + 0.5 * z }
];

/** Ratio indicators get no values ("keine Daten") where fewer people than this live. */
const MIN_RESIDENTS_FOR_RATIOS = 200;

/** Base shares of the age groups in the population, and how strongly need raises them. */
const AGE_GROUPS: ReadonlyArray<[keyof AreaYear, number, number]> = [
	['k0_3', 0.03, 0.3],
	['k3_6', 0.029, 0.3],
	['k6_10', 0.037, 0.3],
	['k10_16', 0.053, 0.25],
	['j16_21', 0.047, 0.15]
];

function analyseAreas(inputs: DemoInputs): AreaInfo[] {
	const geoms = areaGeometries(inputs.topology, 'stadtteil');
	const features = decodeAreas(inputs.topology, 'stadtteil');
	const index = new Map(geoms.map((g, i) => [g.id, i]));
	const nb = neighbors(geoms);
	return inputs.stadtteile.map((row) => {
		const i = index.get(row.key);
		if (i === undefined) throw new Error(`Stadtteil ${row.key} fehlt in der Geometrie`);
		const [x, y] = plane(row.lon, row.lat);
		const keyOf = (j: number) => inputs.stadtteile.findIndex((s) => s.key === geoms[j]!.id);
		return { row, x, y, areaKm2: turfArea(features[i]!) / 1e6, neighbours: nb[i]!.map(keyOf) };
	});
}

/** Population of every area and year; 2023 sums exactly to the Bezirk totals. */
function population(
	inputs: DemoInputs,
	areas: readonly AreaInfo[],
	need: readonly number[]
): Map<number, AreaYear[]> {
	const sizeNoise = noiseField('size', areas);
	const trendNoise = noiseField('trend', areas);
	const ageNoise = noiseField('age', areas);
	const pop2023 = new Array<number>(areas.length).fill(0);
	for (const b of inputs.bezirke) {
		const idx = areas.flatMap((a, i) => (a.row.parent === b.key ? [i] : []));
		const weights = idx.map(
			(i) =>
				areas[i]!.areaKm2 ** 0.35 *
				Math.exp(0.35 * sizeNoise[i]!) *
				(1 + 0.3 * need[i]!) *
				(SPARSE.get(areas[i]!.row.key) ?? 1)
		);
		apportion(b.population, weights).forEach((p, j) => (pop2023[idx[j]!] = p));
	}
	const out = new Map<number, AreaYear[]>();
	for (const year of DEMO_YEARS) {
		const rand = stream(DEMO_SEED, `population:${year}`);
		out.set(
			year,
			areas.map((a, i) => {
				const t = year - POPULATION_YEAR;
				const trend = 0.004 + 0.006 * trendNoise[i]!;
				const einwohner =
					t === 0
						? pop2023[i]!
						: Math.max(0, Math.round(pop2023[i]! * (1 + trend * t + 0.002 * normal(rand))));
				// Fewer children in the inner city, more where need is high; students near campuses.
				const inner = a.row.parent === '1' ? 0.7 : 1;
				const ages = {} as AreaYear;
				ages.einwohner = einwohner;
				for (const [group, share, needEffect] of AGE_GROUPS) {
					const campus = group === 'j16_21' && CAMPUS.has(a.row.key) ? 2.5 : 1;
					const f = (1 + needEffect * (need[i]! - 0.4)) * Math.exp(0.08 * ageNoise[i]!) * inner * campus;
					ages[group] = Math.max(0, Math.round(einwohner * share * f * (1 + 0.015 * normal(rand))));
				}
				return ages;
			})
		);
	}
	return out;
}

function indicatorRows(
	areas: readonly AreaInfo[],
	need: readonly number[],
	pop: Map<number, AreaYear[]>
): Row[] {
	const rows: Row[] = [];
	const counts: ReadonlyArray<[string, keyof AreaYear]> = [
		['einwohner', 'einwohner'],
		['kinder_0_3', 'k0_3'],
		['kinder_3_6', 'k3_6'],
		['kinder_6_10', 'k6_10'],
		['kinder_10_16', 'k10_16'],
		['jugendliche_16_21', 'j16_21']
	];
	for (const spec of RATIOS) {
		const areaNoise = noiseField(`rate:${spec.id}`, areas, 1);
		for (const year of spec.years ?? DEMO_YEARS) {
			const rand = stream(DEMO_SEED, `ratio:${spec.id}:${year}`);
			const p = pop.get(year)!;
			areas.forEach((a, i) => {
				const z = need[i]!;
				const den = spec.denominator(p[i]!, z, year);
				const noise = normal(rand);
				if (p[i]!.einwohner < MIN_RESIDENTS_FOR_RATIOS || den <= 0) {
					rows.push([spec.id, year, a.row.key, '', '']);
					return;
				}
				const rate = clamp(spec.rate(z, year - 2021) + 0.025 * areaNoise[i]!, 0.002, 0.995);
				const sd = Math.sqrt(den * rate * (1 - rate)) * 0.7;
				const num = clamp(Math.round(den * rate + sd * noise), 0, den);
				const suppressed =
					spec.sourceSuppressBelow !== undefined && num > 0 && num < spec.sourceSuppressBelow;
				rows.push([spec.id, year, a.row.key, suppressed ? '.' : num, den]);
			});
		}
	}
	for (const [id, field] of counts)
		for (const year of DEMO_YEARS)
			pop.get(year)!.forEach((p, i) => rows.push([id, year, areas[i]!.row.key, p[field], '']));
	return rows;
}

interface LernortPlan {
	type: string;
	/** Name prefix, e.g. "Kita". */
	prefix: string;
	total: number;
	weight: (a: AreaInfo, p: AreaYear, z: number) => number;
	capacity?: [number, number, number];
}

const distanceToCentre = (a: AreaInfo) => Math.hypot(a.x, a.y);
const children = (p: AreaYear) => p.k0_3 + p.k3_6 + p.k6_10;

const LERNORT_PLANS: readonly LernortPlan[] = [
	{ type: 'kita', prefix: 'Kita', total: 520, weight: (_a, p) => p.k0_3 + p.k3_6, capacity: [20, 120, 5] },
	{
		type: 'kindertagespflege',
		prefix: 'Kindertagespflege',
		total: 70,
		weight: (_a, p) => p.k0_3,
		capacity: [3, 5, 1]
	},
	{
		type: 'grundschule',
		prefix: 'Grundschule',
		total: 72,
		weight: (_a, p) => p.k6_10 ** 0.8,
		capacity: [120, 450, 10]
	},
	{
		type: 'gemeinschaftsschule',
		prefix: 'Gemeinschaftsschule',
		total: 22,
		weight: (_a, p, z) => p.k10_16 * (0.5 + z),
		capacity: [300, 800, 10]
	},
	{
		type: 'werkrealschule',
		prefix: 'Werkrealschule',
		total: 10,
		weight: (_a, p, z) => p.k10_16 * z ** 1.5,
		capacity: [150, 400, 10]
	},
	{
		type: 'realschule',
		prefix: 'Realschule',
		total: 20,
		weight: (_a, p) => p.k10_16,
		capacity: [400, 900, 10]
	},
	{
		type: 'gymnasium',
		prefix: 'Gymnasium',
		total: 26,
		weight: (a, p, z) => p.k10_16 * (1.3 - z) * Math.exp(-distanceToCentre(a) / 8),
		capacity: [600, 1300, 10]
	},
	{ type: 'sbbz', prefix: 'SBBZ', total: 16, weight: (_a, p) => p.einwohner, capacity: [60, 200, 5] },
	{
		type: 'berufliche_schule',
		prefix: 'Berufliches Schulzentrum',
		total: 20,
		weight: (a, p) => p.einwohner * Math.exp(-(distanceToCentre(a) ** 2) / (2 * 2.5 * 2.5)),
		capacity: [800, 3000, 50]
	},
	{
		type: 'jugendhaus',
		prefix: 'Jugendhaus',
		total: 40,
		weight: (_a, p, z) => (p.k10_16 + p.j16_21) * (0.5 + z)
	},
	{ type: 'musikschule', prefix: 'Musikschule', total: 12, weight: (_a, p) => p.einwohner },
	{
		type: 'familienzentrum',
		prefix: 'Familienzentrum',
		total: 30,
		weight: (_a, p, z) => (p.k0_3 + p.k3_6) * (0.4 + z)
	},
	{ type: 'sportverein', prefix: 'Sportverein', total: 130, weight: (_a, p) => p.einwohner ** 0.7 },
	{
		type: 'spielplatz',
		prefix: 'Spielplatz',
		total: 260,
		weight: (a, p) => children(p) ** 0.7 * a.areaKm2 ** 0.3
	},
	{
		type: 'jugendberufsagentur',
		prefix: 'Beratungsstelle Schule–Beruf',
		total: 5,
		weight: (a, p, z) => p.j16_21 * z * z * Math.exp(-distanceToCentre(a) / 4)
	}
];

function lernortRows(
	areas: readonly AreaInfo[],
	need: readonly number[],
	pop: AreaYear[],
	inputs: DemoInputs
): string[][] {
	const locate = createAreaLocator(decodeAreas(inputs.topology, 'stadtteil')).locate;
	const features = new Map(decodeAreas(inputs.topology, 'stadtteil').map((f) => [String(f.id), f]));
	const rows: string[][] = [];
	const streets = new Map<string, string[]>();
	const streetsOf = (a: AreaInfo) => {
		let s = streets.get(a.row.key);
		if (!s) {
			const rand = stream(DEMO_SEED, `streets:${a.row.key}`);
			s = Array.from({ length: 6 }, () => {
				const stem = STREET_STEMS[Math.floor(rand() * STREET_STEMS.length)]!;
				return stem + STREET_SUFFIXES[Math.floor(rand() * STREET_SUFFIXES.length)]!;
			});
			streets.set(a.row.key, s);
		}
		return s;
	};
	const round5 = (v: number) => Math.round(v * 1e5) / 1e5;

	/** A point inside the area's cell near its representative point. */
	const place = (a: AreaInfo, rand: () => number): [number, number] => {
		const spread = Math.sqrt(a.areaKm2) * 0.3;
		const kx = KM_PER_DEG * Math.cos((CENTRE.lat * Math.PI) / 180);
		for (let attempt = 0; attempt < 400; attempt++) {
			const s = attempt < 200 ? spread : spread * 0.3;
			const lon = round5(a.row.lon + (normal(rand) * s) / kx);
			const lat = round5(a.row.lat + (normal(rand) * s) / KM_PER_DEG);
			if (locate(lon, lat) === a.row.key) return [lon, lat];
		}
		if (!features.has(a.row.key) || locate(a.row.lon, a.row.lat) !== a.row.key)
			throw new Error(`Kein Platz für einen Lernort in ${a.row.key}`);
		return [a.row.lon, a.row.lat];
	};

	const emit = (
		type: string,
		name: string,
		a: AreaInfo,
		k: number,
		capacity: number | undefined,
		rand: () => number
	) => {
		const [lon, lat] = place(a, rand);
		const street = streetsOf(a)[Math.floor(rand() * 6)]!;
		const plz = PLZ[a.row.parent] ?? ['70000'];
		const address = `${street} ${1 + Math.floor(rand() * 140)}, ${plz[Math.floor(rand() * plz.length)]} Stuttgart`;
		rows.push([
			`${type}-${a.row.key}-${k}`,
			name,
			type,
			lat.toFixed(5),
			lon.toFixed(5),
			address,
			capacity === undefined ? '' : String(capacity),
			DEMO_SOURCE
		]);
	};

	for (const plan of LERNORT_PLANS) {
		const rand = stream(DEMO_SEED, `lernorte:${plan.type}`);
		const weights = areas.map((a, i) => plan.weight(a, pop[i]!, need[i]!) * Math.exp(0.3 * normal(rand)));
		const counts = apportion(plan.total, weights);
		areas.forEach((a, i) => {
			const n = counts[i]!;
			for (let k = 1; k <= n; k++) {
				const name = `${plan.prefix} ${a.row.name}${n > 1 ? ` ${k}` : ''}`;
				let capacity: number | undefined;
				if (plan.capacity) {
					const [lo, hi, step] = plan.capacity;
					capacity = lo + step * Math.floor((rand() * (hi - lo)) / step);
					if (plan.type === 'kita' && rand() < 0.05) capacity = undefined;
				}
				emit(plan.type, name, a, k, capacity, rand);
			}
		});
	}

	// One Stadtteilbibliothek per Bezirk (in its most populous Stadtteil), the central library
	// in the Europaviertel, and the Volkshochschule in the city centre.
	const rand = stream(DEMO_SEED, 'lernorte:single');
	for (const b of inputs.bezirke) {
		let best = -1;
		areas.forEach((a, i) => {
			if (a.row.parent === b.key && (best < 0 || pop[i]!.einwohner > pop[best]!.einwohner)) best = i;
		});
		if (best >= 0) emit('bibliothek', `Stadtteilbibliothek ${b.name}`, areas[best]!, 1, undefined, rand);
	}
	const byKey = new Map(areas.map((a) => [a.row.key, a]));
	const europaviertel = byKey.get('105');
	if (europaviertel) emit('bibliothek', 'Zentralbibliothek', europaviertel, 2, undefined, rand);
	const vhsArea = byKey.get('103') ?? areas[0]!;
	emit('vhs', 'Volkshochschule Stuttgart', vhsArea, 1, undefined, rand);
	return rows;
}

/**
 * Generate the demo CSV files. Deterministic: the same inputs give byte-identical output.
 */
export function generateDemo(inputs: DemoInputs): DemoOutputs {
	const areas = analyseAreas(inputs);
	const need = needField(areas);
	const pop = population(inputs, areas, need);
	const rows = indicatorRows(areas, need, pop);
	const lernorte = lernortRows(areas, need, pop.get(POPULATION_YEAR)!, inputs);
	return {
		indicatorsCsv: formatCsv(['indicator', 'year', 'area', 'numerator', 'denominator'], rows),
		lernorteCsv: formatCsv(['id', 'name', 'type', 'lat', 'lon', 'address', 'capacity', 'source'], lernorte)
	};
}
