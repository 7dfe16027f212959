/**
 * Saves text or a blob as a file through the browser's download, without a server round trip.
 * `downloadText('vergleich.csv', csv, 'text/csv')` -> the browser saves "vergleich.csv".
 */
export function downloadBlob(filename: string, blob: Blob): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	// The download has started from the object URL; it can go once the click is handled.
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadText(filename: string, text: string, mime: string): void {
	downloadBlob(filename, new Blob([text], { type: `${mime};charset=utf-8` }));
}

/**
 * A file name from German words: lower case, umlauts spelled out, one hyphen between words.
 * `fileSlug('Vergleich Bad Cannstatt – 2024')` -> 'vergleich-bad-cannstatt-2024'
 */
export function fileSlug(text: string): string {
	return text
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80);
}
