import { formatCsv } from './csv';

/**
 * A table as the page shows it, written as CSV for a spreadsheet: UTF-8 with a byte order mark
 * (so Excel reads umlauts right), numbers as numbers. `german: true` writes what Excel and
 * LibreOffice set to German expect: semicolons, decimal commas and CRLF line ends.
 */

/** One cell: a number stays a number; null is an empty cell; text is text. */
export type ExportCell = string | number | null;

export const UTF8_BOM = '\ufeff';

/**
 * A number for the file: all its digits, no thousands separators, the decimal comma in German.
 * `exportNumber(1234.5, true)` -> '1234,5'; `exportNumber(-0.25, false)` -> '-0.25'
 */
export function exportNumber(v: number, german: boolean): string {
	if (!Number.isFinite(v)) throw new RangeError(`exportNumber: ${v} is no number for a table`);
	// toString writes 1e-7 for small values; spreadsheets read plain decimals more reliably.
	const plain = Math.abs(v) < 1e-6 && v !== 0 ? v.toFixed(12).replace(/0+$/, '') : String(v);
	return german ? plain.replace('.', ',') : plain;
}

/**
 * Text that a spreadsheet would run as a formula ("=…", "+…", "-…", "@…", or a tab or carriage
 * return first) gets a leading apostrophe, so a name from an imported file cannot become a
 * formula. `exportText('=SUMME(A1)')` -> "'=SUMME(A1)"
 */
export function exportText(s: string): string {
	return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/**
 * The CSV text of a table, with the byte order mark.
 * `tableCsv(['Stadtteil', 'Quote'], [['Hallschlag', 41.2]], { german: true })`
 * -> '\ufeffStadtteil;Quote\r\nHallschlag;41,2\r\n'
 */
export function tableCsv(
	header: readonly string[],
	rows: ReadonlyArray<ReadonlyArray<ExportCell>>,
	options: { german: boolean }
): string {
	const { german } = options;
	const width = header.length;
	const cells = rows.map((row, i) => {
		if (row.length !== width)
			throw new RangeError(`tableCsv: row ${i} has ${row.length} cells, header ${width}`);
		return row.map((c) =>
			c === null ? null : typeof c === 'number' ? exportNumber(c, german) : exportText(c)
		);
	});
	const text = formatCsv(header.map(exportText), cells, german ? { delimiter: ';', lineEnd: '\r\n' } : {});
	return UTF8_BOM + text;
}
