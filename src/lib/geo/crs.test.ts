import type { Geometry } from 'geojson';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import {
	SUPPORTED_CRS,
	canonicalEpsg,
	crsLabel,
	crsProblem,
	epsgFromEsriWkid,
	epsgFromWkt,
	guessCrs,
	crsSuggestion,
	missingCrsMessage,
	parseCrsIdentifier,
	reprojectGeometry,
	toWgs84,
	unsupportedCrsMessage
} from './crs';

type LonLat = readonly [number, number];
type Bbox = readonly [number, number, number, number];

/** Ground distance between two nearby lon/lat points in metres (local plane; fine below a few km). */
function metresApart(a: LonLat, b: LonLat): number {
	const rad = Math.PI / 180;
	const dy = (a[1] - b[1]) * rad * 6_371_000;
	const dx = (a[0] - b[0]) * rad * 6_371_000 * Math.cos(b[1] * rad);
	return Math.hypot(dx, dy);
}

const dms = (d: number, m: number, s: number) => d + m / 60 + s / 3600;

const STUTTGART: LonLat = [9.18, 48.78];
const DRESDEN: LonLat = [13.74, 51.05];
const HAMBURG: LonLat = [10.0, 53.55];

describe('reprojection against published reference points', () => {
	// BKG's BeTA2007 test data (crs.bkg.bund.de, BETA2007testdaten.csv) as reproduced in PROJ's
	// test/gie/DHDN_ETRS89.gie: the same physical points in DHDN lon/lat, DHDN Gauß-Krüger,
	// ETRS89 lon/lat and ETRS89 UTM 32/33. ETRS89 is compared with WGS 84 output directly
	// (EPSG's null transformation; the two differ by well under a metre).
	const TOLERANCE_M = 0.5;

	it.each<[string, number, LonLat, LonLat]>([
		// DHDN 10°20'E 48°50'N
		['UTM 32 (BKG)', 25832, [597759.898637, 5409672.239612], [10.332117283303, 48.83232718864]],
		// DHDN 8°00'E 50°05'N
		['UTM 32 (BKG)', 25832, [428391.209209, 5548246.766869], [7.999097344043, 50.082172046476]],
		// DHDN 13°28'E 53°46'N
		['UTM 33 (BKG)', 25833, [398811.452821, 5958481.617326], [13.464877774631, 53.765109112396]],
		// DHDN 10°45'E 53°35'N, 4.25° west of zone 33's central meridian
		['UTM 33 (BKG)', 25833, [218617.111391, 5945399.220269], [10.748659705929, 53.581781243436]],
		// The same BKG points with the zone number written in front of the easting.
		['UTM 32 zE-N (BKG)', 4647, [32597759.898637, 5409672.239612], [10.332117283303, 48.83232718864]],
		['UTM 33 zE-N (BKG)', 5650, [33398811.452821, 5958481.617326], [13.464877774631, 53.765109112396]],
		// EPSG Guidance Note 7-2, worked example of method 1024 "Popular Visualisation Pseudo
		// Mercator" for WGS 84 / Pseudo-Mercator: E -11 169 055.58, N 2 800 000.00 is
		// 24°22'54.433"N 100°20'00.000"W; the reverse example 10 km north, N 2 810 000.00, is
		// 24°27'48.889"N.
		['Web Mercator (EPSG GN 7-2)', 3857, [-11169055.58, 2800000.0], [-dms(100, 20, 0), dms(24, 22, 54.433)]],
		['Web Mercator (EPSG GN 7-2)', 3857, [-11169055.58, 2810000.0], [-dms(100, 20, 0), dms(24, 27, 48.889)]]
	])('%s: EPSG:%i %j -> %j', (_name, epsg, xy, expected) => {
		expect(metresApart(toWgs84(epsg)(xy), expected)).toBeLessThan(TOLERANCE_M);
	});

	// The same BKG points in DHDN Gauß-Krüger, DHDN lon/lat (Bessel) and ETRS89 lon/lat.
	const gaussKrueger: Array<[number, LonLat, LonLat, LonLat]> = [
		[31466, [2598417.333192, 5930677.980308], [dms(7, 29, 0), 53.5], [7.482506019176, 53.498461143331]],
		[
			31467,
			[3597874.421966, 5411397.512092],
			[dms(10, 20, 0), dms(48, 50, 0)],
			[10.332117283303, 48.83232718864]
		],
		[31467, [3428437.61281, 5550026.645035], [8, dms(50, 5, 0)], [7.999097344043, 50.082172046476]],
		[31468, [4417225.999425, 5939654.081375], [10.75, dms(53, 35, 0)], [10.748659705929, 53.581781243436]],
		[
			31469,
			[5398905.047545, 5960421.130827],
			[dms(13, 28, 0), dms(53, 46, 0)],
			[13.464877774631, 53.765109112396]
		]
	];

	it.each(gaussKrueger)('Gauß-Krüger EPSG:%i %j: projection alone gives DHDN %j (BKG)', (epsg, xy, dhdn) => {
		// The Bessel transverse Mercator of our definition, without the datum shift.
		const projectionOnly = SUPPORTED_CRS.get(epsg)!.proj4.replace(/\s*\+towgs84=\S+/, '');
		const lonLat = proj4(projectionOnly, '+proj=longlat +ellps=bessel +no_defs').forward([...xy]);
		expect(metresApart(lonLat as [number, number], dhdn)).toBeLessThan(TOLERANCE_M);
	});

	it.each(gaussKrueger)(
		'Gauß-Krüger EPSG:%i %j: with the datum shift within 3 m of ETRS89 (BKG)',
		(epsg, xy, dhdn, etrs89) => {
			// BKG's ETRS89 values come from BeTA2007, the official nationwide grid. Our 7-parameter
			// Helmert (EPSG 1777) is an approximation: EPSG rates it at the 3 m level, PROJ's
			// DHDN_ETRS89.gie checks it against the same points with a 3 m tolerance, and over all 31
			// BKG points it stays within 0.4–2.5 m.
			const error = metresApart(toWgs84(epsg)(xy), etrs89);
			expect(error).toBeLessThan(3);
			// The test has teeth: DHDN and ETRS89 coordinates of the same point are 100–200 m apart.
			expect(metresApart(dhdn, etrs89)).toBeGreaterThan(50);
		}
	);

	it('treats the E-N variants (5676–5679) like 31466–31469', () => {
		const xy: LonLat = [3597874.421966, 5411397.512092];
		expect(toWgs84(5677)(xy)).toEqual(toWgs84(31467)(xy));
	});
});

