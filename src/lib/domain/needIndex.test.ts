import { describe, expect, it } from 'vitest';
import { cellFromCounts } from './aggregate';
import { meanSd, needIndex, needInputs, normalCdf, type NeedInput } from './needIndex';
import { mulberry32 } from './random';
import type { Cell, IndicatorMeta } from './types';

const AREAS = ['a', 'b', 'c', 'd'];
const PCT = { kind: 'ratio', scale: 100 } as const;
/** A percent cell with denominator 100, so `value` equals the numerator. */
const pct = (v: number): Cell => cellFromCounts(v, 100, PCT);
const MISSING: Cell = { status: 'missing' };
const SUPPRESSED: Cell = { status: 'suppressed' };
const cells = (values: Record<string, Cell | number>) =>
	new Map(Object.entries(values).map(([k, v]) => [k, typeof v === 'number' ? pct(v) : v]));

/*
 * Hand-computed fixture. A (need, weight 1): 10, 10, 30, 30 -> mean 20, population SD 10,
 * z = −1, −1, +1, +1. B (better, weight 3): 50, 70, 50, 70 -> mean 60, SD 10, z = −1, +1, −1, +1,
 * signed −z = +1, −1, +1, −1. Index = (1 × zA + 3 × (−zB)) / 4:
 * a (−1 + 3) / 4 = 0.5, b (−1 − 3) / 4 = −1, c (1 + 3) / 4 = 1, d (1 − 3) / 4 = −0.5.
 */
const A: NeedInput = {
	indicator: 'A',
	weight: 1,
	direction: 'need',
	cells: cells({ a: 10, b: 10, c: 30, d: 30 })
};
const B: NeedInput = {
	indicator: 'B',
	weight: 3,
	direction: 'better',
	cells: cells({ a: 50, b: 70, c: 50, d: 70 })
};

describe('normalCdf', () => {
	it.each([
		[0, 0.5],
		[1, 0.8413447461],
		[-1, 0.1586552539],
		[1.96, 0.9750021049],
		[-3, 0.001349898],
		[Infinity, 1],
		[-Infinity, 0]
	])('Φ(%d) = %d', (x, p) => {
		// The approximation is good to 7.5e-8, plenty for levels shown with two decimals.
		expect(normalCdf(x)).toBeCloseTo(p, 6);
	});
	it('is symmetric and increasing', () => {
		const rand = mulberry32(3);
		for (let i = 0; i < 200; i++) {
			const x = (rand() - 0.5) * 8;
			expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 7);
			expect(normalCdf(x + 0.01)).toBeGreaterThan(normalCdf(x));
		}
	});
});

describe('meanSd', () => {
	it('uses the population standard deviation', () => {
		expect(meanSd([1, 3])).toEqual({ mean: 2, sd: 1 });
		expect(meanSd([10, 10, 30, 30])).toEqual({ mean: 20, sd: 10 });
	});
	it('throws on an empty list (a bug)', () => {
		expect(() => meanSd([])).toThrow();
	});
});

