import type { Catalog } from '$lib/domain/types';
import { SETTLEMENT_OBJECT } from '$lib/geo/topology';

/*
 * Shape checks of the generated data files as the browser receives them. They guard
 * against stale or hand-edited files in static/data; the thorough checks of the sources
 * happen in the data build. Each returns a list of problems in German (empty = fine).
 */

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

const UNIT_KINDS = ['stadtteil', 'stadtbezirk', 'bildungsregion', 'stadt'] as const;

/** `validateCatalog({})` -> ['„city“ fehlt', ...] */
export function validateCatalog(data: unknown): string[] {
	if (!isObject(data)) return ['Katalog ist kein Objekt'];
	const problems: string[] = [];
	const city = data.city;
	if (!isObject(city) || typeof city.id !== 'string' || typeof city.name !== 'string') {
		problems.push('„city“ fehlt oder hat keine id/name');
	}
	if (!Array.isArray(data.indicators) || data.indicators.length === 0) {
		problems.push('„indicators“ fehlt oder ist leer');
	} else {
		data.indicators.forEach((ind, i) => {
			if (!isObject(ind)) return problems.push(`indicators[${i}] ist kein Objekt`);
			for (const key of ['id', 'title', 'unit', 'source', 'direction', 'kind'] as const) {
				if (typeof ind[key] !== 'string') problems.push(`indicators[${i}].${key} fehlt`);
			}
			if (!Array.isArray(ind.years) || ind.years.some((y) => !Number.isInteger(y))) {
				problems.push(`indicators[${i}].years ist keine Liste von Jahren`);
			}
		});
	}
	if (!Array.isArray(data.lernortTypes)) problems.push('„lernortTypes“ fehlt');
	if (!Array.isArray(data.phases)) problems.push('„phases“ fehlt');
	if (!isObject(data.units)) {
		problems.push('„units“ fehlt');
	} else {
		for (const kind of UNIT_KINDS) {
			if (!Array.isArray(data.units[kind])) problems.push(`units.${kind} fehlt`);
		}
	}
	if (data.settlement !== undefined) {
		const s = data.settlement;
		if (
			!isObject(s) ||
			typeof s.attribution !== 'string' ||
			!Number.isInteger(s.polygons) ||
			(s.year !== undefined && !Number.isInteger(s.year))
		)
			problems.push('„settlement“ braucht attribution, polygons und optional ein ganzzahliges year');
	}
	return problems;
}

/**
 * Checks a settlement layer: a topology whose object `siedlung` is a GeometryCollection of
 * Polygons and MultiPolygons. `validateSettlement({ type: 'Topology', arcs: [], objects: {} })`
 * -> ['Objekt „siedlung“ fehlt oder ist keine GeometryCollection']
 */
export function validateSettlement(data: unknown): string[] {
	if (!isObject(data) || data.type !== 'Topology') return ['keine TopoJSON-Topologie'];
	if (!Array.isArray(data.arcs)) return ['„arcs“ fehlt'];
	const obj = isObject(data.objects) ? data.objects[SETTLEMENT_OBJECT] : undefined;
	if (!isObject(obj) || obj.type !== 'GeometryCollection' || !Array.isArray(obj.geometries))
		return [`Objekt „${SETTLEMENT_OBJECT}“ fehlt oder ist keine GeometryCollection`];
	const bad = obj.geometries.findIndex(
		(g) => !isObject(g) || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.arcs)
	);
	return bad >= 0 ? [`${SETTLEMENT_OBJECT}: Geometrie ${bad} ist keine Fläche`] : [];
}

/** Checks that the topology has the two level objects as geometry collections with ids. */
export function validateTopology(data: unknown): string[] {
	if (!isObject(data) || data.type !== 'Topology') return ['keine TopoJSON-Topologie'];
	if (!Array.isArray(data.arcs)) return ['„arcs“ fehlt'];
	const objects = data.objects;
	if (!isObject(objects)) return ['„objects“ fehlt'];
	const problems: string[] = [];
	for (const level of ['stadtteil', 'stadtbezirk']) {
		const obj = objects[level];
		if (!isObject(obj) || obj.type !== 'GeometryCollection' || !Array.isArray(obj.geometries)) {
			problems.push(`Objekt „${level}“ fehlt oder ist keine GeometryCollection`);
			continue;
		}
		const missingId = obj.geometries.findIndex((g) => !isObject(g) || typeof g.id !== 'string');
		if (missingId >= 0) problems.push(`${level}: Geometrie ${missingId} hat keinen Schlüssel (id)`);
	}
	return problems;
}

