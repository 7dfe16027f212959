/**
 * Coordinate reference systems of German municipal data: recognise them from identifiers, Esri
 * wkids and WKT, reproject to WGS 84 lon/lat, and tell from the numbers alone which CRS a file
 * probably uses when it says nothing or the wrong thing. The importer's only place that knows
 * CRSs. Pure: no fs, no DOM.
 *
 * Axis order is always the one GIS files use: x = easting or longitude, y = northing or latitude,
 * whatever the EPSG definition says (EPSG:31467 and WKT2 EPSG:4326 officially put north first).
 */
import proj4 from 'proj4';
import type { Geometry, Position } from 'geojson';

export interface CrsDef {
	epsg: number;
	/** German name for messages, e.g. "ETRS89 / UTM Zone 32N". */
	name: string;
	/** proj4 definition with the EPSG parameters. */
	proj4: string;
	unit: 'degree' | 'metre';
	/**
	 * Set when the coordinates are interchangeable with those of another supported CRS (same
	 * projection; only the axis order of the official definition or a sub-metre datum difference
	 * sets them apart). guessCrs proposes only that other CRS.
	 */
	sameCoordinatesAs?: number;
}

const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';

/**
 * ETRS89 is taken as WGS 84 (EPSG's null transformation "ETRS89 to WGS 84 (1)"). The two frames
 * drift apart by about 2.5 cm a year, well under a metre so far.
 */
const ETRS89_TOWGS84 = '+towgs84=0,0,0,0,0,0,0';

/**
 * DHDN -> WGS 84 by EPSG transformation 1777 "DHDN to WGS 84 (2)", the parameters of 1776 "DHDN
 * to ETRS89 (2)": a 7-parameter Helmert (position vector) fitted to 109 stations in the former
 * West German states, where DHDN / Gauß-Krüger was the official system. EPSG rates it at the 3 m
 * level; at BKG's 31 BeTA2007 test points it is off by 0.4–2.5 m. It is not the nationwide
 * BeTA2007 grid nor a state grid such as BWTA2017 (Baden-Württemberg): those reach centimetres but
 * need grid files, and metres are enough for a map of city districts. Gauß-Krüger coordinates on
 * the 42/83 datum of the eastern states (Krassowsky ellipsoid) are not supported, and guessCrs
 * cannot tell them from DHDN by their numbers.
 */
const DHDN_TOWGS84 = '+towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7';

/** ETRS89 / UTM, optionally with the zone number in front of the easting (32500000 instead of 500000). */
function etrsUtm(epsg: number, zone: 32 | 33, prefixed: boolean): CrsDef {
	if (!prefixed) {
		return {
			epsg,
			name: `ETRS89 / UTM Zone ${zone}N`,
			proj4: `+proj=utm +zone=${zone} +ellps=GRS80 ${ETRS89_TOWGS84} +units=m +no_defs`,
			unit: 'metre'
		};
	}
	return {
		epsg,
		name: `ETRS89 / UTM Zone ${zone}N mit Zonenkennziffer, Rechtswert ${zone}xxxxxx`,
		proj4:
			`+proj=tmerc +lat_0=0 +lon_0=${zone * 6 - 183} +k=0.9996 +x_0=${zone * 1_000_000 + 500_000} ` +
			`+y_0=0 +ellps=GRS80 ${ETRS89_TOWGS84} +units=m +no_defs`,
		unit: 'metre'
	};
}

/** DHDN / 3-degree Gauss-Krüger zone 2–5: central meridian 3·zone, easting prefixed by the zone. */
function gaussKrueger(epsg: number, zone: 2 | 3 | 4 | 5, eastingFirst: boolean): CrsDef {
	return {
		epsg,
		name: `DHDN / Gauß-Krüger Zone ${zone}${eastingFirst ? ', E-N' : ''}`,
		proj4:
			`+proj=tmerc +lat_0=0 +lon_0=${zone * 3} +k=1 +x_0=${zone * 1_000_000 + 500_000} +y_0=0 ` +
			`+ellps=bessel ${DHDN_TOWGS84} +units=m +no_defs`,
		unit: 'metre',
		...(eastingFirst ? { sameCoordinatesAs: 31464 + zone } : {})
	};
}

const DEFS: CrsDef[] = [
	{ epsg: 4326, name: 'WGS 84, Länge/Breite', proj4: WGS84, unit: 'degree' },
	{
		epsg: 4258,
		name: 'ETRS89, Länge/Breite',
		proj4: `+proj=longlat +ellps=GRS80 ${ETRS89_TOWGS84} +no_defs`,
		unit: 'degree',
		sameCoordinatesAs: 4326
	},
	{
		epsg: 3857,
		name: 'WGS 84 / Pseudo-Mercator, Web-Mercator',
		proj4:
			'+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m ' +
			'+nadgrids=@null +wktext +no_defs',
		unit: 'metre'
	},
	etrsUtm(25832, 32, false),
	etrsUtm(25833, 33, false),
	etrsUtm(4647, 32, true),
	etrsUtm(5650, 33, true),
	{
		epsg: 32632,
		name: 'WGS 84 / UTM Zone 32N',
		proj4: '+proj=utm +zone=32 +datum=WGS84 +units=m +no_defs',
		unit: 'metre',
		sameCoordinatesAs: 25832
	},
	{
		epsg: 32633,
		name: 'WGS 84 / UTM Zone 33N',
		proj4: '+proj=utm +zone=33 +datum=WGS84 +units=m +no_defs',
		unit: 'metre',
		sameCoordinatesAs: 25833
	},
	gaussKrueger(31466, 2, false),
	gaussKrueger(31467, 3, false),
	gaussKrueger(31468, 4, false),
	gaussKrueger(31469, 5, false),
	gaussKrueger(5676, 2, true),
	gaussKrueger(5677, 3, true),
	gaussKrueger(5678, 4, true),
	gaussKrueger(5679, 5, true)
];

/**
 * The CRSs the importer can reproject, by EPSG code.
 * `SUPPORTED_CRS.get(25832)?.name` -> "ETRS89 / UTM Zone 32N"
 */
export const SUPPORTED_CRS: ReadonlyMap<number, CrsDef> = new Map(
	DEFS.map((d) => [d.epsg, Object.freeze(d)] as const)
);

