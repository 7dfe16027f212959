/**
 * Seeded randomness for the demo generator and the property tests: the same seed gives the same
 * numbers on every machine and run.
 */

/** mulberry32: a small 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** FNV-1a hash of a string, to derive independent streams from labels. */
export function hashString(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/**
 * A random stream per label, so that adding a draw in one place does not shift the
 * numbers everywhere else: `stream(7, 'kita:214')()` is always the same number.
 */
export function stream(seed: number, label: string): () => number {
	return mulberry32((seed ^ hashString(label)) >>> 0);
}

/** Standard normal draw (Box–Muller) from a uniform source. */
export function normal(rand: () => number): number {
	const u = 1 - rand();
	const v = rand();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Largest-remainder apportionment of an integer total by weights; ties go to the lower
 * index. `apportion(10, [1, 1, 1])` -> `[4, 3, 3]`.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
	const sum = weights.reduce((a, b) => a + b, 0);
	if (!(sum > 0)) throw new Error('apportion: weights must have a positive sum');
	const exact = weights.map((w) => (w / sum) * total);
	const out = exact.map(Math.floor);
	let rest = total - out.reduce((a, b) => a + b, 0);
	const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
	for (const { i } of order) {
		if (rest <= 0) break;
		out[i]!++;
		rest--;
	}
	return out;
}
