import { describe, expect, it } from 'vitest';
import { CATALOG, COUNT, RATIO } from '../domain/fixtures.test-helpers';
import { publicCatalog } from '../domain/publicData';
import type { IndicatorMeta } from '../domain/types';
import { parseEmbedUrl } from './embedUrl';

const INTERNAL: IndicatorMeta = { ...RATIO, id: 'intern', public: false };
const CAT = publicCatalog({ ...CATALOG, indicators: [COUNT, RATIO, INTERNAL] });
// A catalog as a stale or hand-edited file could hold it: an internal indicator in the list.
const LEAKY = { ...CAT, indicators: [...CAT.indicators, INTERNAL] };

const parse = (query: string, catalog = CAT) => parseEmbedUrl(new URLSearchParams(query), catalog);
const DEFAULT = { indicator: 'quote', year: 2024, level: 'stadtteil', focus: null };

describe('parseEmbedUrl', () => {
	it('defaults to the first public ratio in its newest year on the Stadtteile', () => {
		expect(parse('')).toEqual({ state: DEFAULT, ignored: [] });
	});

	it.each([
		['indikator=einwohner&jahr=2023', { indicator: 'einwohner', year: 2023 }],
		['indikator=quote&jahr=2023&ebene=stadtbezirk', { year: 2023, level: 'stadtbezirk' }],
		['gebiet=102', { focus: { kind: 'stadtteil', key: '102' } }],
		['gebiet=2', { focus: { kind: 'stadtbezirk', key: '2' } }],
		['ebene=stadtbezirk&gebiet=2', { level: 'stadtbezirk', focus: { kind: 'stadtbezirk', key: '2' } }],
		['ebene=stadtbezirk&gebiet=201', { level: 'stadtbezirk', focus: { kind: 'stadtteil', key: '201' } }],
		['region=hallschlag', { focus: { kind: 'bildungsregion', key: 'hallschlag' } }],
		['stadt=anders&farbe=rot', {}]
	])('reads %s', (query, expected) => {
		expect(parse(query)).toEqual({ state: { ...DEFAULT, ...expected }, ignored: [] });
	});

	it.each([
		['indikator=<script>alert(1)</script>', ['indikator']],
		['indikator=intern', ['indikator']],
		['indikator=constructor', ['indikator']],
		['jahr=abc', ['jahr']],
		['jahr=1999', ['jahr']],
		['jahr=2024.0', ['jahr']],
		['jahr=%202024', ['jahr']],
		['ebene=bildungsregion', ['ebene']],
		['ebene=__proto__', ['ebene']],
		['gebiet=999', ['gebiet']],
		['gebiet=../../etc', ['gebiet']],
		['region=nirgends', ['region']],
		['gebiet=101&region=nord', ['region']],
		[`indikator=${'q'.repeat(500)}`, ['indikator']],
		['indikator=x&jahr=y&ebene=z&gebiet=w&region=v', ['indikator', 'jahr', 'ebene', 'gebiet', 'region']]
	])('falls back silently for %s', (query, ignored) => {
		const { state, ignored: got } = parse(query);
		expect(got).toEqual(ignored);
		expect(state.indicator).toBe('quote');
		expect([2023, 2024]).toContain(state.year);
	});

	it('keeps the focus of a valid gebiet when only the region is bad', () => {
		expect(parse('gebiet=101&region=nord').state.focus).toEqual({ kind: 'stadtteil', key: '101' });
	});

	it('never shows an internal indicator, even from a catalog that lists one', () => {
		expect(parse('indikator=intern', LEAKY).state.indicator).toBe('quote');
	});

	it('checks the year against the indicator that is shown', () => {
		const { state } = parse('indikator=nope&jahr=2023');
		expect(state).toMatchObject({ indicator: 'quote', year: 2023 });
	});

	it('uses the first of a repeated parameter', () => {
		expect(parse('jahr=2023&jahr=2024').state.year).toBe(2023);
	});

	it('throws for a catalog without indicators (a bug in the data build)', () => {
		expect(() => parse('', { ...CAT, indicators: [] })).toThrow(RangeError);
	});

	it('does not mutate the catalog', () => {
		const before = structuredClone(CAT);
		parse('indikator=einwohner&gebiet=2&region=nord');
		expect(CAT).toEqual(before);
	});
});
