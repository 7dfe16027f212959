import type { Layer } from '@deck.gl/core';

export type DeckModules = typeof import('./deckModules');

/** Builds a deck.gl layer once the deck.gl modules are there. */
export type DeckLayerFactory = (deck: DeckModules) => Layer;

let pending: Promise<DeckModules> | null = null;

/**
 * deck.gl (about 200 KB gzip, plus shader compilation) loads after the areas are drawn:
 * the choropleth is the map's main content and appears without waiting for the points.
 */
export function loadDeck(): Promise<DeckModules> {
	pending ??= import('./deckModules');
	return pending;
}
