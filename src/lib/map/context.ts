import { getContext, setContext } from 'svelte';
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { DeckLayerFactory } from './deck';

/** What a map layer component gets from its enclosing MapView. */
export interface MapContext {
	/** The MapLibre map, once its style has loaded. */
	readonly map: MaplibreMap;
	/**
	 * Registers (or with `null` removes) a deck.gl layer under a stable slot name. The
	 * MapView builds the layers once deck.gl has loaded and passes them to one overlay,
	 * ordered by `order`.
	 */
	setDeckLayer(slot: string, layer: DeckLayerFactory | null, order?: number): void;
}

const KEY = Symbol('bl-map');

export function setMapContext(ctx: MapContext): void {
	setContext(KEY, ctx);
}

export function getMapContext(): MapContext {
	const ctx = getContext<MapContext | undefined>(KEY);
	if (!ctx) throw new Error('Map layer components must be placed inside <MapView>.');
	return ctx;
}

/**
 * Runs `place` now and after every move and resize of `map` (for HTML drawn over the map at
 * projected points); returns the function that stops it, for an `$effect` to return.
 */
export function followMap(map: MaplibreMap, place: () => void): () => void {
	place();
	map.on('move', place);
	map.on('resize', place);
	return () => {
		map.off('move', place);
		map.off('resize', place);
	};
}
