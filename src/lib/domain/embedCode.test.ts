import { describe, expect, test } from 'vitest';
import { embedSnippet, embedUrl, escapeAttribute, EMBED_HEIGHT_MESSAGE, MAX_FRAME_HEIGHT } from './embedCode';

const view = {
	city: null,
	indicator: 'kinder_sgb2',
	year: 2024,
	level: 'stadtteil',
	area: null,
	region: null
};

describe('embedUrl', () => {
	test('the view as parameters of /embed, the city only when it is not the default', () => {
		expect(embedUrl('https://karte.example.org/', view)).toBe(
			'https://karte.example.org/embed?indikator=kinder_sgb2&jahr=2024&ebene=stadtteil'
		);
		expect(
			embedUrl('https://example.org/bildung', {
				...view,
				city: 'musterstadt',
				year: null,
				area: '214',
				region: 'nord'
			})
		).toBe(
			'https://example.org/bildung/embed?stadt=musterstadt&indikator=kinder_sgb2&ebene=stadtteil&gebiet=214&region=nord'
		);
	});
});

describe('embedSnippet', () => {
	const url = embedUrl('https://karte.example.org', view);

	test('an iframe with a title, lazy and full width; the script trusts only the embed origin and its own frame', () => {
		const html = embedSnippet(url, 'Karte: "Kinder" <SGB II> & mehr', true);
		expect(html).toContain(`<iframe src="${url.replace(/&/g, '&amp;')}"`);
		expect(html).toContain('title="Karte: &quot;Kinder&quot; &lt;SGB II&gt; &amp; mehr"');
		expect(html).toContain('loading="lazy"');
		expect(html).toContain(`e.origin !== "https://karte.example.org"`);
		expect(html).toContain(JSON.stringify(EMBED_HEIGHT_MESSAGE));
		expect(html).toContain('f.contentWindow === e.source');
	});

	test('without the script for hosts that forbid inline scripts', () => {
		const html = embedSnippet(url, 'x', false);
		expect(html).not.toContain('<script>');
		expect(html.startsWith('<iframe')).toBe(true);
	});

	test('the script sets the height it is sent, up to a cap; nonsense is ignored', () => {
		const html = embedSnippet(url, 'x', true);
		const body = html.slice(html.indexOf('<script>') + 8, html.indexOf('</script>'));
		const frame = { contentWindow: {}, style: { height: '' } };
		let listener: ((e: unknown) => void) | undefined;
		const run = new Function('window', 'document', body);
		run(
			{ addEventListener: (_: string, f: (e: unknown) => void) => (listener = f) },
			{ querySelectorAll: () => [frame] }
		);
		listener!({
			origin: 'https://evil.example',
			source: frame.contentWindow,
			data: { type: EMBED_HEIGHT_MESSAGE, height: 300 }
		});
		expect(frame.style.height).toBe('');
		listener!({
			origin: 'https://karte.example.org',
			source: frame.contentWindow,
			data: { type: EMBED_HEIGHT_MESSAGE, height: 9e9 }
		});
		expect(frame.style.height).toBe(`${MAX_FRAME_HEIGHT}px`);
		frame.style.height = '413px';
		for (const height of [Infinity, NaN, -5, 0, '<b>'])
			listener!({
				origin: 'https://karte.example.org',
				source: frame.contentWindow,
				data: { type: EMBED_HEIGHT_MESSAGE, height }
			});
		expect(frame.style.height).toBe('413px');
		listener!({
			origin: 'https://karte.example.org',
			source: frame.contentWindow,
			data: { type: EMBED_HEIGHT_MESSAGE, height: 412.2 }
		});
		expect(frame.style.height).toBe('413px');
		listener!({
			origin: 'https://karte.example.org',
			source: {},
			data: { type: EMBED_HEIGHT_MESSAGE, height: 200 }
		});
		expect(frame.style.height).toBe('413px');
	});
});

test('escapeAttribute', () => {
	expect(escapeAttribute('a "b" <c> & d')).toBe('a &quot;b&quot; &lt;c&gt; &amp; d');
});