describe('needIndex', () => {
	it('standardises, signs by direction and weights (hand-computed)', () => {
		const { areas, indicators } = needIndex(AREAS, [A, B]);
		expect(
			indicators.map(({ indicator, n, mean, sd, included }) => ({ indicator, n, mean, sd, included }))
		).toEqual([
			{ indicator: 'A', n: 4, mean: 20, sd: 10, included: true },
			{ indicator: 'B', n: 4, mean: 60, sd: 10, included: true }
		]);
		const expected = { a: 0.5, b: -1, c: 1, d: -0.5 };
		for (const [key, index] of Object.entries(expected)) {
			const area = areas.get(key)!;
			expect(area.index).toBeCloseTo(index, 12);
			expect(area.level).toBeCloseTo(normalCdf(index), 12);
			expect(area).toMatchObject({ used: ['A', 'B'], missing: [], suppressed: [], coverage: 1 });
		}
		expect(areas.get('a')!.z).toEqual({ A: -1, B: 1 });
		expect(areas.get('a')!.level).toBeCloseTo(0.6914624613, 7);
	});

	it('uses the population SD, not the sample SD', () => {
		// With n − 1, the SD of 10, 10, 30, 30 would be 11.547 and |z| 0.866 instead of 1.
		const { areas } = needIndex(AREAS, [A]);
		expect(areas.get('a')!.index).toBe(-1);
	});

	it('with equal weights the direction alone decides', () => {
		const { areas } = needIndex(AREAS, [A, { ...B, weight: 1 }]);
		expect([...areas.values()].map((a) => a.index)).toEqual([0, -1, 1, 0]);
	});

	it('leaves a suppressed value out instead of counting it as 0', () => {
		const { areas, indicators } = needIndex(AREAS, [
			{ ...A, cells: cells({ a: 10, b: 10, c: SUPPRESSED, d: 30 }) },
			B
		]);
		// A over a, b, d: mean 50/3, SD √800 / 3, so z_A(a) = −20 / √800 = −0.7071.
		expect(indicators[0]).toMatchObject({ n: 3, mean: 50 / 3 });
		expect(indicators[0]!.sd).toBeCloseTo(Math.sqrt(800) / 3, 12);
		const c = areas.get('c')!;
		expect(c).toMatchObject({ used: ['B'], missing: [], suppressed: ['A'], coverage: 0.75 });
		expect(c.index).toBeCloseTo(1, 12);
		expect(c.z).toEqual({ B: 1 });
		expect(areas.get('a')!.index).toBeCloseTo((3 - 20 / Math.sqrt(800)) / 4, 12);
	});

	it('treats missing values and areas absent from the cells as missing', () => {
		const { areas } = needIndex(AREAS, [{ ...A, cells: cells({ a: 10, b: MISSING, c: 30, d: 30 }) }, B]);
		expect(areas.get('b')).toMatchObject({ used: ['B'], missing: ['A'], coverage: 0.75 });
		const absent = needIndex(AREAS, [{ ...A, cells: cells({ a: 10, c: 30, d: 30 }) }, B]);
		expect(absent.areas.get('b')).toEqual(areas.get('b'));
	});

	it.each<[string, number, number | undefined, boolean]>([
		['coverage 25 % below the default 50 %', 3, undefined, false],
		['coverage 25 % with a 25 % minimum', 3, 0.25, true],
		['coverage exactly 50 %', 1, undefined, true],
		['coverage 50 % below a 60 % minimum', 1, 0.6, false]
	])('%s', (_name, weightB, minCoverage, hasIndex) => {
		// Area b has only A (weight 1).
		const inputs = [A, { ...B, weight: weightB, cells: cells({ a: 50, b: MISSING, c: 50, d: 70 }) }];
		const b = needIndex(AREAS, inputs, { minCoverage }).areas.get('b')!;
		expect(b.coverage).toBeCloseTo(1 / (1 + weightB), 12);
		if (hasIndex) expect(b.index).toBe(-1);
		else {
			expect(b.index).toBeNull();
			expect(b.level).toBeNull();
			expect(b.reason).toMatch(/Zu wenige Bedarfsindikatoren: Werte für \d+\s%/);
		}
	});

	it('gives no index to an area without any value', () => {
		const { areas } = needIndex([...AREAS, 'e'], [A, B]);
		expect(areas.get('e')).toMatchObject({ index: null, level: null, coverage: 0, missing: ['A', 'B'] });
	});

	it('leaves out an indicator without spread and says so', () => {
		const flat: NeedInput = {
			indicator: 'F',
			weight: 5,
			direction: 'need',
			cells: cells({ a: 7, b: 7, c: 7, d: 7 })
		};
		const { areas, indicators } = needIndex(AREAS, [A, flat]);
		expect(indicators[1]).toMatchObject({ included: false, reason: expect.stringMatching(/Streuung/) });
		expect(areas.get('a')).toMatchObject({ index: -1, used: ['A'], coverage: 1 });
		const only = needIndex(AREAS, [flat]);
		expect(only.areas.get('a')).toMatchObject({
			index: null,
			reason: expect.stringMatching(/Kein Bedarfsindikator/)
		});
	});

	it('weight 0 removes an indicator entirely (property over random values)', () => {
		const rand = mulberry32(11);
		const randomCell = (): Cell => {
			const r = rand();
			return r < 0.15 ? MISSING : r < 0.3 ? SUPPRESSED : pct(Math.round(rand() * 100));
		};
		const base = needIndex(AREAS, [A, B]).areas;
		for (let run = 0; run < 100; run++) {
			const zero: NeedInput = {
				indicator: 'Z',
				weight: 0,
				direction: rand() < 0.5 ? 'need' : 'better',
				cells: new Map(AREAS.map((k) => [k, randomCell()]))
			};
			const inputs = [A, zero, B];
			expect(needIndex(AREAS, inputs).areas).toEqual(base);
		}
	});

	it('is invariant to a linear rescaling of an indicator (property)', () => {
		const rand = mulberry32(5);
		for (let run = 0; run < 50; run++) {
			const values = AREAS.map(() => Math.round(rand() * 100));
			const scale = 0.5 + rand() * 3;
			const shift = Math.round(rand() * 50);
			const x = { ...A, cells: new Map(AREAS.map((k, i) => [k, pct(values[i]!)])) };
			const y = { ...A, cells: new Map(AREAS.map((k, i) => [k, pct(values[i]! * scale + shift)])) };
			const ix = [...needIndex(AREAS, [x, B]).areas.values()].map((a) => a.index);
			const iy = [...needIndex(AREAS, [y, B]).areas.values()].map((a) => a.index);
			ix.forEach((v, i) => expect(iy[i]).toBeCloseTo(v!, 9));
		}
	});

	it.each<[string, NeedInput[], { minCoverage?: number }, RegExp]>([
		['negative weight', [{ ...A, weight: -1 }], {}, /weight/],
		['weight NaN', [{ ...A, weight: NaN }], {}, /weight/],
		['indicator twice', [A, A], {}, /twice/],
		['minCoverage 0', [A], { minCoverage: 0 }, /minCoverage/],
		['context direction', [{ ...A, direction: 'context' as 'need' }], {}, /direction/]
	])('throws on a broken invariant: %s', (_name, inputs, options, message) => {
		expect(() => needIndex(AREAS, inputs, options)).toThrow(message);
	});

	it('does not mutate its input', () => {
		const inputs = [A, B];
		const before = structuredClone(inputs);
		needIndex(AREAS, inputs);
		expect(inputs).toEqual(before);
	});
});

describe('needInputs', () => {
	const meta = (id: string, direction: IndicatorMeta['direction']) =>
		({ id, direction, kind: 'ratio', scale: 100 }) as IndicatorMeta;
	const catalog = [meta('sgb2', 'need'), meta('gym', 'better'), meta('sprache', 'context')];

	it('takes the direction from the catalog and the cells from the callback', () => {
		const inputs = needInputs([{ indicator: 'gym', weight: 2 }], catalog, (m) =>
			m.id === 'gym' ? A.cells : new Map()
		);
		expect(inputs).toEqual([{ indicator: 'gym', weight: 2, direction: 'better', cells: A.cells }]);
	});
	it.each([
		['unknown', 'armut', /unknown/],
		['no direction', 'sprache', /direction/]
	])('throws for an indicator that is %s', (_name, indicator, message) => {
		expect(() => needInputs([{ indicator, weight: 1 }], catalog, () => new Map())).toThrow(message);
	});
});
