import { describe, expect, it } from 'vitest';
import { CATALOG, COUNT, RATIO, VALUES } from './fixtures.test-helpers';
import { publicCatalog, publicValues } from './publicData';
import type { Catalog, IndicatorMeta, ValuesWire } from './types';

const RULES = CATALOG.city.disclosure;
const INTERNAL: IndicatorMeta = { ...RATIO, id: 'intern', title: 'Interne Quote', public: false };
const WITH_INTERNAL: Catalog = {
	...CATALOG,
	city: { ...CATALOG.city, bildungskette: { phases: { sek1: { need: [{ indicator: 'intern' }] } } } },
	indicators: [RATIO, INTERNAL, COUNT]
};

describe('publicCatalog', () => {
	it('keeps only public indicators and drops what the embed does not need', () => {
		const pub = publicCatalog(WITH_INTERNAL);
		expect(pub.indicators.map((i) => i.id)).toEqual(['quote', 'einwohner']);
		expect(Object.keys(pub).sort()).toEqual(['built', 'city', 'indicators', 'units']);
		expect(pub.city).not.toHaveProperty('bildungskette');
		expect(pub.city).not.toHaveProperty('view');
		expect(pub.city.disclosure).toEqual(RULES);
		expect(pub.units.stadtteil).toHaveLength(4);
	});

	it('leaves no trace of an internal indicator anywhere in the output', () => {
		const text = JSON.stringify(publicCatalog(WITH_INTERNAL));
		expect(text).not.toContain('intern');
		expect(text).not.toContain('Interne Quote');
	});

	it('refuses a catalog without public indicators', () => {
		expect(() => publicCatalog({ ...CATALOG, indicators: [INTERNAL] })).toThrow(/no public indicator/);
	});

	it('does not mutate its input', () => {
		const before = structuredClone(WITH_INTERNAL);
		const pub = publicCatalog(WITH_INTERNAL);
		pub.indicators[0]!.title = 'x';
		pub.city.bildungsregionen[0]!.areas.push('x');
		expect(WITH_INTERNAL).toEqual(before);
	});
});

describe('publicValues', () => {
	it('writes one indicator with the units, suppressed cells as "g"', () => {
		const out = publicValues(VALUES, RATIO, RULES);
		expect(Object.keys(out.indicators)).toEqual(['quote']);
		expect(out.units).toEqual(VALUES.units);
		expect(out.indicators.quote!['2024']!.stadtteil).toEqual({
			n: [10, 30, 'g', null],
			d: [100, 100, null, null]
		});
	});

	it('never writes an internal indicator', () => {
		const values: ValuesWire = {
			...VALUES,
			indicators: { ...VALUES.indicators, intern: VALUES.indicators.quote! }
		};
		expect(() => publicValues(values, INTERNAL, RULES)).toThrow(/internal/);
		expect(JSON.stringify(publicValues(values, RATIO, RULES))).not.toContain('intern');
	});

	it.each([
		['a count below minCount', COUNT, { n: [2, 2000, 500, 1500] }],
		['a ratio over fewer than minDenominator', RATIO, { n: [5, 30, 'g', null], d: [8, 100, null, null] }],
		[
			'a ratio whose complement is below minCount',
			RATIO,
			{ n: [99, 30, 'g', null], d: [100, 100, null, null] }
		]
	] as const)('throws when a published cell is sensitive: %s', (_, meta, stadtteil) => {
		const values: ValuesWire = {
			...VALUES,
			indicators: { [meta.id]: { '2024': { stadtteil: structuredClone(stadtteil) as never } } }
		};
		expect(() => publicValues(values, meta, RULES)).toThrow(/disclosure thresholds/);
	});

	it('throws for an indicator without values', () => {
		expect(() => publicValues({ ...VALUES, indicators: {} }, RATIO, RULES)).toThrow(/no values/);
	});

	it('does not share arrays with its input', () => {
		const before = structuredClone(VALUES);
		const out = publicValues(VALUES, RATIO, RULES);
		out.indicators.quote!['2024']!.stadtteil!.n[0] = 'g';
		out.units.stadtteil.push('x');
		expect(VALUES).toEqual(before);
	});
});
