/**
 * The importer at scale, for `npm run bench`: a generated boundary file of 10,000 polygons
 * (a GeoPackage in EPSG:25832 with jagged shared borders, as official small-area layers have)
 * is imported end to end by the real CLI in a child process, whose wall time and peak memory
 * are measured. The baseline, in the same run, is the same child only reading the file.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Polygon, Position } from 'geojson';
import { makeTempDir, writeGeoPackage } from '../lib/import/formats/fixtures.test-helpers';

const ROOT = resolve(import.meta.dirname, '../..');

export interface ProcessRun {
	wallMs: number;
	maxRssMb: number;
}

export interface ImportBench {
	polygons: number;
	vertices: number;
	fileBytes: number;
	import: ProcessRun;
	read: ProcessRun;
	output: string[];
}

/** A deterministic wiggle in [-1, 1] for a point, the same for both areas sharing it. */
function wiggle(x: number, y: number): number {
	const s = Math.sin(x * 12.9898 + y * 78.233) * 43758.5453;
	return (s - Math.floor(s)) * 2 - 1;
}

/**
 * A grid of `count` cells (`cell` metres wide) whose edges are broken into `segments` jagged
 * pieces; neighbours build each shared edge from the same points, so borders coincide.
 */
export function jaggedGrid(count: number, { cell = 300, segments = 8, x0 = 480000, y0 = 5380000 } = {}) {
	const perRow = Math.ceil(Math.sqrt(count));
	const edge = (ax: number, ay: number, bx: number, by: number): Position[] => {
		const pts: Position[] = [];
		for (let i = 0; i < segments; i++) {
			const t = i / segments;
			const x = ax + (bx - ax) * t;
			const y = ay + (by - ay) * t;
			// Inner points move across the edge by up to 8 % of a cell; corners stay put.
			const d = i === 0 ? 0 : wiggle(Math.round(x), Math.round(y)) * cell * 0.08;
			pts.push(ax === bx ? [x + d, y] : [x, y + d]);
		}
		return pts;
	};
	const features: Array<{ properties: Record<string, string>; geometry: Polygon }> = [];
	for (let i = 0; i < count; i++) {
		const cx = x0 + (i % perRow) * cell;
		const cy = y0 + Math.floor(i / perRow) * cell;
		const [l, r, b, t] = [cx, cx + cell, cy, cy + cell];
		// Counter-clockwise; the top and left edges are walked backwards from their canonical direction.
		const bottom = edge(l, b, r, b);
		const right = edge(r, b, r, t);
		const top = edge(l, t, r, t)
			.concat([[r, t]])
			.reverse()
			.slice(0, -1);
		const left = edge(l, b, l, t)
			.concat([[l, t]])
			.reverse()
			.slice(0, -1);
		const ring = [...bottom, ...right, ...top, ...left, [l, b]];
		features.push({
			properties: { NR: String(i + 1), NAME: `Gebiet ${i + 1}`, BEZ: String(Math.floor(i / 100) + 1) },
			geometry: { type: 'Polygon', coordinates: [ring] }
		});
	}
	return features;
}

function runChild(args: string[], rusageFile: string): { run: ProcessRun; stdout: string; stderr: string } {
	const result = spawnSync(
		process.execPath,
		['--import', 'tsx', '--import', join(ROOT, 'scripts/bench/rusage.mjs'), ...args],
		{
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, BENCH_RUSAGE_FILE: rusageFile },
			maxBuffer: 64 << 20
		}
	);
	if (result.status !== 0)
		throw new Error(`${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
	const usage = JSON.parse(readFileSync(rusageFile, 'utf8')) as { wallMs: number; maxRssKb: number };
	return {
		run: { wallMs: usage.wallMs, maxRssMb: usage.maxRssKb / 1024 },
		stdout: result.stdout,
		stderr: result.stderr
	};
}

export async function benchImport(polygons = 10_000): Promise<ImportBench> {
	const tmp = makeTempDir('bildungslandkarte-bench-import-');
	try {
		const file = join(tmp.dir, 'gebiete.gpkg');
		const features = jaggedGrid(polygons);
		await writeGeoPackage(file, [
			{
				name: 'GEBIETE',
				fields: [
					{ name: 'NR', type: 'TEXT' },
					{ name: 'NAME', type: 'TEXT' },
					{ name: 'BEZ', type: 'TEXT' }
				],
				features
			}
		]);
		const vertices = features.reduce((n, f) => n + f.geometry.coordinates[0]!.length, 0);
		const geodata = join(tmp.dir, 'geodata');
		const rusage = join(tmp.dir, 'rusage.json');
		runChild(['scripts/import.ts', 'init', 'benchstadt', '--geodata', geodata], rusage);
		const read = runChild(['scripts/bench/readOnly.ts', file], rusage);
		const imported = runChild(
			[
				'scripts/import.ts',
				'boundaries',
				file,
				'--city',
				'benchstadt',
				'--geodata',
				geodata,
				'--level',
				'stadtteil',
				'--id-field',
				'NR',
				'--name-field',
				'NAME',
				'--parent-field',
				'BEZ',
				'--attribution',
				'Generierte Testdaten'
			],
			rusage
		);
		return {
			polygons,
			vertices,
			fileBytes: readFileSync(file).length,
			import: imported.run,
			read: read.run,
			output: imported.stdout.trim().split('\n')
		};
	} finally {
		tmp.cleanup();
		rmSync(join(tmp.dir), { recursive: true, force: true });
	}
}
