import { shownValue, type ExportTable } from './compareTables';
import { PARTIAL_NOTE } from './format';
import type { AreaProfile, ProfileLernorte, ProfileRow, ProfileValue } from './profile';
import type { ExportCell } from './tableExport';
import type { Catalog } from './types';

/**
 * The tables of the area profile as they are downloaded: the indicators of every phase in one
 * table with the phase as its first column, and the Lernorte list. Values are rounded as the
 * page shows them, "geheim gehalten" and "keine Daten" stay text, and every row keeps its year,
 * unit, source and notes, so that a row pasted elsewhere still says what it is.
 */

/** Header of the area's column: `areaColumn(profile)` -> 'Hallschlag (Stadtteil)'. */
function areaColumn(profile: Pick<AreaProfile, 'name' | 'kindLabel'>): string {
	return `${profile.name} (${profile.kindLabel})`;
}

function notesOf(row: ProfileRow, columns: Array<[string, ProfileValue | null]>): string {
	const partialIn = columns.filter(([, v]) => v?.partial).map(([name]) => name);
	return row.flags
		.map((f) => (f.kind === 'partial' ? `${PARTIAL_NOTE}: ${partialIn.join(', ')}` : f.text))
		.join('; ');
}

/**
 * The indicator tables of a profile as one table: phase, indicator, the area's value, the
 * Stadtbezirk's (for a Stadtteil only), the city's, then year, unit, source and notes.
 * `profileIndicatorTable(profile).header`
 * -> ['Bildungsphase', 'Indikator', 'Hallschlag (Stadtteil)', 'Stadtbezirk Bad Cannstatt', 'Stuttgart (Stadt)', 'Jahr', 'Einheit', 'Quelle', 'Hinweis']
 */
export function profileIndicatorTable(profile: AreaProfile): ExportTable {
	const area = areaColumn(profile);
	const parent = profile.parent ? `Stadtbezirk ${profile.parent.name}` : null;
	const city = `${profile.cityName} (Stadt)`;
	const header = ['Bildungsphase', 'Indikator', area];
	if (parent) header.push(parent);
	header.push(city, 'Jahr', 'Einheit', 'Quelle', 'Hinweis');

	const rows = profile.groups.flatMap((g) =>
		g.rows.map((r) => {
			const meta = r.indicator;
			const row: ExportCell[] = [g.phase.label, meta.title, shownValue(r.area.cell, meta)];
			if (parent) {
				if (!r.parent) throw new Error(`profileIndicatorTable: row ${meta.id} has no Stadtbezirk value`);
				row.push(shownValue(r.parent.cell, meta));
			}
			const notes = notesOf(r, [
				[area, r.area],
				[parent ?? '', r.parent],
				[city, r.city]
			]);
			row.push(shownValue(r.city.cell, meta), r.year, meta.unit, meta.source, notes);
			return row;
		})
	);
	return { header, rows };
}

/**
 * The Lernorte list of a profile as a table, in the page's order (category, type, name): its
 * category, type, name, address and Stadtteil, with the source and a demo note.
 * `profileLernortTable(catalog, lernorte).rows[0]` -> ['Formale Lernorte', 'Kita', 'Kita Am Park', 'Parkweg 1', 'Hallschlag', 'Jugendamt', 'Demodaten']
 */
export function profileLernortTable(catalog: Catalog, lernorte: ProfileLernorte): ExportTable {
	const typeLabels = new Map(catalog.lernortTypes.map((t) => [t.id, t.label]));
	const stadtteilNames = new Map(catalog.units.stadtteil.map((u) => [u.key, u.name]));
	const byId = new Map(lernorte.lernorte.map((l) => [l.id, l]));
	const rows = lernorte.categories.flatMap((c) =>
		c.types.flatMap((t) =>
			t.sites.map((s): ExportCell[] => {
				const site = byId.get(s.id);
				return [
					c.title,
					typeLabels.get(t.type) ?? t.label,
					s.name,
					s.address || null,
					stadtteilNames.get(s.stadtteil) ?? s.stadtteil,
					site?.source ?? null,
					site?.demo ? 'Demodaten' : ''
				];
			})
		)
	);
	return { header: ['Kategorie', 'Art', 'Name', 'Adresse', 'Stadtteil', 'Quelle', 'Hinweis'], rows };
}
