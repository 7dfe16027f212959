import type { Choropleth } from '$lib/domain/choropleth';
import { changeCaption, changeReading, type ChangeChoropleth } from '$lib/domain/changeChoropleth';
import { differenceUnit } from '$lib/domain/change';
import type { GapLegendItem } from '$lib/domain/gapChoropleth';
import { formatNumber, formatStand, NO_DATA_TEXT, SUPPRESSED_TEXT } from '$lib/domain/format';
import { SCHEMATIC_NOTE } from '$lib/domain/geoExport';
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
	/** Point symbols on the map (Lernorte by category), when they are shown. */
	points?: ReadonlyArray<{ label: string; color: string }>;
}

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
	if (ctx.city.geometry === 'schematic') lines.push(SCHEMATIC_NOTE);
	lines.push(
		`Stand der Daten: ${formatStand(ctx.built)} · erstellt am ${formatStand(ctx.today)} mit der Bildungslandkarte ${ctx.city.name}`,
		`Ansicht: ${ctx.url}`
	);
	return lines;
}

function pointLegend(ctx: PictureContext): PngSpec['legend'] {
	return (ctx.points ?? []).map((p) => ({ color: p.color, label: p.label, dot: true }));
}

/** Classes from highest to lowest, then "geheim gehalten" and "keine Daten" when they occur. */
function classLegend(c: Pick<Choropleth, 'legend' | 'missing' | 'suppressed'>): PngSpec['legend'] {
	const legend: PngSpec['legend'] = [...c.legend]
		.reverse()
		.map((x) => ({ color: x.color, label: x.label, count: plural(x.count) }));
	if (c.suppressed > 0)
		legend.push({
			color: SUPPRESSED_COLOR,
			label: SUPPRESSED_TEXT,
			count: plural(c.suppressed),
			hatch: true
		});
	if (c.missing > 0) legend.push({ color: NO_DATA_COLOR, label: NO_DATA_TEXT, count: plural(c.missing) });
	return legend;
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
	const legend = [...classLegend(choropleth), ...pointLegend(ctx)];
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

/**
 * The picture of a change map: the two years, the unit of the difference, the classes from the
 * strongest increase down, what a rise means for the indicator, and the sources.
 * `changePicture(meta, 2021, 2024, 'Stadtteile', change, ctx).subtitle`
 * -> 'Veränderung 2021 → 2024, in Prozentpunkten · Stadtteile · Bildungslandkarte Stuttgart'
 */
export function changePicture(
	meta: IndicatorMeta,
	fromYear: number,
	toYear: number,
	levelPlural: string,
	change: ChangeChoropleth,
	ctx: PictureContext
): PngSpec {
	const reading = changeReading(meta.direction);
	const largest = change.breaks.at(-1) ?? 0;
	const spec: PngSpec = {
		title: meta.title,
		subtitle: `${changeCaption(meta, fromYear, toYear)} · ${levelPlural} · Bildungslandkarte ${ctx.city.name}`,
		legendTitle: `Veränderung (${differenceUnit(meta)}), oben die stärkste Zunahme`,
		legend: [...classLegend(change), ...pointLegend(ctx)],
		notes: [
			`${reading.increase}; ${reading.decrease}.` +
				(change.breaks.length > 0
					? ` ${change.legend.length} Klassen gleicher Breite um null (größte Veränderung ±${formatNumber(largest, meta.decimals)}).`
					: ''),
			`Quelle: ${meta.source}, ${fromYear} und ${toYear}.`,
			...pictureFooter(ctx)
		]
	};
	if (meta.demo) spec.demo = ctx.city.demo.note || 'Demodaten – nicht amtlich';
	return spec;
}

/**
 * The picture of the Förderlücken map of one phase: the classes with their counts and meaning,
 * the thresholds, and the footer.
 * `gapPicture('Frühe Bildung', '0–3 Jahre', 2024, 'Stadtteile', legend, 'Bedarf über 0,5 …', true, ctx).title`
 * -> 'Förderlücken · Frühe Bildung'
 */
export function gapPicture(
	phaseLabel: string,
	ages: string | undefined,
	year: number,
	levelPlural: string,
	legend: readonly GapLegendItem[],
	thresholdText: string,
	demo: boolean,
	ctx: PictureContext
): PngSpec {
	const spec: PngSpec = {
		title: `Förderlücken · ${phaseLabel}`,
		subtitle: `${ages ? `${ages} · ` : ''}${year} · ${levelPlural} · Bildungslandkarte ${ctx.city.name}`,
		legendTitle: 'Einordnung',
		legend: [
			...legend.map((l) => ({ color: l.color, label: l.label, count: plural(l.count) })),
			...pointLegend(ctx)
		],
		notes: [
			thresholdText,
			'Bedarf aus Sozial- und Bildungsindikatoren gegen die Unterstützung durch Lernorte, Plätze und Angebote; die Methode steht auf der Seite „Methode“.',
			...pictureFooter(ctx)
		]
	};
	if (demo) spec.demo = ctx.city.demo.note || 'Demodaten – nicht amtlich';
	return spec;
}
