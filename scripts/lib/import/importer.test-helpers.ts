/** Small tools the importer's tests share: user files, snapshots, thrown issues, Excel bytes. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportError, type ValidationIssue } from './types';

/** Writes a user's file into `dir` and returns its path. */
export function writeInput(dir: string, name: string, content: string | Uint8Array): string {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
}

/** Every file of a city folder by name, to show that a failed import left it alone. */
export function snapshotDir(dir: string): Record<string, string> {
	return Object.fromEntries(
		readdirSync(dir)
			.sort()
			.map((f) => [f, readFileSync(join(dir, f), 'utf8')])
	);
}

/** The issues of the ImportError thrown by `fn`; anything else fails the test. */
export async function issuesOf(fn: () => Promise<unknown>): Promise<ValidationIssue[]> {
	try {
		await fn();
	} catch (err) {
		if (err instanceof ImportError) return err.issues;
		throw err;
	}
	throw new Error('expected an ImportError');
}

/** The lines of a text without the final newline. */
export const lines = (text: string | undefined) => (text ?? '').trim().split('\n');

/** Windows-1252 bytes (German Excel's "CSV (Trennzeichen-getrennt)") for Latin-1 text and a few symbols. */
const CP1252_HIGH: Record<string, number> = { '€': 0x80, '„': 0x84, '…': 0x85, '“': 0x93, '–': 0x96 };
export const cp1252 = (text: string) =>
	Uint8Array.from(text, (c) => {
		const code = CP1252_HIGH[c] ?? c.charCodeAt(0);
		if (code > 0xff) throw new Error(`no Windows-1252 byte for ${c}`);
		return code;
	});
