import type { Arc, Topology } from 'topojson-specification';

/**
 * A lighter copy of an area topology for small maps (the public embed): coordinates snapped
 * to a coarser grid of `grid` x `grid` cells over the bounding box, repeated points dropped,
 * and only the given objects kept, with ids and no properties (names come from the catalog).
 *
 * Arcs stay shared between neighbours, so borders still meet exactly. An arc whose points all
 * fall into one cell keeps two points, so every ring stays closed.
 *
 * `coarsenTopology(topo, ['stadtteil', 'stadtbezirk'], 4000)` -> `{ type: 'Topology', transform: { scale: [dx / 3999, dy / 3999], … }, … }`
 *
 * The input must be quantized (`transform` and `bbox`); `grid` an integer >= 2 (RangeError).
 */
export function coarsenTopology(topo: Topology, objects: readonly string[], grid: number): Topology {
	if (!Number.isInteger(grid) || grid < 2)
		throw new RangeError(`coarsenTopology: grid ${grid} must be an integer >= 2`);
	const transform = topo.transform;
	const bbox = topo.bbox;
	if (!transform || !bbox || bbox.length !== 4)
		throw new RangeError('coarsenTopology: the topology must be quantized and have a bbox');
	const [x0, y0, x1, y1] = bbox as [number, number, number, number];
	const kx = x1 > x0 ? (x1 - x0) / (grid - 1) : 1;
	const ky = y1 > y0 ? (y1 - y0) / (grid - 1) : 1;
	const [sx, sy] = transform.scale;
	const [tx, ty] = transform.translate;

	const arcs: Arc[] = topo.arcs.map((arc) => {
		let ax = 0;
		let ay = 0;
		const snapped: Array<[number, number]> = [];
		for (const [dx, dy] of arc) {
			ax += dx!;
			ay += dy!;
			const x = Math.round((ax * sx + tx - x0) / kx);
			const y = Math.round((ay * sy + ty - y0) / ky);
			const last = snapped[snapped.length - 1];
			if (!last || last[0] !== x || last[1] !== y) snapped.push([x, y]);
		}
		if (snapped.length === 1) snapped.push([snapped[0]![0], snapped[0]![1]]);
		let px = 0;
		let py = 0;
		return snapped.map(([x, y]) => {
			const delta: [number, number] = [x - px, y - py];
			px = x;
			py = y;
			return delta;
		});
	});

	const kept: Topology['objects'] = {};
	for (const name of objects) {
		const object = topo.objects[name];
		if (!object || object.type !== 'GeometryCollection')
			throw new RangeError(`coarsenTopology: no GeometryCollection "${name}"`);
		kept[name] = {
			type: 'GeometryCollection',
			geometries: object.geometries.map((g) => withoutProperties(g))
		};
	}
	return {
		type: 'Topology',
		bbox: [x0, y0, x1, y1],
		transform: { scale: [kx, ky], translate: [x0, y0] },
		objects: kept,
		arcs
	};
}

function withoutProperties<G extends object>(g: G): G {
	const copy = structuredClone(g) as G & { properties?: unknown };
	delete copy.properties;
	return copy;
}
