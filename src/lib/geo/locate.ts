import Flatbush from 'flatbush';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

interface IndexedArea {
	key: string;
	polygons: Position[][][];
}

/** Point-in-polygon lookup of area keys, e.g. Lernort -> Stadtteil. */
export interface AreaLocator {
	/** Key of the first area containing the point, or undefined outside all areas. */
	locate(lon: number, lat: number): string | undefined;
}

/** Even-odd ray casting over one ring. */
function inRing(ring: Position[], x: number, y: number): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i] as [number, number];
		const [xj, yj] = ring[j] as [number, number];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

function inArea(area: IndexedArea, x: number, y: number): boolean {
	for (const rings of area.polygons) {
		let inside = false;
		for (const ring of rings) if (inRing(ring, x, y)) inside = !inside;
		if (inside) return true;
	}
	return false;
}

const byNumber = (a: number, b: number) => a - b;

/**
 * Build a locator over area features (id = key): a flatbush index over the areas' bounding
 * boxes picks the few candidates, exact even-odd tests decide. When areas overlap, the one
 * listed first wins. Building is O(n log n) in the number of areas; a lookup is O(log n) plus
 * the vertices of the candidates, so 10,000 areas and a million points stay fast.
 *
 * `createAreaLocator(features).locate(9.2, 48.8)` -> "214"
 */
export function createAreaLocator(features: ReadonlyArray<Feature<Polygon | MultiPolygon>>): AreaLocator {
	const areas: IndexedArea[] = [];
	const boxes: number[] = [];
	for (const f of features) {
		const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
		let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
		for (const polygon of polygons)
			for (const [x, y] of polygon[0] ?? []) {
				x0 = Math.min(x0, x!);
				y0 = Math.min(y0, y!);
				x1 = Math.max(x1, x!);
				y1 = Math.max(y1, y!);
			}
		// An area without an outer ring contains no point; keeping it out of the index keeps the
		// index free of inverted boxes.
		if (!(x0 <= x1 && y0 <= y1)) continue;
		areas.push({ key: String(f.id), polygons });
		boxes.push(x0, y0, x1, y1);
	}
	if (areas.length === 0) return { locate: () => undefined };

	const index = new Flatbush(areas.length);
	for (let i = 0; i < boxes.length; i += 4) index.add(boxes[i]!, boxes[i + 1]!, boxes[i + 2]!, boxes[i + 3]!);
	index.finish();

	return {
		locate(lon, lat) {
			const candidates = index.search(lon, lat, lon, lat);
			// Indexes follow the input order, so the lowest containing index is the first area.
			if (candidates.length > 1) candidates.sort(byNumber);
			for (const i of candidates) {
				const area = areas[i]!;
				if (inArea(area, lon, lat)) return area.key;
			}
			return undefined;
		}
	};
}
