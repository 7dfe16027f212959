import { describe, expect, it } from 'vitest';
import { HEIGHT_MESSAGE, reportHeight, type HeightHost } from './reportHeight';

function setup(heights: number[]) {
	const posted: unknown[] = [];
	const listeners = new Set<() => void>();
	let resize: () => void = () => undefined;
	let stopped = false;
	const host: HeightHost = {
		parent: { postMessage: (message, origin) => posted.push({ message, origin }) },
		addEventListener: (_, l) => listeners.add(l),
		removeEventListener: (_, l) => listeners.delete(l)
	};
	const el = { getBoundingClientRect: () => ({ height: heights.shift() ?? 0 }) } as unknown as HTMLElement;
	const observe = (_: HTMLElement, onresize: () => void) => {
		resize = onresize;
		return () => (stopped = true);
	};
	return { posted, listeners, host, el, observe, resize: () => resize(), stopped: () => stopped };
}

describe('reportHeight', () => {
	it('posts the rounded-up height now and on every change, not on repeats', () => {
		const s = setup([300.2, 301, 301, 250]);
		reportHeight(s.el, s.host, true, s.observe);
		s.resize();
		s.resize();
		[...s.listeners][0]!();
		expect(s.posted).toEqual([
			{ message: { type: HEIGHT_MESSAGE, height: 301 }, origin: '*' },
			{ message: { type: HEIGHT_MESSAGE, height: 250 }, origin: '*' }
		]);
	});

	it('does nothing when not framed', () => {
		const s = setup([300]);
		reportHeight(s.el, s.host, false, s.observe)();
		expect(s.posted).toEqual([]);
		expect(s.listeners.size).toBe(0);
	});

	it('stops observing on cleanup', () => {
		const s = setup([300]);
		const stop = reportHeight(s.el, s.host, true, s.observe);
		stop();
		expect(s.stopped()).toBe(true);
		expect(s.listeners.size).toBe(0);
	});
});
