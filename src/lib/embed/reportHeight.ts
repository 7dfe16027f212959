/** Type of the message the embed posts to its host page: `{ type, height }` in CSS pixels. */
export const HEIGHT_MESSAGE = 'bildungslandkarte:height';

/** Minimal part of `window` used here, so that a test can pass a fake. */
export interface HeightHost {
	parent: { postMessage(message: unknown, targetOrigin: string): void };
	addEventListener(type: 'resize', listener: () => void): void;
	removeEventListener(type: 'resize', listener: () => void): void;
}

/**
 * Tells the host page how tall the embed is, so that it can size its iframe: once now, and
 * whenever `el` or the window changes size, only when the height changed. Does nothing when the
 * page is not framed. The height is not secret, so any host may read it (target origin "*").
 *
 * `reportHeight(main, window, window.parent !== window)` -> cleanup function; posts
 * `{ type: 'bildungslandkarte:height', height: 734 }`.
 */
export function reportHeight(
	el: HTMLElement,
	host: HeightHost,
	framed: boolean,
	observe: (el: HTMLElement, onresize: () => void) => () => void = observeSize
): () => void {
	if (!framed) return () => undefined;
	let last = -1;
	const send = () => {
		const height = Math.ceil(el.getBoundingClientRect().height);
		if (height === last) return;
		last = height;
		host.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
	};
	const stop = observe(el, send);
	host.addEventListener('resize', send);
	send();
	return () => {
		stop();
		host.removeEventListener('resize', send);
	};
}

function observeSize(el: HTMLElement, onresize: () => void): () => void {
	const observer = new ResizeObserver(onresize);
	observer.observe(el);
	return () => observer.disconnect();
}