describe('toWgs84', () => {
	it.each([...SUPPORTED_CRS.keys()])('EPSG:%i round-trips a point near Stuttgart', (epsg) => {
		const xy = proj4('+proj=longlat +datum=WGS84 +no_defs', SUPPORTED_CRS.get(epsg)!.proj4).forward([
			...STUTTGART
		]);
		expect(metresApart(toWgs84(epsg)(xy), STUTTGART)).toBeLessThan(0.001);
	});

	it('passes WGS 84 through unchanged and ignores Z', () => {
		expect(toWgs84(4326)([9.18, 48.78, 250])).toEqual([9.18, 48.78]);
	});

	it.each<[string, number[]]>([
		['NaN', [NaN, 5400000]],
		['Infinity', [500000, Infinity]],
		['a missing y', [500000]]
	])('gives [NaN, NaN] for %s', (_name, xy) => {
		const [lon, lat] = toWgs84(25832)(xy);
		expect(lon).toBeNaN();
		expect(lat).toBeNaN();
	});

	it('does not mutate its input', () => {
		const xy = [513000, 5403000];
		toWgs84(25832)(xy);
		expect(xy).toEqual([513000, 5403000]);
	});

	it.each([2056, 0, 4314])('throws for the unsupported code %i', (epsg) => {
		expect(() => toWgs84(epsg)).toThrow(/not supported/);
	});
});

describe('SUPPORTED_CRS', () => {
	it('contains the CRSs German municipalities publish in', () => {
		for (const epsg of [4326, 4258, 3857, 25832, 25833, 4647, 5650, 31466, 31467, 31468, 31469, 5676, 5677]) {
			expect(SUPPORTED_CRS.has(epsg)).toBe(true);
		}
	});

	it.each([...SUPPORTED_CRS.entries()])('EPSG:%i is consistent', (epsg, def) => {
		expect(def.epsg).toBe(epsg);
		expect(def.name).not.toBe('');
		if (def.sameCoordinatesAs !== undefined) {
			const other = SUPPORTED_CRS.get(def.sameCoordinatesAs);
			expect(other?.sameCoordinatesAs).toBeUndefined();
			expect(other?.unit).toBe(def.unit);
		}
	});

	it('uses the EPSG datum shift for DHDN', () => {
		expect(SUPPORTED_CRS.get(31467)!.proj4).toContain('+towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7');
	});

	it.each<[number, string]>([
		[31467, 'EPSG:31467 (DHDN / Gauß-Krüger Zone 3)'],
		[25832, 'EPSG:25832 (ETRS89 / UTM Zone 32N)'],
		[2056, 'EPSG:2056']
	])('crsLabel(%i) -> %s', (epsg, label) => {
		expect(crsLabel(epsg)).toBe(label);
	});

	it('lists the supported CRSs for an unsupported one', () => {
		const message = unsupportedCrsMessage(2056);
		expect(message).toMatch(/^EPSG:2056 wird nicht unterstützt\. Unterstützt werden: EPSG:4326/);
		expect(message).toContain('EPSG:31467 (DHDN / Gauß-Krüger Zone 3)');
	});

	it.each<[number, number]>([
		[900913, 3857],
		[3785, 3857],
		[31463, 31467],
		[31465, 31469],
		[25832, 25832],
		[2056, 2056]
	])('canonicalEpsg(%i) -> %i', (code, expected) => {
		expect(canonicalEpsg(code)).toBe(expected);
	});
});

describe('parseCrsIdentifier', () => {
	it.each<[string, number | null]>([
		['EPSG:25832', 25832],
		['epsg:25832', 25832],
		['EPSG: 25832', 25832],
		['urn:ogc:def:crs:EPSG::25832', 25832],
		['urn:ogc:def:crs:EPSG:6.6:25832', 25832],
		['URN:OGC:DEF:CRS:EPSG::31467', 31467],
		['http://www.opengis.net/def/crs/EPSG/0/25832', 25832],
		['https://www.opengis.net/def/crs/EPSG/0/3857', 3857],
		['urn:ogc:def:crs:OGC:1.3:CRS84', 4326],
		['urn:ogc:def:crs:OGC::CRS84', 4326],
		['http://www.opengis.net/def/crs/OGC/1.3/CRS84', 4326],
		['25832', 25832],
		[' 31467 ', 31467],
		['EPSG:900913', 3857],
		['EPSG:31463', 31467],
		['ESRI:102100', 3857],
		// Parsed but not supported: the caller reports it.
		['EPSG:2056', 2056],
		// Errors
		['', null],
		['UTM32', null],
		['ETRS89 / UTM zone 32N', null],
		['EPSG:', null],
		['EPSG:abc', null],
		['EPSG:0', null],
		['EPSG:-25832', null],
		['EPSG:25832:1', null],
		['EPSG:1234567', null],
		['urn:ogc:def:crs:EPSG::', null],
		['http://www.opengis.net/def/crs/EPSG/0/', null],
		['ESRI:54004', null],
		['+proj=utm +zone=32 +ellps=GRS80', null]
	])('%j -> %j', (text, expected) => {
		expect(parseCrsIdentifier(text)).toBe(expected);
	});
});

describe('epsgFromEsriWkid', () => {
	it.each<[number, number | null]>([
		[102100, 3857],
		[102113, 3857],
		[3857, 3857],
		[4326, 4326],
		[4258, 4258],
		[25832, 25832],
		[25833, 25833],
		[31467, 31467],
		[5677, 5677],
		[4647, 4647],
		[102329, 4647], // ETRS_1989_UTM_Zone_32N_8stellen
		[102362, 4647], // ETRS_1989_UTM_Zone_N32
		[102360, 5650], // ETRS_1989_UTM_Zone_33N_8stellen
		[32632, 32632],
		// Errors: unknown or unsupported
		[102328, null], // ETRS_1989_UTM_Zone_32N_7stellen, false easting 2500000
		[54004, null], // World_Mercator
		[2056, null],
		[0, null],
		[-1, null]
	])('%i -> %j', (wkid, expected) => {
		expect(epsgFromEsriWkid(wkid)).toBe(expected);
	});
});

