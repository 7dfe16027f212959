import { kinks } from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/** A finding about one area's geometry; `error`s stop an import, `warning`s are reported. */
export interface GeometryFinding {
	severity: 'error' | 'warning';
	message: string;
	hint: string;
}

export interface CheckedPolygon {
	/** The cleaned geometry (RFC 7946 winding, closed rings); absent when an error was found. */
	geometry?: Polygon | MultiPolygon;
	findings: GeometryFinding[];
	/** Repairs made on the way, for the summary. */
	repairs: PolygonRepairs;
}

/** What `checkPolygon` repaired, counted. */
export interface PolygonRepairs {
	closedRings: number;
	rewoundRings: number;
	droppedHoles: number;
	duplicatePoints: number;
}

/** No repairs yet: the start of a count over many polygons. */
export function noRepairs(): PolygonRepairs {
	return { closedRings: 0, rewoundRings: 0, droppedHoles: 0, duplicatePoints: 0 };
}

/** Adds `more` into `total` (mutates `total`). */
export function addRepairs(total: PolygonRepairs, more: PolygonRepairs): void {
	total.closedRings += more.closedRings;
	total.rewoundRings += more.rewoundRings;
	total.droppedHoles += more.droppedHoles;
	total.duplicatePoints += more.duplicatePoints;
}

/**
 * The repairs of an import in German, for its summary.
 * `repairsText({ closedRings: 2, rewoundRings: 0, droppedHoles: 0, duplicatePoints: 1 })`
 * -> 'bereinigt: 2 Ringe geschlossen, 1 doppelte Punkte entfernt'; none -> 'gültig, nichts zu bereinigen'
 */
export function repairsText(repairs: PolygonRepairs): string {
	const fixed = [
		repairs.closedRings && `${repairs.closedRings} Ringe geschlossen`,
		repairs.rewoundRings && `${repairs.rewoundRings} Ringe nach RFC 7946 umgedreht`,
		repairs.droppedHoles && `${repairs.droppedHoles} entartete Löcher entfernt`,
		repairs.duplicatePoints && `${repairs.duplicatePoints} doppelte Punkte entfernt`
	].filter(Boolean);
	return fixed.length ? `bereinigt: ${fixed.join(', ')}` : 'gültig, nichts zu bereinigen';
}

/** Twice the signed area of a ring in its own units (positive = counter-clockwise). */
export function ringArea2(ring: readonly Position[]): number {
	let sum = 0;
	for (let i = 0, n = ring.length - 1; i < n; i++) {
		const a = ring[i]!;
		const b = ring[i + 1]!;
		sum += a[0]! * b[1]! - b[0]! * a[1]!;
	}
	return sum;
}

const fmt = (v: number) => (Math.round(v * 1e5) / 1e5).toString();

/**
 * Validates and cleans the geometry of one area (WGS84 lon/lat): it must be a non-empty
 * Polygon or MultiPolygon with finite coordinates. Unclosed rings are closed, repeated
 * points dropped, rings rewound to RFC 7946 (outer counter-clockwise, holes clockwise),
 * degenerate holes dropped – each counted in `repairs`. Degenerate outer rings and missing
 * geometry are errors; self-intersections are warnings that name where they are.
 * Does not mutate its input.
 *
 * `checkPolygon({ type: 'Polygon', coordinates: [[[0,0],[0,1],[1,1],[1,0]]] })`
 *   -> { geometry: { type: 'Polygon', coordinates: [[[0,0],[1,0],[1,1],[0,1],[0,0]]] }, repairs: { closedRings: 1, rewoundRings: 1, … } }
 */
export function checkPolygon(geometry: Geometry | null): CheckedPolygon {
	const findings: GeometryFinding[] = [];
	const repairs = noRepairs();
	const fail = (message: string, hint: string): CheckedPolygon => ({
		findings: [...findings, { severity: 'error', message, hint }],
		repairs
	});
	if (geometry === null)
		return fail('hat keine Geometrie', 'Gebiet in der Quelldatei mit einer Fläche versehen oder entfernen');
	if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')
		return fail(
			`ist ein ${geometry.type}, keine Fläche`,
			'Eine Flächenebene (Polygone) wählen, z. B. mit --layer'
		);
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	if (polygons.length === 0 || polygons.every((p) => p.length === 0))
		return fail(
			'hat eine leere Geometrie',
			'Gebiet in der Quelldatei mit einer Fläche versehen oder entfernen'
		);

	const out: Position[][][] = [];
	for (const [pi, rings] of polygons.entries()) {
		const cleaned: Position[][] = [];
		for (const [ri, ring] of rings.entries()) {
			const where = polygons.length > 1 ? `Teilfläche ${pi + 1}, Ring ${ri + 1}` : `Ring ${ri + 1}`;
			const points: Position[] = [];
			for (const p of ring) {
				const x = p[0];
				const y = p[1];
				if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y))
					return fail(
						`${where} enthält eine ungültige Koordinate (${JSON.stringify(p)})`,
						'Geometrie in einem GIS prüfen (z. B. QGIS „Geometrien prüfen“)'
					);
				const last = points[points.length - 1];
				if (last && last[0] === x && last[1] === y) {
					repairs.duplicatePoints++;
					continue;
				}
				points.push([x, y]);
			}
			const first = points[0];
			const last = points[points.length - 1];
			if (first && last && points.length > 1 && (first[0] !== last[0] || first[1] !== last[1])) {
				points.push([first[0]!, first[1]!]);
				repairs.closedRings++;
			}
			if (points.length < 4) {
				if (ri === 0)
					return fail(
						`${where} hat weniger als drei verschiedene Punkte`,
						'Geometrie in einem GIS prüfen und die entartete Fläche entfernen oder neu zeichnen'
					);
				repairs.droppedHoles++;
				continue;
			}
			const ccw = ringArea2(points) > 0;
			const wantCcw = ri === 0;
			if (ccw !== wantCcw) {
				points.reverse();
				repairs.rewoundRings++;
			}
			cleaned.push(points);
		}
		out.push(cleaned);
	}
	const clean: Polygon | MultiPolygon =
		out.length === 1 ? { type: 'Polygon', coordinates: out[0]! } : { type: 'MultiPolygon', coordinates: out };

	const crossings = kinks(clean).features;
	if (crossings.length > 0) {
		const [x, y] = crossings[0]!.geometry.coordinates;
		findings.push({
			severity: 'warning',
			message: `Umriss schneidet sich selbst (${crossings.length}×, zuerst bei ${fmt(y!)}, ${fmt(x!)})`,
			hint: 'In einem GIS reparieren (QGIS: „Geometrien reparieren“); die Karte zeigt die Fläche trotzdem'
		});
	}
	return { geometry: clean, findings, repairs };
}

/** Number of positions in a (Multi)Polygon, closing points included. */
export function countVertices(geometry: Polygon | MultiPolygon): number {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	let n = 0;
	for (const rings of polygons) for (const ring of rings) n += ring.length;
	return n;
}
