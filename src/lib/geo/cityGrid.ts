/**
 * The child samples of a city's Stadtteile as every caller of the Förderlücken analysis builds
 * them: the page's worker, `npm run gaps` and the bench. Without a settlement layer children are
 * spread evenly over each area; with one, over the settled land of each area.
 */
import { buildAreaGrid, type AreaGrid, type GridArea } from './reachGrid';
import { settlementWeights, type SettlementFeature } from './settlementWeights';

/**
 * How the children of an area are spread over it: `gleichmaessig` over the whole area,
 * `siedlungsflaeche` over the settled land in it.
 */
export type ChildSpread = 'gleichmaessig' | 'siedlungsflaeche';

export interface CityGrid {
	/** Samples of the Stadtteile; with a settlement layer `weights` is set. */
	grid: AreaGrid;
	/** The method the grid follows; `siedlungsflaeche` whenever a layer was given. */
	method: ChildSpread;
	/**
	 * Stadtteile with samples but none on settled land: their children are spread evenly.
	 * Always empty without a layer.
	 */
	fallbackAreas: string[];
}

/**
 * The grid of child samples over the Stadtteile (150 m cells unless `cellMetres` says otherwise),
 * weighted by the settlement layer when there is one (`null`: no layer). Without a layer the
 * grid is exactly `buildAreaGrid(stadtteile)`.
 *
 * `cityGrid(stadtteile, null)` -> `{ grid, method: 'gleichmaessig', fallbackAreas: [] }`;
 * `cityGrid(stadtteile, siedlung)` -> `{ grid: { …, weights }, method: 'siedlungsflaeche', fallbackAreas: ['113'] }`
 */
export function cityGrid(
	stadtteile: ReadonlyArray<GridArea>,
	settlement: ReadonlyArray<SettlementFeature> | null,
	options: { cellMetres?: number } = {}
): CityGrid {
	const grid = buildAreaGrid(stadtteile, options);
	if (settlement === null) return { grid, method: 'gleichmaessig', fallbackAreas: [] };
	const weighted = settlementWeights(grid, settlement);
	return { grid: weighted.grid, method: 'siedlungsflaeche', fallbackAreas: weighted.fallbackAreas };
}