// WKT as ArcGIS and QGIS (through GDAL's Esri flavour) write it into .prj files.
const ESRI_25832 =
	'PROJCS["ETRS_1989_UTM_Zone_32N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",9.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const ESRI_31467 =
	'PROJCS["DHDN_3_Degree_Gauss_Zone_3",GEOGCS["GCS_Deutsches_Hauptdreiecksnetz",DATUM["D_Deutsches_Hauptdreiecksnetz",SPHEROID["Bessel_1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",3500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",9.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const ESRI_4326 =
	'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
// QGIS 2 wrote this older Esri morph.
const QGIS2_25832 =
	'PROJCS["ETRS89_UTM_zone_32N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",9],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["Meter",1]]';
// OGC WKT1 as GDAL writes it, e.g. into gpkg_spatial_ref_sys.
const GDAL_25832 =
	'PROJCS["ETRS89 / UTM zone 32N",GEOGCS["ETRS89",DATUM["European_Terrestrial_Reference_System_1989",SPHEROID["GRS 1980",6378137,298.257222101,AUTHORITY["EPSG","7019"]],TOWGS84[0,0,0,0,0,0,0],AUTHORITY["EPSG","6258"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4258"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",9],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","25832"]]';
const GDAL_31467 =
	'PROJCS["DHDN / 3-degree Gauss-Kruger zone 3",GEOGCS["DHDN",DATUM["Deutsches_Hauptdreiecksnetz",SPHEROID["Bessel 1841",6377397.155,299.1528128,AUTHORITY["EPSG","7004"]],TOWGS84[598.1,73.7,418.2,0.202,0.045,-2.455,6.7],AUTHORITY["EPSG","6314"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4314"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",9],PARAMETER["scale_factor",1],PARAMETER["false_easting",3500000],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AUTHORITY["EPSG","31467"]]';
const GDAL_4326 =
	'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';
const GDAL_3857 =
	'PROJCS["WGS 84 / Pseudo-Mercator",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]],PROJECTION["Mercator_1SP"],PARAMETER["central_meridian",0],PARAMETER["scale_factor",1],PARAMETER["false_easting",0],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],EXTENSION["PROJ4","+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs"],AUTHORITY["EPSG","3857"]]';
const ESRI_3857 =
	'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]';
// WKT2:2019 as PROJ writes it (QGIS 3, GDAL 3), ENSEMBLE members shortened.
const WKT2_25832 = `PROJCRS["ETRS89 / UTM zone 32N",
	BASEGEOGCRS["ETRS89",
		ENSEMBLE["European Terrestrial Reference System 1989 ensemble",
			MEMBER["European Terrestrial Reference Frame 1989"],
			MEMBER["European Terrestrial Reference Frame 2020"],
			ELLIPSOID["GRS 1980",6378137,298.257222101,LENGTHUNIT["metre",1]],
			ENSEMBLEACCURACY[0.1]],
		PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],
		ID["EPSG",4258]],
	CONVERSION["UTM zone 32N",
		METHOD["Transverse Mercator",ID["EPSG",9807]],
		PARAMETER["Latitude of natural origin",0,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8801]],
		PARAMETER["Longitude of natural origin",9,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8802]],
		PARAMETER["Scale factor at natural origin",0.9996,SCALEUNIT["unity",1],ID["EPSG",8805]],
		PARAMETER["False easting",500000,LENGTHUNIT["metre",1],ID["EPSG",8806]],
		PARAMETER["False northing",0,LENGTHUNIT["metre",1],ID["EPSG",8807]]],
	CS[Cartesian,2],
		AXIS["(E)",east,ORDER[1],LENGTHUNIT["metre",1]],
		AXIS["(N)",north,ORDER[2],LENGTHUNIT["metre",1]],
	USAGE[SCOPE["Engineering survey, topographic mapping."],AREA["Europe between 6°E and 12°E."],BBOX[38.76,6,84.33,12]],
	ID["EPSG",25832]]`;
const WKT2_4326 = `GEOGCRS["WGS 84",ENSEMBLE["World Geodetic System 1984 ensemble",MEMBER["World Geodetic System 1984 (G2139)"],ELLIPSOID["WGS 84",6378137,298.257223563,LENGTHUNIT["metre",1]],ENSEMBLEACCURACY[2.0]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],CS[ellipsoidal,2],AXIS["geodetic latitude (Lat)",north,ORDER[1],ANGLEUNIT["degree",0.0174532925199433]],AXIS["geodetic longitude (Lon)",east,ORDER[2],ANGLEUNIT["degree",0.0174532925199433]],USAGE[SCOPE["Horizontal component of 3D system."],AREA["World."],BBOX[-90,-180,90,180]],ID["EPSG",4326]]`;
const WKT2_BOUND_31467 = `BOUNDCRS[SOURCECRS[PROJCRS["DHDN / 3-degree Gauss-Kruger zone 3",BASEGEOGCRS["DHDN",DATUM["Deutsches Hauptdreiecksnetz",ELLIPSOID["Bessel 1841",6377397.155,299.1528128,LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],ID["EPSG",4314]],CONVERSION["3-degree Gauss-Kruger zone 3",METHOD["Transverse Mercator",ID["EPSG",9807]],PARAMETER["Latitude of natural origin",0,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8801]],PARAMETER["Longitude of natural origin",9,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8802]],PARAMETER["Scale factor at natural origin",1,SCALEUNIT["unity",1],ID["EPSG",8805]],PARAMETER["False easting",3500000,LENGTHUNIT["metre",1],ID["EPSG",8806]],PARAMETER["False northing",0,LENGTHUNIT["metre",1],ID["EPSG",8807]]],CS[Cartesian,2],AXIS["northing (X)",north,ORDER[1],LENGTHUNIT["metre",1]],AXIS["easting (Y)",east,ORDER[2],LENGTHUNIT["metre",1]]]],TARGETCRS[GEOGCRS["WGS 84",DATUM["World Geodetic System 1984",ELLIPSOID["WGS 84",6378137,298.257223563,LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],CS[ellipsoidal,2],AXIS["latitude",north,ORDER[1],ANGLEUNIT["degree",0.0174532925199433]],AXIS["longitude",east,ORDER[2],ANGLEUNIT["degree",0.0174532925199433]],ID["EPSG",4326]]],ABRIDGEDTRANSFORMATION["DHDN to WGS 84 (2)",METHOD["Position Vector transformation (geog2D domain)",ID["EPSG",9606]],PARAMETER["X-axis translation",598.1,ID["EPSG",8605]],PARAMETER["Scale difference",1.0000067,ID["EPSG",8611]]]]`;

