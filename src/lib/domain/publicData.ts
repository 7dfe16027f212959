import { isPrimarySensitive, type DisclosureRules } from './suppress';
import type { Catalog, IndicatorMeta, PublicCatalog, UnitKind, ValuesWire } from './types';
import { decodeSeries } from './wire';

/**
 * The public subset of a city's generated data, for the read-only embed: only indicators
 * marked `public`, only what the embed draws. Applied when the data files are built, so an
 * internal indicator never reaches a public page, not even in a file nobody asks for.
 */

/**
 * The catalog of the embed: the city's names, levels, regions, attribution, demo flags and
 * disclosure rules, the public indicators and the unit names.
 *
 * `publicCatalog(catalog).indicators.map((i) => i.id)` -> ['betreuungsquote_u3', …] (no `klassenwiederholungen`)
 *
 * A catalog without any public indicator cannot have an embed (Error).
 */
export function publicCatalog(catalog: Catalog): PublicCatalog {
	const { city } = catalog;
	const indicators = catalog.indicators.filter((i) => i.public === true).map((i) => ({ ...i }));
	if (indicators.length === 0)
		throw new Error(`publicCatalog: ${city.id} has no public indicator; mark one with "public": true`);
	return {
		city: {
			id: city.id,
			name: city.name,
			ags: city.ags,
			levels: city.levels.map((l) => ({ ...l })),
			attribution: city.attribution,
			geometry: city.geometry,
			bildungsregionen: city.bildungsregionen.map((r) => ({ ...r, areas: [...r.areas] })),
			demo: { ...city.demo },
			disclosure: { ...city.disclosure }
		},
		indicators,
		units: {
			stadtteil: catalog.units.stadtteil.map((u) => ({ ...u })),
			stadtbezirk: catalog.units.stadtbezirk.map((u) => ({ ...u })),
			bildungsregion: catalog.units.bildungsregion.map((u) => ({ ...u })),
			stadt: catalog.units.stadt.map((u) => ({ ...u }))
		},
		built: catalog.built
	};
}

/**
 * The values of one public indicator, as a values file of its own (the embed loads only the
 * indicator it shows). Every published cell is checked against the disclosure rules once more:
 * the data build suppresses before it writes, so a sensitive cell here is a bug (Error).
 *
 * `publicValues(values, quoteMeta, { minCount: 3, minDenominator: 10 })` ->
 * `{ units, indicators: { quote: { '2024': { stadtteil: { n: [12, 'g'], d: [48, null] } } } } }`
 *
 * An internal indicator or one without values is a bug in the caller (Error).
 */
export function publicValues(values: ValuesWire, meta: IndicatorMeta, rules: DisclosureRules): ValuesWire {
	if (meta.public !== true) throw new Error(`publicValues: ${meta.id} is internal`);
	const series = values.indicators[meta.id];
	if (!series) throw new Error(`publicValues: no values for ${meta.id}`);
	for (const [year, byKind] of Object.entries(series))
		for (const [kind, wire] of Object.entries(byKind)) {
			const keys = values.units[kind as UnitKind] ?? [];
			decodeSeries(wire!, meta).forEach((cell, i) => {
				if (isPrimarySensitive(cell, meta.kind, rules))
					throw new Error(
						`publicValues: ${meta.id} ${year} ${kind} ${keys[i] ?? i} is below the disclosure thresholds`
					);
			});
		}
	return {
		units: {
			stadtteil: [...values.units.stadtteil],
			stadtbezirk: [...values.units.stadtbezirk],
			bildungsregion: [...values.units.bildungsregion],
			stadt: [...values.units.stadt]
		},
		indicators: { [meta.id]: structuredClone(series) }
	};
}
