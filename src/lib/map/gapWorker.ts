/*
 * The Förderlücken analysis off the main thread: the page posts the city's data once and then
 * the settings and level of each request; the worker keeps the child samples of the Stadtteile
 * and answers with the analysis (plain data: Maps and typed arrays survive structured cloning).
 */
import { analyseCityGaps, type CityGaps } from '$lib/domain/cityGaps';
import type { GapSettings } from '$lib/domain/bildungskette';
import type { Catalog, Level, Lernort, ValuesWire } from '$lib/domain/types';
import { buildAreaGrid, type AreaGrid, type GridArea } from '$lib/geo/reachGrid';

export type GapWorkerRequest =
	| { kind: 'city'; catalog: Catalog; values: ValuesWire; lernorte: Lernort[]; areas: GridArea[] }
	| { kind: 'analyse'; id: number; settings: GapSettings; level: Level };

export type GapWorkerResponse = { id: number; gaps: CityGaps } | { id: number; error: string };

let city: { catalog: Catalog; values: ValuesWire; lernorte: Lernort[]; grid: AreaGrid } | null = null;

self.onmessage = (event: MessageEvent<GapWorkerRequest>) => {
	const msg = event.data;
	if (msg.kind === 'city') {
		city = {
			catalog: msg.catalog,
			values: msg.values,
			lernorte: msg.lernorte,
			grid: buildAreaGrid(msg.areas)
		};
		return;
	}
	try {
		if (!city) throw new Error('Förderlücken: keine Daten der Stadt im Worker');
		const gaps = analyseCityGaps({ ...city, settings: msg.settings, level: msg.level });
		self.postMessage({ id: msg.id, gaps } satisfies GapWorkerResponse);
	} catch (err) {
		self.postMessage({
			id: msg.id,
			error: err instanceof Error ? err.message : String(err)
		} satisfies GapWorkerResponse);
	}
};
