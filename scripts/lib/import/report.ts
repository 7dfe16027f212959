import { formatNumber } from '../../../src/lib/domain/format';

/**
 * What an import tells its user: a few facts, the warnings, and the files it changed (or
 * would change, with --dry-run). The CLI prints it; tests read it.
 */
export interface ImportReport {
	title: string;
	facts: Array<[label: string, value: string]>;
	warnings: string[];
	/** Files written (or, in a dry run, that would be written), relative paths. */
	changes: string[];
	dryRun: boolean;
}

/** Progress lines for long imports; the CLI prints them, tests collect or drop them. */
export type Progress = (line: string) => void;

/** `kiloBytes(123456)` -> "120,6 KB"; from 1 MB on in MB: `kiloBytes(13831373)` -> "13,2 MB". */
export function kiloBytes(bytes: number): string {
	return bytes >= 1024 * 1024
		? `${formatNumber(bytes / 1024 / 1024, 1)} MB`
		: `${formatNumber(bytes / 1024, 1)} KB`;
}

/** The report as lines of text, as printed by the CLI. */
export function formatReport(report: ImportReport, seconds: number): string[] {
	const lines = [report.dryRun ? `${report.title} (Probelauf, es wurde nichts geschrieben)` : report.title];
	const width = Math.max(...report.facts.map(([label]) => label.length), 0);
	for (const [label, value] of report.facts) lines.push(`  ${`${label}:`.padEnd(width + 1)} ${value}`);
	if (report.warnings.length > 0) {
		lines.push(`  Warnungen (${report.warnings.length}):`);
		const shown = report.warnings.slice(0, 25);
		for (const w of shown) lines.push(`    - ${w}`);
		if (report.warnings.length > shown.length)
			lines.push(`    … und ${report.warnings.length - shown.length} weitere`);
	}
	if (report.changes.length > 0)
		lines.push(`  ${report.dryRun ? 'Würde schreiben' : 'Geschrieben'}: ${report.changes.join(', ')}`);
	lines.push(`  Dauer: ${formatNumber(seconds, 1)} s`);
	return lines;
}