/** Drop the top-level AUTHORITY / ID so that name and parameters must do. */
const withoutId = (wkt: string) => wkt.replace(/,\s*(AUTHORITY\["EPSG","\d+"\]|ID\["EPSG",\d+\])\]$/, ']');

describe('epsgFromWkt', () => {
	it.each<[string, string, number]>([
		['ArcGIS/QGIS .prj, ETRS89 / UTM 32N', ESRI_25832, 25832],
		['ArcGIS/QGIS .prj, DHDN Gauß-Krüger zone 3', ESRI_31467, 31467],
		[
			'ArcGIS .prj, DHDN zone 3 as Transverse_Mercator',
			ESRI_31467.replace('Gauss_Kruger', 'Transverse_Mercator'),
			31467
		],
		['ArcGIS/QGIS .prj, WGS 84', ESRI_4326, 4326],
		[
			'ArcGIS .prj, ETRS89 geographic',
			ESRI_4326.replace(/WGS_1984/g, 'ETRS_1989')
				.replace('298.257223563', '298.257222101')
				.replace('SPHEROID["ETRS_1989"', 'SPHEROID["GRS_1980"'),
			4258
		],
		['ArcGIS .prj, Web Mercator', ESRI_3857, 3857],
		[
			'ArcGIS .prj, UTM 32N with zone prefix',
			ESRI_25832.replace('ETRS_1989_UTM_Zone_32N', 'ETRS_1989_UTM_Zone_32N_8stellen').replace(
				'500000.0',
				'32500000.0'
			),
			4647
		],
		[
			'ArcGIS .prj, UTM N32',
			ESRI_25832.replace('ETRS_1989_UTM_Zone_32N', 'ETRS_1989_UTM_Zone_N32').replace(
				'500000.0',
				'32500000.0'
			),
			4647
		],
		[
			'ArcGIS .prj, UTM 33N with zone prefix',
			ESRI_25832.replace('ETRS_1989_UTM_Zone_32N', 'ETRS_1989_UTM_Zone_33N_8stellen')
				.replace('500000.0', '33500000.0')
				.replace('Meridian",9.0', 'Meridian",15.0'),
			5650
		],
		[
			'ArcGIS .prj, WGS 84 / UTM 32N',
			ESRI_25832.replace(/ETRS_1989/g, 'WGS_1984').replace(
				'GRS_1980",6378137.0,298.257222101',
				'WGS_1984",6378137.0,298.257223563'
			),
			32632
		],
		['QGIS 2 .prj, ETRS89_UTM_zone_32N', QGIS2_25832, 25832],
		['.prj with a byte order mark and line breaks', `\uFEFF${ESRI_25832.replace(/\],/g, '],\n  ')}\n`, 25832],
		['GDAL WKT1 with AUTHORITY', GDAL_25832, 25832],
		[
			'GDAL WKT1 without the top-level AUTHORITY (nested ones are the base CRS)',
			withoutId(GDAL_25832),
			25832
		],
		['GDAL WKT1 DHDN zone 3', GDAL_31467, 31467],
		['GDAL WKT1 DHDN zone 3 without AUTHORITY', withoutId(GDAL_31467), 31467],
		['GDAL WKT1 WGS 84', GDAL_4326, 4326],
		['GDAL WKT1 Pseudo-Mercator', GDAL_3857, 3857],
		[
			'GDAL WKT1 Pseudo-Mercator, unnamed and without AUTHORITY',
			withoutId(GDAL_3857).replace('WGS 84 / Pseudo-Mercator', 'unnamed'),
			3857
		],
		['WKT2 with ID["EPSG",25832]', WKT2_25832, 25832],
		['WKT2 without ID (nested IDs are base CRS, method, parameters)', withoutId(WKT2_25832), 25832],
		[
			'WKT2 without ID and with another name',
			withoutId(WKT2_25832).replace('ETRS89 / UTM zone 32N', 'Stadtvermessung'),
			25832
		],
		['WKT2 GEOGCRS', WKT2_4326, 4326],
		['WKT2 GEOGCRS without ID', withoutId(WKT2_4326), 4326],
		['WKT2 BOUNDCRS around DHDN zone 3 without ID', WKT2_BOUND_31467, 31467],
		[
			'compound CRS with a height',
			`COMPD_CS["ETRS89 / UTM zone 32N + DHHN2016 height",${GDAL_25832},VERT_CS["DHHN2016 height",VERT_DATUM["Deutsches Haupthoehennetz 2016",2005],UNIT["metre",1],AXIS["Gravity-related height",UP]]]`,
			25832
		],
		[
			'deprecated EPSG code of the same CRS',
			GDAL_31467.replace('"EPSG","31467"]]', '"EPSG","31463"]]'),
			31467
		],
		[
			'unsupported EPSG code with the parameters of a supported CRS',
			GDAL_25832.replace('"EPSG","25832"]]', '"EPSG","3044"]]').replace(
				'ETRS89 / UTM zone 32N',
				'ETRS89 / ETRS-TM32'
			),
			25832
		],
		['Esri authority', ESRI_3857.replace(/\]$/, ',AUTHORITY["ESRI","102100"]]'), 3857],
		// Parameters win over a name they contradict.
		[
			'name says zone 32, parameters say zone 33',
			GDAL_25832.replace(/,AUTHORITY\["EPSG","25832"\]\]$/, ']').replace(
				'"central_meridian",9',
				'"central_meridian",15'
			),
			25833
		],
		// A bare name without parameters.
		['name only: ETRS89_UTM_zone_32N', 'PROJCS["ETRS89_UTM_zone_32N"]', 25832],
		['name only: ETRS89 / UTM zone 33N', 'PROJCS["ETRS89 / UTM zone 33N"]', 25833],
		[
			'name only: DHDN / 3-degree Gauss-Kruger zone 3',
			'PROJCS["DHDN / 3-degree Gauss-Kruger zone 3"]',
			31467
		],
		[
			'name only: DHDN / 3-degree Gauss-Krüger zone 4 (E-N)',
			'PROJCS["DHDN / 3-degree Gauss-Krüger zone 4 (E-N)"]',
			5678
		],
		['name only: DHDN_3_Degree_Gauss_Zone_5', 'PROJCS["DHDN_3_Degree_Gauss_Zone_5"]', 31469],
		['name only: GCS_WGS_1984', 'GEOGCS["GCS_WGS_1984"]', 4326],
		[
			'name only: WGS_1984_Web_Mercator_Auxiliary_Sphere',
			'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere"]',
			3857
		],
		['name only: ETRS89 / UTM zone 32N (zE-N)', 'PROJCS["ETRS89 / UTM zone 32N (zE-N)"]', 4647]
	])('%s', (_name, wkt, expected) => {
		expect(epsgFromWkt(wkt)).toEqual({ epsg: expected });
	});

	it.each<[string, string, RegExp]>([
		['empty', '  ', /leer/],
		['garbage', 'garbage', /nicht lesbar/],
		['truncated', GDAL_25832.slice(0, 120), /nicht lesbar/],
		['unbalanced brackets', 'PROJCS["x",GEOGCS["y")]', /nicht lesbar/],
		['unterminated string', 'PROJCS["ETRS89 / UTM zone 32N]', /nicht lesbar/],
		[
			'vertical CRS',
			'VERT_CS["DHHN2016 height",VERT_DATUM["Deutsches Haupthoehennetz 2016",2005],UNIT["metre",1],AUTHORITY["EPSG","7837"]]',
			/kein geografisches oder projiziertes/
		],
		[
			'geocentric CRS',
			'GEOCCS["ETRS89",DATUM["European_Terrestrial_Reference_System_1989",SPHEROID["GRS 1980",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["metre",1],AUTHORITY["EPSG","4936"]]',
			/kein geografisches oder projiziertes/
		],
		[
			'Swiss CRS',
			'PROJCS["CH1903+ / LV95",GEOGCS["CH1903+",DATUM["CH1903+",SPHEROID["Bessel 1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Hotine_Oblique_Mercator_Azimuth_Center"],PARAMETER["latitude_of_center",46.9524055555556],PARAMETER["longitude_of_center",7.43958333333333],UNIT["metre",1],AUTHORITY["EPSG","2056"]]',
			/„CH1903\+ \/ LV95“ \(EPSG:2056\) wird nicht unterstützt/
		],
		[
			'Lambert projection of Germany',
			'PROJCS["ETRS89 / LCC Germany (N-E)",GEOGCS["ETRS89",DATUM["European_Terrestrial_Reference_System_1989",SPHEROID["GRS 1980",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic_2SP"],PARAMETER["standard_parallel_1",48.6666666666667],PARAMETER["standard_parallel_2",53.6666666666667],PARAMETER["latitude_of_origin",51],PARAMETER["central_meridian",10.5],PARAMETER["false_easting",0],PARAMETER["false_northing",0],UNIT["metre",1],AUTHORITY["EPSG","4839"]]',
			/\(EPSG:4839\) wird nicht unterstützt \(Projektion „Lambert_Conformal_Conic_2SP“\)/
		],
		[
			'another datum with UTM parameters',
			'PROJCS["NAD83 / UTM zone 32N",GEOGCS["NAD83",DATUM["North_American_Datum_1983",SPHEROID["GRS 1980",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",9],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]',
			/Datum „North_American_Datum_1983“/
		],
		[
			'UTM in US feet',
			ESRI_25832.replace('UNIT["Meter",1.0]]', 'UNIT["Foot_US",0.3048006096012192]]'),
			/Einheit „Foot_US“ statt Meter/
		],
		[
			'a transverse Mercator that is none of ours',
			ESRI_25832.replace('Meridian",9.0', 'Meridian",10.5').replace(
				'ETRS_1989_UTM_Zone_32N',
				'Lokales_System'
			),
			/Mittelmeridian 10,5°/
		],
		[
			'geographic DHDN',
			'GEOGCS["DHDN",DATUM["Deutsches_Hauptdreiecksnetz",SPHEROID["Bessel 1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]',
			/DHDN-Koordinaten \(EPSG:4314\)/
		],
		[
			'World Mercator',
			withoutId(GDAL_3857)
				.replace(/,EXTENSION\[[^\]]*\]/, '')
				.replace('WGS 84 / Pseudo-Mercator', 'WGS 84 / World Mercator') + '',
			/Projektion „Mercator_1SP“/
		],
		[
			"a name that is nobody's",
			'PROJCS["Mein Stadtplan"]',
			/„Mein Stadtplan“ wird nicht unterstützt \(nicht erkannt\)/
		]
	])('%s -> problem', (_name, wkt, problem) => {
		const result = epsgFromWkt(wkt);
		expect(result).toHaveProperty('problem');
		expect((result as { problem: string }).problem).toMatch(problem);
	});

	it('gives its reason as one clause without a final period, for callers to go on', () => {
		const result = epsgFromWkt('PROJCS["Mein Stadtplan"]') as { problem: string };
		expect(result.problem).toBe(
			'Das Koordinatensystem „Mein Stadtplan“ wird nicht unterstützt (nicht erkannt)'
		);
		for (const wkt of [
			'',
			'garbage',
			'VERT_CS["h",VERT_DATUM["d",2005],UNIT["metre",1]]',
			ESRI_25832.slice(0, 50)
		]) {
			expect((epsgFromWkt(wkt) as { problem: string }).problem).not.toMatch(/\.$/);
		}
	});
});

