/**
 * The code a city's web team pastes into a page to embed the public map: an iframe of
 * `/embed` for one view, and a few lines that let the frame set its own height (the embed
 * reports it with `postMessage`). Everything user-given is escaped for HTML attributes.
 */

/** The message the embed posts to its host page whenever its height changes. */
export const EMBED_HEIGHT_MESSAGE = 'bildungslandkarte:height';

/** What an embed shows; parameters of `/embed`. */
export interface EmbedView {
	city: string | null;
	indicator: string;
	year: number | null;
	level: string;
	/** A focus area of the level, or null. */
	area: string | null;
	/** A focus Bildungsregion, or null. */
	region: string | null;
}

/**
 * The address of the embed for a view, on the site at `siteUrl` (origin and base path).
 * `embedUrl('https://karte.example.org', { city: null, indicator: 'kinder_sgb2', year: 2024, level: 'stadtteil', area: null, region: null })`
 * -> 'https://karte.example.org/embed?indikator=kinder_sgb2&jahr=2024&ebene=stadtteil'
 */
export function embedUrl(siteUrl: string, view: EmbedView): string {
	const p = new URLSearchParams();
	if (view.city) p.set('stadt', view.city);
	p.set('indikator', view.indicator);
	if (view.year !== null) p.set('jahr', String(view.year));
	p.set('ebene', view.level);
	if (view.area) p.set('gebiet', view.area);
	if (view.region) p.set('region', view.region);
	return `${siteUrl.replace(/\/+$/, '')}/embed?${p}`;
}

/** `escapeAttribute('a "b" <c> & d')` -> 'a &quot;b&quot; &lt;c&gt; &amp; d' */
export function escapeAttribute(s: string): string {
	return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The tallest the frame is made: a very long table (a city with many Stadtteile, a large
 * default font) scrolls inside the frame beyond it, rather than leaving the frame at its old height.
 */
export const MAX_FRAME_HEIGHT = 20_000;

/**
 * The HTML to paste: the iframe (lazy, with a title for screen readers, 100 % wide) and, unless
 * `withScript` is false (for hosts whose Content-Security-Policy forbids inline scripts), a
 * script that sets the frame's height from the embed's messages, accepting them only from the
 * embed's origin and only for the frame that sent them.
 * `embedSnippet(url, 'Bildungslandkarte Stuttgart: Kinder in SGB II 2024', true)` -> '<iframe src="…" …></iframe>\n<script>…</script>'
 */
export function embedSnippet(url: string, title: string, withScript: boolean): string {
	const origin = new URL(url).origin;
	const frame =
		`<iframe src="${escapeAttribute(url)}" title="${escapeAttribute(title)}" ` +
		`width="100%" height="560" loading="lazy" style="border:0;max-width:100%"></iframe>`;
	if (!withScript) return frame;
	const script = [
		'<script>',
		"window.addEventListener('message', function (e) {",
		`  if (e.origin !== ${JSON.stringify(origin)} || !e.data || e.data.type !== ${JSON.stringify(EMBED_HEIGHT_MESSAGE)}) return;`,
		'  var h = Number(e.data.height);',
		'  if (!(h > 0 && isFinite(h))) return;',
		"  document.querySelectorAll('iframe').forEach(function (f) {",
		`    if (f.contentWindow === e.source) f.style.height = Math.ceil(Math.min(h, ${MAX_FRAME_HEIGHT})) + 'px';`,
		'  });',
		'});',
		'</script>'
	].join('\n');
	return `${frame}\n${script}`;
}
