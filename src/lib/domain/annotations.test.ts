import { describe, expect, it } from 'vitest';
import {
	noteFromDraft,
	annotationsFromCsv,
	annotationsFromGeoJson,
	annotationsToCsv,
	annotationsToGeoJson,
	categoryOf,
	cleanText,
	MAX_TEXT_LENGTH,
	mergeAnnotations,
	sortAnnotations,
	type Annotation,
	type AnnotationContext
} from './annotations';

const PIN: Annotation = {
	id: 'p1',
	kind: 'point',
	category: 'idee',
	text: 'Spielplatz; "neu" am Bach',
	lon: 9.1829,
	lat: 48.7758,
	created: '2026-03-12T09:30:00.000Z',
	updated: '2026-03-12T09:31:00.000Z'
};
const AREA: Annotation = {
	id: 'a1',
	kind: 'area',
	category: 'foerderluecke',
	text: 'Kita-Plätze fehlen',
	level: 'stadtteil',
	key: '214',
	created: '2026-03-12T09:20:00.000Z',
	updated: '2026-03-12T09:20:00.000Z'
};
const FORMULA: Annotation = {
	...PIN,
	id: 'p2',
	text: '=SUMME(A1)',
	lon: -0.5,
	created: '2026-03-12T09:40:00.000Z'
};

let counter = 0;
const CTX: AnnotationContext = {
	areaKeys: { stadtteil: new Set(['214', '101']), stadtbezirk: new Set(['1']) },
	newId: () => `neu-${++counter}`,
	now: '2026-03-12T10:00:00.000Z'
};
const bytes = (text: string) => new TextEncoder().encode(text);

describe('cleanText and categoryOf', () => {
	it.each([
		['  Kita\nfehlt ', 'Kita fehlt'],
		['a\t\tb', 'a b'],
		['x'.repeat(MAX_TEXT_LENGTH + 10), 'x'.repeat(MAX_TEXT_LENGTH)],
		['', '']
	])('cleanText(%j) -> %j', (raw, clean) => expect(cleanText(raw)).toBe(clean));

	it.each([
		['Förderlücke', 'foerderluecke'],
		['gutes angebot', 'gutes_angebot'],
		[' FRAGE ', 'frage'],
		['idee', 'idee'],
		['Lob', null],
		['', null]
	])('categoryOf(%j) -> %j', (raw, c) => expect(categoryOf(raw)).toBe(c));
});

describe('noteFromDraft', () => {
	const NOW = '2026-03-12T10:00:00.000Z';
	const newId = () => 'neu';

	it('a new pin gets a new id, the cleaned text and now as both times', () => {
		expect(
			noteFromDraft(
				{ id: null, kind: 'point', lon: 9.18, lat: 48.78, category: 'idee', text: '  Treff\npunkt ' },
				undefined,
				NOW,
				newId
			)
		).toEqual({
			id: 'neu',
			kind: 'point',
			lon: 9.18,
			lat: 48.78,
			category: 'idee',
			text: 'Treff punkt',
			created: NOW,
			updated: NOW
		});
	});

	it('an edited area keeps its id and creation time; only category, text and update change', () => {
		const old = {
			id: 'a1',
			kind: 'area' as const,
			level: 'stadtbezirk' as const,
			key: '1',
			category: 'frage' as const,
			text: 'alt',
			created: '2026-03-12T09:00:00.000Z',
			updated: '2026-03-12T09:05:00.000Z'
		};
		const note = noteFromDraft({ ...old, category: 'foerderluecke', text: 'neu' }, old, NOW, newId);
		expect(note).toEqual({ ...old, category: 'foerderluecke', text: 'neu', updated: NOW });
	});
});

