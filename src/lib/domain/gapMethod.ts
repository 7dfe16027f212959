import {
	DEFAULT_SOCIAL_CONTEXT_PHASES,
	type GapSettings,
	type PhaseModel,
	type SupportWeights
} from './bildungskette';
import { formatCount, formatNumber, NBSP } from './format';
import { GAP_CLASS_ORDER, GAP_CLASSES } from './gaps';
import { BILDUNGSPHASEN, phaseLabel } from './phases';
import type { ChildSpread } from '../geo/cityGrid';
import { DEFAULT_CELL_METRES } from '../geo/reachGrid';
import type { IndicatorMeta, LernortTypeDef, SettlementMeta } from './types';

/**
 * The Förderlücken method in plain German for the "Methode" page, generated from the settings in
 * use, so that the text and the computation never disagree.
 */

export interface MethodSection {
	id: string;
	title: string;
	paragraphs: string[];
	/** Formulas as plain text, one per line. */
	formulas: string[];
	/** List entries (per phase, per Lernort type, per class, per source). */
	items: string[];
}

const num = (v: number) => formatNumber(v);
const pct = (share: number) => `${formatNumber(share * 100)}${NBSP}%`;
const metres = (m: number) => `${formatCount(Math.round(m))}${NBSP}m`;

/** The two ways children are spread over an area, as the method page and `npm run gaps` name them. */
export const CHILD_SPREAD_LABELS: Readonly<Record<ChildSpread, string>> = {
	gleichmaessig: 'gleichmäßig über die Fläche',
	siedlungsflaeche: 'über die Siedlungsflächen'
};

/** `settlementSource({ attribution: 'ALKIS', year: 2024, polygons: 9 })` -> "ALKIS, Stand 2024". */
export function settlementSource(settlement: SettlementMeta): string {
	return settlement.year === undefined
		? settlement.attribution
		: `${settlement.attribution}, Stand ${settlement.year}`;
}

/**
 * The sentence beside the Förderlücken map when children are spread over settled land; null
 * for the even spread (the default, explained on the method page).
 * `childSpreadNote({ method: 'siedlungsflaeche', fallbackAreas: ['113'] }, { attribution: 'ALKIS', year: 2024, polygons: 9 })`
 * -> 'Erreichbarkeit: Kinder über die Siedlungsflächen verteilt (ALKIS, Stand 2024); 1 Stadtteil
 *    ohne Siedlungsfläche: dort gleichmäßig über die Fläche.'
 */
export function childSpreadNote(
	spread: { method: ChildSpread; fallbackAreas: readonly string[] } | undefined,
	settlement: SettlementMeta | undefined
): string | null {
	if (spread?.method !== 'siedlungsflaeche') return null;
	const source = settlement ? ` (${settlementSource(settlement)})` : '';
	const n = spread.fallbackAreas.length;
	const fallback =
		n === 0
			? ''
			: `; ${formatCount(n)} ${n === 1 ? 'Stadtteil' : 'Stadtteile'} ohne Siedlungsfläche: dort ${CHILD_SPREAD_LABELS.gleichmaessig}`;
	return `Erreichbarkeit: Kinder ${CHILD_SPREAD_LABELS.siedlungsflaeche} verteilt${source}${fallback}.`;
}

const COMPONENT_LABELS: Readonly<Record<keyof SupportWeights, string>> = {
	reach: 'Erreichbarkeit',
	places: 'Plätze',
	supply: 'Angebotsquoten'
};

function phaseTitle(phase: PhaseModel['id']): string {
	const ages = BILDUNGSPHASEN.find((p) => p.id === phase)?.ages;
	return ages ? `${phaseLabel(phase)} (${ages})` : phaseLabel(phase);
}

/** "A, B und C". */
function list(items: readonly string[]): string {
	if (items.length <= 1) return items[0] ?? '';
	return `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`;
}

