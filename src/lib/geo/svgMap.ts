import { geoIdentity, geoPath } from 'd3';
import type {
	Feature,
	FeatureCollection,
	Geometry,
	MultiLineString,
	MultiPolygon,
	Polygon,
	Position
} from 'geojson';
import { feature, merge, mesh } from 'topojson-client';
import type {
	GeometryCollection,
	MultiPolygon as TopoMultiPolygon,
	Polygon as TopoPolygon,
	Topology
} from 'topojson-specification';

/**
 * A map drawn as plain SVG paths, without WebGL: the areas of one level projected (Web
 * Mercator, planar) into a box of fixed width, fitted to the whole city or to one focus area.
 * Paths are computed once per level and focus; colours and labels are joined by key in the
 * component.
 */

type AreaFeature = Feature<Polygon | MultiPolygon>;

export interface SvgArea {
	key: string;
	/** SVG path data in map pixels. */
	d: string;
	/** Planar centroid in map pixels (for keyboard moves between neighbours). */
	cx: number;
	cy: number;
}

export interface SvgMap {
	width: number;
	height: number;
	areas: SvgArea[];
	/** Outline of the focus area, when there is one. */
	focus: string | null;
	/** Borders of a coarser level drawn over the areas (Stadtbezirke over Stadtteile), when given. */
	borders: string | null;
}

export interface SvgMapOptions {
	width: number;
	/** Height as a share of the width, kept within these bounds (portrait cities, thin focus areas). */
	minAspect?: number;
	maxAspect?: number;
	/** Margin around what is fitted, in pixels. */
	padding?: number;
}

const RAD = Math.PI / 180;

/** Web Mercator y of a latitude, in degrees so that x and y keep the same units. */
function mercatorY(lat: number): number {
	const clamped = Math.max(-85, Math.min(85, lat));
	return Math.log(Math.tan(Math.PI / 4 + (clamped * RAD) / 2)) / RAD;
}

function planePositions(coords: unknown): unknown {
	if (typeof (coords as Position)[0] === 'number') {
		const [lon, lat] = coords as [number, number];
		return [lon, mercatorY(lat)];
	}
	return (coords as unknown[]).map(planePositions);
}

/**
 * A polygon feature in planar Mercator coordinates: ring orientation no longer matters (d3's
 * spherical paths would read a wrongly wound ring as the rest of the globe).
 * `toPlane(square).geometry.coordinates[0][0]` -> `[9, 55.7]` for `[9, 48.7]`
 */
export function toPlane<F extends Feature<Polygon | MultiPolygon | MultiLineString>>(f: F): F {
	return {
		...f,
		geometry: { ...f.geometry, coordinates: planePositions(f.geometry.coordinates) } as F['geometry']
	};
}

/**
 * The SVG paths of areas, fitted to all areas or zoomed to `fit` (the focus area) with some of
 * its surroundings (`FOCUS_CONTEXT`). The height follows the shape of what is fitted, within
 * `minAspect`..`maxAspect` of the width.
 *
 * `svgMap(stadtteile, { width: 600 })` -> `{ width: 600, height: 520, areas: [{ key: '101', d: 'M…Z', cx: 301.2, cy: 240.8 }, …], focus: null, borders: null }`
 *
 * Features need string ids; `width` must be positive (RangeError).
 */
export function svgMap(
	features: readonly AreaFeature[],
	options: SvgMapOptions,
	fit: AreaFeature | null = null,
	borders: Feature<MultiLineString> | null = null
): SvgMap {
	const { width, minAspect = 0.55, maxAspect = 1.1 } = options;
	if (!(width > 0)) throw new RangeError(`svgMap: width must be positive, got ${width}`);
	const padding = options.padding ?? width * 0.02;
	const planar = features.map((f) => toPlane(f));
	const planarFit = fit !== null ? toPlane(fit) : null;
	const target: Feature<Geometry> | FeatureCollection = planarFit
		? contextBox(planarFit, planar)
		: { type: 'FeatureCollection', features: planar };

	const projection = geoIdentity().reflectY(true);
	// Fit to the width alone first (an unbounded height), to learn the height the shape needs.
	projection.fitExtent(
		[
			[0, 0],
			[Math.max(1, width - 2 * padding), 1e9]
		],
		target
	);
	const [[, y0], [, y1]] = geoPath(projection).bounds(target);
	const aspect = Math.min(maxAspect, Math.max(minAspect, (y1 - y0 + 2 * padding) / width));
	const height = Math.round(width * aspect);
	projection.fitExtent(
		[
			[padding, padding],
			[width - padding, height - padding]
		],
		target
	);
	const path = geoPath(projection).digits(1);
	const round = (v: number) => Math.round(v * 10) / 10;
	const areas = planar.map((f) => {
		if (typeof f.id !== 'string') throw new RangeError('svgMap: every area needs a string id');
		const [cx, cy] = path.centroid(f);
		return { key: f.id, d: path(f) ?? '', cx: round(cx), cy: round(cy) };
	});
	return {
		width,
		height,
		areas,
		focus: planarFit ? (path(planarFit) ?? null) : null,
		borders: borders ? (path(toPlane(borders)) ?? null) : null
	};
}

/** Share of the focus area's size added on every side, so that its neighbours stay in view. */
export const FOCUS_CONTEXT = 0.6;

/** Least share of the city's extent a zoomed view shows, so that a small area keeps its quarter around it. */
export const FOCUS_MIN_SHARE = 0.3;

