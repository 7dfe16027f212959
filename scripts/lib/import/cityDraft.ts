import {
	chmodSync,
	closeSync,
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CsvSyntaxError, parseCsv, type CsvTable } from '../../../src/lib/domain/csv';
import { readCity } from '../build';
import { displayPath } from '../sources';
import { ImportError, type ValidationIssue } from './types';

/**
 * The files of one city directory (geodata/<city>/) with changes staged in memory. Nothing
 * touches the directory until `commit()`, which writes a complete copy beside it, checks the
 * copy with the data build's validator, and only then swaps it in – so an import either
 * lands whole or leaves geodata/ as it was.
 */
export class CityDraft {
	readonly dir: string;
	readonly label: string;
	readonly #staged = new Map<string, string>();

	#lock: string | null = null;

	constructor(
		readonly geodataDir: string,
		readonly city: string
	) {
		this.dir = join(geodataDir, city);
		this.label = displayPath(this.dir);
		this.#recover();
	}

	/**
	 * Takes the city's lock file, so that two imports into the same city cannot overwrite each
	 * other's changes; `unlock()` releases it. A second import stops with a message instead.
	 */
	lock(): void {
		mkdirSync(this.geodataDir, { recursive: true });
		const path = join(this.geodataDir, `.${this.city}.lock`);
		try {
			closeSync(openSync(path, 'wx'));
		} catch (err) {
			if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
			throw new ImportError({
				file: displayPath(path),
				message: `Ein anderer Import für „${this.city}“ läuft gerade`,
				hint: 'Warten, bis er fertig ist; läuft keiner mehr (z. B. nach einem Absturz), die Sperrdatei löschen'
			});
		}
		this.#lock = path;
	}

	unlock(): void {
		if (this.#lock) rmSync(this.#lock, { force: true });
		this.#lock = null;
	}

	/** A commit cut off between its two renames leaves the city only in `.<city>-old-*`: put it back. */
	#recover(): void {
		if (existsSync(this.dir) || !existsSync(this.geodataDir)) return;
		const old = readdirSync(this.geodataDir).find((n) => n.startsWith(`.${this.city}-old-`));
		if (old) renameSync(join(this.geodataDir, old), this.dir);
	}

	/** `geodata/<city>/<file>` for messages. */
	name(file: string): string {
		return `${this.label}/${file}`;
	}

	exists(file: string): boolean {
		return this.#staged.has(file) || existsSync(join(this.dir, file));
	}

	/** The staged text of a file, else its text on disk, else undefined. */
	text(file: string): string | undefined {
		const staged = this.#staged.get(file);
		if (staged !== undefined) return staged;
		const path = join(this.dir, file);
		return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
	}

	json<T>(file: string): T | undefined {
		const text = this.text(file);
		if (text === undefined) return undefined;
		try {
			return JSON.parse(text) as T;
		} catch (err) {
			throw new ImportError({
				file: this.name(file),
				message: `Kein gültiges JSON: ${(err as Error).message}`,
				hint: 'Datei reparieren (oder aus der Versionsverwaltung wiederherstellen), dann erneut importieren'
			});
		}
	}

	csv(file: string): CsvTable | undefined {
		const text = this.text(file);
		if (text === undefined) return undefined;
		try {
			return parseCsv(text);
		} catch (err) {
			if (!(err instanceof CsvSyntaxError)) throw err;
			throw new ImportError({
				file: this.name(file),
				row: err.line,
				message: err.message,
				hint: 'Datei reparieren (oder aus der Versionsverwaltung wiederherstellen), dann erneut importieren'
			});
		}
	}

	write(file: string, content: string): void {
		this.#staged.set(file, content);
	}

	writeJson(file: string, value: unknown, compact = false): void {
		this.write(file, (compact ? JSON.stringify(value) : JSON.stringify(value, null, '\t')) + '\n');
	}

	/** Names of the staged files, in staging order. */
	get changes(): string[] {
		return [...this.#staged.keys()];
	}

	/**
	 * Checks the city as it would be after the change with the data build's validator. A city
	 * that built before must still build: its problems are `blocking`. A city under
	 * construction (set up with `init`, not yet complete) may stay incomplete: its remaining
	 * problems are `open`, to be shown as what is still to do.
	 */
	check(): { blocking: ValidationIssue[]; open: ValidationIssue[] } {
		const builtBefore = existsSync(this.dir) && readCity(this.dir, this.label, this.city).issues.length === 0;
		const tmp = this.#stage();
		try {
			const after = readCity(tmp, this.label, this.city).issues;
			return builtBefore ? { blocking: after, open: [] } : { blocking: [], open: after };
		} finally {
			rmSync(tmp, { recursive: true, force: true });
		}
	}

	/**
	 * Writes the staged files: the whole city directory is copied beside itself, changed, and
	 * renamed into place; the old copy is removed last. Any failure leaves the old directory.
	 */
	commit(): void {
		if (this.#staged.size === 0) return;
		const tmp = this.#stage();
		const old = join(dirname(this.dir), `.${basename(this.dir)}-old-${process.pid}`);
		const had = existsSync(this.dir);
		try {
			if (had) renameSync(this.dir, old);
			try {
				renameSync(tmp, this.dir);
			} catch (err) {
				if (had) renameSync(old, this.dir);
				throw err;
			}
		} catch (err) {
			rmSync(tmp, { recursive: true, force: true });
			throw err;
		}
		rmSync(old, { recursive: true, force: true });
	}

	/** A complete copy of the city directory with the staged files written into it. */
	#stage(): string {
		mkdirSync(this.geodataDir, { recursive: true });
		const tmp = mkdtempSync(join(this.geodataDir, `.${this.city}-import-`));
		try {
			if (existsSync(this.dir)) cpSync(this.dir, tmp, { recursive: true });
			for (const [file, content] of this.#staged) writeFileSync(join(tmp, file), content);
			// mkdtemp makes the folder private (0700); the city keeps the access it had.
			chmodSync(tmp, existsSync(this.dir) ? statSync(this.dir).mode & 0o7777 : 0o755);
		} catch (err) {
			rmSync(tmp, { recursive: true, force: true });
			throw err;
		}
		return tmp;
	}
}
