import { expect, test } from 'vitest';
import { formatReport, kiloBytes } from './report';

test.each([
	[123456, '120,6 KB'],
	[13_831_373, '13,2 MB']
])('kiloBytes(%d) -> %s', (n, text) => expect(kiloBytes(n)).toBe(text));

test('formatReport aligns the facts, lists warnings and says what a dry run would write', () => {
	const lines = formatReport(
		{
			title: 'Import',
			facts: [
				['Datei', 'a.csv'],
				['Koordinatensystem', 'EPSG:25832']
			],
			warnings: Array.from({ length: 30 }, (_, i) => `W${i}`),
			changes: ['geodata/x/lernorte.csv'],
			dryRun: true
		},
		1.25
	);
	expect(lines[0]).toBe('Import (Probelauf, es wurde nichts geschrieben)');
	expect(lines[1]).toBe('  Datei:             a.csv');
	expect(lines).toContain('  Warnungen (30):');
	expect(lines).toContain('    … und 5 weitere');
	expect(lines).toContain('  Würde schreiben: geodata/x/lernorte.csv');
	expect(lines.at(-1)).toBe('  Dauer: 1,3 s');
});
