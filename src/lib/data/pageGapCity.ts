import type { FeatureCollection, Geometry } from 'geojson';
import type { AreaProps } from '$lib/geo/areaFeatures';
import type { GapCity } from '$lib/state/gapAnalysis.svelte';
import type { Catalog, ValuesWire } from '$lib/domain/types';
import type { SettlementState } from './load';
import GapWorker from './gapWorker?worker';

/**
 * The city as a page's Förderlücken analysis needs it, with the app's worker: the data loaded for
 * the page, its Stadtteile, and how to fetch the settlement layer when the analysis needs it.
 */
export function pageGapCity(
	city: { catalog: Catalog; values: ValuesWire },
	stadtteile: FeatureCollection<Geometry, AreaProps>,
	loadSettlement: () => Promise<SettlementState>
): GapCity {
	return {
		catalog: city.catalog,
		values: city.values,
		stadtteile,
		loadSettlement,
		createWorker: () => new GapWorker()
	};
}
