import { describe, expect, it } from 'vitest';
import { shareState } from './share';
import type { ViewState } from './url';

const BASE: ViewState = {
	level: 'stadtteil',
	mode: 'indicator',
	phase: 'fruehe',
	needThreshold: null,
	supportThreshold: null,
	needWeights: { sgb2: 2 },
	supportWeights: { places: 0.5 },
	indicator: 'quote',
	year: 2024,
	since: 2021,
	method: 'quantile',
	classes: 5,
	breaks: [],
	fixedBreaks: false,
	selection: null,
	regionen: false,
	lernorte: true,
	types: ['kita', 'grundschule'],
	phases: ['fruehe'],
	view: { lon: 9.18, lat: 48.78, zoom: 11 }
};

const copy = (s: ViewState): ViewState => structuredClone(s);

describe('shareState', () => {
	it('returns the next state when there is no previous one', () => {
		const next = copy(BASE);
		expect(shareState(null, next)).toBe(next);
	});

	it('returns the previous state when nothing changed', () => {
		expect(shareState(BASE, copy(BASE))).toBe(BASE);
	});

	it('keeps unchanged lists and the view by identity', () => {
		const next = { ...copy(BASE), year: 2023 };
		const shared = shareState(BASE, next);
		expect(shared).not.toBe(BASE);
		expect(shared.year).toBe(2023);
		expect(shared.types).toBe(BASE.types);
		expect(shared.phases).toBe(BASE.phases);
		expect(shared.view).toBe(BASE.view);
		expect(shared.needWeights).toBe(BASE.needWeights);
		expect(shared.supportWeights).toBe(BASE.supportWeights);
	});

	it.each<[string, Partial<ViewState>]>([
		['types', { types: ['kita'] }],
		['phases', { phases: [] }],
		['breaks', { breaks: [1, 2] }],
		['view', { view: { lon: 9.2, lat: 48.78, zoom: 11 } }],
		['view to null', { view: null }],
		['needWeights', { needWeights: { sgb2: 3 } }],
		['needWeights with another key', { needWeights: { allein: 2 } }],
		['needWeights emptied', { needWeights: {} }],
		['supportWeights', { supportWeights: { places: 0.5, reach: 0 } }]
	])('takes a changed %s', (field, patch) => {
		const next = { ...copy(BASE), ...patch };
		const shared = shareState(BASE, next);
		const key = field.split(' ')[0] as keyof ViewState;
		expect(shared[key]).toEqual(next[key]);
		expect(shared[key]).not.toBe(BASE[key]);
		expect(shared).not.toBe(BASE);
	});

	it('does not mutate its inputs', () => {
		const prev = copy(BASE);
		const next = { ...copy(BASE), types: ['kita'] };
		const before = [copy(prev), copy(next)];
		shareState(prev, next);
		expect([prev, next]).toEqual(before);
	});
});
