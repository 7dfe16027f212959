import { describe, expect, test } from 'vitest';
import { areaSourceCrs } from './resolveCrs';
import { ImportError, type FeatureSource } from './types';

const source = (
	geometries: FeatureSource['features'][number]['geometry'][],
	epsg?: number
): FeatureSource => ({
	file: 'flaechen.geojson',
	format: 'geojson',
	layers: [],
	fields: [],
	crs: epsg === undefined ? null : { epsg, origin: 'GeoJSON-Eintrag crs' },
	features: geometries.map((geometry, i) => ({ index: i + 1, properties: {}, geometry }))
});

const square = (x: number, y: number, d: number) => ({
	type: 'Polygon' as const,
	coordinates: [
		[
			[x, y],
			[x + d, y],
			[x + d, y + d],
			[x, y + d],
			[x, y]
		]
	]
});

describe('areaSourceCrs', () => {
	test('takes the CRS of the file and transforms to WGS84', () => {
		// Stuttgart's Schlossplatz in UTM 32N.
		const crs = areaSourceCrs(
			source([square(513_300, 5_403_600, 100)], 25832),
			'flaechen.geojson',
			undefined
		);
		expect(crs.epsg).toBe(25832);
		expect(crs.origin).toBe('GeoJSON-Eintrag crs');
		const [lon, lat] = crs.transform([513_300, 5_403_600]);
		expect(lon).toBeCloseTo(9.18, 1);
		expect(lat).toBeCloseTo(48.78, 1);
	});

	test('--crs wins over the file', () => {
		const crs = areaSourceCrs(source([square(9.18, 48.78, 0.01)], 25832), 'x', 'EPSG:4326');
		expect(crs).toMatchObject({ epsg: 4326, origin: '--crs' });
	});

	test('a file without any geometry stops with the place and the fix', () => {
		const call = () => areaSourceCrs(source([null, null], 4326), 'leer.gpkg (Ebene A)', undefined);
		expect(call).toThrow(ImportError);
		try {
			call();
		} catch (err) {
			expect((err as ImportError).issues).toEqual([
				{
					file: 'leer.gpkg (Ebene A)',
					message: 'Kein Objekt hat eine Geometrie',
					hint: 'Eine Ebene mit Flächen wählen (--layer)'
				}
			]);
		}
	});
});
