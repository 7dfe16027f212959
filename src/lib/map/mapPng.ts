import { PNG_FONTS, pngLayout, type Font, type PngSpec } from './pngLayout';

/**
 * Draws a map picture with its title, legend, source, attribution and notes into one PNG, as
 * laid out by `pngLayout`. The picture keeps the map's pixel ratio, so an export from a
 * high-density screen stays sharp in print.
 */

/** Copies the map's next frame: its pixels and its size on screen in CSS pixels. */
export type MapCapture = () => Promise<{ picture: HTMLCanvasElement; width: number; height: number }>;

const FAMILY = "system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";
const fontOf = (f: Font, scale = 1) => `${PNG_FONTS[f].weight} ${PNG_FONTS[f].size * scale}px ${FAMILY}`;
const INK: Record<Font, string> = {
	title: '#1a1a1a',
	subtitle: '#444444',
	legend: '#1a1a1a',
	note: '#333333',
	demo: '#4a2500'
};

/**
 * `mapPngBlob(spec, mapPicture, 900, 600)` -> a PNG blob of 900 CSS pixels width (times the
 * picture's pixel ratio). `mapPicture` holds the map as drawn, `cssWidth` × `cssHeight` on screen.
 */
export async function mapPngBlob(
	spec: PngSpec,
	mapPicture: HTMLCanvasElement,
	cssWidth: number,
	cssHeight: number
): Promise<Blob> {
	const ratio = mapPicture.width / cssWidth;
	const probe = document.createElement('canvas').getContext('2d')!;
	const layout = pngLayout(spec, cssWidth, cssHeight, (text, font) => {
		probe.font = fontOf(font);
		return probe.measureText(text).width;
	});
	const canvas = document.createElement('canvas');
	canvas.width = Math.round(layout.width * ratio);
	canvas.height = Math.round(layout.height * ratio);
	const ctx = canvas.getContext('2d')!;
	ctx.scale(ratio, ratio);
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, layout.width, layout.height);

	const m = layout.map;
	ctx.drawImage(mapPicture, 0, 0, mapPicture.width, mapPicture.height, m.x, m.y, m.width, m.height);
	ctx.strokeStyle = '#d6d6d6';
	ctx.lineWidth = 1;
	ctx.beginPath();
	ctx.moveTo(0, m.y + 0.5);
	ctx.lineTo(layout.width, m.y + 0.5);
	ctx.moveTo(0, m.y + m.height - 0.5);
	ctx.lineTo(layout.width, m.y + m.height - 0.5);
	ctx.stroke();

	if (layout.demoBand) {
		const b = layout.demoBand;
		ctx.fillStyle = '#ffd9a8';
		ctx.fillRect(b.x, b.y, b.width, b.height);
	}
	for (const s of layout.swatches) {
		if (s.dot) {
			ctx.beginPath();
			ctx.arc(s.x + s.width / 2, s.y + s.height / 2, s.height / 2 - 1, 0, 2 * Math.PI);
			ctx.fillStyle = s.color;
			ctx.fill();
			ctx.strokeStyle = '#1a1a1a';
			ctx.lineWidth = 1;
			ctx.stroke();
			continue;
		}
		ctx.fillStyle = s.color;
		ctx.fillRect(s.x, s.y, s.width, s.height);
		if (s.hatch) {
			// The same diagonal hatch as on the map: "withheld" reads in greyscale print too.
			ctx.save();
			ctx.beginPath();
			ctx.rect(s.x, s.y, s.width, s.height);
			ctx.clip();
			ctx.strokeStyle = '#5a5a5a';
			ctx.lineWidth = 1.5;
			for (let x = s.x - s.height; x < s.x + s.width; x += 5) {
				ctx.moveTo(x, s.y + s.height);
				ctx.lineTo(x + s.height, s.y);
			}
			ctx.stroke();
			ctx.restore();
		}
		ctx.strokeStyle = 'rgba(0, 0, 0, 0.3)';
		ctx.strokeRect(s.x + 0.5, s.y + 0.5, s.width - 1, s.height - 1);
	}
	ctx.textBaseline = 'alphabetic';
	for (const t of layout.texts) {
		ctx.font = fontOf(t.font);
		ctx.fillStyle = INK[t.font];
		ctx.fillText(t.text, t.x, t.y);
	}
	return new Promise((resolve, reject) =>
		canvas.toBlob(
			(blob) => (blob ? resolve(blob) : reject(new Error('PNG konnte nicht erzeugt werden'))),
			'image/png'
		)
	);
}