// Stuttgart (about lon 9.04–9.32, lat 48.69–48.87) in several CRSs.
const STUTTGART_25832: Bbox = [500000, 5395000, 525000, 5420000];
const STUTTGART_31467: Bbox = [3500000, 5400000, 3525000, 5420000];
const STUTTGART_4326: Bbox = [9.04, 48.69, 9.32, 48.87];
const STUTTGART_3857: Bbox = [1006000, 6220000, 1037000, 6250000];
const STUTTGART_4647: Bbox = [32500000, 5395000, 32525000, 5420000];
const DRESDEN_25833: Bbox = [405000, 5650000, 420000, 5665000];
const swap = (b: Bbox): Bbox => [b[1], b[0], b[3], b[2]];
const NOWHERE: Bbox = [0, 0, 1000, 1000];

describe('guessCrs', () => {
	it.each<[string, Bbox, LonLat | undefined, Array<{ epsg: number; swapped: boolean }>]>([
		['UTM 32 near Stuttgart', STUTTGART_25832, STUTTGART, [{ epsg: 25832, swapped: false }]],
		// Without a reference point zone 33 fits too (it puts the box at 15.2°E, inside the margin).
		[
			'UTM 32 without a reference point',
			STUTTGART_25832,
			undefined,
			[
				{ epsg: 25832, swapped: false },
				{ epsg: 25833, swapped: false }
			]
		],
		['UTM 33 near Dresden', DRESDEN_25833, DRESDEN, [{ epsg: 25833, swapped: false }]],
		['Gauß-Krüger zone 3', STUTTGART_31467, STUTTGART, [{ epsg: 31467, swapped: false }]],
		[
			'Gauß-Krüger zone 3 without a reference point',
			STUTTGART_31467,
			undefined,
			[{ epsg: 31467, swapped: false }]
		],
		[
			'Gauß-Krüger with northing and easting swapped',
			swap(STUTTGART_31467),
			STUTTGART,
			[{ epsg: 31467, swapped: true }]
		],
		[
			'UTM 32 with northing and easting swapped',
			swap(STUTTGART_25832),
			STUTTGART,
			[{ epsg: 25832, swapped: true }]
		],
		['lon/lat', STUTTGART_4326, STUTTGART, [{ epsg: 4326, swapped: false }]],
		['lat/lon', swap(STUTTGART_4326), undefined, [{ epsg: 4326, swapped: true }]],
		['Web Mercator', STUTTGART_3857, STUTTGART, [{ epsg: 3857, swapped: false }]],
		['UTM 32 with zone prefix', STUTTGART_4647, STUTTGART, [{ epsg: 4647, swapped: false }]],
		['a single point', [513000, 5403000, 513000, 5403000], STUTTGART, [{ epsg: 25832, swapped: false }]],
		// Errors
		['local coordinates', NOWHERE, undefined, []],
		['the whole world in degrees', [-180, -90, 180, 90], undefined, []],
		['Stuttgart data for Hamburg', STUTTGART_25832, HAMBURG, []],
		['an inverted box', [525000, 5420000, 500000, 5395000], undefined, []],
		['NaN', [NaN, 5395000, 525000, 5420000], undefined, []],
		['Infinity (empty bbox of no features)', [Infinity, Infinity, -Infinity, -Infinity], undefined, []]
	])('%s', (_name, bbox, near, expected) => {
		expect(guessCrs(bbox, near)).toEqual(expected);
	});

	it('resolves UTM 32 against UTM 33 with the reference point', () => {
		expect(
			guessCrs(DRESDEN_25833)
				.map((c) => c.epsg)
				.sort()
		).toEqual([25832, 25833]);
		expect(guessCrs(DRESDEN_25833, DRESDEN)).toEqual([{ epsg: 25833, swapped: false }]);
		expect(guessCrs(STUTTGART_25832, STUTTGART)).toEqual([{ epsg: 25832, swapped: false }]);
	});

	it('ignores an unusable reference point', () => {
		expect(guessCrs(STUTTGART_31467, [NaN, NaN])).toEqual([{ epsg: 31467, swapped: false }]);
	});

	const primary = [...SUPPORTED_CRS.values()].filter((d) => d.sameCoordinatesAs === undefined);
	it.each(primary.map((d) => [d.epsg, d] as const))('recognises Stuttgart in EPSG:%i', (epsg, def) => {
		const forward = proj4('+proj=longlat +datum=WGS84 +no_defs', def.proj4).forward;
		const [x0, y0] = forward([9.04, 48.69]);
		const [x1, y1] = forward([9.32, 48.87]);
		const bbox: Bbox = [Math.min(x0!, x1!), Math.min(y0!, y1!), Math.max(x0!, x1!), Math.max(y0!, y1!)];
		expect(guessCrs(bbox, STUTTGART)[0]).toEqual({ epsg, swapped: false });
	});

	it('does not mutate the bbox', () => {
		const bbox: [number, number, number, number] = [500000, 5395000, 525000, 5420000];
		guessCrs(bbox, STUTTGART);
		expect(bbox).toEqual([500000, 5395000, 525000, 5420000]);
	});
});

