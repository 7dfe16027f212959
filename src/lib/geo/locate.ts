import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

interface IndexedArea {
	key: string;
	bbox: [number, number, number, number];
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

/**
 * Build a locator over area features (id = key) with a bounding-box prefilter; at a few
 * hundred areas a linear scan over boxes is fast enough, a tree would not pay off.
 *
 * `createAreaLocator(features).locate(9.2, 48.8)` -> "214"
 */
export function createAreaLocator(features: ReadonlyArray<Feature<Polygon | MultiPolygon>>): AreaLocator {
	const areas: IndexedArea[] = features.map((f) => {
		const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
		const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
		for (const polygon of polygons)
			for (const [x, y] of polygon[0] ?? []) {
				bbox[0] = Math.min(bbox[0], x!);
				bbox[1] = Math.min(bbox[1], y!);
				bbox[2] = Math.max(bbox[2], x!);
				bbox[3] = Math.max(bbox[3], y!);
			}
		return { key: String(f.id), bbox, polygons };
	});
	return {
		locate(lon, lat) {
			for (const a of areas) {
				if (lon < a.bbox[0] || lon > a.bbox[2] || lat < a.bbox[1] || lat > a.bbox[3]) continue;
				for (const rings of a.polygons) {
					let inside = false;
					for (const ring of rings) if (inRing(ring, lon, lat)) inside = !inside;
					if (inside) return a.key;
				}
			}
			return undefined;
		}
	};
}
