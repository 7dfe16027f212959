import { Geodesic } from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '$lib/domain/random';
import { createLocalPlane } from './localPlane';

/** Geodesic distance in metres on WGS 84 (GeographicLib, Karney 2013), the reference below. */
function geodesic(a: readonly [number, number], b: readonly [number, number]): number {
	const { s12 } = Geodesic.WGS84.Inverse(a[1], a[0], b[1], b[0]);
	if (s12 === undefined) throw new Error('GeographicLib returned no distance');
	return s12;
}

function planar(
	plane: ReturnType<typeof createLocalPlane>,
	a: readonly [number, number],
	b: readonly [number, number]
) {
	const [ax, ay] = plane.toXY(a[0], a[1]);
	const [bx, by] = plane.toXY(b[0], b[1]);
	return Math.hypot(ax - bx, ay - by);
}

const dms = (d: number, m: number, s: number) => Math.sign(d) * (Math.abs(d) + m / 60 + s / 3600);

describe('GeographicLib reference', () => {
	// Published worked example of the inverse problem on GRS80: Flinders Peak to Buninyong,
	// 54 972.271 m, forward azimuth 306°52'05.37", reverse azimuth 127°10'25.07". Source:
	// Intergovernmental Committee on Surveying and Mapping (ICSM), Geocentric Datum of Australia
	// Technical Manual, Version 2.3, chapter 7 (Vincenty's formulae, worked example).
	const flindersPeak = [dms(-37, 57, 3.7203), dms(144, 25, 29.5244)] as const;
	const buninyong = [dms(-37, 39, 10.1561), dms(143, 55, 35.3839)] as const;

	it('reproduces the published Flinders Peak – Buninyong distance and azimuths', () => {
		const grs80 = new Geodesic.Geodesic(6378137, 1 / 298.257222101);
		const r = grs80.Inverse(flindersPeak[0], flindersPeak[1], buninyong[0], buninyong[1]);
		expect(r.s12).toBeCloseTo(54972.271, 3);
		expect(r.azi1! + 360).toBeCloseTo(dms(306, 52, 5.37), 5);
		expect(r.azi2! + 180).toBeCloseTo(dms(127, 10, 25.07), 5);
	});

	it('differs from the GRS80 value by well under a millimetre on WGS 84', () => {
		const r = Geodesic.WGS84.Inverse(flindersPeak[0], flindersPeak[1], buninyong[0], buninyong[1]);
		expect(Math.abs(r.s12! - 54972.271)).toBeLessThan(0.001);
	});
});

describe('createLocalPlane', () => {
	it('puts the reference point at the origin and round-trips points', () => {
		const plane = createLocalPlane(9.18, 48.78);
		expect(plane.toXY(9.18, 48.78)).toEqual([0, 0]);
		const [lon, lat] = plane.toLonLat(0, 0);
		expect(lon).toBeCloseTo(9.18, 12);
		expect(lat).toBeCloseTo(48.78, 12);
		const rand = mulberry32(3);
		for (let i = 0; i < 1000; i++) {
			const p: [number, number] = [9.18 + (rand() - 0.5) * 0.6, 48.78 + (rand() - 0.5) * 0.4];
			const [x, y] = plane.toXY(p[0], p[1]);
			const back = plane.toLonLat(x, y);
			expect(Math.abs(back[0] - p[0])).toBeLessThan(1e-11);
			expect(Math.abs(back[1] - p[1])).toBeLessThan(1e-11);
		}
	});

	it('points x east and y north', () => {
		const plane = createLocalPlane(9.18, 48.78);
		const [xe, ye] = plane.toXY(9.19, 48.78);
		const [xn, yn] = plane.toXY(9.18, 48.79);
		expect(xe).toBeGreaterThan(700);
		expect(Math.abs(ye)).toBeLessThan(0.1);
		expect(xn).toBe(0);
		expect(yn).toBeCloseTo(geodesic([9.18, 48.78], [9.18, 48.79]), 6);
	});

	it('wraps longitudes across the antimeridian', () => {
		const plane = createLocalPlane(179.99, -16.5);
		const [x] = plane.toXY(-179.99, -16.5);
		expect(x).toBeCloseTo(geodesic([179.99, -16.5], [-179.99, -16.5]), 0);
	});

	// Stuttgart: reference at the centre of the city's extent (lon 9.04–9.32, lat 48.69–48.87).
	// Pairs anywhere in a box of ±15 km around it, up to 42 km apart, must match the geodesic to
	// 0.001 % (1 cm per km); the plane's own error there is about 0.0004 %, and a spherical
	// equirectangular plane would be off by up to 0.6 %.
	const RELATIVE_TOLERANCE = 1e-5;

	it.each<[string, number, number]>([
		['Stuttgart', 9.18, 48.78],
		['Hamburg', 10.0, 53.55],
		['Freiburg', 7.85, 48.0]
	])('matches geodesic distances in %s to 0.001 %%', (_city, lon0, lat0) => {
		const plane = createLocalPlane(lon0, lat0);
		const halfLat = 15000 / 111200;
		const halfLon = halfLat / Math.cos((lat0 * Math.PI) / 180);
		const rand = mulberry32(11);
		const point = (): [number, number] => [
			lon0 + (rand() * 2 - 1) * halfLon,
			lat0 + (rand() * 2 - 1) * halfLat
		];
		const corners: Array<[number, number]> = [
			[lon0 - halfLon, lat0 - halfLat],
			[lon0 + halfLon, lat0 + halfLat],
			[lon0 - halfLon, lat0 + halfLat],
			[lon0 + halfLon, lat0 - halfLat]
		];
		const pairs: Array<[[number, number], [number, number]]> = [
			[corners[0]!, corners[1]!],
			[corners[2]!, corners[3]!],
			[corners[0]!, corners[3]!],
			[corners[2]!, corners[1]!],
			...Array.from({ length: 500 }, () => [point(), point()] as [[number, number], [number, number]])
		];
		let worst = 0;
		for (const [a, b] of pairs) {
			const reference = geodesic(a, b);
			if (reference < 1) continue;
			worst = Math.max(worst, Math.abs(planar(plane, a, b) - reference) / reference);
		}
		expect(worst).toBeLessThan(RELATIVE_TOLERANCE);
	});

	it('keeps short distances to the centimetre', () => {
		// Walking radii: 300 m to 2 km anywhere in Stuttgart.
		const plane = createLocalPlane(9.18, 48.78);
		for (const [a, b] of [
			[
				[9.05, 48.7],
				[9.054, 48.7]
			],
			[
				[9.31, 48.86],
				[9.31, 48.878]
			],
			[
				[9.1, 48.85],
				[9.11, 48.845]
			]
		] as Array<[[number, number], [number, number]]>)
			expect(Math.abs(planar(plane, a, b) - geodesic(a, b))).toBeLessThan(0.01);
	});

	it.each<[string, number, number]>([
		['a non-finite longitude', NaN, 48],
		['an infinite latitude', 9, Infinity],
		['a pole', 9, 90],
		['a latitude beyond the pole', 9, -91]
	])('rejects %s as reference point', (_name, lon, lat) => {
		expect(() => createLocalPlane(lon, lat)).toThrow(RangeError);
	});
});
