/**
 * A local metric plane around a reference point, for distance work at city scale: nearest
 * Lernort, walking radii, grid cells. Straight-line distances on the plane are Euclidean, so
 * spatial indexes (flatbush) and squared-distance tests work on plain numbers.
 *
 * The mapping is the Cassini–Soldner projection on the WGS 84 ellipsoid, centred on the
 * reference point and kept to second order in the longitude difference:
 *
 *   x = N(φ) cos φ · Δλ
 *   y = m(φ) − m(φ0) + ½ N(φ) sin φ cos φ · Δλ²
 *
 * with N the prime-vertical radius of curvature and m the meridian arc length. A plain
 * equirectangular plane (x = R cos φ0 · Δλ, y = R · Δφ) is off by up to tan φ0 · Δφ in east–west
 * distances (0.2 % at 10 km north or south of Stuttgart's centre) and by up to 0.3 % in the
 * ratio of north–south to east–west scale, because the ellipsoid's two radii of curvature
 * differ; using N(φ) cos φ per point and the true meridian arc removes both. What remains is
 * Cassini's scale error, about x² / 2R² (3 · 10⁻⁶ at 15 km from the central meridian), and the
 * dropped higher-order terms, centimetres at 15 km: well under 0.01 % for any pair of points
 * within 20 km of the centre.
 */

/** WGS 84 semi-major axis in metres. */
const A = 6378137;
/** WGS 84 flattening. */
const F = 1 / 298.257223563;
/** First eccentricity squared. */
const E2 = F * (2 - F);
/** Third flattening, the small parameter of the meridian arc series. */
const N3 = F / (2 - F);

const DEG = Math.PI / 180;

/** Coefficients of the meridian arc series in the third flattening (Helmert's expansion). */
const ARC_SCALE = (A / (1 + N3)) * (1 + N3 ** 2 / 4 + N3 ** 4 / 64);
const ARC_S2 = (3 / 2) * N3 - (9 / 16) * N3 ** 3;
const ARC_S4 = (15 / 16) * N3 ** 2 - (15 / 32) * N3 ** 4;
const ARC_S6 = (35 / 48) * N3 ** 3;
const ARC_S8 = (315 / 512) * N3 ** 4;

/** Length of the meridian from the equator to latitude `phi` (radians), in metres. */
function meridianArc(phi: number): number {
	return (
		ARC_SCALE *
		(phi -
			ARC_S2 * Math.sin(2 * phi) +
			ARC_S4 * Math.sin(4 * phi) -
			ARC_S6 * Math.sin(6 * phi) +
			ARC_S8 * Math.sin(8 * phi))
	);
}

/** Meridional radius of curvature at latitude `phi` (radians): the derivative of `meridianArc`. */
function meridionalRadius(phi: number): number {
	const s = Math.sin(phi);
	const w = 1 - E2 * s * s;
	return (A * (1 - E2)) / (w * Math.sqrt(w));
}

/** Longitude difference in radians, wrapped to [−π, π). */
function deltaLon(lon: number, lon0: number): number {
	let d = (lon - lon0) % 360;
	if (d >= 180) d -= 360;
	else if (d < -180) d += 360;
	return d * DEG;
}

/** A metric plane around (lon0, lat0); x points east, y north, both in metres. */
export interface LocalPlane {
	readonly lon0: number;
	readonly lat0: number;
	/** Plane coordinates of a WGS 84 point: `toXY(lon0, lat0)` -> `[0, 0]`. */
	toXY(lon: number, lat: number): [number, number];
	/** The WGS 84 point at plane coordinates: `toLonLat(0, 0)` -> `[lon0, lat0]`. */
	toLonLat(x: number, y: number): [number, number];
}

/**
 * A local metric plane centred on (lon0, lat0), accurate to better than 0.01 % in distance for
 * points within 20 km of the centre (see the module comment).
 *
 * `createLocalPlane(9.18, 48.78).toXY(9.18, 48.79)` -> `[0, 1112.06]`
 */
export function createLocalPlane(lon0: number, lat0: number): LocalPlane {
	if (!Number.isFinite(lon0) || !Number.isFinite(lat0) || Math.abs(lat0) >= 90)
		throw new RangeError(`createLocalPlane: (${lon0}, ${lat0}) is not a valid reference point`);
	const phi0 = lat0 * DEG;
	const m0 = meridianArc(phi0);
	const m0Radius = meridionalRadius(phi0);

	return {
		lon0,
		lat0,
		toXY(lon, lat) {
			const phi = lat * DEG;
			const dl = deltaLon(lon, lon0);
			const s = Math.sin(phi);
			const c = Math.cos(phi);
			const n = A / Math.sqrt(1 - E2 * s * s);
			return [n * c * dl, meridianArc(phi) - m0 + 0.5 * n * s * c * dl * dl];
		},
		toLonLat(x, y) {
			// Solve y = m(φ) − m0 + ½ N sin φ cos φ Δλ² with Δλ = x / (N cos φ) by Newton steps on
			// the meridian arc; the Δλ² term shifts y by metres only, so two or three steps suffice.
			let phi = phi0 + y / m0Radius;
			let dl = 0;
			for (let i = 0; i < 10; i++) {
				const s = Math.sin(phi);
				const c = Math.cos(phi);
				const n = A / Math.sqrt(1 - E2 * s * s);
				dl = x / (n * c);
				const residual = meridianArc(phi) - m0 + 0.5 * n * s * c * dl * dl - y;
				phi -= residual / meridionalRadius(phi);
				if (Math.abs(residual) < 1e-9) break;
			}
			const s = Math.sin(phi);
			dl = x / ((A / Math.sqrt(1 - E2 * s * s)) * Math.cos(phi));
			return [lon0 + dl / DEG, phi / DEG];
		}
	};
}