describe('crsProblem', () => {
	it.each<[string, Bbox, number, LonLat | undefined]>([
		['UTM 32', STUTTGART_25832, 25832, STUTTGART],
		['UTM 32 as WGS 84 / UTM 32', STUTTGART_25832, 32632, STUTTGART],
		['Gauß-Krüger', STUTTGART_31467, 31467, STUTTGART],
		['Gauß-Krüger as the E-N variant', STUTTGART_31467, 5677, STUTTGART],
		['lon/lat', STUTTGART_4326, 4326, STUTTGART],
		['lon/lat as ETRS89', STUTTGART_4326, 4258, undefined],
		['Web Mercator', STUTTGART_3857, 3857, STUTTGART],
		// Without a reference point the two UTM zones cannot be told apart.
		['UTM 32 declared as UTM 33, no reference point', STUTTGART_25832, 25833, undefined]
	])('%s is plausible', (_name, bbox, epsg, near) => {
		expect(crsProblem(bbox, epsg, near)).toBeNull();
	});

	it('names the CRS the coordinates look like and how to state it', () => {
		const message = crsProblem([3507000, 5402000, 3516000, 5410000], 25832, STUTTGART);
		expect(message).toMatch(
			/^Die Koordinaten \(x 3\.507\.000–3\.516\.000, y 5\.402\.000–5\.410\.000\) passen nicht zu EPSG:25832 \(ETRS89 \/ UTM Zone 32N\); sie sehen aus wie EPSG:31467 \(DHDN \/ Gauß-Krüger Zone 3\)\. Mit --crs EPSG:31467 angeben\./
		);
		expect(message).toContain('außerhalb Deutschlands');
	});

	it('resolves the UTM zone with the reference point', () => {
		const message = crsProblem(STUTTGART_25832, 25833, STUTTGART);
		expect(message).toContain(
			'sie sehen aus wie EPSG:25832 (ETRS89 / UTM Zone 32N). Mit --crs EPSG:25832 angeben.'
		);
		expect(message).toMatch(
			/Als EPSG:25833 .* gelesen lägen sie bei 48,\d\d° N, 15,\d\d° O, \d+ km von der Stadt entfernt\./
		);
	});

	it('recognises swapped axes in the stated CRS', () => {
		expect(crsProblem(swap(STUTTGART_31467), 31467, STUTTGART)).toContain(
			'sie sehen aus wie EPSG:31467 (DHDN / Gauß-Krüger Zone 3) mit vertauschten Achsen (x enthält den Hochwert, y den Rechtswert). Das Koordinatensystem stimmt, aber x und y müssen getauscht werden.'
		);
		expect(crsProblem(swap(STUTTGART_4326), 4326)).toContain('(x enthält die Breite, y die Länge)');
	});

	it('recognises swapped axes in another CRS', () => {
		expect(crsProblem(swap(STUTTGART_25832), 31467, STUTTGART)).toContain(
			'Mit --crs EPSG:25832 angeben und x und y tauschen.'
		);
	});

	it('lists the usual values when nothing fits', () => {
		const message = crsProblem(NOWHERE, 25832, STUTTGART)!;
		expect(message).toMatch(
			/^Die Koordinaten \(x 0–1\.000, y 0–1\.000\) passen weder zu EPSG:25832 \(ETRS89 \/ UTM Zone 32N\) noch zu einem anderen unterstützten Koordinatensystem in Deutschland\./
		);
		expect(message).toContain(
			'Übliche Werte in Deutschland: Länge/Breite in Grad (EPSG:4326, EPSG:4258): x 5,8–15,1, y 47,2–55,1'
		);
		expect(message).toMatch(
			/ETRS89 \/ UTM Zone 32N \(EPSG:25832\): x [\d.]+–[\d.]+, y 5\.\d{3}\.000–6\.\d{3}\.000/
		);
		for (const epsg of ['EPSG:25833', 'EPSG:4647', 'EPSG:31466–31469', 'EPSG:3857'])
			expect(message).toContain(epsg);
	});

	it('asks whether the data belongs to the city when it lies elsewhere in Germany', () => {
		expect(crsProblem(DRESDEN_25833, 25833, STUTTGART)).toMatch(
			/liegen mit EPSG:25833 .* nicht in der Nähe der Stadt.*\d+ km von der Stadt entfernt\. Gehört die Datei zu dieser Stadt\?$/
		);
		expect(crsProblem(DRESDEN_25833, 3857, STUTTGART)).toMatch(/Gehört die Datei zu dieser Stadt\?$/);
	});

	it('reports an invalid bbox', () => {
		expect(crsProblem([NaN, 0, 1, 1], 25832)).toMatch(/keinen gültigen Bereich/);
	});

	it('throws for an unsupported CRS', () => {
		expect(() => crsProblem(STUTTGART_25832, 2056)).toThrow(/not supported/);
	});
});