describe('sortAnnotations and mergeAnnotations', () => {
	it('sorts oldest first without mutating the input', () => {
		const input = [PIN, AREA];
		expect(sortAnnotations(input).map((a) => a.id)).toEqual(['a1', 'p1']);
		expect(input.map((a) => a.id)).toEqual(['p1', 'a1']);
	});

	it('keeps existing notes and takes the newer version of the same id', () => {
		const newer = { ...PIN, text: 'geändert', updated: '2026-03-12T11:00:00.000Z' };
		const older = { ...AREA, text: 'alt', updated: '2026-03-01T00:00:00.000Z' };
		const merged = mergeAnnotations([PIN, AREA], [newer, older, FORMULA]);
		expect(merged.map((a) => [a.id, a.text])).toEqual([
			['a1', 'Kita-Plätze fehlen'],
			['p1', 'geändert'],
			['p2', '=SUMME(A1)']
		]);
	});
});

describe('GeoJSON', () => {
	it('writes points and areas with German properties', () => {
		const fc = annotationsToGeoJson([PIN, AREA], {
			geometryOf: () => ({
				type: 'Polygon',
				coordinates: [
					[
						[9, 48],
						[9.1, 48],
						[9, 48.1],
						[9, 48]
					]
				]
			}),
			nameOf: () => 'Hallschlag'
		});
		expect(fc.features).toHaveLength(2);
		const [area, pin] = fc.features;
		expect(area!.geometry?.type).toBe('Polygon');
		expect(area!.properties).toMatchObject({
			art: 'gebiet',
			kategorie: 'Förderlücke',
			ebene: 'stadtteil',
			gebiet: '214',
			gebietsname: 'Hallschlag'
		});
		expect(pin!.geometry).toEqual({ type: 'Point', coordinates: [9.1829, 48.7758] });
		expect(pin!.properties).toMatchObject({ art: 'punkt', kategorie: 'Idee', text: PIN.text });
	});

	it('reads back what it writes (round trip)', () => {
		const text = JSON.stringify(annotationsToGeoJson([PIN, AREA, FORMULA]));
		const { annotations, problems } = annotationsFromGeoJson(text, CTX);
		expect(problems).toEqual([]);
		expect(annotations).toEqual(sortAnnotations([PIN, AREA, FORMULA]));
	});

	it('skips bad features naming the feature and the field, keeping the good ones', () => {
		const good = annotationsToGeoJson([PIN]).features[0]!;
		const fc = {
			type: 'FeatureCollection',
			features: [
				good,
				{ ...good, properties: { ...good.properties, kategorie: 'Lob' } },
				{ ...good, geometry: { type: 'Point', coordinates: [200, 48] } },
				{ ...good, properties: { ...good.properties, art: 'linie' } },
				{
					type: 'Feature',
					geometry: null,
					properties: { art: 'gebiet', kategorie: 'Idee', ebene: 'stadtteil', gebiet: '999' }
				},
				{ ...good, properties: { ...good.properties, text: 'x'.repeat(MAX_TEXT_LENGTH + 1) } },
				{ ...good, properties: { ...good.properties, erstellt: 'gestern' } },
				{ ...good, properties: { ...good.properties, id: '<script>' } },
				'kaputt'
			]
		};
		const { annotations, problems } = annotationsFromGeoJson(JSON.stringify(fc), CTX);
		expect(annotations).toHaveLength(1);
		expect(problems).toEqual([
			expect.stringMatching(/^Objekt 2, Feld ‚kategorie‘: ‚Lob‘ ist keine Kategorie/),
			expect.stringMatching(/^Objekt 3, Feld ‚laenge‘: ‚200‘ ist keine Länge/),
			expect.stringMatching(/^Objekt 4, Feld ‚art‘: ‚linie‘ ist weder punkt noch gebiet/),
			expect.stringMatching(/^Objekt 5, Feld ‚gebiet‘: ‚999‘ ist kein Gebiet/),
			expect.stringMatching(/^Objekt 6, Feld ‚text‘: länger als 280 Zeichen/),
			expect.stringMatching(/^Objekt 7, Feld ‚erstellt‘: ‚gestern‘ ist kein Zeitpunkt/),
			expect.stringMatching(/^Objekt 8, Feld ‚id‘: ‚<script>‘ ist keine Kennung/),
			expect.stringMatching(/^Objekt 9: kein GeoJSON-Feature/)
		]);
	});

	it.each([
		['nicht json', 'kein gültiges JSON'],
		['{"type":"Feature"}', 'keine GeoJSON-FeatureCollection'],
		['[]', 'keine GeoJSON-FeatureCollection']
	])('rejects %j as a whole', (text, message) => {
		const { annotations, problems } = annotationsFromGeoJson(text, CTX);
		expect(annotations).toEqual([]);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toContain(message);
	});
});

