import type { Choropleth } from '$lib/domain/choropleth';
import { NO_DATA_TEXT, SUPPRESSED_TEXT } from '$lib/domain/format';
import { NO_DATA_COLOR, SUPPRESSED_COLOR } from '$lib/domain/palette';
import type { CityConfig, IndicatorMeta } from '$lib/domain/types';
import type { PngSpec } from './pngLayout';

/** What every exported picture names besides its legend. */
export interface PictureContext {
	city: Pick<CityConfig, 'name' | 'attribution' | 'demo' | 'geometry'>;
	/** Build date of the data ("Stand"), ISO. */
	built: string;
	/** Date of the export, ISO; the caller passes it, so tests are deterministic. */
	today: string;
	/** Address of the view, so the picture can be traced back to it. */
	url: string;
}

const germanDate = (iso: string) => {
	const [y, m, d] = iso.slice(0, 10).split('-');
	return `${d}.${m}.${y}`;
};

const plural = (n: number) => (n === 1 ? '1 Gebiet' : `${n} Gebiete`);

/** Words for the colours of an indicator map: "Dunkler = höherer Bedarf." */
export function directionNote(direction: IndicatorMeta['direction']): string {
	return direction === 'need'
		? 'Dunkler = höherer Bedarf.'
		: direction === 'better'
			? 'Dunkler = bessere Versorgung.'
			: 'Kontextmerkmal, ohne Wertung.';
}

/** The closing lines of every picture: geometry, demo, dates and link. */
export function pictureFooter(ctx: PictureContext): string[] {
	const lines = [`Geometrie: ${ctx.city.attribution}`];
	if (ctx.city.geometry === 'schematic')
		lines.push(
			'Schematische Gebietsgrenzen: aus den Mittelpunkten der Stadtteile abgeleitet, nicht amtlich.'
		);
	lines.push(
		`Stand der Daten: ${germanDate(ctx.built)} · erstellt am ${germanDate(ctx.today)} mit der Bildungslandkarte ${ctx.city.name}`,
		`Ansicht: ${ctx.url}`
	);
	return lines;
}

/**
 * The picture of an indicator map: its title, year, unit and level, the classes with their
 * counts, "geheim gehalten" and "keine Daten" when they occur, and source, method and footer.
 * `indicatorPicture(meta, 2024, 'Stadtteile', choropleth, 'Quantile, 5 Klassen', ctx).title`
 * -> 'Betreuungsquote unter 3 Jahren'
 */
export function indicatorPicture(
	meta: IndicatorMeta,
	year: number,
	levelPlural: string,
	choropleth: Choropleth,
	methodLabel: string,
	ctx: PictureContext
): PngSpec {
	const legend: PngSpec['legend'] = [...choropleth.legend]
		.reverse()
		.map((c) => ({ color: c.color, label: c.label, count: plural(c.count) }));
	if (choropleth.suppressed > 0)
		legend.push({
			color: SUPPRESSED_COLOR,
			label: SUPPRESSED_TEXT,
			count: plural(choropleth.suppressed),
			hatch: true
		});
	if (choropleth.missing > 0)
		legend.push({ color: NO_DATA_COLOR, label: NO_DATA_TEXT, count: plural(choropleth.missing) });
	const spec: PngSpec = {
		title: meta.title,
		subtitle: `${year} · ${meta.unit} · ${levelPlural} · Bildungslandkarte ${ctx.city.name}`,
		legendTitle: `Legende (${meta.unit})`,
		legend,
		notes: [
			`${directionNote(meta.direction)} Einteilung: ${methodLabel}.`,
			`Quelle: ${meta.source}, ${year}.`,
			...pictureFooter(ctx)
		]
	};
	if (meta.demo) spec.demo = ctx.city.demo.note || 'Demodaten – nicht amtlich';
	return spec;
}
