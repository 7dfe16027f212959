/*
 * MapLibre's CSP build with its worker as a separate file: no blob: workers, so the site
 * runs under a strict Content-Security-Policy, and the worker is cached on its own.
 */
import maplibregl from 'maplibre-gl/dist/maplibre-gl-csp.js';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-csp-worker.js?url';

maplibregl.setWorkerUrl(workerUrl);

export { maplibregl };

/** German strings for MapLibre's own controls. */
export const MAPLIBRE_LOCALE_DE: Record<string, string> = {
	'AttributionControl.ToggleAttribution': 'Quellenangaben ein-/ausblenden',
	'AttributionControl.MapFeedback': 'Rückmeldung zur Karte',
	'FullscreenControl.Enter': 'Vollbild',
	'FullscreenControl.Exit': 'Vollbild beenden',
	'GeolocateControl.FindMyLocation': 'Meinen Standort finden',
	'GeolocateControl.LocationNotAvailable': 'Standort nicht verfügbar',
	'LogoControl.Title': 'MapLibre-Logo',
	'Map.Title': 'Karte',
	'Marker.Title': 'Kartenmarkierung',
	'NavigationControl.ResetBearing': 'Nach Norden ausrichten',
	'NavigationControl.ZoomIn': 'Hineinzoomen',
	'NavigationControl.ZoomOut': 'Herauszoomen',
	'Popup.Close': 'Schließen',
	'ScaleControl.Feet': 'ft',
	'ScaleControl.Meters': 'm',
	'ScaleControl.Kilometers': 'km',
	'ScaleControl.Miles': 'mi',
	'ScaleControl.NauticalMiles': 'sm',
	'GlobeControl.Enable': 'Globus einschalten',
	'GlobeControl.Disable': 'Globus ausschalten',
	'TerrainControl.Enable': 'Gelände einschalten',
	'TerrainControl.Disable': 'Gelände ausschalten',
	'CooperativeGesturesHandler.WindowsHelpText': 'Strg + Scrollen zum Zoomen',
	'CooperativeGesturesHandler.MacHelpText': '⌘ + Scrollen zum Zoomen',
	'CooperativeGesturesHandler.MobileHelpText': 'Mit zwei Fingern verschieben'
};