/**
 * Sections of the method text for the given settings and the city's settlement layer
 * (`catalog.settlement`; absent: children spread evenly).
 * `methodText(defaultGapSettings(catalog, LERNORT_TYPES), catalog, LERNORT_TYPES, catalog.settlement)[0].title` -> "Worum es geht"
 */
export function methodText(
	settings: GapSettings,
	indicators: readonly IndicatorMeta[],
	types: readonly LernortTypeDef[],
	settlement?: SettlementMeta
): MethodSection[] {
	const meta = new Map(indicators.map((m) => [m.id, m]));
	const title = (id: string) => meta.get(id)?.title ?? id;
	const typeLabel = (id: string) => types.find((t) => t.id === id)?.label ?? id;
	const { weights, thresholds, detourFactor } = settings;

	const needItems = settings.phases.map((p) => {
		const parts = p.need.map((n) => {
			const reversed = meta.get(n.indicator)?.direction === 'better' ? ', umgekehrt gewertet' : '';
			return `${title(n.indicator)} (Gewicht ${num(n.weight)}${reversed})`;
		});
		return `${phaseTitle(p.id)}: ${parts.length > 0 ? parts.join('; ') : 'keine Bedarfsindikatoren'}`;
	});

	const supportItems = settings.phases.map((p) => {
		const parts = [`Lernorte: ${p.lernortTypes.length > 0 ? list(p.lernortTypes.map(typeLabel)) : 'keine'}`];
		if (p.placeTarget !== undefined)
			parts.push(
				`Platzziel ${num(p.placeTarget)} ${p.placeTarget === 1 ? 'Platz' : 'Plätze'} je Kind (Plätze von ${list((p.placeTypes ?? []).map(typeLabel))})`
			);
		if (p.supply.length > 0)
			parts.push(
				`Angebotsquoten: ${p.supply
					.map(
						(s) =>
							`${title(s.indicator)} (Gewicht ${num(s.weight)}, Maßstab: ${
								s.target !== undefined
									? `Zielwert ${num(s.target)}${unitSuffix(meta.get(s.indicator))}`
									: 'Wert der Gesamtstadt'
							})`
					)
					.join('; ')}`
			);
		return `${phaseTitle(p.id)}: ${parts.join('. ')}`;
	});

	const byDistance = new Map<number, string[]>();
	for (const [type, m] of Object.entries(settings.reachMetres)) {
		const labels = byDistance.get(m) ?? [];
		labels.push(typeLabel(type));
		byDistance.set(m, labels);
	}
	const reachItems = [...byDistance.entries()]
		.sort((a, b) => a[0] - b[0])
		.map(([m, labels]) => `${metres(m)} Fußweg (${metres(m / detourFactor)} Luftlinie): ${list(labels)}`);

	const activeComponents = (Object.keys(COMPONENT_LABELS) as Array<keyof SupportWeights>).filter(
		(k) => weights[k] > 0
	);
	const levelFormula = `Unterstützungsniveau = (${activeComponents
		.map((k) => `${num(weights[k])} × ${COMPONENT_LABELS[k]}`)
		.join(' + ')}) ÷ Summe der Gewichte der vorhandenen Bausteine`;

	const supportThresholdText =
		thresholds.support === 'city'
			? 'das Unterstützungsniveau der Gesamtstadt (das mit der Zahl der Kinder gewichtete Mittel der Gebiete)'
			: `ein Unterstützungsniveau von ${num(thresholds.support)}`;
	const needThresholdText =
		thresholds.need === 0
			? 'ein Bedarfsindex von 0, also der Stadtdurchschnitt'
			: `ein Bedarfsindex von ${num(thresholds.need)} (Standardabweichungen über dem Stadtdurchschnitt)`;

	const used = new Set<string>();
	for (const p of settings.phases) {
		used.add(p.population);
		for (const n of p.need) if (n.weight > 0) used.add(n.indicator);
		for (const s of p.supply) if (s.weight > 0) used.add(s.indicator);
	}
	const sourceItems = indicators.filter((m) => used.has(m.id)).map((m) => `${m.title}: ${m.source}`);
	if (settlement) sourceItems.push(`Siedlungsflächen: ${settlementSource(settlement)}`);
	const spread: ChildSpread = settlement ? 'siedlungsflaeche' : 'gleichmaessig';
	const reachFormula =
		spread === 'siedlungsflaeche'
			? 'Erreichbarkeit je Art = Rasterpunkte auf Siedlungsfläche mit einem Lernort dieser Art in Fußwegdistanz ÷ alle Rasterpunkte des Gebiets auf Siedlungsfläche'
			: 'Erreichbarkeit je Art = Rasterpunkte mit einem Lernort dieser Art in Fußwegdistanz ÷ alle Rasterpunkte des Gebiets';
	const demo = indicators.some((m) => used.has(m.id) && m.demo);

	return [
		{
			id: 'ueberblick',
			title: 'Worum es geht',
			paragraphs: [
				'Die Förderlücken-Analyse zeigt für jedes Gebiet und jede Phase der Bildungskette, wo der Bedarf hoch und die Unterstützung dünn ist. Sie verbindet einen Bedarfsindex aus Sozial- und Bildungsindikatoren mit einem Unterstützungsniveau aus der Erreichbarkeit von Lernorten, Plätzen und Angebotsquoten.',
				'Der Bedarfsindex vergleicht die Gebiete der Stadt untereinander. Das Unterstützungsniveau misst jedes Gebiet dagegen nur an festen Maßstäben (Fußwegdistanzen, Platzziele, Werte der Gesamtstadt) und an seinen eigenen Lernorten und deren Umgebung. Ein zusätzlicher Lernort kann deshalb eine Lücke nur verkleinern, nie die Lücke eines anderen Gebiets vergrößern.'
			],
			formulas: [],
			items: []
		},
		{
			id: 'phasen',
			title: 'Phasen und Altersgruppen',
			paragraphs: [
				'Jede Phase wird getrennt betrachtet, mit der Zahl der Kinder ihrer Altersgruppe als Bezugsgröße:'
			],
			formulas: [],
			items: settings.phases.map((p) => `${phaseTitle(p.id)}: ${title(p.population)}`)
		},
		{
			id: 'bedarf',
			title: 'Bedarfsindex',
			paragraphs: [
				'Jeder Bedarfsindikator wird über alle Gebiete mit Wert standardisiert (z-Wert): Wie viele Standardabweichungen liegt das Gebiet über oder unter dem Mittel der Gebiete? Als Standardabweichung dient die der Gesamtheit (geteilt durch n, nicht n − 1), denn die Gebiete sind die ganze Stadt und keine Stichprobe.',
				'Indikatoren, bei denen ein höherer Wert mehr Bedarf bedeutet, gehen mit +z ein. Ergebnisindikatoren, bei denen ein höherer Wert besser ist (etwa der Übergang auf das Gymnasium), gehen mit −z ein: Ein niedriger Wert zählt als Bedarf.',
				`Der Index ist das gewichtete Mittel der z-Werte über die Indikatoren, für die das Gebiet einen Wert hat. Fehlende und geheim gehaltene Werte werden ausgelassen, nie als 0 gezählt, und beim Gebiet genannt. Hat ein Gebiet Werte für weniger als ${pct(settings.minCoverage)} des Gewichts, erhält es keinen Index. Indikatoren mit Gewicht 0 haben keinen Einfluss; Indikatoren, die in allen Gebieten gleich sind, ebenso.`,
				'Das Bedarfsniveau ordnet den Index über die Standardnormalverteilung Φ auf 0 bis 1 ein: 0,5 entspricht dem Stadtdurchschnitt, 0,84 einem Index von +1, 0,16 einem Index von −1.',
				`Voreinstellung der Auswahl: die Quoten mit Lesrichtung „Bedarf“ der Phase; für ${list(
					DEFAULT_SOCIAL_CONTEXT_PHASES.map(phaseLabel)
				)} zusätzlich die Kontextindikatoren zur sozialen Lage (Lesrichtung „Bedarf“); außerdem die Ergebnisindikatoren der Phase mit Lesrichtung „besser“, umgekehrt gewertet; Indikatoren zu Betreuung, Ganztag und Plätzen zählen nicht zum Bedarf, sondern zur Unterstützung. Alle Gewichte 1; interne Indikatoren erscheinen auf öffentlichen Seiten nicht. Die Stadt kann Auswahl und Gewichte ändern. In Gebrauch sind:`
			],
			formulas: [
				'z = (Wert − Mittelwert der Gebiete) ÷ Standardabweichung der Gebiete',
				'Standardabweichung = √( Σ (Wert − Mittelwert)² ÷ Zahl der Gebiete mit Wert )',
				'Bedarfsindex = Σ (Gewicht × Vorzeichen × z) ÷ Σ Gewicht, über die Indikatoren mit Wert; Vorzeichen +1 bei „Bedarf“, −1 bei „besser“',
				`Abdeckung = Σ Gewicht der Indikatoren mit Wert ÷ Σ Gewicht aller Indikatoren; Index nur bei Abdeckung ≥ ${pct(settings.minCoverage)}`,
				'Bedarfsniveau = Φ(Bedarfsindex)'
			],
			items: needItems
		},
		{
			id: 'unterstuetzung',
			title: 'Unterstützung',
			paragraphs: [
				`Erreichbarkeit: der Anteil der Kinder eines Gebiets, die einen Lernort ihrer Phase zu Fuß erreichen. Die Luftlinie wird mit dem Umwegfaktor ${num(detourFactor)} in einen Fußweg umgerechnet (übliche Spanne in der Erreichbarkeitsplanung: 1,2 bis 1,4). Kurze Wege für die Jüngsten und die Grundschule, weitere für weiterführende Schulen, die weitesten für Jugend- und Freizeitorte, die Jugendliche allein aufsuchen. Non-formale und informelle Lernorte zählen für jede Phase, der sie dienen. Die Erreichbarkeit wird je Art der Lernorte (formal, non-formal, informell) berechnet und dann gemittelt: So bleibt eine fehlende Kita sichtbar, auch wenn Spielplätze in der Nähe sind. Die Kinder gelten als ${spread === 'siedlungsflaeche' ? 'über die Siedlungsflächen des Gebiets' : 'gleichmäßig über die Fläche des Gebiets'} verteilt (siehe „Wo die Kinder wohnen“).`,
				'Plätze: Plätze je Kind im Verhältnis zum Platzziel der Phase, höchstens 1. Plätze einer Einrichtung, die mehreren Phasen dient (eine Kita für unter und über Dreijährige), werden nach dem angestrebten Platzbedarf (Platzziel × Kinder) aufgeteilt, bei fehlender Kinderzahl zu gleichen Teilen. Lernorte ohne Kapazitätsangabe zählen nicht mit; der Wert ist dann eine Untergrenze.',
				'Angebotsquoten: der Wert im Verhältnis zu einem Zielwert, höchstens 1. Ohne Zielwert ist der Wert der Gesamtstadt der Maßstab: Ein Gebiet auf Stadtniveau erreicht 1.',
				'Das Unterstützungsniveau ist das gewichtete Mittel der Bausteine, die für das Gebiet vorliegen; fehlt ein Baustein, zählen die übrigen. Lernorte je 1.000 Kinder werden angezeigt, gehen aber nicht ein: Dafür gibt es keinen festen Maßstab, und große wie kleine Einrichtungen zählten gleich.',
				'Je Phase zählen:'
			],
			formulas: [
				`Fußweg ≈ Luftlinie × ${num(detourFactor)}`,
				reachFormula,
				'Erreichbarkeit = Mittel der Erreichbarkeit über die Arten (formal, non-formal, informell), von denen die Phase Lernorte hat',
				'Plätze = min(1, Plätze je Kind ÷ Platzziel)',
				'Angebotsquoten = Σ (Gewicht × min(1, Wert ÷ Zielwert)) ÷ Σ Gewicht',
				levelFormula
			],
			items: supportItems
		},
		{
			id: 'verteilung',
			title: 'Wo die Kinder wohnen',
			paragraphs: [
				`Wo die Kinder eines Gebiets genau wohnen, ist nicht bekannt. Die Analyse setzt sie deshalb nie auf einen einzigen Punkt, sondern verteilt sie nach einem festen Verfahren: Über die Stadt wird ein Raster mit ${num(DEFAULT_CELL_METRES)}${NBSP}m Kantenlänge gelegt, und jeder Mittelpunkt einer Rasterzelle im Gebiet steht für einen Teil der Kinder. Ein kleines Gebiet, in das kein Mittelpunkt fällt, erhält einen Punkt in seinem Inneren. Es gibt zwei Verfahren:`,
				spread === 'siedlungsflaeche'
					? `In Gebrauch ist das Verfahren „${CHILD_SPREAD_LABELS.siedlungsflaeche}“. Quelle der Siedlungsflächen: ${settlementSource(settlement!)}.`
					: `In Gebrauch ist das Verfahren „${CHILD_SPREAD_LABELS.gleichmaessig}“: Für diese Stadt liegen keine Siedlungsflächen vor.`
			],
			formulas: [],
			items: [
				'Gleichmäßig über die Fläche: Jeder Rasterpunkt des Gebiets zählt gleich viel. Die Erreichbarkeit ist dann der Anteil der Fläche des Gebiets, von dem aus ein Lernort zu Fuß erreichbar ist; Wald, Felder, Parks und Gewerbegebiete zählen mit.',
				'Über die Siedlungsflächen: Liegt eine Karte der Siedlungsflächen vor (zum Beispiel Wohnbau- und Mischflächen aus dem Liegenschaftskataster), zählen nur die Rasterpunkte, die auf Siedlungsfläche liegen; Punkte in Wald, Feld oder Park zählen nicht. Hat ein Gebiet keinen Rasterpunkt auf Siedlungsfläche, werden seine Kinder dort gleichmäßig verteilt, damit sie nicht verloren gehen; die Auswertung nennt solche Gebiete.'
			]
		},
		{
			id: 'fusswege',
			title: 'Fußwegdistanzen',
			paragraphs: [
				`Ein Kind gilt als erreicht, wenn ein Lernort seiner Phase innerhalb der Fußwegdistanz des Lernort-Typs liegt. Umgerechnet mit dem Umwegfaktor ${num(detourFactor)} entspricht das dieser Luftlinie:`
			],
			formulas: [`Luftlinie = Fußwegdistanz ÷ ${num(detourFactor)}`],
			items: reachItems
		},
		{
			id: 'luecke',
			title: 'Förderlücken-Wert und Einordnung',
			paragraphs: [
				'Der Förderlücken-Wert liegt zwischen 0 und 1. Er ist hoch, wenn der Bedarf hoch und die Unterstützung gering ist, und 0, wenn die Unterstützung voll ist.',
				`Für die Einordnung gilt als hoher Bedarf ein Index über der Bedarfsschwelle: ${needThresholdText}. Als dünne Unterstützung gilt ein Niveau unter der Unterstützungsschwelle: ${supportThresholdText}. Ein Wert genau auf einer Schwelle zählt beim Bedarf als „nicht darüber“ und bei der Unterstützung als „nicht darunter“.`,
				...(thresholds.support === 'city'
					? [
							'Weil die Unterstützungsschwelle vom Niveau der ganzen Stadt abhängt, kann ein neuer Lernort die Einordnung anderer Gebiete verschieben, ihren Förderlücken-Wert aber nicht.'
						]
					: [])
			],
			formulas: ['Förderlücken-Wert = Bedarfsniveau × (1 − Unterstützungsniveau)'],
			items: GAP_CLASS_ORDER.map((c) => `${GAP_CLASSES[c].label}: ${GAP_CLASSES[c].description}`)
		},
		{
			id: 'was-waere-wenn',
			title: 'Was wäre, wenn …',
			paragraphs: [
				'In einer Bildungswerkstatt lassen sich auf der Karte die beiden Schwellen und die Gewichte ändern: das Gewicht jedes Bedarfsindikators (es gilt in jeder Phase mit diesem Indikator) und die Gewichte von Erreichbarkeit, Plätzen und Angebotsquoten. Ein Gewicht 0 nimmt einem Indikator jeden Einfluss.',
				'Die Änderungen stehen im Link und gelten nur für diese Ansicht; die Legende nennt geänderte Gewichte. Werte, die eine Phase ohne jedes Bedarfsgewicht oder die Unterstützung ohne jedes Gewicht ließen, werden nicht übernommen. Diese Seite beschreibt die Voreinstellungen der Stadt.'
			],
			formulas: [],
			items: [
				'bedarf: Bedarfsschwelle von −3 bis 3, z. B. bedarf=0.5',
				'versorgung: Unterstützungsschwelle in Prozent oder stadt, z. B. versorgung=80',
				'gewichte: Bedarfsgewichte als Indikator:Gewicht, durch Kommas getrennt, z. B. gewichte=kinder_sgb2:2,alleinerziehende:0',
				'unterstuetzung: Gewichte der Unterstützung, z. B. unterstuetzung=erreichbarkeit:2,plaetze:1,angebote:0'
			]
		},
		{
			id: 'stadtbezirke',
			title: 'Stadtbezirke',
			paragraphs: [
				'Für Stadtbezirke werden die Bedarfsindikatoren zuerst aus den Zählern und Nennern der Stadtteile neu berechnet (Summe geteilt durch Summe, nie Mittel von Quoten) und dann über die Stadtbezirke standardisiert. Kinder, Lernorte und Plätze werden summiert, die Erreichbarkeit wird mit der Zahl der Kinder gewichtet gemittelt.'
			],
			formulas: [],
			items: []
		},
		{
			id: 'grenzen',
			title: 'Was die Analyse nicht sagt',
			paragraphs: [
				'Der Bedarfsindex ist relativ: Ein Gebiet mit Index 0 hat durchschnittlichen, nicht geringen Bedarf. Ändern sich alle Gebiete gleich, ändert sich der Index nicht.',
				'Die Unterstützung misst Nähe, Plätze und Quoten, nicht die Qualität der Angebote und nicht, ob Plätze frei sind. Die Analyse zeigt, wo man genauer hinschauen sollte; sie ersetzt nicht das Gespräch mit den Menschen vor Ort.'
			],
			formulas: [],
			items: []
		},
		{
			id: 'quellen',
			title: 'Datenquellen',
			paragraphs: demo ? ['Die Indikatorwerte sind Demodaten – nicht amtlich.'] : [],
			formulas: [],
			items: sourceItems
		}
	];
}

function unitSuffix(meta: IndicatorMeta | undefined): string {
	if (!meta?.unit) return '';
	return meta.unit === '%' ? `${NBSP}%` : ` ${meta.unit}`;
}

/**
 * What the page says when the settlement layer could not be loaded: the analysis goes on with
 * children spread evenly. `settlementProblemText('HTTP 404', 'npm run data ausführen.')`
 * -> 'Die Siedlungsflächen konnten nicht geladen werden (HTTP 404); die Kinder gelten deshalb als
 *    gleichmäßig über die Stadtteile verteilt. npm run data ausführen.'
 */
export function settlementProblemText(message: string, hint: string): string {
	return `Die Siedlungsflächen konnten nicht geladen werden (${message}); die Kinder gelten deshalb als gleichmäßig über die Stadtteile verteilt. ${hint}`;
}
