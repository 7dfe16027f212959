/**
 * The bench's baseline: the least a page must do to show the dashboard's map. It loads the
 * same areas and values, draws one fill layer coloured through feature-state, and reports its
 * state on `[data-testid="map"]` like the dashboard does (`data-map-state`, `data-idle-count`).
 * `window.bare.setIndicator(id)` recolours by another indicator.
 */
import { Map as MapLibreMap } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { bbox, feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { SeriesWire, ValuesWire } from '../../../src/lib/domain/types';

const LEVEL = 'stadtteil';
const SOURCE = 'areas';
/** A sequential ramp; the bench measures drawing, not cartography. */
const COLOURS = ['#f1eef6', '#bdc9e1', '#74a9cf', '#2b8cbe', '#045a8d'];
const NO_DATA = '#d9d9d9';

declare global {
	interface Window {
		bare?: { indicators: string[]; setIndicator: (id: string) => void };
	}
}

const container = document.getElementById('map') as HTMLElement;

async function fetchJson<T>(url: string): Promise<T> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return (await response.json()) as T;
}

/** The object holding the Stadtteile: named after the level, else the one with most geometries. */
function levelObject(topology: Topology): GeometryCollection {
	const objects = Object.entries(topology.objects).filter(
		(entry): entry is [string, GeometryCollection] => entry[1].type === 'GeometryCollection'
	);
	const named = objects.find(([name]) => name === LEVEL);
	const largest = objects.sort((a, b) => b[1].geometries.length - a[1].geometries.length)[0];
	const object = (named ?? largest)?.[1];
	if (!object) throw new Error('areas.topo.json has no GeometryCollection');
	return object;
}

/**
 * The area key of each feature, from `feature.id` or whichever property matches most of the
 * keys in values.json, so the baseline needs no knowledge of the app's field names.
 */
function featureKeys(areas: FeatureCollection, keys: Set<string>): string[] {
	const candidates = new Map<string, string[]>();
	candidates.set(
		'#id',
		areas.features.map((f) => String(f.id ?? ''))
	);
	for (const name of Object.keys(areas.features[0]?.properties ?? {})) {
		candidates.set(
			name,
			areas.features.map((f) => String(f.properties?.[name] ?? ''))
		);
	}
	let best: string[] = [];
	let bestHits = -1;
	for (const values of candidates.values()) {
		const hits = values.filter((v) => keys.has(v)).length;
		if (hits > bestHits) [best, bestHits] = [values, hits];
	}
	return best;
}

/** Value per unit of one series: numerator / denominator for ratios, the count otherwise. */
function seriesValues(series: SeriesWire | undefined): Array<number | null> {
	if (!series) return [];
	return series.n.map((n, i) => {
		if (typeof n !== 'number') return null;
		const d = series.d?.[i];
		if (series.d === undefined) return n;
		return typeof d === 'number' && d > 0 ? n / d : null;
	});
}

/** Upper bounds of `classes` quantile classes, e.g. [1, 2, 3, 4] -> [1, 2, 3, 4] for 4 classes. */
function quantileBreaks(values: number[], classes: number): number[] {
	const sorted = [...values].sort((a, b) => a - b);
	return Array.from({ length: classes }, (_, k) => {
		const index = Math.min(sorted.length - 1, Math.ceil(((k + 1) / classes) * sorted.length) - 1);
		return sorted[Math.max(0, index)] ?? 0;
	});
}

async function main(): Promise<void> {
	const city = new URLSearchParams(location.search).get('city') ?? 'stuttgart';
	const [topology, values] = await Promise.all([
		fetchJson<Topology>(`data/${city}/areas.topo.json`),
		fetchJson<ValuesWire>(`data/${city}/values.json`)
	]);
	const areas = feature(topology, levelObject(topology)) as FeatureCollection;
	const unitKeys = values.units[LEVEL];
	const unitIndex = new Map(unitKeys.map((key, i) => [key, i]));
	const keys = featureKeys(areas, new Set(unitKeys));
	// Numeric ids make feature-state addressable without promoteId.
	areas.features.forEach((f, i) => (f.id = i));

	const indicators = Object.keys(values.indicators);
	const [west, south, east, north] = bbox(topology);
	const map = new MapLibreMap({
		container,
		style: {
			version: 8,
			sources: {},
			layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f7f7f4' } }]
		},
		bounds: [west, south, east, north],
		fitBoundsOptions: { padding: 20 },
		attributionControl: false
	});

	let ready = false;
	let idles = 0;
	map.on('idle', () => {
		if (!ready) return;
		idles += 1;
		container.dataset.idleCount = String(idles);
		container.dataset.mapState = 'idle';
	});
	map.on('error', (event) => {
		console.error(event.error);
		container.dataset.mapState = 'error';
	});

	function setIndicator(id: string): void {
		const byYear = values.indicators[id];
		if (!byYear) throw new Error(`unknown indicator ${id}`);
		const latest = Object.keys(byYear).sort().at(-1);
		const series = seriesValues(latest === undefined ? undefined : byYear[latest]?.[LEVEL]);
		const breaks = quantileBreaks(
			series.filter((v): v is number => v !== null),
			COLOURS.length
		);
		keys.forEach((key, featureId) => {
			const unit = unitIndex.get(key);
			const value = unit === undefined ? null : (series[unit] ?? null);
			const cls = value === null ? -1 : breaks.findIndex((upper) => value <= upper);
			map.setFeatureState({ source: SOURCE, id: featureId }, { fill: COLOURS[cls] ?? NO_DATA });
		});
	}

	map.on('load', () => {
		map.addSource(SOURCE, { type: 'geojson', data: areas });
		map.addLayer({
			id: 'area-fill',
			type: 'fill',
			source: SOURCE,
			paint: {
				// The colour itself lives in feature-state: recolouring touches no style property.
				'fill-color': ['to-color', ['coalesce', ['feature-state', 'fill'], NO_DATA]],
				'fill-outline-color': '#ffffff'
			}
		});
		map.addLayer({
			id: 'area-line',
			type: 'line',
			source: SOURCE,
			paint: { 'line-color': '#ffffff', 'line-width': 1 }
		});
		if (indicators[0] !== undefined) setIndicator(indicators[0]);
		container.dataset.featureCount = String(areas.features.length);
		container.dataset.level = LEVEL;
		ready = true;
		window.bare = { indicators, setIndicator };
	});
}

main().catch((error: unknown) => {
	console.error(error);
	container.dataset.mapState = 'error';
});
