import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Geometry, Position } from 'geojson';
import proj4 from 'proj4';
import { SUPPORTED_CRS } from '../../../src/lib/geo/crs';
import { decodeAreas } from '../../../src/lib/geo/topology';
import { readCity } from '../build';
import { writeGeoPackage } from './formats/fixtures.test-helpers';
import { STUTTGART_KLGL } from './stuttgart';

const STUTTGART_DIR = resolve(import.meta.dirname, '../../../geodata/stuttgart');

/** A copy of the Stuttgart demo sources in `geodataDir/stuttgart`. */
export function copyStuttgart(geodataDir: string): string {
	const dir = join(geodataDir, 'stuttgart');
	cpSync(STUTTGART_DIR, dir, { recursive: true });
	return dir;
}

/**
 * A stand-in for the city's GeoPackage "Kleinräumige Gliederung generalisiert": the layers,
 * fields and CRS (EPSG:25832) of the real file, with the schematic geometry of the demo
 * projected to UTM. Bezirk keys are written with a leading zero ("01"), as some exports do.
 */
export async function writeKlglStandIn(path: string): Promise<{ stadtteile: number; bezirke: number }> {
	const { inputs, issues } = readCity(STUTTGART_DIR, 'geodata/stuttgart', 'stuttgart');
	if (!inputs) throw new Error(`demo sources do not build: ${issues.map((i) => i.message).join('; ')}`);
	const toUtm = proj4('EPSG:4326', SUPPORTED_CRS.get(25832)!.proj4);
	const project = (g: Geometry): Geometry => {
		const ring = (r: Position[]) => r.map((p) => toUtm.forward([p[0]!, p[1]!]));
		if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(ring) };
		if (g.type === 'MultiPolygon')
			return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(ring)) };
		throw new Error(`unexpected ${g.type}`);
	};
	const pad = (key: string) => key.padStart(2, '0');
	const stadtteile = decodeAreas(inputs.topology, 'stadtteil');
	const bezirke = decodeAreas(inputs.topology, 'stadtbezirk');
	const { bezirke: b, stadtteile: s } = STUTTGART_KLGL;
	await writeGeoPackage(path, [
		{
			name: b.layer,
			fields: [
				{ name: b.idField, type: 'TEXT' },
				{ name: b.nameField, type: 'TEXT' }
			],
			features: bezirke.map((f) => ({
				properties: { [b.idField]: pad(String(f.id)), [b.nameField]: f.properties.name },
				geometry: project(f.geometry)
			}))
		},
		{
			name: s.layer,
			fields: [
				{ name: s.idField, type: 'TEXT' },
				{ name: s.nameField, type: 'TEXT' },
				{ name: s.parentField, type: 'TEXT' }
			],
			features: stadtteile.map((f) => ({
				properties: {
					[s.idField]: String(f.id),
					[s.nameField]: f.properties.name,
					[s.parentField]: pad(f.properties.parent!)
				},
				geometry: project(f.geometry)
			}))
		}
	]);
	return { stadtteile: stadtteile.length, bezirke: bezirke.length };
}