/** The CRS whose coordinates these are: itself, or the one it is interchangeable with. */
const group = (epsg: number) => SUPPORTED_CRS.get(epsg)?.sameCoordinatesAs ?? epsg;

/** Deprecated or unofficial codes of a supported CRS, with identical coordinates. */
const EPSG_ALIASES: ReadonlyMap<number, number> = new Map([
	[3785, 3857], // "Popular Visualisation CRS / Mercator", deprecated in favour of 3857
	[900913, 3857], // the unofficial "Google" code
	[31462, 31466], // "DHDN / 3-degree Gauss zone 2" ... "zone 5", deprecated
	[31463, 31467],
	[31464, 31468],
	[31465, 31469]
]);

/**
 * The current code for a deprecated or unofficial alias; other codes unchanged.
 * `canonicalEpsg(900913)` -> 3857
 */
export function canonicalEpsg(code: number): number {
	return EPSG_ALIASES.get(code) ?? code;
}

/**
 * "EPSG:25832 (ETRS89 / UTM Zone 32N)" for messages; the bare code for an unknown one.
 * `crsLabel(31467)` -> "EPSG:31467 (DHDN / Gauß-Krüger Zone 3)"
 */
export function crsLabel(epsg: number): string {
	const def = SUPPORTED_CRS.get(epsg);
	return def ? `EPSG:${epsg} (${def.name})` : `EPSG:${epsg}`;
}

/**
 * German message for a code the importer cannot reproject, listing what it can.
 * `unsupportedCrsMessage(2056)` -> "EPSG:2056 wird nicht unterstützt. Unterstützt werden: EPSG:4326 (…), …"
 */
export function unsupportedCrsMessage(epsg: number): string {
	return `EPSG:${epsg} wird nicht unterstützt. Unterstützt werden: ${DEFS.map((d) => crsLabel(d.epsg)).join(', ')}.`;
}

/**
 * The EPSG code in a CRS identifier as found in GeoJSON `crs` members, GML, OGC services and
 * command lines; deprecated aliases are replaced by the current code. Does not check support.
 * `parseCrsIdentifier('urn:ogc:def:crs:EPSG::25832')` -> 25832, `parseCrsIdentifier('UTM32')` -> null
 */
export function parseCrsIdentifier(text: string): number | null {
	const t = text.trim();
	if (
		/^(?:urn:ogc:def:crs:ogc:[\d.]*:|https?:\/\/www\.opengis\.net\/def\/crs\/ogc\/[^/]+\/)?crs84$/i.test(t)
	) {
		return 4326;
	}
	const esri = /^esri\s*:\s*(\d{1,6})$/i.exec(t);
	if (esri) return epsgFromEsriWkid(Number(esri[1]));
	const match =
		/^(?:epsg\s*:\s*)?(\d{1,6})$/i.exec(t) ??
		/^urn:ogc:def:crs:epsg:[\d.]*:(\d{1,6})$/i.exec(t) ??
		/^https?:\/\/www\.opengis\.net\/def\/crs\/epsg\/[^/]+\/(\d{1,6})$/i.exec(t);
	if (!match) return null;
	const code = Number(match[1]);
	return code > 0 ? canonicalEpsg(code) : null;
}

/** Esri-only wkids (100000 and up) that mean a supported CRS. */
const ESRI_WKIDS: ReadonlyMap<number, number> = new Map([
	[102100, 3857], // WGS_1984_Web_Mercator_Auxiliary_Sphere (latestWkid 3857)
	[102113, 3857], // WGS_1984_Web_Mercator
	[102329, 4647], // ETRS_1989_UTM_Zone_32N_8stellen: false easting 32500000
	[102362, 4647], // ETRS_1989_UTM_Zone_N32, replaced by 4647
	[102360, 5650] // ETRS_1989_UTM_Zone_33N_8stellen: false easting 33500000
]);

/**
 * The supported EPSG code for an Esri wkid or latestWkid (Esri uses the EPSG code where one
 * exists); null when unknown or unsupported.
 * `epsgFromEsriWkid(102100)` -> 3857, `epsgFromEsriWkid(54004)` -> null
 */
export function epsgFromEsriWkid(wkid: number): number | null {
	const code = ESRI_WKIDS.get(wkid) ?? canonicalEpsg(wkid);
	return SUPPORTED_CRS.has(code) ? code : null;
}

// ---------------------------------------------------------------------------------------------
// Reprojection

export type Transform = (xy: readonly [number, number] | readonly number[]) => [number, number];

function converter(from: string, to: string): Transform {
	const c = proj4(from, to);
	return (xy) => {
		const x = xy[0];
		const y = xy[1];
		if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return [NaN, NaN];
		try {
			const out = c.forward([x, y]);
			return [out[0] ?? NaN, out[1] ?? NaN];
		} catch {
			return [NaN, NaN];
		}
	};
}

function requireDef(epsg: number, caller: string): CrsDef {
	const def = SUPPORTED_CRS.get(epsg);
	if (!def) throw new Error(`${caller}: EPSG:${epsg} is not supported; check SUPPORTED_CRS first`);
	return def;
}

/**
 * A transform from the CRS's coordinates (x = easting/lon, y = northing/lat) to WGS 84
 * [lon, lat]; [NaN, NaN] for a point that is not finite or cannot be transformed. Throws for an
 * unsupported code (a bug: callers check SUPPORTED_CRS first).
 * `toWgs84(25832)([513_000, 5_403_000])` -> [9.18, 48.78] (about)
 */
export function toWgs84(epsg: number): Transform {
	const def = requireDef(epsg, 'toWgs84');
	if (epsg === 4326) return (xy) => [xy[0] ?? NaN, xy[1] ?? NaN];
	return converter(def.proj4, WGS84);
}

/** The inverse of toWgs84, for plausibility checks and the typical ranges in messages. */
function fromWgs84(epsg: number): Transform {
	return converter(WGS84, requireDef(epsg, 'fromWgs84').proj4);
}

/**
 * A new geometry with every position passed through `transform`; keeps x and y only (drops Z and
 * M) and drops a `bbox`, which would be in the old units. Does not mutate the input.
 * `reprojectGeometry({ type: 'Point', coordinates: [513000, 5403000, 250] }, toWgs84(25832))`
 * -> `{ type: 'Point', coordinates: [9.18, 48.78] }` (about)
 */