describe('missingCrsMessage', () => {
	it.each<[string, Bbox, LonLat | undefined, string]>([
		[
			'UTM 32 near Stuttgart',
			STUTTGART_25832,
			STUTTGART,
			'Die Datei nennt kein Koordinatensystem. Die Koordinaten (x 500.000–525.000, y 5.395.000–5.420.000) sehen aus wie EPSG:25832 (ETRS89 / UTM Zone 32N). Mit --crs EPSG:25832 angeben.'
		],
		[
			'UTM without a reference point',
			STUTTGART_25832,
			undefined,
			'Die Datei nennt kein Koordinatensystem. Die Koordinaten (x 500.000–525.000, y 5.395.000–5.420.000) sehen aus wie EPSG:25832 (ETRS89 / UTM Zone 32N) oder EPSG:25833 (ETRS89 / UTM Zone 33N) – bitte prüfen, welches zutrifft. Mit --crs EPSG:25832 angeben.'
		],
		[
			'Gauß-Krüger',
			STUTTGART_31467,
			STUTTGART,
			'Die Datei nennt kein Koordinatensystem. Die Koordinaten (x 3.500.000–3.525.000, y 5.400.000–5.420.000) sehen aus wie EPSG:31467 (DHDN / Gauß-Krüger Zone 3). Mit --crs EPSG:31467 angeben.'
		],
		[
			'lat/lon',
			swap(STUTTGART_4326),
			STUTTGART,
			'Die Datei nennt kein Koordinatensystem. Die Koordinaten (x 48,69–48,87, y 9,04–9,32) sehen aus wie EPSG:4326 (WGS 84, Länge/Breite) mit vertauschten Achsen (x enthält die Breite, y die Länge). Mit --crs EPSG:4326 angeben und x und y tauschen.'
		],
		[
			'Web Mercator',
			STUTTGART_3857,
			STUTTGART,
			'Die Datei nennt kein Koordinatensystem. Die Koordinaten (x 1.006.000–1.037.000, y 6.220.000–6.250.000) sehen aus wie EPSG:3857 (WGS 84 / Pseudo-Mercator, Web-Mercator). Mit --crs EPSG:3857 angeben.'
		]
	])('%s', (_name, bbox, near, expected) => {
		expect(missingCrsMessage(bbox, near)).toBe(expected);
	});

	it('says so when nothing fits and lists the usual values', () => {
		const message = missingCrsMessage(NOWHERE, STUTTGART);
		expect(message).toMatch(
			/^Die Datei nennt kein Koordinatensystem\. Die Koordinaten \(x 0–1\.000, y 0–1\.000\) passen zu keinem unterstützten Koordinatensystem in Deutschland\. Übliche Werte in Deutschland: /
		);
		expect(message).toMatch(/mit --crs angeben\.$/);
	});

	it('asks whether data from elsewhere belongs to the city', () => {
		expect(missingCrsMessage(DRESDEN_25833, STUTTGART)).toMatch(
			/liegen mit keinem Koordinatensystem in der Nähe der Stadt\. Als EPSG:\d+ .* km von der Stadt entfernt\. Gehört die Datei zu dieser Stadt\?$/
		);
	});

	it('reports an invalid bbox', () => {
		expect(missingCrsMessage([Infinity, Infinity, -Infinity, -Infinity])).toMatch(/keinen gültigen Bereich/);
	});

	it('is crsSuggestion after the note that the file names no CRS', () => {
		expect(crsSuggestion(STUTTGART_31467, STUTTGART)).toBe(
			'Die Koordinaten (x 3.500.000–3.525.000, y 5.400.000–5.420.000) sehen aus wie EPSG:31467 (DHDN / Gauß-Krüger Zone 3). Mit --crs EPSG:31467 angeben.'
		);
		for (const bbox of [STUTTGART_25832, NOWHERE, DRESDEN_25833]) {
			expect(missingCrsMessage(bbox, STUTTGART)).toBe(
				`Die Datei nennt kein Koordinatensystem. ${crsSuggestion(bbox, STUTTGART)}`
			);
		}
	});
});

