/*
 * The deck.gl classes the map uses, in one module so that they load as one lazy chunk
 * (see deck.ts). Nothing else imports deck.gl values directly.
 */
export { MapboxOverlay } from '@deck.gl/mapbox';
export { BitmapLayer, ScatterplotLayer } from '@deck.gl/layers';