export function reprojectGeometry<G extends Geometry>(
	geometry: G,
	transform: (xy: readonly number[]) => [number, number]
): G {
	const pos = (p: Position): Position => {
		const [x, y] = transform(p);
		return [x, y];
	};
	const line = (l: Position[]) => l.map(pos);
	const poly = (rings: Position[][]) => rings.map(line);
	const g: Geometry = geometry;
	let out: Geometry;
	switch (g.type) {
		case 'Point':
			out = { type: g.type, coordinates: pos(g.coordinates) };
			break;
		case 'MultiPoint':
		case 'LineString':
			out = { type: g.type, coordinates: line(g.coordinates) };
			break;
		case 'MultiLineString':
		case 'Polygon':
			out = { type: g.type, coordinates: poly(g.coordinates) };
			break;
		case 'MultiPolygon':
			out = { type: g.type, coordinates: g.coordinates.map(poly) };
			break;
		case 'GeometryCollection':
			out = { type: g.type, geometries: g.geometries.map((c) => reprojectGeometry(c, transform)) };
			break;
	}
	return out as G;
}

// ---------------------------------------------------------------------------------------------
// Guessing the CRS from the numbers

type Bbox = readonly [number, number, number, number];
/** [west, south, east, north] in degrees. */
type LonLatBox = [number, number, number, number];

/** Germany with a margin (its extent is about lon 5.87–15.04, lat 47.27–55.06). */
const GERMANY: LonLatBox = [5.5, 47, 15.5, 55.5];
const GERMANY_CENTRE: readonly [number, number] = [10.45, 51.16];
/** How far from the city's reference point the data may reach, in km. */
const NEAR_KM = 60;

/** Where the bbox lands when read in one CRS, and how far that is from `near` (or Germany's centre). */
interface Placement {
	epsg: number;
	swapped: boolean;
	box: LonLatBox;
	inGermany: boolean;
	/** Distance from `near` to the box (0 inside); from Germany's centre without `near`. */
	distanceKm: number;
	/** Distance from `near` (or Germany's centre) to the centre of the box, to break ties. */
	centreKm: number;
}

function validBbox(b: Bbox): boolean {
	return b.every(Number.isFinite) && b[0] <= b[2] && b[1] <= b[3];
}

function haversineKm(a: readonly [number, number], b: readonly [number, number]): number {
	const rad = Math.PI / 180;
	const dLat = (b[1] - a[1]) * rad;
	const dLon = (b[0] - a[0]) * rad;
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function distanceToBoxKm(p: readonly [number, number], box: LonLatBox): number {
	const clamped: [number, number] = [
		Math.min(Math.max(p[0], box[0]), box[2]),
		Math.min(Math.max(p[1], box[1]), box[3])
	];
	return haversineKm(p, clamped);
}

const boxCentre = (box: LonLatBox): [number, number] => [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];

/**
 * The lon/lat box of `bbox` read in `epsg` (corners, edge midpoints and centre), or null when a
 * point does not transform or does not transform back: far outside its zone a projection can
 * fold points onto plausible-looking places.
 */
function lonLatBox(bbox: Bbox, epsg: number, swapped: boolean): LonLatBox | null {
	const [x0, y0, x1, y1] = swapped ? [bbox[1], bbox[0], bbox[3], bbox[2]] : bbox;
	const def = requireDef(epsg, 'lonLatBox');
	if (
		def.unit === 'degree' &&
		(Math.abs(x0) > 180 || Math.abs(x1) > 180 || Math.abs(y0) > 90 || Math.abs(y1) > 90)
	) {
		return null;
	}
	const inverse = toWgs84(epsg);
	const forward = fromWgs84(epsg);
	const tolerance = def.unit === 'degree' ? 1e-7 : 0.01;
	const xm = (x0 + x1) / 2;
	const ym = (y0 + y1) / 2;
	const box: LonLatBox = [Infinity, Infinity, -Infinity, -Infinity];
	for (const p of [
		[x0, y0],
		[x1, y0],
		[x0, y1],
		[x1, y1],
		[xm, y0],
		[xm, y1],
		[x0, ym],
		[x1, ym],
		[xm, ym]
	] as const) {
		const [lon, lat] = inverse(p);
		if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90) return null;
		const [bx, by] = forward([lon, lat]);
		if (!(Math.abs(bx - p[0]) <= tolerance && Math.abs(by - p[1]) <= tolerance)) return null;
		box[0] = Math.min(box[0], lon);
		box[1] = Math.min(box[1], lat);
		box[2] = Math.max(box[2], lon);
		box[3] = Math.max(box[3], lat);
	}
	return box;
}

function place(
	bbox: Bbox,
	epsg: number,
	swapped: boolean,
	near?: readonly [number, number]
): Placement | null {
	const box = lonLatBox(bbox, epsg, swapped);
	if (!box) return null;
	const ref = near ?? GERMANY_CENTRE;
	return {
		epsg,
		swapped,
		box,
		inGermany: box[0] >= GERMANY[0] && box[1] >= GERMANY[1] && box[2] <= GERMANY[2] && box[3] <= GERMANY[3],
		distanceKm: distanceToBoxKm(ref, box),
		centreKm: haversineKm(ref, boxCentre(box))
	};
}

const fits = (p: Placement, near?: readonly [number, number]) =>
	p.inGermany && (near === undefined || p.distanceKm <= NEAR_KM);

function usableNear(near?: readonly [number, number]): readonly [number, number] | undefined {
	return near && Number.isFinite(near[0]) && Number.isFinite(near[1]) ? near : undefined;
}

/** All readings of the bbox that land in Germany (and near `near`), best first. */
function rank(bbox: Bbox, near?: readonly [number, number]): Placement[] {
	if (!validBbox(bbox)) return [];
	const found: Placement[] = [];
	for (const def of DEFS) {
		if (def.sameCoordinatesAs !== undefined) continue;
		for (const swapped of [false, true]) {
			const p = place(bbox, def.epsg, swapped, near);
			if (p && fits(p, near)) found.push(p);
		}
	}
	// Array.prototype.sort is stable: ties keep the order of DEFS, unswapped first.
	return found.sort((a, b) => a.distanceKm - b.distanceKm || a.centreKm - b.centreKm);
}