describe('reprojectGeometry', () => {
	// A transform that is easy to check by eye.
	const shift = (xy: readonly number[]): [number, number] => [xy[0]! + 1, xy[1]! * 2];

	it.each<[string, Geometry, Geometry]>([
		['Point', { type: 'Point', coordinates: [1, 2] }, { type: 'Point', coordinates: [2, 4] }],
		['Point with Z', { type: 'Point', coordinates: [1, 2, 300] }, { type: 'Point', coordinates: [2, 4] }],
		[
			'MultiPoint',
			{
				type: 'MultiPoint',
				coordinates: [
					[1, 2],
					[3, 4, 5]
				]
			},
			{
				type: 'MultiPoint',
				coordinates: [
					[2, 4],
					[4, 8]
				]
			}
		],
		[
			'LineString',
			{
				type: 'LineString',
				coordinates: [
					[0, 0],
					[1, 1, 9]
				]
			},
			{
				type: 'LineString',
				coordinates: [
					[1, 0],
					[2, 2]
				]
			}
		],
		[
			'MultiLineString',
			{
				type: 'MultiLineString',
				coordinates: [
					[
						[0, 0],
						[1, 1]
					],
					[
						[2, 2],
						[3, 3]
					]
				]
			},
			{
				type: 'MultiLineString',
				coordinates: [
					[
						[1, 0],
						[2, 2]
					],
					[
						[3, 4],
						[4, 6]
					]
				]
			}
		],
		[
			'Polygon with a hole',
			{
				type: 'Polygon',
				coordinates: [
					[
						[0, 0, 1],
						[4, 0, 1],
						[4, 4, 1],
						[0, 0, 1]
					],
					[
						[1, 1],
						[2, 1],
						[2, 2],
						[1, 1]
					]
				]
			},
			{
				type: 'Polygon',
				coordinates: [
					[
						[1, 0],
						[5, 0],
						[5, 8],
						[1, 0]
					],
					[
						[2, 2],
						[3, 2],
						[3, 4],
						[2, 2]
					]
				]
			}
		],
		[
			'MultiPolygon',
			{
				type: 'MultiPolygon',
				coordinates: [
					[
						[
							[0, 0],
							[1, 0],
							[1, 1],
							[0, 0]
						]
					],
					[
						[
							[5, 5],
							[6, 5],
							[6, 6],
							[5, 5]
						]
					]
				]
			},
			{
				type: 'MultiPolygon',
				coordinates: [
					[
						[
							[1, 0],
							[2, 0],
							[2, 2],
							[1, 0]
						]
					],
					[
						[
							[6, 10],
							[7, 10],
							[7, 12],
							[6, 10]
						]
					]
				]
			}
		],
		[
			'GeometryCollection, nested',
			{
				type: 'GeometryCollection',
				geometries: [
					{ type: 'Point', coordinates: [1, 1] },
					{
						type: 'GeometryCollection',
						geometries: [
							{
								type: 'LineString',
								coordinates: [
									[0, 0],
									[1, 1]
								]
							}
						]
					}
				]
			},
			{
				type: 'GeometryCollection',
				geometries: [
					{ type: 'Point', coordinates: [2, 2] },
					{
						type: 'GeometryCollection',
						geometries: [
							{
								type: 'LineString',
								coordinates: [
									[1, 0],
									[2, 2]
								]
							}
						]
					}
				]
			}
		],
		[
			'empty MultiPolygon',
			{ type: 'MultiPolygon', coordinates: [] },
			{ type: 'MultiPolygon', coordinates: [] }
		],
		[
			'a bbox in the old units is dropped',
			{ type: 'Point', coordinates: [1, 2], bbox: [1, 2, 1, 2] },
			{ type: 'Point', coordinates: [2, 4] }
		]
	])('%s', (_name, input, expected) => {
		const before = structuredClone(input);
		expect(reprojectGeometry(input, shift)).toEqual(expected);
		expect(input).toEqual(before);
	});

	it('reprojects with toWgs84', () => {
		const utm: Geometry = { type: 'Point', coordinates: [597759.898637, 5409672.239612, 412.5] };
		const out = reprojectGeometry(utm, toWgs84(25832));
		expect(out.type).toBe('Point');
		const coordinates = (out as { coordinates: number[] }).coordinates;
		expect(coordinates).toHaveLength(2);
		expect(metresApart(coordinates as unknown as LonLat, [10.332117283303, 48.83232718864])).toBeLessThan(
			0.5
		);
	});
});
