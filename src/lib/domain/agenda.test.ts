import { describe, expect, it } from 'vitest';
import {
	addStep,
	cleanTitle,
	MAX_STEPS,
	MAX_TITLE_LENGTH,
	moveStep,
	removeStep,
	renameStep,
	stepAfterChange,
	type AgendaStep
} from './agenda';

const A: AgendaStep = { id: 'a', title: 'Kinderarmut', query: 'indikator=sgb2_u15' };
const B: AgendaStep = { id: 'b', title: 'Kitas', query: 'indikator=betreuung_u3&jahr=2023' };
const C: AgendaStep = { id: 'c', title: 'Lücken', query: 'modus=luecken' };
const ids = (list: readonly AgendaStep[]) => list.map((s) => s.id);

describe('cleanTitle', () => {
	it.each([
		['  Kitas\n2024 ', 'Kitas 2024'],
		['', 'Schritt 1'],
		['   ', 'Schritt 1'],
		['x'.repeat(MAX_TITLE_LENGTH + 5), 'x'.repeat(MAX_TITLE_LENGTH)]
	])('%j -> %j', (raw, clean) => expect(cleanTitle(raw, 'Schritt 1')).toBe(clean));
});

describe('agenda edits', () => {
	it('adds at the end, at an index, clamps the index and names untitled steps', () => {
		expect(ids(addStep([A], B))).toEqual(['a', 'b']);
		expect(ids(addStep([A, B], C, 1))).toEqual(['a', 'c', 'b']);
		expect(ids(addStep([A], C, -4))).toEqual(['c', 'a']);
		expect(ids(addStep([A], C, 99))).toEqual(['a', 'c']);
		expect(addStep([A, B], { ...C, title: ' ' })[2]!.title).toBe('Schritt 3');
	});

	it('refuses a taken id and a full agenda', () => {
		expect(addStep([A], { ...B, id: 'a' })).toEqual([A]);
		const full = Array.from({ length: MAX_STEPS }, (_, i) => ({ ...A, id: `s${i}` }));
		expect(addStep(full, B)).toHaveLength(MAX_STEPS);
	});

	it('renames, keeping the old title for an empty one', () => {
		expect(renameStep([A, B], 'b', ' Plätze ')[1]!.title).toBe('Plätze');
		expect(renameStep([A, B], 'b', '')[1]!.title).toBe('Kitas');
		expect(renameStep([A], 'zz', 'x')).toEqual([A]);
	});

	it.each([
		['c', -1, ['a', 'c', 'b']],
		['a', -1, ['a', 'b', 'c']],
		['a', 1, ['b', 'a', 'c']],
		['c', 1, ['a', 'b', 'c']],
		['a', 5, ['b', 'c', 'a']],
		['zz', 1, ['a', 'b', 'c']]
	])('moveStep(%s, %i)', (id, delta, expected) => {
		expect(ids(moveStep([A, B, C], id, delta))).toEqual(expected);
	});

	it('removes a step', () => {
		expect(ids(removeStep([A, B, C], 'b'))).toEqual(['a', 'c']);
		expect(ids(removeStep([A], 'zz'))).toEqual(['a']);
	});

	it('does not mutate its input', () => {
		const agenda = Object.freeze([A, B, C].map((s) => Object.freeze({ ...s })));
		addStep(agenda, { id: 'd', title: 'd', query: '' }, 1);
		renameStep(agenda, 'a', 'neu');
		moveStep(agenda, 'a', 2);
		removeStep(agenda, 'b');
		expect(agenda).toEqual([A, B, C]);
	});
});

describe('stepAfterChange', () => {
	it.each([
		['the moved step keeps being shown', [A, B, C], [B, A, C], 1, 2],
		['removing the current step shows the one at its place', [A, B, C], [A, C], 2, 2],
		['removing the last step shows the new last', [A, B, C], [A, B], 3, 2],
		['an added step before keeps the current', [B, C], [A, B, C], 1, 2],
		['an empty agenda has no step', [A], [], 1, 0],
		['a first step is shown', [], [A], 0, 1]
	])('%s', (_, before, after, current, expected) => {
		expect(stepAfterChange(before, after, current)).toBe(expected);
	});
});