/**
 * Which supported CRSs the coordinates of a bounding box [xmin, ymin, xmax, ymax] (in file units)
 * could belong to, for German data: each candidate's reprojected box must lie inside Germany
 * with a margin (lon 5.5–15.5, lat 47–55.5) and, when `near` (WGS 84 [lon, lat] of the city) is
 * given, within 60 km of it. Best first: closest to `near`, else to Germany's centre. Also finds
 * swapped axes (lat/lon as x/y, northing/easting swapped) as `{ epsg, swapped: true }`. Proposes
 * one CRS per set of interchangeable coordinates (4326, not 4258; 25832, not 32632; 31467, not 5677).
 * `guessCrs([500000, 5395000, 525000, 5420000], [9.18, 48.78])` -> [{ epsg: 25832, swapped: false }]
 */
export function guessCrs(
	bbox: readonly [number, number, number, number],
	near?: readonly [number, number]
): Array<{ epsg: number; swapped: boolean }> {
	return rank(bbox, usableNear(near)).map(({ epsg, swapped }) => ({ epsg, swapped }));
}

// ---------------------------------------------------------------------------------------------
// Messages

function formatNumber(v: number): string {
	const abs = Math.abs(v);
	if (abs >= 100_000) return (Math.round(v / 1000) * 1000).toLocaleString('de-DE');
	if (abs >= 1000) return Math.round(v).toLocaleString('de-DE');
	return v.toLocaleString('de-DE', { maximumFractionDigits: 4 });
}

function formatRange(lo: number, hi: number): string {
	const a = formatNumber(lo);
	const b = formatNumber(hi);
	return a === b ? a : `${a}–${b}`;
}

/** "x 3.507.000–3.516.000, y 5.402.000–5.410.000" */
function describeBbox(b: Bbox): string {
	return `x ${formatRange(b[0], b[2])}, y ${formatRange(b[1], b[3])}`;
}

/** "48,78° N, 9,18° O" */
function describeLonLat([lon, lat]: readonly [number, number]): string {
	const f = (v: number) =>
		Math.abs(v).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	return `${f(lat)}° ${lat < 0 ? 'S' : 'N'}, ${f(lon)}° ${lon < 0 ? 'W' : 'O'}`;
}

function swapDetail(epsg: number): string {
	return SUPPORTED_CRS.get(epsg)?.unit === 'degree'
		? 'x enthält die Breite, y die Länge'
		: 'x enthält den Hochwert, y den Rechtswert';
}

function describeCandidate(p: Placement): string {
	return p.swapped ? `${crsLabel(p.epsg)} mit vertauschten Achsen (${swapDetail(p.epsg)})` : crsLabel(p.epsg);
}

/** "EPSG:25832 (…)" or "EPSG:25832 (…) oder EPSG:25833 (…) – bitte prüfen, welches zutrifft" */
function candidatesText(cands: Placement[]): string {
	const shown = cands.slice(0, 3);
	const text = shown.map(describeCandidate).join(' oder ');
	return shown.length > 1 ? `${text} – bitte prüfen, welches zutrifft` : text;
}

function fixFor(p: Placement, given?: number): string {
	if (p.swapped && given !== undefined && p.epsg === group(given)) {
		return 'Das Koordinatensystem stimmt, aber x und y müssen getauscht werden.';
	}
	return p.swapped
		? `Mit --crs EPSG:${p.epsg} angeben und x und y tauschen.`
		: `Mit --crs EPSG:${p.epsg} angeben.`;
}

/** "Als EPSG:25832 (…) gelesen lägen sie bei 42,51° N, 45,60° O, außerhalb Deutschlands." */
function whereText(p: Placement, near?: readonly [number, number]): string {
	const at = `Als ${describeCandidate(p)} gelesen lägen sie bei ${describeLonLat(boxCentre(p.box))}`;
	if (!p.inGermany) return `${at}, außerhalb Deutschlands.`;
	return near ? `${at}, ${Math.round(p.distanceKm)} km von der Stadt entfernt.` : `${at}.`;
}

/** The value ranges of the common CRSs over Germany, for "nothing fits" messages. */
function typicalRanges(): string {
	const lat: [number, number] = [47.27, 55.06];
	const range = (epsg: number, lon: [number, number], step: number) => {
		const forward = fromWgs84(epsg);
		const xs: number[] = [];
		const ys: number[] = [];
		for (let i = 0; i <= 8; i++) {
			const lo = lon[0] + ((lon[1] - lon[0]) * i) / 8;
			const la = lat[0] + ((lat[1] - lat[0]) * i) / 8;
			for (const p of [
				[lo, lat[0]],
				[lo, lat[1]],
				[lon[0], la],
				[lon[1], la]
			] as const) {
				const [x, y] = forward(p);
				xs.push(x);
				ys.push(y);
			}
		}
		const down = (v: number[]) => Math.floor(Math.min(...v) / step) * step;
		const up = (v: number[]) => Math.ceil(Math.max(...v) / step) * step;
		return `x ${formatRange(down(xs), up(xs))}, y ${formatRange(down(ys), up(ys))}`;
	};
	// Each zone over the part of Germany where it is used.
	return [
		`Länge/Breite in Grad (EPSG:4326, EPSG:4258): ${range(4326, [5.87, 15.04], 0.1)}`,
		`ETRS89 / UTM Zone 32N (EPSG:25832): ${range(25832, [5.87, 12], 10_000)}`,
		`ETRS89 / UTM Zone 33N (EPSG:25833): ${range(25833, [11.2, 15.04], 10_000)}`,
		`dieselben mit Zonenkennziffer (EPSG:4647, EPSG:5650): x mit vorangestellter 32 bzw. 33`,
		`DHDN / Gauß-Krüger Zone 2–5 (EPSG:31466–31469): x beginnt mit der Zonenziffer, in Zone 3 ` +
			range(31467, [7.5, 10.5], 10_000),
		`Web-Mercator (EPSG:3857): ${range(3857, [5.87, 15.04], 10_000)}`
	].join('; ');
}

/** Where the data would lie in the CRS that puts it closest to the city, when none puts it near. */
function farAwayText(bbox: Bbox, near: readonly [number, number]): string | null {
	const anywhere = rank(bbox).map((p) => place(bbox, p.epsg, p.swapped, near)!);
	anywhere.sort((a, b) => a.distanceKm - b.distanceKm);
	return anywhere[0] ? `${whereText(anywhere[0], near)} Gehört die Datei zu dieser Stadt?` : null;
}

