import { describe, expect, it } from 'vitest';
import { stepDelta, type StepKey } from './werkstattKeys';

const plain: StepKey = {
	key: '',
	altKey: false,
	ctrlKey: false,
	metaKey: false,
	shiftKey: false,
	inField: false,
	onMap: false
};

describe('stepDelta', () => {
	it.each([
		[{ key: 'ArrowRight' }, 1],
		[{ key: 'ArrowLeft' }, -1],
		[{ key: 'PageDown' }, 1],
		[{ key: 'PageUp' }, -1],
		[{ key: 'PageDown', onMap: true }, 1],
		[{ key: 'ArrowRight', onMap: true }, 0],
		[{ key: 'ArrowRight', inField: true }, 0],
		[{ key: 'PageDown', inField: true }, 0],
		[{ key: 'ArrowLeft', altKey: true }, 0],
		[{ key: 'ArrowRight', ctrlKey: true }, 0],
		[{ key: 'ArrowRight', metaKey: true }, 0],
		[{ key: 'ArrowRight', shiftKey: true }, 0],
		[{ key: 'Enter' }, 0],
		[{ key: ' ' }, 0]
	])('%j -> %i', (patch, delta) => expect(stepDelta({ ...plain, ...patch })).toBe(delta));
});
