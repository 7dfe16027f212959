declare module 'maplibre-gl/dist/maplibre-gl-csp.js' {
	import * as maplibre from 'maplibre-gl';
	const maplibregl: typeof maplibre;
	export default maplibregl;
}