/**
 * Check that a bbox in file units can belong to `epsg` (the same test as guessCrs). Null when
 * plausible, else a German message that says what the coordinates look like instead, how to fix
 * it and where they would lie as given. Throws for an unsupported code, like toWgs84.
 * `crsProblem([3507000, 5402000, 3516000, 5410000], 25832)` -> "Die Koordinaten (x 3.507.000–3.516.000,
 * y 5.402.000–5.410.000) passen nicht zu EPSG:25832 (ETRS89 / UTM Zone 32N); sie sehen aus wie
 * EPSG:31467 (DHDN / Gauß-Krüger Zone 3). Mit --crs EPSG:31467 angeben. Als EPSG:25832 …"
 */
export function crsProblem(
	bbox: readonly [number, number, number, number],
	epsg: number,
	near?: readonly [number, number]
): string | null {
	requireDef(epsg, 'crsProblem');
	const nearby = usableNear(near);
	const coordinates = `Die Koordinaten (${describeBbox(bbox)})`;
	if (!validBbox(bbox)) return `${coordinates} ergeben keinen gültigen Bereich; die Geometrien prüfen.`;
	const own = place(bbox, epsg, false, nearby);
	if (own && fits(own, nearby)) return null;
	const asGiven = own ? ` ${whereText(own, nearby)}` : '';
	const cands = rank(bbox, nearby);
	if (cands[0]) {
		return (
			`${coordinates} passen nicht zu ${crsLabel(epsg)}; sie sehen aus wie ${candidatesText(cands)}. ` +
			`${fixFor(cands[0], epsg)}${asGiven}`
		);
	}
	const far = nearby && farAwayText(bbox, nearby);
	if (far && own?.inGermany) {
		return (
			`${coordinates} liegen mit ${crsLabel(epsg)} nicht in der Nähe der Stadt, und kein anderes ` +
			`Koordinatensystem bringt sie dorthin.${asGiven} Gehört die Datei zu dieser Stadt?`
		);
	}
	if (far) {
		return (
			`${coordinates} passen nicht zu ${crsLabel(epsg)}, und kein Koordinatensystem bringt sie in die ` +
			`Nähe der Stadt. ${far}`
		);
	}
	return (
		`${coordinates} passen weder zu ${crsLabel(epsg)} noch zu einem anderen unterstützten ` +
		`Koordinatensystem in Deutschland.${asGiven} Übliche Werte in Deutschland: ${typicalRanges()}.`
	);
}

/**
 * German description of what CRS the coordinates look like and how to pass it, for a file whose
 * own CRS is missing or unusable.
 * `crsSuggestion([500000, 5395000, 525000, 5420000], [9.18, 48.78])` -> "Die Koordinaten
 * (x 500.000–525.000, y 5.395.000–5.420.000) sehen aus wie EPSG:25832 (ETRS89 / UTM Zone 32N).
 * Mit --crs EPSG:25832 angeben."
 */
export function crsSuggestion(
	bbox: readonly [number, number, number, number],
	near?: readonly [number, number]
): string {
	const nearby = usableNear(near);
	const coordinates = `Die Koordinaten (${describeBbox(bbox)})`;
	if (!validBbox(bbox)) return `${coordinates} ergeben keinen gültigen Bereich; die Geometrien prüfen.`;
	const cands = rank(bbox, nearby);
	if (cands[0]) return `${coordinates} sehen aus wie ${candidatesText(cands)}. ${fixFor(cands[0])}`;
	const far = nearby && farAwayText(bbox, nearby);
	if (far) return `${coordinates} liegen mit keinem Koordinatensystem in der Nähe der Stadt. ${far}`;
	return (
		`${coordinates} passen zu keinem unterstützten Koordinatensystem in Deutschland. ` +
		`Übliche Werte in Deutschland: ${typicalRanges()}. ` +
		'Das Koordinatensystem beim Datenlieferanten erfragen und mit --crs angeben.'
	);
}

/**
 * German one-line description of the candidates for a file without any CRS.
 * `missingCrsMessage([500000, 5395000, 525000, 5420000], [9.18, 48.78])` -> "Die Datei nennt kein
 * Koordinatensystem. Die Koordinaten (x 500.000–525.000, y 5.395.000–5.420.000) sehen aus wie
 * EPSG:25832 (ETRS89 / UTM Zone 32N). Mit --crs EPSG:25832 angeben."
 */
export function missingCrsMessage(
	bbox: readonly [number, number, number, number],
	near?: readonly [number, number]
): string {
	return `Die Datei nennt kein Koordinatensystem. ${crsSuggestion(bbox, near)}`;
}

// ---------------------------------------------------------------------------------------------
// WKT

interface WktNode {
	keyword: string;
	/** Bare words such as EAST or ellipsoidal are nodes without arguments. */
	args: WktArg[];
}
type WktArg = WktNode | string | number;

const MAX_DEPTH = 64;