/**
 * The box to fit for a focus area (planar): its bounds widened by `FOCUS_CONTEXT` on every
 * side, to at least `FOCUS_MIN_SHARE` of the extent of all areas, at most their bounds.
 */
function contextBox(focus: AreaFeature, all: readonly AreaFeature[]): Feature<Polygon> {
	const [fx0, fy0, fx1, fy1] = planarBounds([focus]);
	const [ax0, ay0, ax1, ay1] = planarBounds(all.length > 0 ? all : [focus]);
	const grow = (lo: number, hi: number, all: number) =>
		Math.max((hi - lo) * FOCUS_CONTEXT, (all * FOCUS_MIN_SHARE - (hi - lo)) / 2);
	const mx = grow(fx0, fx1, ax1 - ax0);
	const my = grow(fy0, fy1, ay1 - ay0);
	const x0 = Math.max(ax0, fx0 - mx);
	const x1 = Math.min(ax1, fx1 + mx);
	const y0 = Math.max(ay0, fy0 - my);
	const y1 = Math.min(ay1, fy1 + my);
	return {
		type: 'Feature',
		properties: {},
		geometry: {
			type: 'Polygon',
			coordinates: [
				[
					[x0, y0],
					[x1, y0],
					[x1, y1],
					[x0, y1],
					[x0, y0]
				]
			]
		}
	};
}

function planarBounds(features: readonly AreaFeature[]): [number, number, number, number] {
	let x0 = Infinity;
	let y0 = Infinity;
	let x1 = -Infinity;
	let y1 = -Infinity;
	const visit = (c: unknown): void => {
		if (typeof (c as Position)[0] === 'number') {
			const [x, y] = c as [number, number];
			if (x < x0) x0 = x;
			if (x > x1) x1 = x;
			if (y < y0) y0 = y;
			if (y > y1) y1 = y;
		} else (c as unknown[]).forEach(visit);
	};
	for (const f of features) visit(f.geometry.coordinates);
	return [x0, y0, x1, y1];
}

/**
 * The areas of a level object as features with their key as id.
 * `levelFeatures(topo, 'stadtteil')[0].id` -> '101'
 */
export function levelFeatures(topo: Topology, object: string): AreaFeature[] {
	const collection = topo.objects[object];
	if (!collection || collection.type !== 'GeometryCollection')
		throw new RangeError(`levelFeatures: no GeometryCollection "${object}"`);
	return (feature(topo, collection as GeometryCollection) as FeatureCollection<Polygon | MultiPolygon>)
		.features;
}

/**
 * One merged outline of several areas of a level (a Bildungsregion), or the area itself.
 * `mergedArea(topo, 'stadtbezirk', ['2', '21'])` -> `{ type: 'Feature', geometry: { type: 'MultiPolygon', … } }`;
 * null when no key is found.
 */
export function mergedArea(topo: Topology, object: string, keys: readonly string[]): AreaFeature | null {
	const collection = topo.objects[object] as GeometryCollection | undefined;
	if (!collection || collection.type !== 'GeometryCollection') return null;
	const wanted = new Set(keys);
	const members = collection.geometries.filter(
		(g): g is TopoPolygon | TopoMultiPolygon =>
			wanted.has(String(g.id)) && (g.type === 'Polygon' || g.type === 'MultiPolygon')
	);
	if (members.length === 0) return null;
	return { type: 'Feature', properties: {}, geometry: merge(topo, members) };
}

/**
 * The borders between the areas of a level, each once, without the outer edge: for drawing
 * Stadtbezirk borders over Stadtteile. `innerBorders(topo, 'stadtbezirk').geometry.type` -> 'MultiLineString'
 */
export function innerBorders(topo: Topology, object: string): Feature<MultiLineString> | null {
	const collection = topo.objects[object] as GeometryCollection | undefined;
	if (!collection || collection.type !== 'GeometryCollection') return null;
	return { type: 'Feature', properties: {}, geometry: mesh(topo, collection, (a, b) => a !== b) };
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/** Unit vectors on screen (y grows downwards). */
const AXES: Readonly<Record<Direction, readonly [number, number]>> = {
	left: [-1, 0],
	right: [1, 0],
	up: [0, -1],
	down: [0, 1]
};

/**
 * The nearest area in a direction on screen, for arrow keys: among the areas whose centroid
 * lies that way, the one with the smallest distance along the direction plus twice the offset
 * across it (so a neighbour straight ahead beats a closer one to the side).
 *
 * `neighbourInDirection(areas, '101', 'right')` -> '102'; null when nothing lies that way.
 */
export function neighbourInDirection(
	areas: ReadonlyArray<Pick<SvgArea, 'key' | 'cx' | 'cy'>>,
	from: string,
	direction: Direction
): string | null {
	const start = areas.find((a) => a.key === from);
	if (!start) return null;
	const [ax, ay] = AXES[direction];
	let best: string | null = null;
	let bestScore = Infinity;
	for (const a of areas) {
		if (a.key === from) continue;
		const dx = a.cx - start.cx;
		const dy = a.cy - start.cy;
		const along = dx * ax + dy * ay;
		if (along <= 0) continue;
		const across = Math.abs(dx * ay - dy * ax);
		const score = along + 2 * across;
		if (score < bestScore) {
			bestScore = score;
			best = a.key;
		}
	}
	return best;
}