/** Checks that every series is aligned with its unit list and names a catalog indicator. */
export function validateValues(data: unknown, catalog: Pick<Catalog, 'indicators'>): string[] {
	if (!isObject(data) || !isObject(data.units) || !isObject(data.indicators)) {
		return ['„units“ oder „indicators“ fehlt'];
	}
	const units = data.units;
	const problems: string[] = [];
	const known = new Set(catalog.indicators.map((i) => i.id));
	for (const meta of catalog.indicators) {
		const byYear = data.indicators[meta.id];
		const missingYears = meta.years.filter((y) => !isObject(byYear) || !isObject(byYear[String(y)]));
		if (missingYears.length > 0) problems.push(`${meta.id}: keine Werte für ${missingYears.join(', ')}`);
	}
	for (const [id, byYear] of Object.entries(data.indicators)) {
		if (!known.has(id)) problems.push(`Indikator „${id}“ fehlt im Katalog`);
		if (!isObject(byYear)) continue;
		for (const [year, byKind] of Object.entries(byYear)) {
			if (!isObject(byKind)) continue;
			for (const [kind, series] of Object.entries(byKind)) {
				const keys = units[kind];
				if (!Array.isArray(keys)) {
					problems.push(`${id}/${year}: unbekannte Einheit „${kind}“`);
				} else if (!isObject(series) || !Array.isArray(series.n) || series.n.length !== keys.length) {
					problems.push(`${id}/${year}/${kind}: Werteliste passt nicht zu den ${keys.length} Gebieten`);
				} else if (series.d !== undefined && (!Array.isArray(series.d) || series.d.length !== keys.length)) {
					problems.push(`${id}/${year}/${kind}: Nennerliste passt nicht zu den ${keys.length} Gebieten`);
				}
			}
		}
	}
	return problems;
}

/** Checks the Lernorte list: ids, names, types and finite WGS84 coordinates. */
export function validateLernorte(data: unknown): string[] {
	if (!isObject(data) || !Array.isArray(data.lernorte)) return ['„lernorte“ fehlt'];
	const problems: string[] = [];
	data.lernorte.forEach((l, i) => {
		if (problems.length >= 10) return;
		if (!isObject(l) || typeof l.id !== 'string' || typeof l.type !== 'string') {
			problems.push(`lernorte[${i}]: id oder type fehlt`);
		} else if (
			typeof l.lon !== 'number' ||
			typeof l.lat !== 'number' ||
			Math.abs(l.lon) > 180 ||
			Math.abs(l.lat) > 90
		) {
			problems.push(`lernorte[${i}] (${l.id}): ungültige Koordinaten`);
		}
	});
	return problems;
}

/**
 * Checks the public catalog of the embed: city with id, name, levels and disclosure rules,
 * a non-empty list of public indicators, and the unit names.
 * `validatePublicCatalog({ indicators: [{ id: 'x', public: false, … }] })` -> [..., 'indicators[0] ist nicht öffentlich']
 */
export function validatePublicCatalog(data: unknown): string[] {
	if (!isObject(data)) return ['Katalog ist kein Objekt'];
	const problems: string[] = [];
	const city = data.city;
	if (!isObject(city) || typeof city.id !== 'string' || typeof city.name !== 'string')
		problems.push('„city“ fehlt oder hat keine id/name');
	else {
		if (!Array.isArray(city.levels) || city.levels.length === 0) problems.push('„city.levels“ fehlt');
		if (!Array.isArray(city.bildungsregionen)) problems.push('„city.bildungsregionen“ fehlt');
		if (!isObject(city.demo)) problems.push('„city.demo“ fehlt');
		if (!isObject(city.disclosure)) problems.push('„city.disclosure“ fehlt');
	}
	if (!Array.isArray(data.indicators) || data.indicators.length === 0) {
		problems.push('„indicators“ fehlt oder ist leer');
	} else {
		data.indicators.forEach((ind, i) => {
			if (!isObject(ind)) return problems.push(`indicators[${i}] ist kein Objekt`);
			for (const key of ['id', 'title', 'unit', 'source', 'direction', 'kind'] as const)
				if (typeof ind[key] !== 'string') problems.push(`indicators[${i}].${key} fehlt`);
			if (ind.public !== true) problems.push(`indicators[${i}] ist nicht öffentlich`);
			if (!Array.isArray(ind.years) || ind.years.length === 0 || ind.years.some((y) => !Number.isInteger(y)))
				problems.push(`indicators[${i}].years ist keine Liste von Jahren`);
		});
	}
	if (!isObject(data.units)) problems.push('„units“ fehlt');
	else
		for (const kind of UNIT_KINDS) if (!Array.isArray(data.units[kind])) problems.push(`units.${kind} fehlt`);
	if (typeof data.built !== 'string') problems.push('„built“ fehlt');
	return problems;
}