describe('CSV', () => {
	it('writes German CSV with BOM, semicolons, decimal commas and escaped formulas', () => {
		const csv = annotationsToCsv([PIN, AREA, FORMULA], { german: true, nameOf: () => 'Hallschlag' });
		expect(
			csv.startsWith(
				'\ufeffid;art;kategorie;text;laenge;breite;ebene;gebiet;gebietsname;erstellt;geaendert\r\n'
			)
		).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines[1]).toBe(
			'a1;gebiet;Förderlücke;Kita-Plätze fehlen;;;stadtteil;214;Hallschlag;2026-03-12T09:20:00.000Z;2026-03-12T09:20:00.000Z'
		);
		expect(lines[2]).toBe(
			'p1;punkt;Idee;"Spielplatz; ""neu"" am Bach";9,1829;48,7758;;;;2026-03-12T09:30:00.000Z;2026-03-12T09:31:00.000Z'
		);
		expect(lines[3]).toContain(";'=SUMME(A1);-0,5;");
	});

	it.each([true, false])('reads back what it writes (german: %s)', (german) => {
		const csv = annotationsToCsv([PIN, AREA, FORMULA], { german });
		const { annotations, problems } = annotationsFromCsv(bytes(csv), 'notizen.csv', CTX);
		expect(problems).toEqual([]);
		expect(annotations).toEqual(sortAnnotations([PIN, AREA, FORMULA]));
	});

	it('reads a hand-made table: columns in any order, no ids or times', () => {
		const { annotations, problems } = annotationsFromCsv(
			bytes('Kategorie;Art;Breite;Länge;Text;laenge;breite\nIdee;Punkt;;;Bank;9,18;48,78\n'),
			'hand.csv',
			CTX
		);
		expect(problems).toEqual([]);
		expect(annotations).toEqual([
			{
				id: expect.stringMatching(/^neu-/),
				kind: 'point',
				category: 'idee',
				text: 'Bank',
				lon: 9.18,
				lat: 48.78,
				created: CTX.now,
				updated: CTX.now
			}
		]);
	});

	it('names the line and the field of each bad row and keeps the good rows', () => {
		const csv = [
			'art;kategorie;text;laenge;breite;ebene;gebiet',
			'punkt;Idee;gut;9,1;48,7;;',
			'punkt;Lob;x;9,1;48,7;;',
			'punkt;Idee;x;;48,7;;',
			'gebiet;Frage;x;;;kontinent;1',
			'gebiet;Frage;x;;;stadtbezirk;',
			'gebiet;Frage;gut;;;stadtbezirk;1'
		].join('\n');
		const { annotations, problems } = annotationsFromCsv(bytes(csv), 'n.csv', CTX);
		expect(annotations.map((a) => a.text)).toEqual(['gut', 'gut']);
		expect(problems).toEqual([
			expect.stringMatching(/^Zeile 3, Feld ‚kategorie‘: ‚Lob‘ ist keine Kategorie/),
			expect.stringMatching(/^Zeile 4, Feld ‚laenge‘: fehlt/),
			expect.stringMatching(/^Zeile 5, Feld ‚ebene‘: ‚kontinent‘ ist keine Gebietsebene/),
			expect.stringMatching(/^Zeile 6, Feld ‚gebiet‘: fehlt/)
		]);
	});

	it('reports a table without the needed columns', () => {
		const { annotations, problems } = annotationsFromCsv(bytes('name;wert\na;1\n'), 'x.csv', CTX);
		expect(annotations).toEqual([]);
		expect(problems[0]).toContain('x.csv: Spalte ‚art‘ und ‚kategorie‘ fehlt');
	});

	it('reports an empty file', () => {
		const { problems } = annotationsFromCsv(bytes(''), 'leer.csv', CTX);
		expect(problems).toEqual([expect.stringContaining('keine Tabelle')]);
	});
});
