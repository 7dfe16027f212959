import { parseCell } from '../../src/lib/domain/cells';
import type { BezirkRow } from '../../src/lib/domain/validateSources';
import { SOURCE_FILES, type SourceReader } from './sources';

/** The column of stadtbezirke.csv with the official population the demo data must match. */
export const POPULATION_COLUMN = 'einwohner_2023';

/** Official 2023 population per Stadtbezirk from stadtbezirke.csv, for the demo generator. */
export function readDemoPopulation(
	reader: SourceReader,
	bezirke: readonly BezirkRow[]
): Array<{ key: string; name: string; population: number }> | undefined {
	const table = reader.csv(SOURCE_FILES.stadtbezirke);
	if (!table) return undefined;
	const col = table.header.indexOf(POPULATION_COLUMN);
	const keyCol = table.header.indexOf('bezirk_nr');
	const file = reader.name(SOURCE_FILES.stadtbezirke);
	if (col < 0) {
		reader.issues.push({
			file,
			row: 1,
			message: `Spalte ${POPULATION_COLUMN} fehlt`,
			hint: 'Einwohnerzahlen 2023 ergänzen'
		});
		return undefined;
	}
	const byKey = new Map(table.records.map((r) => [r.fields[keyCol]?.trim() ?? '', r]));
	const out: Array<{ key: string; name: string; population: number }> = [];
	for (const b of bezirke) {
		const record = byKey.get(b.key)!;
		const cell = parseCell(record.fields[col] ?? '');
		if (cell.kind !== 'number' || !Number.isInteger(cell.value) || cell.value < 0) {
			reader.issues.push({
				file,
				row: record.line,
				column: POPULATION_COLUMN,
				message: 'Einwohnerzahl fehlt oder ist ungültig',
				hint: 'Ganze Zahl ohne Tausendertrennzeichen eintragen'
			});
			continue;
		}
		out.push({ key: b.key, name: b.name, population: cell.value });
	}
	return reader.issues.length ? undefined : out;
}