/** Parse WKT1 (OGC and Esri flavour) or WKT2 into a tree; throws a German message on bad syntax. */
function parseWkt(text: string): WktNode {
	const s = text.replace(/^\uFEFF/, '');
	let i = 0;
	const skip = () => {
		while (i < s.length && /[\s\0]/.test(s[i]!)) i++;
	};
	const fail = (what: string): never => {
		throw new Error(`${what} an Stelle ${i + 1}`);
	};
	const word = () => {
		const m = /[A-Za-z_][A-Za-z0-9_]*/y;
		m.lastIndex = i;
		const r = m.exec(s);
		if (!r) return fail('Schlüsselwort erwartet');
		i = m.lastIndex;
		return r[0];
	};
	const value = (depth: number): WktArg => {
		skip();
		const c = s[i];
		if (c === '"') {
			let out = '';
			i++;
			for (;;) {
				if (i >= s.length) return fail('Anführungszeichen nicht geschlossen');
				if (s[i] === '"') {
					if (s[i + 1] === '"') {
						out += '"';
						i += 2;
						continue;
					}
					i++;
					return out;
				}
				out += s[i++];
			}
		}
		const n = /[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
		n.lastIndex = i;
		const num = n.exec(s);
		if (num) {
			i = n.lastIndex;
			return Number(num[0]);
		}
		return node(depth);
	};
	const node = (depth: number): WktNode => {
		if (depth > MAX_DEPTH) fail('zu tief verschachtelt');
		skip();
		const keyword = word().toUpperCase();
		skip();
		const open = s[i];
		if (open !== '[' && open !== '(') return { keyword, args: [] };
		const close = open === '[' ? ']' : ')';
		i++;
		const args: WktArg[] = [];
		skip();
		if (s[i] === close) {
			i++;
			return { keyword, args };
		}
		for (;;) {
			args.push(value(depth + 1));
			skip();
			if (s[i] === ',') {
				i++;
				continue;
			}
			if (s[i] === close) {
				i++;
				return { keyword, args };
			}
			return fail(`„,“ oder „${close}“ erwartet`);
		}
	};
	const root = node(0);
	if (root.args.length === 0) fail('„[“ erwartet');
	skip();
	if (i < s.length) fail('unerwarteter Text nach dem Ende');
	return root;
}

const isNode = (a: WktArg | undefined): a is WktNode => typeof a === 'object';
const children = (n: WktNode, ...keywords: string[]) =>
	n.args.filter((a): a is WktNode => isNode(a) && keywords.includes(a.keyword));
const child = (n: WktNode, ...keywords: string[]) => children(n, ...keywords)[0];

function descendant(n: WktNode, ...keywords: string[]): WktNode | undefined {
	for (const a of n.args) {
		if (!isNode(a)) continue;
		if (keywords.includes(a.keyword)) return a;
		const d = descendant(a, ...keywords);
		if (d) return d;
	}
	return undefined;
}

const str = (a: WktArg | undefined) => (typeof a === 'string' ? a : undefined);
const num = (a: WktArg | undefined) =>
	typeof a === 'number' ? a : typeof a === 'string' && a.trim() !== '' ? Number(a) : undefined;

const PROJECTED = ['PROJCS', 'PROJCRS', 'PROJECTEDCRS'];
const GEOGRAPHIC = ['GEOGCS', 'GEOGCRS', 'GEOGRAPHICCRS', 'GEODCRS', 'GEODETICCRS'];
const BASE_GEOGRAPHIC = ['GEOGCS', 'BASEGEOGCRS', 'BASEGEODCRS'];

/** The horizontal CRS inside compound and bound CRSs. */
function horizontalCrs(n: WktNode): WktNode | undefined {
	if (PROJECTED.includes(n.keyword) || GEOGRAPHIC.includes(n.keyword)) return n;
	if (n.keyword === 'COMPD_CS' || n.keyword === 'COMPOUNDCRS') {
		for (const a of n.args) {
			const h = isNode(a) ? horizontalCrs(a) : undefined;
			if (h) return h;
		}
	}
	if (n.keyword === 'BOUNDCRS') {
		const source = child(n, 'SOURCECRS')?.args.find(isNode);
		return source && horizontalCrs(source);
	}
	return undefined;
}

type Datum = 'wgs84' | 'etrs89' | 'dhdn';

/** The datum from the ellipsoid's numbers and the datum's name; 'other' for anything else. */
function datumOf(crs: WktNode): Datum | 'other' | 'unknown' {
	const ellipsoid = descendant(crs, 'SPHEROID', 'ELLIPSOID');
	if (!ellipsoid) return 'unknown';
	const a = num(ellipsoid.args[1]);
	const rf = num(ellipsoid.args[2]);
	if (a === undefined || rf === undefined) return 'unknown';
	const datumNode = descendant(crs, 'DATUM', 'TRF', 'GEODETICDATUM', 'ENSEMBLE');
	const name = normaliseName(str(datumNode?.args[0]) ?? '');
	const near = (x: number, y: number, tol: number) => Math.abs(x - y) <= tol;
	if (near(a, 6378137, 0.01) && near(rf, 298.257222101, 5e-7)) {
		return name === '' || /etrs|etrf|european_terrestrial/.test(name) ? 'etrs89' : 'other';
	}
	if (near(a, 6378137, 0.01) && near(rf, 298.257223563, 5e-7)) {
		if (/etrs|etrf|european_terrestrial/.test(name)) return 'etrs89';
		return name === '' || /wgs|world_geodetic/.test(name) ? 'wgs84' : 'other';
	}
	if (near(a, 6377397.155, 0.01) && near(rf, 299.1528128, 5e-7)) {
		return name === '' || /dhdn|hauptdreiecksnetz|^(d_)?potsdam$/.test(name) ? 'dhdn' : 'other';
	}
	return 'other';
}

/** "ETRS89 / UTM zone 32N (zE-N)" -> "etrs89_utm_zone_32n_ze_n"; Krüger, Kruger and Krueger alike. */
function normaliseName(name: string): string {
	return name
		.toLowerCase()
		.replace(/krüger|krueger/g, 'kruger')
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
}

const WEB_MERCATOR_NAMES = new Set([
	'wgs_84_pseudo_mercator',
	'wgs_1984_web_mercator_auxiliary_sphere',
	'wgs_1984_web_mercator',
	'popular_visualisation_crs_mercator',
	'google_maps_global_mercator',
	'web_mercator'
]);

/** EPSG code of a supported CRS from its name as EPSG, Esri, QGIS or GDAL spell it. */
function epsgFromName(name: string): number | null {
	const n = normaliseName(name);
	if (/^(gcs_)?(wgs_?84|wgs_1984)$/.test(n)) return 4326;
	if (/^(gcs_)?(etrs_?89|etrs_1989)$/.test(n)) return 4258;
	if (WEB_MERCATOR_NAMES.has(n)) return 3857;
	const etrs = /^(?:etrs_?89|etrs_1989)_utm_(?:zone_)?(?:(3[23])n(_ze_n|_8stellen)?|n(3[23]))$/.exec(n);
	if (etrs) {
		if (etrs[3]) return etrs[3] === '32' ? 4647 : 5650;
		if (etrs[2]) return etrs[1] === '32' ? 4647 : 5650;
		return 25800 + Number(etrs[1]);
	}
	const wgsUtm = /^(?:wgs_?84|wgs_1984)_utm_(?:zone_)?(3[23])n$/.exec(n);
	if (wgsUtm) return 32600 + Number(wgsUtm[1]);
	const gk = /^dhdn_(?:3_degree_)?gauss(?:_kruger)?_zone_([2-5])(_e_n)?$/.exec(n);
	if (gk) return (gk[2] ? 5674 : 31464) + Number(gk[1]);
	return null;
}

const DEG = Math.PI / 180;

interface TmercParams {
	lon0: number;
	lat0: number;
	k: number;
	fe: number;
	fn: number;
}

/** What a CRS is; `datum` undefined when a WKT names no ellipsoid. */
type Shape<D = Datum> =
	{ kind: 'geographic'; datum: D } | { kind: 'webmerc' } | ({ kind: 'tmerc'; datum: D } & TmercParams);

type WktShape = Shape<Datum | undefined>;

/** The shape of a supported CRS, read from its proj4 string so that the table stays the one source. */
function shapeOfProj4(def: string): Shape {
	const p = new Map(
		def
			.split(/\s+/)
			.filter((t) => t.startsWith('+'))
			.map((t) => {
				const [k, v] = t.slice(1).split('=');
				return [k!, v ?? ''] as const;
			})
	);
	const datum: Datum = p.get('ellps') === 'bessel' ? 'dhdn' : p.get('datum') === 'WGS84' ? 'wgs84' : 'etrs89';
	const value = (key: string, fallback: number) => (p.has(key) ? Number(p.get(key)) : fallback);
	switch (p.get('proj')) {
		case 'longlat':
			return { kind: 'geographic', datum };
		case 'merc':
			return { kind: 'webmerc' };
		case 'utm':
			return {
				kind: 'tmerc',
				datum,
				lon0: value('zone', 0) * 6 - 183,
				lat0: 0,
				k: 0.9996,
				fe: 500_000,
				fn: 0
			};
		case 'tmerc':
			return {
				kind: 'tmerc',
				datum,
				lon0: value('lon_0', 0),
				lat0: value('lat_0', 0),
				k: value('k', 1),
				fe: value('x_0', 0),
				fn: value('y_0', 0)
			};
	}
	throw new Error(`crs: cannot read proj4 definition "${def}"`);
}

const SHAPES: ReadonlyArray<{ def: CrsDef; shape: Shape }> = DEFS.map((def) => ({
	def,
	shape: shapeOfProj4(def.proj4)
}));

function sameShape(a: Shape, b: WktShape): boolean {
	if (a.kind !== b.kind) return false;
	if (a.kind === 'webmerc') return true;
	if (b.kind === 'webmerc' || (b.datum !== undefined && a.datum !== b.datum)) return false;
	if (a.kind === 'geographic' || b.kind === 'geographic') return true;
	const close = (x: number, y: number, tol: number) => Math.abs(x - y) <= tol;
	return (
		close(a.lon0, b.lon0, 1e-7) &&
		close(a.lat0, b.lat0, 1e-7) &&
		close(a.k, b.k, 1e-9) &&
		close(a.fe, b.fe, 0.001) &&
		close(a.fn, b.fn, 0.001)
	);
}

/** The supported CRS with these parameters; of interchangeable ones the one guessCrs proposes. */
function epsgFromShape(shape: WktShape): number | null {
	const hits = SHAPES.filter((s) => sameShape(s.shape, shape)).map((s) => s.def);
	return (hits.find((d) => d.sameCoordinatesAs === undefined) ?? hits[0])?.epsg ?? null;
}

type ParameterKey = keyof TmercParams | 'latTs' | 'auxSphere';

/** Parameter names of WKT1 (OGC, Esri) and WKT2, lower case without separators. */
const PARAMETER_NAMES: ReadonlyMap<string, ParameterKey> = new Map([
	['centralmeridian', 'lon0'],
	['longitudeofnaturalorigin', 'lon0'],
	['longitudeoforigin', 'lon0'],
	['longitudeofcenter', 'lon0'],
	['latitudeoforigin', 'lat0'],
	['latitudeofnaturalorigin', 'lat0'],
	['latitudeofcenter', 'lat0'],
	['scalefactor', 'k'],
	['scalefactoratnaturalorigin', 'k'],
	['falseeasting', 'fe'],
	['falsenorthing', 'fn'],
	['standardparallel1', 'latTs'],
	['latitudeof1ststandardparallel', 'latTs'],
	['auxiliaryspheretype', 'auxSphere']
]);
const ANGULAR: ReadonlySet<ParameterKey> = new Set(['lon0', 'lat0', 'latTs']);
const LINEAR: ReadonlySet<ParameterKey> = new Set(['fe', 'fn']);

const compact = (s: string) => normaliseName(s).replace(/_/g, '');

const unitFactor = (n: WktNode | undefined) => num(n?.args[1]) ?? 1;

const DATUM_LABEL: Record<Datum, string> = { etrs89: 'ETRS89', wgs84: 'WGS 84', dhdn: 'DHDN' };

/**
 * The shape a WKT states by its numbers; null when it states none (a bare name), a problem when
 * it states something unsupported.
 */
function wktShape(crs: WktNode): { shape: WktShape } | { problem: string } | null {
	const datum = datumOf(crs);
	const datumName = str(descendant(crs, 'DATUM', 'TRF', 'GEODETICDATUM', 'ENSEMBLE')?.args[0]);
	const base = GEOGRAPHIC.includes(crs.keyword) ? crs : child(crs, ...BASE_GEOGRAPHIC);
	const angularUnit = base && (child(base, 'UNIT', 'ANGLEUNIT') ?? descendant(base, 'ANGLEUNIT'));
	const angular = angularUnit ? unitFactor(angularUnit) : DEG;
	const primeMeridian = num(descendant(crs, 'PRIMEM', 'PRIMEMERIDIAN')?.args[1]) ?? 0;
	if (primeMeridian !== 0) return { problem: 'Nullmeridian ist nicht Greenwich' };

	if (GEOGRAPHIC.includes(crs.keyword)) {
		const cs = child(crs, 'CS')?.args[0];
		const csType = isNode(cs) ? cs.keyword : str(cs)?.toUpperCase();
		if (csType !== undefined && csType !== 'ELLIPSOIDAL') return { problem: 'geozentrische Koordinaten' };
		if (Math.abs(angular - DEG) > 1e-12) return { problem: 'Winkel nicht in Grad' };
		if (datum === 'unknown') return null;
		if (datum === 'other') return { problem: `Datum „${datumName ?? '?'}“` };
		if (datum === 'dhdn') return { problem: 'geografische DHDN-Koordinaten (EPSG:4314)' };
		return { shape: { kind: 'geographic', datum } };
	}

	const conversion = child(crs, 'CONVERSION');
	const method = str(child(conversion ?? crs, 'PROJECTION', 'METHOD')?.args[0]);
	const parameterNodes = children(conversion ?? crs, 'PARAMETER');
	if (method === undefined && parameterNodes.length === 0) return null;

	const lengthUnit =
		child(crs, 'UNIT', 'LENGTHUNIT') ??
		children(crs, 'AXIS')
			.map((a) => child(a, 'LENGTHUNIT', 'UNIT'))
			.find((u) => u !== undefined);
	if (Math.abs(unitFactor(lengthUnit) - 1) > 1e-9) {
		return { problem: `Einheit „${str(lengthUnit?.args[0]) ?? '?'}“ statt Meter` };
	}
	const values: Partial<Record<ParameterKey, number>> = {};
	for (const p of parameterNodes) {
		const key = PARAMETER_NAMES.get(compact(str(p.args[0]) ?? ''));
		const value = num(p.args[1]);
		if (!key || value === undefined) continue;
		const unit = child(p, 'ANGLEUNIT', 'LENGTHUNIT', 'SCALEUNIT', 'UNIT');
		if (ANGULAR.has(key)) values[key] = (value * (unit ? unitFactor(unit) : angular)) / DEG;
		else if (LINEAR.has(key)) values[key] = value * (unit ? unitFactor(unit) : 1);
		else values[key] = value;
	}
	const m = compact(method ?? '');
	const extension = str(child(crs, 'EXTENSION')?.args[1]) ?? '';
	const sphere =
		/\+b=6378137\b/.test(extension) || num(descendant(crs, 'SPHEROID', 'ELLIPSOID')?.args[2]) === 0;
	const webMercator =
		m === 'popularvisualisationpseudomercator' ||
		(m === 'mercatorauxiliarysphere' && (values.auxSphere ?? 0) === 0) ||
		(['mercator', 'mercator1sp', 'mercatorvarianta'].includes(m) && sphere);
	if (webMercator) {
		const zero = ['lon0', 'lat0', 'latTs', 'fe', 'fn'] as const;
		return zero.every((k) => Math.abs(values[k] ?? 0) < 1e-9)
			? { shape: { kind: 'webmerc' } }
			: { problem: 'Web-Mercator mit verschobenem Ursprung' };
	}
	if (m !== 'transversemercator' && m !== 'gausskruger') return { problem: `Projektion „${method ?? '?'}“` };
	if (datum === 'other') return { problem: `Datum „${datumName ?? '?'}“` };
	if (values.lon0 === undefined) return { problem: 'Mittelmeridian fehlt' };
	return {
		shape: {
			kind: 'tmerc',
			datum: datum === 'unknown' ? undefined : datum,
			lon0: values.lon0,
			lat0: values.lat0 ?? 0,
			k: values.k ?? 1,
			fe: values.fe ?? 0,
			fn: values.fn ?? 0
		}
	};
}

function describeShape(shape: WktShape): string {
	const datum = shape.kind !== 'webmerc' && shape.datum ? DATUM_LABEL[shape.datum] : 'Datum unbekannt';
	switch (shape.kind) {
		case 'geographic':
			return `geografisch, ${datum}`;
		case 'webmerc':
			return 'Web-Mercator';
		case 'tmerc':
			return (
				`Transversale Mercator-Projektion, Mittelmeridian ${formatNumber(shape.lon0)}°, ` +
				`Maßstab ${formatNumber(shape.k)}, False Easting ${formatNumber(shape.fe)} m, ${datum}`
			);
	}
}

/** The code a WKT's own top-level AUTHORITY / ID states, as given and as supported EPSG code. */
function statedCode(crs: WktNode): { label: string; epsg: number | null } | null {
	for (const id of children(crs, 'AUTHORITY', 'ID')) {
		const authority = str(id.args[0])?.toUpperCase();
		const code = num(id.args[1]);
		if (code === undefined || !Number.isInteger(code)) continue;
		if (authority === 'EPSG') {
			const epsg = canonicalEpsg(code);
			return { label: `EPSG:${code}`, epsg: SUPPORTED_CRS.has(epsg) ? epsg : null };
		}
		if (authority === 'ESRI') return { label: `ESRI:${code}`, epsg: epsgFromEsriWkid(code) };
	}
	return null;
}

/**
 * Identify the CRS of a WKT (OGC WKT1, Esri WKT1 as in .prj files, WKT2): by its top-level
 * AUTHORITY["EPSG","25832"] / ID["EPSG",25832], else by its name as EPSG, Esri, QGIS or GDAL
 * write it (checked against its parameters when it has any), else by its parameters
 * (projection, central meridian, scale, false easting and northing, ellipsoid and datum). The
 * code returned is always in SUPPORTED_CRS; otherwise a German reason, one clause without a final
 * period so that callers can go on with what to do.
 * `epsgFromWkt('PROJCS["ETRS_1989_UTM_Zone_32N",GEOGCS["GCS_ETRS_1989",…],…]')` -> { epsg: 25832 }
 */
export function epsgFromWkt(wkt: string): { epsg: number } | { problem: string } {
	if (wkt.trim() === '') return { problem: 'Die WKT-Angabe zum Koordinatensystem ist leer' };
	let root: WktNode;
	try {
		root = parseWkt(wkt);
	} catch (e) {
		return { problem: `Die WKT-Angabe zum Koordinatensystem ist nicht lesbar (${(e as Error).message})` };
	}
	const crs = horizontalCrs(root);
	if (!crs) {
		return {
			problem: `Die WKT-Angabe beschreibt kein geografisches oder projiziertes Koordinatensystem (${root.keyword})`
		};
	}
	const stated = statedCode(crs);
	if (stated?.epsg != null) return { epsg: stated.epsg };

	const name = str(crs.args[0]) ?? '';
	const read = wktShape(crs);
	const byParameters = read && 'shape' in read ? epsgFromShape(read.shape) : null;
	const byName = epsgFromName(name);
	if (
		byName !== null &&
		(read === null || (byParameters !== null && group(byName) === group(byParameters)))
	) {
		return { epsg: byName };
	}
	if (byParameters !== null) return { epsg: byParameters };

	const why = read === null ? 'nicht erkannt' : 'problem' in read ? read.problem : describeShape(read.shape);
	const what = name ? `„${name}“` : 'der WKT-Angabe';
	return {
		problem: `Das Koordinatensystem ${what}${stated ? ` (${stated.label})` : ''} wird nicht unterstützt (${why})`
	};
}
