/**
 * The full Förderlücken analysis of the Stuttgart demo in node, for `npm run bench`: the child
 * samples of the 152 Stadtteile (weighted by the settlement layer when the city has one) and all
 * five phases (need, reach per kind of Lernort, support, gap), as the page computes them. Median
 * of several runs after one warm-up.
 */
import { join, resolve } from 'node:path';
import { analyseCityGaps } from '../../src/lib/domain/cityGaps';
import { cityGrid } from '../../src/lib/geo/cityGrid';
import { loadGapCity } from '../lib/gapsCli';

const ROOT = resolve(import.meta.dirname, '../..');

export interface GapsStuttgartBench {
	areas: number;
	lernorte: number;
	samples: number;
	runs: number;
	/** Median wall time in ms of: building the grid; the analysis of all phases; both. */
	ms: { grid: number; analysis: number; total: number };
}

function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)]!;
}

export function benchGapsStuttgart(runs = 9): GapsStuttgartBench {
	const loaded = loadGapCity(join(ROOT, 'geodata'), 'stuttgart', { publicOnly: false });
	if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join('\n'));
	const features = loaded.areas;
	const grid: number[] = [];
	const analysis: number[] = [];
	let samples = 0;
	for (let i = 0; i <= runs; i++) {
		const t0 = performance.now();
		const { grid: g } = cityGrid(features, loaded.settlement);
		const t1 = performance.now();
		analyseCityGaps({ ...loaded.city, grid: g, level: 'stadtteil' });
		const t2 = performance.now();
		samples = g.size;
		if (i === 0) continue; // warm-up
		grid.push(t1 - t0);
		analysis.push(t2 - t1);
	}
	const round = (v: number) => Math.round(v * 10) / 10;
	return {
		areas: features.length,
		lernorte: loaded.city.lernorte.length,
		samples,
		runs,
		ms: {
			grid: round(median(grid)),
			analysis: round(median(analysis)),
			total: round(median(grid) + median(analysis))
		}
	};
}
